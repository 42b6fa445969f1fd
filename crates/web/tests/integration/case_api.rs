//! The case API: recording, reading and searching the case record as JSON.

use crate::support::Harness;
use axum::http::StatusCode;
use waymark_domain::case_record::MAX_DOCUMENT_BYTES;

use crate::cases::{multipart, other_caseworker, upload_api};

#[tokio::test]
async fn the_case_api_records_reads_and_searches_the_case() {
    for h in Harness::both().await {
        let id = h.case().await;
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
