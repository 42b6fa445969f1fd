//! Self-referral and the codename channel, as the people using them would notice. Every test runs on a
//! fresh SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use waymark_app::{
    AppError, Codename, Conversation, ERASED, GuessLimits, MessageBody, NOT_GIVEN, SelfReferralSent,
};
use waymark_domain::channel::Sender;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::{SelfReferralDraft, SelfReferralError, Urgency};
use waymark_domain::{AgeBand, FirstContact, Nation};
use waymark_store::testing::TestDatabase;

const PHONE: &str = "198.51.100.7";

async fn send(w: &World, draft: SelfReferralDraft) -> SelfReferralSent {
    w.app
        .submit_self_referral(draft, &w.org_a, waymark_vault::CodenameForm::Words)
        .await
        .expect("self-referral sent")
}

fn wrong_codename(i: usize) -> String {
    // Seven list words, like a real guess: the same work as a right one.
    let words = waymark_vault::word_list();
    (0..7)
        .map(|k| words[(i * 7 + k * 131) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

// 1. The route: ask, be answered, answer back.

#[tokio::test]
async fn a_person_asks_for_help_and_reads_the_reply_with_their_codename() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;

        let sent = send(&w, asking()).await;
        let codename = sent.codename.expose().to_owned();
        assert_eq!(sent.words(), 7, "{on:?}");
        assert_eq!(codename.split(' ').count(), 7);

        // It reaches the organisation's inbox like any other referral, marked as the person's own.
        let inbox = app.inbox(&w.a_caseworker).await.expect("inbox");
        assert_eq!(inbox.len(), 1, "{on:?}");
        let item = &inbox[0];
        assert_eq!(item.id, sent.referral_id);
        assert!(item.self_referral);
        assert_eq!(item.from_organisation, None);
        assert_eq!(item.urgency, Some(Urgency::Today));
        assert_eq!(item.status, ReferralStatus::Sent);
        assert!(!item.child_safeguarding && !item.must_tell_childrens_services);

        let view = app
            .open_referral(&w.a_caseworker, &sent.referral_id)
            .await
            .expect("opens");
        assert_eq!(view.name, NOT_GIVEN, "{on:?}");
        assert_eq!(view.contact, NOT_GIVEN);
        assert_eq!(view.language, "Tigrinya");
        assert_eq!(
            view.message.as_deref(),
            Some("I need somewhere safe to sleep tonight.")
        );
        assert_eq!(view.first_contact, FirstContact::Myself);
        assert!(view.self_referral && view.consent_given && !view.erased);

        // Before anyone answers, the person sees it has arrived.
        let seen = app.channel_inbox(PHONE, &codename).await.expect("opens");
        assert_eq!(seen.status, ReferralStatus::Sent, "{on:?}");
        assert_eq!(seen.organisation, ORG_A);
        assert_eq!(seen.messages.len(), 1, "their own message");

        // The caseworker accepts and replies from the case.
        let case_id = app
            .accept_referral(&w.a_caseworker, &sent.referral_id)
            .await
            .expect("accepted");
        let reply = "We have a room for you. Can you come to the centre at 4pm?";
        app.reply(&w.a_caseworker, &Conversation::Case(case_id.clone()), reply)
            .await
            .expect("replied");

        // The person reads it with the codename, typed as people type.
        let typed = codename.to_uppercase().replace(' ', "-");
        let seen = app.channel_inbox(PHONE, &typed).await.expect("opens");
        assert_eq!(seen.status, ReferralStatus::Accepted, "{on:?}");
        let last = seen.messages.last().expect("a reply");
        assert_eq!(last.from, Sender::Organisation);
        assert!(last.body == MessageBody::Text(reply.into()), "{on:?}");
        assert_eq!(last.author, None, "staff are not named to the person");

        // The person answers; the caseworker sees it in the case and in the referral.
        app.channel_send(PHONE, &codename, "Yes, I will be there.")
            .await
            .expect("sent");
        for thread in [
            app.case_messages(&w.a_caseworker, &case_id).await,
            app.referral_messages(&w.a_manager, &sent.referral_id).await,
        ] {
            let thread = thread.expect("the conversation");
            let who: Vec<Sender> = thread.iter().map(|m| m.from).collect();
            assert_eq!(
                who,
                [Sender::Person, Sender::Organisation, Sender::Person],
                "{on:?}"
            );
            assert!(
                thread[2].body == MessageBody::Text("Yes, I will be there.".into()),
                "{on:?}"
            );
            assert_eq!(thread[1].author.as_deref(), Some("Test person"));
        }

        // Everything was audited, and the chain holds.
        let referral_trail = trail(&db, sent.referral_id.as_str());
        assert_eq!(
            referral_trail.first(),
            Some(&("referral.create".to_owned(), "public".to_owned()))
        );
        let report = app.verify_audit().await.expect("verify");
        assert_eq!(report.first_bad, None, "{on:?}");
        let channel_actions: Vec<(String, String)> = db
            .store
            .run_blocking(|tx| tx.texts("SELECT id AS value FROM channels"))
            .expect("channel id")
            .into_iter()
            .flat_map(|id| trail(&db, &id))
            .collect();
        let public = |a: &str| (a.to_owned(), "public:channel".to_owned());
        let staff = |a: &str| (a.to_owned(), w.a_caseworker.user_id.to_string());
        for expected in [
            ("channel.create".to_owned(), "public".to_owned()),
            public("channel.read"),
            staff("channel.reply"),
            public("channel.send"),
            staff("channel.read"),
            ("channel.read".to_owned(), w.a_manager.user_id.to_string()),
        ] {
            assert!(
                channel_actions.contains(&expected),
                "{on:?}: {expected:?} in {channel_actions:?}"
            );
        }
    }
}

// 2. What may be asked, and of whom.

#[tokio::test]
async fn nothing_is_sent_without_consent_or_to_an_organisation_that_does_not_support() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let before = w.app.verify_audit().await.expect("verify").entries;
        let mut draft = asking();
        draft.consent_given = false;
        let r = w
            .app
            .submit_self_referral(draft, &w.org_a, waymark_vault::CodenameForm::Words)
            .await;
        assert!(
            matches!(
                r,
                Err(AppError::SelfReferral(SelfReferralError::ConsentRequired))
            ),
            "{on:?}: {r:?}"
        );
        let r = w
            .app
            .submit_self_referral(asking(), &w.group, waymark_vault::CodenameForm::Words)
            .await;
        assert!(matches!(r, Err(AppError::Invalid(_))), "{on:?}: {r:?}");
        let mut draft = asking();
        draft.needs.clear();
        assert!(matches!(
            w.app
                .submit_self_referral(draft, &w.org_a, waymark_vault::CodenameForm::Words)
                .await,
            Err(AppError::SelfReferral(SelfReferralError::NeedsRequired))
        ));
        assert!(
            w.app
                .inbox(&w.a_caseworker)
                .await
                .expect("inbox")
                .is_empty()
        );
        let after = w.app.verify_audit().await.expect("verify").entries;
        assert_eq!(after, before, "{on:?}: nothing stored, nothing audited");
    }
}

#[tokio::test]
async fn a_child_asks_without_naming_childrens_services_and_the_organisation_must_tell_them() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        for age in [AgeBand::Under18, AgeBand::Unsure] {
            let mut draft = asking();
            draft.age = age;
            draft.name = Some("Dani".into());
            let sent = send(&w, draft).await;
            let item = w
                .app
                .inbox(&w.a_caseworker)
                .await
                .expect("inbox")
                .into_iter()
                .find(|i| i.id == sent.referral_id)
                .expect("in the inbox");
            assert!(item.child_safeguarding, "{on:?} {age}");
            assert!(item.must_tell_childrens_services, "{on:?} {age}");
            let view = w
                .app
                .open_referral(&w.a_caseworker, &sent.referral_id)
                .await
                .expect("opens");
            assert_eq!(view.children_services, None);
            assert!(view.must_tell_childrens_services);
            assert_eq!(view.name, "Dani");
        }
        // A helper's child referral names children's services: no duty left for the receiver.
        let mut helper_child = amina();
        helper_child.age = AgeBand::Under18;
        helper_child.children_services_notified = Some("Leeds children's services".into());
        let id = w
            .app
            .submit_referral(&w.helper, &w.org_a, helper_child)
            .await
            .expect("sent");
        let item = w
            .app
            .inbox(&w.a_caseworker)
            .await
            .expect("inbox")
            .into_iter()
            .find(|i| i.id == id)
            .expect("listed");
        assert!(item.child_safeguarding && !item.must_tell_childrens_services);
        assert!(!item.self_referral);
    }
}

#[tokio::test]
async fn only_the_receiving_organisations_caseworkers_read_or_answer_the_conversation() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let sent = send(&w, asking()).await;
        let by_referral = Conversation::Referral(sent.referral_id.clone());
        for outsider in [&w.b_caseworker, &w.b_manager, &w.a_admin, &w.helper] {
            let read = w.app.conversation(outsider, &by_referral).await;
            assert!(matches!(read, Err(AppError::NotFound)), "{on:?}: {read:?}");
            let write = w.app.reply(outsider, &by_referral, "hello").await;
            assert!(
                matches!(write, Err(AppError::NotFound)),
                "{on:?}: {write:?}"
            );
        }
        // A helper's referral has no channel: nothing to read, and a reply says why.
        let helpers = w
            .app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent");
        let about = Conversation::Referral(helpers);
        assert!(
            w.app
                .conversation(&w.a_caseworker, &about)
                .await
                .expect("empty")
                .is_empty()
        );
        assert!(matches!(
            w.app.reply(&w.a_caseworker, &about, "hello").await,
            Err(AppError::Conflict(_))
        ));
    }
}

#[tokio::test]
async fn a_declined_request_still_reaches_the_person_with_the_reason_and_both_can_write() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let sent = send(&w, asking()).await;
        let codename = sent.codename.expose().to_owned();
        let reason = "We have no room this week; York Freedom Project may.";
        w.app
            .decline_referral(&w.a_caseworker, &sent.referral_id, reason)
            .await
            .expect("declined");
        let about = Conversation::Referral(sent.referral_id.clone());
        w.app
            .reply(&w.a_caseworker, &about, "Call us if York cannot help.")
            .await
            .expect("the channel does not close with the referral");
        let seen = w.app.channel_inbox(PHONE, &codename).await.expect("opens");
        assert_eq!(seen.status, ReferralStatus::Declined, "{on:?}");
        assert_eq!(seen.decline_reason.as_deref(), Some(reason));
        w.app
            .channel_send(PHONE, &codename, "Thank you.")
            .await
            .expect("still open");
    }
}

#[tokio::test]
async fn messages_must_have_words_and_must_not_carry_the_codename() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let sent = send(&w, asking()).await;
        let codename = sent.codename.expose().to_owned();
        for bad in ["", "   ", &"x".repeat(4001)] {
            let r = w.app.channel_send(PHONE, &codename, bad).await;
            assert!(matches!(r, Err(AppError::SelfReferral(_))), "{r:?}");
        }
        let pasted = format!("my code is {}", codename.to_uppercase());
        let r = w.app.channel_send(PHONE, &codename, &pasted).await;
        assert!(matches!(r, Err(AppError::Invalid(_))), "{r:?}");
        let about = Conversation::Referral(sent.referral_id.clone());
        let r = w.app.reply(&w.a_caseworker, &about, " ").await;
        assert!(matches!(r, Err(AppError::SelfReferral(_))), "{r:?}");
        // None of that was stored.
        let thread = w
            .app
            .conversation(&w.a_caseworker, &about)
            .await
            .expect("thread");
        assert_eq!(
            thread.len(),
            1,
            "{:?}: only the request's own message",
            w.backend
        );
    }
}

// 3. Guessing.

#[tokio::test]
async fn a_thousand_wrong_codenames_from_one_client_end_in_refusals_and_find_nothing() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let sent = send(&w, asking()).await;
        let right = sent.codename.expose().to_owned();
        let (mut not_found, mut limited) = (0, 0);
        for i in 0..1000 {
            match w.app.channel_inbox("203.0.113.9", &wrong_codename(i)).await {
                Err(AppError::NotFound) => not_found += 1,
                Err(AppError::TooManyAttempts { .. }) => limited += 1,
                other => panic!("{on:?}: guess {i} gave {other:?}"),
            }
        }
        assert_eq!(
            (not_found, limited),
            (10, 990),
            "{on:?}: the first ten are looked up, the rest refused"
        );
        // The same client cannot use the right one now either: the limit is on the client, not the guess.
        assert!(matches!(
            w.app.channel_inbox("203.0.113.9", &right).await,
            Err(AppError::TooManyAttempts { .. })
        ));
        // Anyone else is served: the person with their codename, and another client's wrong guess.
        for _ in 0..20 {
            w.app
                .channel_inbox(PHONE, &right)
                .await
                .expect("right codenames never use up the budget");
        }
        assert!(matches!(
            w.app.channel_inbox("192.0.2.1", "not even words").await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app.channel_inbox("192.0.2.1", "").await,
            Err(AppError::NotFound)
        ));
        // Writing and erasing are guarded the same way.
        assert!(matches!(
            w.app.channel_send("203.0.113.9", &right, "hello").await,
            Err(AppError::TooManyAttempts { .. })
        ));
        assert!(matches!(
            w.app.channel_erase("203.0.113.9", &right).await,
            Err(AppError::TooManyAttempts { .. })
        ));
        // No guess opened anything or wrote anything.
        let report = w.app.verify_audit().await.expect("verify");
        let reads = db
            .store
            .run_blocking(|tx| {
                tx.texts("SELECT actor AS value FROM audit_log WHERE action = 'channel.read'")
            })
            .expect("audit");
        assert_eq!(reads.len(), 20, "{on:?}: only the person's own reads");
        assert_eq!(report.first_bad, None);
    }
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_cannot_slip_past_the_limit() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let mut tasks = Vec::new();
        for i in 0..40 {
            let app = w.app.clone();
            tasks.push(tokio::spawn(async move {
                app.channel_inbox("203.0.113.50", &wrong_codename(i)).await
            }));
        }
        let mut looked_up = 0;
        for t in tasks {
            match t.await.expect("task") {
                Err(AppError::NotFound) => looked_up += 1,
                Err(AppError::TooManyAttempts { .. }) => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(looked_up, 10, "{:?}", w.backend);
    }
}

#[tokio::test]
async fn the_global_limit_closes_guessing_for_everyone_until_it_passes() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let sent = send(&w, asking()).await;
        let right = sent.codename.expose().to_owned();
        let app = w.app.clone().with_guess_limits(GuessLimits {
            global: 12,
            ..GuessLimits::DEFAULT
        });
        // Twelve clients, one wrong guess each: none is over its own limit.
        for i in 0..12 {
            let client = format!("192.0.2.{i}");
            assert!(matches!(
                app.channel_inbox(&client, &wrong_codename(i)).await,
                Err(AppError::NotFound)
            ));
        }
        // Now nobody is looked up, not even with the right codename.
        assert!(
            matches!(
                app.channel_inbox(PHONE, &right).await,
                Err(AppError::TooManyAttempts { .. })
            ),
            "{on:?}"
        );
    }
}

// 4. Erasure.

#[tokio::test]
async fn erasure_makes_the_codename_find_nothing_and_the_data_unreadable_but_keeps_the_counts() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let mut draft = asking();
        draft.name = Some("Selam".into());
        draft.contact = Some("Text only, after 6pm".into());
        let sent = send(&w, draft).await;
        let codename = sent.codename.expose().to_owned();
        let case_id = w
            .app
            .accept_referral(&w.a_caseworker, &sent.referral_id)
            .await
            .expect("accepted");
        let about = Conversation::Case(case_id.clone());
        w.app
            .reply(&w.a_caseworker, &about, "Welcome.")
            .await
            .expect("replied");

        w.app.channel_erase(PHONE, &codename).await.expect("erased");

        for r in [
            w.app.channel_inbox(PHONE, &codename).await.map(|_| ()),
            w.app
                .channel_send(PHONE, &codename, "hello")
                .await
                .map(|_| ()),
            w.app.channel_erase(PHONE, &codename).await,
        ] {
            assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        }

        // The caseworker's views say what happened and show nothing personal.
        let case = w.app.case(&w.a_caseworker, &case_id).await.expect("case");
        // The case holds no personal field at all: no person, nothing recorded on it.
        assert!(case.erased && case.person.is_none(), "{on:?}");
        assert!(case.closure.erased_at.is_some(), "{on:?}");
        let stats = w
            .app
            .case_statistics(&w.a_manager)
            .await
            .expect("statistics");
        assert_eq!((stats.total, stats.erased), (1, 1), "{on:?}");
        assert!(case.notes.is_empty() && case.plan.is_empty() && case.documents.is_empty());
        let v = &case.referral;
        assert!(v.erased, "{on:?}");
        for field in [&v.name, &v.contact, &v.language] {
            assert_eq!(field, ERASED);
        }
        assert_eq!(v.message.as_deref(), Some(ERASED));
        let opened = w
            .app
            .open_referral(&w.a_caseworker, &sent.referral_id)
            .await
            .expect("opens");
        assert!(opened.erased);
        assert!(!format!("{opened:?}").contains("Selam"));
        assert!(
            w.app
                .conversation(&w.a_caseworker, &about)
                .await
                .expect("empty")
                .is_empty()
        );
        assert!(matches!(
            w.app.reply(&w.a_caseworker, &about, "Are you there?").await,
            Err(AppError::Conflict(_))
        ));

        // The coarse facts stay, so counts and statistics still include the request.
        let inbox = w.app.inbox(&w.a_caseworker).await.expect("inbox");
        assert_eq!(inbox.len(), 1, "{on:?}");
        assert_eq!(inbox[0].area.map(|a| a.code()), Some("E08000035"));
        assert_eq!(w.app.cases(&w.a_manager).await.expect("cases").len(), 1);

        // No key is left to open anything with, master key or not.
        let keys = db
            .store
            .run_blocking(|tx| {
                tx.texts(
                    "SELECT id AS value FROM persons WHERE wrapped_key IS NOT NULL \
                     AND id IN (SELECT person_id FROM channels)",
                )
            })
            .expect("query");
        assert!(keys.is_empty(), "{on:?}");
        let report = w.app.verify_audit().await.expect("verify");
        assert_eq!(report.first_bad, None);
    }
}

// 5. Nothing readable at rest.

#[tokio::test]
async fn codenames_and_messages_never_reach_the_database_in_plaintext() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        // Positive control: a value stored in plaintext on purpose is found, so the scan can see.
        let control = "CanaryPlaintextOrganisationQv";
        organisation(
            &w.app,
            control,
            waymark_domain::OrganisationKind::CommunityGroup,
            Nation::Scotland,
            "Perth and Kinross",
            &[],
        )
        .await;
        let mut draft = asking();
        draft.name = Some("CanaryNameQx".into());
        draft.contact = Some("CanaryContactQy".into());
        draft.message = Some("CanaryRequestQz".into());
        let sent = send(&w, draft).await;
        let codename = sent.codename.expose().to_owned();
        let about = Conversation::Referral(sent.referral_id.clone());
        w.app
            .reply(&w.a_caseworker, &about, "CanaryReplyQw")
            .await
            .expect("replied");
        w.app
            .channel_send(PHONE, &codename, "CanaryMessageQu")
            .await
            .expect("sent");
        w.app.channel_inbox(PHONE, &codename).await.expect("read");

        assert!(
            !db.find_plaintext(control).is_empty(),
            "{on:?}: the scan finds plaintext"
        );
        let hyphenated = codename.replace(' ', "-");
        for secret in [
            "CanaryNameQx",
            "CanaryContactQy",
            "CanaryRequestQz",
            "CanaryReplyQw",
            "CanaryMessageQu",
            codename.as_str(),
            hyphenated.as_str(),
        ] {
            let found = db.find_plaintext(secret);
            assert!(
                found.is_empty(),
                "{on:?}: a secret is readable in {found:?}"
            );
        }
    }
}

#[tokio::test]
async fn codenames_messages_and_addresses_never_reach_the_log() {
    let log = captured_log();
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let mut draft = asking();
        draft.name = Some("CanaryLogNameQx".into());
        draft.message = Some("CanaryLogRequestQz".into());
        let sent = send(&w, draft).await;
        let codename = sent.codename.expose().to_owned();
        let about = Conversation::Referral(sent.referral_id.clone());
        w.app
            .reply(&w.a_caseworker, &about, "CanaryLogReplyQw")
            .await
            .expect("replied");
        w.app
            .channel_send("203.0.113.77", &codename, "CanaryLogMessageQu")
            .await
            .expect("sent");
        w.app
            .channel_inbox("203.0.113.77", &codename)
            .await
            .expect("read");
        w.app
            .conversation(&w.a_caseworker, &about)
            .await
            .expect("read");
        let refused = w
            .app
            .channel_send("203.0.113.77", &codename, &codename)
            .await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        for i in 0..11 {
            drop(
                w.app
                    .channel_inbox("203.0.113.77", &format!("{} {i}", wrong_codename(i)))
                    .await,
            );
        }
        // That client is over its limit now; the person erases from another.
        w.app
            .channel_erase("203.0.113.78", &codename)
            .await
            .expect("erased");

        let printed = String::from_utf8_lossy(
            &log.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
        .into_owned();
        for written in ["self-referral sent", "codename guess refused", "erased"] {
            assert!(
                printed.contains(written),
                "{on:?}: the log lacks {written:?}"
            );
        }
        for secret in [
            "CanaryLogNameQx",
            "CanaryLogRequestQz",
            "CanaryLogReplyQw",
            "CanaryLogMessageQu",
            codename.as_str(),
            "203.0.113.77",
        ] {
            assert!(
                !printed.contains(secret),
                "{on:?}: {secret} reached the log"
            );
        }
    }
}

#[test]
fn the_codename_type_never_prints_itself() {
    let c = Codename::generate(waymark_vault::CodenameForm::Words);
    assert!(!format!("{c:?}").contains(c.expose()));
}

#[tokio::test]
async fn the_consent_records_the_policy_text_the_person_read_in_their_language() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let read = "سياسة المنظمة بالعربية (fictional)";
        let sent = w
            .app
            .submit_self_referral_having_read(
                asking(),
                &w.org_a,
                waymark_vault::CodenameForm::Digits,
                Some(read.to_owned()),
            )
            .await
            .expect("sent");
        let english = send(&w, asking()).await;
        let org = w.org_a.clone();
        let (translated, main) = db
            .store
            .run_blocking(move |tx| {
                Ok::<_, waymark_store::StoreError>((
                    tx.referral_to(&org, &sent.referral_id)?,
                    tx.referral_to(&org, &english.referral_id)?,
                ))
            })
            .expect("read back");
        let digest = |r: Option<waymark_store::Referral>| r.and_then(|r| r.policy_digest);
        // The text they read, not the organisation's English text.
        assert_eq!(
            digest(translated),
            Some(waymark_vault::secret_digest(read)),
            "{:?}",
            w.backend
        );
        assert_eq!(
            digest(main),
            Some(waymark_vault::secret_digest(
                waymark_app::DEFAULT_DATA_SHARING_POLICY
            )),
            "{:?}",
            w.backend
        );
    }
}

#[tokio::test]
async fn a_request_being_written_is_kept_sealed_for_an_hour_and_forgotten_when_the_codename_is_kept()
 {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let canary = format!("CanaryDraft-{}", waymark_vault::new_id());
        let handle = app
            .save_help_draft(None, &format!("{{\"name\":\"{canary}\"}}"))
            .await
            .expect("kept");
        assert_eq!(handle.len(), 43, "a 256-bit handle");
        // Saved again under the same handle: the same draft, the newer answers.
        let again = app
            .save_help_draft(Some(&handle), &format!("{{\"name\":\"{canary}-2\"}}"))
            .await
            .expect("kept again");
        assert_eq!(again, handle, "{on:?}");
        let opened = app.help_draft(&handle).await.expect("read").expect("there");
        assert!(
            opened.answers.contains("-2") && opened.codename.is_none(),
            "{on:?}"
        );
        // Sealed: neither the answers nor the handle are in the database's files.
        assert!(db.find_plaintext(&canary).is_empty(), "{on:?}");
        assert!(db.find_plaintext(&handle).is_empty(), "{on:?}");
        // A wrong handle finds nothing.
        assert!(
            app.help_draft("not-a-handle")
                .await
                .expect("read")
                .is_none()
        );

        // Sent: the answers are forgotten, the codename kept for the next page, and then for no one.
        let codename = Codename::generate(waymark_vault::CodenameForm::Words);
        let shown = app
            .help_draft_sent(Some(&handle), &codename, "{\"nation\":\"scotland\"}")
            .await
            .expect("sent");
        assert_eq!(shown, handle);
        let opened = app.help_draft(&handle).await.expect("read").expect("there");
        assert!(!opened.answers.contains(&canary), "{on:?}");
        assert!(opened.answers.contains("scotland"), "{on:?}");
        assert_eq!(
            opened.codename.as_ref().map(|c| c.expose().to_owned()),
            Some(codename.expose().to_owned())
        );
        assert!(db.find_plaintext(codename.expose()).is_empty(), "{on:?}");
        app.discard_help_draft(&handle).await.expect("forgotten");
        assert!(
            app.help_draft(&handle).await.expect("read").is_none(),
            "{on:?}"
        );

        // Unsent, it lasts an hour after its last answer.
        let left = app.save_help_draft(None, "{}").await.expect("kept");
        app.clock()
            .advance(waymark_app::DRAFT_LIFETIME - time::Duration::minutes(1));
        assert!(
            app.help_draft(&left).await.expect("read").is_some(),
            "{on:?}"
        );
        app.clock().advance(time::Duration::minutes(2));
        assert!(
            app.help_draft(&left).await.expect("read").is_none(),
            "{on:?}"
        );
        // The next save of anyone's draft deletes it.
        app.save_help_draft(None, "{}").await.expect("another");
        let rows = db
            .store
            .run_blocking(|tx| tx.texts("SELECT id AS value FROM help_drafts"))
            .expect("rows");
        assert_eq!(rows.len(), 1, "{on:?}: {rows:?}");
    }
}
