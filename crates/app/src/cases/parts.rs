//! The parts of a case record, one use case each: the person, needs, plan actions, notes, documents,
//! history and risk assessments, and downloading a document. The parts that are recorded take the one
//! path of [`CasePart`]; each declares the case action its gate checks and the audit action it writes.

use time::PrimitiveDateTime;
use waymark_domain::case_record::PersonDetails;
use waymark_domain::referral::PersonalText;

use super::part::CasePart;
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
        self.record_part(actor, id, PersonPart(draft)).await
    }

    /// Records (replaces) the needs assessment: an urgency per need and a note.
    pub async fn record_needs(
        &self,
        actor: &Account,
        id: &CaseId,
        needs: Vec<(Need, NeedUrgency)>,
        note: String,
    ) -> Result<(), AppError> {
        self.record_part(actor, id, NeedsPart { needs, note }).await
    }

    /// Adds an action to the support plan. Its owner must be someone who can open the case.
    pub async fn add_plan_action(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewPlanAction,
    ) -> Result<PlanActionId, AppError> {
        self.record_part(actor, id, PlanPart(new)).await
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

    /// Adds a note (sealed).
    pub async fn add_note(
        &self,
        actor: &Account,
        id: &CaseId,
        body: String,
    ) -> Result<NoteId, AppError> {
        self.record_part(actor, id, NotePart(body)).await
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
        self.record_part(actor, id, DocumentPart { file_name, bytes })
            .await
    }

    /// Adds an episode of exploitation history.
    pub async fn add_history(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewHistory,
    ) -> Result<HistoryEntryId, AppError> {
        self.record_part(actor, id, HistoryPart(new)).await
    }

    /// Records a risk-of-re-trafficking assessment (earlier ones are kept).
    pub async fn record_risk(
        &self,
        actor: &Account,
        id: &CaseId,
        level: RiskLevel,
        reasons: String,
    ) -> Result<RiskAssessmentId, AppError> {
        self.record_part(actor, id, RiskPart { level, reasons })
            .await
    }
}

// ---- the parts ------------------------------------------------------------------------------------------

struct PersonPart(PersonDraft);

impl CasePart for PersonPart {
    const ACTION: CaseAction = CaseAction::UpdatePerson;
    const AUDIT: AuditAction = AuditAction::CasePersonUpdate;
    type Checked = (PersonDetails, PrimitiveDateTime);
    type Done = ();

    fn check(self, tx: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        let t = tx.now();
        Ok((self.0.validate(t.date())?, t))
    }

    fn write(
        (details, t): Self::Checked,
        tx: &mut Tx<'_>,
        keys: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<(), AppError> {
        let sealed = seal_person(key, &opened.case.id, &details)?;
        tx.set_case_person(&opened.case.id, &sealed, t, &actor.user_id)?;
        tx.replace_case_index(
            &opened.case,
            &index_entries(keys, &opened.case.org_id, &details),
        )?;
        Ok(())
    }
}

struct NeedsPart {
    needs: Vec<(Need, NeedUrgency)>,
    note: String,
}

impl CasePart for NeedsPart {
    const ACTION: CaseAction = CaseAction::RecordNeeds;
    const AUDIT: AuditAction = AuditAction::CaseNeedsUpdate;
    type Checked = NeedsAssessment;
    type Done = ();

    fn check(self, _: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        Ok(NeedsAssessment::new(&self.needs, &self.note)?)
    }

    fn write(
        a: NeedsAssessment,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<(), AppError> {
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
        Ok(())
    }
}

struct PlanPart(NewPlanAction);

/// A plan action, checked: its title, due date and owner, and when it was added.
struct CheckedPlanAction {
    title: PersonalText,
    due_on: Date,
    owner: UserId,
    at: PrimitiveDateTime,
}

impl CasePart for PlanPart {
    const ACTION: CaseAction = CaseAction::AddPlanAction;
    const AUDIT: AuditAction = AuditAction::CasePlanAdd;
    type Checked = CheckedPlanAction;
    type Done = PlanActionId;

    fn check(
        self,
        tx: &mut Tx<'_>,
        actor: &Account,
        opened: &Opened,
    ) -> Result<Self::Checked, AppError> {
        let new = self.0;
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
        Ok(CheckedPlanAction {
            title,
            due_on,
            owner,
            at: t,
        })
    }

    fn write(
        p: CheckedPlanAction,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<PlanActionId, AppError> {
        let aid: PlanActionId = new_id(PlanActionId::parse)?;
        tx.insert_plan_action(&PlanAction {
            title_ct: key.seal_str(
                &ctx(SealedColumn::PlanActionTitle, aid.as_str()),
                p.title.expose(),
            ),
            id: aid.clone(),
            case_id: opened.case.id.clone(),
            owner_id: p.owner,
            due_on: p.due_on,
            status: PlanStatus::Open,
            created_at: p.at,
            created_by: actor.user_id.clone(),
            done_at: None,
            done_by: None,
        })?;
        Ok(aid)
    }
}

struct NotePart(String);

impl CasePart for NotePart {
    const ACTION: CaseAction = CaseAction::AddNote;
    const AUDIT: AuditAction = AuditAction::CaseNoteAdd;
    type Checked = PersonalText;
    type Done = NoteId;

    fn check(self, _: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        Ok(note_body(&self.0)?)
    }

    fn write(
        body: PersonalText,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<NoteId, AppError> {
        let nid: NoteId = new_id(NoteId::parse)?;
        tx.insert_case_note(&CaseNote {
            body_ct: key.seal_str(&ctx(SealedColumn::NoteBody, nid.as_str()), body.expose()),
            id: nid.clone(),
            case_id: opened.case.id.clone(),
            author_id: actor.user_id.clone(),
            created_at: tx.now(),
        })?;
        Ok(nid)
    }
}

struct DocumentPart {
    file_name: String,
    bytes: Vec<u8>,
}

/// An upload, checked: its type, size and name, and the content (wiped when dropped).
struct CheckedDocument {
    kind: DocumentKind,
    size_bytes: i64,
    name: PersonalText,
    bytes: Zeroizing<Vec<u8>>,
}

impl CasePart for DocumentPart {
    const ACTION: CaseAction = CaseAction::UploadDocument;
    const AUDIT: AuditAction = AuditAction::CaseDocumentUpload;
    type Checked = CheckedDocument;
    type Done = UploadedDocument;

    fn check(self, _: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        // The upload is personal data: wiped when dropped.
        let bytes = Zeroizing::new(self.bytes);
        let kind = check_document(&bytes)?;
        let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        let name = document_name(&self.file_name);
        Ok(CheckedDocument {
            kind,
            size_bytes,
            name,
            bytes,
        })
    }

    fn write(
        d: CheckedDocument,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<UploadedDocument, AppError> {
        let did: DocumentId = new_id(DocumentId::parse)?;
        let content_ct = key.seal(&ctx(SealedColumn::DocumentContent, did.as_str()), &d.bytes);
        tx.insert_case_document(
            &CaseDocument {
                filename_ct: key.seal_str(
                    &ctx(SealedColumn::DocumentFilename, did.as_str()),
                    d.name.expose(),
                ),
                id: did.clone(),
                case_id: opened.case.id.clone(),
                kind: d.kind,
                size_bytes: d.size_bytes,
                uploaded_at: tx.now(),
                uploaded_by: actor.user_id.clone(),
            },
            &content_ct,
        )?;
        Ok(UploadedDocument {
            id: did,
            kind: d.kind,
            size_bytes: d.size_bytes,
        })
    }
}

struct HistoryPart(NewHistory);

impl CasePart for HistoryPart {
    const ACTION: CaseAction = CaseAction::AddHistory;
    const AUDIT: AuditAction = AuditAction::CaseHistoryAdd;
    type Checked = (ExploitationEpisode, PrimitiveDateTime);
    type Done = HistoryEntryId;

    fn check(self, tx: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        let new = self.0;
        let t = tx.now();
        let e =
            ExploitationEpisode::new(new.kind, new.place, &new.from, &new.to, &new.note, t.date())?;
        Ok((e, t))
    }

    fn write(
        (e, t): Self::Checked,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<HistoryEntryId, AppError> {
        let hid: HistoryEntryId = new_id(HistoryEntryId::parse)?;
        tx.insert_history_entry(&HistoryEntry {
            note_ct: e
                .note
                .as_ref()
                .map(|n| key.seal_str(&ctx(SealedColumn::HistoryNote, hid.as_str()), n.expose())),
            id: hid.clone(),
            case_id: opened.case.id.clone(),
            exploitation_type: e.kind,
            place: e.place,
            started_on: e.from,
            ended_on: e.to,
            recorded_at: t,
            recorded_by: actor.user_id.clone(),
        })?;
        Ok(hid)
    }
}

struct RiskPart {
    level: RiskLevel,
    reasons: String,
}

impl CasePart for RiskPart {
    const ACTION: CaseAction = CaseAction::RecordRisk;
    const AUDIT: AuditAction = AuditAction::CaseRiskRecord;
    type Checked = (RiskLevel, PersonalText);
    type Done = RiskAssessmentId;

    fn check(self, _: &mut Tx<'_>, _: &Account, _: &Opened) -> Result<Self::Checked, AppError> {
        Ok((self.level, risk_reasons(&self.reasons)?))
    }

    fn write(
        (level, reasons): Self::Checked,
        tx: &mut Tx<'_>,
        _: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<RiskAssessmentId, AppError> {
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
        Ok(rid)
    }
}
