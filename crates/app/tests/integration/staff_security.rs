//! Staff sign-in on both backends: enrolment, codes right, wrong and replayed, recovery codes, the
//! lockout counting wrong codes, a manager's reset, idle and absolute timeouts, one's own sessions, and
//! the TOTP secret never stored in plaintext.

use crate::fixture::*;
use time::Duration;
use waymark_app::{App, AppError, NewSession, SignIn};
use waymark_domain::Role;
use waymark_store::testing::TestDatabase;
use waymark_vault::{TOTP_STEP_SECONDS, TotpSecret, new_secret};

/// Adds an account of `role` at organisation A and enrols it; returns its session, TOTP secret and
/// recovery codes (through the same pages' use cases a browser goes through).
async fn enrolled(w: &World, email: &str, role: Role) -> (NewSession, TotpSecret, Vec<String>) {
    let app = &w.app;
    app.add_user(&w.org_a, email, "Test person", role, PASSWORD)
        .await
        .expect("user added");
    let SignIn::EnrolmentNeeded { pending } =
        app.login(email, PASSWORD, BROWSER).await.expect("password")
    else {
        panic!("{role:?} was not asked to enrol");
    };
    let enrolment = app
        .pending_sign_in(&pending)
        .await
        .expect("pending")
        .expect("live")
        .enrolment
        .expect("an offer");
    let secret = TotpSecret::from_base32(&enrolment.secret_base32).expect("base32");
    let enrolled = app
        .confirm_enrolment(
            &pending,
            &secret.code_at(app.clock().unix_seconds()),
            BROWSER,
        )
        .await
        .expect("enrols");
    (enrolled.session, secret, enrolled.recovery_codes)
}

/// Password, then expects to be asked for a code; returns the pending secret.
async fn code_needed(app: &App, email: &str) -> String {
    match app.login(email, PASSWORD, BROWSER).await {
        Ok(SignIn::CodeNeeded { pending }) => pending,
        Ok(other) => panic!("{email}: expected a code step, got {other:?}"),
        Err(e) => panic!("{email}: {e}"),
    }
}

/// Moves the app's clock to the start of the next TOTP step.
fn next_step(app: &App) {
    let unix = app.clock().unix_seconds();
    let wait = TOTP_STEP_SECONDS - unix % TOTP_STEP_SECONDS;
    app.clock()
        .advance(Duration::seconds(i64::try_from(wait).expect("seconds")));
}

fn actions(db: &TestDatabase, record_id: &str) -> Vec<String> {
    entries(db, record_id)
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn enrolment_then_codes_right_wrong_and_replayed() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let email = "new.caseworker@a.example.org";
        app.add_user(&w.org_a, email, "New", Role::Caseworker, PASSWORD)
            .await
            .expect("user");

        // Password: not signed in, asked to enrol. The pending secret is no session.
        let SignIn::EnrolmentNeeded { pending } =
            app.login(email, PASSWORD, BROWSER).await.expect("password")
        else {
            panic!("{on:?}: a caseworker was not asked to enrol");
        };
        assert!(
            app.session(&pending).await.expect("lookup").is_none(),
            "{on:?}"
        );
        let view = app
            .pending_sign_in(&pending)
            .await
            .expect("pending")
            .expect("live");
        let enrolment = view.enrolment.expect("an offer");
        assert_eq!(enrolment.secret_base32.len(), 32, "{on:?}: 160 bits");
        assert!(enrolment.qr_svg.starts_with("<svg "), "{on:?}: an SVG");
        let secret = TotpSecret::from_base32(&enrolment.secret_base32).expect("base32");
        // The same pending sign-in shows the same secret again (a reload must not change it).
        let again = app
            .pending_sign_in(&pending)
            .await
            .expect("pending")
            .expect("live");
        assert_eq!(
            again.enrolment.expect("offer").secret_base32,
            enrolment.secret_base32
        );
        // A wrong code is refused (and counted); a pending enrolment is not a code step.
        let r = app.confirm_enrolment(&pending, "000000", BROWSER).await;
        let r2 = app.confirm_enrolment(&pending, "000001", BROWSER).await;
        assert!(
            matches!(r, Err(AppError::BadCode)) || matches!(r2, Err(AppError::BadCode)),
            "{on:?}"
        );
        let r = app.confirm_sign_in(&pending, "123456", BROWSER).await;
        assert!(matches!(r, Err(AppError::SignInExpired)), "{on:?}: {r:?}");

        let code = secret.code_at(app.clock().unix_seconds());
        let done = app
            .confirm_enrolment(&pending, &code, BROWSER)
            .await
            .expect("enrols");
        assert_eq!(done.recovery_codes.len(), 10, "{on:?}");
        let session = app
            .session(&done.session.secret)
            .await
            .expect("lookup")
            .expect("signed in");
        let status = app.two_factor_status(&session).await.expect("status");
        assert!(status.enrolled && status.required, "{on:?}");
        assert_eq!(status.unused_recovery_codes, 10);
        // The pending sign-in is finished: it cannot be used again.
        let r = app.confirm_enrolment(&pending, &code, BROWSER).await;
        assert!(matches!(r, Err(AppError::SignInExpired)), "{on:?}");

        // Next sign-in: a code. The code used to enrol (same step) is refused: no replay.
        let pending = code_needed(app, email).await;
        let r = app.confirm_sign_in(&pending, &code, BROWSER).await;
        assert!(
            matches!(r, Err(AppError::BadCode)),
            "{on:?}: replayed code: {r:?}"
        );
        // The next step's code works, once.
        next_step(app);
        let fresh = secret.code_at(app.clock().unix_seconds());
        let signed_in = app
            .confirm_sign_in(&pending, &fresh, BROWSER)
            .await
            .expect("a fresh code signs in");
        assert_eq!(signed_in.session.account.email, email);
        let pending = code_needed(app, email).await;
        let r = app.confirm_sign_in(&pending, &fresh, BROWSER).await;
        assert!(
            matches!(r, Err(AppError::BadCode)),
            "{on:?}: a code used twice"
        );
        // Neither is the previous step's code, after a later one was used.
        let earlier = secret.code_at(app.clock().unix_seconds() - TOTP_STEP_SECONDS);
        if earlier != fresh {
            let r = app.confirm_sign_in(&pending, &earlier, BROWSER).await;
            assert!(matches!(r, Err(AppError::BadCode)), "{on:?}: an older code");
        }
        // The same pending sign-in still takes the right code after wrong ones.
        next_step(app);
        app.confirm_sign_in(
            &pending,
            &secret.code_at(app.clock().unix_seconds()),
            BROWSER,
        )
        .await
        .expect("right code after wrong ones");

        // A pending sign-in expires after ten minutes.
        let pending = code_needed(app, email).await;
        app.clock().advance(Duration::minutes(11));
        assert!(
            app.pending_sign_in(&pending)
                .await
                .expect("lookup")
                .is_none()
        );
        let r = app
            .confirm_sign_in(
                &pending,
                &secret.code_at(app.clock().unix_seconds()),
                BROWSER,
            )
            .await;
        assert!(matches!(r, Err(AppError::SignInExpired)), "{on:?}");

        let user = signed_in.session.account.user_id.to_string();
        let trail = actions(&db, &user);
        for action in [
            "login.password",
            "login.code_failed",
            "two_factor.enrol",
            "login.code",
            "login",
        ] {
            assert!(
                trail.iter().any(|a| a == action),
                "{on:?}: no {action} in {trail:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_recovery_code_works_once_instead_of_a_code() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let email = "recovering@a.example.org";
        let (_, _, codes) = enrolled(&w, email, Role::Manager).await;
        let pending = code_needed(app, email).await;
        // Typed in capitals with spaces for hyphens: the same code.
        let typed = codes[3].to_uppercase().replace('-', " ");
        let signed_in = app
            .confirm_sign_in(&pending, &typed, BROWSER)
            .await
            .expect("a recovery code signs in");
        let session = app
            .session(&signed_in.secret)
            .await
            .expect("lookup")
            .expect("live");
        assert_eq!(
            app.two_factor_status(&session)
                .await
                .expect("status")
                .unused_recovery_codes,
            9,
            "{on:?}"
        );
        let pending = code_needed(app, email).await;
        let r = app.confirm_sign_in(&pending, &codes[3], BROWSER).await;
        assert!(
            matches!(r, Err(AppError::BadCode)),
            "{on:?}: a recovery code used twice"
        );
        let r = app
            .confirm_sign_in(&pending, "abcd-efgh-jkmn-pqrs", BROWSER)
            .await;
        assert!(
            matches!(r, Err(AppError::BadCode)),
            "{on:?}: a made-up code"
        );
        app.confirm_sign_in(&pending, &codes[4], BROWSER)
            .await
            .expect("another recovery code");
        let trail = actions(&db, signed_in.session.account.user_id.as_str());
        assert_eq!(
            trail.iter().filter(|a| *a == "login.recovery_code").count(),
            2,
            "{on:?}: {trail:?}"
        );
    }
}

#[tokio::test]
async fn wrong_codes_count_toward_the_same_lockout_as_wrong_passwords() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let email = "guessed@a.example.org";
        let (_, secret, _) = enrolled(&w, email, Role::Caseworker).await;

        // Two wrong passwords, then the right one: the count is not wiped by the password alone.
        for _ in 0..2 {
            let r = app.login(email, "not the password", BROWSER).await;
            assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");
        }
        let pending = code_needed(app, email).await;
        for attempt in 3..=4 {
            let r = app.confirm_sign_in(&pending, "999999", BROWSER).await;
            assert!(
                matches!(r, Err(AppError::BadCode)),
                "{on:?}: failure {attempt}"
            );
        }
        // The right password again does not reset the count either.
        let pending = code_needed(app, email).await;
        let r = app.confirm_sign_in(&pending, "999998", BROWSER).await;
        assert!(
            matches!(r, Err(AppError::LockedOut { minutes: 15 })),
            "{on:?}: the fifth failure (a code) locks: {r:?}"
        );
        // Locked: the pending sign-in is gone, and neither password nor code gets in.
        next_step(app);
        let code = secret.code_at(app.clock().unix_seconds());
        let r = app.confirm_sign_in(&pending, &code, BROWSER).await;
        assert!(matches!(r, Err(AppError::SignInExpired)), "{on:?}: {r:?}");
        let r = app.login(email, PASSWORD, BROWSER).await;
        assert!(matches!(r, Err(AppError::LockedOut { .. })), "{on:?}");

        // After the lockout, a full sign-in starts the count again.
        app.clock().advance(Duration::minutes(16));
        let pending = code_needed(app, email).await;
        app.confirm_sign_in(
            &pending,
            &secret.code_at(app.clock().unix_seconds()),
            BROWSER,
        )
        .await
        .expect("signs in after the lockout");
        for _ in 0..4 {
            let r = app.login(email, "not the password", BROWSER).await;
            assert!(matches!(r, Err(AppError::BadCredentials)), "{on:?}");
        }
        // Wrong codes at enrolment count too.
        let fresh = "unenrolled@a.example.org";
        app.add_user(&w.org_a, fresh, "Fresh", Role::Caseworker, PASSWORD)
            .await
            .expect("user");
        let SignIn::EnrolmentNeeded { pending } =
            app.login(fresh, PASSWORD, BROWSER).await.expect("password")
        else {
            panic!("{on:?}: expected enrolment");
        };
        let mut last = None;
        for code in ["100000", "200000", "300000", "400000", "500000"] {
            last = Some(app.confirm_enrolment(&pending, code, BROWSER).await);
        }
        assert!(
            matches!(last, Some(Err(AppError::LockedOut { .. }))),
            "{on:?}: five wrong enrolment codes lock"
        );
    }
}

#[tokio::test]
async fn a_manager_resets_a_second_factor_which_ends_every_session() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let email = "lost.phone@a.example.org";
        let (first, secret, _) = enrolled(&w, email, Role::Caseworker).await;
        next_step(app);
        let pending = code_needed(app, email).await;
        let second = app
            .confirm_sign_in(
                &pending,
                &secret.code_at(app.clock().unix_seconds()),
                BROWSER,
            )
            .await
            .expect("second session");
        let target = first.session.account.user_id.clone();

        // Not another organisation's manager (not found), nor a caseworker (forbidden), nor oneself.
        let r = app.reset_two_factor(&w.b_manager, &target).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        let r = app.reset_two_factor(&w.a_caseworker, &target).await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: {r:?}");
        let r = app.reset_two_factor(&w.helper, &target).await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: {r:?}");
        let r = app
            .reset_two_factor(&w.a_manager, &w.a_manager.user_id)
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: own: {r:?}");
        let r = app.reset_two_factor(&w.a_manager, &w.a_admin.user_id).await;
        assert!(
            matches!(r, Err(AppError::Forbidden)),
            "{on:?}: an administrator's: {r:?}"
        );
        let r = app.reset_two_factor(&w.b_manager, &w.a_admin.user_id).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        assert!(app.session(&first.secret).await.expect("lookup").is_some());

        // The team list shows who has a second factor; another organisation's list does not show them.
        let team = app.team(&w.a_manager).await.expect("team");
        let member = team.iter().find(|m| m.user_id == target).expect("listed");
        assert!(member.enrolled && member.may_reset, "{on:?}");
        assert!(
            app.team(&w.b_manager)
                .await
                .expect("team")
                .iter()
                .all(|m| m.user_id != target)
        );
        assert!(matches!(
            app.team(&w.a_caseworker).await,
            Err(AppError::Forbidden)
        ));

        app.reset_two_factor(&w.a_manager, &target)
            .await
            .expect("the manager resets");
        for s in [&first, &second] {
            assert!(
                app.session(&s.secret).await.expect("lookup").is_none(),
                "{on:?}: a session outlived the reset"
            );
        }
        assert!(
            entries(&db, target.as_str())
                .iter()
                .any(|e| e.action == "two_factor.reset" && e.actor == w.a_manager.user_id.as_str()),
            "{on:?}: the reset is audited with who did it"
        );
        // Next sign-in: enrol again, with a new secret.
        let SignIn::EnrolmentNeeded { pending } =
            app.login(email, PASSWORD, BROWSER).await.expect("password")
        else {
            panic!("{on:?}: not asked to enrol after a reset");
        };
        let offer = app
            .pending_sign_in(&pending)
            .await
            .expect("pending")
            .expect("live")
            .enrolment
            .expect("offer");
        assert_ne!(
            offer.secret_base32,
            *secret.base32(),
            "{on:?}: a new secret"
        );
        // An administrator may reset a manager's.
        app.reset_two_factor(&w.a_admin, &w.a_manager.user_id)
            .await
            .expect("the administrator resets a manager");
    }
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes_or_eight_hours() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let (s, _, _) = enrolled(&w, "idle@a.example.org", Role::Caseworker).await;
        // Used every 29 minutes, it lives on.
        for _ in 0..3 {
            app.clock().advance(Duration::minutes(29));
            assert!(
                app.session(&s.secret).await.expect("lookup").is_some(),
                "{on:?}"
            );
        }
        app.clock().advance(Duration::minutes(31));
        assert!(
            app.session(&s.secret).await.expect("lookup").is_none(),
            "{on:?}: 31 idle minutes"
        );

        // However busy, 8 hours is the end.
        let helper = sign_in_new(app, "helper@group.example.org").await;
        for _ in 0..(8 * 60 / 20 - 1) {
            app.clock().advance(Duration::minutes(20));
            assert!(
                app.session(&helper.secret).await.expect("lookup").is_some(),
                "{on:?}"
            );
        }
        app.clock().advance(Duration::minutes(21));
        assert!(
            app.session(&helper.secret).await.expect("lookup").is_none(),
            "{on:?}: past 8 hours"
        );
    }
}

#[tokio::test]
async fn a_user_lists_and_ends_only_their_own_sessions() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        app.add_user(
            &w.group,
            "lister@group.example.org",
            "Lister",
            Role::Helper,
            PASSWORD,
        )
        .await
        .expect("user");
        let one = sign_in_new(app, "lister@group.example.org").await;
        let two = sign_in_new(app, "lister@group.example.org").await;
        let three = sign_in_new(app, "lister@group.example.org").await;
        app.add_user(
            &w.group,
            "helper2@group.example.org",
            "Other",
            Role::Helper,
            PASSWORD,
        )
        .await
        .expect("user");
        let other = sign_in_new(app, "helper2@group.example.org").await;

        let listed = app.sessions(&one.session).await.expect("list");
        assert_eq!(listed.len(), 3, "{on:?}");
        assert_eq!(listed.iter().filter(|s| s.current).count(), 1);
        assert!(
            listed
                .iter()
                .find(|s| s.current)
                .is_some_and(|s| s.id == one.session.id)
        );
        assert!(
            listed.iter().all(|s| s.device == "Firefox on Linux"),
            "{on:?}"
        );

        // Another user's session id is not found, and stays.
        let r = app.end_session(&one.session, &other.session.id).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}");
        assert!(app.session(&other.secret).await.expect("lookup").is_some());

        assert!(
            !app.end_session(&one.session, &two.session.id)
                .await
                .expect("ends")
        );
        assert!(
            app.session(&two.secret).await.expect("lookup").is_none(),
            "{on:?}"
        );
        assert_eq!(app.end_other_sessions(&one.session).await.expect("ends"), 1);
        assert!(app.session(&three.secret).await.expect("lookup").is_none());
        assert!(app.session(&one.secret).await.expect("lookup").is_some());
        assert!(
            app.end_session(&one.session, &one.session.id)
                .await
                .expect("ends its own")
        );
        assert!(app.session(&one.secret).await.expect("lookup").is_none());
        assert!(app.session(&new_secret()).await.expect("lookup").is_none());
    }
}

#[tokio::test]
async fn the_totp_secret_and_recovery_codes_are_never_stored_in_plaintext() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        // Positive control: a value stored in plaintext (a display name) is found.
        let control = format!("CanaryStaffName{}", new_secret().replace(['-', '_'], ""));
        app.add_user(
            &w.org_a,
            "control@a.example.org",
            &control,
            Role::Helper,
            PASSWORD,
        )
        .await
        .expect("user");
        assert!(
            !db.find_plaintext(&control).is_empty(),
            "{on:?}: the search finds plaintext"
        );

        // An enrolment offer (pending), then a confirmed one, then a demo-style set-up.
        let email = "secretive@a.example.org";
        app.add_user(&w.org_a, email, "Secretive", Role::Caseworker, PASSWORD)
            .await
            .expect("user");
        let SignIn::EnrolmentNeeded { pending } =
            app.login(email, PASSWORD, BROWSER).await.expect("password")
        else {
            panic!("{on:?}");
        };
        let offered = app
            .pending_sign_in(&pending)
            .await
            .expect("pending")
            .expect("live")
            .enrolment
            .expect("offer")
            .secret_base32;
        assert!(
            db.find_plaintext(&offered).is_empty(),
            "{on:?}: the offered secret is stored"
        );
        let secret = TotpSecret::from_base32(&offered).expect("base32");
        let done = app
            .confirm_enrolment(
                &pending,
                &secret.code_at(app.clock().unix_seconds()),
                BROWSER,
            )
            .await
            .expect("enrols");
        let setup = app
            .set_up_two_factor("manager@a.example.org")
            .await
            .expect("set up");
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        // (Each search reads every file of the database, so a few needles stand for all.)
        for (what, text) in [
            ("enrolled secret", offered.clone()),
            ("enrolled secret bytes as hex", hex(&secret.bytes())),
            ("set-up secret", setup.secret_base32.clone()),
            ("recovery code", done.recovery_codes[0].clone()),
            (
                "recovery code as typed",
                setup.recovery_codes[9].replace('-', ""),
            ),
        ] {
            let found = db.find_plaintext(&text);
            assert!(found.is_empty(), "{on:?}: the {what} is in {found:?}");
        }
    }
}

#[tokio::test]
async fn no_key_code_or_session_secret_reaches_the_log() {
    let log = captured_log();
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let email = "logged@a.example.org";
        let (first, secret, codes) = enrolled(&w, email, Role::Caseworker).await;
        let pending = code_needed(app, email).await;
        let r = app.confirm_sign_in(&pending, "999999", BROWSER).await;
        assert!(matches!(r, Err(AppError::BadCode)), "{on:?}");
        next_step(app);
        let code = secret.code_at(app.clock().unix_seconds());
        let second = app
            .confirm_sign_in(&pending, &code, BROWSER)
            .await
            .expect("signs in");
        let pending_two = code_needed(app, email).await;
        app.confirm_sign_in(&pending_two, &codes[1], BROWSER)
            .await
            .expect("a recovery code");
        app.reset_two_factor(&w.a_manager, &first.session.account.user_id)
            .await
            .expect("reset");

        let printed = String::from_utf8_lossy(
            &log.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
        .into_owned();
        for written in ["signed in", "sign-in refused", "second factor reset"] {
            assert!(
                printed.contains(written),
                "{on:?}: the log lacks {written:?}"
            );
        }
        assert!(
            printed.contains(first.session.account.user_id.as_str()),
            "ids are logged"
        );
        // (The 6-digit code itself is left out: six digits occur by chance in timestamps and ids.)
        drop(code);
        for secret_text in [
            secret.base32().to_string(),
            codes[1].clone(),
            codes[1].replace('-', ""),
            pending,
            pending_two,
            first.secret.clone(),
            second.secret.clone(),
            first.session.csrf_token.clone(),
            email.to_owned(),
        ] {
            assert!(
                !printed.contains(&secret_text),
                "{on:?}: {secret_text:?} is in the log"
            );
        }
    }
}
