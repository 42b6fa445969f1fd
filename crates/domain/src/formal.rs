//! Formal referral to an independent decision body and the body's decisions.
//!
//! A first responder's caseworker or manager refers a person formally (an adult under a consent that names
//! the decision body and covers [`REQUIRED_SCOPES`]; a child on the safeguarding basis, without consent).
//! The body receives only [`FIELDS_SENT`], sealed under a new person key of its own.
//!
//! The body's decision makers (its caseworkers and managers, [`may_decide`]) then decide:
//!
//! ```text
//! awaiting_reasonable_grounds --positive--> recovery_period --conclusive--> conclusive_positive | conclusive_negative
//!            |  ^
//!   negative |  | second reviewer disagrees
//!            v  |
//! negative_awaiting_review --second reviewer agrees--> reasonable_grounds_negative
//! ```
//!
//! A negative decision (`reasonable_grounds_negative`, `conclusive_negative`) can be reconsidered when the
//! referring organisation asks, with reasons ([`request_reconsideration`]): the referral goes to
//! `reasonable_grounds_reconsideration` or `conclusive_reconsideration` and waits for a new decision of
//! that kind, made as the first one was. The body can ask the referrer for more information at any stage
//! before a final one, with a reply deadline ([`reply_by`]).
//!
//! Any state before a final one may also become `withdrawn`, `left_uk` or `missing`. A negative
//! reasonable-grounds decision takes effect only when a *different* decision maker confirms it. A
//! conclusive decision is refused before the earliest conclusive date of the clock rules.

use std::collections::BTreeSet;

use time::Date;

use crate::consent::ConsentScope;
use crate::organisation::{OrganisationKind, Role};
use crate::permission::{Permission, allows};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a formal referral stands.
    FormalStatus, "formal referral status" {
        AwaitingReasonableGrounds => "awaiting_reasonable_grounds",
        NegativeAwaitingReview => "negative_awaiting_review",
        ReasonableGroundsNegative => "reasonable_grounds_negative",
        RecoveryPeriod => "recovery_period",
        ConclusivePositive => "conclusive_positive",
        ConclusiveNegative => "conclusive_negative",
        Withdrawn => "withdrawn",
        LeftUk => "left_uk",
        Missing => "missing",
        ReasonableGroundsReconsideration => "reasonable_grounds_reconsideration",
        ConclusiveReconsideration => "conclusive_reconsideration",
    }
}

vocabulary! {
    /// The outcome of a decision.
    Outcome, "decision outcome" {
        Positive => "positive",
        Negative => "negative",
    }
}

vocabulary! {
    /// What a request between the decision body and the referrer is.
    RequestKind, "formal request kind" {
        Information => "information",
        Reconsideration => "reconsideration",
    }
}

vocabulary! {
    /// A state a referral can be put in outside the decisions.
    Closure, "formal referral closure" {
        Withdrawn => "withdrawn",
        LeftUk => "left_uk",
        Missing => "missing",
    }
}

impl FormalStatus {
    /// Plain words for the referrer and the decision page.
    pub fn describe(self) -> &'static str {
        match self {
            FormalStatus::AwaitingReasonableGrounds => {
                "waiting for the reasonable-grounds decision"
            }
            FormalStatus::NegativeAwaitingReview => {
                "a negative reasonable-grounds decision is waiting for a second reviewer"
            }
            FormalStatus::ReasonableGroundsNegative => "negative reasonable-grounds decision",
            FormalStatus::RecoveryPeriod => {
                "positive reasonable-grounds decision: in the recovery period, waiting for the conclusive decision"
            }
            FormalStatus::ConclusivePositive => "positive conclusive decision",
            FormalStatus::ConclusiveNegative => "negative conclusive decision",
            FormalStatus::Withdrawn => "withdrawn",
            FormalStatus::LeftUk => "the person has left the UK",
            FormalStatus::Missing => "the person is missing",
            FormalStatus::ReasonableGroundsReconsideration => {
                "the referrer asked for the negative reasonable-grounds decision to be reconsidered: waiting for a new decision"
            }
            FormalStatus::ConclusiveReconsideration => {
                "the referrer asked for the negative conclusive decision to be reconsidered: waiting for a new decision"
            }
        }
    }

    /// Where the referral stands, as the rest of a sentence that starts "this referral …" (the
    /// refusals use it; [`FormalStatus::describe`] is a label, not a clause).
    pub fn clause(self) -> &'static str {
        match self {
            FormalStatus::AwaitingReasonableGrounds => {
                "is waiting for the reasonable-grounds decision"
            }
            FormalStatus::NegativeAwaitingReview => {
                "has a negative reasonable-grounds decision waiting for a second reviewer"
            }
            FormalStatus::ReasonableGroundsNegative => "has a negative reasonable-grounds decision",
            FormalStatus::RecoveryPeriod => {
                "is in the recovery period after a positive reasonable-grounds decision, waiting for the conclusive decision"
            }
            FormalStatus::ConclusivePositive => "has a positive conclusive decision",
            FormalStatus::ConclusiveNegative => "has a negative conclusive decision",
            FormalStatus::Withdrawn => "was withdrawn",
            FormalStatus::LeftUk => "was closed because the person left the UK",
            FormalStatus::Missing => "was closed because the person is missing",
            FormalStatus::ReasonableGroundsReconsideration => {
                "is waiting for a new reasonable-grounds decision, as the referrer asked for the negative one to be reconsidered"
            }
            FormalStatus::ConclusiveReconsideration => {
                "is waiting for a new conclusive decision, as the referrer asked for the negative one to be reconsidered"
            }
        }
    }

    /// No decision can follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            FormalStatus::ReasonableGroundsNegative
                | FormalStatus::ConclusivePositive
                | FormalStatus::ConclusiveNegative
                | FormalStatus::Withdrawn
                | FormalStatus::LeftUk
                | FormalStatus::Missing
        )
    }
}

impl From<Closure> for FormalStatus {
    fn from(c: Closure) -> Self {
        match c {
            Closure::Withdrawn => FormalStatus::Withdrawn,
            Closure::LeftUk => FormalStatus::LeftUk,
            Closure::Missing => FormalStatus::Missing,
        }
    }
}

/// What an adult's consent must cover for a formal referral: who the person is and what happened to
/// them — the decision body cannot decide without either.
pub const REQUIRED_SCOPES: [ConsentScope; 2] = [ConsentScope::Identity, ConsentScope::History];

/// Exactly the fields that go to the decision body (the formal-referral page lists them). Nothing else of
/// the case goes: no contact details, needs, plan, notes, risk assessments or documents.
pub const FIELDS_SENT: [&str; 7] = [
    "name",
    "other names",
    "date of birth or age",
    "nationality",
    "languages",
    "exploitation history (type, where, when, note)",
    "nation and area",
];

/// Whether a user is a decision maker: a caseworker or manager of a decision body.
pub fn may_decide(role: Role, kind: OrganisationKind) -> bool {
    allows(role, kind, Permission::DecideIdentification)
}

/// Why a formal referral or a decision is refused. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormalError {
    #[error("choose a decision body in Waymark to refer to")]
    NotDecisionBody,
    #[error(
        "an adult is referred only under a consent in force that names the decision body and covers identity and exploitation history: record that consent first"
    )]
    NoConsent,
    #[error(
        "that consent was withdrawn: ask the person again and record a new consent naming the decision body"
    )]
    ConsentWithdrawn,
    #[error(
        "that consent names another organisation: record a consent that names the decision body"
    )]
    OtherRecipient,
    #[error(
        "that consent does not cover identity and exploitation history, which the decision body needs: record a consent that covers both"
    )]
    ScopesMissing,
    #[error("this person is already referred to that decision body")]
    AlreadyReferred,
    #[error("give the reasons for the decision (1 to 5000 characters)")]
    ReasonsRequired,
    #[error("this referral {}, so a reasonable-grounds decision cannot be recorded now", .0.clause())]
    NotAwaitingReasonableGrounds(FormalStatus),
    #[error("there is no negative reasonable-grounds decision waiting for a second reviewer")]
    NothingToReview,
    #[error(
        "a second reviewer must be a different decision maker from the one who made the negative decision"
    )]
    SameReviewer,
    #[error("this referral {}, so a conclusive decision cannot be recorded now", .0.clause())]
    NotInRecoveryPeriod(FormalStatus),
    #[error(
        "the conclusive decision cannot be made before {0} (the earliest date under the rules)"
    )]
    TooEarly(Date),
    #[error("this referral is already closed: it {}", .0.clause())]
    AlreadyFinal(FormalStatus),
    #[error("this referral {}, and only a negative decision can be reconsidered", .0.clause())]
    NothingToReconsider(FormalStatus),
    #[error(
        "only the organisation that made the referral can ask for a reconsideration or answer the decision body"
    )]
    NotReferrer,
    #[error("write the question for the referrer (1 to 5000 characters)")]
    QuestionRequired,
    #[error("write the answer (1 to 5000 characters)")]
    AnswerRequired,
    #[error("the reply date must be after today and no more than {MAX_REPLY_DAYS} days away")]
    BadReplyBy,
    #[error("that request was already answered")]
    AlreadyAnswered,
}

/// Working days the referrer has to answer a request for more information, unless the decision maker
/// sets another date.
pub const DEFAULT_REPLY_WORKING_DAYS: u32 = 10;

/// The latest reply date a decision maker may set, in calendar days from today.
pub const MAX_REPLY_DAYS: i64 = 60;

/// The reply deadline of a request for more information made `today`: the date the decision maker chose
/// (after today, at most [`MAX_REPLY_DAYS`] away), or `default` (the nation's [`DEFAULT_REPLY_WORKING_DAYS`]th
/// working day after today, worked out by the caller from the clock rules).
pub fn reply_by(today: Date, chosen: Option<Date>, default: Date) -> Result<Date, FormalError> {
    match chosen {
        None => Ok(default),
        Some(d) if d > today && (d - today).whole_days() <= MAX_REPLY_DAYS => Ok(d),
        Some(_) => Err(FormalError::BadReplyBy),
    }
}

/// The status after the referring organisation asks for a negative decision to be reconsidered.
pub fn request_reconsideration(status: FormalStatus) -> Result<FormalStatus, FormalError> {
    match status {
        FormalStatus::ReasonableGroundsNegative => {
            Ok(FormalStatus::ReasonableGroundsReconsideration)
        }
        FormalStatus::ConclusiveNegative => Ok(FormalStatus::ConclusiveReconsideration),
        other => Err(FormalError::NothingToReconsider(other)),
    }
}

/// Text written to or by the decision body (a question or an answer): required, 1 to 5000 characters.
fn text(value: &str, missing: FormalError) -> Result<String, FormalError> {
    let v = value.trim();
    if v.is_empty() || v.chars().count() > 5000 {
        return Err(missing);
    }
    Ok(v.to_owned())
}

/// A question for the referrer.
pub fn question(value: &str) -> Result<String, FormalError> {
    text(value, FormalError::QuestionRequired)
}

/// The referrer's answer.
pub fn answer(value: &str) -> Result<String, FormalError> {
    text(value, FormalError::AnswerRequired)
}

/// Facts about a consent, as the formal-referral rule needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentCover {
    pub names_body: bool,
    pub withdrawn: bool,
    pub scopes: BTreeSet<ConsentScope>,
}

/// Whether a formal referral may go: a child always (no consent needed: they must be referred); an adult
/// only under a consent in force that names the body and covers [`REQUIRED_SCOPES`].
pub fn check_cover(child: bool, consent: Option<&ConsentCover>) -> Result<(), FormalError> {
    if child {
        return Ok(());
    }
    let c = consent.ok_or(FormalError::NoConsent)?;
    if c.withdrawn {
        return Err(FormalError::ConsentWithdrawn);
    }
    if !c.names_body {
        return Err(FormalError::OtherRecipient);
    }
    if !REQUIRED_SCOPES.iter().all(|s| c.scopes.contains(s)) {
        return Err(FormalError::ScopesMissing);
    }
    Ok(())
}

/// Reasons for a decision or a reconsideration request: required, 1 to 5000 characters.
pub fn reasons(value: &str) -> Result<String, FormalError> {
    text(value, FormalError::ReasonsRequired)
}

/// The status after a reasonable-grounds decision (a first one, or a new one on reconsideration): positive
/// starts the recovery period; negative waits for a second reviewer.
pub fn reasonable_grounds(
    status: FormalStatus,
    outcome: Outcome,
) -> Result<FormalStatus, FormalError> {
    if !matches!(
        status,
        FormalStatus::AwaitingReasonableGrounds | FormalStatus::ReasonableGroundsReconsideration
    ) {
        return Err(FormalError::NotAwaitingReasonableGrounds(status));
    }
    Ok(match outcome {
        Outcome::Positive => FormalStatus::RecoveryPeriod,
        Outcome::Negative => FormalStatus::NegativeAwaitingReview,
    })
}

/// The status after a second reviewer answers on a negative reasonable-grounds decision: agreeing makes it
/// take effect; disagreeing sends the referral back for a new reasonable-grounds decision.
pub fn review(
    status: FormalStatus,
    decided_by_reviewer: bool,
    agree: bool,
) -> Result<FormalStatus, FormalError> {
    if status != FormalStatus::NegativeAwaitingReview {
        return Err(FormalError::NothingToReview);
    }
    if decided_by_reviewer {
        return Err(FormalError::SameReviewer);
    }
    Ok(if agree {
        FormalStatus::ReasonableGroundsNegative
    } else {
        FormalStatus::AwaitingReasonableGrounds
    })
}

/// The status after a conclusive decision (a first one in the recovery period, or a new one on
/// reconsideration) on `today`, not before `earliest`.
pub fn conclusive(
    status: FormalStatus,
    outcome: Outcome,
    today: Date,
    earliest: Option<Date>,
) -> Result<FormalStatus, FormalError> {
    if !matches!(
        status,
        FormalStatus::RecoveryPeriod | FormalStatus::ConclusiveReconsideration
    ) {
        return Err(FormalError::NotInRecoveryPeriod(status));
    }
    if let Some(e) = earliest
        && today < e
    {
        return Err(FormalError::TooEarly(e));
    }
    Ok(match outcome {
        Outcome::Positive => FormalStatus::ConclusivePositive,
        Outcome::Negative => FormalStatus::ConclusiveNegative,
    })
}

/// The status after a referral is withdrawn, or the person left the UK or went missing.
pub fn close(status: FormalStatus, closure: Closure) -> Result<FormalStatus, FormalError> {
    if status.is_final() {
        return Err(FormalError::AlreadyFinal(status));
    }
    Ok(closure.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use FormalStatus::*;
    use time::macros::date;

    fn cover(names_body: bool, withdrawn: bool, scopes: &[ConsentScope]) -> ConsentCover {
        ConsentCover {
            names_body,
            withdrawn,
            scopes: scopes.iter().copied().collect(),
        }
    }

    #[test]
    fn an_adult_needs_a_consent_in_force_naming_the_body_and_covering_identity_and_history() {
        use ConsentScope::*;
        assert_eq!(check_cover(true, None), Ok(()));
        assert_eq!(check_cover(false, None), Err(FormalError::NoConsent));
        assert_eq!(
            check_cover(false, Some(&cover(true, true, &[Identity, History]))),
            Err(FormalError::ConsentWithdrawn)
        );
        assert_eq!(
            check_cover(false, Some(&cover(false, false, &[Identity, History]))),
            Err(FormalError::OtherRecipient)
        );
        assert_eq!(
            check_cover(false, Some(&cover(true, false, &[Identity]))),
            Err(FormalError::ScopesMissing)
        );
        assert_eq!(
            check_cover(
                false,
                Some(&cover(true, false, &[Identity, History, Needs]))
            ),
            Ok(())
        );
    }

    #[test]
    fn a_refusal_that_names_the_status_reads_as_a_sentence() {
        assert_eq!(
            FormalError::NotAwaitingReasonableGrounds(Missing).to_string(),
            "this referral was closed because the person is missing, so a reasonable-grounds decision \
             cannot be recorded now"
        );
        assert_eq!(
            FormalError::NotInRecoveryPeriod(ReasonableGroundsNegative).to_string(),
            "this referral has a negative reasonable-grounds decision, so a conclusive decision cannot be \
             recorded now"
        );
        assert_eq!(
            FormalError::AlreadyFinal(ConclusivePositive).to_string(),
            "this referral is already closed: it has a positive conclusive decision"
        );
        for &s in FormalStatus::ALL {
            // Every clause continues "this referral …" with a verb, never a bare label ("is the person is
            // missing", "is positive reasonable-grounds decision").
            let clause = s.clause();
            assert!(
                ["is ", "has ", "was "]
                    .iter()
                    .any(|v| clause.starts_with(v)),
                "{s}: {clause}"
            );
            for e in [
                FormalError::NotAwaitingReasonableGrounds(s),
                FormalError::NotInRecoveryPeriod(s),
                FormalError::AlreadyFinal(s),
                FormalError::NothingToReconsider(s),
            ] {
                let m = e.to_string();
                assert!(m.starts_with("this referral "), "{m}");
                assert!(!m.contains(": waiting") && !m.contains("is the "), "{m}");
            }
        }
    }

    #[test]
    fn a_negative_takes_effect_only_when_another_decision_maker_agrees() {
        assert_eq!(
            reasonable_grounds(AwaitingReasonableGrounds, Outcome::Negative),
            Ok(NegativeAwaitingReview)
        );
        assert_eq!(
            review(NegativeAwaitingReview, true, true),
            Err(FormalError::SameReviewer)
        );
        assert_eq!(
            review(NegativeAwaitingReview, false, true),
            Ok(ReasonableGroundsNegative)
        );
        assert_eq!(
            review(NegativeAwaitingReview, false, false),
            Ok(AwaitingReasonableGrounds)
        );
        assert_eq!(
            review(RecoveryPeriod, false, true),
            Err(FormalError::NothingToReview)
        );
    }

    #[test]
    fn a_conclusive_decision_waits_for_the_recovery_period_and_its_earliest_date() {
        let earliest = Some(date!(2026 - 12 - 31));
        assert_eq!(
            conclusive(
                RecoveryPeriod,
                Outcome::Positive,
                date!(2026 - 12 - 30),
                earliest
            ),
            Err(FormalError::TooEarly(date!(2026 - 12 - 31)))
        );
        assert_eq!(
            conclusive(
                RecoveryPeriod,
                Outcome::Positive,
                date!(2026 - 12 - 31),
                earliest
            ),
            Ok(ConclusivePositive)
        );
        assert!(matches!(
            conclusive(
                AwaitingReasonableGrounds,
                Outcome::Positive,
                date!(2027 - 01 - 31),
                earliest
            ),
            Err(FormalError::NotInRecoveryPeriod(_))
        ));
    }

    #[test]
    fn only_a_negative_decision_is_reconsidered_and_then_decided_again_as_the_first() {
        assert_eq!(
            request_reconsideration(ReasonableGroundsNegative),
            Ok(ReasonableGroundsReconsideration)
        );
        assert_eq!(
            request_reconsideration(ConclusiveNegative),
            Ok(ConclusiveReconsideration)
        );
        for s in [
            AwaitingReasonableGrounds,
            NegativeAwaitingReview,
            RecoveryPeriod,
            ConclusivePositive,
            Withdrawn,
            ReasonableGroundsReconsideration,
        ] {
            assert_eq!(
                request_reconsideration(s),
                Err(FormalError::NothingToReconsider(s))
            );
        }
        assert_eq!(
            reasonable_grounds(ReasonableGroundsReconsideration, Outcome::Positive),
            Ok(RecoveryPeriod)
        );
        assert_eq!(
            conclusive(
                ConclusiveReconsideration,
                Outcome::Positive,
                date!(2027 - 03 - 01),
                Some(date!(2027 - 01 - 31))
            ),
            Ok(ConclusivePositive)
        );
        assert!(
            conclusive(
                ReasonableGroundsReconsideration,
                Outcome::Positive,
                date!(2027 - 03 - 01),
                None
            )
            .is_err()
        );
        assert!(!ReasonableGroundsReconsideration.is_final());
        assert!(close(ConclusiveReconsideration, Closure::Withdrawn).is_ok());
    }

    #[test]
    fn a_reply_date_is_after_today_and_within_sixty_days_or_the_default() {
        let today = date!(2026 - 12 - 01);
        let default = date!(2026 - 12 - 15);
        assert_eq!(reply_by(today, None, default), Ok(default));
        assert_eq!(
            reply_by(today, Some(date!(2026 - 12 - 02)), default),
            Ok(date!(2026 - 12 - 02))
        );
        assert_eq!(
            reply_by(today, Some(date!(2027 - 01 - 30)), default),
            Ok(date!(2027 - 01 - 30))
        );
        assert_eq!(
            reply_by(today, Some(date!(2027 - 01 - 31)), default),
            Err(FormalError::BadReplyBy)
        );
        assert_eq!(
            reply_by(today, Some(today), default),
            Err(FormalError::BadReplyBy)
        );
        assert_eq!(question("  "), Err(FormalError::QuestionRequired));
        assert_eq!(answer(" yes "), Ok("yes".into()));
    }

    #[test]
    fn closing_is_refused_once_final_and_reasons_are_required() {
        for s in FormalStatus::ALL {
            assert_eq!(close(*s, Closure::Missing).is_ok(), !s.is_final(), "{s}");
        }
        assert_eq!(reasons("   "), Err(FormalError::ReasonsRequired));
        assert_eq!(reasons(" seen ").as_deref(), Ok("seen"));
        assert!(reasons(&"x".repeat(5001)).is_err());
    }
}
