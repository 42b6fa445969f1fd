//! The case record through the router, on both backends: every form submitted as a browser would (CSRF
//! token read from the page), documents uploaded as `multipart/form-data` and downloaded, break the glass,
//! my work, search and the possible-match warning; the API routes; and 404 for every case route to anyone
//! who may not open the case.

use crate::support::{Harness, Reply, between, csrf_of};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use waymark_domain::Role;
use waymark_domain::case_record::MAX_DOCUMENT_BYTES;

pub(crate) const BOUNDARY: &str = "waymark-test-boundary-7e3f";

/// A `multipart/form-data` body with optional `csrf` and one `file`.
pub(crate) fn multipart(csrf: Option<&str>, file_name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    if let Some(csrf) = csrf {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub(crate) async fn upload_page(h: &Harness, path: &str, cookie: &str, body: Vec<u8>) -> Reply {
    h.send(
        Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("sec-fetch-site", "same-origin")
            .header("cookie", cookie)
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

pub(crate) async fn upload_api(h: &Harness, path: &str, token: &str, body: Vec<u8>) -> Reply {
    h.send(
        Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("authorization", format!("Bearer {token}"))
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

/// A second caseworker at Harbour Light, not assigned to anything: a cookie and a token.
pub(crate) async fn other_caseworker(h: &Harness) -> (String, String) {
    let org = waymark_domain::OrgId::parse(&h.harbour).expect("id");
    h.app
        .add_user(
            &org,
            "other@harbour.example",
            "Other Worker",
            Role::Caseworker,
            crate::support::PASSWORD,
        )
        .await
        .expect("user");
    let token = h
        .app
        .create_token("other@harbour.example")
        .await
        .expect("token");
    (h.login("other@harbour.example").await, token)
}

pub(crate) fn assert_form_error(r: &Reply, status: StatusCode, anchor: &str, words: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(r.body.contains("There is a problem"), "no error summary");
    assert!(
        r.body.contains(&format!("href=\"#{anchor}\"")),
        "the summary links to #{anchor}: {}",
        r.body
    );
    assert!(
        r.body.contains(&format!("id=\"{anchor}\"")),
        "no field #{anchor}"
    );
    assert!(r.body.contains(words), "missing {words:?}");
}

#[tokio::test]
async fn every_part_of_the_case_is_recorded_through_its_form_without_javascript() {
    for h in Harness::both().await {
        let id = h.case().await;
        let worker = h.login("caseworker@harbour.example").await;
        let path = format!("/cases/{id}");

        let page = h.get(&path, Some(&worker)).await;
        assert_eq!(page.status, StatusCode::OK);
        let year = time::OffsetDateTime::now_utc().year();
        assert!(
            page.body.contains(&format!("HL-{year}-0001")),
            "the reference"
        );
        assert!(page.body.contains("id=\"person-name\">Test Person<"));
        assert!(page.body.contains("The person consented"));
        let csrf = csrf_of(&page.body);

        // The person.
        let form = h.get(&format!("{path}/person"), Some(&worker)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("value=\"Test Person\""), "prefilled");
        let post = |fields: Vec<(&'static str, String)>, to: String| {
            let h = &h;
            let worker = worker.clone();
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                h.post_form(&to, &fields, Some(&worker)).await
            }
        };
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("name", "Test Person".into()),
                ("date_of_birth", "1990-01-01".into()),
                ("age", "30".into()),
            ],
            format!("{path}/person"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "date_of_birth",
            "Enter a date of birth or an age, not both",
        );
        assert!(r.body.contains("value=\"30\""), "what was typed is kept");
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("name", "Test Person".into()),
                ("aliases", "Testy\nT. Person".into()),
                ("date_of_birth", "1990-01-01".into()),
                ("never_write_to", "1 Danger Street".into()),
            ],
            format!("{path}/person"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            r.header("location").as_deref(),
            Some(format!("{path}?saved=person").as_str())
        );

        // Needs.
        let r = post(vec![("csrf", csrf.clone())], format!("{path}/needs")).await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "need_emergency_accommodation",
            "Choose at least one need",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("need_safe_housing", "high".into()),
                ("need_legal_advice", "low".into()),
                ("need_medical", String::new()),
                ("note", "Needs a Romanian interpreter".into()),
            ],
            format!("{path}/needs"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // The plan.
        let form = h.get(&format!("{path}/plan"), Some(&worker)).await;
        assert!(form.body.contains("id=\"owner\""));
        let r = post(
            vec![("csrf", csrf.clone()), ("due_on", "2026-12-24".into())],
            format!("{path}/plan"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
            "Enter what needs to be done",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("title", "Register with a GP".into()),
                ("due_on", "2026-11-01".into()),
            ],
            format!("{path}/plan"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // A note, and a form without its token.
        let r = post(vec![("body", "No token".into())], format!("{path}/notes")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = post(
            vec![("csrf", csrf.clone()), ("body", " ".into())],
            format!("{path}/notes"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "body",
            "Enter the note",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("body", "Met at the drop-in; she is safe tonight".into()),
            ],
            format!("{path}/notes"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        // History and risk.
        let r = post(
            vec![("csrf", csrf.clone()), ("place", "uk".into())],
            format!("{path}/history"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "exploitation_type",
            "Choose the kind of exploitation",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("exploitation_type", "labour".into()),
                ("place", "abroad".into()),
                ("from", "2025-06-01".into()),
                ("to", "2025-01-01".into()),
            ],
            format!("{path}/history"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "to",
            "The end date must be the same as or after the start date",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("exploitation_type", "labour".into()),
                ("place", "abroad".into()),
                ("from", "2024-06-01".into()),
                ("note", "Car wash".into()),
            ],
            format!("{path}/history"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = post(
            vec![("csrf", csrf.clone()), ("reasons", "Debt".into())],
            format!("{path}/risk"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "level-high",
            "Choose the level of risk",
        );
        let r = post(
            vec![
                ("csrf", csrf.clone()),
                ("level", "high".into()),
                ("reasons", "The recruiter has her number".into()),
            ],
            format!("{path}/risk"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        // Documents: uploaded as a browser sends a file, checked by content and size.
        let form = h.get(&format!("{path}/documents"), Some(&worker)).await;
        assert!(form.body.contains("enctype=\"multipart/form-data\""));
        let docs = format!("{path}/documents");
        let r = upload_page(&h, &docs, &worker, multipart(None, "a.txt", b"hello")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no upload");
        let r = upload_page(
            &h,
            &docs,
            &worker,
            multipart(Some(&csrf), "setup.exe", b"MZ\x90\x00\x03 program"),
        )
        .await;
        assert_form_error(
            &r,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file",
            "The file must be a PDF, a PNG or JPEG image, or plain text",
        );
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(MAX_DOCUMENT_BYTES + 1, b' ');
        let r = upload_page(&h, &docs, &worker, multipart(Some(&csrf), "big.pdf", &big)).await;
        assert_form_error(
            &r,
            StatusCode::PAYLOAD_TOO_LARGE,
            "file",
            "The file must be 5 MB or smaller",
        );
        let mut huge = big.clone();
        huge.resize(MAX_DOCUMENT_BYTES + 512 * 1024, b' ');
        let r = upload_page(
            &h,
            &docs,
            &worker,
            multipart(Some(&csrf), "huge.pdf", &huge),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "over the request limit"
        );
        let r = upload_page(
            &h,
            &docs,
            &worker,
            multipart(
                Some(&csrf),
                "her statement.txt",
                "Statement text".as_bytes(),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // Everything is on the case page.
        let page = h
            .get(&format!("{path}?saved=document"), Some(&worker))
            .await;
        for shown in [
            "The document was uploaded",
            "Testy, T. Person",
            "Born 1 Jan 1990",
            "1 Danger Street",
            "Safe housing</td><td>High",
            "Needs a Romanian interpreter",
            "Register with a GP",
            "Overdue",
            "Met at the drop-in; she is safe tonight",
            "Labour exploitation",
            "Car wash",
            "The recruiter has her number",
            "her statement.txt",
        ] {
            assert!(page.body.contains(shown), "the case page lacks {shown:?}");
        }
        let doc = between(&page.body, &format!("href=\"{path}/documents/"), "\"").expect("a link");
        let download = h
            .get(&format!("{path}/documents/{doc}"), Some(&worker))
            .await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.body, "Statement text");
        assert_eq!(
            download.header("content-type").as_deref(),
            Some("text/plain; charset=utf-8")
        );
        let disposition = download.header("content-disposition").unwrap_or_default();
        assert!(disposition.starts_with("attachment; filename=\"document-"));
        assert!(!disposition.contains("statement"), "a neutral name");
        assert_eq!(
            download.header("cache-control").as_deref(),
            Some("no-store")
        );
        assert_eq!(
            download.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );

        // Marking the action done.
        let action =
            between(&page.body, &format!("action=\"{path}/plan/"), "/done").expect("a button");
        let r = post(
            vec![("csrf", csrf.clone())],
            format!("{path}/plan/{action}/done"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = h.get(&path, Some(&worker)).await;
        assert!(page.body.contains("Done "));
        assert!(!page.body.contains(&format!("{path}/plan/{action}/done")));

        // Only a manager assigns.
        let r = h.get(&format!("{path}/assign"), Some(&worker)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(!page.body.contains(&format!("{path}/assign")));
        let manager = h.login("manager@harbour.example").await;
        let form = h.get(&format!("{path}/assign"), Some(&manager)).await;
        assert_eq!(form.status, StatusCode::OK);
        let worker_id = between(&form.body, "<option value=\"", "\"").expect("an option");
        let r = h
            .post_form(
                &format!("{path}/assign"),
                &[("csrf", &csrf_of(&form.body)), ("assignee", &worker_id)],
                Some(&manager),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
}

#[tokio::test]
async fn a_caseworker_not_assigned_breaks_the_glass_with_a_reason_to_open_a_case() {
    for h in Harness::both().await {
        let id = h.case().await;
        let (other, _) = other_caseworker(&h).await;
        let path = format!("/cases/{id}");
        let r = h.get(&path, Some(&other)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(!r.body.contains("Test Person"));

        let form = h.get(&format!("{path}/break-glass"), Some(&other)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("You are not assigned to case HL-"));
        assert!(
            !form.body.contains("Test Person"),
            "no personal data before the glass is broken"
        );
        let csrf = csrf_of(&form.body);
        let r = h
            .post_form(
                &format!("{path}/break-glass"),
                &[("csrf", &csrf), ("reason", "x")],
                Some(&other),
            )
            .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "reason",
            "Give a reason of 3 to 500 characters",
        );
        let r = h
            .post_form(
                &format!("{path}/break-glass"),
                &[
                    ("csrf", &csrf),
                    ("reason", "On duty: the person called in crisis"),
                ],
                Some(&other),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = h.get(&format!("{path}?saved=access"), Some(&other)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Test Person"));
        assert!(page.body.contains("You broke the glass"));
        assert!(page.body.contains("Your reason is in the audit log"));

        // Someone who can open the case is sent straight to it.
        let worker = h.login("caseworker@harbour.example").await;
        let r = h.get(&format!("{path}/break-glass"), Some(&worker)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.header("location").as_deref(), Some(path.as_str()));
    }
}

#[tokio::test]
async fn my_work_search_and_the_possible_match_warning() {
    for h in Harness::both().await {
        let id = h.case().await;
        let worker = h.login("caseworker@harbour.example").await;
        let csrf = csrf_of(&h.get("/staff", Some(&worker)).await.body);
        let r = h
            .post_form(
                &format!("/cases/{id}/plan"),
                &[
                    ("csrf", &csrf),
                    ("title", "Call the solicitor"),
                    ("due_on", "2020-01-01"),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let waiting = h.api_referral("adult", true).await;

        let home = h.get("/staff", Some(&worker)).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.body.contains("Signed in as"));
        assert!(home.body.contains("Harbour Light (fictional)"));
        assert!(home.body.contains("My tasks (1 overdue)"));
        assert!(home.body.contains("Call the solicitor"));
        assert!(home.body.contains("<h3>Open (1)</h3>"));
        assert!(home.body.contains(&format!("href=\"/inbox/{waiting}\"")));
        assert!(home.body.contains("<td>Today</td>"), "its age");
        // Nobody wrote and no decision body asked: both lists say so.
        assert!(
            home.body
                .contains("you have answered every person who wrote on your cases")
        );
        assert!(
            home.body
                .contains("every question on the formal referrals of your cases has an answer")
        );
        let helper = h.login("helper@church.example").await;
        let theirs = h.get("/staff", Some(&helper)).await;
        assert!(theirs.body.contains("Refer someone") && !theirs.body.contains("My tasks"));

        // The new referral has the same name as the case: the opened referral warns.
        let opened = h.get(&format!("/inbox/{waiting}"), Some(&worker)).await;
        assert!(opened.body.contains("This person may already have a case"));
        assert!(opened.body.contains(&format!("href=\"/cases/{id}\"")));

        // Search, by form post (never in the address).
        let form = h.get("/cases/search", Some(&worker)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.body
                .contains("method=\"post\" action=\"/cases/search\"")
        );
        let r = h
            .post_form(
                "/cases/search",
                &[("csrf", &csrf), ("name", "test person")],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(&format!("href=\"/cases/{id}\"")));
        let r = h
            .post_form(
                "/cases/search",
                &[("csrf", &csrf), ("name", "Test")],
                Some(&worker),
            )
            .await;
        assert!(r.body.contains("No case matches exactly"));
        let r = h
            .post_form(
                "/cases/search",
                &[
                    ("csrf", &csrf),
                    ("name", "Test Person"),
                    ("reference", "HL"),
                ],
                Some(&worker),
            )
            .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "reference",
            "Search by one thing at a time",
        );
        let r = h
            .post_form(
                "/cases/search",
                &[("csrf", &csrf), ("date_of_birth", "31/02/1990")],
                Some(&worker),
            )
            .await;
        assert_form_error(
            &r,
            StatusCode::UNPROCESSABLE_ENTITY,
            "date_of_birth",
            "Enter a real date",
        );
        let (other, _) = other_caseworker(&h).await;
        let their_csrf = csrf_of(&h.get("/staff", Some(&other)).await.body);
        let r = h
            .post_form(
                "/cases/search",
                &[("csrf", &their_csrf), ("name", "Test Person")],
                Some(&other),
            )
            .await;
        assert!(
            r.body
                .contains(&format!("href=\"/cases/{id}/break-glass\""))
        );
        assert!(!r.body.contains(&format!("href=\"/cases/{id}\"")));
        let lantern = h.login("caseworker@lantern.example").await;
        let lantern_csrf = csrf_of(&h.get("/staff", Some(&lantern)).await.body);
        let r = h
            .post_form(
                "/cases/search",
                &[("csrf", &lantern_csrf), ("name", "Test Person")],
                Some(&lantern),
            )
            .await;
        assert!(
            r.body.contains("No case matches exactly"),
            "another organisation finds nothing"
        );
    }
}
