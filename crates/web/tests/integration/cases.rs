//! The case record through the router, on both backends: every form submitted as a browser would (CSRF
//! token read from the page), documents uploaded as `multipart/form-data` and downloaded, break the glass,
//! my work, search and the possible-match warning; the API routes; and 404 for every case route to anyone
//! who may not open the case.

use crate::support::{Harness, Reply, between, csrf_of};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use waymark_domain::Role;
use waymark_domain::case_record::MAX_DOCUMENT_BYTES;

const BOUNDARY: &str = "waymark-test-boundary-7e3f";

/// A `multipart/form-data` body with optional `csrf` and one `file`.
fn multipart(csrf: Option<&str>, file_name: &str, bytes: &[u8]) -> Vec<u8> {
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

async fn upload_page(h: &Harness, path: &str, cookie: &str, body: Vec<u8>) -> Reply {
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

async fn upload_api(h: &Harness, path: &str, token: &str, body: Vec<u8>) -> Reply {
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

/// A referral to Harbour Light accepted by its caseworker through the API: the case id.
async fn case(h: &Harness) -> String {
    let id = h.api_referral("adult", true).await;
    let accepted = h
        .api(
            "POST",
            &format!("/api/v1/referrals/{id}/accept"),
            &h.tokens.harbour_worker,
            None,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{}", accepted.body);
    accepted.json()["case_id"]
        .as_str()
        .expect("case id")
        .to_owned()
}

/// A second caseworker at Harbour Light, not assigned to anything: a cookie and a token.
async fn other_caseworker(h: &Harness) -> (String, String) {
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

fn assert_form_error(r: &Reply, status: StatusCode, anchor: &str, words: &str) {
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
        let id = case(&h).await;
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
        let id = case(&h).await;
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
        let id = case(&h).await;
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
                &[("csrf", &csrf), ("date_of_birth", "31/12/1990")],
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

#[tokio::test]
async fn the_case_api_records_reads_and_searches_the_case() {
    for h in Harness::both().await {
        let id = case(&h).await;
        let w = h.tokens.harbour_worker.clone();
        let path = format!("/api/v1/cases/{id}");
        let api = |method: &'static str, p: String, body: Option<serde_json::Value>| {
            let h = &h;
            let w = w.clone();
            async move { h.api(method, &p, &w, body).await }
        };

        let r = api(
            "POST",
            format!("{path}/person"),
            Some(serde_json::json!({"name": "Test Person", "aliases": ["TP"], "date_of_birth": "1990-01-01", "age": 30})),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.json()["detail"],
            "date_of_birth: Enter a date of birth or an age, not both"
        );
        let r = api(
            "POST",
            format!("{path}/person"),
            Some(serde_json::json!({"name": "Test Person", "aliases": ["TP"], "date_of_birth": "1990-01-01"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = api(
            "POST",
            format!("{path}/needs"),
            Some(serde_json::json!({"needs": [{"need": "safe_housing", "urgency": "urgent"}]})),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "an unknown urgency"
        );
        let r = api(
            "POST",
            format!("{path}/needs"),
            Some(serde_json::json!({"needs": [{"need": "safe_housing", "urgency": "high"}], "note": "Tonight"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = api(
            "POST",
            format!("{path}/plan-actions"),
            Some(serde_json::json!({"title": "Find a bed", "due_on": "2026-12-01"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let action = r.json()["id"].as_str().expect("id").to_owned();
        let r = api("POST", format!("{path}/plan-actions/{action}/done"), None).await;
        assert_eq!(r.status, StatusCode::OK);
        let r = api("POST", format!("{path}/plan-actions/{action}/done"), None).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let r = api(
            "POST",
            format!("{path}/notes"),
            Some(serde_json::json!({"body": "Phoned her"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let r = api(
            "POST",
            format!("{path}/history"),
            Some(
                serde_json::json!({"exploitation_type": "sexual", "place": "uk", "note": "Leeds"}),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let r = api(
            "POST",
            format!("{path}/risk"),
            Some(serde_json::json!({"level": "medium", "reasons": "Debt remains"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

        let r = upload_api(
            &h,
            &format!("{path}/documents"),
            &w,
            multipart(None, "scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.json()["type"], "png");
        let doc = r.json()["id"].as_str().expect("id").to_owned();
        let r = upload_api(
            &h,
            &format!("{path}/documents"),
            &w,
            multipart(None, "scan.gif", b"GIF89a\x01\x00\x01\x00\x80\x00"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("application/problem+json")
        );
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("PDF")
        );
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_DOCUMENT_BYTES + 1, b'x');
        let r = upload_api(
            &h,
            &format!("{path}/documents"),
            &w,
            multipart(None, "big.pdf", &big),
        )
        .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("5 MB")
        );
        let r = api("GET", format!("{path}/documents/{doc}"), None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-type").as_deref(), Some("image/png"));
        assert!(
            r.header("content-disposition")
                .unwrap_or_default()
                .starts_with("attachment")
        );
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));

        // The case: the existing fields, and the record.
        let c = api("GET", path.clone(), None).await;
        assert_eq!(c.status, StatusCode::OK);
        let j = c.json();
        assert_eq!(j["id"], id.as_str());
        assert_eq!(j["status"], "open");
        assert_eq!(j["referral"]["name"], "Test Person");
        let reference = j["reference"].as_str().unwrap_or_default().to_owned();
        assert!(reference.starts_with("HL-"), "{reference}");
        assert_eq!(j["person"]["aliases"][0], "TP");
        assert_eq!(j["person"]["date_of_birth"], "1990-01-01");
        assert_eq!(j["needs"]["needs"][0]["urgency"], "high");
        assert_eq!(j["plan_actions"][0]["status"], "done");
        assert_eq!(j["notes"][0]["body"], "Phoned her");
        assert_eq!(j["documents"][0]["type"], "png");
        assert_eq!(j["documents"][0]["name"], "scan.png");
        assert_eq!(j["history"][0]["place"], "uk");
        assert_eq!(j["risk_assessments"][0]["level"], "medium");
        assert!(j["access_until"].is_null());

        // Lists, tasks, open referrals, search.
        let r = api("GET", "/api/v1/cases?status=open".into(), None).await;
        assert_eq!(r.json()["cases"][0]["id"], id.as_str());
        let r = api("GET", "/api/v1/cases?status=closed".into(), None).await;
        assert_eq!(r.json()["cases"].as_array().map(Vec::len), Some(0));
        let r = api("GET", "/api/v1/cases?status=shut".into(), None).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        api(
            "POST",
            format!("{path}/plan-actions"),
            Some(serde_json::json!({"title": "Visit", "due_on": "2020-02-02"})),
        )
        .await;
        let r = api("GET", "/api/v1/tasks".into(), None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["tasks"][0]["title"], "Visit");
        assert_eq!(r.json()["tasks"][0]["due"], "overdue");
        let waiting = h.api_referral("adult", true).await;
        let r = api("GET", "/api/v1/open-referrals".into(), None).await;
        assert_eq!(r.json()["referrals"][0]["id"], waiting.as_str());
        assert_eq!(r.json()["referrals"][0]["age_days"], 0);
        let r = api("GET", format!("/api/v1/referrals/{waiting}"), None).await;
        assert_eq!(r.json()["possible_matches"][0]["case_id"], id.as_str());
        let r = api("GET", "/api/v1/search?name=test%20person".into(), None).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no name in a URL"
        );
        assert!(r.body.contains("POST /search") && !r.body.contains("test person"));
        let r = api(
            "GET",
            format!("/api/v1/search?reference={}", reference.to_lowercase()),
            None,
        )
        .await;
        assert_eq!(r.json()["cases"][0]["case_id"], id.as_str());
        let r = api(
            "POST",
            "/api/v1/search".into(),
            Some(serde_json::json!({"name": "test person"})),
        )
        .await;
        assert_eq!(r.json()["cases"][0]["case_id"], id.as_str());
        assert_eq!(r.json()["cases"][0]["access"], "allowed");
        let r = api(
            "POST",
            "/api/v1/search".into(),
            Some(serde_json::json!({"date_of_birth": "1990-01-01"})),
        )
        .await;
        assert_eq!(r.json()["cases"][0]["case_id"], id.as_str());
        let r = api(
            "POST",
            "/api/v1/search".into(),
            Some(serde_json::json!({"name": "a", "reference": "b"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = h
            .api(
                "POST",
                "/api/v1/search",
                &h.tokens.lantern_worker,
                Some(serde_json::json!({"name": "Test Person"})),
            )
            .await;
        assert_eq!(r.json()["cases"].as_array().map(Vec::len), Some(0));

        // Assigning is a manager's; breaking the glass a caseworker's who is not assigned.
        let r = api(
            "POST",
            format!("{path}/assign"),
            Some(serde_json::json!({"user_id": "nobody"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = api(
            "POST",
            format!("{path}/break-glass"),
            Some(serde_json::json!({"reason": "Already mine"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let (_, other) = other_caseworker(&h).await;
        assert_eq!(
            h.api("GET", &path, &other, None).await.status,
            StatusCode::NOT_FOUND
        );
        let r = h
            .api(
                "POST",
                &format!("{path}/break-glass"),
                &other,
                Some(serde_json::json!({"reason": "Covering the duty phone"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert!(r.json()["access_until"].is_string());
        let r = h.api("GET", &path, &other, None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.json()["access_until"].is_string());
        let manager = h
            .app
            .create_token("manager@harbour.example")
            .await
            .expect("token");
        let other_id = h
            .app
            .account_for_token(&other)
            .await
            .expect("account")
            .expect("exists")
            .user_id
            .to_string();
        let r = h
            .api(
                "POST",
                &format!("{path}/assign"),
                &manager,
                Some(serde_json::json!({"user_id": other_id})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(
            h.api("GET", &path, &w, None).await.status,
            StatusCode::NOT_FOUND,
            "the previous caseworker no longer opens it"
        );
    }
}

/// Every case route, as pages and as API calls, to everyone who may not open the case: another
/// organisation's caseworker and manager, a helper, an administrator of the same organisation, and a
/// caseworker of the same organisation who is not assigned and holds no grant. All 404, and never a name.
#[tokio::test]
async fn every_case_route_is_404_for_anyone_who_may_not_open_the_case() {
    for h in Harness::both().await {
        let id = case(&h).await;
        let worker = h.tokens.harbour_worker.clone();
        let action = h
            .api(
                "POST",
                &format!("/api/v1/cases/{id}/plan-actions"),
                &worker,
                Some(serde_json::json!({"title": "Find a bed", "due_on": "2026-12-01"})),
            )
            .await
            .json()["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let doc = upload_api(
            &h,
            &format!("/api/v1/cases/{id}/documents"),
            &worker,
            multipart(None, "a.txt", b"Test Person's letter"),
        )
        .await
        .json()["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let lantern = lantern_id(&h).await;
        let consent = h
            .api(
                "POST",
                &format!("/api/v1/cases/{id}/consents"),
                &worker,
                Some(serde_json::json!({"scope": ["needs"], "recipient": lantern, "purpose": "Support nearer family"})),
            )
            .await
            .json()["id"]
            .as_str()
            .expect("consent id")
            .to_owned();
        let (other_cookie, other_token) = other_caseworker(&h).await;

        let mut cookies = vec![("the unassigned caseworker", other_cookie)];
        for email in [
            "caseworker@lantern.example",
            "manager@lantern.example",
            "helper@church.example",
            "admin@harbour.example",
        ] {
            cookies.push((email, h.login(email).await));
        }
        let c = format!("/cases/{id}");
        for (who, cookie) in &cookies {
            let csrf = csrf_of(&h.get("/staff", Some(cookie)).await.body);
            for p in [
                c.clone(),
                format!("{c}/person"),
                format!("{c}/needs"),
                format!("{c}/plan"),
                format!("{c}/notes"),
                format!("{c}/documents"),
                format!("{c}/documents/{doc}"),
                format!("{c}/history"),
                format!("{c}/risk"),
                format!("{c}/assign"),
                format!("{c}/close"),
                format!("{c}/erase"),
                format!("{c}/export"),
                format!("{c}/sharing"),
                format!("{c}/formal-referral"),
            ] {
                let r = h.get(&p, Some(cookie)).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: GET {p}");
                assert!(!r.body.contains("Test Person"));
            }
            for (p, fields) in [
                (format!("{c}/person"), vec![("name", "X")]),
                (format!("{c}/needs"), vec![("need_medical", "high")]),
                (
                    format!("{c}/plan"),
                    vec![("title", "X"), ("due_on", "2026-12-01")],
                ),
                (format!("{c}/plan/{action}/done"), vec![]),
                (format!("{c}/notes"), vec![("body", "X")]),
                (
                    format!("{c}/history"),
                    vec![("exploitation_type", "labour"), ("place", "uk")],
                ),
                (
                    format!("{c}/risk"),
                    vec![("level", "low"), ("reasons", "X")],
                ),
                (format!("{c}/assign"), vec![("assignee", "x")]),
                (format!("{c}/reply"), vec![("body", "X")]),
                (format!("{c}/close"), vec![("move_on_plan", "X")]),
                (format!("{c}/erase"), vec![("confirm", "yes")]),
                (format!("{c}/erase"), vec![]),
                (
                    format!("{c}/consents"),
                    vec![
                        ("scope", "needs"),
                        ("recipient", lantern.as_str()),
                        ("purpose", "X"),
                        ("method", "in_person"),
                    ],
                ),
                (format!("{c}/consents/{consent}/withdraw"), vec![]),
                (
                    format!("{c}/formal-referral"),
                    vec![
                        ("decision_body", lantern.as_str()),
                        ("consent_id", consent.as_str()),
                    ],
                ),
                (
                    format!("{c}/formal-referral/{consent}/reconsideration"),
                    vec![("text", "X")],
                ),
                (
                    format!("{c}/formal-referral/{consent}/requests/{consent}/answer"),
                    vec![("text", "X")],
                ),
                (
                    format!("{c}/onward-referrals"),
                    vec![
                        ("to_organisation", lantern.as_str()),
                        ("consent_id", consent.as_str()),
                    ],
                ),
            ] {
                let mut fields = fields;
                fields.push(("csrf", &csrf));
                let r = h.post_form(&p, &fields, Some(cookie)).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: POST {p}");
            }
            let r = upload_page(
                &h,
                &format!("{c}/documents"),
                cookie,
                multipart(Some(&csrf), "a.txt", b"x"),
            )
            .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: upload");
            // (The unassigned caseworker may break the glass: that is the next test's subject.)
            if *who != "the unassigned caseworker" {
                let glass = h
                    .post_form(
                        &format!("{c}/break-glass"),
                        &[("csrf", &csrf), ("reason", "Probing for a case")],
                        Some(cookie),
                    )
                    .await;
                assert_eq!(
                    glass.status,
                    StatusCode::NOT_FOUND,
                    "{who}: break the glass"
                );
                let r = h.get(&format!("{c}/break-glass"), Some(cookie)).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: GET break-glass");
            }
        }

        let a = format!("/api/v1/cases/{id}");
        let mut tokens = vec![
            ("the unassigned caseworker", other_token),
            ("Lantern's caseworker", h.tokens.lantern_worker.clone()),
            ("the helper", h.tokens.helper.clone()),
            ("Harbour's administrator", h.tokens.harbour_admin.clone()),
        ];
        tokens.push((
            "Lantern's manager",
            h.app
                .create_token("manager@lantern.example")
                .await
                .expect("token"),
        ));
        for (who, token) in &tokens {
            for (method, p, body) in [
                ("GET", a.clone(), None),
                (
                    "POST",
                    format!("{a}/person"),
                    Some(serde_json::json!({"name": "X"})),
                ),
                (
                    "POST",
                    format!("{a}/needs"),
                    Some(serde_json::json!({"needs": [{"need": "medical", "urgency": "low"}]})),
                ),
                (
                    "POST",
                    format!("{a}/plan-actions"),
                    Some(serde_json::json!({"title": "X", "due_on": "2026-12-01"})),
                ),
                ("POST", format!("{a}/plan-actions/{action}/done"), None),
                (
                    "POST",
                    format!("{a}/notes"),
                    Some(serde_json::json!({"body": "X"})),
                ),
                ("GET", format!("{a}/documents/{doc}"), None),
                (
                    "POST",
                    format!("{a}/history"),
                    Some(serde_json::json!({"exploitation_type": "labour", "place": "uk"})),
                ),
                (
                    "POST",
                    format!("{a}/risk"),
                    Some(serde_json::json!({"level": "low", "reasons": "X"})),
                ),
                (
                    "POST",
                    format!("{a}/assign"),
                    Some(serde_json::json!({"user_id": "x"})),
                ),
                ("GET", format!("{a}/messages"), None),
                (
                    "POST",
                    format!("{a}/close"),
                    Some(serde_json::json!({"move_on_plan": "X"})),
                ),
                ("POST", format!("{a}/erasure"), None),
                ("GET", format!("{a}/export"), None),
                ("GET", format!("{a}/consents"), None),
                (
                    "POST",
                    format!("{a}/consents"),
                    Some(
                        serde_json::json!({"scope": ["needs"], "recipient": lantern, "purpose": "X"}),
                    ),
                ),
                ("POST", format!("/api/v1/consents/{consent}/withdraw"), None),
                ("GET", format!("{a}/formal-referrals"), None),
                (
                    "POST",
                    format!("{a}/formal-referrals"),
                    Some(serde_json::json!({"decision_body": lantern, "consent_id": consent})),
                ),
                (
                    "POST",
                    format!("{a}/formal-referrals/{consent}/reconsideration"),
                    Some(serde_json::json!({"reasons": "X"})),
                ),
                (
                    "POST",
                    format!("{a}/formal-referrals/{consent}/information-requests/{consent}/answer"),
                    Some(serde_json::json!({"answer": "X"})),
                ),
                (
                    "POST",
                    format!("{a}/onward-referrals"),
                    Some(serde_json::json!({"to_organisation": lantern, "consent_id": consent})),
                ),
            ] {
                let r = h.api(method, &p, token, body).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: {method} {p}");
                assert_eq!(
                    r.header("content-type").as_deref(),
                    Some("application/problem+json")
                );
                assert!(!r.body.contains("Test Person"));
            }
            let r = upload_api(
                &h,
                &format!("{a}/documents"),
                token,
                multipart(None, "a.txt", b"x"),
            )
            .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: upload");
            if *who != "the unassigned caseworker" {
                let r = h
                    .api(
                        "POST",
                        &format!("{a}/break-glass"),
                        token,
                        Some(serde_json::json!({"reason": "Probing for a case"})),
                    )
                    .await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: break the glass");
            }
        }
        // The refused calls changed nothing.
        let c = h.api("GET", &a, &worker, None).await.json();
        assert_eq!(c["notes"].as_array().map(Vec::len), Some(0));
        assert_eq!(c["plan_actions"][0]["status"], "open");
        assert_eq!(c["person"]["name"], "Test Person");
        assert_eq!(c["status"], "open");
        assert_eq!(c["erased"], false);
        let sharing = h
            .api("GET", &format!("{a}/consents"), &worker, None)
            .await
            .json();
        assert_eq!(sharing["consents"].as_array().map(Vec::len), Some(1));
        assert_eq!(sharing["consents"][0]["status"], "active");
        assert_eq!(
            sharing["onward_referrals"].as_array().map(Vec::len),
            Some(0)
        );
    }
}

/// Northern Lantern's id: the other support organisation of the harness.
async fn lantern_id(h: &Harness) -> String {
    h.app
        .suggest_support(waymark_domain::Nation::Scotland, None, vec![])
        .await
        .expect("organisations")
        .into_iter()
        .find(|s| s.org.name.contains("Lantern"))
        .expect("lantern")
        .org
        .id
        .to_string()
}

#[tokio::test]
async fn the_openapi_document_describes_every_case_route() {
    let h = Harness::sqlite().await;
    let doc = h.get("/api/v1/openapi.json", None).await.json();
    for (method, path) in [
        ("get", "/cases"),
        ("get", "/cases/{id}"),
        ("post", "/cases/{id}/person"),
        ("post", "/cases/{id}/needs"),
        ("post", "/cases/{id}/plan-actions"),
        ("post", "/cases/{id}/plan-actions/{action}/done"),
        ("post", "/cases/{id}/notes"),
        ("post", "/cases/{id}/documents"),
        ("get", "/cases/{id}/documents/{document}"),
        ("post", "/cases/{id}/history"),
        ("post", "/cases/{id}/risk"),
        ("post", "/cases/{id}/assign"),
        ("post", "/cases/{id}/break-glass"),
        ("get", "/tasks"),
        ("get", "/open-referrals"),
        ("get", "/search"),
        ("post", "/search"),
        ("get", "/cases/{id}/consents"),
        ("post", "/cases/{id}/consents"),
        ("post", "/consents/{id}/withdraw"),
        ("post", "/cases/{id}/onward-referrals"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} missing"
        );
    }
    assert!(
        doc["paths"]["/cases/{id}/documents"]["post"]["requestBody"]["content"]
            ["multipart/form-data"]
            .is_object()
    );
    let case = &doc["components"]["schemas"]["CaseBody"]["properties"];
    for field in [
        "id",
        "status",
        "opened_at",
        "referral",
        "reference",
        "person",
        "documents",
    ] {
        assert!(case[field].is_object(), "CaseBody.{field}");
    }
}
