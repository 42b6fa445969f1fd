//! Decision letters through the pages and the API, on both backends: the letter answers as an accessible
//! HTML page and as a PDF for the decision maker (from `/decisions/{id}`) and for the referrer's
//! caseworker (from the case's formal-referral page), with the reasons and the decision's words; everyone
//! else gets 404; a negative reasonable-grounds decision has a letter only once it is confirmed.

use crate::support::{Harness, PASSWORD};
use axum::http::StatusCode;
use serde_json::json;
use waymark_app::NewOrganisation;
use waymark_domain::{Nation, OrgId, OrganisationKind, Role};

const REASONS: &str = "REASON-CANARY a consistent account with indicators of labour exploitation";

/// The decision body (two decision makers) and a coordinator, with API tokens.
struct Panel {
    id: String,
    maker: String,
    reviewer: String,
    coordinator: String,
}

async fn panel(h: &Harness) -> Panel {
    let harbour = OrgId::parse(&h.harbour).expect("id");
    h.app
        .set_first_responder(&harbour, true)
        .await
        .expect("designated");
    let org = |name: &str, kind| NewOrganisation {
        name: name.into(),
        kind,
        nation: Some(Nation::EnglandWales),
        area: Some("Camden".into()),
        needs: vec![],
        data_sharing_policy: None,
    };
    let body = h
        .app
        .add_organisation(org(
            "Independent Decision Panel (fictional)",
            OrganisationKind::DecisionBody,
        ))
        .await
        .expect("panel");
    let coordinators = h
        .app
        .add_organisation(org(
            "Regional Coordination (fictional)",
            OrganisationKind::Coordinator,
        ))
        .await
        .expect("coordinator");
    let mut tokens = Vec::new();
    for (org, email, role) in [
        (&body, "caseworker@panel.example", Role::Caseworker),
        (&body, "manager@panel.example", Role::Manager),
        (&coordinators, "manager@coordination.example", Role::Manager),
    ] {
        h.app
            .add_user(org, email, "Test user", role, PASSWORD)
            .await
            .expect("user");
        tokens.push(h.app.create_token(email).await.expect("token"));
    }
    let mut t = tokens.into_iter();
    Panel {
        id: body.to_string(),
        maker: t.next().expect("maker"),
        reviewer: t.next().expect("reviewer"),
        coordinator: t.next().expect("coordinator"),
    }
}

/// A consenting adult's case at Harbour Light, referred formally: (case id, formal referral id).
async fn referred(h: &Harness, p: &Panel) -> (String, String) {
    let referral = h.api_referral("adult", true).await;
    let r = h.accept(&referral).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let case = r.json()["case_id"].as_str().expect("case").to_owned();
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/consents"),
            &h.tokens.harbour_worker,
            Some(json!({"scope": ["identity", "history"], "recipient": p.id, "purpose": "A decision"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let consent = r.json()["id"].as_str().expect("consent").to_owned();
    let r = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/formal-referrals"),
            &h.tokens.harbour_worker,
            Some(json!({"decision_body": p.id, "consent_id": consent})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    (case, r.json()["id"].as_str().expect("id").to_owned())
}

async fn decide(h: &Harness, token: &str, id: &str, outcome: &str) {
    let r = h
        .api(
            "POST",
            &format!("/api/v1/formal-referrals/{id}/reasonable-grounds"),
            token,
            Some(json!({"outcome": outcome, "reasons": REASONS})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

fn is_letter_pdf(r: &crate::support::Reply, title: &str) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("content-type").as_deref(), Some("application/pdf"));
    assert!(
        r.body.starts_with("%PDF-"),
        "{}",
        &r.body[..r.body.len().min(40)]
    );
    let disposition = r.header("content-disposition").expect("an attachment");
    assert!(
        disposition.starts_with("attachment; filename=\"decision-letter-"),
        "a neutral name: {disposition}"
    );
    assert!(!disposition.contains("Test"), "{disposition}");
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    // The content streams are not compressed: the letter's words are in the file.
    for words in [
        format!("({title}) Tj"),
        "REASON-CANARY".into(),
        "Independent Decision Panel (fictional)".into(),
        "/StructTreeRoot".into(),
        "/Lang (en-GB)".into(),
    ] {
        assert!(r.body.contains(&words), "{words:?} missing from the PDF");
    }
}

#[tokio::test]
async fn a_letter_answers_as_a_page_and_a_pdf_for_the_decision_maker_and_the_referrers_caseworker()
{
    for h in Harness::both().await {
        let p = panel(&h).await;
        let (case, id) = referred(&h, &p).await;
        decide(&h, &p.maker, &id, "positive").await;
        let title = "Reasonable-grounds decision: positive";

        // The API: the list on each side names the same letter; the PDF answers both.
        let list = h
            .api(
                "GET",
                &format!("/api/v1/formal-referrals/{id}/letters"),
                &p.maker,
                None,
            )
            .await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let list = list.json();
        assert_eq!(list["letters"][0]["kind"], "reasonable_grounds_positive");
        assert_eq!(list["letters"][0]["has_letter"], true);
        assert_eq!(
            list["letters"][0]["person_told"], false,
            "a helper's referral"
        );
        let letter = list["letters"][0]["id"].as_str().expect("id").to_owned();
        let theirs = h
            .api(
                "GET",
                &format!("/api/v1/cases/{case}/formal-referrals/{id}/letters"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.body);
        assert_eq!(theirs.json()["letters"][0]["id"], letter.as_str());
        let body_pdf = format!("/api/v1/formal-referrals/{id}/letters/{letter}");
        let case_pdf = format!("/api/v1/cases/{case}/formal-referrals/{id}/letters/{letter}");
        is_letter_pdf(&h.api("GET", &body_pdf, &p.maker, None).await, title);
        is_letter_pdf(
            &h.api("GET", &case_pdf, &h.tokens.harbour_worker, None)
                .await,
            title,
        );

        // The pages: the decision maker from the decision page.
        let maker = h.login("caseworker@panel.example").await;
        let d = h.get(&format!("/decisions/{id}"), Some(&maker)).await;
        assert!(
            d.body
                .contains(&format!("href=\"/decisions/{id}/letters\"")),
            "{}",
            d.body
        );
        let l = h
            .get(&format!("/decisions/{id}/letters"), Some(&maker))
            .await;
        assert_eq!(l.status, StatusCode::OK, "{}", l.body);
        let page = format!("/decisions/{id}/letters/{letter}");
        assert!(l.body.contains(&format!("href=\"{page}\"")), "{}", l.body);
        let html = h.get(&page, Some(&maker)).await;
        assert_eq!(html.status, StatusCode::OK, "{}", html.body);
        for expected in [
            "<html lang=\"en\">",
            "<main id=\"main\"",
            "lang=\"en-GB\"",
            &format!("<h1 id=\"letter-title\">{title}</h1>"),
            "<h2 id=\"letter-section-1\">The decision</h2>",
            "The test we applied",
            "The recovery period runs until",
            REASONS,
            "What happens next",
            &format!("href=\"{page}.pdf\""),
        ] {
            assert!(
                html.body.contains(expected),
                "{expected:?} missing:\n{}",
                html.body
            );
        }
        is_letter_pdf(&h.get(&format!("{page}.pdf"), Some(&maker)).await, title);

        // The referrer's caseworker from the case's formal-referral page.
        let worker = h.login("caseworker@harbour.example").await;
        let f = h
            .get(&format!("/cases/{case}/formal-referral"), Some(&worker))
            .await;
        let list = format!("/cases/{case}/formal-referrals/{id}/letters");
        assert!(f.body.contains(&format!("href=\"{list}\"")), "{}", f.body);
        let l = h.get(&list, Some(&worker)).await;
        assert_eq!(l.status, StatusCode::OK, "{}", l.body);
        assert!(l.body.contains(title), "{}", l.body);
        let html = h.get(&format!("{list}/{letter}"), Some(&worker)).await;
        assert_eq!(html.status, StatusCode::OK, "{}", html.body);
        assert!(html.body.contains(REASONS), "{}", html.body);
        assert!(
            html.body.contains("Test Person"),
            "the letter names the person"
        );
        is_letter_pdf(
            &h.get(&format!("{list}/{letter}.pdf"), Some(&worker)).await,
            title,
        );

        // Everyone else: 404, on every route, and nothing of the letter.
        let lantern_manager = h
            .app
            .create_token("manager@lantern.example")
            .await
            .expect("token");
        let outsiders = [
            ("the helper", h.tokens.helper.clone()),
            ("Lantern's caseworker", h.tokens.lantern_worker.clone()),
            ("Lantern's manager", lantern_manager),
            ("Harbour's administrator", h.tokens.harbour_admin.clone()),
            ("a coordinator", p.coordinator.clone()),
        ];
        let everything = [
            format!("/api/v1/formal-referrals/{id}/letters"),
            body_pdf.clone(),
            format!("/api/v1/cases/{case}/formal-referrals/{id}/letters"),
            case_pdf.clone(),
        ];
        for (who, token) in &outsiders {
            for path in &everything {
                let r = h.api("GET", path, token, None).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}: {path}");
                assert!(!r.body.contains("REASON-CANARY"), "{who}: {path}");
            }
        }
        // Each side only through its own gate.
        let r = h
            .api("GET", &body_pdf, &h.tokens.harbour_worker, None)
            .await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "the referrer on the body's route"
        );
        let r = h.api("GET", &case_pdf, &p.maker, None).await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "the body on the case's route"
        );
        // The pages likewise, signed in as another organisation's caseworker and as the helper.
        let lantern = h.login("caseworker@lantern.example").await;
        let helper = h.login("helper@church.example").await;
        for who in [&lantern, &helper] {
            for path in [
                format!("/decisions/{id}/letters"),
                page.clone(),
                format!("{page}.pdf"),
                list.clone(),
                format!("{list}/{letter}"),
                format!("{list}/{letter}.pdf"),
            ] {
                let r = h.get(&path, Some(who)).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
                assert!(!r.body.contains("REASON-CANARY"), "{path}");
            }
        }
    }
}

#[tokio::test]
async fn a_negative_has_a_letter_only_once_a_second_decision_maker_confirms_it() {
    for h in Harness::both().await {
        let p = panel(&h).await;
        let (case, id) = referred(&h, &p).await;
        decide(&h, &p.maker, &id, "negative").await;
        let list = format!("/api/v1/cases/{case}/formal-referrals/{id}/letters");
        let before = h.api("GET", &list, &h.tokens.harbour_worker, None).await;
        assert_eq!(before.status, StatusCode::OK, "{}", before.body);
        assert_eq!(before.json()["letters"], json!([]));
        let r = h
            .api(
                "POST",
                &format!("/api/v1/formal-referrals/{id}/reasonable-grounds/review"),
                &p.reviewer,
                Some(json!({"agree": true})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let after = h
            .api("GET", &list, &h.tokens.harbour_worker, None)
            .await
            .json();
        assert_eq!(after["letters"][0]["kind"], "reasonable_grounds_negative");
        let letter = after["letters"][0]["id"].as_str().expect("id");
        let pdf = h
            .api(
                "GET",
                &format!("{list}/{letter}"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        is_letter_pdf(&pdf, "Reasonable-grounds decision: negative");
        assert!(pdf.body.contains("reconsider"), "what the person can do");
    }
}

#[test]
fn the_openapi_document_describes_the_letters_and_serves_them_as_pdf() {
    let doc = serde_json::to_value(waymark_web::openapi_document()).expect("JSON");
    for path in [
        "/formal-referrals/{id}/letters",
        "/cases/{case}/formal-referrals/{id}/letters",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    for path in [
        "/formal-referrals/{id}/letters/{letter}",
        "/cases/{case}/formal-referrals/{id}/letters/{letter}",
    ] {
        let ok = &doc["paths"][path]["get"]["responses"]["200"]["content"];
        assert!(ok["application/pdf"].is_object(), "{path}: {ok}");
    }
}
