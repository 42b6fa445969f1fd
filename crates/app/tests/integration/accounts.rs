//! Accounts: sign-in lockout and sign-out, the master key a database belongs to, suggestions, API tokens.

use crate::fixture::*;
use waymark_app::{App, AppError, SignIn};
use waymark_domain::{Nation, Need, OrganisationKind, Role};
use waymark_store::testing::TestDatabase;
use waymark_vault::{MasterKey, new_secret};

#[tokio::test]
async fn sign_in_locks_out_after_five_failures_and_sessions_end_on_sign_out() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let locked = app
            .add_user(
                &w.org_a,
                "Locked.Out@A.Example.org",
                "",
                Role::Caseworker,
                PASSWORD,
            )
            .await
            .expect("user");
        let user = app
            .add_user(
                &w.group,
                "Mixed.Case@A.Example.org",
                "Mixed",
                Role::Helper,
                PASSWORD,
            )
            .await
            .expect("user");

        for attempt in 1..=4 {
            let r = app
                .login("locked.out@a.example.org", "wrong password!!", BROWSER)
                .await;
            assert!(
                matches!(r, Err(AppError::BadCredentials)),
                "{on:?}: attempt {attempt}: {:?}",
                r.map(|_| "signed in")
            );
        }
        let r = app
            .login("locked.out@a.example.org", "wrong password!!", BROWSER)
            .await;
        assert!(
            matches!(r, Err(AppError::LockedOut { minutes: 15 })),
            "{on:?}: fifth failure: {:?}",
            r.map(|_| "signed in")
        );
        for attempt in ["wrong password!!", PASSWORD, PASSWORD] {
            let r = app
                .login("LOCKED.OUT@a.example.org", attempt, BROWSER)
                .await;
            assert!(
                matches!(r, Err(AppError::LockedOut { .. })),
                "{on:?}: a locked account signed in: {:?}",
                r.map(|_| "signed in")
            );
        }

        // Failures count only in a row: a success starts the count again.
        for _ in 0..4 {
            let r = app
                .login("mixed.case@a.example.org", "not the password", BROWSER)
                .await;
            assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");
        }
        app.login("mixed.case@a.example.org", PASSWORD, BROWSER)
            .await
            .expect("signs in before the fifth failure");
        for _ in 0..4 {
            let r = app
                .login("mixed.case@a.example.org", "not the password", BROWSER)
                .await;
            assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");
        }

        let r = app.login("nobody@a.example.org", PASSWORD, BROWSER).await;
        assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");
        let r = app.login("not an email", PASSWORD, BROWSER).await;
        assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");

        // The right password, with the email in any case, opens a session (a helper of a community
        // group needs no second factor).
        let SignIn::SignedIn(signed_in) = app
            .login("  MIXED.case@a.EXAMPLE.org ", PASSWORD, BROWSER)
            .await
            .expect("signs in")
        else {
            panic!("{on:?}: a helper was asked for a second factor");
        };
        assert_eq!(signed_in.session.account.user_id, user, "{on:?}");
        let session = app
            .session(&signed_in.secret)
            .await
            .expect("session")
            .expect("a live session");
        assert_eq!(session.account.user_id, user);
        assert_eq!(session.account.email, "mixed.case@a.example.org");
        assert_eq!(session.account.org_id, w.group);
        assert_eq!(session.account.org_name, GROUP);
        assert_eq!(session.account.role, Role::Helper);
        assert!(
            db.find_plaintext(&signed_in.secret).is_empty(),
            "{on:?}: the session secret is stored"
        );
        assert!(app.session(&new_secret()).await.expect("lookup").is_none());

        app.logout(&signed_in.secret).await.expect("signs out");
        assert!(
            app.session(&signed_in.secret)
                .await
                .expect("lookup")
                .is_none(),
            "{on:?}: the session outlived sign-out"
        );
        // The locked account is still locked, the other still usable.
        assert_ne!(locked, user);
        let r = app
            .login("locked.out@a.example.org", PASSWORD, BROWSER)
            .await;
        assert!(matches!(r, Err(AppError::LockedOut { .. })), "{on:?}");
    }
}

// 7. The master key.

#[tokio::test]
async fn a_database_refuses_a_master_key_other_than_its_own() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let key = MasterKey::generate();
        let app = App::with_key(db.store.clone(), key.clone()).expect("first key recorded");
        let org = organisation(
            &app,
            ORG_A,
            OrganisationKind::SupportOrganisation,
            Nation::EnglandWales,
            "Leeds",
            &[],
        )
        .await;
        let group = organisation(
            &app,
            GROUP,
            OrganisationKind::CommunityGroup,
            Nation::EnglandWales,
            "Leeds",
            &[],
        )
        .await;
        let helper = account(&app, &group, "helper@group.example.org", Role::Helper).await;
        let caseworker = account(&app, &org, "cw@a.example.org", Role::Caseworker).await;
        let id = app
            .submit_referral(&helper, &org, amina())
            .await
            .expect("sent");

        let r = App::with_key(db.store.clone(), MasterKey::generate());
        assert!(matches!(r, Err(AppError::Key(_))), "{on:?}: {r:?}");

        // The right key still opens what was sealed.
        let again = App::with_key(db.store.clone(), key).expect("the same key again");
        let view = again.open_referral(&caseworker, &id).await.expect("opens");
        assert_eq!(view.name, "Amina Haile", "{on:?}");
    }
}

// 8. Suggestions.

#[tokio::test]
async fn suggestions_put_the_nearest_organisation_meeting_the_needs_first() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let app = App::with_key(db.store.clone(), MasterKey::generate()).expect("app");
        let all = [Need::SafeHousing, Need::Medical, Need::LegalAdvice];
        let support = OrganisationKind::SupportOrganisation;
        // Added worst first, so the given order cannot explain the result.
        for (name, kind, nation, area, needs) in [
            ("Far", support, Nation::Scotland, "Glasgow City", &all[..]),
            (
                "Other area",
                support,
                Nation::EnglandWales,
                "York",
                &all[..],
            ),
            (
                "Same area, no needs",
                support,
                Nation::EnglandWales,
                "Leeds",
                &[][..],
            ),
            (
                "Same area, one need",
                support,
                Nation::EnglandWales,
                "LEEDS",
                &all[1..2],
            ),
            ("Best", support, Nation::EnglandWales, "leeds", &all[..2]),
            (
                "A group",
                OrganisationKind::CommunityGroup,
                Nation::EnglandWales,
                "Leeds",
                &all[..],
            ),
        ] {
            organisation(&app, name, kind, nation, area, needs).await;
        }

        let suggestions = app
            .suggest_support(
                Nation::EnglandWales,
                waymark_domain::area::Area::parse(" Leeds").ok(),
                vec![Need::SafeHousing, Need::Medical],
            )
            .await
            .expect("suggestions");
        let order: Vec<&str> = suggestions.iter().map(|s| s.org.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "Best",
                "Same area, one need",
                "Same area, no needs",
                "Other area",
                "Far"
            ],
            "{on:?}"
        );
        let best = &suggestions[0];
        assert!(best.same_nation && best.same_area, "{on:?}");
        assert_eq!(best.needs_met, 2);
        assert!(!suggestions[4].same_nation);
    }
}

// 9. API tokens.

#[tokio::test]
async fn an_api_token_stands_for_its_account_and_nothing_else() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;

        let token = app
            .create_token("Helper@Group.Example.org")
            .await
            .expect("token");
        let account = app
            .account_for_token(&token)
            .await
            .expect("lookup")
            .expect("the token's account");
        assert_eq!(account.user_id, w.helper.user_id, "{on:?}");
        assert_eq!(account.org_id, w.group, "{on:?}");
        assert_eq!(account.role, Role::Helper);
        assert_eq!(account.org_kind, OrganisationKind::CommunityGroup);

        let other = app
            .create_token("caseworker@b.example.org")
            .await
            .expect("token");
        assert_ne!(other, token);
        let account = app
            .account_for_token(&other)
            .await
            .expect("lookup")
            .expect("the token's account");
        assert_eq!(account.user_id, w.b_caseworker.user_id, "{on:?}");
        assert_eq!(account.org_id, w.org_b);

        for unknown in [new_secret(), String::new(), format!("{token}x")] {
            let found = app.account_for_token(&unknown).await.expect("lookup");
            assert!(found.is_none(), "{on:?}: {unknown:?} found {found:?}");
        }
        let r = app.create_token("nobody@example.org").await;
        assert!(matches!(r, Err(AppError::Invalid(_))), "{on:?}");
        assert!(
            db.find_plaintext(&token).is_empty(),
            "{on:?}: the token itself is stored"
        );
    }
}
