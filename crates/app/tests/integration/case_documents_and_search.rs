//! Casework's documents, plaintext scans, search, possible matches, messages under need-to-know and the my-work view.

use crate::fixture::*;
use time::Duration;
use waymark_app::{Account, AppError, CaseSearch, NewPlanAction};
use waymark_domain::case::CaseAccess;
use waymark_domain::case_record::{
    DocumentError, DocumentKind, DueState, MAX_DOCUMENT_BYTES, NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::ids::DocumentId;
use waymark_domain::{Need, Role};
use waymark_store::Backend;
use waymark_store::testing::TestDatabase;
use waymark_vault::new_id;

use crate::cases::{PDF, case_for, grant, history, plan};

#[tokio::test]
async fn documents_are_checked_by_content_and_size_and_served_only_to_those_who_may_open_the_case()
{
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let case = case_for(&w, "Doc Person").await;
        let other_case = case_for(&w, "Other Person").await;
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;

        for (bytes, expected) in [
            (
                b"MZ\x90\x00 a program".to_vec(),
                DocumentError::UnsupportedType,
            ),
            (
                b"<html><script>alert(1)</script>\x00".to_vec(),
                DocumentError::UnsupportedType,
            ),
            (Vec::new(), DocumentError::Empty),
            (
                {
                    let mut big = PDF.to_vec();
                    big.resize(MAX_DOCUMENT_BYTES + 1, b' ');
                    big
                },
                DocumentError::TooLarge,
            ),
        ] {
            let r = app.upload_document(cw, &case, "x.pdf".into(), bytes).await;
            match r {
                Err(AppError::Document(e)) => assert_eq!(e, expected, "{on:?}"),
                other => panic!("{on:?}: {other:?}"),
            }
        }
        assert_eq!(
            DocumentError::TooLarge.to_string(),
            "The file must be 5 MB or smaller"
        );
        let mut largest = PDF.to_vec();
        largest.resize(MAX_DOCUMENT_BYTES, b' ');
        let big = app
            .upload_document(cw, &case, "scan.pdf".into(), largest.clone())
            .await
            .expect("5 MiB is allowed")
            .id;
        let text = app
            .upload_document(
                cw,
                &case,
                "C:\\notes\\what she said.txt".into(),
                "Notes, ሰላም".as_bytes().to_vec(),
            )
            .await
            .expect("text")
            .id;

        let d = app
            .download_document(cw, &case, &big)
            .await
            .expect("download");
        assert_eq!(d.kind, DocumentKind::Pdf);
        assert!(d.bytes == largest, "{on:?}: the same bytes back");
        assert!(d.file_name.starts_with("document-") && d.file_name.ends_with(".pdf"));
        let t = app
            .download_document(&w.a_manager, &case, &text)
            .await
            .expect("download");
        assert_eq!(
            (t.kind, t.bytes.as_slice()),
            (DocumentKind::Text, "Notes, ሰላም".as_bytes())
        );
        assert!(
            !t.file_name.contains("what she said"),
            "a neutral download name"
        );
        let listed = app.case(cw, &case).await.expect("case").documents;
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].name, "what she said.txt", "{on:?}");
        assert_eq!(listed[1].size_bytes, MAX_DOCUMENT_BYTES as i64);

        // The same access as the case: nobody else, and never through another case.
        for actor in [&other, &w.b_caseworker, &w.b_manager, &w.a_admin, &w.helper] {
            let r = app.download_document(actor, &case, &big).await;
            assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        }
        let r = app.download_document(cw, &other_case, &big).await;
        assert!(
            matches!(r, Err(AppError::NotFound)),
            "{on:?}: through another case: {r:?}"
        );
        let r = app
            .download_document(cw, &case, &DocumentId::parse(&new_id()).expect("id"))
            .await;
        assert!(matches!(r, Err(AppError::NotFound)));
        grant(&db, &case, &other, 60);
        app.download_document(&other, &case, &big)
            .await
            .expect("with a grant");
        let reads = trail(&db, case.as_str())
            .into_iter()
            .filter(|(a, _)| a == "case.document.read")
            .count();
        assert_eq!(reads, 3, "{on:?}: every download is audited");
    }
}

#[tokio::test]
async fn notes_documents_and_the_whole_record_never_reach_the_disk_in_plaintext() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let canary = |what: &str| format!("Canary{what}-{}", new_id());
        let name = canary("CaseName");
        let case = case_for(&w, &name).await;
        let (alias, address, note, doc_text, file_name) = (
            canary("Alias"),
            canary("Address"),
            canary("Note"),
            canary("DocumentText"),
            canary("FileName"),
        );
        let (pdf_text, title, needs_note, history_note, reasons) = (
            canary("PdfText"),
            canary("PlanTitle"),
            canary("NeedsNote"),
            canary("HistoryNote"),
            canary("RiskReasons"),
        );
        app.update_person(
            cw,
            &case,
            PersonDraft {
                name: name.clone(),
                aliases: alias.clone(),
                never_write_to: address.clone(),
                ..PersonDraft::default()
            },
        )
        .await
        .expect("person");
        app.add_note(cw, &case, note.clone()).await.expect("note");
        app.upload_document(
            cw,
            &case,
            format!("{file_name}.txt"),
            doc_text.clone().into_bytes(),
        )
        .await
        .expect("text document");
        let mut pdf = PDF.to_vec();
        pdf.extend_from_slice(pdf_text.as_bytes());
        app.upload_document(cw, &case, "scan.pdf".into(), pdf)
            .await
            .expect("pdf");
        app.add_plan_action(cw, &case, plan(&title, "2026-12-31"))
            .await
            .expect("plan");
        app.record_needs(
            cw,
            &case,
            vec![(Need::Medical, NeedUrgency::Low)],
            needs_note.clone(),
        )
        .await
        .expect("needs");
        app.add_history(cw, &case, history(&history_note))
            .await
            .expect("history");
        app.record_risk(cw, &case, RiskLevel::Low, reasons.clone())
            .await
            .expect("risk");

        // They went in: the case reads them back.
        let v = app.case(cw, &case).await.expect("case");
        assert_eq!(
            v.person.as_ref().expect("person").aliases,
            std::slice::from_ref(&alias)
        );
        assert_eq!(v.notes[0].body, note);
        assert_eq!(v.documents[1].name, format!("{file_name}.txt"), "{on:?}");

        // Positive control: a plaintext value written the same way is found by the scan.
        let visible = canary("OrganisationName");
        control_organisation(app, &visible).await;
        let found = db.find_plaintext(&visible);
        assert!(
            !found.is_empty(),
            "{on:?}: the scan did not find the control"
        );
        if on == Backend::Postgres && db.postgres_files_readable() {
            assert!(
                found.iter().any(|f| f.contains('/')),
                "the control was not found in PostgreSQL's files: {found:?}"
            );
        }
        for secret in [
            &name,
            &alias,
            &address,
            &note,
            &doc_text,
            &file_name,
            &pdf_text,
            &title,
            &needs_note,
            &history_note,
            &reasons,
        ] {
            let found = db.find_plaintext(secret);
            assert!(
                found.is_empty(),
                "{on:?}: {secret} in plaintext in {found:?}"
            );
        }
    }
}

#[tokio::test]
async fn search_finds_exact_names_dates_of_birth_and_references_within_the_organisation_only() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        let case = case_for(&w, "Amina Haile").await;
        app.update_person(
            &w.a_caseworker,
            &case,
            PersonDraft {
                name: "Amina Haile".into(),
                aliases: "Mimi".into(),
                date_of_birth: "1999-02-03".into(),
                ..PersonDraft::default()
            },
        )
        .await
        .expect("person");
        let to_b = app
            .submit_referral(&w.helper, &w.org_b, amina())
            .await
            .expect("sent");
        let b_case = app
            .accept_referral(&w.b_manager, &to_b)
            .await
            .expect("B's case");
        let reference = app.case(&w.a_manager, &case).await.expect("case").reference;

        let ids = |hits: &[waymark_app::CaseMatch]| {
            hits.iter().map(|h| h.case_id.clone()).collect::<Vec<_>>()
        };
        let search = |actor: &Account, q: CaseSearch| {
            let app = app.clone();
            let actor = actor.clone();
            async move { app.search_cases(&actor, q).await.expect("search") }
        };
        for q in [
            CaseSearch::Name("Amina Haile".into()),
            CaseSearch::Name("  amina HAILE ".into()),
            CaseSearch::Name("mimi".into()),
            CaseSearch::DateOfBirth("1999-02-03".into()),
            CaseSearch::Reference(reference.to_lowercase()),
        ] {
            let hits = search(&w.a_manager, q.clone()).await;
            assert_eq!(ids(&hits), std::slice::from_ref(&case), "{on:?}: {q:?}");
            assert_eq!(hits[0].access, CaseAccess::Allowed);
            assert_eq!(hits[0].reference, reference);
        }
        for q in [
            CaseSearch::Name("Amina".into()),
            CaseSearch::Name("Amina  Haile".into()),
            CaseSearch::DateOfBirth("1999-02-04".into()),
            CaseSearch::Reference("LSH".into()),
        ] {
            assert!(
                search(&w.a_manager, q.clone()).await.is_empty(),
                "{on:?}: {q:?} is not exact"
            );
        }
        // An unassigned caseworker learns the case exists in their organisation, and that they must break
        // the glass to open it.
        let hits = search(&other, CaseSearch::Name("Amina Haile".into())).await;
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].access, CaseAccess::BreakGlass, "{on:?}");
        // Another organisation finds its own case of the same name, never A's.
        let hits = search(&w.b_manager, CaseSearch::Name("Amina Haile".into())).await;
        assert_eq!(ids(&hits), std::slice::from_ref(&b_case), "{on:?}");
        assert!(
            search(&w.b_manager, CaseSearch::Reference(reference.clone()))
                .await
                .is_empty()
        );
        assert!(
            search(&w.b_manager, CaseSearch::DateOfBirth("1999-02-03".into()))
                .await
                .is_empty()
        );
        for actor in [&w.a_admin, &w.helper] {
            let r = app
                .search_cases(actor, CaseSearch::Name("Amina Haile".into()))
                .await;
            assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: {r:?}");
        }
        // Each search is audited against the organisation, without what was searched for.
        let searches = entries(&db, w.org_a.as_str())
            .into_iter()
            .filter(|e| e.action == "case.search")
            .collect::<Vec<_>>();
        assert_eq!(searches.len(), 10, "{on:?}");
        assert!(searches.iter().all(|e| !format!("{e:?}").contains("Amina")));
        assert!(searches.iter().any(|e| e.reason == "by date of birth"));
    }
}

#[tokio::test]
async fn a_new_referral_with_the_name_of_an_existing_case_warns_of_a_possible_match() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let first = case_for(&w, "Amina Haile").await;
        let again = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult(" amina haile ", "By text", "Tigrinya"),
            )
            .await
            .expect("sent");
        let someone_else = app
            .submit_referral(&w.helper, &w.org_a, adult("Other Name", "By text", "Urdu"))
            .await
            .expect("sent");
        let view = app
            .open_referral(&w.a_caseworker, &again)
            .await
            .expect("opens");
        assert_eq!(
            view.possible_matches
                .iter()
                .map(|m| &m.case_id)
                .collect::<Vec<_>>(),
            [&first],
            "{on:?}"
        );
        assert_eq!(view.possible_matches[0].access, CaseAccess::Allowed);
        assert!(
            app.open_referral(&w.a_caseworker, &someone_else)
                .await
                .expect("opens")
                .possible_matches
                .is_empty()
        );
        // Accepted, it still warns of the first case, and never of its own.
        let second = app
            .accept_referral(&w.a_manager, &again)
            .await
            .expect("accepted");
        let view = app
            .open_referral(&w.a_manager, &again)
            .await
            .expect("opens");
        assert_eq!(
            view.possible_matches
                .iter()
                .map(|m| &m.case_id)
                .collect::<Vec<_>>(),
            [&first],
            "{on:?}"
        );
        assert_ne!(first, second);
        // Another organisation's referral of the same name matches nothing of A's.
        let to_b = app
            .submit_referral(&w.helper, &w.org_b, amina())
            .await
            .expect("sent");
        let view = app
            .open_referral(&w.b_caseworker, &to_b)
            .await
            .expect("opens");
        assert!(view.possible_matches.is_empty(), "{on:?}");
    }
}

#[tokio::test]
async fn an_accepted_referral_and_its_messages_follow_the_cases_need_to_know() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        let id = app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent");
        app.open_referral(&other, &id)
            .await
            .expect("the inbox is the team's before acceptance");
        let case = app
            .accept_referral(&w.a_caseworker, &id)
            .await
            .expect("accepted");
        let r = app.open_referral(&other, &id).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        let r = app.referral_messages(&other, &id).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        app.open_referral(&w.a_manager, &id)
            .await
            .expect("the manager");
        app.open_referral(&w.a_caseworker, &id)
            .await
            .expect("the assigned caseworker");
        app.break_glass(&other, &case, "Covering the duty phone")
            .await
            .expect("glass");
        app.open_referral(&other, &id).await.expect("with a grant");

        // Reassigned, the case moves with its referral.
        app.assign_case(&w.a_manager, &case, &other.user_id)
            .await
            .expect("assigned");
        let r = app
            .assign_case(&w.a_manager, &case, &w.b_caseworker.user_id)
            .await;
        assert!(matches!(r, Err(AppError::Case(_))), "{on:?}: {r:?}");
        let r = app.case(&w.a_caseworker, &case).await;
        assert!(
            matches!(r, Err(AppError::NotFound)),
            "{on:?}: the previous caseworker: {r:?}"
        );
        let r = app.open_referral(&w.a_caseworker, &id).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        assert!(
            trail(&db, case.as_str())
                .iter()
                .any(|(a, u)| a == "case.assign" && u == w.a_manager.user_id.as_str())
        );
    }
}

#[tokio::test]
async fn my_work_lists_my_tasks_by_due_date_my_cases_and_the_open_referrals_with_their_age() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let today = waymark_store::now().date();
        let iso = |d: time::Date| {
            d.format(time::macros::format_description!("[year]-[month]-[day]"))
                .expect("date")
        };
        let case = case_for(&w, "Task Person").await;
        for (title, due) in [
            ("Later", today + Duration::days(7)),
            ("Overdue", today - Duration::days(2)),
            ("Today", today),
        ] {
            app.add_plan_action(cw, &case, plan(title, &iso(due)))
                .await
                .expect("action");
        }
        let done = app
            .add_plan_action(cw, &case, plan("Done already", &iso(today)))
            .await
            .expect("action");
        app.complete_plan_action(cw, &case, &done)
            .await
            .expect("done");
        app.add_plan_action(
            cw,
            &case,
            NewPlanAction {
                owner: Some(w.a_manager.user_id.clone()),
                ..plan("The manager's", &iso(today))
            },
        )
        .await
        .expect("the manager's action");
        let waiting = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult("Waiting Person", "By text", "Polish"),
            )
            .await
            .expect("sent");
        db.execute_as_intruder(&format!(
            "UPDATE referrals SET created_at = created_at - INTERVAL '3 days' WHERE id = '{waiting}'"
        ))
        .or_else(|_| {
            db.execute_as_intruder(&format!(
                "UPDATE referrals SET created_at = datetime(created_at, '-3 days') WHERE id = '{waiting}'"
            ))
        })
        .expect("an older referral");

        let work = app.my_work(cw).await.expect("my work");
        let tasks: Vec<_> = work
            .tasks
            .iter()
            .map(|t| (t.title.clone().unwrap_or_default(), t.due))
            .collect();
        assert_eq!(
            tasks,
            [
                ("Overdue".to_owned(), DueState::Overdue),
                ("Today".to_owned(), DueState::DueToday),
                ("Later".to_owned(), DueState::Upcoming),
            ],
            "{on:?}"
        );
        assert_eq!(work.cases.len(), 1);
        assert_eq!(work.cases[0].id, case);
        assert_eq!(work.open_referrals.len(), 1);
        assert_eq!(work.open_referrals[0].id, waiting);
        assert_eq!(work.open_referrals[0].age_days, 3, "{on:?}");
        assert!(
            trail(&db, case.as_str())
                .iter()
                .any(|(a, u)| a == "case.plan.read" && u == cw.user_id.as_str()),
            "{on:?}: reading my task titles is audited"
        );
        assert_eq!(app.my_tasks(&w.a_manager).await.expect("tasks").len(), 1);
        assert_eq!(
            app.open_referrals(&w.a_manager).await.expect("open").len(),
            1
        );
        assert!(
            app.open_referrals(&w.b_manager)
                .await
                .expect("open")
                .is_empty()
        );

        // Reassigned away from me, my tasks stay on my list, but I can no longer read them.
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        app.assign_case(&w.a_manager, &case, &other.user_id)
            .await
            .expect("assigned");
        let tasks = app.my_tasks(cw).await.expect("tasks");
        assert_eq!(tasks.len(), 3, "{on:?}");
        assert!(tasks.iter().all(|t| t.title.is_none()));
        assert!(app.my_work(cw).await.expect("work").cases.is_empty());

        for actor in [&w.a_admin, &w.helper] {
            assert!(matches!(app.my_work(actor).await, Err(AppError::Forbidden)));
            assert!(matches!(
                app.my_tasks(actor).await,
                Err(AppError::Forbidden)
            ));
        }
        assert!(matches!(
            app.open_referrals(&w.helper).await,
            Err(AppError::Forbidden)
        ));
    }
}
