//! Who may see and work on a case: need-to-know inside a support organisation.
//!
//! Permissions are decided in two layers, both pure and both tested as full tables:
//!
//! 1. **The role policy**, [`crate::permission::allows`]`(role, kind of organisation, permission)`: what a
//!    role may do at all, whatever the record. Only caseworkers and managers of a support organisation
//!    may read cases ([`Permission::ReadCase`]); only its managers may assign them
//!    ([`Permission::AssignCase`]). Administrators, helpers and every other kind of organisation read no
//!    case.
//! 2. **The case policy**, [`case_access`]`(role, kind, same organisation, assigned, live break-glass
//!    grant)`, above it: which *case* a permitted role may open. A manager opens every case of their own
//!    organisation; a caseworker opens the cases assigned to them; a caseworker of the same organisation
//!    who is not assigned may only *break the glass* — give a reason (kept in the audit log) and get
//!    [`BREAK_GLASS_MINUTES`] of access to that one case. Everyone else is denied.
//!
//! [`decide`] turns the two into the answer a use case gives for one [`CaseAction`]. Every refusal of a
//! case the actor may not open is [`Decision::NotFound`] — the same answer as for a case that does not
//! exist — so a refusal never reveals that a record exists. Only someone who may open the case can be told
//! "your role may not do this" ([`Decision::Forbidden`]).

use time::{Duration, PrimitiveDateTime};

use crate::organisation::{OrganisationKind, Role};
use crate::permission::{Permission, allows};
use crate::vocabulary::vocabulary;

/// How long a break-the-glass grant lasts.
pub const BREAK_GLASS_MINUTES: i64 = 60;

/// The length of a break-the-glass grant.
pub fn break_glass_duration() -> Duration {
    Duration::minutes(BREAK_GLASS_MINUTES)
}

/// Whether a grant that ends at `expires_at` still gives access at `now`.
pub fn grant_is_live(expires_at: PrimitiveDateTime, now: PrimitiveDateTime) -> bool {
    now < expires_at
}

vocabulary! {
    /// Where a case stands: opened `open` when its referral is accepted, `closed` with a move-on plan
    /// (see [`crate::closing`]). Erasure is recorded apart from the status (a case's `erased_at`).
    CaseStatus, "case status" {
        Open => "open",
        Closed => "closed",
    }
}

/// What the case policy says about one actor and one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAccess {
    /// The actor may open the case.
    Allowed,
    /// The actor may not open the case, but may break the glass to get time-limited access to it.
    BreakGlass,
    /// The actor may not open the case, and must not learn that it exists.
    Denied,
}

/// The case policy (the second layer, above [`allows`]).
///
/// - `same_org`: the case belongs to the actor's organisation;
/// - `assigned`: the case is assigned to the actor;
/// - `has_break_glass_grant`: the actor holds a live break-the-glass grant for this case.
pub fn case_access(
    role: Role,
    org_kind: OrganisationKind,
    same_org: bool,
    assigned: bool,
    has_break_glass_grant: bool,
) -> CaseAccess {
    if !same_org || !allows(role, org_kind, Permission::ReadCase) {
        return CaseAccess::Denied;
    }
    match role {
        Role::Manager => CaseAccess::Allowed,
        Role::Caseworker if assigned || has_break_glass_grant => CaseAccess::Allowed,
        Role::Caseworker => CaseAccess::BreakGlass,
        // The role policy already refused every other role; say so again rather than fall through.
        Role::Helper | Role::Admin => CaseAccess::Denied,
    }
}

/// The need-to-know rule for lists: which cases of their own organisation a member of staff can open
/// without breaking the glass, the same answer as [`case_access`] gives `Allowed` for one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseListScope {
    /// Every case of the organisation (a manager).
    Organisation,
    /// The cases assigned to them and those they hold a live break-the-glass grant for (a caseworker).
    AssignedOrGranted,
    /// No case (the role policy does not let them read cases).
    Nothing,
}

impl CaseListScope {
    /// Whether a case of the organisation is in the scope: it is assigned to the member of staff, or
    /// they hold a live grant for it.
    pub fn includes(self, assigned: bool, has_break_glass_grant: bool) -> bool {
        match self {
            CaseListScope::Organisation => true,
            CaseListScope::AssignedOrGranted => assigned || has_break_glass_grant,
            CaseListScope::Nothing => false,
        }
    }
}

/// The cases of their own organisation a member of staff lists and works without breaking the glass:
/// case lists, "my work" and the people who may own a case's plan actions all follow this.
pub fn case_list_scope(role: Role, org_kind: OrganisationKind) -> CaseListScope {
    if !allows(role, org_kind, Permission::ReadCase) {
        return CaseListScope::Nothing;
    }
    match role {
        Role::Manager => CaseListScope::Organisation,
        Role::Caseworker => CaseListScope::AssignedOrGranted,
        Role::Helper | Role::Admin => CaseListScope::Nothing,
    }
}

/// Everything a use case can do to one case. The permission table tests each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseAction {
    /// Read the case with the person's details.
    View,
    /// Change the person's details.
    UpdatePerson,
    /// Record or replace the needs assessment.
    RecordNeeds,
    /// Add an action to the support plan.
    AddPlanAction,
    /// Mark a plan action done.
    CompletePlanAction,
    /// Add a note.
    AddNote,
    /// Upload a document.
    UploadDocument,
    /// Download a document.
    DownloadDocument,
    /// Add an episode of exploitation history.
    AddHistory,
    /// Record a risk-of-re-trafficking assessment.
    RecordRisk,
    /// Assign the case to a caseworker (or reassign it).
    Assign,
    /// Ask for time-limited access to a case one is not assigned to, with a reason.
    BreakGlass,
    /// Close the case with a move-on plan (follow-up check-ins are scheduled).
    Close,
    /// Erase the case now: crypto-shred the person's details. Managers only.
    Erase,
    /// Export the person's whole record as one readable document (a subject-access request).
    Export,
    /// Record the person's consent to share (or, for a child, the safeguarding basis).
    RecordConsent,
    /// Withdraw a consent: nothing more is shared under it.
    WithdrawConsent,
    /// Refer the person onward to another organisation in Waymark, under a consent.
    ReferOnward,
    /// Refer the person formally to the decision body (a first responder's staff; an adult under a
    /// consent naming the body), and see where such a referral stands.
    ReferFormally,
}

impl CaseAction {
    pub const ALL: &'static [CaseAction] = &[
        CaseAction::View,
        CaseAction::UpdatePerson,
        CaseAction::RecordNeeds,
        CaseAction::AddPlanAction,
        CaseAction::CompletePlanAction,
        CaseAction::AddNote,
        CaseAction::UploadDocument,
        CaseAction::DownloadDocument,
        CaseAction::AddHistory,
        CaseAction::RecordRisk,
        CaseAction::Assign,
        CaseAction::BreakGlass,
        CaseAction::Close,
        CaseAction::Erase,
        CaseAction::Export,
        CaseAction::RecordConsent,
        CaseAction::WithdrawConsent,
        CaseAction::ReferOnward,
        CaseAction::ReferFormally,
    ];
}

/// The answer to one [`CaseAction`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead.
    Permit,
    /// Answer exactly as for a case that does not exist (HTTP 404).
    NotFound,
    /// The actor may open the case, but their role may not do this (HTTP 403).
    Forbidden,
    /// Breaking the glass is refused because the actor can already open the case (HTTP 409).
    AlreadyAllowed,
}

/// The decision for one action on one case: the role policy and the case policy together.
pub fn decide(
    action: CaseAction,
    role: Role,
    org_kind: OrganisationKind,
    same_org: bool,
    assigned: bool,
    has_break_glass_grant: bool,
) -> Decision {
    let access = case_access(role, org_kind, same_org, assigned, has_break_glass_grant);
    match (action, access) {
        (_, CaseAccess::Denied) => Decision::NotFound,
        (CaseAction::BreakGlass, CaseAccess::BreakGlass) => Decision::Permit,
        (CaseAction::BreakGlass, CaseAccess::Allowed) => Decision::AlreadyAllowed,
        // Until the glass is broken, the case is as hidden as any other.
        (_, CaseAccess::BreakGlass) => Decision::NotFound,
        (CaseAction::Assign, CaseAccess::Allowed) => {
            if allows(role, org_kind, Permission::AssignCase) {
                Decision::Permit
            } else {
                Decision::Forbidden
            }
        }
        (CaseAction::Erase, CaseAccess::Allowed) => {
            if allows(role, org_kind, Permission::EraseCase) {
                Decision::Permit
            } else {
                Decision::Forbidden
            }
        }
        (_, CaseAccess::Allowed) => Decision::Permit,
    }
}

/// Why a break-the-glass reason was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "give a reason of 3 to 500 characters on one line, without the person's name or details (it is kept in the audit log)"
)]
pub struct BadBreakGlassReason;

/// A reason for breaking the glass: 3 to 500 characters on one line. It goes into the audit log, which is
/// not sealed, so the form asks for a reason without the person's name or details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakGlassReason(String);

impl BreakGlassReason {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 500;

    pub fn parse(value: &str) -> Result<Self, BadBreakGlassReason> {
        let v = value.trim();
        let n = v.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&n) || v.chars().any(char::is_control) {
            return Err(BadBreakGlassReason);
        }
        Ok(Self(v.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// ---- case references -------------------------------------------------------------------------------

/// The letters a case reference starts with: the initials of the organisation's name (words in
/// brackets left out), at most four, upper case; `CASE` when the name has no usable initials.
pub fn reference_prefix(org_name: &str) -> String {
    let mut depth = 0usize;
    let mut initials = String::new();
    for word in org_name.split_whitespace() {
        let opens = word.starts_with('(');
        if opens {
            depth += 1;
        }
        if depth == 0
            && let Some(c) = word.chars().find(|c| c.is_alphanumeric())
            && c.is_ascii_alphabetic()
            && initials.len() < 4
        {
            initials.push(c.to_ascii_uppercase());
        }
        if word.ends_with(')') {
            depth = depth.saturating_sub(1);
        }
    }
    if initials.is_empty() {
        "CASE".to_owned()
    } else {
        initials
    }
}

/// A case reference, e.g. `HL-2026-0007`: the organisation's prefix, the year the case was opened, and its
/// number that year within the organisation. Unique per organisation; not personal data.
pub fn format_reference(prefix: &str, year: i32, number: i32) -> String {
    format!("{prefix}-{year}-{number:04}")
}

/// A reference as someone types it into a search: surrounding space removed, upper case.
pub fn normalise_reference(typed: &str) -> String {
    typed.trim().to_uppercase()
}

/// Whole days since `since` (0 on the day itself), for the age of an open referral.
pub fn age_in_days(since: PrimitiveDateTime, now: PrimitiveDateTime) -> i64 {
    (now.date() - since.date()).whole_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind::*;
    use Role::*;

    /// The list rule and the single-case rule never disagree: a case is in a member of staff's list
    /// exactly when [`case_access`] opens it to them without breaking the glass.
    #[test]
    fn the_list_scope_agrees_with_case_access() {
        for &kind in OrganisationKind::ALL {
            for role in [Helper, Caseworker, Manager, Admin] {
                let scope = case_list_scope(role, kind);
                for assigned in [false, true] {
                    for grant in [false, true] {
                        assert_eq!(
                            scope.includes(assigned, grant),
                            case_access(role, kind, true, assigned, grant) == CaseAccess::Allowed,
                            "{role:?} in a {kind:?} organisation, assigned {assigned}, grant {grant}"
                        );
                    }
                }
            }
        }
        assert_eq!(
            case_list_scope(Manager, SupportOrganisation),
            CaseListScope::Organisation
        );
        assert_eq!(
            case_list_scope(Caseworker, SupportOrganisation),
            CaseListScope::AssignedOrGranted
        );
        assert_eq!(
            case_list_scope(Helper, SupportOrganisation),
            CaseListScope::Nothing
        );
    }

    /// The case policy, written out: for a support organisation, the access of every role in every
    /// situation. `(role, same_org, assigned, grant) -> access`.
    const SUPPORT_ORG: &[(Role, bool, bool, bool, CaseAccess)] = &[
        (Helper, true, true, true, CaseAccess::Denied),
        (Helper, true, true, false, CaseAccess::Denied),
        (Helper, true, false, true, CaseAccess::Denied),
        (Helper, true, false, false, CaseAccess::Denied),
        (Helper, false, true, true, CaseAccess::Denied),
        (Helper, false, true, false, CaseAccess::Denied),
        (Helper, false, false, true, CaseAccess::Denied),
        (Helper, false, false, false, CaseAccess::Denied),
        (Caseworker, true, true, true, CaseAccess::Allowed),
        (Caseworker, true, true, false, CaseAccess::Allowed),
        (Caseworker, true, false, true, CaseAccess::Allowed),
        (Caseworker, true, false, false, CaseAccess::BreakGlass),
        (Caseworker, false, true, true, CaseAccess::Denied),
        (Caseworker, false, true, false, CaseAccess::Denied),
        (Caseworker, false, false, true, CaseAccess::Denied),
        (Caseworker, false, false, false, CaseAccess::Denied),
        (Manager, true, true, true, CaseAccess::Allowed),
        (Manager, true, true, false, CaseAccess::Allowed),
        (Manager, true, false, true, CaseAccess::Allowed),
        (Manager, true, false, false, CaseAccess::Allowed),
        (Manager, false, true, true, CaseAccess::Denied),
        (Manager, false, true, false, CaseAccess::Denied),
        (Manager, false, false, true, CaseAccess::Denied),
        (Manager, false, false, false, CaseAccess::Denied),
        (Admin, true, true, true, CaseAccess::Denied),
        (Admin, true, true, false, CaseAccess::Denied),
        (Admin, true, false, true, CaseAccess::Denied),
        (Admin, true, false, false, CaseAccess::Denied),
        (Admin, false, true, true, CaseAccess::Denied),
        (Admin, false, true, false, CaseAccess::Denied),
        (Admin, false, false, true, CaseAccess::Denied),
        (Admin, false, false, false, CaseAccess::Denied),
    ];

    const BOOLS: [bool; 2] = [true, false];

    #[test]
    fn the_case_policy_is_exactly_the_table() {
        let mut rows = 0;
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                for same_org in BOOLS {
                    for assigned in BOOLS {
                        for grant in BOOLS {
                            rows += 1;
                            let expected = if *kind == SupportOrganisation {
                                SUPPORT_ORG
                                    .iter()
                                    .find(|r| {
                                        (r.0, r.1, r.2, r.3) == (*role, same_org, assigned, grant)
                                    })
                                    .map(|r| r.4)
                                    .unwrap_or_else(|| {
                                        panic!("table lacks {role} {same_org} {assigned} {grant}")
                                    })
                            } else {
                                // No other kind of organisation has cases at all.
                                CaseAccess::Denied
                            };
                            assert_eq!(
                                case_access(*role, *kind, same_org, assigned, grant),
                                expected,
                                "{role} in a {kind}, same org {same_org}, assigned {assigned}, grant {grant}"
                            );
                        }
                    }
                }
            }
        }
        assert_eq!(rows, 4 * 4 * 8);
    }

    /// What every action answers, by situation. The situations of a support organisation's staff:
    /// assigned caseworker, caseworker with a grant, unassigned caseworker without one, manager. Every
    /// other combination (another organisation, a helper, an administrator, another kind of organisation)
    /// must be `NotFound` for every action.
    fn expected(action: CaseAction, role: Role, assigned: bool, grant: bool) -> Decision {
        use CaseAction::*;
        use Decision::*;
        match (role, assigned || grant, action) {
            // A manager: everything, including assigning and erasing; the glass is never theirs to break.
            (Manager, _, BreakGlass) => AlreadyAllowed,
            (Manager, _, _) => Permit,
            // A caseworker who may open the case: everything but assigning and erasing.
            (Caseworker, true, Assign | Erase) => Forbidden,
            (Caseworker, true, BreakGlass) => AlreadyAllowed,
            (Caseworker, true, _) => Permit,
            // A caseworker who may not: only breaking the glass; the case is otherwise hidden.
            (Caseworker, false, BreakGlass) => Permit,
            _ => NotFound,
        }
    }

    #[test]
    fn every_action_for_every_role_organisation_assignment_and_grant() {
        let mut rows = 0;
        let mut permitted = 0;
        for action in CaseAction::ALL {
            for kind in OrganisationKind::ALL {
                for role in Role::ALL {
                    for same_org in BOOLS {
                        for assigned in BOOLS {
                            for grant in BOOLS {
                                rows += 1;
                                let want = if *kind == SupportOrganisation && same_org {
                                    expected(*action, *role, assigned, grant)
                                } else {
                                    Decision::NotFound
                                };
                                let got = decide(*action, *role, *kind, same_org, assigned, grant);
                                assert_eq!(
                                    got, want,
                                    "{action:?} by {role} in a {kind}, same org {same_org}, \
                                     assigned {assigned}, grant {grant}"
                                );
                                permitted += usize::from(got == Decision::Permit);
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(rows, CaseAction::ALL.len() * 4 * 4 * 8);
        // Per action in the support organisation: the manager in 4 situations, the caseworker in 3 of 4
        // (assigned, granted, both); assigning and erasing only the manager's 4 each; breaking the glass
        // only the unassigned caseworker's 1.
        assert_eq!(permitted, (CaseAction::ALL.len() - 3) * 7 + 4 + 4 + 1);
    }

    #[test]
    fn refusals_never_reveal_a_case_to_outsiders() {
        for action in CaseAction::ALL {
            for role in Role::ALL {
                for kind in OrganisationKind::ALL {
                    assert_eq!(
                        decide(*action, *role, *kind, false, true, true),
                        Decision::NotFound,
                        "another organisation's {action:?}"
                    );
                }
                for kind in OrganisationKind::ALL {
                    for (assigned, grant) in [(true, true), (false, false)] {
                        if matches!(role, Helper | Admin) {
                            assert_eq!(
                                decide(*action, *role, *kind, true, assigned, grant),
                                Decision::NotFound
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_grant_lasts_an_hour() {
        let at = time::macros::datetime!(2026-11-30 10:00);
        let until = at + break_glass_duration();
        assert!(grant_is_live(until, at + Duration::minutes(59)));
        assert!(!grant_is_live(until, at + Duration::minutes(60)));
    }

    #[test]
    fn break_glass_reasons_are_short_single_lines() {
        assert!(BreakGlassReason::parse("  on call, duty cover  ").is_ok());
        assert_eq!(
            BreakGlassReason::parse(" on ").map(|r| r.as_str().to_owned()),
            Err(BadBreakGlassReason)
        );
        assert!(BreakGlassReason::parse("abc").is_ok());
        assert!(BreakGlassReason::parse(&"x".repeat(500)).is_ok());
        assert!(BreakGlassReason::parse(&"x".repeat(501)).is_err());
        assert!(BreakGlassReason::parse("two\nlines").is_err());
    }

    #[test]
    fn references_use_the_organisations_initials() {
        assert_eq!(reference_prefix("Harbour Light (fictional)"), "HL");
        assert_eq!(reference_prefix("Leeds Safe Haven"), "LSH");
        assert_eq!(reference_prefix("the (very) long name of an org"), "TLNO");
        assert_eq!(reference_prefix("Ünïcode only"), "O");
        assert_eq!(reference_prefix("  "), "CASE");
        assert_eq!(format_reference("HL", 2026, 7), "HL-2026-0007");
        assert_eq!(format_reference("HL", 2026, 12345), "HL-2026-12345");
        assert_eq!(normalise_reference(" hl-2026-0007 "), "HL-2026-0007");
    }

    #[test]
    fn a_referral_is_zero_days_old_on_its_day() {
        let sent = time::macros::datetime!(2026-11-30 23:59);
        assert_eq!(
            age_in_days(sent, time::macros::datetime!(2026-11-30 23:59)),
            0
        );
        assert_eq!(
            age_in_days(sent, time::macros::datetime!(2026-12-01 00:01)),
            1
        );
        assert_eq!(
            age_in_days(sent, time::macros::datetime!(2026-12-08 00:00)),
            8
        );
    }
}
