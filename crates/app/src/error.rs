//! The use cases' errors. Each says what went wrong in words for the person using Waymark; none carries
//! personal data. The web maps them to pages and problem+json answers.

use waymark_domain::case_record::{CaseError, DocumentError};
use waymark_domain::referral::ReferralError;
use waymark_domain::self_referral::SelfReferralError;
use waymark_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist *for this actor*: another organisation's record is reported the same
    /// way as one that does not exist, so its existence is never revealed.
    #[error("not found")]
    NotFound,
    /// The actor's role may not do this at all.
    #[error("your role does not allow this")]
    Forbidden,
    #[error("the email or password is not right")]
    BadCredentials,
    #[error("too many failed sign-in attempts: try again in {minutes} minutes")]
    LockedOut { minutes: i64 },
    /// The second factor was wrong, already used, or not a code at all. Counts toward the lockout.
    #[error("that code is not right, or it was already used: wait for the next one")]
    BadCode,
    /// The step between the password and the second factor took too long, or was already finished.
    #[error("signing in took too long: please start again")]
    SignInExpired,
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Referral(#[from] ReferralError),
    #[error(transparent)]
    SelfReferral(#[from] SelfReferralError),
    /// Part of a case record is not valid as entered; names the form field.
    #[error(transparent)]
    Case(#[from] CaseError),
    /// A document was refused: empty, too large, or not a PDF, PNG, JPEG or plain text.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// An anonymous notification was refused (a child, or a field not valid); names the field.
    #[error(transparent)]
    Notification(#[from] waymark_domain::anonymous::NotificationError),
    /// Too many wrong codenames from this client, or from everyone together: nothing was looked up.
    #[error("too many attempts: try again in {minutes} minutes")]
    TooManyAttempts { minutes: i64 },
    #[error("{0}")]
    Conflict(String),
    #[error("master key: {0}")]
    Key(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a sealed field could not be opened: {0}")]
    Vault(#[from] waymark_vault::VaultError),
}
