//! Training certificates: whether one is valid on a day, who may revoke one, and the reason a revocation
//! gives. A helper who passes a course's quiz gets a certificate signed by Waymark (the signature, the
//! code and the token are the vault's); it is valid from the day of the pass to
//! [`crate::training::valid_until`] of it, unless it is revoked.
//!
//! **Who may revoke.** [`crate::Permission::RevokeCertificate`] says which roles may revoke at all
//! (managers and administrators, in any kind of organisation); [`may_revoke_certificate`] adds whose
//! certificates: those held by members of the actor's own organisation, or anyone's for a coordinator
//! (an organisation of kind coordinator oversees training across organisations).

use time::Date;

use crate::organisation::{OrganisationKind, Role};
use crate::permission::{Permission, allows};

/// What a certificate is worth on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateState {
    Valid,
    /// Its last valid day has passed: the holder takes the course again.
    Expired,
    /// A manager, an administrator or a coordinator withdrew it. Wins over expiry.
    Revoked,
}

impl CertificateState {
    /// The state of a certificate whose last valid day is `expires_on`, judged on `today`.
    pub fn on(today: Date, expires_on: Date, revoked: bool) -> CertificateState {
        if revoked {
            CertificateState::Revoked
        } else if today > expires_on {
            CertificateState::Expired
        } else {
            CertificateState::Valid
        }
    }

    /// Whether a certificate issued on `issued_on`, valid until `expires_on` and revoked on `revoked_on`
    /// (if ever) was valid on `day`: for counting what a helper held when they did something, not only
    /// today (`on`).
    pub fn held_on(day: Date, issued_on: Date, expires_on: Date, revoked_on: Option<Date>) -> bool {
        issued_on <= day && day <= expires_on && revoked_on.is_none_or(|r| day < r)
    }

    /// `valid`, `expired` or `revoked`: the words the public check and the API use.
    pub fn as_str(self) -> &'static str {
        match self {
            CertificateState::Valid => "valid",
            CertificateState::Expired => "expired",
            CertificateState::Revoked => "revoked",
        }
    }
}

/// Whether someone with `role` in an organisation of `kind` may revoke a certificate held by a member of
/// their own organisation (`holders_organisation` true) or of another one.
/// A valid certificate that ends within this many days is marked "expires soon" for its managers.
pub const EXPIRES_SOON_DAYS: i64 = 60;

/// Whether a certificate valid until `expires_on` should be renewed soon, as of `today`.
pub fn expires_soon(today: Date, expires_on: Date) -> bool {
    today <= expires_on && (expires_on - today).whole_days() <= EXPIRES_SOON_DAYS
}

pub fn may_revoke_certificate(
    role: Role,
    kind: OrganisationKind,
    holders_organisation: bool,
) -> bool {
    allows(role, kind, Permission::RevokeCertificate)
        && (holders_organisation || kind == OrganisationKind::Coordinator)
}

/// Why a revocation reason was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "give a reason of 3 to 200 characters on one line, without anyone's personal details (it is kept in the audit log)"
)]
pub struct BadRevocationReason;

/// Why a certificate was revoked: 3 to 200 characters on one line. The holder sees it; the public check
/// does not (it says only "revoked"). It goes into the audit log, which is not sealed, so the form asks
/// for a reason without anyone's personal details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevocationReason(String);

impl RevocationReason {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 200;

    pub fn parse(value: &str) -> Result<Self, BadRevocationReason> {
        let v = value.trim();
        let n = v.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&n) || v.chars().any(char::is_control) {
            return Err(BadRevocationReason);
        }
        Ok(Self(v.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind::*;
    use Role::*;
    use time::macros::date;

    #[test]
    fn a_certificate_is_valid_to_its_last_day_and_revocation_wins() {
        let last = date!(2028 - 12 - 05);
        assert_eq!(
            CertificateState::on(date!(2026 - 12 - 05), last, false),
            CertificateState::Valid
        );
        assert_eq!(
            CertificateState::on(last, last, false),
            CertificateState::Valid
        );
        assert_eq!(
            CertificateState::on(date!(2028 - 12 - 06), last, false),
            CertificateState::Expired
        );
        assert_eq!(
            CertificateState::on(date!(2028 - 12 - 06), last, true),
            CertificateState::Revoked
        );
        assert_eq!(CertificateState::on(last, last, true).as_str(), "revoked");
    }

    #[test]
    fn managers_and_administrators_revoke_in_their_organisation_and_coordinators_anywhere() {
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                let may = matches!(role, Manager | Admin);
                assert_eq!(
                    may_revoke_certificate(*role, *kind, true),
                    may,
                    "{role} {kind}"
                );
                assert_eq!(
                    may_revoke_certificate(*role, *kind, false),
                    may && *kind == Coordinator,
                    "{role} {kind} in another organisation"
                );
            }
        }
        assert!(!may_revoke_certificate(Helper, Coordinator, false));
        assert!(!may_revoke_certificate(
            Caseworker,
            SupportOrganisation,
            true
        ));
    }

    #[test]
    fn revocation_reasons_are_short_single_lines() {
        assert_eq!(
            RevocationReason::parse("  issued in error  ").map(|r| r.as_str().to_owned()),
            Ok("issued in error".to_owned())
        );
        assert_eq!(RevocationReason::parse(" no "), Err(BadRevocationReason));
        assert!(RevocationReason::parse(&"x".repeat(200)).is_ok());
        assert!(RevocationReason::parse(&"x".repeat(201)).is_err());
        assert!(RevocationReason::parse("two\nlines").is_err());
    }

    #[test]
    fn held_on_a_day_counts_from_issue_to_expiry_and_stops_at_revocation() {
        use time::macros::date;
        let (issued, expires) = (date!(2026 - 01 - 10), date!(2028 - 01 - 10));
        assert!(!CertificateState::held_on(
            date!(2026 - 01 - 09),
            issued,
            expires,
            None
        ));
        assert!(CertificateState::held_on(issued, issued, expires, None));
        assert!(CertificateState::held_on(expires, issued, expires, None));
        assert!(!CertificateState::held_on(
            date!(2028 - 01 - 11),
            issued,
            expires,
            None
        ));
        let revoked = Some(date!(2027 - 01 - 01));
        assert!(CertificateState::held_on(
            date!(2026 - 12 - 31),
            issued,
            expires,
            revoked
        ));
        assert!(!CertificateState::held_on(
            date!(2027 - 01 - 01),
            issued,
            expires,
            revoked
        ));
        assert!(expires_soon(date!(2027 - 11 - 11), expires));
        assert!(!expires_soon(date!(2027 - 11 - 10), expires));
        assert!(
            !expires_soon(date!(2028 - 01 - 11), expires),
            "already expired"
        );
    }
}
