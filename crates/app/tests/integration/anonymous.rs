//! First responders and anonymous notifications, as the people using Waymark would notice them. Every
//! test runs on a fresh SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use waymark_app::{AppError, NewOrganisation};
use waymark_domain::anonymous::{NotificationDraft, NotificationError};
use waymark_domain::ids::NotificationId;
use waymark_domain::{AgeBand, ExploitationType, Indicator, Nation, OrganisationKind};
use waymark_store::AnonymousNotification;
use waymark_store::testing::TestDatabase;

/// An adult who does not consent: only coarse facts.
fn adult() -> NotificationDraft {
    NotificationDraft {
        age: "adult".into(),
        nationality: "AL".into(),
        exploitation_types: vec!["labour".into(), "criminal".into()],
        nation: "england_wales".into(),
        area: Some("Leeds".into()),
        indicators: vec!["debt_bondage".into(), "retention_of_documents".into()],
        encountered_in: Some("2026-01".into()),
    }
}

fn draft(change: impl FnOnce(&mut NotificationDraft)) -> NotificationDraft {
    let mut d = adult();
    change(&mut d);
    d
}

/// The world of the fixture, with organisation A designated a first responder (B is not).
async fn world_with_first_responder(db: &TestDatabase) -> World {
    let w = world(db).await;
    w.app
        .set_first_responder(&w.org_a, true)
        .await
        .expect("designated");
    // The accounts were signed in before the designation: sign A's staff in again to see it.
    World {
        a_caseworker: relogin(&w, "caseworker@a.example.org").await,
        a_manager: relogin(&w, "manager@a.example.org").await,
        ..w
    }
}

async fn relogin(w: &World, email: &str) -> waymark_app::Account {
    let token = w.app.create_token(email).await.expect("token");
    w.app
        .account_for_token(&token)
        .await
        .expect("token account")
        .expect("an account")
}

fn stored_rows(db: &TestDatabase) -> Vec<String> {
    db.store
        .run_blocking(|tx| {
            tx.texts(
                "SELECT id || '|' || age_band || '|' || nationality || '|' || exploitation_types || '|' || \
                 nation || '|' || COALESCE(area, '') || '|' || indicators || '|' || \
                 COALESCE(encountered_in, '') AS value FROM anonymous_notifications ORDER BY 1",
            )
        })
        .expect("rows")
}

#[tokio::test]
async fn a_first_responder_notifies_about_an_adult_and_nothing_identifying_is_stored() {
    for db in TestDatabase::both() {
        let w = world_with_first_responder(&db).await;
        let made = w
            .app
            .notify_anonymously(&w.a_caseworker, adult())
            .await
            .expect("notified");
        assert_eq!(made.nationality, "AL");
        assert_eq!(made.nationality_name, "Albania");
        assert_eq!(
            made.exploitation_types,
            [ExploitationType::Labour, ExploitationType::Criminal]
        );
        assert_eq!(made.nation, Nation::EnglandWales);
        assert_eq!(
            made.indicators,
            [Indicator::RetentionOfDocuments, Indicator::DebtBondage]
        );

        // The organisation's list shows it; the manager sees it too.
        let listed = w
            .app
            .anonymous_notifications(&w.a_manager)
            .await
            .expect("list");
        assert_eq!(listed, vec![made.clone()]);

        // The stored row is exactly the coarse facts, and the table has no other column that could
        // hold a name, a contact or anything sealed.
        assert_eq!(
            stored_rows(&db),
            vec![format!(
                "{}|adult|AL|labour,criminal|england_wales|E08000035|retention_of_documents,debt_bondage|2026-01",
                made.id
            )]
        );
        let columns = db
            .store
            .run_blocking(|tx| {
                if tx.is_postgres() {
                    tx.texts(
                        "SELECT column_name AS value FROM information_schema.columns \
                         WHERE table_schema = current_schema() AND table_name = 'anonymous_notifications' \
                         ORDER BY 1",
                    )
                } else {
                    tx.texts(
                        "SELECT name AS value FROM pragma_table_info('anonymous_notifications') ORDER BY 1",
                    )
                }
            })
            .expect("columns");
        assert_eq!(
            columns,
            [
                "age_band",
                "area",
                "created_at",
                "created_by",
                "encountered_in",
                "exploitation_types",
                "id",
                "indicators",
                "nation",
                "nationality",
                "org_id",
            ]
        );

        // Audited with ids only.
        let audit = entries(&db, made.id.as_str());
        assert_eq!(audit.len(), 1, "{audit:?}");
        assert_eq!(audit[0].action, "anonymous_notification.create");
        assert_eq!(audit[0].actor, w.a_caseworker.user_id.as_str());
        assert_eq!(audit[0].reason, "");
    }
}

#[tokio::test]
async fn never_for_a_child_or_a_person_who_may_be_one() {
    for db in TestDatabase::both() {
        let w = world_with_first_responder(&db).await;
        for (age, expected) in [
            ("under_18", NotificationError::Child),
            ("unsure", NotificationError::AgeUnsure),
        ] {
            let err = w
                .app
                .notify_anonymously(&w.a_caseworker, draft(|d| d.age = age.into()))
                .await
                .expect_err("refused");
            match err {
                AppError::Notification(e) => {
                    assert_eq!(e, expected);
                    assert!(e.to_string().contains("children's services"), "{e}");
                }
                other => panic!("{age}: {other:?}"),
            }
        }
        assert!(stored_rows(&db).is_empty(), "nothing stored");
    }
}

#[tokio::test]
async fn an_area_outside_the_list_or_the_nation_is_refused_and_nothing_stored() {
    for db in TestDatabase::both() {
        let w = world_with_first_responder(&db).await;
        for area in [
            "07700 900123",
            "amina@example.org",
            "LS6 2AB",
            "12 Green Street",
            "Glasgow City",
        ] {
            let err = w
                .app
                .notify_anonymously(&w.a_caseworker, draft(|d| d.area = Some(area.into())))
                .await
                .expect_err(area);
            assert!(
                matches!(&err, AppError::Notification(e) if e.field() == "area"),
                "{area}: {err:?}"
            );
        }
        let err = w
            .app
            .notify_anonymously(&w.a_caseworker, draft(|d| d.nationality = "XX".into()))
            .await
            .expect_err("unknown nationality");
        assert!(matches!(&err, AppError::Notification(e) if e.field() == "nationality"));
        assert!(stored_rows(&db).is_empty(), "nothing stored");
    }
}

#[tokio::test]
async fn only_caseworkers_and_managers_of_a_first_responder_may_notify() {
    for db in TestDatabase::both() {
        let w = world_with_first_responder(&db).await;
        // B is a support organisation but not a first responder; the rest have the wrong role or kind.
        for actor in [&w.b_caseworker, &w.b_manager, &w.a_admin, &w.helper] {
            let err = w
                .app
                .notify_anonymously(actor, adult())
                .await
                .expect_err("refused");
            assert!(
                matches!(err, AppError::Forbidden),
                "{}: {err:?}",
                actor.email
            );
            let err = w
                .app
                .anonymous_notifications(actor)
                .await
                .expect_err("refused");
            assert!(
                matches!(err, AppError::Forbidden),
                "{}: {err:?}",
                actor.email
            );
        }

        // Withdrawing the designation stops notifications at once, even for a signed-in account.
        w.app
            .set_first_responder(&w.org_a, false)
            .await
            .expect("withdrawn");
        let err = w
            .app
            .notify_anonymously(&w.a_caseworker, adult())
            .await
            .expect_err("no longer a first responder");
        assert!(matches!(err, AppError::Forbidden), "{err:?}");
        assert!(stored_rows(&db).is_empty());
        let trail = trail(&db, w.org_a.as_str());
        assert!(
            trail.contains(&("organisation.first_responder".into(), "cli".into())),
            "{trail:?}"
        );
    }
}

#[tokio::test]
async fn each_organisation_sees_only_its_own_notifications() {
    for db in TestDatabase::both() {
        let w = world_with_first_responder(&db).await;
        w.app
            .set_first_responder(&w.org_b, true)
            .await
            .expect("designated");
        let b = relogin(&w, "caseworker@b.example.org").await;
        w.app
            .notify_anonymously(&w.a_caseworker, adult())
            .await
            .expect("A notifies");
        assert!(
            w.app
                .anonymous_notifications(&b)
                .await
                .expect("B's list")
                .is_empty()
        );
        assert_eq!(
            w.app
                .anonymous_notifications(&w.a_caseworker)
                .await
                .expect("A's list")
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn only_a_support_organisation_can_be_designated() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        assert!(!w.app.is_first_responder(&w.org_a).await.expect("flag"));
        let err = w
            .app
            .set_first_responder(&w.group, true)
            .await
            .expect_err("a community group is never a first responder");
        assert!(
            matches!(&err, AppError::Invalid(m) if m.contains("support organisation")),
            "{err:?}"
        );
        let id = w
            .app
            .add_organisation_with(
                NewOrganisation {
                    name: "Designated Trust (fictional)".into(),
                    kind: OrganisationKind::SupportOrganisation,
                    nation: Some(Nation::Scotland),
                    area: Some("Dundee City".into()),
                    needs: vec![],
                    data_sharing_policy: None,
                },
                true,
            )
            .await
            .expect("added");
        assert!(w.app.is_first_responder(&id).await.expect("flag"));
        assert!(
            w.app
                .add_organisation_with(
                    NewOrganisation {
                        name: "A church (fictional)".into(),
                        kind: OrganisationKind::CommunityGroup,
                        nation: None,
                        area: None,
                        needs: vec![],
                        data_sharing_policy: None,
                    },
                    true,
                )
                .await
                .is_err()
        );
    }
}

#[tokio::test]
async fn the_database_itself_refuses_a_notification_for_anyone_but_an_adult() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let (org, user) = (w.org_a.clone(), w.a_caseworker.user_id.clone());
        for age in [AgeBand::Under18, AgeBand::Unsure, AgeBand::Adult] {
            let record = AnonymousNotification {
                id: NotificationId::parse(&waymark_vault::new_id()).expect("id"),
                org_id: org.clone(),
                created_by: user.clone(),
                age,
                nationality: "AL".into(),
                exploitation_types: vec![ExploitationType::Labour],
                nation: Nation::EnglandWales,
                area: None,
                indicators: vec![Indicator::DebtBondage],
                encountered_in: None,
                created_at: waymark_store::now(),
            };
            let stored = db
                .store
                .run_blocking(move |tx| tx.insert_anonymous_notification(&record));
            // Bypassing every check above it, only an adult's row gets in.
            assert_eq!(stored.is_ok(), age == AgeBand::Adult, "{age}");
        }
        assert_eq!(stored_rows(&db).len(), 1);
    }
}
