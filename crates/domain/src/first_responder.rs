//! First responders: the support organisations designated to make formal referrals to the decision body
//! and, for an adult who does not consent, an anonymous notification (the duty to notify). Whether an
//! organisation is one is an attribute the operator sets (`waymark org first-responder`); a community
//! group or church never is — it refers a person to a support organisation that is.
//!
//! The role policy ([`crate::permission::allows`]) says which roles may notify or refer at all
//! (caseworkers and managers of a support organisation); the rules here add the organisation's
//! designation on top, the same way every query adds the actor's own organisation.

use crate::organisation::{OrganisationKind, Role};
use crate::permission::{Permission, allows};

/// Only a support organisation can be designated a first responder in Waymark.
pub fn can_be_first_responder(kind: OrganisationKind) -> bool {
    kind == OrganisationKind::SupportOrganisation
}

/// Whether a user may make an anonymous notification: a caseworker or manager of a support organisation
/// that is a first responder.
pub fn may_notify_anonymously(role: Role, kind: OrganisationKind, first_responder: bool) -> bool {
    first_responder
        && can_be_first_responder(kind)
        && allows(role, kind, Permission::NotifyAnonymously)
}

/// Whether a user may make a formal referral to the decision body: the same people as may notify.
pub fn may_refer_formally(role: Role, kind: OrganisationKind, first_responder: bool) -> bool {
    first_responder && can_be_first_responder(kind) && allows(role, kind, Permission::ReferFormally)
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind::*;
    use Role::*;

    /// Everyone who may notify or formally refer, written out: (kind, role, first responder).
    const MAY: &[(OrganisationKind, Role, bool)] = &[
        (SupportOrganisation, Caseworker, true),
        (SupportOrganisation, Manager, true),
    ];

    #[test]
    fn only_caseworkers_and_managers_of_a_first_responder_may_notify_or_refer() {
        let mut rows = 0;
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                for first_responder in [false, true] {
                    rows += 1;
                    let expected = MAY.contains(&(*kind, *role, first_responder));
                    assert_eq!(
                        may_notify_anonymously(*role, *kind, first_responder),
                        expected,
                        "notify: {role} in a {kind}, first responder {first_responder}"
                    );
                    assert_eq!(
                        may_refer_formally(*role, *kind, first_responder),
                        expected,
                        "refer: {role} in a {kind}, first responder {first_responder}"
                    );
                }
            }
        }
        assert_eq!(rows, 4 * 4 * 2);
    }

    #[test]
    fn only_a_support_organisation_can_be_a_first_responder() {
        for kind in OrganisationKind::ALL {
            assert_eq!(
                can_be_first_responder(*kind),
                *kind == SupportOrganisation,
                "{kind}"
            );
        }
    }
}
