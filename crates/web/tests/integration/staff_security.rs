//! Staff sign-in through the pages, as a browser without JavaScript sends them (CSRF tokens read from
//! each page): enrolment with the QR code page, codes, recovery codes, sessions, a manager's reset, and
//! the idle timeout.

use crate::support::{BROWSER, Harness, PASSWORD, between, csrf_of};
use axum::http::StatusCode;
use waymark_domain::Role;
use waymark_vault::TotpSecret;

const NEW: &str = "new.caseworker@harbour.example";

/// Password for an account that must enrol: the pending cookie and where it leads.
async fn password(h: &Harness, email: &str) -> (String, String) {
    let r = h
        .post_form_with(
            "/login",
            &[("email", email), ("password", PASSWORD), ("next", "/cases")],
            None,
            &[("sec-fetch-site", "same-origin"), ("user-agent", BROWSER)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.cookie("waymark_session").is_none(),
        "signed in by a password alone"
    );
    let set = r.header("set-cookie").expect("a pending cookie");
    assert!(set.starts_with("waymark_pending="), "{set}");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/login"] {
        assert!(set.contains(flag), "{set}");
    }
    (
        r.cookie("waymark_pending").expect("pending"),
        r.header("location").expect("location"),
    )
}

/// A harbour user's id, from the manager's team page (the reset form names it).
fn user_id_on_team_page(page: &str, email: &str) -> Option<String> {
    page.split("<tr>")
        .find(|row| row.contains(&format!("<td>{email}</td>")))
        .and_then(|row| between(row, "action=\"/team/", "/reset-two-factor\""))
}

#[tokio::test]
async fn a_new_caseworker_enrols_by_the_key_on_the_page_and_signs_in_with_codes() {
    for h in Harness::both().await {
        h.app
            .add_user(
                &waymark_domain::OrgId::parse(&h.harbour).expect("id"),
                NEW,
                "New Caseworker",
                Role::Caseworker,
                PASSWORD,
            )
            .await
            .expect("user");
        let (pending, to) = password(&h, NEW).await;
        assert_eq!(to, "/login/enrol?next=/cases");

        // The pending cookie is no session: staff pages still send to the sign-in page.
        let as_session = pending.replace("waymark_pending=", "waymark_session=");
        let r = h.get("/cases", Some(&as_session)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            r.header("location")
                .is_some_and(|l| l.starts_with("/login"))
        );
        // Nor does the code page take it: there is no code to give yet.
        let r = h.get("/login/code", Some(&pending)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("Signing in took too long"), "{}", r.body);
        let (pending, _) = password(&h, NEW).await;

        let page = h.get("/login/enrol?next=/cases", Some(&pending)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
        assert!(
            page.body.contains(
                "<div class=\"qr\" role=\"img\" aria-label=\"QR code for adding Waymark to an authenticator app\"><svg "
            ),
            "a QR code, named, drawn in the page: {}",
            page.body
        );
        assert!(!page.body.contains("data:image"), "no data: image");
        let key = between(&page.body, "id=\"totp-secret\">", "<").expect("the key as text");
        let secret = TotpSecret::from_base32(&key).expect("a Base32 key");
        let csrf = csrf_of(&page.body);
        assert!(!page.body.contains("<script>"), "no inline script");

        // Wrong CSRF: refused. Wrong code: the page again, with the error linked to the field.
        let code = secret.code_at(h.app.clock().unix_seconds());
        let r = h
            .post_form(
                "/login/enrol",
                &[("csrf", "forged"), ("code", &code), ("next", "/cases")],
                Some(&pending),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let wrong = if code == "000000" { "000001" } else { "000000" };
        let r = h
            .post_form(
                "/login/enrol",
                &[("csrf", &csrf), ("code", wrong), ("next", "/cases")],
                Some(&pending),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("href=\"#code\""), "{}", r.body);
        assert!(r.body.contains(&key), "the same key is offered again");

        let code = h.fresh_code(NEW, &key);
        let done = h
            .post_form_with(
                "/login/enrol",
                &[("csrf", &csrf), ("code", &code), ("next", "/cases")],
                Some(&pending),
                &[("sec-fetch-site", "same-origin"), ("user-agent", BROWSER)],
            )
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("Your recovery codes"));
        let codes: Vec<String> = done
            .body
            .split("<li><code>")
            .skip(1)
            .filter_map(|s| s.split_once("</code>").map(|(c, _)| c.to_owned()))
            .collect();
        assert_eq!(codes.len(), 10, "{}", done.body);
        assert!(
            done.body.contains("href=\"/cases\""),
            "continue to where they were going"
        );
        let first = done.cookie("waymark_session").expect("signed in");
        assert!(
            done.headers.get_all("set-cookie").iter().any(|v| v
                .to_str()
                .is_ok_and(|v| v.starts_with("waymark_pending=;")
                    || v.starts_with("waymark_pending=\"\";")
                    || (v.starts_with("waymark_pending=") && v.contains("Max-Age=0")))),
            "the pending cookie is removed"
        );
        assert_eq!(h.get("/cases", Some(&first)).await.status, StatusCode::OK);

        // Next sign-in: the code page. A replayed code is refused; a recovery code works once.
        let (pending, to) = password(&h, NEW).await;
        assert_eq!(to, "/login/code?next=/cases");
        let page = h.get(&to, Some(&pending)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("autocomplete=\"one-time-code\""));
        let csrf = csrf_of(&page.body);
        let r = h
            .post_form(
                "/login/code",
                &[("csrf", &csrf), ("code", &code), ("next", "/cases")],
                Some(&pending),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "a replayed code");
        assert!(r.body.contains("already used"), "{}", r.body);
        let r = h
            .post_form_with(
                "/login/code",
                &[("csrf", &csrf), ("code", &codes[0]), ("next", "/cases")],
                Some(&pending),
                &[("sec-fetch-site", "same-origin"), ("user-agent", BROWSER)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.header("location").as_deref(), Some("/cases"));
        let second = r
            .cookie("waymark_session")
            .expect("signed in by a recovery code");
        let (pending, to) = password(&h, NEW).await;
        let csrf = csrf_of(&h.get(&to, Some(&pending)).await.body);
        let r = h
            .post_form(
                "/login/code",
                &[("csrf", &csrf), ("code", &codes[0]), ("next", "/cases")],
                Some(&pending),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "a recovery code used twice"
        );

        // Their sessions: both listed, the current one marked; end the first from the second.
        let list = h.get("/account/sessions", Some(&second)).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        // Two rows; the other session's End button names its browser too.
        assert_eq!(
            list.body.matches("Chrome on Linux").count(),
            3,
            "{}",
            list.body
        );
        assert_eq!(list.body.matches("This session").count(), 1);
        assert!(
            list.body.contains("9 unused recovery codes"),
            "{}",
            list.body
        );
        let ids: Vec<String> = list
            .body
            .split("action=\"/account/sessions/")
            .skip(1)
            .filter_map(|s| s.split_once("/end\"").map(|(id, _)| id.to_owned()))
            .collect();
        assert_eq!(ids.len(), 2);
        let current_row = list
            .body
            .split("<tr")
            .find(|r| r.contains("This session"))
            .expect("the current row");
        let other = ids
            .iter()
            .find(|id| !current_row.contains(id.as_str()))
            .expect("the other session");
        let csrf = csrf_of(&list.body);
        let r = h
            .post_form(
                &format!("/account/sessions/{other}/end"),
                &[("csrf", "forged")],
                Some(&second),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF, no ending");
        assert_eq!(h.get("/cases", Some(&first)).await.status, StatusCode::OK);
        let r = h
            .post_form(
                &format!("/account/sessions/{other}/end"),
                &[("csrf", &csrf)],
                Some(&second),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            r.header("location").as_deref(),
            Some("/account/sessions?ended=1")
        );
        let r = h.get("/cases", Some(&first)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            r.header("location").as_deref(),
            Some("/login?next=/cases&ended=1")
        );
        let login = h.get("/login?next=/cases&ended=1", None).await;
        assert!(login.body.contains("You were signed out"), "{}", login.body);
        // Someone else's session id: not found.
        let worker = h.login("caseworker@harbour.example").await;
        let theirs = h.get("/account/sessions", Some(&worker)).await;
        let their_id = between(&theirs.body, "action=\"/account/sessions/", "/end\"").expect("id");
        let r = h
            .post_form(
                &format!("/account/sessions/{their_id}/end"),
                &[("csrf", &csrf)],
                Some(&second),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(h.get("/cases", Some(&worker)).await.status, StatusCode::OK);

        // Sign out everywhere else.
        let third = h.login(NEW).await;
        let r = h
            .post_form(
                "/account/sessions/end-others",
                &[("csrf", &csrf)],
                Some(&second),
            )
            .await;
        assert_eq!(
            r.header("location").as_deref(),
            Some("/account/sessions?ended=1")
        );
        assert_eq!(
            h.get("/cases", Some(&third)).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(h.get("/cases", Some(&second)).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_manager_resets_a_second_factor_from_the_team_page() {
    for h in Harness::both().await {
        let worker_email = "caseworker@harbour.example";
        let worker = h.login(worker_email).await;
        let manager = h.login("manager@harbour.example").await;
        let team = h.get("/team", Some(&manager)).await;
        assert_eq!(team.status, StatusCode::OK, "{}", team.body);
        assert!(team.body.contains(worker_email));
        assert!(
            !team.body.contains("lantern.example"),
            "only the manager's own organisation"
        );
        let id = user_id_on_team_page(&team.body, worker_email).expect("a reset button");
        // An administrator's account has no reset button for a manager.
        assert!(user_id_on_team_page(&team.body, "admin@harbour.example").is_none());
        let csrf = csrf_of(&team.body);

        // A caseworker has no team page; another organisation's manager cannot reset them.
        assert_eq!(
            h.get("/team", Some(&worker)).await.status,
            StatusCode::FORBIDDEN
        );
        let lantern = h.login("manager@lantern.example").await;
        let lantern_csrf = csrf_of(&h.get("/account/sessions", Some(&lantern)).await.body);
        let r = h
            .post_form(
                &format!("/team/{id}/reset-two-factor"),
                &[("csrf", &lantern_csrf)],
                Some(&lantern),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = h
            .post_form(
                &format!("/team/{id}/reset-two-factor"),
                &[("csrf", "forged")],
                Some(&manager),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(h.get("/cases", Some(&worker)).await.status, StatusCode::OK);

        let r = h
            .post_form(
                &format!("/team/{id}/reset-two-factor"),
                &[("csrf", &csrf)],
                Some(&manager),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.header("location").as_deref(), Some("/team?reset=1"));
        let after = h.get("/team?reset=1", Some(&manager)).await;
        assert!(after.body.contains("was reset"));
        // Their session ended; their next sign-in enrols again.
        let r = h.get("/cases", Some(&worker)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (_, to) = password(&h, worker_email).await;
        assert_eq!(to, "/login/enrol?next=/cases");
    }
}

#[tokio::test]
async fn thirty_idle_minutes_end_a_session_and_the_sign_in_page_says_so() {
    for h in Harness::both().await {
        let worker = h.login("caseworker@harbour.example").await;
        h.app.clock().advance(time::Duration::minutes(25));
        assert_eq!(h.get("/cases", Some(&worker)).await.status, StatusCode::OK);
        h.app.clock().advance(time::Duration::minutes(25));
        assert_eq!(
            h.get("/cases", Some(&worker)).await.status,
            StatusCode::OK,
            "used 25 minutes ago"
        );
        h.app.clock().advance(time::Duration::minutes(31));
        let r = h.get("/cases", Some(&worker)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            r.header("location").as_deref(),
            Some("/login?next=/cases&ended=1")
        );
        let cleared = r.header("set-cookie").expect("the cookie is cleared");
        assert!(cleared.starts_with("waymark_session="), "{cleared}");
        // Without any cookie, no message: nothing ended.
        let r = h.get("/cases", None).await;
        assert_eq!(r.header("location").as_deref(), Some("/login?next=/cases"));
    }
}

#[tokio::test]
async fn a_helper_signs_in_with_a_password_alone_and_sees_no_team() {
    for h in Harness::both().await {
        let helper = h.login("helper@church.example").await;
        let list = h.get("/account/sessions", Some(&helper)).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(
            list.body.contains("Not needed for your role"),
            "{}",
            list.body
        );
        assert!(!list.body.contains("href=\"/team\""));
        assert_eq!(
            h.get("/team", Some(&helper)).await.status,
            StatusCode::FORBIDDEN
        );
        let admin = h.login("admin@harbour.example").await;
        let page = h.get("/account/sessions", Some(&admin)).await;
        assert!(
            page.body.contains("href=\"/team\""),
            "the administrator's nav has Team"
        );
        assert!(
            page.body.contains("10 unused recovery codes"),
            "{}",
            page.body
        );
    }
}
