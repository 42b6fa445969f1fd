//! The application has one clock: moving it (as tests and `waymark demo --clock-control` do) moves
//! every expiry and every time a record or audit entry carries, not only the statutory dates.

use time::Duration;
use waymark_app::AppError;
use waymark_domain::Role;
use waymark_store::testing::TestDatabase;

use crate::cases::case_for;
use crate::fixture::{account, entries, world};

#[tokio::test]
async fn moving_the_clock_ends_a_broken_glass_and_dates_the_audit_entries() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        let case = case_for(&w, "Clock Person").await;
        let reason = "Duty cover: the person rang in distress and Sam is on leave";
        let until = app
            .break_glass(&other, &case, reason)
            .await
            .expect("glass broken");
        assert!(
            app.case(&other, &case).await.is_ok(),
            "{on:?}: opens within the hour"
        );

        app.clock().advance(Duration::minutes(61));
        let r = app.case(&other, &case).await;
        assert!(
            matches!(r, Err(AppError::NotFound)),
            "{on:?}: an hour later on the application's clock the access has ended: {r:?}"
        );
        assert!(app.cases(&other).await.expect("cases").is_empty(), "{on:?}");

        // What is written after the move carries the moved time, audit entries included.
        app.case(&w.a_caseworker, &case)
            .await
            .expect("the assigned caseworker reads it");
        let last = entries(&db, case.as_str())
            .into_iter()
            .filter(|e| e.action == "case.read")
            .max_by_key(|e| e.seq)
            .expect("a read entry");
        assert!(
            last.at > until,
            "{on:?}: the audit entry is dated by the moved clock ({} after {until})",
            last.at
        );
    }
}
