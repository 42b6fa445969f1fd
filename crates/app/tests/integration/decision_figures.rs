//! A decision body's performance figures, as its decision makers would read them after a few weeks of
//! referrals and decisions made on known days (the app's clock is moved to them), across Easter 2029's
//! bank holidays in England and Wales — and nobody else reads them. Every test runs on a fresh SQLite file
//! and on a fresh PostgreSQL schema.

use crate::fixture::*;
use time::macros::date;
use time::{Date, Duration};
use waymark_app::{Account, AppError, NewConsent, NewHistory};
use waymark_domain::ExploitationType::{self, Labour, Sexual};
use waymark_domain::case_record::ExploitationPlace;
use waymark_domain::consent::ConsentMethod;
use waymark_domain::decision_figures::{Age, Times};
use waymark_domain::disclosure::Cell;
use waymark_domain::formal::{FormalStatus, Outcome};
use waymark_domain::ids::FormalReferralId;
use waymark_domain::{Nation, OrgId, OrganisationKind, Role};
use waymark_store::testing::TestDatabase;

/// Moves the app's clock forward to `day` (same time of day).
fn on(w: &World, day: Date) {
    let today = w.app.clock().now().date();
    assert!(
        day >= today,
        "the clock only moves forward: {today} → {day}"
    );
    w.app
        .clock()
        .advance(Duration::days((day - today).whole_days()));
}

/// A consenting adult's case with one episode of each of `kinds`, referred formally to `to` today.
async fn referred(w: &World, to: &OrgId, kinds: &[ExploitationType]) -> FormalReferralId {
    let app = &w.app;
    let referral = app
        .submit_referral(&w.helper, &w.org_a, amina())
        .await
        .expect("sent");
    let case = app
        .accept_referral(&w.a_caseworker, &referral)
        .await
        .expect("accepted");
    for kind in kinds {
        app.add_history(
            &w.a_caseworker,
            &case,
            NewHistory {
                kind: *kind,
                place: ExploitationPlace::Uk,
                from: "2025-01-01".into(),
                to: "2025-12-31".into(),
                note: "Fictional".into(),
            },
        )
        .await
        .expect("history");
    }
    let consent = app
        .record_consent(
            &w.a_caseworker,
            &case,
            NewConsent {
                scopes: vec!["identity".into(), "history".into()],
                recipient: to.to_string(),
                purpose: "A decision on whether she is a survivor".into(),
                given_on: None,
                method: ConsentMethod::Interpreter,
            },
        )
        .await
        .expect("consent");
    app.refer_formally(&w.a_caseworker, &case, to.as_str(), Some(consent.as_str()))
        .await
        .expect("referred")
}

async fn decide(w: &World, who: &Account, id: &FormalReferralId, outcome: Outcome) {
    w.app
        .decide_reasonable_grounds(who, id.as_str(), outcome, "Fictional reasons")
        .await
        .expect("decided");
}

#[tokio::test]
async fn decision_makers_see_their_bodys_times_backlog_and_outcomes_across_easter() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let app = &w.app;

        // Mon 19 March 2029: one labour referral (due Mon 26 March).
        on(&w, date!(2029 - 03 - 19));
        let late = referred(&w, &b.org, &[Labour]).await;
        // Thu 29 March, before Good Friday: four more labour referrals and one of sexual exploitation (due
        // Mon 9 April: Good Friday and Easter Monday are not working days). Another body gets one too.
        on(&w, date!(2029 - 03 - 29));
        let mut quick = Vec::new();
        for _ in 0..4 {
            quick.push(referred(&w, &b.org, &[Labour]).await);
        }
        let sexual = referred(&w, &b.org, &[Sexual]).await;
        let elsewhere = referred(&w, &b.other, &[Labour]).await;

        // Tue 3 April, the first working day after Easter: the four quick ones (1 working day) and the late
        // one (9 working days: 20–23, 26–29 March and 3 April) are decided positive.
        on(&w, date!(2029 - 04 - 03));
        for id in &quick {
            decide(&w, &b.maker, id, Outcome::Positive).await;
        }
        decide(&w, &b.maker, &late, Outcome::Positive).await;
        decide(&w, &b.other_body_maker, &elsewhere, Outcome::Positive).await;
        // Wed 4 April: a negative on the sexual-exploitation referral (2 working days), confirmed by a
        // second decision maker; and a referral with no history recorded, left waiting (due Wed 11 April).
        on(&w, date!(2029 - 04 - 04));
        decide(&w, &b.maker, &sexual, Outcome::Negative).await;
        app.review_negative(&b.second, sexual.as_str(), true)
            .await
            .expect("confirmed");
        referred(&w, &b.org, &[]).await;
        // Thu 3 May, the earliest conclusive date of the 3 April decisions (30 days): one positive.
        on(&w, date!(2029 - 05 - 03));
        app.decide_conclusive(&b.maker, quick[0].as_str(), Outcome::Positive, "Fictional")
            .await
            .expect("conclusive");

        let f = app.decision_figures(&b.maker).await.expect("figures");
        assert_eq!(f.today, date!(2029 - 05 - 03));
        // Reasonable grounds in working days: 1, 1, 1, 1, 2, 9. Median (nearest rank ⌈3⌉ = 3) 1; p90 (rank
        // ⌈5.4⌉ = 6) 9. Five of six by their due day: 83%.
        assert_eq!(
            f.reasonable_grounds,
            Times {
                decided: 6,
                median: Some(1),
                p90: Some(9)
            }
        );
        assert_eq!(f.within_target, 5);
        assert_eq!(f.within_target_percent, Some(83));
        assert!(f.targets.contains(&(Nation::EnglandWales, 5)));
        // Conclusive: one, 30 calendar days after its reasonable-grounds decision.
        assert_eq!(
            f.conclusive,
            Times {
                decided: 1,
                median: Some(30),
                p90: Some(30)
            }
        );
        // Backlog on 3 May: the waiting referral is 29 days old and overdue; the late one and three quick
        // ones are in the recovery period (45 and 35 days old).
        let line = |s: FormalStatus| {
            f.backlog
                .lines
                .iter()
                .find(|l| l.status == s)
                .expect("line")
                .clone()
        };
        let at = |a: Age| Age::ALL.iter().position(|x| *x == a).expect("age");
        let awaiting = line(FormalStatus::AwaitingReasonableGrounds);
        assert_eq!((awaiting.total, awaiting.overdue), (1, 1));
        assert_eq!(awaiting.by_age[at(Age::To30Days)], 1);
        let recovery = line(FormalStatus::RecoveryPeriod);
        assert_eq!(recovery.total, 4);
        assert_eq!(recovery.by_age[at(Age::To90Days)], 4);
        assert_eq!((f.backlog.total, f.backlog.overdue), (5, 1));
        // Outcomes by type: five labour positives are shown; the one sexual negative is hidden, and so is
        // the smallest other cell of its column; the one conclusive positive is hidden too.
        let o = |t: Option<ExploitationType>| {
            f.outcomes
                .iter()
                .find(|l| l.exploitation_type == t)
                .expect("line")
                .clone()
        };
        assert_eq!(o(Some(Labour)).rg_positive, Cell::Shown(5));
        assert_eq!(o(Some(Sexual)).rg_positive, Cell::Shown(0));
        assert_eq!(o(Some(Sexual)).rg_negative, Cell::Hidden);
        assert_eq!(
            f.outcomes
                .iter()
                .filter(|l| l.rg_negative == Cell::Hidden)
                .count(),
            2
        );
        assert_eq!(o(Some(Labour)).cg_positive, Cell::Hidden);
        assert_eq!(o(None).rg_positive, Cell::Shown(0));

        // The other body sees only its own referral.
        let other = app
            .decision_figures(&b.other_body_maker)
            .await
            .expect("their figures");
        assert_eq!(other.reasonable_grounds.decided, 1);
        assert_eq!(other.backlog.total, 1);
        // Reading the figures is audited, with the body's id.
        assert_eq!(
            trail(&db, b.org.as_str())
                .into_iter()
                .filter(|(a, _)| a == "formal_referral.figures")
                .collect::<Vec<_>>(),
            by(&[("formal_referral.figures", &b.maker.user_id)])
        );
    }
}

#[tokio::test]
async fn nobody_but_the_bodys_decision_makers_reads_its_figures() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        referred(&w, &b.org, &[Labour]).await;
        let outsiders = [
            ("the referring caseworker", &w.a_caseworker),
            ("the referring manager", &w.a_manager),
            ("the referring administrator", &w.a_admin),
            ("another organisation's manager", &w.b_manager),
            ("a helper", &w.helper),
            ("the body's own administrator", &b.admin),
        ];
        for (who, actor) in outsiders {
            assert!(
                matches!(w.app.decision_figures(actor).await, Err(AppError::NotFound)),
                "{who}"
            );
        }
        let coordinator = organisation(
            &w.app,
            "Regional Coordinator (fictional)",
            OrganisationKind::Coordinator,
            Nation::EnglandWales,
            "Leeds",
            &[],
        )
        .await;
        let c = account(&w.app, &coordinator, "manager@coord.example", Role::Manager).await;
        assert!(matches!(
            w.app.decision_figures(&c).await,
            Err(AppError::NotFound)
        ));
        // A refusal reads nothing and so audits nothing.
        assert!(
            trail(&db, b.org.as_str())
                .iter()
                .all(|(a, _)| a != "formal_referral.figures")
        );
        // The second decision maker is one of them.
        let f = w.app.decision_figures(&b.second).await.expect("figures");
        assert_eq!(f.backlog.total, 1);
    }
}
