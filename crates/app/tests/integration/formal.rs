//! Formal referral to an independent decision body and the body's decisions, as the people using Waymark
//! would notice them — including the wall around the decision body's copy. Every test runs on a fresh
//! SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use time::Duration;
use waymark_app::{AppError, NewConsent};
use waymark_domain::case_record::{NeedUrgency, PersonDraft};
use waymark_domain::clock::calendar;
use waymark_domain::consent::ConsentMethod;
use waymark_domain::erasure::Trigger;
use waymark_domain::formal::{Closure, FormalStatus, Outcome};
use waymark_domain::ids::{ConsentId, FormalReferralId};
use waymark_domain::referral::ReferralDraft;
use waymark_domain::{AgeBand, CaseId, Nation, Need, OrgId};
use waymark_store::testing::TestDatabase;

/// A contact detail and a needs note that must never reach the decision body.
const CANARY: &str = "CANARY-5150 side door of the laundrette";
const NEEDS_CANARY: &str = "NEEDS-CANARY a room away from Leeds";

async fn case_of(w: &World, draft: ReferralDraft) -> CaseId {
    let app = &w.app;
    let case = w.accepted_case(draft).await;
    app.update_person(
        &w.a_caseworker,
        &case,
        PersonDraft {
            name: "Selam Tesfaye".into(),
            aliases: "Sally".into(),
            date_of_birth: "1990-04-02".into(),
            nationality: "Eritrean".into(),
            languages: "Tigrinya".into(),
            safe_contact: CANARY.into(),
            never_write_to: CANARY.into(),
            ..PersonDraft::default()
        },
    )
    .await
    .expect("person");
    app.record_needs(
        &w.a_caseworker,
        &case,
        vec![(Need::SafeHousing, NeedUrgency::High)],
        NEEDS_CANARY.into(),
    )
    .await
    .expect("needs");
    app.add_history(&w.a_caseworker, &case, labour_history())
        .await
        .expect("history");
    case
}

async fn consent(w: &World, case: &CaseId, to: &OrgId, scopes: &[&str]) -> ConsentId {
    w.app
        .record_consent(
            &w.a_caseworker,
            case,
            NewConsent {
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                recipient: to.to_string(),
                purpose: "A decision on whether she is a survivor".into(),
                given_on: None,
                method: ConsentMethod::Interpreter,
            },
        )
        .await
        .expect("consent recorded")
}

async fn referred(w: &World, b: &Panel) -> (CaseId, FormalReferralId) {
    let case = case_of(w, adult("Selam Tesfaye", CANARY, "Tigrinya")).await;
    let c = consent(
        w,
        &case,
        &b.org,
        &["identity", "history", "contact", "needs"],
    )
    .await;
    let id = w
        .app
        .refer_formally(&w.a_caseworker, &case, b.org.as_str(), Some(c.as_str()))
        .await
        .expect("referred");
    (case, id)
}

fn invalid_saying<T: std::fmt::Debug>(r: Result<T, AppError>, words: &str) {
    match r {
        Err(AppError::Invalid(m)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
        other => panic!("expected a refusal saying {words:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn an_adult_is_referred_under_a_covering_consent_and_the_body_gets_only_the_fields_shown() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;

        let v = app
            .formal_referral(&b.maker, id.as_str())
            .await
            .expect("the decision maker reads it");
        assert_eq!(v.name.as_deref(), Some("Selam Tesfaye"));
        assert_eq!(v.other_names, vec!["Sally".to_owned()]);
        assert_eq!(v.nationality.as_deref(), Some("Eritrean"));
        assert_eq!(v.history.len(), 1);
        assert_eq!(
            v.history[0].note.as_deref(),
            Some("Car wash, passport kept by the boss")
        );
        // Contact and needs were in the consent, but they are not among the fields a formal referral sends.
        let mut everything = [&v.name, &v.date_of_birth, &v.nationality, &v.languages]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("\n");
        everything += &v.other_names.join("\n");
        for h in &v.history {
            everything += &format!("{} {:?} {:?} {:?}", h.place, h.from, h.to, h.note);
        }
        assert!(everything.contains("Eritrean"), "{everything}");
        assert!(!format!("{v:?}").contains("Selam"), "Debug is redacted");
        assert!(!everything.contains("CANARY"), "{everything}");
        assert!(!v.child);
        let today = app.clock().now().date();
        let due = calendar(Nation::EnglandWales)
            .reasonable_grounds_due(today)
            .expect("due");
        assert_eq!(v.status.reasonable_grounds_due, due);
        assert_eq!(v.status.status, FormalStatus::AwaitingReasonableGrounds);
        assert!(!v.reasonable_grounds_threshold.is_empty());

        // The referrer sees where it stands and when it is due, on the case.
        let seen = app
            .case_formal_referrals(&w.a_caseworker, &case)
            .await
            .expect("status");
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].reasonable_grounds_due, due);
        assert_eq!(
            seen[0].decision_body,
            "Independent Decision Panel (fictional)"
        );
        // In the queue.
        let q = app.decision_queue(&b.maker).await.expect("queue");
        assert_eq!(
            q.iter().map(|i| &i.id).collect::<Vec<_>>(),
            vec![&id],
            "{:?}",
            w.backend
        );
        let trail = trail(&db, id.as_str());
        assert_eq!(
            trail,
            by(&[
                ("formal_referral.create", &w.a_caseworker.user_id),
                ("formal_referral.view", &b.maker.user_id),
            ])
        );
        // Referred once is enough while it is open.
        let again = consent(&w, &case, &b.org, &["identity", "history"]).await;
        invalid_saying(
            app.refer_formally(&w.a_caseworker, &case, b.org.as_str(), Some(again.as_str()))
                .await,
            "already referred",
        );
    }
}

#[tokio::test]
async fn an_adult_without_a_covering_consent_is_refused_and_only_a_first_responder_refers() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let app = &w.app;
        let case = case_of(&w, adult("Selam Tesfaye", CANARY, "Tigrinya")).await;
        let cw = &w.a_caseworker;
        let to = b.org.as_str();

        invalid_saying(app.refer_formally(cw, &case, to, None).await, "consent");
        invalid_saying(
            app.refer_formally(cw, &case, to, Some("not-a-consent"))
                .await,
            "consent",
        );
        let for_b = consent(&w, &case, &w.org_b, &["identity", "history"]).await;
        invalid_saying(
            app.refer_formally(cw, &case, to, Some(for_b.as_str()))
                .await,
            "another organisation",
        );
        let narrow = consent(&w, &case, &b.org, &["identity"]).await;
        invalid_saying(
            app.refer_formally(cw, &case, to, Some(narrow.as_str()))
                .await,
            "identity and exploitation history",
        );
        let full = consent(&w, &case, &b.org, &["identity", "history"]).await;
        app.withdraw_consent(cw, &full).await.expect("withdrawn");
        invalid_saying(
            app.refer_formally(cw, &case, to, Some(full.as_str())).await,
            "withdrawn",
        );
        let good = consent(&w, &case, &b.org, &["identity", "history"]).await;
        // Only to a decision body.
        invalid_saying(
            app.refer_formally(cw, &case, w.org_b.as_str(), Some(good.as_str()))
                .await,
            "decision body",
        );
        // Outsiders are told nothing exists.
        for outsider in [
            &w.b_caseworker,
            &w.b_manager,
            &w.a_admin,
            &w.helper,
            &b.maker,
        ] {
            let r = app
                .refer_formally(outsider, &case, to, Some(good.as_str()))
                .await;
            assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        }
        // An organisation that is not (or no longer) a first responder may not.
        app.set_first_responder(&w.org_a, false)
            .await
            .expect("withdrawn");
        let r = app.refer_formally(cw, &case, to, Some(good.as_str())).await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{r:?}");
        app.set_first_responder(&w.org_a, true)
            .await
            .expect("designated");
        app.refer_formally(&w.a_manager, &case, to, Some(good.as_str()))
            .await
            .expect("a manager refers");
    }
}

#[tokio::test]
async fn a_child_is_referred_without_consent() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let child = ReferralDraft {
            age: AgeBand::Under18,
            children_services_notified: Some("Leeds children's services".into()),
            ..adult("Dawit", CANARY, "Tigrinya")
        };
        let case = case_of(&w, child).await;
        let id = w
            .app
            .refer_formally(&w.a_caseworker, &case, b.org.as_str(), None)
            .await
            .expect("a child is referred");
        let v = w
            .app
            .formal_referral(&b.maker, id.as_str())
            .await
            .expect("read");
        assert!(v.child);
        assert_eq!(v.name.as_deref(), Some("Selam Tesfaye"));
    }
}

#[tokio::test]
async fn a_positive_decision_starts_the_recovery_period_and_the_conclusive_waits_for_its_date() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();

        invalid_saying(
            app.decide_reasonable_grounds(&b.maker, rid, Outcome::Positive, "  ")
                .await,
            "reasons",
        );
        let today = app.clock().now().date();
        let s = app
            .decide_reasonable_grounds(&b.maker, rid, Outcome::Positive, "Credible account")
            .await
            .expect("decided");
        let cal = calendar(Nation::EnglandWales);
        assert_eq!(s.status, FormalStatus::RecoveryPeriod);
        assert_eq!(
            s.recovery_period_ends,
            Some(cal.recovery_period_ends(today).expect("ends"))
        );
        let earliest = cal.conclusive_grounds_earliest(today).expect("earliest");
        assert_eq!(s.conclusive_earliest, Some(earliest));

        invalid_saying(
            app.decide_conclusive(&b.maker, rid, Outcome::Positive, "Consistent")
                .await,
            "cannot be made before",
        );
        // Once the earliest date has come.
        app.clock()
            .advance(Duration::days((earliest - today).whole_days()));
        let s = app
            .decide_conclusive(&b.second, rid, Outcome::Positive, "Consistent")
            .await
            .expect("conclusive");
        assert_eq!(s.status, FormalStatus::ConclusivePositive);

        let seen = app
            .case_formal_referrals(&w.a_caseworker, &case)
            .await
            .expect("status");
        assert_eq!(seen[0].status, FormalStatus::ConclusivePositive);
        assert_eq!(seen[0].reasonable_grounds, Some(Outcome::Positive));
        assert_eq!(seen[0].recovery_period_ends, s.recovery_period_ends);
        let v = app.formal_referral(&b.maker, rid).await.expect("read");
        assert_eq!(
            v.reasonable_grounds_reasons.as_deref(),
            Some("Credible account")
        );
        assert_eq!(v.conclusive_reasons.as_deref(), Some("Consistent"));
        let actions: Vec<String> = trail(&db, rid).into_iter().map(|(a, _)| a).collect();
        assert!(
            actions.contains(&"formal_referral.reasonable_grounds.positive".to_owned())
                && actions.contains(&"formal_referral.conclusive.positive".to_owned()),
            "{actions:?}"
        );
        // Nothing more after a final decision.
        invalid_saying(
            app.close_formal_referral(&b.maker, rid, Closure::Missing)
                .await,
            "already closed",
        );
    }
}

#[tokio::test]
async fn a_negative_takes_effect_only_when_a_second_decision_maker_agrees() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();
        let s = app
            .decide_reasonable_grounds(&b.maker, rid, Outcome::Negative, "No indicators")
            .await
            .expect("proposed");
        assert_eq!(s.status, FormalStatus::NegativeAwaitingReview);
        // Not yet a decision for the referrer.
        let seen = app
            .case_formal_referrals(&w.a_caseworker, &case)
            .await
            .expect("status");
        assert_eq!(seen[0].reasonable_grounds, None);
        invalid_saying(
            app.review_negative(&b.maker, rid, true).await,
            "different decision maker",
        );
        // Disagreeing sends it back; a new negative and another reviewer's agreement settle it.
        let s = app
            .review_negative(&b.second, rid, false)
            .await
            .expect("back");
        assert_eq!(s.status, FormalStatus::AwaitingReasonableGrounds);
        app.decide_reasonable_grounds(&b.maker, rid, Outcome::Negative, "Still none")
            .await
            .expect("proposed again");
        let s = app
            .review_negative(&b.second, rid, true)
            .await
            .expect("agreed");
        assert_eq!(s.status, FormalStatus::ReasonableGroundsNegative);
        assert_eq!(s.reasonable_grounds, Some(Outcome::Negative));
        let actions: Vec<String> = trail(&db, rid).into_iter().map(|(a, _)| a).collect();
        assert!(
            actions.ends_with(&[
                "formal_referral.reasonable_grounds.negative_proposed".to_owned(),
                "formal_referral.reasonable_grounds.negative_confirmed".to_owned(),
            ]),
            "{actions:?}"
        );
    }
}

#[tokio::test]
async fn withdrawal_left_the_uk_and_missing_are_recorded() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        for closure in Closure::ALL {
            let (case, id) = referred(&w, &b).await;
            let s = w
                .app
                .close_formal_referral(&b.maker, id.as_str(), *closure)
                .await
                .expect("closed");
            assert_eq!(s.status, FormalStatus::from(*closure));
            let seen = w
                .app
                .case_formal_referrals(&w.a_caseworker, &case)
                .await
                .expect("status");
            assert_eq!(seen[0].status, FormalStatus::from(*closure));
        }
    }
}

/// The wall: nobody outside the decision body's decision makers reads its copy, sees its queue or
/// decides — not the referring organisation's staff, not an administrator of either, not another body.
#[tokio::test]
async fn the_decision_bodys_copy_is_readable_only_by_its_decision_makers() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (_case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();
        let outsiders = [
            &w.a_caseworker,
            &w.a_manager,
            &w.a_admin,
            &w.b_manager,
            &w.helper,
            &b.admin,
            &b.other_body_maker,
        ];
        for o in outsiders {
            let who = format!("{} {:?}", o.role, w.backend);
            assert!(
                matches!(app.formal_referral(o, rid).await, Err(AppError::NotFound)),
                "{who}"
            );
            assert!(
                matches!(app.decision_queue(o).await, Err(AppError::NotFound))
                    || app.decision_queue(o).await.is_ok_and(|q| q.is_empty()),
                "{who}"
            );
            for r in [
                app.decide_reasonable_grounds(o, rid, Outcome::Positive, "x")
                    .await
                    .err(),
                app.review_negative(o, rid, true).await.err(),
                app.decide_conclusive(o, rid, Outcome::Positive, "x")
                    .await
                    .err(),
                app.close_formal_referral(o, rid, Closure::Withdrawn)
                    .await
                    .err(),
            ] {
                assert!(matches!(r, Some(AppError::NotFound)), "{who}: {r:?}");
            }
        }
        // The other body's decision maker has a queue, and it is empty.
        assert!(
            app.decision_queue(&b.other_body_maker)
                .await
                .expect("its own queue")
                .is_empty()
        );
        // Nothing was decided by any of them.
        assert_eq!(
            app.formal_referral(&b.maker, rid)
                .await
                .expect("read")
                .status
                .status,
            FormalStatus::AwaitingReasonableGrounds
        );
    }
}

#[tokio::test]
async fn the_body_asks_the_referrer_for_more_information_with_a_reply_date_and_the_referrer_answers()
 {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();
        let today = app.clock().now().date();

        invalid_saying(
            app.request_information(&b.maker, rid, " ", None).await,
            "question",
        );
        invalid_saying(
            app.request_information(&b.maker, rid, "When?", Some(today))
                .await,
            "after today",
        );
        let s = app
            .request_information(&b.maker, rid, "QUESTION-7781 Who kept the passport?", None)
            .await
            .expect("asked");
        let default = calendar(Nation::EnglandWales)
            .working_days_after(today, 10)
            .expect("tenth working day");
        assert_eq!(s.requests.len(), 1);
        assert_eq!(s.requests[0].reply_by, Some(default));
        assert!(!s.requests[0].overdue);
        let queue = app.decision_queue(&b.maker).await.expect("queue");
        assert!(queue[0].waiting_for_referrer);

        // The referrer reads the question on the case; no one outside the case or the body can ask or
        // answer.
        let seen = app
            .case_formal_referrals(&w.a_caseworker, &case)
            .await
            .expect("status");
        let asked = &seen[0].requests[0];
        assert_eq!(
            asked.text.as_deref(),
            Some("QUESTION-7781 Who kept the passport?")
        );
        assert!(
            !format!("{asked:?}").contains("QUESTION-7781"),
            "Debug is redacted"
        );
        for outsider in [&w.a_caseworker, &b.admin, &b.other_body_maker, &w.b_manager] {
            assert!(matches!(
                app.request_information(outsider, rid, "More?", None).await,
                Err(AppError::NotFound)
            ));
        }
        let request = asked.id.to_string();
        for outsider in [&w.b_caseworker, &b.maker, &w.helper] {
            assert!(
                app.answer_information_request(outsider, &case, rid, &request, "x")
                    .await
                    .is_err()
            );
        }
        // Past the reply date without an answer: overdue for both sides.
        app.clock()
            .advance(Duration::days((default - today).whole_days() + 1));
        let v = app.formal_referral(&b.maker, rid).await.expect("read");
        assert!(v.status.requests[0].overdue);

        invalid_saying(
            app.answer_information_request(&w.a_caseworker, &case, rid, &request, "  ")
                .await,
            "answer",
        );
        let s = app
            .answer_information_request(
                &w.a_caseworker,
                &case,
                rid,
                &request,
                "ANSWER-7782 The car wash owner",
            )
            .await
            .expect("answered");
        assert!(!s.requests[0].overdue);
        assert!(s.requests[0].replied_on.is_some());
        invalid_saying(
            app.answer_information_request(&w.a_caseworker, &case, rid, &request, "again")
                .await,
            "already answered",
        );
        let v = app.formal_referral(&b.maker, rid).await.expect("read");
        assert_eq!(
            v.status.requests[0].reply.as_deref(),
            Some("ANSWER-7782 The car wash owner")
        );
        assert!(!app.decision_queue(&b.maker).await.expect("queue")[0].waiting_for_referrer);
        for secret in ["QUESTION-7781", "ANSWER-7782"] {
            assert!(db.find_plaintext(secret).is_empty(), "{secret} is sealed");
        }
        let actions: Vec<String> = trail(&db, rid).into_iter().map(|(a, _)| a).collect();
        assert!(
            actions.contains(&"formal_referral.information_requested".to_owned())
                && actions.contains(&"formal_referral.information_answered".to_owned()),
            "{actions:?}"
        );
    }
}

#[tokio::test]
async fn only_the_referrer_asks_for_a_negative_decision_to_be_reconsidered_with_reasons() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();

        // Nothing to reconsider while waiting, or while a negative waits for its second reviewer.
        invalid_saying(
            app.ask_reconsideration(&w.a_caseworker, &case, rid, "Please")
                .await,
            "only a negative decision",
        );
        app.decide_reasonable_grounds(&b.maker, rid, Outcome::Negative, "No indicators")
            .await
            .expect("proposed");
        invalid_saying(
            app.ask_reconsideration(&w.a_caseworker, &case, rid, "Please")
                .await,
            "only a negative decision",
        );
        app.review_negative(&b.second, rid, true)
            .await
            .expect("confirmed");

        invalid_saying(
            app.ask_reconsideration(&w.a_caseworker, &case, rid, " ")
                .await,
            "reasons",
        );
        // The decision body cannot ask itself, nor can another organisation.
        assert!(matches!(
            app.ask_reconsideration(&b.maker, &case, rid, "Please")
                .await,
            Err(AppError::NotFound)
        ));
        assert!(
            app.ask_reconsideration(&w.b_manager, &case, rid, "Please")
                .await
                .is_err()
        );
        let s = app
            .ask_reconsideration(
                &w.a_caseworker,
                &case,
                rid,
                "RECONSIDER-4410 New evidence: payslips from the car wash",
            )
            .await
            .expect("asked");
        assert_eq!(s.status, FormalStatus::ReasonableGroundsReconsideration);

        // The body reads the reasons and decides again; a positive starts the recovery period.
        let v = app.formal_referral(&b.maker, rid).await.expect("read");
        let asked = &v.status.requests[0];
        assert_eq!(
            asked.text.as_deref(),
            Some("RECONSIDER-4410 New evidence: payslips from the car wash")
        );
        let s = app
            .decide_reasonable_grounds(&b.second, rid, Outcome::Positive, "Payslips")
            .await
            .expect("decided again");
        assert_eq!(s.status, FormalStatus::RecoveryPeriod);
        assert!(s.recovery_period_ends.is_some());
        assert!(db.find_plaintext("RECONSIDER-4410").is_empty());
        let actions: Vec<String> = trail(&db, rid).into_iter().map(|(a, _)| a).collect();
        assert!(
            actions.contains(&"formal_referral.reconsideration_requested".to_owned()),
            "{actions:?}"
        );

        // A negative conclusive decision can be reconsidered too.
        let today = app.clock().now().date();
        let earliest = s.conclusive_earliest.expect("earliest");
        app.clock()
            .advance(Duration::days((earliest - today).whole_days()));
        app.decide_conclusive(&b.maker, rid, Outcome::Negative, "Inconsistent")
            .await
            .expect("conclusive");
        let s = app
            .ask_reconsideration(&w.a_caseworker, &case, rid, "The interpreter was wrong")
            .await
            .expect("asked");
        assert_eq!(s.status, FormalStatus::ConclusiveReconsideration);
        let s = app
            .decide_conclusive(&b.second, rid, Outcome::Positive, "Fresh interview")
            .await
            .expect("decided again");
        assert_eq!(s.status, FormalStatus::ConclusivePositive);
    }
}

#[tokio::test]
async fn erasing_the_case_erases_the_decision_bodys_copy_too() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, id) = referred(&w, &b).await;
        let app = &w.app;
        let rid = id.as_str();
        app.request_information(&b.maker, rid, "Who kept the passport?", None)
            .await
            .expect("asked");
        app.erase_case(&w.a_manager, &case).await.expect("erased");

        // The status and dates stay for the body's figures; the person and the texts are gone, and
        // the body is told why.
        let v = app
            .formal_referral(&b.maker, rid)
            .await
            .expect("the facts of its decisions remain");
        assert_eq!(v.status.erased, Some(Trigger::Manager));
        assert!(v.name.is_none() && v.other_names.is_empty() && v.history.is_empty());
        assert!(v.status.requests.iter().all(|q| q.text.is_none()));
        let queue = app.decision_queue(&b.maker).await.expect("queue");
        assert_eq!(queue.len(), 1);
        assert!(
            app.decide_reasonable_grounds(&b.maker, rid, Outcome::Positive, "x")
                .await
                .is_err()
        );
    }
}

/// Withdrawing the consent a formal referral was made under withdraws it while the body has not made
/// its final decision: it leaves what waits in the queue, and the body can no longer read the person.
/// One the body has closed stays as it was.
#[tokio::test]
async fn withdrawing_the_consent_withdraws_a_formal_referral_not_yet_decided() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let scopes = ["identity", "history"];

        let open_case = case_of(&w, adult("Selam Tesfaye", CANARY, "Tigrinya")).await;
        let open_consent = consent(&w, &open_case, &b.org, &scopes).await;
        let open = app
            .refer_formally(cw, &open_case, b.org.as_str(), Some(open_consent.as_str()))
            .await
            .expect("referred");
        let closed_case = case_of(&w, adult("Selam Tesfaye", CANARY, "Tigrinya")).await;
        let closed_consent = consent(&w, &closed_case, &b.org, &scopes).await;
        let closed = app
            .refer_formally(
                cw,
                &closed_case,
                b.org.as_str(),
                Some(closed_consent.as_str()),
            )
            .await
            .expect("referred");
        app.close_formal_referral(&b.maker, closed.as_str(), Closure::LeftUk)
            .await
            .expect("closed");

        assert_eq!(
            app.withdraw_consent(cw, &open_consent)
                .await
                .expect("withdrawn"),
            1
        );
        let v = app
            .formal_referral(&b.maker, open.as_str())
            .await
            .expect("the facts remain");
        assert_eq!(v.status.status, FormalStatus::Withdrawn);
        assert!(!v.details && v.name.is_none() && v.history.is_empty());
        assert!(!v.exploitation_types.is_empty(), "the facts stay");
        assert_eq!(v.status.erased, None, "not an erasure");
        let seen = app
            .case_formal_referrals(cw, &open_case)
            .await
            .expect("the referrer sees it");
        assert_eq!(seen[0].status, FormalStatus::Withdrawn);
        // Nothing waits for a decision any more.
        let queue = app.decision_queue(&b.maker).await.expect("queue");
        assert!(
            queue.iter().all(|q| !matches!(
                q.status,
                FormalStatus::AwaitingReasonableGrounds | FormalStatus::RecoveryPeriod
            )),
            "{:?}",
            queue.iter().map(|q| q.status).collect::<Vec<_>>()
        );

        assert_eq!(
            app.withdraw_consent(cw, &closed_consent)
                .await
                .expect("withdrawn"),
            0
        );
        let v = app
            .formal_referral(&b.maker, closed.as_str())
            .await
            .expect("read");
        assert_eq!(v.status.status, FormalStatus::LeftUk);
        assert_eq!(v.name.as_deref(), Some("Selam Tesfaye"));
    }
}
