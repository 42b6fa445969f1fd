//! Formal referral and the decision body's decisions through the API, on both backends: the contract
//! (201 / 422 / 404), a negative needing a second reviewer, the conclusive decision refused before its
//! earliest date and accepted on it, and the wall — nobody outside the body's decision makers gets
//! anything from its routes.

use crate::support::{Harness, PASSWORD, csrf_of};
use axum::http::StatusCode;
use serde_json::json;
use waymark_app::NewOrganisation;
use waymark_domain::{Nation, OrgId, OrganisationKind, Role};

/// The decision body, tokens for its two decision makers and its administrator.
struct Panel {
    id: String,
    maker: String,
    reviewer: String,
    admin: String,
}

async fn panel(h: &Harness) -> Panel {
    let harbour = OrgId::parse(&h.harbour).expect("id");
    h.app
        .set_first_responder(&harbour, true)
        .await
        .expect("designated");
    let org = h
        .app
        .add_organisation(NewOrganisation {
            name: "Independent Decision Panel (fictional)".into(),
            kind: OrganisationKind::DecisionBody,
            nation: Some(Nation::EnglandWales),
            area: Some("Camden".into()),
            needs: vec![],
            data_sharing_policy: None,
        })
        .await
        .expect("panel");
    let mut tokens = Vec::new();
    for (email, role) in [
        ("caseworker@panel.example", Role::Caseworker),
        ("manager@panel.example", Role::Manager),
        ("admin@panel.example", Role::Admin),
    ] {
        h.app
            .add_user(&org, email, "Test user", role, PASSWORD)
            .await
            .expect("user");
        tokens.push(h.app.create_token(email).await.expect("token"));
    }
    let mut t = tokens.into_iter();
    Panel {
        id: org.to_string(),
        maker: t.next().expect("maker"),
        reviewer: t.next().expect("reviewer"),
        admin: t.next().expect("admin"),
    }
}

/// A referral to Harbour Light accepted by its caseworker: the case id.
async fn case(h: &Harness, age: &str) -> String {
    let mut referral = h.referral_body(age, true);
    if age != "adult" {
        referral["children_services_notified"] = json!("Leeds children's services");
    }
    let r = h
        .api(
            "POST",
            "/api/v1/referrals",
            &h.tokens.helper,
            Some(referral),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_owned();
    let r = h.accept(&id).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["case_id"].as_str().expect("case id").to_owned()
}

async fn consent(h: &Harness, case: &str, to: &str, scope: &[&str]) -> String {
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/consents"),
            &h.tokens.harbour_worker,
            Some(json!({"scope": scope, "recipient": to, "purpose": "An independent decision"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_str().expect("id").to_owned()
}

fn problem(r: &crate::support::Reply, words: &str) {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    assert!(r.body.contains(words), "{} lacks {words:?}", r.body);
}

/// Refers a consenting adult's case: the formal referral's id.
async fn referred(h: &Harness, p: &Panel) -> String {
    referred_case(h, p).await.1
}

/// Refers a consenting adult's case: the case's id and the formal referral's.
async fn referred_case(h: &Harness, p: &Panel) -> (String, String) {
    let c = case(h, "adult").await;
    let consent = consent(h, &c, &p.id, &["identity", "history"]).await;
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{c}/formal-referrals"),
            &h.tokens.harbour_worker,
            Some(json!({"decision_body": p.id, "consent_id": consent})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    (c, r.json()["id"].as_str().expect("id").to_owned())
}

#[tokio::test]
async fn an_adult_is_referred_with_201_only_under_a_covering_consent_and_a_child_without_one() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let c = case(&h, "adult").await;
        let path = format!("/api/v1/cases/{c}/formal-referrals");
        let worker = h.tokens.harbour_worker.clone();

        let r = h
            .api("POST", &path, &worker, Some(json!({"decision_body": p.id})))
            .await;
        problem(&r, "identity and exploitation history");
        let narrow = consent(&h, &c, &p.id, &["identity"]).await;
        let r = h
            .api(
                "POST",
                &path,
                &worker,
                Some(json!({"decision_body": p.id, "consent_id": narrow})),
            )
            .await;
        problem(&r, "does not cover identity and exploitation history");

        let good = consent(&h, &c, &p.id, &["identity", "history"]).await;
        let r = h
            .api(
                "POST",
                &path,
                &worker,
                Some(json!({"decision_body": p.id, "consent_id": good})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let made = r.json();
        assert_eq!(made["status"], "awaiting_reasonable_grounds");
        assert_eq!(
            made["decision_body"],
            "Independent Decision Panel (fictional)"
        );
        let due = made["reasonable_grounds_due"].as_str().expect("due");
        assert_eq!(due.len(), 10, "an ISO date: {due}");
        // The referrer sees the status and dates on its case, nothing of the body's copy.
        let seen = h.api("GET", &path, &worker, None).await;
        assert_eq!(seen.status, StatusCode::OK);
        assert!(!seen.body.contains("Test Person"), "{}", seen.body);
        assert_eq!(seen.json()["formal_referrals"][0]["id"], made["id"]);

        // The decision maker gets the person with exactly the fields that go.
        let id = made["id"].as_str().expect("id");
        let v = h
            .api(
                "GET",
                &format!("/api/v1/formal-referrals/{id}"),
                &p.maker,
                None,
            )
            .await;
        assert_eq!(v.status, StatusCode::OK, "{}", v.body);
        let v = v.json();
        assert_eq!(v["person"]["name"], "Test Person");
        assert!(!v.to_string().contains("Via the church office"), "{v}");
        assert!(
            v["reasonable_grounds_threshold"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let q = h
            .api("GET", "/api/v1/formal-referrals", &p.maker, None)
            .await
            .json();
        assert_eq!(q["formal_referrals"][0]["id"], id);

        // A child: no consent, and referred.
        let child = case(&h, "under_18").await;
        let r = h
            .api(
                "POST",
                &format!("/api/v1/cases/{child}/formal-referrals"),
                &worker,
                Some(json!({"decision_body": p.id})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
}

#[tokio::test]
async fn a_positive_decision_starts_the_recovery_period_and_a_conclusive_one_waits_for_its_date() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let id = referred(&h, &p).await;
        let rg = format!("/api/v1/formal-referrals/{id}/reasonable-grounds");
        let cg = format!("/api/v1/formal-referrals/{id}/conclusive-grounds");

        let r = h
            .api(
                "POST",
                &rg,
                &p.maker,
                Some(json!({"outcome": "positive", "reasons": ""})),
            )
            .await;
        problem(&r, "reasons");
        let r = h
            .api(
                "POST",
                &rg,
                &p.maker,
                Some(json!({"outcome": "maybe", "reasons": "x"})),
            )
            .await;
        problem(&r, "positive, negative");
        let r = h
            .api(
                "POST",
                &rg,
                &p.maker,
                Some(json!({"outcome": "positive", "reasons": "A consistent account"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let d = r.json();
        assert_eq!(d["status"], "recovery_period");
        let today = h.app.clock().now().date();
        let cal = waymark_domain::clock::calendar(Nation::EnglandWales);
        let day = |d: time::Date| d.to_string();
        assert_eq!(
            d["recovery_period_ends"],
            day(cal.recovery_period_ends(today).expect("end"))
        );
        let earliest = cal.conclusive_grounds_earliest(today).expect("earliest");
        assert_eq!(d["conclusive_grounds_earliest"], day(earliest));

        let decision = json!({"outcome": "positive", "reasons": "On the balance of probabilities"});
        let r = h.api("POST", &cg, &p.maker, Some(decision.clone())).await;
        problem(&r, &day(earliest));
        h.app
            .clock()
            .advance(time::Duration::days((earliest - today).whole_days()));
        let r = h.api("POST", &cg, &p.maker, Some(decision)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "conclusive_positive");
    }
}

#[tokio::test]
async fn a_negative_needs_a_second_decision_maker_to_confirm_it() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let id = referred(&h, &p).await;
        let rg = format!("/api/v1/formal-referrals/{id}/reasonable-grounds");
        let review = format!("{rg}/review");
        let r = h
            .api(
                "POST",
                &rg,
                &p.maker,
                Some(json!({"outcome": "negative", "reasons": "No indicators described"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "negative_awaiting_review");
        assert_eq!(r.json()["reasonable_grounds"], serde_json::Value::Null);
        let r = h
            .api("POST", &review, &p.maker, Some(json!({"agree": true})))
            .await;
        problem(&r, "different decision maker");
        let r = h
            .api("POST", &review, &p.reviewer, Some(json!({"agree": true})))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "reasonable_grounds_negative");
        assert_eq!(r.json()["reasonable_grounds"], "negative");
    }
}

/// The wall: every decision-body route answers 404 to everyone outside its decision makers — the
/// referring organisation's staff, administrators of either, another support organisation, a helper.
#[tokio::test]
async fn every_decision_body_route_is_404_outside_its_decision_makers() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let id = referred(&h, &p).await;
        let harbour_manager = h
            .app
            .create_token("manager@harbour.example")
            .await
            .expect("token");
        let lantern_manager = h
            .app
            .create_token("manager@lantern.example")
            .await
            .expect("token");
        let outsiders = [
            (
                "Harbour's caseworker (the referrer)",
                h.tokens.harbour_worker.clone(),
            ),
            ("Harbour's manager", harbour_manager),
            ("Harbour's administrator", h.tokens.harbour_admin.clone()),
            ("Lantern's caseworker", h.tokens.lantern_worker.clone()),
            ("Lantern's manager", lantern_manager),
            ("the helper", h.tokens.helper.clone()),
            ("the panel's administrator", p.admin.clone()),
        ];
        let f = format!("/api/v1/formal-referrals/{id}");
        let decision = json!({"outcome": "positive", "reasons": "x"});
        for (who, token) in &outsiders {
            for (method, path, body) in [
                ("GET", "/api/v1/formal-referrals".to_owned(), None),
                ("GET", f.clone(), None),
                (
                    "POST",
                    format!("{f}/reasonable-grounds"),
                    Some(decision.clone()),
                ),
                (
                    "POST",
                    format!("{f}/reasonable-grounds/review"),
                    Some(json!({"agree": true})),
                ),
                (
                    "POST",
                    format!("{f}/conclusive-grounds"),
                    Some(decision.clone()),
                ),
                (
                    "POST",
                    format!("{f}/closure"),
                    Some(json!({"state": "missing"})),
                ),
                (
                    "POST",
                    format!("{f}/information-requests"),
                    Some(json!({"question": "Who?"})),
                ),
            ] {
                let r = h.api(method, &path, token, body).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: {method} {path}");
                assert!(!r.body.contains("Test Person"), "{who}: {path}");
            }
        }
        // Nothing they sent changed anything.
        let v = h.api("GET", &f, &p.maker, None).await.json();
        assert_eq!(v["referral"]["status"], "awaiting_reasonable_grounds");
        // And no route lists identities outside the body: the OpenAPI document has no export of the
        // decision body's data other than its own decision makers' routes.
        let doc = h
            .api_public("GET", "/api/v1/openapi.json", serde_json::Value::Null)
            .await
            .body;
        assert!(
            !doc.to_lowercase().contains("home office"),
            "no route to the Home Office"
        );
    }
}

/// The pages, as a browser without JavaScript uses them: the referrer's form lists exactly which fields
/// go and keeps what was chosen on an error; the decision maker's queue and decision page show the
/// threshold in force and the dates; a decision without reasons is refused with the page again.
#[tokio::test]
async fn the_pages_refer_queue_and_decide_without_javascript() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let c = case(&h, "adult").await;
        let worker = h.login("caseworker@harbour.example").await;
        // A consent may name the decision body; an onward referral may not go to it.
        let sharing = h.get(&format!("/cases/{c}/sharing"), Some(&worker)).await;
        assert_eq!(
            sharing
                .body
                .matches("Independent Decision Panel (fictional)")
                .count(),
            1,
            "only among the consent's recipients: {}",
            sharing.body
        );
        let form = format!("/cases/{c}/formal-referral");
        let page = h.get(&form, Some(&worker)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Exactly which fields will go"));
        assert!(page.body.contains("exploitation history"));
        let csrf = csrf_of(&page.body);
        // No consent: the page again, with the error linked to the field and the body still chosen.
        let r = h
            .post_form(
                &form,
                &[
                    ("csrf", &csrf),
                    ("decision_body", &p.id),
                    ("consent_id", ""),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("href=\"#consent_id\""), "{}", r.body);
        assert!(r.body.contains(&format!("value=\"{}\" selected", p.id)));
        let consent = consent(&h, &c, &p.id, &["identity", "history"]).await;
        let r = h
            .post_form(
                &form,
                &[
                    ("csrf", &csrf),
                    ("decision_body", &p.id),
                    ("consent_id", &consent),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = h.get(&form, Some(&worker)).await;
        assert!(
            page.body
                .contains("waiting for the reasonable-grounds decision")
        );

        let maker = h.login("caseworker@panel.example").await;
        let q = h.get("/decisions", Some(&maker)).await;
        assert_eq!(q.status, StatusCode::OK, "{}", q.body);
        let id = crate::support::between(&q.body, "href=\"/decisions/", "\"").expect("a referral");
        let d = h.get(&format!("/decisions/{id}"), Some(&maker)).await;
        assert_eq!(d.status, StatusCode::OK);
        assert!(d.body.contains("Test Person"));
        assert!(d.body.contains("The threshold in force"));
        let csrf = csrf_of(&d.body);
        let rg = format!("/decisions/{id}/reasonable-grounds");
        let r = h
            .post_form(
                &rg,
                &[("csrf", &csrf), ("outcome", "positive"), ("reasons", "")],
                Some(&maker),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("give the reasons"), "{}", r.body);
        assert!(
            r.body
                .contains("id=\"rg-positive\" name=\"outcome\" value=\"positive\" checked")
        );
        let r = h
            .post_form(
                &rg,
                &[
                    ("csrf", &csrf),
                    ("outcome", "positive"),
                    ("reasons", "A credible account"),
                ],
                Some(&maker),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let d = h.get(&format!("/decisions/{id}"), Some(&maker)).await;
        assert!(d.body.contains("Recovery period ends"));
        assert!(d.body.contains("Conclusive decision"));
        // The referrer sees the recovery period's end on its case's formal-referral page.
        let today = h.app.clock().now().date();
        let ends = waymark_domain::clock::calendar(Nation::EnglandWales)
            .recovery_period_ends(today)
            .expect("end");
        let f = time::macros::format_description!("[day] [month repr:long] [year]");
        let page = h.get(&form, Some(&worker)).await;
        assert!(
            page.body.contains(&ends.format(&f).expect("date")),
            "{}",
            page.body
        );
        // Outsiders: the pages are 404.
        for who in [&worker] {
            for path in ["/decisions".to_owned(), format!("/decisions/{id}")] {
                assert_eq!(
                    h.get(&path, Some(who)).await.status,
                    StatusCode::NOT_FOUND,
                    "{path}"
                );
            }
        }
    }
}

/// Requests between the body and the referrer, through the API and the pages without JavaScript: the
/// decision maker asks a question with the default reply date, the referrer reads it on the case and
/// answers on the page; after a confirmed negative decision the referrer asks for reconsideration with
/// reasons and the body decides again. Only the referrer's organisation may ask or answer.
#[tokio::test]
async fn the_body_asks_the_referrer_answers_and_a_negative_is_reconsidered() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let (c, id) = referred_case(&h, &p).await;
        let f = format!("/api/v1/formal-referrals/{id}");
        let r = h
            .api(
                "POST",
                &format!("{f}/information-requests"),
                &p.maker,
                Some(json!({"question": "", "reply_by": "2020-01-01"})),
            )
            .await;
        problem(&r, "question");
        let r = h
            .api(
                "POST",
                &format!("{f}/information-requests"),
                &p.maker,
                Some(json!({"question": "Q-3321 Who kept the passport?"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let default = h.api("GET", &f, &p.maker, None).await.json()["default_reply_by"].clone();
        assert_eq!(r.json()["requests"][0]["reply_by"], default);
        assert_eq!(r.json()["requests"][0]["kind"], "information");
        let q = h
            .api("GET", "/api/v1/formal-referrals", &p.maker, None)
            .await;
        assert_eq!(
            q.json()["formal_referrals"][0]["waiting_for_referrer"],
            true
        );

        // The referrer reads the question on the case page and answers it there, without JavaScript.
        let worker = h.login("caseworker@harbour.example").await;
        let page = h
            .get(&format!("/cases/{c}/formal-referral"), Some(&worker))
            .await;
        assert!(
            page.body.contains("Q-3321 Who kept the passport?"),
            "{}",
            page.body
        );
        let request =
            crate::support::between(&page.body, "id=\"answer-", "\"").expect("an answer form");
        let action = format!("/cases/{c}/formal-referral/{id}/requests/{request}/answer");
        let csrf = csrf_of(&page.body);
        let r = h
            .post_form(&action, &[("csrf", &csrf), ("text", " ")], Some(&worker))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains(&format!("href=\"#answer-{request}\"")),
            "{}",
            r.body
        );
        let r = h
            .post_form(
                &action,
                &[("csrf", &csrf), ("text", "A-3322 The car wash owner")],
                Some(&worker),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let maker = h.login("caseworker@panel.example").await;
        let d = h.get(&format!("/decisions/{id}"), Some(&maker)).await;
        assert!(d.body.contains("A-3322 The car wash owner"), "{}", d.body);
        // The body's staff cannot answer for the referrer, nor can another organisation.
        for token in [&p.maker, &h.tokens.lantern_worker] {
            let r = h
                .api(
                    "POST",
                    &format!("/api/v1/cases/{c}/formal-referrals/{id}/information-requests/{request}/answer"),
                    token,
                    Some(json!({"answer": "x"})),
                )
                .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
        }

        // A confirmed negative, then reconsideration on the referrer's request.
        let reconsider = format!("/api/v1/cases/{c}/formal-referrals/{id}/reconsideration");
        let r = h
            .api(
                "POST",
                &reconsider,
                &h.tokens.harbour_worker,
                Some(json!({"reasons": "Please"})),
            )
            .await;
        problem(&r, "only a negative decision");
        h.api(
            "POST",
            &format!("{f}/reasonable-grounds"),
            &p.maker,
            Some(json!({"outcome": "negative", "reasons": "No indicators"})),
        )
        .await;
        h.api(
            "POST",
            &format!("{f}/reasonable-grounds/review"),
            &p.reviewer,
            Some(json!({"agree": true})),
        )
        .await;
        let r = h
            .api("POST", &reconsider, &p.maker, Some(json!({"reasons": "x"})))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
        let r = h
            .api(
                "POST",
                &reconsider,
                &h.tokens.harbour_worker,
                Some(json!({"reasons": "Payslips were found after the decision"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "reasonable_grounds_reconsideration");
        let d = h.get(&format!("/decisions/{id}"), Some(&maker)).await;
        assert!(d.body.contains("Payslips were found after the decision"));
        assert!(d.body.contains("Record the reasonable-grounds decision"));
        let r = h
            .api(
                "POST",
                &format!("{f}/reasonable-grounds"),
                &p.reviewer,
                Some(json!({"outcome": "positive", "reasons": "The payslips"})),
            )
            .await;
        assert_eq!(r.json()["status"], "recovery_period", "{}", r.body);
    }
}

/// `POST /demo/clock` moves the clock only on `waymark demo --clock-control`; elsewhere it is 404.
#[tokio::test]
async fn the_demo_clock_moves_only_when_the_demo_allows_it() {
    for mut h in Harness::both().await {
        let r = h
            .api_public("POST", "/demo/clock", json!({"days": 31}))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
        h.app = h.app.clone().with_controllable_clock();
        let before = h.app.clock().now().date();
        let r = h
            .api_public("POST", "/demo/clock", json!({"days": 0}))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let r = h
            .api_public("POST", "/demo/clock", json!({"days": 31}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let expected = before + time::Duration::days(31);
        assert_eq!(r.json()["today"], expected.to_string());
        assert_eq!(h.app.clock().now().date(), expected);
    }
}
