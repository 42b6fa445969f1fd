//! Casework: the case record, need-to-know and break the glass, search and the "my work" views, as the
//! people using Waymark would notice them. Every test runs on a fresh SQLite file and on a fresh
//! PostgreSQL schema.

use crate::fixture::*;
use time::Duration;
use waymark_app::{Account, App, AppError, CaseSearch, NewConsent, NewHistory, NewPlanAction};
use waymark_domain::case::CaseAccess;
use waymark_domain::case_record::{
    CaseError, DocumentError, DocumentKind, DueState, ExploitationPlace, MAX_DOCUMENT_BYTES,
    NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::consent::ConsentMethod;
use waymark_domain::ids::ConsentId;
use waymark_domain::ids::{DocumentId, PlanActionId};
use waymark_domain::{CaseId, ExploitationType, Nation, Need, OrganisationKind, Role};
use waymark_store::Backend;
use waymark_store::testing::TestDatabase;
use waymark_vault::new_id;

const PDF: &[u8] = b"%PDF-1.7\n% a tiny test document\n";

/// A referral from the community group to organisation A, accepted by A's caseworker: a case assigned
/// to them.
pub(crate) async fn case_for(w: &World, name: &str) -> CaseId {
    accepted_by(w, name, &w.a_caseworker).await
}

/// The same, accepted by (and so assigned to) `by`.
async fn accepted_by(w: &World, name: &str, by: &Account) -> CaseId {
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

fn plan(title: &str, due_on: &str) -> NewPlanAction {
    NewPlanAction {
        title: title.into(),
        owner: None,
        due_on: due_on.into(),
    }
}

fn history(note: &str) -> NewHistory {
    NewHistory {
        kind: ExploitationType::Labour,
        place: ExploitationPlace::Uk,
        from: "2024-03-01".into(),
        to: "2025-01-31".into(),
        note: note.into(),
    }
}

fn grant(db: &TestDatabase, case: &CaseId, who: &Account, minutes: i64) {
    let (case, user) = (case.clone(), who.user_id.clone());
    db.store
        .run_blocking(move |tx| {
            let t = waymark_store::now();
            tx.grant_case_access(&case, &user, t, t + Duration::minutes(minutes))
        })
        .expect("grant");
}

/// How a call ended, for the permission table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Other,
}

fn outcome<T>(r: &Result<T, AppError>) -> Outcome {
    match r {
        Ok(_) => Outcome::Ok,
        Err(AppError::NotFound) => Outcome::NotFound,
        Err(AppError::Forbidden) => Outcome::Forbidden,
        Err(AppError::Conflict(_)) => Outcome::Conflict,
        Err(_) => Outcome::Other,
    }
}

/// Every case use case once, as `actor`, on `case`; returns each outcome by name.
async fn every_case_use_case(
    app: &App,
    actor: &Account,
    case: &CaseId,
    action: &PlanActionId,
    document: &DocumentId,
    assignee: &Account,
    sharing: &Sharing,
) -> Vec<(&'static str, Outcome)> {
    let person = PersonDraft {
        name: "Amina Haile".into(),
        ..PersonDraft::default()
    };
    vec![
        ("view", outcome(&app.case(actor, case).await)),
        (
            "form header",
            outcome(
                &app.case_header(actor, case, waymark_domain::case::CaseAction::AddNote)
                    .await,
            ),
        ),
        (
            "update person",
            outcome(&app.update_person(actor, case, person).await),
        ),
        (
            "record needs",
            outcome(
                &app.record_needs(
                    actor,
                    case,
                    vec![(Need::Medical, NeedUrgency::High)],
                    String::new(),
                )
                .await,
            ),
        ),
        (
            "add plan action",
            outcome(
                &app.add_plan_action(actor, case, plan("Book a GP", "2026-12-24"))
                    .await,
            ),
        ),
        (
            "complete plan action",
            outcome(&app.complete_plan_action(actor, case, action).await),
        ),
        (
            "add note",
            outcome(&app.add_note(actor, case, "Called".into()).await),
        ),
        (
            "upload document",
            outcome(
                &app.upload_document(actor, case, "letter.pdf".into(), PDF.to_vec())
                    .await,
            ),
        ),
        (
            "download document",
            outcome(&app.download_document(actor, case, document).await),
        ),
        (
            "add history",
            outcome(&app.add_history(actor, case, history("")).await),
        ),
        (
            "record risk",
            outcome(
                &app.record_risk(actor, case, RiskLevel::High, "Threats".into())
                    .await,
            ),
        ),
        ("messages", outcome(&app.case_messages(actor, case).await)),
        ("consents", outcome(&app.sharing(actor, case).await)),
        (
            "record consent",
            outcome(
                &app.record_consent(actor, case, consent_to(&sharing.to))
                    .await,
            ),
        ),
        (
            "refer onward",
            outcome(
                &app.refer_onward(
                    actor,
                    case,
                    sharing.to.as_str(),
                    sharing.for_onward.as_str(),
                )
                .await,
            ),
        ),
        (
            "refer formally",
            outcome(
                &app.refer_formally(
                    actor,
                    case,
                    sharing.body.as_str(),
                    Some(sharing.for_formal.as_str()),
                )
                .await,
            ),
        ),
        (
            "formal referrals",
            outcome(&app.case_formal_referrals(actor, case).await),
        ),
        (
            "withdraw consent",
            outcome(&app.withdraw_consent(actor, &sharing.to_withdraw).await),
        ),
        (
            "close",
            outcome(
                &app.close_case(
                    actor,
                    case,
                    "Moving in with her sister; GP registered".into(),
                )
                .await,
            ),
        ),
        ("export", outcome(&app.export_case(actor, case).await)),
        (
            "assign",
            outcome(&app.assign_case(actor, case, &assignee.user_id).await),
        ),
        // Erasing comes last but one: after it nothing personal is left to work on.
        ("erase", outcome(&app.erase_case(actor, case).await)),
        (
            "break the glass",
            outcome(
                &app.break_glass(actor, case, "Covering for the duty worker")
                    .await,
            ),
        ),
    ]
}

/// Two consents seeded on a case (to organisation B): one to refer onward under, one to withdraw.
struct Sharing {
    to: waymark_domain::OrgId,
    for_onward: ConsentId,
    to_withdraw: ConsentId,
    /// A decision body, and a consent naming it that covers a formal referral.
    body: waymark_domain::OrgId,
    for_formal: ConsentId,
}

fn consent_to(to: &waymark_domain::OrgId) -> NewConsent {
    NewConsent {
        scopes: vec!["identity".into(), "needs".into()],
        recipient: to.to_string(),
        purpose: "Housing support nearer to family".into(),
        given_on: None,
        method: ConsentMethod::InPerson,
    }
}

/// What each kind of actor must get from every use case: only these succeed.
fn expected(who: &str, with_grant: bool, use_case: &str) -> Outcome {
    use Outcome::*;
    let may_open = match who {
        "A's manager" | "A's assigned manager" | "A's assigned caseworker" => true,
        "A's other caseworker" => with_grant,
        _ => return NotFound, // outsiders, helpers, administrators: as if the case did not exist
    };
    match (who, may_open, use_case) {
        (_, false, "break the glass") => Ok,
        (_, false, _) => NotFound,
        (_, true, "break the glass") => Conflict,
        ("A's manager" | "A's assigned manager", true, _) => Ok,
        (_, true, "assign" | "erase") => Forbidden,
        (_, true, _) => Ok,
    }
}

#[tokio::test]
async fn the_permission_table_every_case_use_case_for_every_role_organisation_assignment_and_grant()
{
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let a_other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        let a_helper = account(app, &w.org_a, "helper@a.example.org", Role::Helper).await;
        let b_admin = account(app, &w.org_b, "admin@b.example.org", Role::Admin).await;
        let b_helper = account(app, &w.org_b, "helper@b.example.org", Role::Helper).await;
        // A is a first responder and may refer formally to a decision body.
        app.set_first_responder(&w.org_a, true)
            .await
            .expect("designated");
        let body = organisation(
            app,
            "Independent Decision Panel (fictional)",
            OrganisationKind::DecisionBody,
            Nation::EnglandWales,
            "London",
            &[],
        )
        .await;
        let actors: [(&str, &Account); 11] = [
            ("A's manager", &w.a_manager),
            ("A's assigned manager", &w.a_manager),
            ("A's assigned caseworker", &w.a_caseworker),
            ("A's other caseworker", &a_other),
            ("A's administrator", &w.a_admin),
            ("A's helper", &a_helper),
            ("B's manager", &w.b_manager),
            ("B's caseworker", &w.b_caseworker),
            ("B's administrator", &b_admin),
            ("B's helper", &b_helper),
            ("the community group's helper", &w.helper),
        ];
        let mut rows = 0;
        for (who, actor) in actors {
            for with_grant in [false, true] {
                // A fresh case for each actor and grant: what one call changes cannot decide the next.
                // Assigned to A's caseworker or, on its own row, to A's manager.
                let assignee = if who == "A's assigned manager" {
                    &w.a_manager
                } else {
                    &w.a_caseworker
                };
                let case = accepted_by(&w, "Table Person", assignee).await;
                let action = app
                    .add_plan_action(assignee, &case, plan("Seeded", "2026-12-01"))
                    .await
                    .expect("seeded action");
                let document = app
                    .upload_document(assignee, &case, "seed.pdf".into(), PDF.to_vec())
                    .await
                    .expect("seeded document")
                    .id;
                let sharing = Sharing {
                    to: w.org_b.clone(),
                    for_onward: app
                        .record_consent(assignee, &case, consent_to(&w.org_b))
                        .await
                        .expect("seeded consent"),
                    to_withdraw: app
                        .record_consent(assignee, &case, consent_to(&w.org_b))
                        .await
                        .expect("seeded consent"),
                    for_formal: app
                        .record_consent(
                            assignee,
                            &case,
                            NewConsent {
                                scopes: vec!["identity".into(), "history".into()],
                                ..consent_to(&body)
                            },
                        )
                        .await
                        .expect("seeded consent"),
                    body: body.clone(),
                };
                if with_grant {
                    grant(&db, &case, actor, 60);
                }
                let before = trail(&db, case.as_str());
                let got = every_case_use_case(
                    app,
                    actor,
                    &case,
                    &action,
                    &document,
                    &w.a_caseworker,
                    &sharing,
                )
                .await;
                let mut allowed = 0;
                for (use_case, outcome) in &got {
                    rows += 1;
                    assert_eq!(
                        *outcome,
                        expected(who, with_grant, use_case),
                        "{on:?}: {who}, grant {with_grant}: {use_case}"
                    );
                    // A form's header holds nothing personal, and a helper's referral has no
                    // conversation to read: neither is a read of personal data to audit.
                    if !matches!(*use_case, "form header" | "messages") {
                        allowed += usize::from(*outcome == Outcome::Ok);
                    }
                }
                let after = trail(&db, case.as_str());
                if allowed == 0 {
                    assert_eq!(after, before, "{on:?}: {who}'s refused calls left entries");
                } else {
                    assert!(
                        after.len() >= before.len() + allowed,
                        "{on:?}: {who}: unaudited work"
                    );
                }
                if who == "A's other caseworker" && with_grant {
                    // Work through a grant says so in every entry it leaves.
                    let entries = entries(&db, case.as_str());
                    let mine: Vec<_> = entries
                        .iter()
                        .filter(|e| e.actor == actor.user_id.as_str())
                        .collect();
                    assert!(!mine.is_empty());
                    assert!(
                        mine.iter().all(|e| e.reason == "break-glass"),
                        "{on:?}: {mine:?}"
                    );
                }
            }
        }
        assert_eq!(rows, 11 * 2 * 23, "{on:?}");
    }
}

#[tokio::test]
async fn breaking_the_glass_is_audited_with_its_reason_and_lasts_an_hour() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let other = account(app, &w.org_a, "other@a.example.org", Role::Caseworker).await;
        let case = case_for(&w, "Glass Person").await;

        let r = app.case(&other, &case).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        assert!(app.cases(&other).await.expect("cases").is_empty());
        for bad in ["", "no", "two\nlines", &"x".repeat(501)] {
            let r = app.break_glass(&other, &case, bad).await;
            assert!(
                matches!(r, Err(AppError::Invalid(_))),
                "{on:?}: {bad:?}: {r:?}"
            );
        }
        let reason = "Duty cover: the person rang in distress and Sam is on leave";
        let before = waymark_store::now();
        let until = app
            .break_glass(&other, &case, reason)
            .await
            .expect("glass broken");
        assert!(until >= before + Duration::minutes(59) && until <= before + Duration::minutes(61));

        let view = app.case(&other, &case).await.expect("now opens");
        assert_eq!(view.access_until, Some(until), "{on:?}");
        assert!(!view.can_assign);
        let listed = app.cases(&other).await.expect("cases");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].access_until, Some(until));

        let glass = entries(&db, case.as_str())
            .into_iter()
            .find(|e| e.action == "case.break_glass")
            .expect("an audit entry for breaking the glass");
        assert_eq!(glass.actor, other.user_id.as_str(), "{on:?}");
        assert_eq!(
            glass.reason, reason,
            "{on:?}: the reason is in the audit log"
        );
        assert_eq!(glass.org_id.as_deref(), Some(w.org_a.as_str()));
        assert!(
            entries(&db, case.as_str())
                .iter()
                .any(|e| e.action == "case.read"
                    && e.actor == other.user_id.as_str()
                    && e.reason == "break-glass"),
            "{on:?}: the read through the grant says so"
        );

        // The assigned caseworker and the manager never need to break the glass.
        for actor in [&w.a_caseworker, &w.a_manager] {
            let r = app.break_glass(actor, &case, reason).await;
            assert!(matches!(r, Err(AppError::Conflict(_))), "{on:?}: {r:?}");
        }

        // When the hour is over the case is hidden again.
        grant(&db, &case, &other, -1);
        let r = app.case(&other, &case).await;
        assert!(matches!(r, Err(AppError::NotFound)), "{on:?}: {r:?}");
        assert!(app.cases(&other).await.expect("cases").is_empty());
        assert_eq!(
            app.verify_audit().await.expect("verify").first_bad,
            None,
            "{on:?}"
        );
    }
}

#[tokio::test]
async fn a_case_starts_from_its_referral_with_a_reference_and_the_accepting_caseworker() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let year = waymark_store::now().year();
        let first = case_for(&w, "Amina Haile").await;
        let second = case_for(&w, "Second Person").await;
        let view = app.case(&w.a_caseworker, &first).await.expect("case");
        assert_eq!(view.reference, format!("LSH-{year}-0001"), "{on:?}");
        assert_eq!(
            app.case(&w.a_manager, &second)
                .await
                .expect("case")
                .reference,
            format!("LSH-{year}-0002")
        );
        assert_eq!(
            view.assigned_to.map(|s| s.id),
            Some(w.a_caseworker.user_id.clone())
        );
        assert_eq!(
            view.person.as_ref().expect("person").name,
            "Amina Haile",
            "{on:?}"
        );
        assert_eq!(
            view.person.as_ref().expect("person").safe_contact,
            "Via the drop-in"
        );
        assert_eq!(view.person.as_ref().expect("person").languages, "Tigrinya");
        assert_eq!(view.status, "open");

        // Organisation B counts its own cases.
        let to_b = app
            .submit_referral(&w.helper, &w.org_b, amina())
            .await
            .expect("sent");
        let b_case = app
            .accept_referral(&w.b_manager, &to_b)
            .await
            .expect("accepted");
        let b_view = app.case(&w.b_manager, &b_case).await.expect("case");
        assert_eq!(b_view.reference, format!("YFP-{year}-0001"), "{on:?}");
        assert_eq!(
            b_view.assigned_to.map(|s| s.id),
            Some(w.b_manager.user_id.clone())
        );
    }
}

#[tokio::test]
async fn every_part_of_the_record_is_kept_sealed_and_read_back() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let cw = &w.a_caseworker;
        let case = case_for(&w, "Amina Haile").await;

        let person = PersonDraft {
            name: "Amina Haile".into(),
            aliases: "Mimi\nAmina H".into(),
            date_of_birth: "1999-02-03".into(),
            age: String::new(),
            nationality: "Eritrean".into(),
            languages: "Tigrinya, Arabic".into(),
            safe_contact: "Drop-in, Tuesdays".into(),
            never_write_to: "12 Example Road, Leeds".into(),
        };
        app.update_person(cw, &case, person).await.expect("person");
        let r = app
            .update_person(
                cw,
                &case,
                PersonDraft {
                    date_of_birth: "1999-02-03".into(),
                    age: "27".into(),
                    ..PersonDraft::default()
                },
            )
            .await;
        assert!(
            matches!(
                &r,
                Err(AppError::Case(CaseError::Field {
                    field: "date_of_birth",
                    ..
                }))
            ),
            "{on:?}: {r:?}"
        );
        app.record_needs(
            cw,
            &case,
            vec![
                (Need::SafeHousing, NeedUrgency::High),
                (Need::LegalAdvice, NeedUrgency::Low),
            ],
            "Wants a solicitor who speaks Tigrinya".into(),
        )
        .await
        .expect("needs");
        let r = app.record_needs(cw, &case, vec![], String::new()).await;
        assert!(matches!(r, Err(AppError::Case(_))), "{on:?}: {r:?}");
        let action = app
            .add_plan_action(cw, &case, plan("Book a GP appointment", "2026-12-10"))
            .await
            .expect("action");
        let r = app
            .add_plan_action(
                cw,
                &case,
                NewPlanAction {
                    owner: Some(w.b_caseworker.user_id.clone()),
                    ..plan("Someone else's", "2026-12-10")
                },
            )
            .await;
        assert!(
            matches!(
                &r,
                Err(AppError::Case(CaseError::Field { field: "owner", .. }))
            ),
            "{on:?}: an owner from another organisation: {r:?}"
        );
        app.complete_plan_action(cw, &case, &action)
            .await
            .expect("done");
        let r = app.complete_plan_action(cw, &case, &action).await;
        assert!(
            matches!(r, Err(AppError::Conflict(_))),
            "{on:?}: done twice: {r:?}"
        );
        app.add_note(cw, &case, "First meeting went well".into())
            .await
            .expect("note");
        let r = app.add_note(cw, &case, "  ".into()).await;
        assert!(matches!(r, Err(AppError::Case(_))), "{on:?}: {r:?}");
        app.add_history(cw, &case, history("Farm work near Boston"))
            .await
            .expect("history");
        app.record_risk(cw, &case, RiskLevel::Medium, "Old debt".into())
            .await
            .expect("risk");
        app.record_risk(cw, &case, RiskLevel::High, "Recruiter called again".into())
            .await
            .expect("risk");

        let v = app.case(&w.a_manager, &case).await.expect("case");
        assert_eq!(
            v.person.as_ref().expect("person").aliases,
            ["Mimi", "Amina H"],
            "{on:?}"
        );
        assert_eq!(
            v.person.as_ref().expect("person").date_of_birth,
            Some(time::macros::date!(1999 - 02 - 03))
        );
        assert_eq!(
            v.person.as_ref().expect("person").never_write_to,
            "12 Example Road, Leeds"
        );
        let needs = v.needs.expect("assessed");
        assert_eq!(
            needs.needs,
            [
                (Need::SafeHousing, NeedUrgency::High),
                (Need::LegalAdvice, NeedUrgency::Low)
            ]
        );
        assert_eq!(
            needs.note.as_deref(),
            Some("Wants a solicitor who speaks Tigrinya")
        );
        assert_eq!(v.plan.len(), 1);
        assert_eq!(v.plan[0].title, "Book a GP appointment");
        assert_eq!(v.plan[0].owner_id, cw.user_id);
        assert_eq!(v.notes[0].body, "First meeting went well");
        assert_eq!(v.history[0].note.as_deref(), Some("Farm work near Boston"));
        assert_eq!(v.history[0].place, ExploitationPlace::Uk);
        assert_eq!(v.risks[0].level, RiskLevel::High, "the latest first");
        assert_eq!(v.risks.len(), 2);
        assert!(v.can_assign, "a manager may assign");
        assert_eq!(
            trail(&db, case.as_str())
                .into_iter()
                .map(|(a, _)| a)
                .filter(|a| a != "case.read")
                .collect::<Vec<_>>(),
            [
                "case.create",
                "case.person.update",
                "case.needs.update",
                "case.plan.add",
                "case.plan.complete",
                "case.note.add",
                "case.history.add",
                "case.risk.record",
                "case.risk.record",
            ],
            "{on:?}: every write is audited, and refused input leaves nothing"
        );
    }
}

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
        organisation(
            app,
            &visible,
            OrganisationKind::SupportOrganisation,
            Nation::Scotland,
            "Glasgow",
            &[],
        )
        .await;
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
