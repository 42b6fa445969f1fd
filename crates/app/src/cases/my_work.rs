//! Lists: the cases an actor can open, their tasks, the open referrals, and "my work" (all three).

use super::record::summary;
use super::*;
use waymark_domain::channel::Sender;
use waymark_domain::formal::RequestKind;

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

/// Of `cases`, those whose person wrote last through their codename channel, oldest first.
fn waiting_messages(tx: &mut Tx<'_>, cases: &[Case]) -> Result<Vec<WaitingMessage>, AppError> {
    let t = tx.now();
    let mut out = Vec::new();
    for case in cases {
        let Some(channel) = tx.channel_for_referral(&case.org_id, &case.referral_id)? else {
            continue;
        };
        let messages = tx.messages(&channel.id)?;
        // The person's messages after the organisation's last one.
        let unanswered: Vec<&waymark_store::Message> = messages
            .iter()
            .rev()
            .take_while(|m| m.sender == Sender::Person)
            .collect();
        if let Some(first) = unanswered.last() {
            out.push(WaitingMessage {
                case_id: case.id.clone(),
                reference: case.reference.clone(),
                since: first.created_at,
                age_days: age_in_days(first.created_at, t),
            });
        }
    }
    out.sort_by(|a, b| (a.since, &a.case_id).cmp(&(b.since, &b.case_id)));
    Ok(out)
}

/// Of `cases`, the decision bodies' requests for information that wait for an answer: overdue first,
/// then by reply date.
fn open_questions(tx: &mut Tx<'_>, cases: &[Case]) -> Result<Vec<OpenQuestion>, AppError> {
    let today = tx.now().date();
    let mut out = Vec::new();
    for case in cases {
        for f in tx.formal_referrals_from_case(&case.id)? {
            if f.status.is_final() {
                continue;
            }
            for r in tx.formal_requests_of(&f.id)? {
                if r.kind != RequestKind::Information.as_str() || r.replied_at.is_some() {
                    continue;
                }
                out.push(OpenQuestion {
                    case_id: case.id.clone(),
                    reference: case.reference.clone(),
                    request_id: r.id,
                    decision_body: org_name(tx, Some(&f.decision_body_id))?.unwrap_or_default(),
                    asked_on: r.asked_at.date(),
                    overdue: r.reply_by.is_some_and(|d| d < today),
                    reply_by: r.reply_by,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (!a.overdue, a.reply_by.is_none(), a.reply_by, a.asked_on).cmp(&(
            !b.overdue,
            b.reply_by.is_none(),
            b.reply_by,
            b.asked_on,
        ))
    });
    Ok(out)
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

    /// "My work", in one transaction: my tasks, my cases, the organisation's open referrals, the
    /// messages of my cases' people waiting for a reply and the decision bodies' questions waiting for
    /// an answer. Nothing personal is read for the last two (references and dates only).
    pub async fn my_work(&self, actor: &Account) -> Result<MyWork, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let staff = tx.case_staff(&actor.org_id)?;
                let mine = tx.cases_assigned_to(&actor.org_id, &actor.user_id)?;
                let messages = waiting_messages(tx, &mine)?;
                let questions = open_questions(tx, &mine)?;
                let cases = mine.into_iter().map(|c| summary(c, &staff, None)).collect();
                Ok(MyWork {
                    tasks: tasks_of(tx, &keys, &actor)?,
                    cases,
                    open_referrals: open_referrals_of(tx, &actor)?,
                    messages,
                    questions,
                })
            })
            .await
    }
}
