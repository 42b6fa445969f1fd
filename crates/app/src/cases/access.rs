//! Who works a case: the form header, assignment and breaking the glass.

use super::record::owners;
use super::*;
use waymark_domain::ids::GlassReasonId;

impl App {
    /// What a form page shows about a case the actor may do `action` to: nothing personal, not audited.
    pub async fn case_header(
        &self,
        actor: &Account,
        id: &CaseId,
        action: CaseAction,
    ) -> Result<CaseHeader, AppError> {
        self.on_case(actor, id, action, |tx, _, actor, opened| {
            let staff = tx.case_staff(&actor.org_id)?;
            let case = opened.case;
            let may_assign = matches!(
                decision(tx, actor, &case, CaseAction::Assign)?.0,
                Decision::Permit
            );
            Ok(CaseHeader {
                owners: owners(&staff, &case, actor, opened.via_grant.is_some()),
                assignees: if may_assign { staff } else { vec![] },
                id: case.id,
                reference: case.reference,
                status: case.status,
                assigned_to: case.assigned_to,
            })
        })
        .await
    }

    /// Assigns (or reassigns) a case to a caseworker or manager of the organisation. Managers only.
    pub async fn assign_case(
        &self,
        actor: &Account,
        id: &CaseId,
        to: &UserId,
    ) -> Result<(), AppError> {
        let to = to.clone();
        self.on_case(
            actor,
            id,
            CaseAction::Assign,
            move |tx, keys, actor, opened| {
                let staff = tx.case_staff(&actor.org_id)?;
                if !staff.iter().any(|s| s.id == to) {
                    return Err(waymark_domain::case_record::CaseError::Field {
                        field: "assignee",
                        problem: "Choose a caseworker or manager of your organisation",
                    }
                    .into());
                }
                tx.assign_case(&actor.org_id, &opened.case.id, &to)?;
                let reason = format!("to {to}");
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: &reason,
                        ..case_event(actor, AuditAction::CaseAssign, &opened)
                    },
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Breaks the glass: a caseworker not assigned to a case of their organisation gets access to it for
    /// [`waymark_domain::case::BREAK_GLASS_MINUTES`], and the audit log keeps their reason. Returns when
    /// the access ends.
    pub async fn break_glass(
        &self,
        actor: &Account,
        id: &CaseId,
        reason: &str,
    ) -> Result<PrimitiveDateTime, AppError> {
        let reason = reason.to_owned();
        self.on_case(actor, id, CaseAction::BreakGlass, move |tx, keys, actor, opened| {
            let reason = BreakGlassReason::parse(&reason)
                .map_err(|e| AppError::Invalid(e.to_string()))?;
            let t = tx.now();
            let until = t + break_glass_duration();
            tx.grant_case_access(&opened.case.id, &actor.user_id, t, until)?;
            // The reason is free text that may name people: sealed with the case (so erased with it),
            // never written to the audit log, which keeps only that one was given.
            let key = writable_key(keys, tx, &opened.case)?;
            let id: GlassReasonId = new_id(GlassReasonId::parse)?;
            let sealed = key.seal_str(&ctx(SealedColumn::GlassReason, id.as_str()), reason.as_str());
            tx.insert_glass_reason(&id, &opened.case.id, &actor.user_id, t, &sealed)?;
            tx.audit(
                &keys.audit,
                &AuditEvent {
                    reason: "a reason was given (sealed with the case)",
                    ..case_event(actor, AuditAction::CaseBreakGlass, &opened)
                },
            )?;
            tracing::warn!(case = %opened.case.id, user = %actor.user_id, "the glass was broken");
            Ok(until)
        })
        .await
    }

    /// The reasons given for breaking the glass on a case, oldest first, for its organisation's managers
    /// (a caseworker: `Forbidden`; anyone who may not open the case: `NotFound`). Audited. Empty once the
    /// case is erased: the reasons were sealed with it.
    pub async fn glass_reasons(
        &self,
        actor: &Account,
        id: &CaseId,
    ) -> Result<Vec<GlassReason>, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::Assign,
            move |tx, keys, actor, opened| {
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseGlassReasonsRead, &opened),
                )?;
                let Some(key) = keys.data_key(tx, &opened.case.person_id)? else {
                    return Ok(Vec::new());
                };
                tx.glass_reasons(&opened.case.id)?
                    .into_iter()
                    .map(|(id, by, at, ct)| {
                        Ok(GlassReason {
                            reason: key
                                .open_string(&ctx(SealedColumn::GlassReason, id.as_str()), &ct)?,
                            by,
                            at,
                        })
                    })
                    .collect()
            },
        )
        .await
    }

    /// The reference of a case the actor may break the glass for (for the page asking for a reason).
    /// `Conflict` when they can already open it.
    pub async fn break_glass_header(
        &self,
        actor: &Account,
        id: &CaseId,
    ) -> Result<CaseHeader, AppError> {
        self.case_header(actor, id, CaseAction::BreakGlass).await
    }
}
