//! "My work" shows what waits for the caseworker: a person who wrote through their codename and has no
//! reply yet, and a decision body's question with its reply date, overdue first; each leaves the list
//! once answered.

use crate::fixture::*;
use time::Duration;
use waymark_app::{Conversation, NewConsent};
use waymark_domain::consent::ConsentMethod;
use waymark_store::testing::TestDatabase;

const PHONE: &str = "198.51.100.7";

#[tokio::test]
async fn my_work_lists_messages_waiting_for_a_reply_and_questions_by_reply_date() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let b = panel(&w).await;

        // A person asks for help; the caseworker accepts (and so is assigned the case).
        let sent = app
            .submit_self_referral(asking(), &w.org_a, waymark_vault::CodenameForm::Words)
            .await
            .expect("self-referral");
        let case = app
            .accept_referral(cw, &sent.referral_id)
            .await
            .expect("accepted");
        let codename = sent.codename.expose().to_owned();
        assert!(app.my_work(cw).await.expect("work").messages.is_empty());

        // They write twice: the case waits for a reply since the first.
        app.channel_send(PHONE, &codename, "Is anyone there?")
            .await
            .expect("sent");
        app.clock().advance(Duration::hours(3));
        app.channel_send(PHONE, &codename, "I can talk after six.")
            .await
            .expect("sent");
        let work = app.my_work(cw).await.expect("work");
        assert_eq!(work.messages.len(), 1);
        assert_eq!(work.messages[0].case_id, case);
        // Another caseworker's list does not show it.
        let other = account(
            app,
            &w.org_a,
            "second@a.example.org",
            waymark_domain::Role::Caseworker,
        )
        .await;
        assert!(app.my_work(&other).await.expect("work").messages.is_empty());
        app.reply(
            cw,
            &Conversation::Case(case.clone()),
            "Yes. We will call at six.",
        )
        .await
        .expect("replied");
        assert!(app.my_work(cw).await.expect("work").messages.is_empty());

        // The decision body asks two questions: the one overdue comes first.
        let consent = app
            .record_consent(
                cw,
                &case,
                NewConsent {
                    scopes: vec!["identity".into(), "history".into()],
                    recipient: b.org.to_string(),
                    purpose: "A decision".into(),
                    given_on: None,
                    method: ConsentMethod::InPerson,
                },
            )
            .await
            .expect("consent");
        let formal = app
            .refer_formally(cw, &case, b.org.as_str(), Some(consent.as_str()))
            .await
            .expect("referred")
            .to_string();
        let today = app.clock().now().date();
        app.request_information(
            &b.maker,
            &formal,
            "Where did she work?",
            Some(today + Duration::days(20)),
        )
        .await
        .expect("asked");
        app.request_information(
            &b.maker,
            &formal,
            "Since when?",
            Some(today + Duration::days(5)),
        )
        .await
        .expect("asked");
        app.clock().advance(Duration::days(6));
        let work = app.my_work(cw).await.expect("work");
        let due: Vec<(Option<time::Date>, bool)> = work
            .questions
            .iter()
            .map(|q| (q.reply_by, q.overdue))
            .collect();
        assert_eq!(
            due,
            [
                (Some(today + Duration::days(5)), true),
                (Some(today + Duration::days(20)), false)
            ]
        );
        assert_eq!(
            work.questions[0].decision_body,
            "Independent Decision Panel (fictional)"
        );
        let first = work.questions[0].request_id.to_string();
        app.answer_information_request(cw, &case, &formal, &first, "Since March.")
            .await
            .expect("answered");
        let work = app.my_work(cw).await.expect("work");
        assert_eq!(work.questions.len(), 1);
        assert!(!work.questions[0].overdue);
    }
}
