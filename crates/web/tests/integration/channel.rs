//! Self-referral and the codename channel through the JSON API, in-process, on both backends: a survivor
//! asks for help with no token, the organisation answers from its inbox, the survivor reads and writes
//! with the codename alone; guesses are limited per client (the peer address) and for everyone;
//! erasure leaves nothing readable.

use std::net::SocketAddr;

use crate::support::{Harness, Reply, send_to};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};
use waymark_app::{App, GuessLimits};

const SURVIVOR: &str = "198.51.100.7:50123";
const GUESSER: &str = "203.0.113.9:40000";

/// A JSON request as a client at `peer` sends it (the server records the peer as `ConnectInfo`).
async fn from(app: &App, peer: &str, method: &str, path: &str, body: Value) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("request");
    let addr: SocketAddr = peer.parse().expect("an address");
    request.extensions_mut().insert(ConnectInfo(addr));
    send_to(app, request).await
}

fn asking(h: &Harness) -> Value {
    json!({
        "to_organisation": h.harbour,
        "nation": "england_wales",
        "area": "Leeds",
        "needs": ["safe_housing", "medical"],
        "language": "Vietnamese",
        "urgency": "this_week",
        "age": "adult",
        "message": "I work in a nail bar and they keep my passport.",
        "consent": {"given": true}
    })
}

/// Sends a self-referral from the survivor's phone; returns (codename, referral id).
async fn self_refer(h: &Harness, body: Value) -> (String, String) {
    let r = from(&h.app, SURVIVOR, "POST", "/api/v1/self-referrals", body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let j = r.json();
    (
        j["codename"].as_str().expect("codename").to_owned(),
        j["referral_id"].as_str().expect("id").to_owned(),
    )
}

fn wrong_codename(i: usize) -> String {
    // Seven list words, like a real guess: the same work as a right one.
    let words = waymark_vault::word_list();
    (0..7)
        .map(|k| words[(i * 7 + k * 131) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_problem(r: &Reply, status: StatusCode) -> bool {
    r.status == status && r.header("content-type").as_deref() == Some("application/problem+json")
}

#[tokio::test]
async fn a_survivor_asks_for_help_and_talks_with_the_organisation_with_only_a_codename() {
    for h in Harness::both().await {
        // 1. The survivor asks, with no token and no name, and gets a seven-word codename.
        let r = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/self-referrals",
            asking(&h),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let j = r.json();
        let codename = j["codename"].as_str().expect("codename").to_owned();
        let id = j["referral_id"].as_str().expect("id").to_owned();
        assert_eq!(j["words"], 7);
        assert!(codename.split(' ').count() >= 7, "{codename}");

        // 2. It is in the support organisation's inbox, like any other referral.
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        let entry = inbox.json()["referrals"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["id"] == id.as_str()).cloned())
            .expect("in the inbox");
        assert_eq!(entry["status"], "sent");
        assert_eq!(entry["from_organisation"], Value::Null);
        assert_eq!(
            (&entry["area"], &entry["area_name"]),
            (&json!("E08000035"), &json!("Leeds"))
        );
        let opened = h
            .api(
                "GET",
                &format!("/api/v1/referrals/{id}"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert_eq!(opened.json()["first_contact"], "self");
        assert_eq!(opened.json()["language"], "Vietnamese");
        assert_eq!(opened.json()["name"], waymark_app::NOT_GIVEN);

        // 3. A caseworker accepts and replies from the case.
        let accepted = h.accept(&id).await;
        let case_id = accepted.json()["case_id"]
            .as_str()
            .expect("case")
            .to_owned();
        let reply = "We can help you get your passport back. Are you safe to talk on Thursday?";
        let sent = h
            .api(
                "POST",
                &format!("/api/v1/cases/{case_id}/messages"),
                &h.tokens.harbour_worker,
                Some(json!({"body": reply})),
            )
            .await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);

        // 4. The survivor reads the reply with the codename.
        let seen = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": codename}),
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        assert_eq!(seen.header("cache-control").as_deref(), Some("no-store"));
        let v = seen.json();
        assert_eq!(v["status"], "accepted");
        assert_eq!(v["organisation"], "Harbour Light (fictional)");
        let messages = v["messages"].as_array().expect("messages");
        assert_eq!(messages.len(), 2, "{v}");
        assert_eq!(messages[0]["from"], "person");
        assert_eq!(
            messages[0]["body"],
            "I work in a nail bar and they keep my passport."
        );
        assert_eq!(messages[1]["from"], "organisation");
        assert_eq!(messages[1]["body"], reply);
        assert!(messages[1].get("author").is_none(), "staff are not named");

        // In Tigrinya: the status in Tigrinya, what people wrote as they wrote it; an unknown language
        // is refused, naming the ones there are.
        let ti = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": codename, "language": "ti"}),
        )
        .await;
        assert_eq!(ti.status, StatusCode::OK, "{}", ti.body);
        let ti = ti.json();
        let status = ti["status_text"].as_str().unwrap_or_default();
        assert!(
            status.contains("Harbour Light (fictional)")
                && status
                    .chars()
                    .any(|c| ('\u{1200}'..='\u{137F}').contains(&c)),
            "not in Tigrinya: {status}"
        );
        assert_eq!(ti["messages"][1]["body"], reply);
        let unknown = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": codename, "language": "de"}),
        )
        .await;
        assert_eq!(
            unknown.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            unknown.body
        );
        assert!(unknown.body.contains("ti, vi"), "{}", unknown.body);

        // 5. The survivor writes; the caseworker sees it from the referral and from the case.
        let wrote = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/messages",
            json!({"codename": codename.to_uppercase(), "body": "Yes, Thursday after 2pm."}),
        )
        .await;
        assert_eq!(wrote.status, StatusCode::CREATED, "{}", wrote.body);
        assert!(wrote.json()["id"].is_string());
        for path in [
            format!("/api/v1/referrals/{id}/messages"),
            format!("/api/v1/cases/{case_id}/messages"),
        ] {
            let thread = h.api("GET", &path, &h.tokens.harbour_worker, None).await;
            assert_eq!(thread.status, StatusCode::OK, "{path}: {}", thread.body);
            let m = thread.json()["messages"].clone();
            assert_eq!(m.as_array().map(Vec::len), Some(3), "{m}");
            assert_eq!(m[2]["from"], "person");
            assert_eq!(m[2]["body"], "Yes, Thursday after 2pm.");
            assert_eq!(m[1]["author"], "Test user");
        }

        // 6. Nobody else reads or writes it: another organisation, an administrator, no token.
        for token in [
            &h.tokens.lantern_worker,
            &h.tokens.harbour_admin,
            &h.tokens.helper,
        ] {
            let read = h
                .api(
                    "GET",
                    &format!("/api/v1/referrals/{id}/messages"),
                    token,
                    None,
                )
                .await;
            assert!(is_problem(&read, StatusCode::NOT_FOUND), "{}", read.body);
            let write = h
                .api(
                    "POST",
                    &format!("/api/v1/cases/{case_id}/messages"),
                    token,
                    Some(json!({"body": "hello"})),
                )
                .await;
            assert!(is_problem(&write, StatusCode::NOT_FOUND), "{}", write.body);
        }
        let anonymous = h
            .api_public(
                "GET",
                &format!("/api/v1/referrals/{id}/messages"),
                Value::Null,
            )
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn a_child_may_ask_and_bad_requests_are_problems_that_say_what_to_fix() {
    for h in Harness::both().await {
        let mut child = asking(&h);
        child["age"] = json!("under_18");
        let (_, id) = self_refer(&h, child).await;
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        let entry = inbox.json()["referrals"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["id"] == id.as_str()).cloned())
            .expect("listed");
        assert_eq!(entry["child_safeguarding"], true);

        let cases: [(&str, Value, &str); 7] = [
            ("consent", json!(null), "confirm"),
            ("consent", json!({"given": false}), "confirm"),
            ("urgency", json!("tomorrow"), "this_week"),
            ("needs", json!([]), "at least one"),
            ("area", json!("Flat 3, 12 Acacia Rd"), "GET /api/v1/areas"),
            ("area", json!("Glasgow City"), "Glasgow City is in Scotland"),
            (
                "to_organisation",
                json!("no-such-org"),
                "support organisation",
            ),
        ];
        for (field, value, says) in cases {
            let mut body = asking(&h);
            body[field] = value;
            let r = from(&h.app, SURVIVOR, "POST", "/api/v1/self-referrals", body).await;
            assert!(
                is_problem(&r, StatusCode::UNPROCESSABLE_ENTITY),
                "{field}: {} {}",
                r.status,
                r.body
            );
            let detail = r.json()["detail"].as_str().unwrap_or_default().to_owned();
            assert!(detail.contains(says), "{field}: {detail}");
        }
        let garbled = h
            .api_public("POST", "/api/v1/channel/inbox", json!({"code": "x"}))
            .await;
        assert!(garbled.status.is_client_error(), "{}", garbled.body);
        assert_ne!(garbled.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_thousand_wrong_codenames_from_one_client_end_in_429s_and_find_nothing() {
    for h in Harness::both().await {
        let (codename, _) = self_refer(&h, asking(&h)).await;
        let (mut not_found, mut limited) = (0, 0);
        for i in 0..1000 {
            let r = from(
                &h.app,
                GUESSER,
                "POST",
                "/api/v1/channel/inbox",
                json!({"codename": wrong_codename(i)}),
            )
            .await;
            if is_problem(&r, StatusCode::NOT_FOUND) {
                not_found += 1;
            } else if is_problem(&r, StatusCode::TOO_MANY_REQUESTS) {
                assert!(r.body.contains("try again in 15 minutes"), "{}", r.body);
                limited += 1;
            } else {
                panic!("guess {i}: {} {}", r.status, r.body);
            }
        }
        assert_eq!((not_found, limited), (10, 990));
        // Another port of the same address is the same client; writing is refused too.
        let r = from(
            &h.app,
            "203.0.113.9:40001",
            "POST",
            "/api/v1/channel/messages",
            json!({"codename": codename, "body": "hello"}),
        )
        .await;
        assert!(is_problem(&r, StatusCode::TOO_MANY_REQUESTS), "{}", r.body);

        // A second client is still served: the survivor with the codename, and another's wrong guess.
        let r = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": codename}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = from(
            &h.app,
            "[2001:db8::1]:443",
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": wrong_codename(7)}),
        )
        .await;
        assert!(is_problem(&r, StatusCode::NOT_FOUND), "{}", r.body);
        // The guesses found nothing: the only messages are the survivor's own request.
        assert_eq!(
            r.json()["detail"].as_str().map(|d| d.contains("nothing")),
            Some(true)
        );
        assert_eq!(
            from(
                &h.app,
                SURVIVOR,
                "POST",
                "/api/v1/channel/inbox",
                json!({"codename": codename})
            )
            .await
            .json()["messages"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
    }
}

#[tokio::test]
async fn over_the_global_limit_every_client_is_refused() {
    for h in Harness::both().await {
        let (codename, _) = self_refer(&h, asking(&h)).await;
        let app = h.app.clone().with_guess_limits(GuessLimits {
            global: 5,
            ..GuessLimits::DEFAULT
        });
        for i in 0..5 {
            let peer = format!("192.0.2.{i}:1000");
            let r = from(
                &app,
                &peer,
                "POST",
                "/api/v1/channel/inbox",
                json!({"codename": wrong_codename(i)}),
            )
            .await;
            assert!(is_problem(&r, StatusCode::NOT_FOUND), "{}", r.body);
        }
        let r = from(
            &app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/inbox",
            json!({"codename": codename}),
        )
        .await;
        assert!(is_problem(&r, StatusCode::TOO_MANY_REQUESTS), "{}", r.body);
    }
}

#[tokio::test]
async fn after_erasure_the_codename_finds_nothing_and_the_organisation_reads_nothing() {
    for h in Harness::both().await {
        let mut body = asking(&h);
        body["name"] = json!("Linh");
        body["contact"] = json!("WhatsApp, messages only");
        let (codename, id) = self_refer(&h, body).await;
        let accepted = h.accept(&id).await;
        let case_id = accepted.json()["case_id"]
            .as_str()
            .expect("case")
            .to_owned();
        let erased = from(
            &h.app,
            SURVIVOR,
            "POST",
            "/api/v1/channel/erase",
            json!({"codename": codename}),
        )
        .await;
        assert_eq!(erased.status, StatusCode::OK, "{}", erased.body);
        assert_eq!(erased.json()["erased"], true);

        for path in ["/api/v1/channel/inbox", "/api/v1/channel/erase"] {
            let r = from(
                &h.app,
                SURVIVOR,
                "POST",
                path,
                json!({"codename": codename}),
            )
            .await;
            assert!(is_problem(&r, StatusCode::NOT_FOUND), "{path}: {}", r.body);
        }
        let case = h
            .api(
                "GET",
                &format!("/api/v1/cases/{case_id}"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert_eq!(case.status, StatusCode::OK, "{}", case.body);
        // An erased case carries no personal field at all: null, not a placeholder string.
        assert_eq!(case.json()["erased"], true);
        assert_eq!(case.json()["person"], Value::Null);
        assert_eq!(case.json()["referral"], Value::Null);
        assert!(!case.body.contains(waymark_app::ERASED));
        assert!(!case.body.contains("Linh") && !case.body.contains("WhatsApp"));
        let thread = h
            .api(
                "GET",
                &format!("/api/v1/cases/{case_id}/messages"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert_eq!(thread.json()["messages"], json!([]));
        assert!(!thread.body.contains("passport"));
        let reply = h
            .api(
                "POST",
                &format!("/api/v1/cases/{case_id}/messages"),
                &h.tokens.harbour_worker,
                Some(json!({"body": "Are you there?"})),
            )
            .await;
        assert!(is_problem(&reply, StatusCode::CONFLICT), "{}", reply.body);
        // Still counted.
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        assert_eq!(inbox.json()["referrals"].as_array().map(Vec::len), Some(1));
    }
}

#[test]
fn the_openapi_document_describes_the_channel() {
    let doc = serde_json::to_value(waymark_web::openapi_document()).expect("JSON");
    for (path, method) in [
        ("/self-referrals", "post"),
        ("/channel/inbox", "post"),
        ("/channel/messages", "post"),
        ("/channel/erase", "post"),
        ("/referrals/{id}/messages", "get"),
        ("/referrals/{id}/messages", "post"),
        ("/cases/{id}/messages", "get"),
        ("/cases/{id}/messages", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    let inbox = &doc["paths"]["/channel/inbox"]["post"]["responses"];
    for status in ["200", "404", "429"] {
        assert!(inbox[status].is_object(), "/channel/inbox {status}");
    }
    assert!(
        doc["paths"]["/self-referrals"]["post"]["security"].is_null(),
        "no token"
    );
}

/// `codename_form: "digits"` gives seven groups of four digits that open the channel; anything but
/// `words` or `digits` is a 422 that says so.
#[tokio::test]
async fn the_api_gives_a_codename_of_digits_when_asked() {
    let h = Harness::sqlite().await;
    let mut body = asking(&h);
    body["codename_form"] = json!("digits");
    let (codename, _) = self_refer(&h, body).await;
    let groups: Vec<&str> = codename.split(' ').collect();
    assert_eq!(groups.len(), 7, "{codename}");
    assert!(
        groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()))
    );
    let typed = codename.replace(' ', "-");
    let inbox = from(
        &h.app,
        SURVIVOR,
        "POST",
        "/api/v1/channel/inbox",
        json!({ "codename": typed }),
    )
    .await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);

    let mut body = asking(&h);
    body["codename_form"] = json!("emoji");
    let r = from(&h.app, SURVIVOR, "POST", "/api/v1/self-referrals", body).await;
    assert!(
        is_problem(&r, StatusCode::UNPROCESSABLE_ENTITY),
        "{}",
        r.body
    );
    assert!(r.body.contains("codename_form"), "{}", r.body);
}
