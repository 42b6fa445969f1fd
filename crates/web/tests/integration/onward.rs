//! Consent records and onward referral through the router, on both backends: the API contract (201, 422,
//! 200, the receiver's inbox, only the consented scopes readable) and the "Consents and onward referrals"
//! page's forms submitted as a browser without JavaScript would.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;
use serde_json::json;

/// The contact the helper gave in the harness's referral: Harbour may not pass it on without `contact`.
const CONTACT: &str = "Via the church office";

fn problem(r: &crate::support::Reply) {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
}

#[tokio::test]
async fn the_api_refers_onward_only_under_a_covering_consent_and_withdrawal_stops_it() {
    for h in Harness::both().await {
        let id = h.case().await;
        let lantern = h.lantern_id().await;
        let worker = h.tokens.harbour_worker.clone();
        let receiver = h.tokens.lantern_worker.clone();
        let onward = format!("/api/v1/cases/{id}/onward-referrals");
        let consents = format!("/api/v1/cases/{id}/consents");

        // No consent: 422, and nothing reaches Lantern.
        for consent_id in ["", "no-such-consent"] {
            let r = h
                .api(
                    "POST",
                    &onward,
                    &worker,
                    Some(json!({"to_organisation": lantern, "consent_id": consent_id})),
                )
                .await;
            problem(&r);
            assert!(r.body.contains("no consent covering"), "{}", r.body);
        }
        // Bad consents: 422 naming what is wrong.
        for bad in [
            json!({"scope": [], "recipient": lantern, "purpose": "Housing"}),
            json!({"scope": ["everything"], "recipient": lantern, "purpose": "Housing"}),
            json!({"scope": ["needs"], "recipient": lantern, "purpose": ""}),
            json!({"scope": ["needs"], "recipient": h.harbour, "purpose": "Housing"}),
            json!({"scope": ["needs"], "recipient": lantern, "purpose": "Housing", "method": "telepathy"}),
            json!({"scope": ["needs"], "recipient": lantern, "purpose": "Housing", "given_on": "2999-01-01"}),
        ] {
            problem(&h.api("POST", &consents, &worker, Some(bad)).await);
        }
        let r = h
            .api(
                "POST",
                &consents,
                &worker,
                Some(json!({"scope": ["identity", "needs"], "recipient": lantern,
                    "purpose": "Mental health support in Glasgow", "method": "interpreter"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let consent = r.json()["id"].as_str().expect("id").to_owned();

        // To one's own organisation: 422 even with a consent.
        problem(
            &h.api(
                "POST",
                &onward,
                &worker,
                Some(json!({"to_organisation": h.harbour, "consent_id": consent})),
            )
            .await,
        );
        let r = h
            .api(
                "POST",
                &onward,
                &worker,
                Some(json!({"to_organisation": lantern, "consent_id": consent})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let sent = r.json();
        assert_eq!(sent["scope"], json!(["identity", "needs"]));
        let rid = sent["id"].as_str().expect("id").to_owned();

        // The receiver finds it in its inbox and reads only what the consent covers.
        let inbox = h
            .api("GET", "/api/v1/referrals", &receiver, None)
            .await
            .json();
        let item = inbox["referrals"]
            .as_array()
            .expect("list")
            .iter()
            .find(|r| r["id"] == rid.as_str())
            .expect("in Lantern's inbox")
            .clone();
        assert_eq!(item["from_organisation"], "Harbour Light (fictional)");
        assert_eq!(item["status"], "sent");
        let r = h
            .api("GET", &format!("/api/v1/referrals/{rid}"), &receiver, None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(!r.body.contains(CONTACT), "{}", r.body);
        let opened = r.json();
        assert_eq!(opened["name"], "Test Person");
        assert_eq!(opened["contact"], "not given");
        assert_eq!(opened["shared_under_consent"], json!(["identity", "needs"]));

        // Withdrawing: 200; the pending referral is withdrawn; no more sharing under it.
        let r = h
            .api(
                "POST",
                &format!("/api/v1/consents/{consent}/withdraw"),
                &worker,
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "withdrawn");
        assert_eq!(r.json()["onward_referrals_withdrawn"], 1);
        let again = h
            .api(
                "POST",
                &format!("/api/v1/consents/{consent}/withdraw"),
                &worker,
                None,
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let r = h
            .api(
                "POST",
                &onward,
                &worker,
                Some(json!({"to_organisation": lantern, "consent_id": consent})),
            )
            .await;
        problem(&r);
        assert!(r.body.contains("withdrawn"), "{}", r.body);
        let inbox = h
            .api("GET", "/api/v1/referrals", &receiver, None)
            .await
            .json();
        assert!(
            inbox["referrals"]
                .as_array()
                .expect("list")
                .iter()
                .any(|r| r["id"] == rid.as_str() && r["status"] == "withdrawn")
        );
        let r = h
            .api(
                "POST",
                &format!("/api/v1/referrals/{rid}/accept"),
                &receiver,
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let r = h
            .api("GET", &format!("/api/v1/referrals/{rid}"), &receiver, None)
            .await;
        assert!(!r.body.contains("Test Person"), "{}", r.body);

        // The person's subject-access export says what they agreed to share, with whom, and where it went.
        let r = h
            .api("GET", &format!("/api/v1/cases/{id}/export"), &worker, None)
            .await;
        assert_eq!(r.status, StatusCode::OK);
        for words in [
            "What you agreed could be shared, and with whom",
            "Identity, Needs",
            "Where your information is",
            "A referral onward: Identity, Needs",
            "Withdrawn; the details in it were erased",
            "Your case record",
        ] {
            assert!(r.body.contains(words), "the export lacks {words:?}");
        }

        // A new consent, accepted by the receiver: its case holds the person, not the contact; the sender
        // is told the answer.
        let consent = h
            .api(
                "POST",
                &consents,
                &worker,
                Some(
                    json!({"scope": ["identity"], "recipient": lantern, "purpose": "Asked again"}),
                ),
            )
            .await
            .json()["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let rid = h
            .api(
                "POST",
                &onward,
                &worker,
                Some(json!({"to_organisation": lantern, "consent_id": consent})),
            )
            .await
            .json()["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let r = h
            .api(
                "POST",
                &format!("/api/v1/referrals/{rid}/accept"),
                &receiver,
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let new_case = r.json()["case_id"].as_str().expect("case").to_owned();
        let r = h
            .api("GET", &format!("/api/v1/cases/{new_case}"), &receiver, None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["person"]["name"], "Test Person");
        assert!(!r.body.contains(CONTACT), "{}", r.body);
        let listed = h.api("GET", &consents, &worker, None).await.json();
        assert_eq!(listed["basis"], "consent");
        assert_eq!(listed["onward_referrals"][0]["status"], "accepted");
        assert_eq!(listed["onward_referrals"][1]["status"], "withdrawn");
        assert_eq!(listed["consents"][1]["status"], "withdrawn");
        assert_eq!(listed["consents"][1]["method"], "interpreter");
    }
}

#[tokio::test]
async fn sending_the_same_onward_referral_again_returns_the_first() {
    for h in Harness::both().await {
        let id = h.case().await;
        let lantern = h.lantern_id().await;
        let worker = h.tokens.harbour_worker.clone();
        let r = h
            .api(
                "POST",
                &format!("/api/v1/cases/{id}/consents"),
                &worker,
                Some(json!({"scope": ["needs"], "recipient": lantern, "purpose": "Support in Glasgow"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let consent = r.json()["id"].as_str().expect("id").to_owned();
        let send = json!({"to_organisation": lantern, "consent_id": consent});
        let onward = format!("/api/v1/cases/{id}/onward-referrals");
        let first = h.api("POST", &onward, &worker, Some(send.clone())).await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
        assert_eq!(first.json()["status"], "sent");
        let rid = first.json()["id"].as_str().expect("id").to_owned();
        for _ in 0..3 {
            let again = h.api("POST", &onward, &worker, Some(send.clone())).await;
            assert_eq!(again.status, StatusCode::OK, "{}", again.body);
            assert_eq!(again.json()["id"], rid.as_str());
            assert_eq!(again.json()["status"], "already_sent");
            assert_eq!(again.json()["scope"], json!(["needs"]));
        }
        // Lantern has the person once; the case lists one onward referral.
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.lantern_worker, None)
            .await
            .json();
        let from_harbour = inbox["referrals"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|r| r["from_organisation"] == "Harbour Light (fictional)")
            .count();
        assert_eq!(from_harbour, 1, "{inbox}");
        let listed = h
            .api(
                "GET",
                &format!("/api/v1/cases/{id}/consents"),
                &worker,
                None,
            )
            .await
            .json();
        assert_eq!(
            listed["onward_referrals"].as_array().map(Vec::len),
            Some(1),
            "{listed}"
        );

        // Once Lantern declines it, the same consent can send it again: a new referral.
        let r = h
            .api(
                "POST",
                &format!("/api/v1/referrals/{rid}/decline"),
                &h.tokens.lantern_worker,
                Some(json!({"reason": "No capacity this month"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let resent = h.api("POST", &onward, &worker, Some(send)).await;
        assert_eq!(resent.status, StatusCode::CREATED, "{}", resent.body);
        assert_ne!(resent.json()["id"], rid.as_str());
    }
}

#[tokio::test]
async fn the_page_records_consent_refers_onward_and_withdraws_without_javascript() {
    for h in Harness::both().await {
        let id = h.case().await;
        let lantern = h.lantern_id().await;
        let cookie = h.login("caseworker@harbour.example").await;
        let page = format!("/cases/{id}/sharing");

        // The case page links to it; with no consent the page says nothing can be sent.
        let r = h.get(&format!("/cases/{id}"), Some(&cookie)).await;
        assert!(r.body.contains(&format!("href=\"{page}\"")), "{}", r.body);
        let r = h.get(&page, Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("No consent covers this organisation"));
        assert!(r.body.contains("id=\"no-covering-consent\""));
        let csrf = csrf_of(&r.body);

        // A consent without a scope: the form comes back with the error and what was typed.
        let r = h
            .post_form(
                &format!("/cases/{id}/consents"),
                &[
                    ("csrf", &csrf),
                    ("recipient", &lantern),
                    ("purpose", "Counselling in Glasgow"),
                    ("method", "phone"),
                ],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("href=\"#scope-identity\""), "{}", r.body);
        assert!(r.body.contains("Counselling in Glasgow"));
        // Without the CSRF token: refused, nothing recorded.
        let r = h
            .post_form(
                &format!("/cases/{id}/consents"),
                &[
                    ("scope", "needs"),
                    ("recipient", &lantern),
                    ("purpose", "X"),
                    ("method", "phone"),
                ],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let r = h
            .post_form(
                &format!("/cases/{id}/consents"),
                &[
                    ("csrf", &csrf),
                    ("scope", "identity"),
                    ("scope", "needs"),
                    ("recipient", &lantern),
                    ("purpose", "Counselling in Glasgow"),
                    ("given_on", "2026-11-28"),
                    ("method", "phone"),
                ],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = h.get(&format!("{page}?done=consent"), Some(&cookie)).await;
        assert!(r.body.contains("The consent was recorded."));
        assert!(r.body.contains("Counselling in Glasgow"));
        // Before sending, the page says what would be shared with whom.
        assert!(r.body.contains("Identity, Needs"), "{}", r.body);
        assert!(!r.body.contains("No consent covers this organisation"));
        let consent = r
            .body
            .split("name=\"consent_id\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a consent to choose")
            .to_owned();

        // Sending with no consent chosen is refused on the page, with the choices kept.
        let r = h
            .post_form(
                &format!("/cases/{id}/onward-referrals"),
                &[("csrf", &csrf), ("to_organisation", &lantern)],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("no consent covering"), "{}", r.body);
        assert!(r.body.contains("href=\"#to_organisation\""));

        let r = h
            .post_form(
                &format!("/cases/{id}/onward-referrals"),
                &[
                    ("csrf", &csrf),
                    ("to_organisation", &lantern),
                    ("consent_id", &consent),
                ],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = h.get(&format!("{page}?done=onward"), Some(&cookie)).await;
        assert!(r.body.contains("Sent, not answered yet"), "{}", r.body);

        // The receiver's referral page says where it came from and what was shared, and no contact.
        let receiver = h.login("caseworker@lantern.example").await;
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.lantern_worker, None)
            .await
            .json();
        let rid = inbox["referrals"][0]["id"].as_str().expect("id").to_owned();
        let r = h.get(&format!("/inbox/{rid}"), Some(&receiver)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains(
                "Onward referral from Harbour Light (fictional), shared under consent: identity, needs"
            ),
            "{}",
            r.body
        );
        assert!(!r.body.contains(CONTACT));
        // The signs were recorded but not shared: not given, not "none recorded".
        assert!(
            r.body.contains("<dt>Signs noticed</dt><dd>Not given</dd>"),
            "{}",
            r.body
        );

        // Withdrawing from the page: the consent and the pending referral are withdrawn.
        let r = h
            .post_form(
                &format!("/cases/{id}/consents/{consent}/withdraw"),
                &[("csrf", &csrf)],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = h
            .get(&format!("{page}?done=withdrawn"), Some(&cookie))
            .await;
        assert!(r.body.contains("The consent was withdrawn."));
        assert!(r.body.contains("Withdrawn (the consent was withdrawn)"));
        assert!(r.body.contains("No consent covers this organisation"));
        let r = h.get("/referrals/sent", Some(&cookie)).await;
        assert!(
            r.body.contains("Withdrawn: the consent was withdrawn"),
            "the sender's list says so: {}",
            r.body
        );
        let r = h.get(&format!("/inbox/{rid}"), Some(&receiver)).await;
        assert!(r.body.contains("consent was withdrawn"), "{}", r.body);
        assert!(!r.body.contains("Accept and open a case"));
        assert!(!r.body.contains("Test Person"));
        let basis = r.body.split("<dt>Basis</dt>").nth(1).unwrap_or_default();
        assert!(
            basis.starts_with("<dd>The person&#39;s consent was withdrawn"),
            "{basis}"
        );
        // The receiver's inbox says it was withdrawn, not declined.
        let r = h.get("/inbox", Some(&receiver)).await;
        assert!(r.body.contains("Withdrawn by the sender"), "{}", r.body);
        assert!(!r.body.contains("Declined"), "{}", r.body);
    }
}
