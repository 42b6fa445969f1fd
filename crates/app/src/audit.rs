//! Audit entries: every read and write of personal data appends one, in the same transaction as the
//! work. Ids and action names only, never personal data.

use waymark_store::{Account, AuditEvent};

use crate::gate::Opened;

/// What an audit entry records was done. The text written to the log ([`AuditAction::as_str`]) never
/// changes: entries already chained and reports read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuditAction {
    AnonymousNotificationCreate,
    CaseAnswerDecisionBody,
    CaseAskReconsideration,
    CaseAssign,
    CaseBreakGlass,
    CaseClose,
    CaseConsentRecord,
    CaseConsentWithdraw,
    CaseConsentsRead,
    CaseCreate,
    CaseDocumentRead,
    CaseDocumentUpload,
    CaseErase,
    CaseExport,
    CaseGlassReasonsRead,
    CaseHistoryAdd,
    CaseNeedsUpdate,
    CaseNoteAdd,
    CaseOnwardPackageOpen,
    CasePersonUpdate,
    CasePlanAdd,
    CasePlanComplete,
    CasePlanRead,
    CaseRead,
    CaseReferFormally,
    CaseReferOnward,
    CaseRiskRecord,
    CaseSearch,
    CaseStatistics,
    CertificateIssue,
    CertificateList,
    CertificateReferralCounts,
    CertificateRevoke,
    ChannelCreate,
    ChannelDecisionNotice,
    ChannelErase,
    CopyErase,
    ChannelOnwardNotice,
    ChannelRead,
    ChannelReply,
    ChannelSend,
    ConsentRecord,
    ConsentWithdraw,
    DecisionLetterDownload,
    DecisionLetterView,
    DecisionNoticeCreate,
    FormalReferralConclusiveNegative,
    FormalReferralConclusivePositive,
    FormalReferralCreate,
    FormalReferralFigures,
    FormalReferralInformationAnswered,
    FormalReferralInformationRequested,
    FormalReferralLeftUk,
    FormalReferralMissing,
    FormalReferralReasonableGroundsNegativeConfirmed,
    FormalReferralReasonableGroundsNegativeNotConfirmed,
    FormalReferralReasonableGroundsNegativeProposed,
    FormalReferralReasonableGroundsPositive,
    FormalReferralReconsiderationRequested,
    FormalReferralView,
    FormalReferralWithdrawn,
    /// A complete sign-in (written as `login`).
    Login,
    LoginCode,
    LoginCodeFailed,
    LoginFailed,
    LoginPassword,
    LoginRecoveryCode,
    OperatorSet,
    OrganisationCreate,
    OrganisationFirstResponder,
    /// An organisation's data-sharing policy set in one language (the language is the reason).
    OrganisationPolicySet,
    OrganisationRequiresTraining,
    OrganisationRetention,
    PersonErase,
    ReferralAccept,
    ReferralCreate,
    ReferralDecline,
    ReferralRead,
    ReferralReadAnswer,
    ReferralWithdraw,
    SessionEnd,
    SessionEndOthers,
    SigningKeyCreate,
    StaffList,
    TokenCreate,
    TrainingAttempt,
    TwoFactorEnrol,
    TwoFactorReset,
    UserCreate,
}

impl AuditAction {
    /// Every action, for the test that keeps their texts distinct.
    #[cfg(test)]
    const ALL: [AuditAction; 89] = [
        AuditAction::AnonymousNotificationCreate,
        AuditAction::CaseAnswerDecisionBody,
        AuditAction::CaseAskReconsideration,
        AuditAction::CaseAssign,
        AuditAction::CaseBreakGlass,
        AuditAction::CaseClose,
        AuditAction::CaseConsentRecord,
        AuditAction::CaseConsentWithdraw,
        AuditAction::CaseConsentsRead,
        AuditAction::CaseCreate,
        AuditAction::CaseDocumentRead,
        AuditAction::CaseDocumentUpload,
        AuditAction::CaseErase,
        AuditAction::CaseExport,
        AuditAction::CaseGlassReasonsRead,
        AuditAction::CaseHistoryAdd,
        AuditAction::CaseNeedsUpdate,
        AuditAction::CaseNoteAdd,
        AuditAction::CaseOnwardPackageOpen,
        AuditAction::CasePersonUpdate,
        AuditAction::CasePlanAdd,
        AuditAction::CasePlanComplete,
        AuditAction::CasePlanRead,
        AuditAction::CaseRead,
        AuditAction::CaseReferFormally,
        AuditAction::CaseReferOnward,
        AuditAction::CaseRiskRecord,
        AuditAction::CaseSearch,
        AuditAction::CaseStatistics,
        AuditAction::CertificateIssue,
        AuditAction::CertificateList,
        AuditAction::CertificateReferralCounts,
        AuditAction::CertificateRevoke,
        AuditAction::ChannelCreate,
        AuditAction::ChannelDecisionNotice,
        AuditAction::ChannelErase,
        AuditAction::CopyErase,
        AuditAction::ChannelOnwardNotice,
        AuditAction::ChannelRead,
        AuditAction::ChannelReply,
        AuditAction::ChannelSend,
        AuditAction::ConsentRecord,
        AuditAction::ConsentWithdraw,
        AuditAction::DecisionLetterDownload,
        AuditAction::DecisionLetterView,
        AuditAction::DecisionNoticeCreate,
        AuditAction::FormalReferralConclusiveNegative,
        AuditAction::FormalReferralConclusivePositive,
        AuditAction::FormalReferralCreate,
        AuditAction::FormalReferralFigures,
        AuditAction::FormalReferralInformationAnswered,
        AuditAction::FormalReferralInformationRequested,
        AuditAction::FormalReferralLeftUk,
        AuditAction::FormalReferralMissing,
        AuditAction::FormalReferralReasonableGroundsNegativeConfirmed,
        AuditAction::FormalReferralReasonableGroundsNegativeNotConfirmed,
        AuditAction::FormalReferralReasonableGroundsNegativeProposed,
        AuditAction::FormalReferralReasonableGroundsPositive,
        AuditAction::FormalReferralReconsiderationRequested,
        AuditAction::FormalReferralView,
        AuditAction::FormalReferralWithdrawn,
        AuditAction::Login,
        AuditAction::LoginCode,
        AuditAction::LoginCodeFailed,
        AuditAction::LoginFailed,
        AuditAction::LoginPassword,
        AuditAction::LoginRecoveryCode,
        AuditAction::OperatorSet,
        AuditAction::OrganisationCreate,
        AuditAction::OrganisationFirstResponder,
        AuditAction::OrganisationPolicySet,
        AuditAction::OrganisationRequiresTraining,
        AuditAction::OrganisationRetention,
        AuditAction::PersonErase,
        AuditAction::ReferralAccept,
        AuditAction::ReferralCreate,
        AuditAction::ReferralDecline,
        AuditAction::ReferralRead,
        AuditAction::ReferralReadAnswer,
        AuditAction::ReferralWithdraw,
        AuditAction::SessionEnd,
        AuditAction::SessionEndOthers,
        AuditAction::SigningKeyCreate,
        AuditAction::StaffList,
        AuditAction::TokenCreate,
        AuditAction::TrainingAttempt,
        AuditAction::TwoFactorEnrol,
        AuditAction::TwoFactorReset,
        AuditAction::UserCreate,
    ];

    /// The dotted name written to the log.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            AuditAction::AnonymousNotificationCreate => "anonymous_notification.create",
            AuditAction::CaseAnswerDecisionBody => "case.answer_decision_body",
            AuditAction::CaseAskReconsideration => "case.ask_reconsideration",
            AuditAction::CaseAssign => "case.assign",
            AuditAction::CaseBreakGlass => "case.break_glass",
            AuditAction::CaseClose => "case.close",
            AuditAction::CaseConsentRecord => "case.consent.record",
            AuditAction::CaseConsentWithdraw => "case.consent.withdraw",
            AuditAction::CaseConsentsRead => "case.consents.read",
            AuditAction::CaseCreate => "case.create",
            AuditAction::CaseDocumentRead => "case.document.read",
            AuditAction::CaseDocumentUpload => "case.document.upload",
            AuditAction::CaseErase => "case.erase",
            AuditAction::CaseExport => "case.export",
            AuditAction::CaseGlassReasonsRead => "case.read_glass_reasons",
            AuditAction::CaseHistoryAdd => "case.history.add",
            AuditAction::CaseNeedsUpdate => "case.needs.update",
            AuditAction::CaseNoteAdd => "case.note.add",
            AuditAction::CaseOnwardPackageOpen => "case.onward_package.open",
            AuditAction::CasePersonUpdate => "case.person.update",
            AuditAction::CasePlanAdd => "case.plan.add",
            AuditAction::CasePlanComplete => "case.plan.complete",
            AuditAction::CasePlanRead => "case.plan.read",
            AuditAction::CaseRead => "case.read",
            AuditAction::CaseReferFormally => "case.refer_formally",
            AuditAction::CaseReferOnward => "case.refer_onward",
            AuditAction::CaseRiskRecord => "case.risk.record",
            AuditAction::CaseSearch => "case.search",
            AuditAction::CaseStatistics => "case.statistics",
            AuditAction::CertificateIssue => "certificate.issue",
            AuditAction::CertificateList => "certificate.list",
            AuditAction::CertificateReferralCounts => "certificate.referral_counts",
            AuditAction::CertificateRevoke => "certificate.revoke",
            AuditAction::ChannelCreate => "channel.create",
            AuditAction::ChannelDecisionNotice => "channel.decision_notice",
            AuditAction::ChannelErase => "channel.erase",
            AuditAction::CopyErase => "copy.erase",
            AuditAction::ChannelOnwardNotice => "channel.onward_notice",
            AuditAction::ChannelRead => "channel.read",
            AuditAction::ChannelReply => "channel.reply",
            AuditAction::ChannelSend => "channel.send",
            AuditAction::ConsentRecord => "consent.record",
            AuditAction::ConsentWithdraw => "consent.withdraw",
            AuditAction::DecisionLetterDownload => "decision_letter.download",
            AuditAction::DecisionLetterView => "decision_letter.view",
            AuditAction::DecisionNoticeCreate => "decision_notice.create",
            AuditAction::FormalReferralConclusiveNegative => "formal_referral.conclusive.negative",
            AuditAction::FormalReferralConclusivePositive => "formal_referral.conclusive.positive",
            AuditAction::FormalReferralCreate => "formal_referral.create",
            AuditAction::FormalReferralFigures => "formal_referral.figures",
            AuditAction::FormalReferralInformationAnswered => {
                "formal_referral.information_answered"
            }
            AuditAction::FormalReferralInformationRequested => {
                "formal_referral.information_requested"
            }
            AuditAction::FormalReferralLeftUk => "formal_referral.left_uk",
            AuditAction::FormalReferralMissing => "formal_referral.missing",
            AuditAction::FormalReferralReasonableGroundsNegativeConfirmed => {
                "formal_referral.reasonable_grounds.negative_confirmed"
            }
            AuditAction::FormalReferralReasonableGroundsNegativeNotConfirmed => {
                "formal_referral.reasonable_grounds.negative_not_confirmed"
            }
            AuditAction::FormalReferralReasonableGroundsNegativeProposed => {
                "formal_referral.reasonable_grounds.negative_proposed"
            }
            AuditAction::FormalReferralReasonableGroundsPositive => {
                "formal_referral.reasonable_grounds.positive"
            }
            AuditAction::FormalReferralReconsiderationRequested => {
                "formal_referral.reconsideration_requested"
            }
            AuditAction::FormalReferralView => "formal_referral.view",
            AuditAction::FormalReferralWithdrawn => "formal_referral.withdrawn",
            AuditAction::Login => "login",
            AuditAction::LoginCode => "login.code",
            AuditAction::LoginCodeFailed => "login.code_failed",
            AuditAction::LoginFailed => "login.failed",
            AuditAction::LoginPassword => "login.password",
            AuditAction::LoginRecoveryCode => "login.recovery_code",
            AuditAction::OperatorSet => "operator.set",
            AuditAction::OrganisationCreate => "organisation.create",
            AuditAction::OrganisationFirstResponder => "organisation.first_responder",
            AuditAction::OrganisationPolicySet => "organisation.policy_set",
            AuditAction::OrganisationRequiresTraining => "organisation.requires_training",
            AuditAction::OrganisationRetention => "organisation.retention",
            AuditAction::PersonErase => "person.erase",
            AuditAction::ReferralAccept => "referral.accept",
            AuditAction::ReferralCreate => "referral.create",
            AuditAction::ReferralDecline => "referral.decline",
            AuditAction::ReferralRead => "referral.read",
            AuditAction::ReferralReadAnswer => "referral.read_answer",
            AuditAction::ReferralWithdraw => "referral.withdraw",
            AuditAction::SessionEnd => "session.end",
            AuditAction::SessionEndOthers => "session.end_others",
            AuditAction::SigningKeyCreate => "signing_key.create",
            AuditAction::StaffList => "staff.list",
            AuditAction::TokenCreate => "token.create",
            AuditAction::TrainingAttempt => "training.attempt",
            AuditAction::TwoFactorEnrol => "two_factor.enrol",
            AuditAction::TwoFactorReset => "two_factor.reset",
            AuditAction::UserCreate => "user.create",
        }
    }
}

/// An entry for `actor` doing `action` to the record `kind`/`id`.
pub(crate) fn event<'a>(
    actor: &'a Account,
    action: AuditAction,
    kind: &'a str,
    id: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action: action.as_str(),
        record_type: kind,
        record_id: id,
        reason: "",
    }
}

/// An entry for work on an opened case; work done through a break-the-glass grant says so.
pub(crate) fn case_event<'a>(
    actor: &'a Account,
    action: AuditAction,
    opened: &'a Opened,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action: action.as_str(),
        record_type: "case",
        record_id: opened.case.id.as_str(),
        reason: opened.reason(),
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    /// Two actions never write the same text, and every text is a dotted lower-case name.
    #[test]
    fn every_action_writes_its_own_dotted_name() {
        let mut seen = std::collections::BTreeSet::new();
        for action in AuditAction::ALL {
            let text = action.as_str();
            assert!(seen.insert(text), "{text} is written by two actions");
            assert!(
                !text.is_empty()
                    && text.split('.').all(|part| {
                        !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    }),
                "{text} is not a dotted lower-case name"
            );
        }
    }
}
