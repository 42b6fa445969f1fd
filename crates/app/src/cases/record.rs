//! The case record, opened: the person, the parts, the closure, and who may own plan actions.

use super::*;

/// Reads a case's closure for its view (the caller has opened the case for `actor`).
pub(crate) fn closure_view(
    tx: &mut Tx<'_>,
    _keys: &Keys,
    actor: &Account,
    case: &Case,
    key: Option<&DataKey>,
) -> Result<ClosureView, AppError> {
    let c = tx.case_closure(&case.id)?.unwrap_or_default();
    let move_on_plan = match (key, &c.move_on_plan_ct) {
        (Some(k), Some(ct)) => {
            Some(k.open_string(&ctx(SealedColumn::CaseMoveOnPlan, case.id.as_str()), ct)?)
        }
        _ => None,
    };
    let closed_by = match &c.closed_by {
        Some(u) => tx
            .case_staff(&actor.org_id)?
            .into_iter()
            .find(|s| &s.id == u)
            .map(|s| s.display_name)
            .or_else(|| Some("a former member of staff".into())),
        None => None,
    };
    let erased = key.is_none() || c.erased_at.is_some();
    let may = |tx: &mut Tx<'_>, a| -> Result<bool, AppError> {
        Ok(decision(tx, actor, case, a)?.0 == Decision::Permit)
    };
    Ok(ClosureView {
        can_close: !erased
            && case.status == CaseStatus::Open.as_str()
            && may(tx, CaseAction::Close)?,
        can_erase: c.erased_at.is_none() && may(tx, CaseAction::Erase)?,
        follow_ups: if erased {
            Vec::new()
        } else {
            tx.follow_up_ids(&case.id)?
        },
        closed_at: c.closed_at,
        closed_by,
        move_on_plan,
        erased_at: c.erased_at,
    })
}

// ---- the person document -----------------------------------------------------------------------------

/// The person's details as the sealed document holds them, opened.
impl PersonDoc {
    pub(crate) fn into_person(self) -> Person {
        Person {
            name: self
                .name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| NOT_GIVEN.to_owned()),
            aliases: self.aliases,
            date_of_birth: self
                .date_of_birth
                .and_then(|d| waymark_domain::case_record::parse_date("date_of_birth", &d).ok()),
            age: self.age,
            nationality: self.nationality.unwrap_or_default(),
            languages: self.languages.unwrap_or_default(),
            safe_contact: self.safe_contact.unwrap_or_default(),
            never_write_to: self.never_write_to.unwrap_or_default(),
        }
    }
}

fn erased_person() -> Person {
    Person {
        name: ERASED.into(),
        aliases: vec![],
        date_of_birth: None,
        age: None,
        nationality: ERASED.into(),
        languages: ERASED.into(),
        safe_contact: ERASED.into(),
        never_write_to: ERASED.into(),
    }
}

/// The people who can open a case right now (and so may own its plan actions): the managers, the assigned
/// caseworker, and anyone holding a live grant (only the actor is checked for a grant).
pub(super) fn owners(
    staff: &[StaffMember],
    case: &Case,
    actor: &Account,
    via_grant: bool,
) -> Vec<StaffMember> {
    staff
        .iter()
        .filter(|s| {
            case_list_scope(s.role, actor.org_kind).includes(
                case.assigned_to.as_ref() == Some(&s.id),
                via_grant && s.id == actor.user_id,
            )
        })
        .cloned()
        .collect()
}

fn name_of(staff: &[StaffMember], id: &UserId) -> String {
    staff
        .iter()
        .find(|s| &s.id == id)
        .map(|s| s.display_name.clone())
        .unwrap_or_else(|| "a former member of staff".into())
}

fn staff_member(staff: &[StaffMember], id: &UserId) -> StaffMember {
    staff
        .iter()
        .find(|s| &s.id == id)
        .cloned()
        .unwrap_or(StaffMember {
            id: id.clone(),
            display_name: "a former member of staff".into(),
            role: Role::Caseworker,
        })
}

pub(super) fn summary(
    c: Case,
    staff: &[StaffMember],
    access_until: Option<PrimitiveDateTime>,
) -> CaseSummary {
    CaseSummary {
        assigned_to: c.assigned_to.as_ref().map(|u| name_of(staff, u)),
        id: c.id,
        reference: c.reference,
        status: c.status,
        opened_at: c.opened_at,
        access_until,
    }
}

/// A case's record, opened.
struct Unsealed {
    person: Person,
    needs: Option<NeedsView>,
    plan: Vec<PlanActionView>,
    notes: Vec<NoteView>,
    documents: Vec<DocumentView>,
    history: Vec<HistoryView>,
    risks: Vec<RiskView>,
}

/// Opens a case's record. After erasure every personal field reads [`ERASED`].
fn unseal_record(
    key: Option<&DataKey>,
    rows: CaseRecordRows,
    staff: &[StaffMember],
    case: &Case,
    referral: &ReferralView,
    today: Date,
) -> Result<Unsealed, AppError> {
    let open = |column: SealedColumn, row: &str, ct: &[u8]| -> Result<String, AppError> {
        match key {
            Some(k) => Ok(k.open_string(&ctx(column, row), ct)?),
            None => Ok(ERASED.to_owned()),
        }
    };
    let person = match (key, &rows.person) {
        (None, _) => erased_person(),
        (Some(k), Some(p)) => {
            let json = k.open(
                &ctx(SealedColumn::CasePerson, case.id.as_str()),
                &p.person_ct,
            )?;
            serde_json::from_slice::<PersonDoc>(&json)
                .map_err(|_| {
                    AppError::Vault(waymark_vault::VaultError::Malformed(
                        "the person document is not readable",
                    ))
                })?
                .into_person()
        }
        // A case opened before the case record existed: the referral's details stand in.
        (Some(_), None) => Person {
            name: referral.name.clone(),
            languages: referral.language.clone(),
            safe_contact: referral.contact.clone(),
            ..Person::default()
        },
    };
    let cid = case.id.as_str();
    let needs = rows
        .needs
        .map(|n| {
            Ok::<_, AppError>(NeedsView {
                note: n
                    .note_ct
                    .as_deref()
                    .map(|ct| open(SealedColumn::NeedsNote, cid, ct))
                    .transpose()?,
                needs: n.needs,
                assessed_at: n.assessed_at,
                assessed_by: name_of(staff, &n.assessed_by),
            })
        })
        .transpose()?;
    let plan = rows
        .plan
        .into_iter()
        .map(|a| {
            Ok(PlanActionView {
                title: open(SealedColumn::PlanActionTitle, a.id.as_str(), &a.title_ct)?,
                owner: name_of(staff, &a.owner_id),
                due: due_state(a.due_on, today),
                id: a.id,
                owner_id: a.owner_id,
                due_on: a.due_on,
                status: a.status,
                done_at: a.done_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let notes = rows
        .notes
        .into_iter()
        .map(|n| {
            Ok(NoteView {
                body: open(SealedColumn::NoteBody, n.id.as_str(), &n.body_ct)?,
                author: name_of(staff, &n.author_id),
                id: n.id,
                at: n.created_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let documents = rows
        .documents
        .into_iter()
        .map(|d| {
            Ok(DocumentView {
                name: open(
                    SealedColumn::DocumentFilename,
                    d.id.as_str(),
                    &d.filename_ct,
                )?,
                uploaded_by: name_of(staff, &d.uploaded_by),
                id: d.id,
                kind: d.kind,
                size_bytes: d.size_bytes,
                uploaded_at: d.uploaded_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let history = rows
        .history
        .into_iter()
        .map(|h| {
            Ok(HistoryView {
                note: h
                    .note_ct
                    .as_deref()
                    .map(|ct| open(SealedColumn::HistoryNote, h.id.as_str(), ct))
                    .transpose()?,
                recorded_by: name_of(staff, &h.recorded_by),
                id: h.id,
                kind: h.exploitation_type,
                place: h.place,
                from: h.started_on,
                to: h.ended_on,
                recorded_at: h.recorded_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let risks = rows
        .risks
        .into_iter()
        .map(|r| {
            Ok(RiskView {
                reasons: open(SealedColumn::RiskReasons, r.id.as_str(), &r.reasons_ct)?,
                assessed_by: name_of(staff, &r.assessed_by),
                id: r.id,
                level: r.level,
                assessed_at: r.assessed_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Unsealed {
        person,
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    })
}

impl App {
    /// One case with the person's details and everything recorded on it. Audited.
    pub async fn case(&self, actor: &Account, id: &CaseId) -> Result<CaseView, AppError> {
        self.on_case(actor, id, CaseAction::View, |tx, keys, actor, opened| {
            tx.audit(
                &keys.audit,
                &case_event(actor, AuditAction::CaseRead, &opened),
            )?;
            case_view(tx, keys, actor, &opened)
        })
        .await
    }
}

/// personal field: no person, no plan, notes, documents, history or risks.
pub(crate) fn case_view(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    opened: &Opened,
) -> Result<CaseView, AppError> {
    let case = &opened.case;
    let r = tx.referral_of_case(case)?.ok_or(AppError::NotFound)?;
    let from = org_name(tx, r.from_org_id.as_ref())?;
    let referral = crate::referrals::unseal(keys, tx, &r, from)?;
    let key = keys.data_key(tx, &case.person_id)?;
    let staff = tx.case_staff(&actor.org_id)?;
    // Nothing of an erased record is read at all.
    let rows = match key {
        Some(_) => tx.case_record(case)?,
        None => CaseRecordRows::default(),
    };
    let Unsealed {
        person,
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    } = unseal_record(key.as_ref(), rows, &staff, case, &referral, tx.now().date())?;
    let can_assign = matches!(
        decision(tx, actor, case, CaseAction::Assign)?.0,
        Decision::Permit
    );
    Ok(CaseView {
        id: case.id.clone(),
        status: case.status.clone(),
        opened_at: case.opened_at,
        reference: case.reference.clone(),
        assigned_to: case.assigned_to.as_ref().map(|u| staff_member(&staff, u)),
        erased: key.is_none(),
        access_until: opened.via_grant,
        owners: owners(&staff, case, actor, opened.via_grant.is_some()),
        closure: closure_view(tx, keys, actor, case, key.as_ref())?,
        active_consents: tx
            .consents_of_case(&case.id)?
            .iter()
            .filter(|c| c.withdrawn_at.is_none())
            .count(),
        assignees: if can_assign { staff.clone() } else { vec![] },
        can_assign,
        referral,
        person: key.as_ref().map(|_| person),
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    })
}
