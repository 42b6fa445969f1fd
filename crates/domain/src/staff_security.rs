//! Staff sign-in rules: who must use a second factor, who may reset someone else's, how long a session
//! lives, and the coarse label a session is listed under.
//!
//! These are rules about staff accounts, above the role policy ([`crate::permission`]): the role policy
//! says what a signed-in user may do; this module says how hard it must be to become that user.

use time::Duration;

use crate::organisation::{OrganisationKind, Role};

/// How long a signed-in session lives at most, however active.
pub const SESSION_LIFETIME: Duration = Duration::hours(8);
/// A session with no request for this long has ended.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// How long the step between a right password and the second factor (or enrolment) may take.
pub const PENDING_LIFETIME: Duration = Duration::minutes(10);
/// How many one-time recovery codes an account gets when it enrols.
pub const RECOVERY_CODES: usize = 10;

/// Whether an account with `role` in an organisation of `kind` must sign in with a second factor.
///
/// Required for everyone who can read personal data or change who can: caseworkers and managers (of any
/// organisation: in a support organisation they read cases, in a decision body they will read the
/// case files sent for a decision, in a coordinator they see the organisation's work), every
/// administrator (they add accounts and reset second factors, so taking over an administrator is taking
/// over the organisation), and every member of a decision body or a coordinator.
///
/// The one exemption is a **helper of a community group or a support organisation**: the role policy lets
/// them only send referrals and see the *status* of the ones they sent (to whom, when, accepted or
/// declined with the reason) — never a person's details, not even those they typed themselves, once
/// sent. A stolen helper password exposes no survivor's record, while requiring a phone app of
/// volunteers in a church hall would keep them from referring at all. If a helper ever gains a
/// permission that reads personal data, `a_second_factor_guards_every_permission_that_reads_personal_data`
/// fails until this rule changes with it.
pub fn two_factor_required(role: Role, kind: OrganisationKind) -> bool {
    use OrganisationKind::*;
    use Role::*;
    match (kind, role) {
        (CommunityGroup | SupportOrganisation, Helper) => false,
        (CommunityGroup | SupportOrganisation | DecisionBody | Coordinator, _) => true,
    }
}

/// Whether `actor` may reset `target`'s second factor (both in the same organisation; the caller checks
/// that). Managers reset their organisation's helpers, caseworkers and other managers; administrators
/// anyone's. Nobody resets their own: that would let a stolen session strip the account's protection,
/// so a member of staff who lost their phone and recovery codes asks someone else.
/// A manager may not reset an administrator, whose account can change everyone else's.
pub fn may_reset_two_factor(actor: Role, target: Role, own_account: bool) -> bool {
    if own_account {
        return false;
    }
    match actor {
        Role::Admin => true,
        Role::Manager => target != Role::Admin,
        Role::Helper | Role::Caseworker => false,
    }
}

/// Whether `actor` may see the list of their organisation's staff with each one's sign-in status.
pub fn may_see_team(actor: Role) -> bool {
    matches!(actor, Role::Manager | Role::Admin)
}

/// A coarse "browser on system" label for a session, from its `User-Agent`, e.g. "Firefox on Linux".
/// Only the family names are kept — never versions, devices or anything else in the header — so the
/// label helps someone recognise their own sessions without fingerprinting them.
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent.to_ascii_lowercase();
    let has = |s: &str| ua.contains(s);
    // Order matters: Edge and Opera also say "Chrome"; Chrome also says "Safari"; iOS says "Mac OS X".
    let browser = if has("edg/") || has("edge/") {
        "Edge"
    } else if has("opr/") || has("opera") {
        "Opera"
    } else if has("firefox/") || has("fxios/") {
        "Firefox"
    } else if has("chromium/") {
        "Chromium"
    } else if has("chrome/") || has("crios/") {
        "Chrome"
    } else if has("safari/") && has("version/") {
        "Safari"
    } else {
        "A browser"
    };
    let system = if has("iphone") || has("ipad") || has("ipod") {
        Some("iOS")
    } else if has("android") {
        Some("Android")
    } else if has("cros") {
        Some("ChromeOS")
    } else if has("windows") {
        Some("Windows")
    } else if has("mac os x") || has("macintosh") {
        Some("macOS")
    } else if has("linux") || has("x11") {
        Some("Linux")
    } else {
        None
    };
    match system {
        Some(system) => format!("{browser} on {system}"),
        None => browser.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permission::{Permission, allows};
    use OrganisationKind::*;
    use Role::*;

    /// The whole table, written out.
    const REQUIRED: &[(OrganisationKind, Role, bool)] = &[
        (CommunityGroup, Helper, false),
        (CommunityGroup, Caseworker, true),
        (CommunityGroup, Manager, true),
        (CommunityGroup, Admin, true),
        (SupportOrganisation, Helper, false),
        (SupportOrganisation, Caseworker, true),
        (SupportOrganisation, Manager, true),
        (SupportOrganisation, Admin, true),
        (DecisionBody, Helper, true),
        (DecisionBody, Caseworker, true),
        (DecisionBody, Manager, true),
        (DecisionBody, Admin, true),
        (Coordinator, Helper, true),
        (Coordinator, Caseworker, true),
        (Coordinator, Manager, true),
        (Coordinator, Admin, true),
    ];

    #[test]
    fn who_needs_a_second_factor_is_exactly_the_table() {
        assert_eq!(
            REQUIRED.len(),
            OrganisationKind::ALL.len() * Role::ALL.len()
        );
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                let row = REQUIRED
                    .iter()
                    .find(|(k, r, _)| k == kind && r == role)
                    .unwrap_or_else(|| panic!("{kind:?} {role:?} is missing from the table"));
                assert_eq!(
                    two_factor_required(*role, *kind),
                    row.2,
                    "{kind:?} {role:?}"
                );
            }
        }
    }

    #[test]
    fn a_second_factor_guards_every_permission_that_reads_personal_data() {
        // Everything but sending a referral and seeing its status reads someone's details or changes who
        // can; an account with any of it must have a second factor.
        let harmless = [Permission::SubmitReferral, Permission::ViewSentReferrals];
        for kind in OrganisationKind::ALL {
            for role in Role::ALL {
                let sensitive = Permission::ALL
                    .iter()
                    .any(|p| !harmless.contains(p) && allows(*role, *kind, *p));
                if sensitive {
                    assert!(two_factor_required(*role, *kind), "{kind:?} {role:?}");
                }
            }
        }
    }

    #[test]
    fn who_may_reset_whose_second_factor_is_exactly_the_table() {
        // (actor, target) pairs allowed, for someone else's account.
        let allowed = [
            (Manager, Helper),
            (Manager, Caseworker),
            (Manager, Manager),
            (Admin, Helper),
            (Admin, Caseworker),
            (Admin, Manager),
            (Admin, Admin),
        ];
        for actor in Role::ALL {
            for target in Role::ALL {
                assert_eq!(
                    may_reset_two_factor(*actor, *target, false),
                    allowed.contains(&(*actor, *target)),
                    "{actor:?} resets {target:?}"
                );
                assert!(
                    !may_reset_two_factor(*actor, *target, true),
                    "{actor:?} resets their own"
                );
            }
            assert_eq!(
                may_see_team(*actor),
                matches!(actor, Manager | Admin),
                "{actor:?}"
            );
        }
    }

    #[test]
    fn a_session_is_labelled_by_browser_and_system_only() {
        let table = [
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                "Chrome on Linux",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
                "Chrome on Linux",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox on Windows",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
                "Edge on Windows",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                "Safari on macOS",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari on iOS",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
                "Chrome on Android",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0",
                "Opera on Windows",
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                "Chrome on ChromeOS",
            ),
            ("curl/8.5.0", "A browser"),
            ("", "A browser"),
        ];
        for (ua, label) in table {
            assert_eq!(device_label(ua), label, "{ua}");
        }
        // Nothing else from the header survives: no version, no model.
        let label = device_label(
            "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A) Chrome/126.0.6478.122 Mobile",
        );
        assert_eq!(label, "Chrome on Android");
    }

    #[test]
    fn an_idle_session_ends_long_before_its_lifetime() {
        assert_eq!(IDLE_TIMEOUT, Duration::minutes(30));
        assert_eq!(SESSION_LIFETIME, Duration::hours(8));
        assert!(PENDING_LIFETIME < IDLE_TIMEOUT);
    }
}
