//! The parts of a case record, one use case each: the person, needs, plan actions, notes, documents,
//! history and risk assessments, and downloading a document.

use super::record::owners;
use super::*;

impl App {
    /// Replaces the person's details; re-indexes their names and date of birth for search.
    pub async fn update_person(
        &self,
        actor: &Account,
        id: &CaseId,
        draft: PersonDraft,
    ) -> Result<(), AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::UpdatePerson,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let details = draft.validate(t.date())?;
                let key = writable_key(keys, tx, &opened.case)?;
                let sealed = seal_person(&key, &opened.case.id, &details)?;
                tx.set_case_person(&opened.case.id, &sealed, t, &actor.user_id)?;
                tx.replace_case_index(
                    &opened.case,
                    &index_entries(keys, &opened.case.org_id, &details),
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CasePersonUpdate, &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Records (replaces) the needs assessment: an urgency per need and a note.
    pub async fn record_needs(
        &self,
        actor: &Account,
        id: &CaseId,
        needs: Vec<(Need, NeedUrgency)>,
        note: String,
    ) -> Result<(), AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::RecordNeeds,
            move |tx, keys, actor, opened| {
                let a = NeedsAssessment::new(&needs, &note)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let cid = opened.case.id.as_str();
                let note_ct = a
                    .note
                    .as_ref()
                    .map(|n| key.seal_str(&ctx(SealedColumn::NeedsNote, cid), n.expose()));
                let list: Vec<(Need, NeedUrgency)> = a.needs.into_iter().collect();
                tx.replace_case_needs(
                    &opened.case.id,
                    &list,
                    note_ct.as_deref(),
                    tx.now(),
                    &actor.user_id,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseNeedsUpdate, &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Adds an action to the support plan. Its owner must be someone who can open the case.
    pub async fn add_plan_action(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewPlanAction,
    ) -> Result<PlanActionId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddPlanAction,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let title = plan_action_title(&new.title)?;
                let due_on = due_date(&new.due_on, t.date())?;
                let owner = new.owner.unwrap_or_else(|| actor.user_id.clone());
                let staff = tx.case_staff(&actor.org_id)?;
                if !owners(&staff, &opened.case, actor, opened.via_grant.is_some())
                    .iter()
                    .any(|s| s.id == owner)
                {
                    return Err(waymark_domain::case_record::CaseError::Field {
                        field: "owner",
                        problem: "Choose someone who works on this case",
                    }
                    .into());
                }
                let key = writable_key(keys, tx, &opened.case)?;
                let aid: PlanActionId = new_id(PlanActionId::parse)?;
                tx.insert_plan_action(&PlanAction {
                    title_ct: key.seal_str(
                        &ctx(SealedColumn::PlanActionTitle, aid.as_str()),
                        title.expose(),
                    ),
                    id: aid.clone(),
                    case_id: opened.case.id.clone(),
                    owner_id: owner,
                    due_on,
                    status: PlanStatus::Open,
                    created_at: t,
                    created_by: actor.user_id.clone(),
                    done_at: None,
                    done_by: None,
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CasePlanAdd, &opened),
                )?;
                Ok(aid)
            },
        )
        .await
    }

    /// Marks a plan action done (once).
    pub async fn complete_plan_action(
        &self,
        actor: &Account,
        id: &CaseId,
        action: &PlanActionId,
    ) -> Result<(), AppError> {
        let action = action.clone();
        self.on_case(
            actor,
            id,
            CaseAction::CompletePlanAction,
            move |tx, keys, actor, opened| {
                let found = tx
                    .plan_action(&opened.case.id, &action)?
                    .ok_or(AppError::NotFound)?;
                if found.status == PlanStatus::Done
                    || !tx.complete_plan_action(
                        &opened.case.id,
                        &action,
                        tx.now(),
                        &actor.user_id,
                    )?
                {
                    return Err(AppError::Conflict("this action is already done".into()));
                }
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CasePlanComplete, &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Adds a note (sealed).
    pub async fn add_note(
        &self,
        actor: &Account,
        id: &CaseId,
        body: String,
    ) -> Result<NoteId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddNote,
            move |tx, keys, actor, opened| {
                let body = note_body(&body)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let nid: NoteId = new_id(NoteId::parse)?;
                tx.insert_case_note(&CaseNote {
                    body_ct: key
                        .seal_str(&ctx(SealedColumn::NoteBody, nid.as_str()), body.expose()),
                    id: nid.clone(),
                    case_id: opened.case.id.clone(),
                    author_id: actor.user_id.clone(),
                    created_at: tx.now(),
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseNoteAdd, &opened),
                )?;
                Ok(nid)
            },
        )
        .await
    }

    /// Keeps a document with the case: its type decided by its content (PDF, PNG, JPEG or plain text), at
    /// most 5 MiB, its name and content sealed.
    pub async fn upload_document(
        &self,
        actor: &Account,
        id: &CaseId,
        file_name: String,
        bytes: Vec<u8>,
    ) -> Result<UploadedDocument, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::UploadDocument,
            move |tx, keys, actor, opened| {
                // The upload is personal data: wiped when dropped.
                let bytes = Zeroizing::new(bytes);
                let kind = check_document(&bytes)?;
                let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
                let name = document_name(&file_name);
                let key = writable_key(keys, tx, &opened.case)?;
                let did: DocumentId = new_id(DocumentId::parse)?;
                let content_ct =
                    key.seal(&ctx(SealedColumn::DocumentContent, did.as_str()), &bytes);
                tx.insert_case_document(
                    &CaseDocument {
                        filename_ct: key.seal_str(
                            &ctx(SealedColumn::DocumentFilename, did.as_str()),
                            name.expose(),
                        ),
                        id: did.clone(),
                        case_id: opened.case.id.clone(),
                        kind,
                        size_bytes,
                        uploaded_at: tx.now(),
                        uploaded_by: actor.user_id.clone(),
                    },
                    &content_ct,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseDocumentUpload, &opened),
                )?;
                Ok(UploadedDocument {
                    id: did,
                    kind,
                    size_bytes,
                })
            },
        )
        .await
    }

    /// A document of a case, for those who may open the case. Audited.
    pub async fn download_document(
        &self,
        actor: &Account,
        id: &CaseId,
        document: &DocumentId,
    ) -> Result<Download, AppError> {
        let document = document.clone();
        self.on_case(
            actor,
            id,
            CaseAction::DownloadDocument,
            move |tx, keys, actor, opened| {
                let (meta, content_ct) = tx
                    .case_document(&opened.case.id, &document)?
                    .ok_or(AppError::NotFound)?;
                let key = keys
                    .data_key(tx, &opened.case.person_id)?
                    .ok_or(AppError::NotFound)?;
                let mut plain = key.open(
                    &ctx(SealedColumn::DocumentContent, meta.id.as_str()),
                    &content_ct,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseDocumentRead, &opened),
                )?;
                let did = meta.id.as_str();
                Ok(Download {
                    kind: meta.kind,
                    bytes: std::mem::take(&mut *plain),
                    file_name: format!(
                        "document-{}.{}",
                        &did[did.len().saturating_sub(12)..],
                        meta.kind.extension()
                    ),
                })
            },
        )
        .await
    }

    /// Adds an episode of exploitation history.
    pub async fn add_history(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewHistory,
    ) -> Result<HistoryEntryId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddHistory,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let e = ExploitationEpisode::new(
                    new.kind,
                    new.place,
                    &new.from,
                    &new.to,
                    &new.note,
                    t.date(),
                )?;
                let key = writable_key(keys, tx, &opened.case)?;
                let hid: HistoryEntryId = new_id(HistoryEntryId::parse)?;
                tx.insert_history_entry(&HistoryEntry {
                    note_ct: e.note.as_ref().map(|n| {
                        key.seal_str(&ctx(SealedColumn::HistoryNote, hid.as_str()), n.expose())
                    }),
                    id: hid.clone(),
                    case_id: opened.case.id.clone(),
                    exploitation_type: e.kind,
                    place: e.place,
                    started_on: e.from,
                    ended_on: e.to,
                    recorded_at: t,
                    recorded_by: actor.user_id.clone(),
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseHistoryAdd, &opened),
                )?;
                Ok(hid)
            },
        )
        .await
    }

    /// Records a risk-of-re-trafficking assessment (earlier ones are kept).
    pub async fn record_risk(
        &self,
        actor: &Account,
        id: &CaseId,
        level: RiskLevel,
        reasons: String,
    ) -> Result<RiskAssessmentId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::RecordRisk,
            move |tx, keys, actor, opened| {
                let reasons = risk_reasons(&reasons)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let rid: RiskAssessmentId = new_id(RiskAssessmentId::parse)?;
                tx.insert_risk_assessment(&RiskAssessment {
                    reasons_ct: key.seal_str(
                        &ctx(SealedColumn::RiskReasons, rid.as_str()),
                        reasons.expose(),
                    ),
                    id: rid.clone(),
                    case_id: opened.case.id.clone(),
                    level,
                    assessed_at: tx.now(),
                    assessed_by: actor.user_id.clone(),
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseRiskRecord, &opened),
                )?;
                Ok(rid)
            },
        )
        .await
    }
}
