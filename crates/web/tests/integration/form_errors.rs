//! The helper's referral form and the consent form show every problem at once: one error summary whose
//! links lead to each field, the same message next to the field, and everything typed kept.

use crate::support::{Harness, csrf_of};
use axum::http::StatusCode;

#[tokio::test]
async fn an_empty_referral_shows_every_problem_at_once_linked_to_its_field() {
    for h in Harness::both().await {
        let helper = h.login("helper@church.example").await;
        let form = h.get("/referrals/new", Some(&helper)).await;
        assert_eq!(form.status, StatusCode::OK);
        // Limits are said before typing; required fields are marked for assistive technology.
        assert!(form.body.contains("Up to 500 characters"), "{}", form.body);
        assert!(form.body.contains("aria-required=\"true\""));
        assert!(!form.body.contains(" required"), "no browser bubbles");
        let csrf = csrf_of(&form.body);
        let r = h
            .post_form(
                "/referrals",
                &[
                    ("csrf", csrf.as_str()),
                    ("nation", "england_wales"),
                    ("first_contact", "faith_group"),
                    ("language", "Tigrinya"),
                ],
                Some(&helper),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let expected = [
            ("to_organisation", "Choose the support organisation"),
            ("name", "Enter the person&#39;s name"),
            ("contact", "Enter a safe way to contact them"),
            ("age", "Choose the person&#39;s age"),
            (
                "consent_given",
                "An adult can only be referred with their informed consent",
            ),
        ];
        let mut last = 0;
        for (id, message) in expected {
            let link = format!("href=\"#{id}\"");
            let at = r
                .body
                .find(&link)
                .unwrap_or_else(|| panic!("{link}: {}", r.body));
            assert!(at > last, "{id} in form order");
            last = at;
            assert!(
                r.body.matches(message).count() >= 2,
                "{message} in the summary and next to the field: {}",
                r.body
            );
            assert!(r.body.contains(&format!("id=\"{id}-error\"")), "{id}");
        }
        assert!(
            r.body
                .contains("aria-describedby=\"name-hint name-error\" aria-invalid=\"true\"")
        );
        // What was typed is kept, and a field without a problem has no message.
        assert!(r.body.contains("value=\"Tigrinya\""));
        assert!(!r.body.contains("href=\"#language\""));
        assert!(
            !r.body.contains(": enter a value"),
            "no `Field: problem` shape"
        );

        // A limit says what it is and how much was typed.
        let long = "x".repeat(612);
        let r = h
            .post_form(
                "/referrals",
                &[
                    ("csrf", csrf.as_str()),
                    ("nation", "england_wales"),
                    ("contact", long.as_str()),
                ],
                Some(&helper),
            )
            .await;
        assert!(
            r.body
                .contains("The safe contact must be 500 characters or fewer (you typed 612)"),
            "{}",
            r.body
        );
    }
}

#[tokio::test]
async fn an_empty_consent_shows_every_problem_at_once_linked_to_its_field() {
    for h in Harness::both().await {
        let id = h.case().await;
        let cookie = h.login("caseworker@harbour.example").await;
        let page = h.get(&format!("/cases/{id}/sharing"), Some(&cookie)).await;
        let csrf = csrf_of(&page.body);
        let r = h
            .post_form(
                &format!("/cases/{id}/consents"),
                &[("csrf", csrf.as_str()), ("given_on", "2026-02-30")],
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let mut last = 0;
        for id in [
            "scope-identity",
            "recipient",
            "purpose",
            "given_on",
            "method-in_person",
        ] {
            let at = r
                .body
                .find(&format!("href=\"#{id}\""))
                .unwrap_or_else(|| panic!("{id}: {}", r.body));
            assert!(at > last, "{id} in form order");
            last = at;
        }
        for message in [
            "Choose at least one thing that may be shared",
            "Choose the organisation to share with",
            "Enter why it is shared",
            "Choose how consent was given",
        ] {
            assert_eq!(r.body.matches(message).count(), 2, "{message}: {}", r.body);
        }
        assert!(r.body.contains("value=\"2026-02-30\""), "typed date kept");
    }
}
