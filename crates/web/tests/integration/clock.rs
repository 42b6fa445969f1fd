//! The public clock API, `GET /api/v1/jurisdictions/{nation}/clock`, in-process on both backends (it
//! reads no database, but it is served by the same router): the dates of each nation's clocks with no
//! token, 404 for an unknown nation, 422 problem+json for a missing, malformed or out-of-range date or a
//! decision before its referral. The counting itself is tested against hand-worked dates in
//! crates/domain/tests/clock.rs; here each answer is one of those dates.

use crate::support::{Harness, Reply};
use axum::http::StatusCode;
use serde_json::json;

async fn clock(h: &Harness, nation: &str, query: &str) -> Reply {
    h.get(
        &format!("/api/v1/jurisdictions/{nation}/clock?{query}"),
        None,
    )
    .await
}

fn problem(r: &Reply, status: StatusCode) -> String {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    let body = r.json();
    assert_eq!(body["status"], status.as_u16());
    body["detail"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_three_dates_of_a_referral_and_its_decision_with_no_token() {
    for h in Harness::both().await {
        // Referred Fri 22 May 2026, before the spring bank holiday: due Mon 1 Jun. Decided Wed 3 Jun:
        // the 30-day recovery period and the earliest conclusive decision both end on 3 Jul.
        let r = clock(
            &h,
            "england_wales",
            "referred_on=2026-05-22&reasonable_grounds_on=2026-06-03",
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("application/json")
        );
        assert!(r.header("set-cookie").is_none());
        assert_eq!(
            r.json(),
            json!({
                "reasonable_grounds_due": "2026-06-01",
                "recovery_period_ends": "2026-07-03",
                "conclusive_grounds_earliest": "2026-07-03",
            })
        );
    }
}

#[tokio::test]
async fn before_the_decision_only_the_due_date_is_given() {
    for h in Harness::both().await {
        let r = clock(&h, "england_wales", "referred_on=2026-05-22").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json(), json!({"reasonable_grounds_due": "2026-06-01"}));
    }
}

#[tokio::test]
async fn each_nation_counts_its_own_holidays_and_periods() {
    for h in Harness::both().await {
        // Wed 23 Dec 2026: E&W and NI skip Christmas, Boxing Day (taken Mon 28) and New Year's Day,
        // due Mon 4 Jan 2027; Scotland also skips 2 January (taken Mon 4 Jan), due Tue 5 Jan.
        for (nation, due) in [
            ("england_wales", "2027-01-04"),
            ("northern_ireland", "2027-01-04"),
            ("scotland", "2027-01-05"),
        ] {
            let r = clock(&h, nation, "referred_on=2026-12-23").await;
            assert_eq!(r.json()["reasonable_grounds_due"], due, "{nation}");
        }
        // A decision on 1 Jun 2023: 30 days in E&W (1 Jul), 90 in Scotland (30 Aug), 45 in NI (16 Jul).
        for (nation, ends) in [
            ("england_wales", "2023-07-01"),
            ("scotland", "2023-08-30"),
            ("northern_ireland", "2023-07-16"),
        ] {
            let r = clock(
                &h,
                nation,
                "referred_on=2023-05-25&reasonable_grounds_on=2023-06-01",
            )
            .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            assert_eq!(r.json()["recovery_period_ends"], ends, "{nation}");
            assert_eq!(r.json()["conclusive_grounds_earliest"], "2023-07-01");
        }
    }
}

#[tokio::test]
async fn england_and_wales_uses_the_recovery_period_in_force_on_the_decision_day() {
    for h in Harness::both().await {
        // 12 Dec 2022 + 45 days = 26 Jan 2023; from 13 Dec 2022, + 30 days = 12 Jan 2023.
        for (decided, ends) in [("2022-12-12", "2023-01-26"), ("2022-12-13", "2023-01-12")] {
            let r = clock(
                &h,
                "england_wales",
                &format!("referred_on=2022-12-05&reasonable_grounds_on={decided}"),
            )
            .await;
            assert_eq!(r.json()["recovery_period_ends"], ends, "{decided}");
        }
    }
}

#[tokio::test]
async fn an_unknown_nation_is_not_found() {
    for h in Harness::both().await {
        for nation in ["wales", "ENGLAND_WALES", "uk", "%20"] {
            let r = clock(&h, nation, "referred_on=2026-05-22").await;
            problem(&r, StatusCode::NOT_FOUND);
        }
    }
}

#[tokio::test]
async fn a_missing_or_malformed_date_is_refused_with_the_field_named() {
    for h in Harness::both().await {
        let detail = problem(
            &clock(&h, "scotland", "").await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert!(
            detail.contains("Give the day of the referral as referred_on"),
            "{detail}"
        );
        for bad in ["22/05/2026", "2026-5-22", "2026-02-30", "", "tomorrow"] {
            let detail = problem(
                &clock(&h, "scotland", &format!("referred_on={bad}")).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
            assert!(
                detail.contains("The date in referred_on must be written YYYY-MM-DD"),
                "{bad}: {detail}"
            );
        }
        let detail = problem(
            &clock(
                &h,
                "scotland",
                "referred_on=2026-05-22&reasonable_grounds_on=03/06/2026",
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert!(
            detail.contains("The date in reasonable_grounds_on must be written"),
            "{detail}"
        );
    }
}

#[tokio::test]
async fn a_decision_before_the_referral_is_refused() {
    for h in Harness::both().await {
        let detail = problem(
            &clock(
                &h,
                "northern_ireland",
                "referred_on=2026-05-22&reasonable_grounds_on=2026-05-21",
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert!(
            detail.contains("cannot come before the referral"),
            "{detail}"
        );
    }
}

#[tokio::test]
async fn dates_beyond_the_recorded_bank_holidays_are_refused_not_guessed() {
    for h in Harness::both().await {
        for query in [
            "referred_on=2019-12-31",
            "referred_on=2031-01-02",
            // Mon 23 Dec 2030: the fifth working day would fall in 2031, whose holidays are not recorded.
            "referred_on=2030-12-23",
            "referred_on=2030-12-02&reasonable_grounds_on=2031-01-06",
        ] {
            let detail = problem(
                &clock(&h, "england_wales", query).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
            assert!(
                detail.contains("outside the dates with bank holidays for England and Wales"),
                "{query}: {detail}"
            );
        }
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_public_clock() {
    for h in Harness::both().await {
        let doc = h.get("/api/v1/openapi.json", None).await.json();
        let op = &doc["paths"]["/jurisdictions/{nation}/clock"]["get"];
        assert!(op.is_object(), "no clock path");
        assert!(op.get("security").is_none(), "the clock needs no token");
        let params: Vec<(String, bool)> = op["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap_or_default().to_owned(),
                    p["required"].as_bool().unwrap_or(false),
                )
            })
            .collect();
        assert_eq!(
            params,
            [
                ("nation".to_owned(), true),
                ("referred_on".to_owned(), true),
                ("reasonable_grounds_on".to_owned(), false)
            ]
        );
        for status in ["200", "404", "422"] {
            assert!(op["responses"][status].is_object(), "{status}");
        }
    }
}
