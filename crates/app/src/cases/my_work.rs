//! Lists: the cases an actor can open, their tasks, the open referrals, and "my work" (all three).

use super::record::summary;
use super::*;

/// assigned to them and those they hold a live grant for.
fn visible_cases(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<CaseSummary>, AppError> {
    let staff = tx.case_staff(&actor.org_id)?;
    let mut out: Vec<CaseSummary> = Vec::new();
    match case_list_scope(actor.role, actor.org_kind) {
        CaseListScope::Organisation => out.extend(
            tx.cases_of(&actor.org_id)?
                .into_iter()
                .map(|c| summary(c, &staff, None)),
        ),
        CaseListScope::AssignedOrGranted => {
            out.extend(
                tx.cases_assigned_to(&actor.org_id, &actor.user_id)?
                    .into_iter()
                    .map(|c| summary(c, &staff, None)),
            );
            for (c, until) in tx.granted_cases(&actor.org_id, &actor.user_id, tx.now())? {
                if !out.iter().any(|s| s.id == c.id) {
                    out.push(summary(c, &staff, Some(until)));
                }
            }
        }
        CaseListScope::Nothing => {}
    }
    out.sort_by(|a, b| (b.opened_at, &b.id).cmp(&(a.opened_at, &a.id)));
    Ok(out)
}

fn tasks_of(tx: &mut Tx<'_>, keys: &Keys, actor: &Account) -> Result<Vec<Task>, AppError> {
    let today = tx.now().date();
    let rows = tx.open_tasks_of(&actor.org_id, &actor.user_id)?;
    // Each case is checked once, and its key unwrapped once; each read of a case is one audit entry.
    let mut opened: BTreeMap<CaseId, Option<Option<DataKey>>> = BTreeMap::new();
    let mut tasks = Vec::new();
    for (action, case) in rows {
        if !opened.contains_key(&case.id) {
            let readable = match decision(tx, actor, &case, CaseAction::View)? {
                (Decision::Permit, grant) => {
                    tx.audit(
                        &keys.audit,
                        &AuditEvent {
                            actor: actor.user_id.as_str(),
                            org_id: Some(&actor.org_id),
                            action: AuditAction::CasePlanRead.as_str(),
                            record_type: "case",
                            record_id: case.id.as_str(),
                            reason: if grant.is_some() {
                                BREAK_GLASS_ACCESS
                            } else {
                                "my tasks"
                            },
                        },
                    )?;
                    Some(keys.data_key(tx, &case.person_id)?)
                }
                _ => None,
            };
            opened.insert(case.id.clone(), readable);
        }
        let title = match opened.get(&case.id) {
            Some(Some(Some(key))) => Some(key.open_string(
                &ctx(SealedColumn::PlanActionTitle, action.id.as_str()),
                &action.title_ct,
            )?),
            Some(Some(None)) => Some(ERASED.to_owned()),
            _ => None,
        };
        tasks.push(Task {
            due: due_state(action.due_on, today),
            case_id: case.id,
            reference: case.reference,
            action_id: action.id,
            title,
            due_on: action.due_on,
        });
    }
    Ok(tasks)
}

fn open_referrals_of(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<OpenReferral>, AppError> {
    let t = tx.now();
    let mut out = Vec::new();
    for r in tx.unanswered_referrals(&actor.org_id)? {
        out.push(OpenReferral {
            from_organisation: org_name(tx, r.from_org_id.as_ref())?,
            self_referral: r.is_self_referral(),
            age_days: age_in_days(r.created_at, t),
            id: r.id,
            received_at: r.created_at,
            urgency: r.urgency,
            child_safeguarding: r.basis == "child_safeguarding",
        });
    }
    Ok(out)
}

impl App {
    /// The cases the actor can open, newest first (no personal field): a manager every case of the
    /// organisation, a caseworker those assigned to them and those they broke the glass for.
    pub async fn cases(&self, actor: &Account) -> Result<Vec<CaseSummary>, AppError> {
        self.cases_by_status(actor, None).await
    }

    /// [`App::cases`], only those of one status when given.
    pub async fn cases_by_status(
        &self,
        actor: &Account,
        status: Option<CaseStatus>,
    ) -> Result<Vec<CaseSummary>, AppError> {
        require(actor, Permission::ReadCase)?;
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let mut all = visible_cases(tx, &actor)?;
                if let Some(s) = status {
                    all.retain(|c| c.status == s.as_str());
                }
                Ok(all)
            })
            .await
    }

    /// The plan actions I own that are still open, by due date (titles are an audited read per case).
    pub async fn my_tasks(&self, actor: &Account) -> Result<Vec<Task>, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store.run(move |tx| tasks_of(tx, &keys, &actor)).await
    }

    /// The organisation's referrals waiting for an answer, oldest first, with their age in days.
    pub async fn open_referrals(&self, actor: &Account) -> Result<Vec<OpenReferral>, AppError> {
        require(actor, Permission::ViewReferralInbox)?;
        let actor = actor.clone();
        self.store
            .run(move |tx| open_referrals_of(tx, &actor))
            .await
    }

    /// "My work", in one transaction: my tasks, my cases, the organisation's open referrals.
    pub async fn my_work(&self, actor: &Account) -> Result<MyWork, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let staff = tx.case_staff(&actor.org_id)?;
                let cases = tx
                    .cases_assigned_to(&actor.org_id, &actor.user_id)?
                    .into_iter()
                    .map(|c| summary(c, &staff, None))
                    .collect();
                Ok(MyWork {
                    tasks: tasks_of(tx, &keys, &actor)?,
                    cases,
                    open_referrals: open_referrals_of(tx, &actor)?,
                })
            })
            .await
    }
}
