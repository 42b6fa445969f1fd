//! The web layer in-process, on both backends: pages submitted as a browser would (CSRF token read from
//! the page), the JSON API, security headers, and cross-organisation probes on every route.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;

#[tokio::test]
async fn every_public_page_has_the_security_headers_and_sets_no_cookie() {
    for h in Harness::both().await {
        let mut paths: Vec<String> = ["/", "/screening", "/login", "/healthz", "/no-such-page"]
            .map(String::from)
            .to_vec();
        for lang in ["en", "sq", "ar", "fa", "ro", "ti", "vi"] {
            for page in [
                "/",
                "/rights",
                "/support",
                "/screening",
                "/help",
                "/replies",
            ] {
                paths.push(format!("/{lang}{page}"));
            }
        }
        for path in &paths {
            let r = h.get(path, None).await;
            let expected = match path.as_str() {
                "/" | "/screening" => StatusCode::SEE_OTHER,
                "/no-such-page" => StatusCode::NOT_FOUND,
                _ => StatusCode::OK,
            };
            assert_eq!(r.status, expected, "{path}");
            assert!(r.header("set-cookie").is_none(), "{path} sets a cookie");
            let csp = r.header("content-security-policy").unwrap_or_default();
            assert!(
                csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
                "{path}: {csp}"
            );
            assert!(!csp.contains("unsafe-inline"));
            assert_eq!(
                r.header("x-content-type-options").as_deref(),
                Some("nosniff")
            );
            assert_eq!(r.header("referrer-policy").as_deref(), Some("no-referrer"));
            assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
            if r.status != StatusCode::SEE_OTHER && path != "/healthz" {
                assert!(
                    r.body.contains("id=\"exit-this-page\"") || path == "/no-such-page",
                    "{path} lacks the quick exit"
                );
                assert!(r.body.contains("https://www.bbc.co.uk/weather"), "{path}");
                for url in r.body.split("http").skip(1) {
                    assert!(
                        url.starts_with("s://www.bbc.co.uk/weather"),
                        "{path} links off-site: http{}",
                        &url[..40.min(url.len())]
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn screening_gives_one_outcome_with_the_nations_helplines() {
    let h = Harness::sqlite().await;
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case<'_>] = &[
        (
            &[
                ("immediate_danger", "yes"),
                ("age", "adult"),
                ("nation", "england_wales"),
            ],
            "emergency",
            "999",
        ),
        (
            &[
                ("immediate_danger", "no"),
                ("age", "unsure"),
                ("nation", "england_wales"),
            ],
            "child_safeguarding",
            "0800 043 4303",
        ),
        (
            &[
                ("immediate_danger", "no"),
                ("age", "adult"),
                ("nation", "scotland"),
                ("indicators", "debt_bondage"),
            ],
            "possible_trafficking",
            "0141 276 7724",
        ),
        (
            &[
                ("immediate_danger", "no"),
                ("age", "adult"),
                ("nation", "northern_ireland"),
                ("indicators", "excessive_overtime"),
            ],
            "no_clear_indicators",
            "08000 121 700",
        ),
    ];
    for (fields, outcome, number) in cases {
        let r = h.post_form("/en/screening", fields, None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains(&format!("data-outcome=\"{outcome}\"")),
            "{outcome}: {}",
            r.body
        );
        assert!(r.body.contains(number), "{outcome} lacks {number}");
    }
    // Two medium signs together point to trafficking; the chosen indicators travel to the referral link.
    let r = h
        .post_form(
            "/en/screening",
            &[
                ("immediate_danger", "no"),
                ("age", "adult"),
                ("nation", "england_wales"),
                ("indicators", "deception"),
                ("indicators", "isolation"),
            ],
            None,
        )
        .await;
    assert!(r.body.contains("data-outcome=\"possible_trafficking\""));
    assert!(r.body.contains("indicators=deception") && r.body.contains("indicators=isolation"));
    // Missing answers: an error summary, and what was ticked is kept.
    let r = h
        .post_form("/en/screening", &[("indicators", "deception")], None)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("There is a problem"));
    assert!(r.body.contains("href=\"#immediate_danger\""));
    assert!(r.body.contains("value=\"deception\" checked"));
}

#[tokio::test]
async fn the_whole_route_works_through_plain_forms() {
    for h in Harness::both().await {
        let helper = h.login("helper@church.example").await;
        let form = h
            .get(
                "/referrals/new?nation=england_wales&age=adult&indicators=debt_bondage",
                Some(&helper),
            )
            .await;
        assert_eq!(form.status, StatusCode::OK);
        // Organisations are suggested with their data-sharing policy shown before consent.
        assert!(form.body.contains("Harbour Light"));
        assert!(form.body.contains(&h.harbour_policy));
        let csrf = csrf_of(&form.body);

        let mut fields = vec![
            ("csrf", csrf.as_str()),
            ("nation", "england_wales"),
            ("area", "E08000035"),
            ("needs", "safe_housing"),
            ("indicators", "debt_bondage"),
            ("age", "adult"),
            ("to_organisation", h.harbour.as_str()),
            ("name", "Route Person"),
            ("contact", "Via the drop-in, Tuesdays"),
            ("language", "Albanian"),
            ("first_contact", "faith_group"),
        ];
        // Without consent: refused with a clear message, and nothing typed is lost.
        let refused = h.post_form("/referrals", &fields, Some(&helper)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("informed consent"));
        assert!(refused.body.contains("value=\"Route Person\""));
        assert!(refused.body.contains("Via the drop-in, Tuesdays"));

        fields.push(("consent_given", "yes"));
        let sent = h.post_form("/referrals", &fields, Some(&helper)).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(
            sent.header("location").as_deref(),
            Some("/referrals/sent?sent=1")
        );
        let list = h.get("/referrals/sent?sent=1", Some(&helper)).await;
        assert!(list.body.contains("Referral sent") && list.body.contains("Waiting for an answer"));

        // The support organisation receives it, opens it, accepts it, and sees the case.
        let worker = h.login("caseworker@harbour.example").await;
        let inbox = h.get("/inbox", Some(&worker)).await;
        assert!(
            !inbox.body.contains("Route Person"),
            "the inbox list shows no names"
        );
        let id =
            crate::support::between(&inbox.body, "href=\"/inbox/", "\"").expect("a referral link");
        // The area is shown by its name, never its code.
        assert!(inbox.body.contains("<td>Leeds</td>"), "{}", inbox.body);
        let opened = h.get(&format!("/inbox/{id}"), Some(&worker)).await;
        assert!(opened.body.contains("Route Person") && opened.body.contains("Albanian"));
        assert!(
            opened.body.contains("Leeds, England and Wales"),
            "{}",
            opened.body
        );
        let no_token = h
            .post_form(&format!("/inbox/{id}/accept"), &[], Some(&worker))
            .await;
        assert_eq!(
            no_token.status,
            StatusCode::FORBIDDEN,
            "a form without the CSRF token is refused"
        );
        let csrf = csrf_of(&opened.body);
        let accepted = h
            .post_form(
                &format!("/inbox/{id}/accept"),
                &[("csrf", &csrf)],
                Some(&worker),
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER);
        let case_path = accepted.header("location").expect("redirect to the case");
        assert!(case_path.starts_with("/cases/"));
        let case = h.get(&case_path, Some(&worker)).await;
        assert_eq!(case.status, StatusCode::OK);
        assert!(
            case.body.contains("Route Person") && case.body.contains("Via the drop-in, Tuesdays")
        );
        assert!(case.body.contains("The person consented"));
        let list = h.get("/referrals/sent", Some(&helper)).await;
        assert!(list.body.contains("Accepted"));
    }
}

#[tokio::test]
async fn the_referral_form_chooses_the_area_from_a_list_and_refuses_one_of_another_nation() {
    let h = Harness::sqlite().await;
    let helper = h.login("helper@church.example").await;
    let form = h.get("/referrals/new", Some(&helper)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("<select id=\"find-area\" name=\"area\""),
        "{}",
        form.body
    );
    for nation in ["England and Wales", "Scotland", "Northern Ireland"] {
        assert!(
            form.body
                .contains(&format!("<optgroup label=\"{nation}\">")),
            "{nation}"
        );
    }
    assert!(
        form.body
            .contains("<option value=\"E08000035\">Leeds</option>")
    );
    assert!(!form.body.contains("type=\"text\" id=\"find-area\""));

    // Finding organisations for an area of another nation: told next to the field, the choice kept.
    let found = h
        .get(
            "/referrals/new?nation=scotland&area=E08000035",
            Some(&helper),
        )
        .await;
    assert!(found.body.contains("href=\"#find-area\""), "{}", found.body);
    assert!(
        found.body.contains("id=\"find-area-error\""),
        "{}",
        found.body
    );
    assert!(
        found
            .body
            .contains("Leeds is in England and Wales, not Scotland")
    );
    assert!(found.body.contains("value=\"E08000035\" selected"));

    // Sending it anyway is refused, with everything typed kept.
    let csrf = csrf_of(&found.body);
    let fields = [
        ("csrf", csrf.as_str()),
        ("nation", "scotland"),
        ("area", "E08000035"),
        ("age", "adult"),
        ("to_organisation", h.harbour.as_str()),
        ("name", "Area Person"),
        ("contact", "Via the drop-in"),
        ("language", "Albanian"),
        ("first_contact", "faith_group"),
        ("consent_given", "yes"),
    ];
    let refused = h.post_form("/referrals", &fields, Some(&helper)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains("Leeds is in England and Wales, not Scotland")
    );
    assert!(
        refused
            .body
            .contains("aria-describedby=\"find-area-hint find-area-error\"")
    );
    assert!(refused.body.contains("value=\"Area Person\""));
    assert!(refused.body.contains("value=\"E08000035\" selected"));
    let inbox = h
        .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
        .await;
    assert_eq!(inbox.json()["referrals"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn the_areas_are_listed_for_anyone_and_may_be_cached() {
    let h = Harness::sqlite().await;
    let all = h.get("/api/v1/areas", None).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(
        all.header("cache-control").as_deref(),
        Some("public, max-age=86400")
    );
    let list = all.json();
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 361);
    assert_eq!(
        list[0],
        serde_json::json!({"code": "E06000001", "name": "Hartlepool", "nation": "england_wales"})
    );
    let ni = h.get("/api/v1/areas?nation=northern_ireland", None).await;
    let ni = ni.json();
    let ni = ni.as_array().expect("an array");
    assert_eq!(ni.len(), 11);
    assert!(ni.iter().all(|a| a["nation"] == "northern_ireland"));
    let bad = h.get("/api/v1/areas?nation=wales", None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("england_wales"), "{}", bad.body);
    // Nothing chosen, as a form sends it: every area.
    let blank = h.get("/api/v1/areas?nation=", None).await;
    assert_eq!(blank.json().as_array().map(Vec::len), Some(361));
    // A referral's area: refused unless from the list, without repeating what was given.
    let mut body = h.referral_body("adult", true);
    body["area"] = serde_json::json!("Flat 3, 12 Acacia Rd, LS1 4AB");
    let refused = h
        .api("POST", "/api/v1/referrals", &h.tokens.helper, Some(body))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let detail = refused.json()["detail"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        detail.contains("GET /api/v1/areas") && detail.contains("waymark areas"),
        "{detail}"
    );
    assert!(
        !detail.contains("Acacia") && !detail.contains("4AB"),
        "{detail}"
    );
    let mut body = h.referral_body("adult", true);
    body["area"] = serde_json::json!(" leeds ");
    let id = h
        .api("POST", "/api/v1/referrals", &h.tokens.helper, Some(body))
        .await
        .json()["id"]
        .as_str()
        .map(str::to_owned)
        .expect("sent");
    let opened = h
        .api(
            "GET",
            &format!("/api/v1/referrals/{id}"),
            &h.tokens.harbour_worker,
            None,
        )
        .await
        .json();
    assert_eq!(
        (&opened["area"], &opened["area_name"]),
        (&serde_json::json!("E08000035"), &serde_json::json!("Leeds"))
    );
}

#[tokio::test]
async fn a_child_is_referred_without_consent_naming_childrens_services() {
    let h = Harness::sqlite().await;
    let helper = h.login("helper@church.example").await;
    let csrf = csrf_of(
        &h.get("/referrals/new?age=under_18", Some(&helper))
            .await
            .body,
    );
    let base = [
        ("csrf", csrf.as_str()),
        ("nation", "england_wales"),
        ("age", "under_18"),
        ("to_organisation", h.harbour.as_str()),
        ("name", "Child Person"),
        ("contact", "Through the school"),
        ("language", "Vietnamese"),
        ("first_contact", "community_group"),
    ];
    let refused = h.post_form("/referrals", &base, Some(&helper)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("children&#39;s services")
            || refused.body.contains("children's services")
    );
    let mut with_cs = base.to_vec();
    with_cs.push(("children_services_notified", "Leeds children's social care"));
    let sent = h.post_form("/referrals", &with_cs, Some(&helper)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let worker = h.login("caseworker@harbour.example").await;
    let inbox = h.get("/inbox", Some(&worker)).await;
    assert!(inbox.body.contains("child safeguarding"));
}

#[tokio::test]
async fn declining_tells_the_sender_why() {
    let h = Harness::postgres().await;
    let id = h.api_referral("adult", true).await;
    let worker = h.login("caseworker@harbour.example").await;
    let page = h.get(&format!("/inbox/{id}"), Some(&worker)).await;
    let csrf = csrf_of(&page.body);
    let empty = h
        .post_form(
            &format!("/inbox/{id}/decline"),
            &[("csrf", &csrf), ("reason", " ")],
            Some(&worker),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let declined = h
        .post_form(
            &format!("/inbox/{id}/decline"),
            &[
                ("csrf", &csrf),
                ("reason", "We have no bed this week; try Northern Lantern"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    let helper = h.login("helper@church.example").await;
    let list = h.get("/referrals/sent", Some(&helper)).await;
    assert!(
        list.body
            .contains("We have no bed this week; try Northern Lantern")
    );
}

#[tokio::test]
async fn no_organisation_can_reach_another_organisations_referral_or_case() {
    for h in Harness::both().await {
        let id = h.api_referral("adult", true).await;
        // A case at Harbour, opened through the API.
        let other_id = h.api_referral("adult", true).await;
        let accepted = h.accept(&other_id).await;
        assert_eq!(accepted.status, StatusCode::CREATED);
        let case_id = accepted.json()["case_id"]
            .as_str()
            .expect("case id")
            .to_owned();

        for email in [
            "caseworker@lantern.example",
            "manager@lantern.example",
            "helper@church.example",
            "admin@harbour.example",
        ] {
            let outsider = h.login(email).await;
            let csrf = csrf_of(&h.get("/staff", Some(&outsider)).await.body);
            for (method, path) in [
                ("GET", format!("/inbox/{id}")),
                ("POST", format!("/inbox/{id}/accept")),
                ("POST", format!("/inbox/{id}/decline")),
                ("GET", format!("/cases/{case_id}")),
            ] {
                let r = if method == "GET" {
                    h.get(&path, Some(&outsider)).await
                } else {
                    h.post_form(
                        &path,
                        &[("csrf", &csrf), ("reason", "probe")],
                        Some(&outsider),
                    )
                    .await
                };
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {method} {path}");
                assert!(!r.body.contains("Test Person"));
            }
        }
        for token in [
            &h.tokens.lantern_worker,
            &h.tokens.helper,
            &h.tokens.harbour_admin,
        ] {
            for (method, path, body) in [
                ("GET", format!("/api/v1/referrals/{id}"), None),
                ("POST", format!("/api/v1/referrals/{id}/accept"), None),
                (
                    "POST",
                    format!("/api/v1/referrals/{id}/decline"),
                    Some(serde_json::json!({"reason": "probe"})),
                ),
                ("GET", format!("/api/v1/cases/{case_id}"), None),
            ] {
                let r = h.api(method, &path, token, body).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
                assert_eq!(
                    r.header("content-type").as_deref(),
                    Some("application/problem+json")
                );
            }
            let inbox = h.api("GET", "/api/v1/referrals", token, None).await;
            assert!(
                !inbox.body.contains(id.as_str()),
                "another organisation's inbox never lists it"
            );
        }
        // Nothing the outsiders tried changed the referral.
        let mine = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        let entry = mine.json()["referrals"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["id"] == id.as_str()).cloned())
            .expect("still in Harbour's inbox");
        assert_eq!(entry["status"], "sent");
    }
}

#[tokio::test]
async fn the_api_walks_the_route() {
    for h in Harness::both().await {
        let screening = h
            .api_public("POST", "/api/v1/screenings", serde_json::json!({"age": "adult", "immediate_danger": false, "indicators": ["retention_of_documents"], "nation": "england_wales"}))
            .await;
        assert_eq!(screening.status, StatusCode::OK);
        assert_eq!(screening.json()["outcome"], "possible_trafficking");
        let bad = h.api_public("POST", "/api/v1/screenings", serde_json::json!({"age": "old", "immediate_danger": false, "nation": "england_wales"})).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.json()["detail"]
                .as_str()
                .is_some_and(|d| d.contains("under_18"))
        );

        let refused = h
            .api(
                "POST",
                "/api/v1/referrals",
                &h.tokens.helper,
                Some(h.referral_body("adult", false)),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            refused.header("content-type").as_deref(),
            Some("application/problem+json")
        );
        assert!(
            refused.json()["detail"]
                .as_str()
                .is_some_and(|d| d.contains("consent"))
        );

        let created = h
            .api(
                "POST",
                "/api/v1/referrals",
                &h.tokens.helper,
                Some(h.referral_body("adult", true)),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED);
        let id = created.json()["id"].as_str().expect("id").to_owned();
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        assert_eq!(inbox.json()["referrals"][0]["id"], id.as_str());
        assert!(
            !inbox.body.contains("Test Person"),
            "the inbox carries no personal field"
        );
        let accepted = h.accept(&id).await;
        assert_eq!(accepted.status, StatusCode::CREATED);
        let case_id = accepted.json()["case_id"]
            .as_str()
            .expect("case id")
            .to_owned();
        let again = h.accept(&id).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let case = h
            .api(
                "GET",
                &format!("/api/v1/cases/{case_id}"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert_eq!(case.status, StatusCode::OK);
        assert_eq!(case.json()["referral"]["name"], "Test Person");
        assert_eq!(case.json()["referral"]["contact"], "Via the church office");

        let no_token = h
            .api_public("GET", "/api/v1/referrals", serde_json::Value::Null)
            .await;
        assert_eq!(no_token.status, StatusCode::UNAUTHORIZED);
        let helper_inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.helper, None)
            .await;
        assert_eq!(helper_inbox.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let h = Harness::sqlite().await;
    let r = h.get("/api/v1/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    for path in [
        "/screenings",
        "/referrals",
        "/referrals/{id}",
        "/referrals/{id}/accept",
        "/referrals/{id}/decline",
        "/cases/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn sign_in_locks_after_repeated_failures_and_sign_out_ends_the_session() {
    let h = Harness::sqlite().await;
    for _ in 0..4 {
        let r = h
            .post_form(
                "/login",
                &[
                    ("email", "helper@church.example"),
                    ("password", "wrong password!"),
                ],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("not right"));
    }
    let r = h
        .post_form(
            "/login",
            &[
                ("email", "helper@church.example"),
                ("password", "wrong password!"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let r = h
        .post_form(
            "/login",
            &[
                ("email", "helper@church.example"),
                ("password", crate::support::PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked even with the right password"
    );

    let worker = h.login("caseworker@harbour.example").await;
    assert_eq!(h.get("/inbox", Some(&worker)).await.status, StatusCode::OK);
    let csrf = csrf_of(&h.get("/inbox", Some(&worker)).await.body);
    let out = h
        .post_form("/logout", &[("csrf", &csrf)], Some(&worker))
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = h.get("/inbox", Some(&worker)).await;
    assert_eq!(
        after.status,
        StatusCode::SEE_OTHER,
        "the old cookie no longer works"
    );
    assert!(
        after
            .header("location")
            .is_some_and(|l| l.starts_with("/login"))
    );
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    let h = Harness::sqlite().await;
    let r = h
        .post_form_with(
            "/login",
            &[("email", "a@b.example"), ("password", "x")],
            None,
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = h
        .post_form_with(
            "/login",
            &[("email", "a@b.example"), ("password", "x")],
            None,
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_sign_in_page_only_returns_to_local_pages() {
    let h = Harness::sqlite().await;
    let r = h
        .post_form(
            "/login",
            &[
                ("email", "helper@church.example"),
                ("password", crate::support::PASSWORD),
                ("next", "//evil.example/"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location").as_deref(), Some("/staff"));
    let cookie = r.header("set-cookie").expect("a session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
}

/// The API is a contract integrations rely on: any change to the document shows up in review.
#[test]
fn the_openapi_document_is_unchanged_unless_reviewed() {
    insta::assert_json_snapshot!("openapi", waymark_web::openapi_document());
}

/// Every constraint api/doc.rs states lands on a schema property or parameter the document has: renaming
/// a field cannot silently drop its enum or limit.
#[test]
fn every_documented_constraint_names_something_in_the_document() {
    assert_eq!(
        waymark_web::openapi_unmatched_constraints(),
        Vec::<String>::new()
    );
    let doc = serde_json::to_value(waymark_web::openapi_document()).expect("JSON");
    let s = doc.to_string();
    assert!(
        !s.contains("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Problem\"")
    );
    assert_eq!(
        doc.pointer("/components/schemas/ScreeningRequest/properties/nation/enum"),
        Some(&serde_json::json!([
            "england_wales",
            "scotland",
            "northern_ireland"
        ]))
    );
    // GET /search documents only the query it accepts.
    let params = doc
        .pointer("/paths/~1search/get/parameters")
        .expect("parameters");
    assert_eq!(params.as_array().map(Vec::len), Some(1), "{params}");
    assert_eq!(params[0]["name"], "reference");
    // Every secured operation documents 401 with the header; every one documents 405.
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            if op.get("security").is_some() {
                assert!(
                    op.pointer("/responses/401/headers/WWW-Authenticate")
                        .is_some(),
                    "{method} {path}"
                );
            }
            assert!(op.pointer("/responses/405").is_some(), "{method} {path}");
        }
    }
}
