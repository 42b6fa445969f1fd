//! The sealed columns: every (table, column) whose values are sealed by the vault. The pair, with the
//! row id, is the context a sealed value is bound to (its associated data), so the text of each pair must
//! never change: values sealed under it would no longer open. A closed enum, next to the schema, so a
//! misspelt table or column does not compile.

use waymark_vault::FieldContext;

/// A column holding sealed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SealedColumn {
    // A referral's personal fields, sealed under the person's data key.
    ReferralName,
    ReferralContact,
    ReferralLanguage,
    ReferralChildrenServices,
    ReferralDeclineReason,
    ReferralMessage,
    /// A message of a codename channel.
    MessageBody,
    // The case record.
    CasePerson,
    CaseMoveOnPlan,
    NeedsNote,
    PlanActionTitle,
    NoteBody,
    DocumentContent,
    DocumentFilename,
    HistoryNote,
    RiskReasons,
    ConsentPurpose,
    /// The consented parts of a case, sent onward to another organisation.
    OnwardPackage,
    // Formal referrals to a decision body.
    FormalPackage,
    FormalRgReasons,
    FormalCgReasons,
    FormalRequestText,
    FormalRequestReply,
    DecisionNoticeReasons,
    /// Why someone broke the glass to open a case, sealed with the case.
    GlassReason,
    /// A request for help being written, and its codename once sent, under the draft's own key.
    HelpDraftAnswers,
    HelpDraftCodename,
    // Staff secrets, sealed under the staff key.
    UserTotpSecret,
    PendingSignInTotpSecret,
}

impl SealedColumn {
    /// Every sealed column.
    pub const ALL: [SealedColumn; 29] = [
        SealedColumn::ReferralName,
        SealedColumn::ReferralContact,
        SealedColumn::ReferralLanguage,
        SealedColumn::ReferralChildrenServices,
        SealedColumn::ReferralDeclineReason,
        SealedColumn::ReferralMessage,
        SealedColumn::MessageBody,
        SealedColumn::CasePerson,
        SealedColumn::CaseMoveOnPlan,
        SealedColumn::NeedsNote,
        SealedColumn::PlanActionTitle,
        SealedColumn::NoteBody,
        SealedColumn::DocumentContent,
        SealedColumn::DocumentFilename,
        SealedColumn::HistoryNote,
        SealedColumn::RiskReasons,
        SealedColumn::ConsentPurpose,
        SealedColumn::OnwardPackage,
        SealedColumn::FormalPackage,
        SealedColumn::FormalRgReasons,
        SealedColumn::FormalCgReasons,
        SealedColumn::FormalRequestText,
        SealedColumn::FormalRequestReply,
        SealedColumn::DecisionNoticeReasons,
        SealedColumn::GlassReason,
        SealedColumn::HelpDraftAnswers,
        SealedColumn::HelpDraftCodename,
        SealedColumn::UserTotpSecret,
        SealedColumn::PendingSignInTotpSecret,
    ];

    /// The table and column, exactly as sealed values are bound to them.
    pub const fn table_column(self) -> (&'static str, &'static str) {
        match self {
            SealedColumn::ReferralName => ("referrals", "name"),
            SealedColumn::ReferralContact => ("referrals", "contact"),
            SealedColumn::ReferralLanguage => ("referrals", "language"),
            SealedColumn::ReferralChildrenServices => ("referrals", "children_services"),
            SealedColumn::ReferralDeclineReason => ("referrals", "decline_reason"),
            SealedColumn::ReferralMessage => ("referrals", "message"),
            SealedColumn::MessageBody => ("messages", "body"),
            SealedColumn::CasePerson => ("case_persons", "person"),
            SealedColumn::CaseMoveOnPlan => ("cases", "move_on_plan"),
            SealedColumn::NeedsNote => ("case_needs_assessments", "note"),
            SealedColumn::PlanActionTitle => ("case_plan_actions", "title"),
            SealedColumn::NoteBody => ("case_notes", "body"),
            SealedColumn::DocumentContent => ("case_documents", "content"),
            SealedColumn::DocumentFilename => ("case_documents", "filename"),
            SealedColumn::HistoryNote => ("case_history", "note"),
            SealedColumn::RiskReasons => ("case_risk_assessments", "reasons"),
            SealedColumn::ConsentPurpose => ("case_consents", "purpose"),
            SealedColumn::OnwardPackage => ("onward_referrals", "package"),
            SealedColumn::FormalPackage => ("formal_referrals", "package"),
            SealedColumn::FormalRgReasons => ("formal_referrals", "rg_reasons"),
            SealedColumn::FormalCgReasons => ("formal_referrals", "cg_reasons"),
            SealedColumn::FormalRequestText => ("formal_requests", "text"),
            SealedColumn::FormalRequestReply => ("formal_requests", "reply"),
            SealedColumn::DecisionNoticeReasons => ("decision_notices", "reasons"),
            SealedColumn::GlassReason => ("case_glass_reasons", "reason"),
            SealedColumn::HelpDraftAnswers => ("help_drafts", "answers"),
            SealedColumn::HelpDraftCodename => ("help_drafts", "codename"),
            SealedColumn::UserTotpSecret => ("users", "totp_secret_ct"),
            SealedColumn::PendingSignInTotpSecret => ("pending_sign_ins", "totp_secret_ct"),
        }
    }

    /// The context a value of this column in row `row_id` is sealed under.
    pub const fn at(self, row_id: &str) -> FieldContext<'_> {
        let (table, column) = self.table_column();
        FieldContext {
            table,
            column,
            row_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SealedColumn;

    /// The associated data of every sealed value already stored: changing one of these texts would make
    /// those values unreadable.
    #[test]
    fn the_sealing_contexts_never_change() {
        let all: Vec<String> = SealedColumn::ALL
            .iter()
            .map(|c| {
                let (table, column) = c.table_column();
                format!("{table}.{column}")
            })
            .collect();
        assert_eq!(
            all,
            [
                "referrals.name",
                "referrals.contact",
                "referrals.language",
                "referrals.children_services",
                "referrals.decline_reason",
                "referrals.message",
                "messages.body",
                "case_persons.person",
                "cases.move_on_plan",
                "case_needs_assessments.note",
                "case_plan_actions.title",
                "case_notes.body",
                "case_documents.content",
                "case_documents.filename",
                "case_history.note",
                "case_risk_assessments.reasons",
                "case_consents.purpose",
                "onward_referrals.package",
                "formal_referrals.package",
                "formal_referrals.rg_reasons",
                "formal_referrals.cg_reasons",
                "formal_requests.text",
                "formal_requests.reply",
                "decision_notices.reasons",
                "case_glass_reasons.reason",
                "help_drafts.answers",
                "help_drafts.codename",
                "users.totp_secret_ct",
                "pending_sign_ins.totp_secret_ct",
            ]
        );
        let ctx = SealedColumn::NoteBody.at("row-1");
        assert_eq!(
            (ctx.table, ctx.column, ctx.row_id),
            ("case_notes", "body", "row-1")
        );
    }
}
