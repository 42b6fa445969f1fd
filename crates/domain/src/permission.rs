//! The permission policy: one pure function from (role, kind of organisation, action) to yes or no.
//!
//! Least privilege: an administrator manages accounts but reads no one's case; a helper refers but never
//! sees an inbox; nobody outside a support organisation reads a case. Whether the record belongs to the
//! actor's own organisation is a second, separate check that every query makes (`store` scopes by
//! organisation); this policy only says what a role may do at all. Which *case* a caseworker or manager
//! may open (need-to-know, break the glass) is the case policy above this one, [`crate::case`].

use crate::organisation::{OrganisationKind, Role};

/// Declares [`Permission`] and its list of every variant from one list, so that a new permission cannot be
/// left out of [`Permission::ALL`] (which the policy table test walks).
macro_rules! permissions {
    ($($(#[doc = $doc:expr])* $name:ident,)+) => {
        /// Something a signed-in user may try to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Permission {
            $($(#[doc = $doc])* $name,)+
        }

        impl Permission {
            /// Every permission, in the order declared.
            pub const ALL: &'static [Permission] = &[$(Permission::$name,)+];
        }
    };
}

permissions! {
    /// Refer a person, with their consent, to a support organisation.
    SubmitReferral,
    /// See the referrals one's own organisation sent, and their answers.
    ViewSentReferrals,
    /// See the referrals sent to one's own organisation.
    ViewReferralInbox,
    /// Open one referral, with the person's details (an audited read).
    OpenReferral,
    /// Accept a referral, which opens a case.
    AcceptReferral,
    /// Decline a referral with a reason the sender sees.
    DeclineReferral,
    /// Read a case with the person's details. Which cases is need-to-know: see [`crate::case::case_access`].
    ReadCase,
    /// Assign a case of one's own organisation to a caseworker, or reassign it.
    AssignCase,
    /// Erase a case of one's own organisation now, before its retention period ends (crypto-shredding).
    EraseCase,
    /// See the organisation's case statistics (counts of plaintext facts only, erased cases included).
    ViewCaseStatistics,
    /// Set how long the organisation keeps a closed case before it is erased.
    SetRetention,
    /// Read and answer the messages a person who referred themselves sends through their codename channel.
    MessagePerson,
    /// Add and remove the organisation's accounts.
    ManageUsers,
    /// Notify the decision body anonymously about an adult who does not consent to a referral (the duty to
    /// notify). Also needs the organisation to be a first responder: see [`crate::first_responder`].
    NotifyAnonymously,
    /// Make a formal referral to the decision body. Also needs the organisation to be a first responder:
    /// see [`crate::first_responder`].
    ReferFormally,
    /// Decide whether a person formally referred is a survivor (reasonable grounds, conclusive grounds), and
    /// read the decision body's copy of their details: the decision body's caseworkers and managers only.
    DecideIdentification,
    /// Revoke a training certificate. Whose: a member of the holder's own organisation, or anyone's for a
    /// coordinator; see [`crate::certificate::may_revoke_certificate`].
    RevokeCertificate,
}

/// Whether a user with `role` in an organisation of `kind` may do `permission`.
pub fn allows(role: Role, kind: OrganisationKind, permission: Permission) -> bool {
    use OrganisationKind::*;
    use Permission::*;
    use Role::*;
    match permission {
        SubmitReferral | ViewSentReferrals => {
            matches!(kind, CommunityGroup | SupportOrganisation)
                && matches!(role, Helper | Caseworker | Manager)
        }
        ViewReferralInbox | OpenReferral | AcceptReferral | DeclineReferral | ReadCase
        | MessagePerson => kind == SupportOrganisation && matches!(role, Caseworker | Manager),
        AssignCase | EraseCase | ViewCaseStatistics => {
            kind == SupportOrganisation && role == Manager
        }
        SetRetention => kind == SupportOrganisation && matches!(role, Manager | Admin),
        ManageUsers => role == Admin,
        NotifyAnonymously | ReferFormally => {
            kind == SupportOrganisation && matches!(role, Caseworker | Manager)
        }
        DecideIdentification => kind == DecisionBody && matches!(role, Caseworker | Manager),
        RevokeCertificate => matches!(role, Manager | Admin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind::*;
    use Permission::*;
    use Role::*;

    /// What a support organisation's caseworker may do; its manager may do all of it and more.
    const SUPPORT_CASEWORKER: &[Permission] = &[
        SubmitReferral,
        ViewSentReferrals,
        ViewReferralInbox,
        OpenReferral,
        AcceptReferral,
        DeclineReferral,
        ReadCase,
        MessagePerson,
        NotifyAnonymously,
        ReferFormally,
    ];

    /// The whole table, written out: every (kind, role) and the permissions it has (the union of the
    /// lists in its row). Anything not listed must be refused.
    const GRANTED: &[(OrganisationKind, Role, &[&[Permission]])] = &[
        (
            CommunityGroup,
            Helper,
            &[&[SubmitReferral, ViewSentReferrals]],
        ),
        (
            CommunityGroup,
            Caseworker,
            &[&[SubmitReferral, ViewSentReferrals]],
        ),
        (
            CommunityGroup,
            Manager,
            &[&[SubmitReferral, ViewSentReferrals, RevokeCertificate]],
        ),
        (CommunityGroup, Admin, &[&[ManageUsers, RevokeCertificate]]),
        (
            SupportOrganisation,
            Helper,
            &[&[SubmitReferral, ViewSentReferrals]],
        ),
        (SupportOrganisation, Caseworker, &[SUPPORT_CASEWORKER]),
        (
            SupportOrganisation,
            Manager,
            &[
                SUPPORT_CASEWORKER,
                &[
                    AssignCase,
                    EraseCase,
                    ViewCaseStatistics,
                    SetRetention,
                    RevokeCertificate,
                ],
            ],
        ),
        (
            SupportOrganisation,
            Admin,
            &[&[ManageUsers, SetRetention, RevokeCertificate]],
        ),
        (DecisionBody, Helper, &[&[]]),
        (DecisionBody, Caseworker, &[&[DecideIdentification]]),
        (
            DecisionBody,
            Manager,
            &[&[DecideIdentification, RevokeCertificate]],
        ),
        (DecisionBody, Admin, &[&[ManageUsers, RevokeCertificate]]),
        (Coordinator, Helper, &[&[]]),
        (Coordinator, Caseworker, &[&[]]),
        (Coordinator, Manager, &[&[RevokeCertificate]]),
        (Coordinator, Admin, &[&[ManageUsers, RevokeCertificate]]),
    ];

    #[test]
    fn the_policy_is_exactly_the_table() {
        let mut rows = 0;
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                let granted = GRANTED
                    .iter()
                    .find(|(k, r, _)| k == kind && r == role)
                    .map(|(_, _, p)| *p)
                    .unwrap_or_else(|| panic!("table lacks {kind}/{role}"));
                for permission in Permission::ALL {
                    rows += 1;
                    assert_eq!(
                        allows(*role, *kind, *permission),
                        granted.iter().any(|list| list.contains(permission)),
                        "{role} in a {kind} / {permission:?}"
                    );
                }
            }
        }
        assert_eq!(rows, 4 * 4 * Permission::ALL.len());
    }

    #[test]
    fn administrators_never_read_personal_data() {
        for kind in OrganisationKind::ALL {
            for p in [
                OpenReferral,
                ReadCase,
                AssignCase,
                EraseCase,
                ViewReferralInbox,
                MessagePerson,
                DecideIdentification,
            ] {
                assert!(!allows(Admin, *kind, p));
            }
        }
    }
}
