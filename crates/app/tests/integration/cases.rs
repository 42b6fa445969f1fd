//! Casework: the case record, need-to-know and break the glass, search and the "my work" views, as the
//! people using Waymark would notice them. Every test runs on a fresh SQLite file and on a fresh
//! PostgreSQL schema.

use crate::fixture::*;
use time::Duration;
use waymark_app::{Account, App, AppError, NewConsent, NewHistory, NewPlanAction};
use waymark_domain::case_record::{
    CaseError, ExploitationPlace, NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::consent::ConsentMethod;
use waymark_domain::ids::ConsentId;
use waymark_domain::ids::{DocumentId, PlanActionId};
use waymark_domain::{CaseId, ExploitationType, Nation, Need, OrganisationKind, Role};
use waymark_store::testing::TestDatabase;

pub(crate) const PDF: &[u8] = b"%PDF-1.7\n% a tiny test document\n";

/// A referral from the community group to organisation A, accepted by A's caseworker: a case assigned
/// to them.
pub(crate) async fn case_for(w: &World, name: &str) -> CaseId {
    accepted_by(w, name, &w.a_caseworker).await
}

/// The same, accepted by (and so assigned to) `by`.
pub(crate) async fn accepted_by(w: &World, name: &str, by: &Account) -> CaseId {
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

pub(crate) fn plan(title: &str, due_on: &str) -> NewPlanAction {
    NewPlanAction {
        title: title.into(),
        owner: None,
        due_on: due_on.into(),
    }
}

pub(crate) fn history(note: &str) -> NewHistory {
    NewHistory {
        kind: ExploitationType::Labour,
        place: ExploitationPlace::Uk,
        from: "2024-03-01".into(),
        to: "2025-01-31".into(),
        note: note.into(),
    }
}

pub(crate) fn grant(db: &TestDatabase, case: &CaseId, who: &Account, minutes: i64) {
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
pub(crate) enum Outcome {
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Other,
}

pub(crate) fn outcome<T>(r: &Result<T, AppError>) -> Outcome {
    match r {
        Ok(_) => Outcome::Ok,
        Err(AppError::NotFound) => Outcome::NotFound,
        Err(AppError::Forbidden) => Outcome::Forbidden,
        Err(AppError::Conflict(_)) => Outcome::Conflict,
        Err(_) => Outcome::Other,
    }
}

/// Every case use case once, as `actor`, on `case`; returns each outcome by name.
pub(crate) async fn every_case_use_case(
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
pub(crate) struct Sharing {
    to: waymark_domain::OrgId,
    for_onward: ConsentId,
    to_withdraw: ConsentId,
    /// A decision body, and a consent naming it that covers a formal referral.
    body: waymark_domain::OrgId,
    for_formal: ConsentId,
}

pub(crate) fn consent_to(to: &waymark_domain::OrgId) -> NewConsent {
    NewConsent {
        scopes: vec!["identity".into(), "needs".into()],
        recipient: to.to_string(),
        purpose: "Housing support nearer to family".into(),
        given_on: None,
        method: ConsentMethod::InPerson,
    }
}

/// What each kind of actor must get from every use case: only these succeed.
pub(crate) fn expected(who: &str, with_grant: bool, use_case: &str) -> Outcome {
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
            "Camden",
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
        assert!(
            !glass.reason.contains("Sam") && !glass.reason.contains("distress"),
            "{on:?}: the audit log keeps only that a reason was given: {:?}",
            glass.reason
        );
        assert!(
            db.find_plaintext("Sam is on leave").is_empty(),
            "{on:?}: the reason is sealed, in no file or row as text"
        );
        let reasons = app
            .glass_reasons(&w.a_manager, &case)
            .await
            .expect("a manager reads the reasons");
        assert_eq!(reasons.len(), 1, "{on:?}");
        assert_eq!(reasons[0].reason, reason);
        assert_eq!(reasons[0].by, other.user_id);
        assert!(matches!(
            app.glass_reasons(&other, &case).await,
            Err(AppError::Forbidden)
        ));
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
