//! Waymark's use cases end to end, as the people using it would notice them. Every test runs on a fresh
//! SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use waymark_app::{Account, App, AppError};
use waymark_domain::referral::{ReferralError, ReferralStatus};
use waymark_domain::{AgeBand, Need, ReferralId};
use waymark_store::Backend;
use waymark_store::testing::TestDatabase;
use waymark_vault::new_id;

pub(crate) fn is_not_found<T: std::fmt::Debug>(r: &Result<T, AppError>) -> bool {
    matches!(r, Err(AppError::NotFound))
}

pub(crate) fn is_conflict<T: std::fmt::Debug>(r: &Result<T, AppError>) -> bool {
    matches!(r, Err(AppError::Conflict(_)))
}

pub(crate) async fn audit_entries(app: &App) -> u64 {
    let report = app.verify_audit().await.expect("verify");
    assert_eq!(report.first_bad, None, "the audit chain verifies");
    report.entries
}

pub(crate) async fn status_in_inbox(
    app: &App,
    actor: &Account,
    id: &ReferralId,
) -> Option<ReferralStatus> {
    app.inbox(actor)
        .await
        .expect("inbox")
        .into_iter()
        .find(|i| &i.id == id)
        .map(|i| i.status)
}

// 1. The referral route.

#[tokio::test]
async fn a_helpers_referral_reaches_the_support_organisation_and_becomes_a_case() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;

        let id = app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("referral sent");

        // The inbox lists it, without any personal field.
        let inbox = app.inbox(&w.a_caseworker).await.expect("inbox");
        assert_eq!(inbox.len(), 1, "{on:?}");
        let item = &inbox[0];
        assert_eq!(item.id, id);
        assert_eq!(item.status, ReferralStatus::Sent);
        assert_eq!(item.from_organisation.as_deref(), Some(GROUP));
        assert_eq!(item.age, AgeBand::Adult);
        assert_eq!(item.area.map(|a| a.name()), Some("Leeds"));
        assert!(item.needs.contains(&Need::SafeHousing));
        assert!(!item.child_safeguarding);
        let listed = format!("{inbox:?}");
        for personal in ["Amina", "Haile", "drop-in", "Tigrinya"] {
            assert!(!listed.contains(personal), "{on:?}: inbox shows {personal}");
        }

        // Opening it shows the details as the helper entered them.
        let view = app
            .open_referral(&w.a_caseworker, &id)
            .await
            .expect("opens");
        assert_eq!(view.name, "Amina Haile", "{on:?}");
        assert_eq!(view.contact, "Through the drop-in, Tuesdays 2pm");
        assert_eq!(view.language, "Tigrinya");
        assert_eq!(view.status, ReferralStatus::Sent);
        assert!(view.consent_given);
        assert_eq!(view.children_services, None);
        assert_eq!(view.from_organisation.as_deref(), Some(GROUP));
        assert_eq!(view.case_id, None);

        // Accepting opens a case with the person's details.
        let case_id = app
            .accept_referral(&w.a_caseworker, &id)
            .await
            .expect("accepted");
        let case = app.case(&w.a_caseworker, &case_id).await.expect("case");
        assert_eq!(case.id, case_id);
        assert_eq!(case.status, "open");
        assert_eq!(case.referral.id, id);
        assert_eq!(case.referral.name, "Amina Haile", "{on:?}");
        assert_eq!(case.referral.contact, "Through the drop-in, Tuesdays 2pm");
        assert_eq!(case.referral.language, "Tigrinya");
        assert_eq!(case.referral.status, ReferralStatus::Accepted);
        assert_eq!(case.referral.case_id.as_ref(), Some(&case_id));
        let cases = app.cases(&w.a_manager).await.expect("cases");
        assert_eq!(
            cases.iter().map(|c| &c.id).collect::<Vec<_>>(),
            [&case_id],
            "{on:?}"
        );

        // The sender sees the answer.
        let sent = app.sent_referrals(&w.helper).await.expect("sent");
        assert_eq!(sent.len(), 1, "{on:?}");
        assert_eq!(sent[0].id, id);
        assert_eq!(sent[0].status, ReferralStatus::Accepted);
        assert_eq!(sent[0].to_organisation, ORG_A);
        assert_eq!(sent[0].decline_reason, None);

        // A second referral, declined with a reason the sender reads.
        let second = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult("Second Person", "07700 900123", "Polish"),
            )
            .await
            .expect("second referral sent");
        let reason = "We have no bed this month; York Freedom Project may have one.";
        app.decline_referral(&w.a_manager, &second, reason)
            .await
            .expect("declined");
        let sent = app.sent_referrals(&w.helper).await.expect("sent");
        assert_eq!(sent.len(), 2, "{on:?}");
        let declined = sent.iter().find(|s| s.id == second).expect("listed");
        assert_eq!(declined.status, ReferralStatus::Declined, "{on:?}");
        assert_eq!(declined.decline_reason.as_deref(), Some(reason), "{on:?}");
        let accepted = sent.iter().find(|s| s.id == id).expect("listed");
        assert_eq!(accepted.status, ReferralStatus::Accepted);
        assert_eq!(
            status_in_inbox(app, &w.a_caseworker, &second).await,
            Some(ReferralStatus::Declined)
        );
        let view = app
            .open_referral(&w.a_caseworker, &second)
            .await
            .expect("opens");
        assert_eq!(view.decline_reason.as_deref(), Some(reason));
        assert_eq!(view.case_id, None);
        // Declining opened no case.
        assert_eq!(app.cases(&w.a_manager).await.expect("cases").len(), 1);
    }
}

// 2. Consent and child safeguarding.

#[tokio::test]
async fn an_adult_is_referred_only_with_consent_and_a_child_only_with_childrens_services() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let before = audit_entries(app).await;

        for children_services in [None, Some("Leeds children's services".to_owned())] {
            let mut draft = amina();
            draft.consent_given = false;
            draft.children_services_notified = children_services;
            let r = app.submit_referral(&w.helper, &w.org_a, draft).await;
            assert!(
                matches!(r, Err(AppError::Referral(ReferralError::ConsentRequired))),
                "{on:?}: {r:?}"
            );
        }
        // Nothing was stored or sent.
        assert!(app.inbox(&w.a_caseworker).await.expect("inbox").is_empty());
        assert!(
            app.sent_referrals(&w.helper)
                .await
                .expect("sent")
                .is_empty()
        );
        assert_eq!(audit_entries(app).await, before, "{on:?}");

        // A child, or someone who may be one: no consent needed, children's services named.
        let services = "Leeds City Council children's social care";
        for age in [AgeBand::Under18, AgeBand::Unsure] {
            let mut draft = adult("Young Person", "Via the school nurse", "Arabic");
            draft.age = age;
            draft.consent_given = false;
            draft.children_services_notified = Some(services.into());
            let id = app
                .submit_referral(&w.helper, &w.org_a, draft)
                .await
                .unwrap_or_else(|e| panic!("{on:?}: a {age} referral is sent: {e}"));
            let view = app
                .open_referral(&w.a_caseworker, &id)
                .await
                .expect("opens");
            assert_eq!(view.age, age);
            assert_eq!(view.children_services.as_deref(), Some(services), "{on:?}");
            assert!(!view.consent_given, "{on:?}");
            let item = app
                .inbox(&w.a_caseworker)
                .await
                .expect("inbox")
                .into_iter()
                .find(|i| i.id == id)
                .expect("in the inbox");
            assert!(item.child_safeguarding, "{on:?}");
        }

        // A child without children's services named is refused, with or without consent.
        for (age, consent, services) in [
            (AgeBand::Under18, false, None),
            (AgeBand::Unsure, false, None),
            (AgeBand::Under18, true, None),
            (AgeBand::Under18, false, Some("   ".to_owned())),
        ] {
            let mut draft = adult("Young Person", "Via the school nurse", "Arabic");
            draft.age = age;
            draft.consent_given = consent;
            draft.children_services_notified = services;
            let r = app.submit_referral(&w.helper, &w.org_a, draft).await;
            assert!(
                matches!(
                    r,
                    Err(AppError::Referral(ReferralError::ChildrenServicesRequired))
                ),
                "{on:?} {age} consent={consent}: {r:?}"
            );
        }
        assert_eq!(
            app.inbox(&w.a_caseworker).await.expect("inbox").len(),
            2,
            "{on:?}: only the two children's referrals arrived"
        );
    }
}

// 3. Organisation scoping and roles.

#[tokio::test]
async fn no_one_outside_the_receiving_organisations_casework_reaches_its_records() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;

        let open = app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent");
        let answered = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult("Other Person", "By text", "Urdu"),
            )
            .await
            .expect("sent");
        let case_id = app
            .accept_referral(&w.a_caseworker, &answered)
            .await
            .expect("accepted");
        let to_b = app
            .submit_referral(&w.helper, &w.org_b, adult("B Person", "By email", "Farsi"))
            .await
            .expect("sent to B");

        let trails_before: Vec<_> = [open.as_str(), answered.as_str(), case_id.as_str()]
            .iter()
            .map(|id| trail(&db, id))
            .collect();
        let entries_before = audit_entries(app).await;

        let outsiders = [
            ("B's caseworker", &w.b_caseworker),
            ("B's manager", &w.b_manager),
            ("the community group's helper", &w.helper),
            ("A's admin", &w.a_admin),
        ];
        for (who, actor) in outsiders {
            for id in [&open, &answered] {
                let r = app.open_referral(actor, id).await;
                assert!(is_not_found(&r), "{on:?}: {who} opened: {r:?}");
            }
            let r = app.accept_referral(actor, &open).await;
            assert!(is_not_found(&r), "{on:?}: {who} accepted: {r:?}");
            let r = app
                .decline_referral(actor, &open, "Not for us, says someone else")
                .await;
            assert!(is_not_found(&r), "{on:?}: {who} declined: {r:?}");
            let r = app.case(actor, &case_id).await;
            assert!(is_not_found(&r), "{on:?}: {who} read the case: {r:?}");
        }

        // B's inbox holds B's referral only; B's cases are not A's.
        for actor in [&w.b_caseworker, &w.b_manager] {
            let inbox = app.inbox(actor).await.expect("B's inbox");
            assert_eq!(
                inbox.iter().map(|i| &i.id).collect::<Vec<_>>(),
                [&to_b],
                "{on:?}"
            );
            assert!(app.cases(actor).await.expect("B's cases").is_empty());
        }
        // Helpers and admins have no inbox at all.
        for actor in [&w.helper, &w.a_admin] {
            let r = app.inbox(actor).await;
            assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: {r:?}");
        }
        let r = app.cases(&w.a_admin).await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{on:?}: {r:?}");

        // The refused calls changed nothing and left no trace about A's records.
        let trails_after: Vec<_> = [open.as_str(), answered.as_str(), case_id.as_str()]
            .iter()
            .map(|id| trail(&db, id))
            .collect();
        assert_eq!(trails_after, trails_before, "{on:?}");
        assert_eq!(audit_entries(app).await, entries_before, "{on:?}");
        assert_eq!(
            status_in_inbox(app, &w.a_caseworker, &open).await,
            Some(ReferralStatus::Sent),
            "{on:?}"
        );
        let sent = app.sent_referrals(&w.helper).await.expect("sent");
        let still_open = sent.iter().find(|s| s.id == open).expect("listed");
        assert_eq!(still_open.status, ReferralStatus::Sent, "{on:?}");
        assert_eq!(still_open.decline_reason, None, "{on:?}");
        let view = app
            .open_referral(&w.a_caseworker, &open)
            .await
            .expect("A still opens it");
        assert_eq!(view.status, ReferralStatus::Sent, "{on:?}");
        assert_eq!(view.decline_reason, None);
        let case = app.case(&w.a_manager, &case_id).await.expect("A's case");
        assert_eq!(case.status, "open");

        // A referral is answered once.
        app.accept_referral(&w.a_manager, &open)
            .await
            .expect("A accepts");
        let r = app.accept_referral(&w.a_caseworker, &open).await;
        assert!(is_conflict(&r), "{on:?}: accepted twice: {r:?}");
        let r = app
            .decline_referral(&w.a_caseworker, &open, "Changed our mind")
            .await;
        assert!(is_conflict(&r), "{on:?}: declined after accepting: {r:?}");
        let declined = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult("Third Person", "By post", "Czech"),
            )
            .await
            .expect("sent");
        app.decline_referral(&w.a_caseworker, &declined, "No space")
            .await
            .expect("declined");
        let r = app.accept_referral(&w.a_manager, &declined).await;
        assert!(is_conflict(&r), "{on:?}: accepted after declining: {r:?}");
        assert_eq!(
            app.cases(&w.a_manager).await.expect("cases").len(),
            2,
            "{on:?}: one case per accepted referral"
        );
        let sent = app.sent_referrals(&w.helper).await.expect("sent");
        let answer = sent.iter().find(|s| s.id == open).expect("listed");
        assert_eq!(answer.status, ReferralStatus::Accepted, "{on:?}");
        assert_eq!(answer.decline_reason, None, "{on:?}");
    }
}

// 4. The audit trail.

#[tokio::test]
async fn every_read_and_answer_is_audited_with_its_actor() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let helper = &w.helper.user_id;
        let caseworker = &w.a_caseworker.user_id;
        let manager = &w.a_manager.user_id;

        let mut count = audit_entries(app).await;
        let id = app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent");
        assert_eq!(audit_entries(app).await, count + 1, "{on:?}: submit");
        count += 1;
        assert_eq!(
            trail(&db, id.as_str()),
            by(&[("referral.create", helper)]),
            "{on:?}"
        );

        // The inbox lists no personal data, so it is not a read of the referral.
        app.inbox(&w.a_caseworker).await.expect("inbox");
        assert_eq!(audit_entries(app).await, count, "{on:?}: inbox");

        app.open_referral(&w.a_caseworker, &id)
            .await
            .expect("opens");
        assert_eq!(audit_entries(app).await, count + 1, "{on:?}: open");
        count += 1;
        let case_id = app
            .accept_referral(&w.a_caseworker, &id)
            .await
            .expect("accepted");
        assert_eq!(audit_entries(app).await, count + 2, "{on:?}: accept");
        count += 2;
        assert_eq!(
            trail(&db, id.as_str()),
            by(&[
                ("referral.create", helper),
                ("referral.read", caseworker),
                ("referral.accept", caseworker),
            ]),
            "{on:?}"
        );
        app.case(&w.a_manager, &case_id).await.expect("case");
        assert_eq!(audit_entries(app).await, count + 1, "{on:?}: case");
        count += 1;
        assert_eq!(
            trail(&db, case_id.as_str()),
            by(&[("case.create", caseworker), ("case.read", manager)]),
            "{on:?}"
        );
        for e in entries(&db, id.as_str())
            .into_iter()
            .chain(entries(&db, case_id.as_str()))
        {
            let org = if e.actor == helper.as_str() {
                &w.group
            } else {
                &w.org_a
            };
            assert_eq!(e.org_id.as_deref(), Some(org.as_str()), "{on:?}: {e:?}");
        }

        // A decline, and the sender reading the reason.
        let second = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult("Second Person", "By text", "Polish"),
            )
            .await
            .expect("sent");
        app.open_referral(&w.a_manager, &second)
            .await
            .expect("opens");
        app.decline_referral(&w.a_manager, &second, "No space")
            .await
            .expect("declined");
        assert_eq!(audit_entries(app).await, count + 3, "{on:?}: decline");
        count += 3;
        app.sent_referrals(&w.helper).await.expect("sent");
        assert_eq!(audit_entries(app).await, count + 1, "{on:?}: reason read");
        count += 1;
        assert_eq!(
            trail(&db, second.as_str()),
            by(&[
                ("referral.create", helper),
                ("referral.read", manager),
                ("referral.decline", manager),
                ("referral.read_answer", helper),
            ]),
            "{on:?}"
        );

        // Refused probes leave no entry about the records they aimed at.
        for actor in [&w.b_caseworker, &w.b_manager, &w.a_admin, &w.helper] {
            drop(app.open_referral(actor, &id).await);
            drop(app.accept_referral(actor, &second).await);
            drop(app.decline_referral(actor, &id, "probe").await);
            drop(app.case(actor, &case_id).await);
        }
        assert_eq!(trail(&db, id.as_str()).len(), 3, "{on:?}");
        assert_eq!(trail(&db, second.as_str()).len(), 4, "{on:?}");
        assert_eq!(trail(&db, case_id.as_str()).len(), 2, "{on:?}");
        assert_eq!(audit_entries(app).await, count, "{on:?}: probes");

        // The check is real: an entry rewritten behind Waymark's back is named.
        let read = entries(&db, id.as_str())
            .into_iter()
            .find(|e| e.action == "referral.read")
            .expect("the read entry");
        let drop_guard = match on {
            Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
            Backend::Postgres => "DROP TRIGGER audit_log_no_update ON audit_log",
        };
        db.execute_as_intruder(drop_guard).expect("guard dropped");
        db.execute_as_intruder(&format!(
            "UPDATE audit_log SET actor = '{}' WHERE seq = {}",
            w.b_manager.user_id, read.seq
        ))
        .expect("entry rewritten");
        let report = app.verify_audit().await.expect("verify");
        assert_eq!(report.first_bad, Some(read.seq), "{on:?}");
    }
}

// 5. Personal data never reaches the database in plaintext.

#[tokio::test]
async fn personal_data_is_never_stored_in_plaintext() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let canary = |what: &str| format!("Canary{what}-{}", new_id());
        let (name, contact, language) = (canary("Name"), canary("Contact"), canary("Language"));
        let (services, reason) = (canary("Services"), canary("Reason"));
        let (child_name, declined_name) = (canary("ChildName"), canary("DeclinedName"));

        let id = app
            .submit_referral(&w.helper, &w.org_a, adult(&name, &contact, &language))
            .await
            .expect("sent");
        let view = app
            .open_referral(&w.a_caseworker, &id)
            .await
            .expect("opens");
        assert_eq!(
            (view.name, view.contact, view.language),
            (name.clone(), contact.clone(), language.clone()),
            "{on:?}: the canaries went in"
        );
        let case_id = app
            .accept_referral(&w.a_caseworker, &id)
            .await
            .expect("accepted");
        assert_eq!(
            app.case(&w.a_caseworker, &case_id)
                .await
                .expect("case")
                .referral
                .name,
            name
        );

        let mut child = adult(&child_name, "Via school", "Somali");
        child.age = AgeBand::Under18;
        child.consent_given = false;
        child.children_services_notified = Some(services.clone());
        app.submit_referral(&w.helper, &w.org_a, child)
            .await
            .expect("child referral sent");

        let declined = app
            .submit_referral(
                &w.helper,
                &w.org_a,
                adult(&declined_name, "By text", "Welsh"),
            )
            .await
            .expect("sent");
        app.decline_referral(&w.a_manager, &declined, &reason)
            .await
            .expect("declined");
        let sent = app.sent_referrals(&w.helper).await.expect("sent");
        assert!(
            sent.iter()
                .any(|s| s.decline_reason.as_deref() == Some(reason.as_str())),
            "{on:?}: the reason canary went in"
        );

        // Positive control: a plaintext value written the same way is found by the scan.
        let visible = canary("OrganisationName");
        control_organisation(app, &visible).await;
        let found = db.find_plaintext(&visible);
        assert!(
            !found.is_empty(),
            "{on:?}: the scan did not find a plaintext organisation name"
        );
        if on == Backend::Postgres {
            let files = db.postgres_files_readable();
            println!(
                "PostgreSQL: raw data and WAL files scanned: {files}; control found in {found:?}"
            );
            if files {
                assert!(
                    found.iter().any(|f| f.contains('/')),
                    "the control was not found in PostgreSQL's files: {found:?}"
                );
            }
        } else {
            println!("SQLite: control found in {found:?}");
        }

        for secret in [
            &name,
            &contact,
            &language,
            &services,
            &reason,
            &child_name,
            &declined_name,
        ] {
            let found = db.find_plaintext(secret);
            assert!(
                found.is_empty(),
                "{on:?}: plaintext personal data in {found:?}"
            );
        }
    }
}

// 6. Signing in.
