//! The API's contract at its edges, on both backends: what every JSON route refuses and how (a body that
//! is not a JSON object, a body over the limit), and the router's own answers (405, 401) as
//! `application/problem+json` with the headers HTTP asks for.

use crate::support::{Harness, Reply};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;

fn is_problem(r: &Reply, status: StatusCode) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json"),
        "{}",
        r.body
    );
    assert_eq!(r.json()["status"], json!(status.as_u16()), "{}", r.body);
}

/// Every operation of the OpenAPI document that takes a JSON body: (method, path with its parameters
/// filled with a placeholder).
fn json_operations() -> Vec<(String, String)> {
    let doc = serde_json::to_value(waymark_web::openapi_document()).expect("the document as JSON");
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            if op["requestBody"]["content"]["application/json"].is_object() {
                let filled = path
                    .split('/')
                    .map(|seg| if seg.starts_with('{') { "x" } else { seg })
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((method.to_uppercase(), format!("/api/v1{filled}")));
            }
        }
    }
    out
}

async fn raw(h: &Harness, method: &str, path: &str, token: &str, body: &str) -> Reply {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .expect("request");
    h.send(request).await
}

#[tokio::test]
async fn every_json_route_refuses_a_body_that_is_not_an_object() {
    let operations = json_operations();
    assert!(operations.len() >= 30, "{operations:?}");
    for h in Harness::both().await {
        let token = h.tokens.harbour_worker.clone();
        for (method, path) in &operations {
            for (body, what) in [
                ("[]", "not an array"),
                (" [\"Positional Name\"]", "not an array"),
                ("\"adult\"", "not a string"),
                ("7", "not a number"),
                ("null", "not null"),
            ] {
                let r = raw(&h, method, path, &token, body).await;
                is_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
                let detail = r.json()["detail"].as_str().unwrap_or_default().to_owned();
                assert!(
                    detail.starts_with("Send a JSON object ({...})") && detail.contains(what),
                    "{method} {path} with {body}: {detail}"
                );
            }
            // Text that is not JSON at all stays a 400.
            is_problem(
                &raw(&h, method, path, &token, "[x").await,
                StatusCode::BAD_REQUEST,
            );
        }
    }
}

#[tokio::test]
async fn an_array_sent_as_a_person_changes_nothing() {
    for h in Harness::both().await {
        let id = h.api_referral("adult", true).await;
        let worker = h.tokens.harbour_worker.clone();
        let r = h
            .api(
                "POST",
                &format!("/api/v1/referrals/{id}/accept"),
                &worker,
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let case = r.json()["case_id"].as_str().expect("case id").to_owned();
        let person = format!("/api/v1/cases/{case}/person");
        let r = h
            .api(
                "POST",
                &person,
                &worker,
                Some(
                    json!({"name": "Maria Case", "aliases": ["Mari"], "date_of_birth": "1990-02-03",
                    "nationality": "Romanian", "languages": "Romanian, some English"}),
                ),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let before = h
            .api("GET", &format!("/api/v1/cases/{case}"), &worker, None)
            .await
            .json()["person"]
            .clone();
        assert_eq!(before["name"], json!("Maria Case"), "{before}");

        for body in ["[]", "[\"Positional Name\"]"] {
            let r = raw(&h, "POST", &person, &worker, body).await;
            is_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(
                r.json()["detail"]
                    .as_str()
                    .is_some_and(|d| d.contains("not an array")),
                "{}",
                r.body
            );
        }
        let after = h
            .api("GET", &format!("/api/v1/cases/{case}"), &worker, None)
            .await
            .json()["person"]
            .clone();
        assert_eq!(after, before);
    }
}

#[tokio::test]
async fn a_wrong_method_is_a_problem_with_the_allowed_methods() {
    for h in Harness::both().await {
        let token = h.tokens.harbour_worker.clone();
        for (method, path, allowed) in [
            ("DELETE", "/api/v1/cases/x", "GET"),
            ("PUT", "/api/v1/screenings", "POST"),
            ("PATCH", "/api/v1/referrals", "POST"),
        ] {
            let r = h.api(method, path, &token, None).await;
            is_problem(&r, StatusCode::METHOD_NOT_ALLOWED);
            let allow = r.header("allow").unwrap_or_default();
            assert!(allow.contains(allowed), "{method} {path}: Allow {allow}");
            assert!(
                r.json()["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with(method) && d.contains("`Allow`")),
                "{}",
                r.body
            );
        }
        // The pages keep their own answer: this is only the API's.
        let r = h
            .send(
                Request::builder()
                    .method("DELETE")
                    .uri("/login")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_ne!(
            r.header("content-type").as_deref(),
            Some("application/problem+json")
        );
    }
}

#[tokio::test]
async fn a_missing_or_wrong_token_names_the_bearer_scheme() {
    for h in Harness::both().await {
        for token in [None, Some("not-a-token")] {
            let mut b = Request::get("/api/v1/cases");
            if let Some(t) = token {
                b = b.header("authorization", format!("Bearer {t}"));
            }
            let r = h.send(b.body(Body::empty()).expect("request")).await;
            is_problem(&r, StatusCode::UNAUTHORIZED);
            assert_eq!(r.header("www-authenticate").as_deref(), Some("Bearer"));
        }
    }
}

#[tokio::test]
async fn a_json_body_over_the_limit_is_too_large() {
    for h in Harness::both().await {
        let token = h.tokens.harbour_worker.clone();
        // A JSON object of 3 MB (the limit is 2 MB), to a route with a body and to a public one.
        let big = format!("{{\"body\":\"{}\"}}", "a".repeat(3 * 1024 * 1024));
        for path in ["/api/v1/cases/x/notes", "/api/v1/screenings"] {
            let r = raw(&h, "POST", path, &token, &big).await;
            is_problem(&r, StatusCode::PAYLOAD_TOO_LARGE);
        }
    }
}

#[tokio::test]
async fn a_query_that_cannot_be_read_is_a_problem_and_whole_numbers_may_have_a_zero_fraction() {
    for h in Harness::both().await {
        let token = h.tokens.harbour_worker.clone();
        let r = h
            .api(
                "GET",
                "/api/v1/cases?status=open&status=closed",
                &token,
                None,
            )
            .await;
        is_problem(&r, StatusCode::BAD_REQUEST);

        // JSON Schema's integer includes 97.0; the document says integer.
        let admin = h.tokens.harbour_admin.clone();
        let r = h
            .api(
                "PUT",
                "/api/v1/organisation/retention",
                &admin,
                Some(json!({"days": 97.0})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["days"], json!(97));
        for bad in [json!({"days": 97.5}), json!({"days": 1e300})] {
            let r = h
                .api("PUT", "/api/v1/organisation/retention", &admin, Some(bad))
                .await;
            is_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
}
