//! Closing a case, erasure, the subject-access export, statistics and the retention period, through the
//! API and through the pages as a browser without JavaScript uses them. Both backends.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;
use serde_json::{Value, json};

const PLAN: &str =
    "Moving to her cousin's in Hull; registered with a GP; knows to message us any time";

async fn manager_token(h: &Harness) -> String {
    h.app
        .create_token("manager@harbour.example")
        .await
        .expect("token")
}

#[tokio::test]
async fn the_api_closes_erases_and_then_answers_with_no_personal_field() {
    for h in Harness::both().await {
        let id = h.case().await;
        let worker = h.tokens.harbour_worker.clone();
        let manager = manager_token(&h).await;
        let a = format!("/api/v1/cases/{id}");

        // A note so the record holds more than the referral.
        let note = h
            .api(
                "POST",
                &format!("{a}/notes"),
                &worker,
                Some(json!({"body": "Test Person is settled"})),
            )
            .await;
        assert_eq!(note.status, StatusCode::CREATED, "{}", note.body);

        // No move-on plan: 422, and the case stays open.
        let r = h
            .api(
                "POST",
                &format!("{a}/close"),
                &worker,
                Some(json!({"move_on_plan": "  "})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("application/problem+json")
        );
        assert_eq!(
            h.api("GET", &a, &worker, None).await.json()["status"],
            "open"
        );

        let r = h
            .api(
                "POST",
                &format!("{a}/close"),
                &worker,
                Some(json!({"move_on_plan": PLAN})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let closed = r.json();
        assert_eq!(closed["status"], "closed");
        let follow_ups = closed["follow_ups"].as_array().expect("follow-ups").clone();
        assert_eq!(follow_ups.len(), 3);
        // Closing twice: 409.
        let again = h
            .api(
                "POST",
                &format!("{a}/close"),
                &worker,
                Some(json!({"move_on_plan": PLAN})),
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);

        // The follow-ups are the caseworker's tasks, without anyone adding them.
        let tasks = h.api("GET", "/api/v1/tasks", &worker, None).await.json();
        let tasks = tasks["tasks"].as_array().expect("tasks").clone();
        assert_eq!(tasks.len(), 3, "{tasks:?}");
        for (t, f) in tasks.iter().zip(&follow_ups) {
            assert_eq!(t["action_id"], f["id"]);
            assert_eq!(t["due_on"], f["due_on"]);
            assert!(
                t["title"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Follow-up check-in"))
            );
        }
        let v = h.api("GET", &a, &worker, None).await.json();
        assert_eq!(v["status"], "closed");
        assert_eq!(v["move_on_plan"], PLAN);
        assert_eq!(v["follow_ups"].as_array().map(Vec::len), Some(3));

        // The export is the same readable document as the page.
        let export = h.api("GET", &format!("{a}/export"), &worker, None).await;
        assert_eq!(export.status, StatusCode::OK);
        assert!(
            export
                .header("content-type")
                .is_some_and(|c| c.starts_with("text/html"))
        );
        assert!(export.body.contains("Test Person") && export.body.contains("Hull"));

        // Erasure is for managers: 403 for the caseworker who can open the case.
        let r = h.api("POST", &format!("{a}/erasure"), &worker, None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        let r = h.api("POST", &format!("{a}/erasure"), &manager, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["erased"], true);
        let r = h.api("POST", &format!("{a}/erasure"), &manager, None).await;
        assert_eq!(r.status, StatusCode::CONFLICT);

        // The owning organisation still gets the case: marked erased, with no personal field.
        let r = h.api("GET", &a, &manager, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v = r.json();
        assert_eq!(v["erased"], true);
        assert!(v["erased_at"].is_string());
        for key in ["person", "referral", "needs", "move_on_plan"] {
            assert_eq!(v[key], Value::Null, "{key}: {}", v[key]);
        }
        for key in [
            "plan_actions",
            "notes",
            "documents",
            "history",
            "risk_assessments",
            "follow_ups",
        ] {
            assert_eq!(v[key], json!([]), "{key}");
        }
        // Only these keys, none of them personal.
        let mut keys: Vec<&str> = v
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "access_until",
                "assigned_to",
                "closed_at",
                "documents",
                "erased",
                "erased_at",
                "follow_ups",
                "history",
                "id",
                "move_on_plan",
                "needs",
                "notes",
                "opened_at",
                "person",
                "plan_actions",
                "reference",
                "referral",
                "risk_assessments",
                "status"
            ]
        );
        for word in [
            "Test Person",
            "Hull",
            "settled",
            "church office",
            "Romanian",
            "erased at the person",
        ] {
            assert!(!r.body.contains(word), "{word}");
        }
        let export = h.api("GET", &format!("{a}/export"), &manager, None).await;
        assert_eq!(export.status, StatusCode::OK);
        assert!(!export.body.contains("Test Person") && !export.body.contains("Hull"));
        // The follow-ups of an erased case leave the caseworker's tasks.
        let tasks = h.api("GET", "/api/v1/tasks", &worker, None).await;
        assert_eq!(tasks.json()["tasks"], json!([]), "{}", tasks.body);

        // Statistics still count it.
        let s = h
            .api("GET", "/api/v1/statistics/cases", &manager, None)
            .await;
        assert_eq!(s.status, StatusCode::OK, "{}", s.body);
        let s = s.json();
        assert_eq!(
            (s["total"].clone(), s["erased"].clone()),
            (json!(1), json!(1))
        );
        assert_eq!(s["by_need"], json!([{"id": "safe_housing", "cases": 1}]));
        let s = h
            .api("GET", "/api/v1/statistics/cases", &worker, None)
            .await;
        assert_eq!(s.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_retention_period_is_set_by_managers_and_administrators_only() {
    for h in Harness::both().await {
        let manager = manager_token(&h).await;
        let r = h
            .api("GET", "/api/v1/organisation/retention", &manager, None)
            .await;
        assert_eq!(r.json(), json!({"days": 2190}));
        let r = h
            .api(
                "PUT",
                "/api/v1/organisation/retention",
                &manager,
                Some(json!({"days": 29})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let r = h
            .api(
                "PUT",
                "/api/v1/organisation/retention",
                &h.tokens.harbour_admin,
                Some(json!({"days": 400})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json(), json!({"days": 400}));
        for token in [
            &h.tokens.harbour_worker,
            &h.tokens.helper,
            &h.tokens.lantern_worker,
        ] {
            let r = h
                .api(
                    "PUT",
                    "/api/v1/organisation/retention",
                    token,
                    Some(json!({"days": 30})),
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        }
        assert_eq!(
            h.api("GET", "/api/v1/organisation/retention", &manager, None)
                .await
                .json(),
            json!({"days": 400})
        );

        // The page, without JavaScript.
        let cookie = h.login("manager@harbour.example").await;
        let form = h.get("/organisation/retention", Some(&cookie)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("value=\"400\""));
        let csrf = csrf_of(&form.body);
        let r = h
            .post_form(
                "/organisation/retention",
                &[("csrf", &csrf), ("days", "ten")],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("There is a problem") && r.body.contains("href=\"#days\""));
        assert!(
            r.body.contains("value=\"ten\""),
            "the entered value is kept"
        );
        let r = h
            .post_form(
                "/organisation/retention",
                &[("csrf", "wrong"), ("days", "365")],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = h
            .post_form(
                "/organisation/retention",
                &[("csrf", &csrf), ("days", "365")],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("The retention period was saved"));
        let worker = h.login("caseworker@harbour.example").await;
        assert_eq!(
            h.get("/organisation/retention", Some(&worker)).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn a_case_is_closed_exported_and_erased_through_the_pages_without_javascript() {
    for h in Harness::both().await {
        let id = h.case().await;
        let c = format!("/cases/{id}");
        let worker = h.login("caseworker@harbour.example").await;

        let page = h.get(&c, Some(&worker)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("href=\"{c}/close\"")));
        assert!(page.body.contains(&format!("href=\"{c}/export\"")));
        // Erasing is not offered to a caseworker.
        assert!(!page.body.contains(&format!("href=\"{c}/erase\"")));

        let form = h.get(&format!("{c}/close"), Some(&worker)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("follow-up check-ins"));
        assert!(form.body.contains("<label for=\"move_on_plan\">"));
        let csrf = csrf_of(&form.body);

        // Without a plan: the form again, its error summary linking to the field.
        let r = h
            .post_form(
                &format!("{c}/close"),
                &[("csrf", &csrf), ("move_on_plan", " ")],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("There is a problem") && r.body.contains("href=\"#move_on_plan\""));
        assert!(r.body.contains("Enter the move-on plan"));
        // A plan too long is refused with what was entered kept.
        let long = format!("Keep this text {}", "x".repeat(10_000));
        let r = h
            .post_form(
                &format!("{c}/close"),
                &[("csrf", &csrf), ("move_on_plan", &long)],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Keep this text"));
        // A wrong CSRF token closes nothing.
        let r = h
            .post_form(
                &format!("{c}/close"),
                &[("csrf", "nope"), ("move_on_plan", PLAN)],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let r = h
            .post_form(
                &format!("{c}/close"),
                &[("csrf", &csrf), ("move_on_plan", PLAN)],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = h.get(&format!("{c}?saved=closed"), Some(&worker)).await;
        assert!(page.body.contains("The case was closed"));
        assert!(page.body.contains("Closed</dd>"));
        assert!(page.body.contains("Hull"));
        assert!(
            page.body
                .contains("Follow-up check-in (3 months after closing)")
        );
        assert!(!page.body.contains(&format!("href=\"{c}/close\"")));
        let staff = h.get("/staff", Some(&worker)).await;
        assert!(
            staff
                .body
                .contains("Follow-up check-in (1 month after closing)"),
            "{}",
            staff.body
        );

        let export = h.get(&format!("{c}/export"), Some(&worker)).await;
        assert_eq!(export.status, StatusCode::OK);
        assert!(export.body.contains("<html lang=\"en\">") && export.body.contains("<h1>"));
        assert!(export.body.contains("Test Person") && export.body.contains("Hull"));
        assert!(!export.body.contains("<script"), "printable and standalone");

        // The caseworker may not erase: 403 on the confirmation page and on the post.
        assert_eq!(
            h.get(&format!("{c}/erase"), Some(&worker)).await.status,
            StatusCode::FORBIDDEN
        );
        let r = h
            .post_form(
                &format!("{c}/erase"),
                &[("csrf", &csrf), ("confirm", "yes")],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        // The manager confirms in a second step, with a tick box.
        let manager = h.login("manager@harbour.example").await;
        let page = h.get(&c, Some(&manager)).await;
        assert!(page.body.contains(&format!("href=\"{c}/erase\"")));
        let confirm = h.get(&format!("{c}/erase"), Some(&manager)).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert!(confirm.body.contains("<label for=\"confirm\">"));
        let mcsrf = csrf_of(&confirm.body);
        let r = h
            .post_form(&format!("{c}/erase"), &[("csrf", &mcsrf)], Some(&manager))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("href=\"#confirm\""));
        assert!(
            h.get(&c, Some(&manager)).await.body.contains("Test Person"),
            "nothing erased yet"
        );
        let r = h
            .post_form(
                &format!("{c}/erase"),
                &[("csrf", &mcsrf), ("confirm", "yes")],
                Some(&manager),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let page = h.get(&c, Some(&manager)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("This case was erased on"),
            "{}",
            page.body
        );
        assert!(page.body.contains("no personal details remain"));
        for word in ["Test Person", "Hull", "Romanian"] {
            assert!(!page.body.contains(word), "{word}");
        }
        let export = h.get(&format!("{c}/export"), Some(&manager)).await;
        assert!(!export.body.contains("Test Person") && !export.body.contains("Hull"));

        let stats = h.get("/statistics", Some(&manager)).await;
        assert_eq!(stats.status, StatusCode::OK);
        assert!(
            stats.body.contains("<td id=\"stat-erased\">1</td>"),
            "{}",
            stats.body
        );
        assert_eq!(
            h.get("/statistics", Some(&worker)).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn the_openapi_document_describes_closing_erasure_export_statistics_and_retention() {
    let h = Harness::sqlite().await;
    let doc = h.get("/api/v1/openapi.json", None).await.json();
    for (method, path) in [
        ("post", "/cases/{id}/close"),
        ("post", "/cases/{id}/erasure"),
        ("get", "/cases/{id}/export"),
        ("get", "/statistics/cases"),
        ("get", "/organisation/retention"),
        ("put", "/organisation/retention"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} missing"
        );
    }
    assert!(
        doc["paths"]["/cases/{id}/export"]["get"]["responses"]["200"]["content"]["text/html"]
            .is_object()
    );
    let case = &doc["components"]["schemas"]["CaseBody"]["properties"];
    for field in [
        "erased",
        "erased_at",
        "closed_at",
        "move_on_plan",
        "follow_ups",
    ] {
        assert!(case[field].is_object(), "CaseBody.{field}");
    }
}
