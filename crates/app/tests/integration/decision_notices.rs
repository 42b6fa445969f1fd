//! Telling each decision of the decision body, as the people concerned would notice it: the person reads a
//! plain message with their codename (never the reasons), the referrer finds a task in "My work", a
//! negative reasonable-grounds decision is told only once a second decision maker confirms it, and the
//! decision letters open only behind the body's gate and the case's. Every test runs on a fresh SQLite file
//! and on a fresh PostgreSQL schema.

use crate::fixture::*;
use waymark_app::{AppError, LetterFormat, MessageBody, NewConsent, NewHistory, NoticeSummary};
use waymark_domain::case_record::{ExploitationPlace, PersonDraft};
use waymark_domain::channel::Sender;
use waymark_domain::clock::calendar;
use waymark_domain::consent::ConsentMethod;
use waymark_domain::decision_letter::{NoticeKind, long_date};
use waymark_domain::formal::{Closure, Outcome};
use waymark_domain::ids::FormalReferralId;
use waymark_domain::person_notice::PersonNotice;
use waymark_domain::referral::ReferralDraft;
use waymark_domain::{CaseId, ExploitationType, Nation};
use waymark_store::testing::TestDatabase;

const PHONE: &str = "198.51.100.7";
/// Reasons for a decision: they go in the letter, never in the person's channel.
const REASONS: &str = "REASON-CANARY a consistent account of the car wash";
const NAME: &str = "Selam Tesfaye";
/// The decision body of [`panel`].
const PANEL: &str = "Independent Decision Panel (fictional)";

/// A case of organisation A, from a self-referral (with its codename) or from a helper's referral.
async fn case(w: &World, self_referral: bool) -> (CaseId, Option<String>) {
    let app = &w.app;
    let (referral, codename) = if self_referral {
        let sent = app
            .submit_self_referral(asking(), &w.org_a, waymark_vault::CodenameForm::Words)
            .await
            .expect("self-referral sent");
        (sent.referral_id, Some(sent.codename.expose().to_owned()))
    } else {
        let draft: ReferralDraft = adult(NAME, "Via the drop-in", "Tigrinya");
        let id = app
            .submit_referral(&w.helper, &w.org_a, draft)
            .await
            .expect("sent");
        (id, None)
    };
    let case = app
        .accept_referral(&w.a_caseworker, &referral)
        .await
        .expect("accepted");
    app.update_person(
        &w.a_caseworker,
        &case,
        PersonDraft {
            name: NAME.into(),
            nationality: "Eritrean".into(),
            ..PersonDraft::default()
        },
    )
    .await
    .expect("person");
    app.add_history(
        &w.a_caseworker,
        &case,
        NewHistory {
            kind: ExploitationType::Labour,
            place: ExploitationPlace::Uk,
            from: "2024-03-01".into(),
            to: "2025-01-31".into(),
            note: "Car wash".into(),
        },
    )
    .await
    .expect("history");
    (case, codename)
}

async fn refer(w: &World, b: &Panel, case: &CaseId) -> FormalReferralId {
    let consent = w
        .app
        .record_consent(
            &w.a_caseworker,
            case,
            NewConsent {
                scopes: vec!["identity".into(), "history".into()],
                recipient: b.org.to_string(),
                purpose: "A decision on whether she is a survivor".into(),
                given_on: None,
                method: ConsentMethod::Interpreter,
            },
        )
        .await
        .expect("consent");
    w.app
        .refer_formally(
            &w.a_caseworker,
            case,
            b.org.as_str(),
            Some(consent.as_str()),
        )
        .await
        .expect("referred")
}

/// The organisation's messages the person reads with their codename.
async fn person_reads(w: &World, codename: &str) -> Vec<MessageBody> {
    w.app
        .channel_inbox(PHONE, codename)
        .await
        .expect("the codename opens the channel")
        .messages
        .into_iter()
        .filter(|m| m.from == Sender::Organisation)
        .map(|m| m.body)
        .collect()
}

/// What the referrer sees was told on a formal referral.
async fn notices(w: &World, case: &CaseId, id: &str) -> Vec<NoticeSummary> {
    w.app
        .case_formal_referral_notices(&w.a_caseworker, case, id)
        .await
        .expect("notices")
}

/// The titles of the referrer's tasks on a case, from "My work".
async fn tasks_on(w: &World, case: &CaseId) -> Vec<String> {
    w.app
        .my_work(&w.a_caseworker)
        .await
        .expect("my work")
        .tasks
        .into_iter()
        .filter(|t| &t.case_id == case)
        .filter_map(|t| t.title)
        .collect()
}

#[tokio::test]
async fn a_positive_decision_is_told_to_the_person_in_their_channel_and_to_the_referrer_in_my_work()
{
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, codename) = case(&w, true).await;
        let codename = codename.expect("a codename");
        let id = refer(&w, &b, &case).await;
        let app = &w.app;
        assert!(person_reads(&w, &codename).await.is_empty());
        assert!(tasks_on(&w, &case).await.is_empty());

        app.decide_reasonable_grounds(&b.maker, id.as_str(), Outcome::Positive, REASONS)
            .await
            .expect("decided");
        let today = app.clock().now().date();
        let ends = calendar(Nation::EnglandWales)
            .recovery_period_ends(today)
            .expect("end");

        // The person, with their codename: one plain message, no reasons, no name.
        let told = person_reads(&w, &codename).await;
        assert_eq!(told.len(), 1, "{:?}", w.backend);
        // Facts, said in the reader's language by each page: never the reasons, never the name.
        assert!(
            told[0]
                == MessageBody::Notice(PersonNotice::Decision {
                    kind: NoticeKind::ReasonableGroundsPositive,
                    decision_body: PANEL.to_owned(),
                    recovery_period_ends: Some(ends),
                }),
            "{:?}",
            w.backend
        );

        // The referrer: a task due today in "My work", and the notice on the formal referral.
        let tasks = tasks_on(&w, &case).await;
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert!(
            tasks[0].contains("positive reasonable-grounds decision"),
            "{tasks:?}"
        );
        assert!(tasks[0].contains("codename channel"), "{tasks:?}");
        let notices = app
            .case_formal_referral_notices(&w.a_caseworker, &case, id.as_str())
            .await
            .expect("notices");
        assert_eq!(notices.len(), 1);
        let n = &notices[0];
        assert_eq!(n.kind, NoticeKind::ReasonableGroundsPositive);
        assert!(n.has_letter && n.person_told);
        assert_eq!(n.decided_on, today);

        // The letter, the same for the decision maker and the referrer: reasons, dates, the test.
        let for_body = app
            .decision_letter(&b.maker, id.as_str(), n.id.as_str(), LetterFormat::Html)
            .await
            .expect("the decision maker reads it");
        let for_referrer = app
            .case_decision_letter(
                &w.a_caseworker,
                &case,
                id.as_str(),
                n.id.as_str(),
                LetterFormat::Pdf,
            )
            .await
            .expect("the referrer reads it");
        assert_eq!(for_body.letter, for_referrer.letter);
        let text = for_body.letter.text();
        for expected in [
            REASONS,
            NAME,
            "Independent Decision Panel (fictional)",
            &format!("The recovery period runs until {}", long_date(ends)),
            &calendar(Nation::EnglandWales)
                .threshold_on(today)
                .expect("threshold")
                .reasonable_grounds,
        ] {
            assert!(text.contains(expected), "{expected:?} missing:\n{text}");
        }

        // Audited: the notice, the task, the message, each read of the letter.
        let trail = trail(&db, n.id.as_str());
        assert_eq!(
            trail,
            by(&[
                ("decision_notice.create", &b.maker.user_id),
                ("decision_letter.view", &b.maker.user_id),
                ("decision_letter.download", &w.a_caseworker.user_id),
            ])
        );
        let on_case: Vec<_> = entries(&db, case.as_str())
            .into_iter()
            .filter(|e| e.reason == "decision notice")
            .map(|e| (e.action, e.actor))
            .collect();
        assert_eq!(on_case, by(&[("case.plan.add", &b.maker.user_id)]));

        // After the case is erased, the letter keeps its facts and names no one, on both sides.
        app.erase_case(&w.a_manager, &case).await.expect("erased");
        let after = app
            .decision_letter(&b.maker, id.as_str(), n.id.as_str(), LetterFormat::Html)
            .await
            .expect("the letter's facts remain")
            .letter
            .text();
        assert!(!after.contains(NAME), "{after}");
        assert!(!after.contains(REASONS), "{after}");
        assert!(after.contains("The reasons were erased with the person's record."));
        assert!(after.contains(&format!(
            "The recovery period runs until {}",
            long_date(ends)
        )));
    }
}

#[tokio::test]
async fn without_a_codename_channel_nothing_is_sent_and_the_task_says_to_tell_the_person() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, _) = case(&w, false).await;
        let id = refer(&w, &b, &case).await;
        let app = &w.app;
        app.decide_reasonable_grounds(&b.maker, id.as_str(), Outcome::Positive, REASONS)
            .await
            .expect("decided");
        assert!(
            app.case_messages(&w.a_caseworker, &case)
                .await
                .expect("conversation")
                .is_empty(),
            "a helper's referral has no channel: nothing was written anywhere"
        );
        let notices = app
            .case_formal_referral_notices(&w.a_caseworker, &case, id.as_str())
            .await
            .expect("notices");
        assert_eq!(notices.len(), 1);
        assert!(!notices[0].person_told);
        let tasks = tasks_on(&w, &case).await;
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert!(tasks[0].contains("tell them yourself"), "{tasks:?}");
    }
}

#[tokio::test]
async fn a_negative_is_told_only_once_a_second_decision_maker_confirms_it() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, codename) = case(&w, true).await;
        let codename = codename.expect("a codename");
        let id = refer(&w, &b, &case).await;
        let app = &w.app;
        let rid = id.as_str();

        app.decide_reasonable_grounds(&b.maker, rid, Outcome::Negative, REASONS)
            .await
            .expect("proposed");
        assert!(person_reads(&w, &codename).await.is_empty());
        assert!(tasks_on(&w, &case).await.is_empty());
        assert!(notices(&w, &case, rid).await.is_empty());
        // Set aside by the second decision maker: still nothing to tell.
        app.review_negative(&b.second, rid, false)
            .await
            .expect("set aside");
        assert!(person_reads(&w, &codename).await.is_empty());
        assert!(notices(&w, &case, rid).await.is_empty());

        app.decide_reasonable_grounds(&b.maker, rid, Outcome::Negative, REASONS)
            .await
            .expect("proposed again");
        app.review_negative(&b.second, rid, true)
            .await
            .expect("confirmed");
        let told = person_reads(&w, &codename).await;
        assert_eq!(told.len(), 1, "{:?}", w.backend);
        assert!(
            told[0]
                == MessageBody::Notice(PersonNotice::Decision {
                    kind: NoticeKind::ReasonableGroundsNegative,
                    decision_body: PANEL.to_owned(),
                    recovery_period_ends: None,
                }),
            "{:?}",
            w.backend
        );
        let tasks = tasks_on(&w, &case).await;
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert!(tasks[0].contains("request reconsideration"), "{tasks:?}");

        let notices = app
            .case_formal_referral_notices(&w.a_caseworker, &case, rid)
            .await
            .expect("notices");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].kind, NoticeKind::ReasonableGroundsNegative);
        let l = app
            .case_decision_letter(
                &w.a_caseworker,
                &case,
                rid,
                notices[0].id.as_str(),
                LetterFormat::Html,
            )
            .await
            .expect("letter")
            .letter
            .text();
        assert!(l.contains("Confirmed by a second decision maker"), "{l}");
        assert!(l.contains("can ask us to reconsider"), "{l}");
        assert!(l.contains(REASONS), "{l}");
        // The confirmation is the notice's actor.
        assert_eq!(
            trail(&db, notices[0].id.as_str()),
            by(&[
                ("decision_notice.create", &b.second.user_id),
                ("decision_letter.view", &w.a_caseworker.user_id),
            ])
        );
    }
}

#[tokio::test]
async fn a_closure_is_told_to_the_referrer_only_and_letters_open_only_behind_the_gates() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let b = panel(&w).await;
        let (case, codename) = case(&w, true).await;
        let codename = codename.expect("a codename");
        let id = refer(&w, &b, &case).await;
        let app = &w.app;
        let rid = id.as_str();
        app.decide_reasonable_grounds(&b.maker, rid, Outcome::Positive, REASONS)
            .await
            .expect("decided");
        let letter = app
            .formal_referral_notices(&b.maker, rid)
            .await
            .expect("the body's list")[0]
            .id
            .clone();

        for outsider in [
            &w.b_caseworker,
            &w.b_manager,
            &w.a_admin,
            &w.helper,
            &b.admin,
            &b.other_body_maker,
        ] {
            let r = app
                .decision_letter(outsider, rid, letter.as_str(), LetterFormat::Pdf)
                .await;
            assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
            let r = app.formal_referral_notices(outsider, rid).await;
            assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
            let r = app
                .case_decision_letter(outsider, &case, rid, letter.as_str(), LetterFormat::Html)
                .await;
            assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
            let r = app.case_formal_referral_notices(outsider, &case, rid).await;
            assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        }
        // The decision makers do not reach it through a case; a letter id of another referral finds
        // nothing.
        let r = app
            .case_decision_letter(&b.maker, &case, rid, letter.as_str(), LetterFormat::Html)
            .await;
        assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        let (other_case, _) = self::case(&w, false).await;
        let other = refer(&w, &b, &other_case).await;
        let r = app
            .decision_letter(
                &b.maker,
                other.as_str(),
                letter.as_str(),
                LetterFormat::Html,
            )
            .await;
        assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        let r = app
            .decision_letter(&b.maker, rid, "not-a-letter", LetterFormat::Html)
            .await;
        assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");

        // The person went missing: the referrer is told, the person's channel gets nothing, no letter.
        app.close_formal_referral(&b.maker, rid, Closure::Missing)
            .await
            .expect("closed");
        assert_eq!(
            person_reads(&w, &codename).await.len(),
            1,
            "only the decision"
        );
        let notices = app
            .case_formal_referral_notices(&w.a_caseworker, &case, rid)
            .await
            .expect("notices");
        assert_eq!(notices.len(), 2);
        let missing = &notices[1];
        assert_eq!(missing.kind, NoticeKind::Missing);
        assert!(!missing.has_letter && !missing.person_told);
        let r = app
            .case_decision_letter(
                &w.a_caseworker,
                &case,
                rid,
                missing.id.as_str(),
                LetterFormat::Html,
            )
            .await;
        assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        let tasks = tasks_on(&w, &case).await;
        assert_eq!(tasks.len(), 2, "{tasks:?}");
        assert!(
            tasks.iter().any(|t| t.contains("the person is missing")),
            "{tasks:?}"
        );
        // The earlier letter is unchanged by what came after.
        let l = app
            .decision_letter(&b.maker, rid, letter.as_str(), LetterFormat::Html)
            .await
            .expect("still there");
        assert_eq!(l.kind, NoticeKind::ReasonableGroundsPositive);
    }
}
