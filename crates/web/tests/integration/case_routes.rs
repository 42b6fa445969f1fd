//! Every case route, as pages and as API calls, refused (404, never a name) to everyone who may not open the case; and the OpenAPI document of the case routes.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;

use crate::cases::{multipart, other_caseworker, upload_api, upload_page};

/// Every case route, as pages and as API calls, to everyone who may not open the case: another
/// organisation's caseworker and manager, a helper, an administrator of the same organisation, and a
/// caseworker of the same organisation who is not assigned and holds no grant. All 404, and never a name.
#[tokio::test]
async fn every_case_route_is_404_for_anyone_who_may_not_open_the_case() {
    for h in Harness::both().await {
        let id = h.case().await;
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
        let lantern = h.lantern_id().await;
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
