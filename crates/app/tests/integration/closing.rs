//! Closing a case safely, retention, erasure and the subject-access export, as the people using Waymark
//! would notice them. Every test runs on a fresh SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use time::Duration;
use waymark_app::{Account, AppError, CaseSearch, Conversation, NewHistory};
use waymark_domain::case_record::{CaseError, ExploitationPlace};
use waymark_domain::closing::follow_up_dates;
use waymark_domain::self_referral::{SelfReferralDraft, Urgency};
use waymark_domain::{CaseId, ExploitationType, Need};
use waymark_store::testing::TestDatabase;
use waymark_vault::{FieldContext, MasterKey};

const PLAN: &str =
    "Moving in with her sister in Quillhaven-Marsh; GP registered; knows to call us any time";

async fn accepted(w: &World, name: &str, by: &Account) -> CaseId {
    let id = w
        .app
        .submit_referral(
            &w.helper,
            &w.org_a,
            adult(name, "Via the drop-in", "Tigrinya"),
        )
        .await
        .expect("sent");
    w.app.accept_referral(by, &id).await.expect("accepted")
}

#[tokio::test]
async fn closing_needs_a_move_on_plan_and_schedules_follow_ups_in_the_caseworkers_tasks() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let case = accepted(&w, "Closing Person", &w.a_caseworker).await;

        // No plan, no closing; nothing changes.
        for bad in ["", "   \n  "] {
            let r = app.close_case(&w.a_manager, &case, bad.into()).await;
            assert!(
                matches!(
                    r,
                    Err(AppError::Case(CaseError::Field {
                        field: "move_on_plan",
                        ..
                    }))
                ),
                "{on:?}: {r:?}"
            );
        }
        assert_eq!(
            app.case(&w.a_manager, &case).await.expect("view").status,
            "open"
        );
        assert!(
            app.my_tasks(&w.a_caseworker)
                .await
                .expect("tasks")
                .is_empty()
        );

        // The manager closes it; the follow-ups belong to the assigned caseworker.
        let today = app.clock().now().date();
        let closed = app
            .close_case(&w.a_manager, &case, PLAN.into())
            .await
            .expect("closed");
        let dates: Vec<_> = closed.follow_ups.iter().map(|f| f.1).collect();
        assert_eq!(dates, follow_up_dates(today).to_vec(), "{on:?}");

        // They are in the caseworker's tasks without anyone adding them, titled, by due date.
        let tasks = app.my_tasks(&w.a_caseworker).await.expect("tasks");
        assert_eq!(tasks.len(), 3, "{on:?}");
        assert_eq!(
            tasks.iter().map(|t| t.due_on).collect::<Vec<_>>(),
            dates,
            "{on:?}"
        );
        assert_eq!(
            tasks[0].title.as_deref(),
            Some("Follow-up check-in (1 month after closing)")
        );
        assert_eq!(
            tasks[2].title.as_deref(),
            Some("Follow-up check-in (6 months after closing)")
        );
        assert!(tasks.iter().all(|t| t.case_id == case));
        let work = app.my_work(&w.a_caseworker).await.expect("my work");
        assert_eq!(work.tasks.len(), 3, "{on:?}");
        // The manager's own tasks are untouched.
        assert!(app.my_tasks(&w.a_manager).await.expect("tasks").is_empty());

        // The case reads closed, with its plan, who closed it and which actions are the follow-ups.
        let v = app.case(&w.a_caseworker, &case).await.expect("view");
        assert_eq!(v.status, "closed", "{on:?}");
        assert_eq!(v.closure.move_on_plan.as_deref(), Some(PLAN));
        assert_eq!(v.closure.closed_by.as_deref(), Some("Test person"));
        assert!(v.closure.closed_at.is_some() && v.closure.erased_at.is_none());
        assert_eq!(v.closure.follow_ups.len(), 3);
        assert!(!v.closure.can_close && !v.closure.can_erase);
        assert!(
            app.case(&w.a_manager, &case)
                .await
                .expect("view")
                .closure
                .can_erase
        );

        // Closing twice is refused; a closed case is listed as closed.
        assert!(matches!(
            app.close_case(&w.a_caseworker, &case, PLAN.into()).await,
            Err(AppError::Conflict(_))
        ));
        let closed_list = app
            .cases_by_status(&w.a_manager, Some(waymark_domain::case::CaseStatus::Closed))
            .await
            .expect("list");
        assert_eq!(closed_list.len(), 1, "{on:?}");

        // The move-on plan is sealed: never in the database as plaintext.
        let found = db.find_plaintext("Quillhaven-Marsh");
        assert!(found.is_empty(), "{on:?}: {found:?}");
        let trail = trail(&db, case.as_str());
        assert!(trail.contains(&("case.close".into(), w.a_manager.user_id.to_string())));
    }
}

#[tokio::test]
async fn a_case_without_an_assignee_gets_its_follow_ups_in_the_closers_tasks() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let case = accepted(&w, "Nobody Assigned", &w.a_caseworker).await;
        db.store
            .run_blocking({
                let case = case.clone();
                move |tx| {
                    tx.execute_sql(&format!(
                        "UPDATE cases SET assigned_to = NULL WHERE id = '{}'",
                        case.as_str()
                    ))
                }
            })
            .expect("unassigned");
        w.app
            .close_case(&w.a_manager, &case, PLAN.into())
            .await
            .expect("closed");
        assert_eq!(w.app.my_tasks(&w.a_manager).await.expect("tasks").len(), 3);
    }
}

#[tokio::test]
async fn the_person_can_still_be_messaged_through_their_codename_after_closing() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let sent = w
            .app
            .submit_self_referral(
                SelfReferralDraft {
                    message: Some("I need somewhere safe.".into()),
                    urgency: Urgency::ThisWeek,
                    ..asking()
                },
                &w.org_a,
                waymark_vault::CodenameForm::Words,
            )
            .await
            .expect("asked");
        let case = w
            .app
            .accept_referral(&w.a_caseworker, &sent.referral_id)
            .await
            .expect("accepted");
        w.app
            .close_case(&w.a_caseworker, &case, PLAN.into())
            .await
            .expect("closed");
        w.app
            .reply(
                &w.a_caseworker,
                &Conversation::Case(case.clone()),
                "Checking in after a month: how are you?",
            )
            .await
            .expect("a closed case's person can still be reached");
        let inbox = w
            .app
            .channel_inbox("203.0.113.9", sent.codename.expose())
            .await
            .expect("the person reads it");
        assert!(
            inbox.messages.iter().any(|m| m.body
                == waymark_app::MessageBody::Text(
                    "Checking in after a month: how are you?".into()
                )),
            "{on:?}"
        );
    }
}

#[tokio::test]
async fn the_retention_job_erases_only_closed_cases_whose_period_ended() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        // Organisation A keeps closed cases 30 days; B keeps the default six years.
        assert_eq!(app.retention(&w.a_manager).await.expect("days"), 2190);
        assert!(matches!(
            app.set_retention(&w.a_manager, 29).await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            app.set_retention(&w.a_caseworker, 30).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(app.set_retention(&w.a_admin, 30).await.expect("set"), 30);

        let first = accepted(&w, "First Closed", &w.a_caseworker).await;
        let open = accepted(&w, "Still Open", &w.a_caseworker).await;
        let b_id = app
            .submit_referral(&w.helper, &w.org_b, amina())
            .await
            .expect("sent to B");
        let b_case = app
            .accept_referral(&w.b_caseworker, &b_id)
            .await
            .expect("accepted by B");
        app.close_case(&w.a_caseworker, &first, PLAN.into())
            .await
            .expect("closed");
        app.close_case(&w.b_caseworker, &b_case, PLAN.into())
            .await
            .expect("closed");

        app.clock().advance(Duration::days(20));
        let second = accepted(&w, "Second Closed", &w.a_caseworker).await;
        app.close_case(&w.a_caseworker, &second, PLAN.into())
            .await
            .expect("closed");
        // Nothing has been kept 30 days yet.
        assert!(
            app.run_retention().await.expect("run").erased.is_empty(),
            "{on:?}"
        );

        app.clock().advance(Duration::days(10));
        let run = app.run_retention().await.expect("run");
        assert_eq!(run.erased, vec![first.clone()], "{on:?}");
        // Running again erases nothing more.
        assert!(app.run_retention().await.expect("run").erased.is_empty());

        assert!(app.case(&w.a_manager, &first).await.expect("view").erased);
        for (who, id) in [
            (&w.a_manager, &open),
            (&w.a_manager, &second),
            (&w.b_manager, &b_case),
        ] {
            let v = app.case(who, id).await.expect("view");
            assert!(!v.erased && v.person.is_some(), "{on:?}");
        }
        let entries = entries(&db, first.as_str());
        let erase = entries
            .iter()
            .find(|e| e.action == "case.erase")
            .expect("audited");
        assert_eq!(erase.actor, "retention", "{on:?}");
        assert_eq!(app.verify_audit().await.expect("verify").first_bad, None);
    }
}

/// Opens a note's ciphertext as someone holding the master key and a copy of the database would:
/// unwrap the person's data key with the master key, then open the note.
fn open_with_master_key(
    db: &TestDatabase,
    master: &MasterKey,
    org: &waymark_domain::OrgId,
    case: &CaseId,
) -> Result<String, String> {
    let (org, case) = (org.clone(), case.clone());
    let (wrapped, person, note) = db
        .store
        .run_blocking(move |tx| {
            let c = tx.case_of(&org, &case)?.expect("case row stays");
            let rows = tx.case_record(&c)?;
            let key = tx.person_key(&c.person_id)?.expect("person row stays");
            let note = rows.notes.into_iter().next();
            Ok::<_, waymark_store::StoreError>((key.wrapped_key, c.person_id, note))
        })
        .expect("read");
    // After erasure the note rows may be gone from view, but the question is the key: read the
    // ciphertext directly when the record no longer lists it.
    let note = note.ok_or("no note row")?;
    let wrapped = wrapped.ok_or("the person's wrapped data key is gone")?;
    let key = master
        .unwrap(&wrapped, person.as_str())
        .map_err(|e| e.to_string())?;
    key.open_string(
        &FieldContext {
            table: "case_notes",
            column: "body",
            row_id: note.id.as_str(),
        },
        &note.body_ct,
    )
    .map_err(|e| e.to_string())
}

#[tokio::test]
async fn after_erasure_nothing_personal_can_be_read_even_with_the_master_key_and_statistics_still_count_it()
 {
    const CANARY: &str = "Canary-Zephyrine-4471";
    for db in TestDatabase::both() {
        let master = MasterKey::generate();
        // The world's organisations and accounts, on an application whose master key the test holds.
        let World {
            app,
            a_caseworker: caseworker,
            a_manager: manager,
            helper,
            ..
        } = TestApp::builder().key(&master).world(&db).await;
        let on = db.backend();
        let org = manager.org_id.clone();
        let rid = app
            .submit_referral(
                &helper,
                &org,
                adult(&format!("Amina {CANARY}"), "Via the drop-in", "Tigrinya"),
            )
            .await
            .expect("sent");
        let case = app
            .accept_referral(&caseworker, &rid)
            .await
            .expect("accepted");
        app.add_note(&caseworker, &case, format!("Called; {CANARY} is safe"))
            .await
            .expect("note");
        app.upload_document(
            &caseworker,
            &case,
            format!("{CANARY}.txt"),
            format!("A letter about {CANARY}").into_bytes(),
        )
        .await
        .expect("document");
        app.add_history(
            &caseworker,
            &case,
            NewHistory {
                kind: ExploitationType::Labour,
                place: ExploitationPlace::Uk,
                from: "2024-03-01".into(),
                to: "2025-01-31".into(),
                note: format!("Car wash; {CANARY}"),
            },
        )
        .await
        .expect("history");

        // Before: the export holds the whole record, and the master key opens the note.
        let export = app.export_case(&caseworker, &case).await.expect("export");
        assert!(
            export
                .case
                .person
                .as_ref()
                .is_some_and(|p| p.name.contains(CANARY)),
            "{on:?}"
        );
        assert!(export.case.notes.iter().any(|n| n.body.contains(CANARY)));
        assert!(
            export
                .case
                .documents
                .iter()
                .any(|d| d.name.contains(CANARY))
        );
        assert!(
            open_with_master_key(&db, &master, &org, &case)
                .expect("opens before erasure")
                .contains(CANARY)
        );
        assert!(
            trail(&db, case.as_str())
                .contains(&("case.export".into(), caseworker.user_id.to_string()))
        );
        let found = app
            .search_cases(&manager, CaseSearch::Name(format!("Amina {CANARY}")))
            .await
            .expect("search");
        assert_eq!(found.len(), 1, "{on:?}");

        // Only a manager may erase; a caseworker who can open the case is told so.
        assert!(matches!(
            app.erase_case(&caseworker, &case).await,
            Err(AppError::Forbidden)
        ));
        app.erase_case(&manager, &case).await.expect("erased");
        assert!(matches!(
            app.erase_case(&manager, &case).await,
            Err(AppError::Conflict(_))
        ));

        // After: the wrapped key is gone, so the master key opens nothing.
        let err = open_with_master_key(&db, &master, &org, &case).expect_err("cannot open");
        assert!(err.contains("wrapped data key is gone"), "{on:?}: {err}");
        assert!(db.find_plaintext(CANARY).is_empty(), "{on:?}");

        // The case answers erased, with no personal field; nothing more can be recorded.
        let v = app.case(&manager, &case).await.expect("view");
        assert!(v.erased && v.person.is_none(), "{on:?}");
        assert!(v.closure.erased_at.is_some() && v.closure.move_on_plan.is_none());
        assert!(v.notes.is_empty() && v.documents.is_empty() && v.history.is_empty());
        assert!(v.plan.is_empty() && v.risks.is_empty() && v.needs.is_none());
        assert_eq!(v.status, "closed");
        assert!(!format!("{v:?}").contains(CANARY));
        assert!(matches!(
            app.add_note(&manager, &case, "More".into()).await,
            Err(AppError::Conflict(_))
        ));
        // The blind indexes went with it.
        let found = app
            .search_cases(&manager, CaseSearch::Name(format!("Amina {CANARY}")))
            .await
            .expect("search");
        assert!(found.is_empty(), "{on:?}");

        // The export of an erased case has nothing personal either.
        let export = app.export_case(&manager, &case).await.expect("export");
        assert!(export.case.person.is_none() && export.case.notes.is_empty());
        assert!(export.messages.is_empty());
        assert!(!format!("{export:?}").contains(CANARY));

        // Statistics still count the case, its status and its exploitation type.
        let s = app.case_statistics(&manager).await.expect("statistics");
        assert_eq!(
            (s.total, s.open, s.closed, s.erased),
            (1, 0, 0, 1),
            "{on:?}"
        );
        assert_eq!(
            s.by_exploitation_type.get(&ExploitationType::Labour),
            Some(&1)
        );
        assert_eq!(s.by_need.get(&Need::SafeHousing), Some(&1));
        assert!(matches!(
            app.case_statistics(&caseworker).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(app.verify_audit().await.expect("verify").first_bad, None);
    }
}
