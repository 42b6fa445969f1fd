//! Anonymous notifications through the API and the staff pages, on both backends: a first responder's
//! caseworker notifies about an adult; a child (or a person who may be one) is refused with a clear
//! message; nothing identifying can be sent or is answered; everyone else is refused.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;
use serde_json::json;
use waymark_domain::OrgId;

const PATH: &str = "/api/v1/anonymous-notifications";

/// The harness with Harbour Light designated a first responder (Northern Lantern is not).
async fn harnesses() -> Vec<Harness> {
    let mut out = Harness::both().await;
    for h in &mut out {
        let harbour = OrgId::parse(&h.harbour).expect("id");
        h.app
            .set_first_responder(&harbour, true)
            .await
            .expect("designated");
    }
    out
}

fn adult() -> serde_json::Value {
    json!({
        "age": "adult",
        "nationality": "VN",
        "exploitation_types": ["criminal"],
        "nation": "england_wales",
        "area": "Leeds",
        "indicators": ["forced_criminality", "debt_bondage"],
        "encountered_in": "2026-09"
    })
}

fn with(key: &str, value: serde_json::Value) -> serde_json::Value {
    let mut body = adult();
    body[key] = value;
    body
}

#[tokio::test]
async fn an_adult_is_notified_with_201_and_the_answer_holds_nothing_identifying() {
    for h in harnesses().await {
        let r = h
            .api("POST", PATH, &h.tokens.harbour_worker, Some(adult()))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let made = r.json();
        let mut keys: Vec<&str> = made
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "age",
                "area",
                "area_name",
                "created_at",
                "encountered_in",
                "exploitation_types",
                "id",
                "indicators",
                "nation",
                "nationality"
            ]
        );
        assert_eq!(made["age"], "adult");
        assert_eq!(made["nationality"], "VN");
        assert_eq!(made["area"], "E08000035");
        assert_eq!(made["area_name"], "Leeds");
        assert_eq!(
            made["indicators"],
            json!(["debt_bondage", "forced_criminality"])
        );

        let list = h.api("GET", PATH, &h.tokens.harbour_worker, None).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert_eq!(list.json()["notifications"], json!([made]));
    }
}

#[tokio::test]
async fn a_child_or_a_person_who_may_be_one_is_refused_with_422_and_nothing_is_stored() {
    for h in harnesses().await {
        for age in ["under_18", "unsure"] {
            let r = h
                .api(
                    "POST",
                    PATH,
                    &h.tokens.harbour_worker,
                    Some(with("age", json!(age))),
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{age}: {}",
                r.body
            );
            assert_eq!(
                r.header("content-type").as_deref(),
                Some("application/problem+json")
            );
            let detail = r.json()["detail"].as_str().expect("detail").to_owned();
            assert!(detail.starts_with("age: "), "{detail}");
            assert!(detail.to_lowercase().contains("refer"), "{detail}");
            assert!(detail.contains("children's services"), "{detail}");
        }
        let list = h.api("GET", PATH, &h.tokens.harbour_worker, None).await;
        assert_eq!(list.json()["notifications"], json!([]));
    }
}

#[tokio::test]
async fn identifying_or_unknown_values_are_refused_with_422_naming_the_field() {
    for h in harnesses().await {
        let cases = [
            (
                with("area", json!("07700 900123")),
                "area: ",
                "GET /api/v1/areas",
            ),
            (with("area", json!("LS6 2AB")), "area: ", "\"E08000035\""),
            (
                with("area", json!("Belfast")),
                "area: ",
                "Belfast is in Northern Ireland, not England and Wales",
            ),
            (
                with("nationality", json!("Albanian")),
                "nationality: ",
                "ISO 3166-1",
            ),
            (
                with("exploitation_types", json!(["farming"])),
                "exploitation_types: ",
                "farming",
            ),
            (with("indicators", json!(["sad"])), "indicators: ", "sad"),
            (
                with("indicators", json!([])),
                "indicators: ",
                "at least one",
            ),
            (with("nation", json!("wales")), "nation: ", "england_wales"),
            (
                with("encountered_in", json!("2999-01")),
                "encountered_in: ",
                "YYYY-MM",
            ),
        ];
        for (body, field, words) in cases {
            let r = h
                .api("POST", PATH, &h.tokens.harbour_worker, Some(body))
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}{}",
                r.body
            );
            let detail = r.json()["detail"].as_str().expect("detail").to_owned();
            assert!(detail.starts_with(field), "{detail}");
            assert!(detail.contains(words), "{detail}");
        }
        // A missing required field is a 422 too.
        let r = h
            .api(
                "POST",
                PATH,
                &h.tokens.harbour_worker,
                Some(json!({"nationality": "VN", "nation": "scotland"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let list = h.api("GET", PATH, &h.tokens.harbour_worker, None).await;
        assert_eq!(list.json()["notifications"], json!([]));
    }
}

#[tokio::test]
async fn anyone_but_a_first_responders_caseworker_or_manager_is_refused_with_403() {
    for h in harnesses().await {
        // Northern Lantern is a support organisation but not a first responder; the church's helper and
        // Harbour Light's administrator have the wrong role.
        for token in [
            &h.tokens.lantern_worker,
            &h.tokens.helper,
            &h.tokens.harbour_admin,
        ] {
            let r = h.api("POST", PATH, token, Some(adult())).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
            let r = h.api("GET", PATH, token, None).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        }
        let r = h.api("POST", PATH, "not-a-token", Some(adult())).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        // The refusals stored nothing.
        let list = h.api("GET", PATH, &h.tokens.harbour_worker, None).await;
        assert_eq!(list.json()["notifications"], json!([]));
    }
}

#[tokio::test]
async fn the_page_refuses_a_child_keeps_what_was_entered_then_sends_an_adults() {
    for h in harnesses().await {
        let cookie = h.login("caseworker@harbour.example").await;
        let form = h.get("/notifications/new", Some(&cookie)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(
            form.body
                .contains("href=\"/notifications\">Anonymous notifications")
        );
        assert!(form.body.contains("Never for a child"));
        for label in [
            "for=\"nationality\"",
            "for=\"area\"",
            "for=\"encountered_in\"",
        ] {
            assert!(form.body.contains(label), "{label}");
        }
        let csrf = csrf_of(&form.body);
        let fields = |age: &'static str, area: &'static str| {
            vec![
                ("csrf", csrf.clone()),
                ("age", age.to_owned()),
                ("nationality", "ER".to_owned()),
                ("exploitation_types", "domestic_servitude".to_owned()),
                ("nation", "england_wales".to_owned()),
                ("area", area.to_owned()),
                ("indicators", "isolation".to_owned()),
                ("indicators", "retention_of_documents".to_owned()),
                ("encountered_in", "2026-08".to_owned()),
            ]
        };
        let post = |fields: Vec<(&'static str, String)>| {
            let h = &h;
            let cookie = cookie.clone();
            async move {
                let pairs: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                h.post_form("/notifications", &pairs, Some(&cookie)).await
            }
        };

        // A child: refused, the summary links to the age, and everything entered is kept.
        let r = post(fields("under_18", "E08000032")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("class=\"error-summary\""));
        assert!(r.body.contains("href=\"#age\""), "{}", r.body);
        assert!(r.body.contains("never made for a child"));
        assert!(
            r.body.contains("tell children&#39;s services")
                || r.body.contains("tell children's services")
        );
        assert!(r.body.contains("value=\"under_18\" checked"));
        assert!(r.body.contains("value=\"ER\" selected"));
        assert!(r.body.contains("value=\"domestic_servitude\" checked"));
        assert!(r.body.contains("value=\"retention_of_documents\" checked"));
        assert!(r.body.contains("value=\"E08000032\" selected"));
        assert!(r.body.contains("value=\"2026-08\""));

        // The area is chosen from a list grouped by nation, never typed.
        assert!(
            form.body.contains("<select id=\"area\" name=\"area\""),
            "{}",
            form.body
        );
        assert!(
            form.body.contains("<optgroup label=\"Scotland\">"),
            "{}",
            form.body
        );
        assert!(!form.body.contains("type=\"text\" id=\"area\""));
        // An area of another nation: refused next to the area, naming both, with everything kept.
        let r = post(fields("adult", "S12000049")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("href=\"#area\""), "{}", r.body);
        assert!(
            r.body.contains("id=\"area-error\"")
                && r.body.contains("aria-describedby=\"area-hint area-error\"")
                && r.body.contains("aria-invalid=\"true\""),
            "{}",
            r.body
        );
        assert!(
            r.body
                .contains("Glasgow City is in Scotland, not England and Wales")
        );
        assert!(r.body.contains("value=\"S12000049\" selected"));
        assert!(r.body.contains("value=\"2026-08\""));

        // Without the form's token nothing is sent.
        let mut no_token = fields("adult", "E08000032");
        no_token[0].1 = "wrong".into();
        assert_eq!(post(no_token).await.status, StatusCode::FORBIDDEN);

        // An adult: sent, and listed with the coarse facts only.
        let r = post(fields("adult", "E08000032")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            r.header("location").as_deref(),
            Some("/notifications?made=1")
        );
        let list = h.get("/notifications?made=1", Some(&cookie)).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Anonymous notification recorded"));
        assert!(
            list.body.contains("Bradford, England and Wales"),
            "{}",
            list.body
        );
        assert!(list.body.contains("Eritrea"));
        assert!(list.body.contains("Domestic servitude"));
        let api = h.api("GET", PATH, &h.tokens.harbour_worker, None).await;
        assert_eq!(
            api.json()["notifications"].as_array().map(Vec::len),
            Some(1)
        );
    }
}

#[tokio::test]
async fn the_pages_refuse_a_support_organisation_that_is_not_a_first_responder() {
    for h in harnesses().await {
        let cookie = h.login("caseworker@lantern.example").await;
        let staff = h.get("/cases", Some(&cookie)).await;
        assert!(!staff.body.contains("Anonymous notifications"));
        for path in ["/notifications/new", "/notifications"] {
            let r = h.get(path, Some(&cookie)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
            assert!(r.body.contains("first responder"), "{path}: {}", r.body);
        }
        let page = h
            .get(
                "/notifications/new",
                Some(&h.login("caseworker@harbour.example").await),
            )
            .await;
        let csrf = csrf_of(&page.body);
        let r = h
            .post_form(
                "/notifications",
                &[("csrf", &csrf), ("age", "adult"), ("nationality", "VN")],
                Some(&cookie),
            )
            .await;
        // Another session's token is refused before anything else; with its own, the role is.
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let own = csrf_of(&staff.body);
        let r = h
            .post_form(
                "/notifications",
                &[
                    ("csrf", &own),
                    ("age", "adult"),
                    ("nationality", "VN"),
                    ("exploitation_types", "labour"),
                    ("nation", "scotland"),
                    ("indicators", "debt_bondage"),
                ],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("first responder"));
    }
}

#[tokio::test]
async fn the_team_page_says_whether_the_organisation_is_a_first_responder() {
    for h in harnesses().await {
        let harbour = h.login("manager@harbour.example").await;
        let team = h.get("/team", Some(&harbour)).await;
        assert_eq!(team.status, StatusCode::OK);
        assert!(
            team.body.contains("is a <strong>first responder</strong>"),
            "{}",
            team.body
        );
        let lantern = h.login("manager@lantern.example").await;
        let team = h.get("/team", Some(&lantern)).await;
        assert!(
            team.body.contains("is not a first responder"),
            "{}",
            team.body
        );
    }
}

#[tokio::test]
async fn the_openapi_document_describes_anonymous_notifications() {
    let h = Harness::sqlite().await;
    let doc = h
        .api_public("GET", "/api/v1/openapi.json", json!(null))
        .await;
    let doc = doc.json();
    let path = &doc["paths"]["/anonymous-notifications"];
    assert!(path["post"]["responses"]["422"].is_object(), "{path}");
    assert!(path["post"]["responses"]["403"].is_object(), "{path}");
    assert!(path["get"]["responses"]["200"].is_object(), "{path}");
    assert!(doc["components"]["schemas"]["NotificationRequest"].is_object());
}
