//! Waymark's pure rules and types: the shared vocabulary, the screening rule, organisations and roles, the
//! permission policy and the case policy above it (need-to-know, break the glass), referral validation and
//! states, the case record's rules, staff sign-in (who needs a second factor, session timeouts),
//! self-referral and the codename channel's rules (including the limits on codename guesses), and the
//! jurisdictions' contacts, and the statutory clocks of the identification process (dated rules and each
//! nation's bank holidays), first responders and anonymous notifications, a decision body's performance
//! figures and the small-cell suppression of statistics, the plain words each decision of the
//! decision body is told in (decision letters), and training certificates (validity, who may revoke).
//!
//! Nothing here does I/O, async, SQL or HTTP, so every rule can be tested as a table.

pub mod anonymous;
pub mod area;
pub mod case;
pub mod case_record;
pub mod certificate;
pub mod channel;
pub mod clock;
pub mod closing;
pub mod consent;
pub mod decision_figures;
pub mod decision_letter;
pub mod disclosure;
pub mod erasure;
pub mod first_responder;
pub mod formal;
pub mod guess_limit;
pub mod ids;
pub mod jurisdiction;
pub mod language;
pub mod operator;
pub mod organisation;
pub mod permission;
pub mod person_notice;
pub mod referral;
pub mod screening;
pub mod self_referral;
pub mod staff_security;
pub mod training;
pub mod vocabulary;

pub use ids::{CaseId, ChannelId, MessageId, OrgId, ReferralId, UserId};
pub use organisation::{OrganisationKind, Role};
pub use permission::{Permission, allows};
pub use screening::{AgeBand, ScreeningInput, screen};
pub use vocabulary::{
    ExploitationType, FirstContact, Indicator, Nation, Need, ScreeningOutcome, Strength, UnknownId,
};
