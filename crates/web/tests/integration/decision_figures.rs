//! A decision body's performance figures through the page and the API, on both backends: its decision
//! maker gets them (the queue links to the page; the API's JSON carries the figures and is in the OpenAPI
//! document); a support organisation's caseworker and a coordinator get 404 from both.

use crate::support::{Harness, PASSWORD};
use axum::http::StatusCode;
use serde_json::json;
use waymark_app::NewOrganisation;
use waymark_domain::{Nation, OrgId, OrganisationKind, Role};

/// Adds an organisation with one account of `role`: its id and the account's API token.
async fn org_with(
    h: &Harness,
    name: &str,
    kind: OrganisationKind,
    email: &str,
    role: Role,
) -> (String, String) {
    let org = h
        .app
        .add_organisation(NewOrganisation {
            name: name.into(),
            kind,
            nation: Some(Nation::EnglandWales),
            area: Some("Camden".into()),
            needs: vec![],
            data_sharing_policy: None,
        })
        .await
        .expect("organisation");
    h.app
        .add_user(&org, email, "Test user", role, PASSWORD)
        .await
        .expect("user");
    (
        org.to_string(),
        h.app.create_token(email).await.expect("token"),
    )
}

/// Harbour Light refers a consenting adult with a labour history to the panel; the panel's decision maker
/// decides positive the same day.
async fn referred_and_decided(h: &Harness, panel: &str, maker: &str) {
    let worker = h.tokens.harbour_worker.clone();
    let r = h
        .api(
            "POST",
            "/api/v1/referrals",
            &h.tokens.helper,
            Some(h.referral_body("adult", true)),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_owned();
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
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/history"),
            &worker,
            Some(json!({"exploitation_type": "labour", "place": "uk"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/consents"),
            &worker,
            Some(json!({"scope": ["identity", "history"], "recipient": panel, "purpose": "An independent decision"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let consent = r.json()["id"].as_str().expect("id").to_owned();
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/formal-referrals"),
            &worker,
            Some(json!({"decision_body": panel, "consent_id": consent})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let formal = r.json()["id"].as_str().expect("id").to_owned();
    let r = h
        .api(
            "POST",
            &format!("/api/v1/formal-referrals/{formal}/reasonable-grounds"),
            maker,
            Some(json!({"outcome": "positive", "reasons": "A credible account"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn the_figures_answer_the_bodys_decision_maker_and_404_to_a_caseworker_and_a_coordinator() {
    for h in Harness::both().await {
        let harbour = OrgId::parse(&h.harbour).expect("id");
        h.app
            .set_first_responder(&harbour, true)
            .await
            .expect("designated");
        let (panel, maker) = org_with(
            &h,
            "Independent Decision Panel (fictional)",
            OrganisationKind::DecisionBody,
            "caseworker@panel.example",
            Role::Caseworker,
        )
        .await;
        let (_, coordinator) = org_with(
            &h,
            "Regional Coordinator (fictional)",
            OrganisationKind::Coordinator,
            "manager@coordinator.example",
            Role::Manager,
        )
        .await;
        referred_and_decided(&h, &panel, &maker).await;

        // The API: one decision, made on the referral day (0 working days), within the target; nothing
        // waiting; the one labour positive is a small cell, so it is hidden (null).
        let r = h.api("GET", "/api/v1/decision-figures", &maker, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let f = r.json();
        let rg = &f["reasonable_grounds"];
        assert_eq!(rg["decided"], 1, "{f}");
        assert_eq!(rg["median_working_days"], 0);
        assert_eq!(rg["p90_working_days"], 0);
        assert_eq!(rg["within_target"], 1);
        assert_eq!(rg["within_target_percent"], 100);
        assert!(
            rg["targets"]
                .as_array()
                .expect("targets")
                .contains(&json!({"nation": "england_wales", "working_days": 5}))
        );
        assert_eq!(f["conclusive_grounds"]["decided"], 0);
        assert_eq!(
            f["conclusive_grounds"]["median_days"],
            serde_json::Value::Null
        );
        assert_eq!(f["backlog"]["total"], 1, "in the recovery period: {f}");
        assert_eq!(f["backlog"]["within_target"], 1);
        assert_eq!(f["backlog"]["by_status"][2]["status"], "recovery_period");
        let outcomes = f["outcomes"].as_array().expect("outcomes");
        let labour = outcomes
            .iter()
            .find(|o| o["exploitation_type"] == "labour")
            .expect("labour");
        assert_eq!(
            labour["reasonable_grounds_positive"],
            serde_json::Value::Null,
            "hidden: {labour}"
        );
        assert_eq!(labour["conclusive_grounds_positive"], 0);
        assert_eq!(
            outcomes.last().expect("none recorded")["exploitation_type"],
            serde_json::Value::Null
        );

        // The page, from the queue's link, without JavaScript.
        let session = h.login("caseworker@panel.example").await;
        let q = h.get("/decisions", Some(&session)).await;
        assert!(q.body.contains("href=\"/decisions/figures\""), "{}", q.body);
        let page = h.get("/decisions/figures", Some(&session)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body
                .contains("<caption>Decision times against the target</caption>")
        );
        assert!(
            page.body.contains("Made by their due day: 1 of 1 (100%)"),
            "{}",
            page.body
        );
        assert!(
            page.body.contains("<td>0 working days</td>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("<td>hidden</td>"), "{}", page.body);
        assert!(
            page.body
                .contains("<tr id=\"backlog-all\"><th scope=\"row\">All waiting</th><td>1</td>"),
            "{}",
            page.body
        );

        // Everyone else: 404, from the API and the page.
        let harbour_session = h.login("caseworker@harbour.example").await;
        let coordinator_session = h.login("manager@coordinator.example").await;
        for (who, token, session) in [
            (
                "Harbour's caseworker",
                &h.tokens.harbour_worker,
                &harbour_session,
            ),
            ("the coordinator", &coordinator, &coordinator_session),
        ] {
            let r = h.api("GET", "/api/v1/decision-figures", token, None).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: {}", r.body);
            assert!(!r.body.contains("reasonable_grounds"), "{who}");
            let p = h.get("/decisions/figures", Some(session)).await;
            assert_eq!(p.status, StatusCode::NOT_FOUND, "{who}");
            assert!(!p.body.contains("Decision times"), "{who}");
        }

        // The route is in the OpenAPI document.
        let doc = h
            .api_public("GET", "/api/v1/openapi.json", serde_json::Value::Null)
            .await
            .json();
        assert!(doc["paths"]["/decision-figures"]["get"].is_object());
    }
}
