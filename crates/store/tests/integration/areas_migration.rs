//! Migration `2026-12-06-000002_areas`: the free-text areas stored before it become ONS codes, or NULL.
//!
//! The migration changes values only (the `area` columns were nullable text before and after it), so a
//! migrated database holds exactly the schema it ran on. The test stores old free-text rows in one, then
//! runs the migration's own file again, statement by statement, on both backends.

use waymark_domain::ids::{NotificationId, PersonId};
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::new_id;

use crate::conformance::{org, person, referral, user};

type R<T> = Result<T, StoreError>;

const SQLITE: &str = include_str!("../../migrations/sqlite/2026-12-06-000002_areas/up.sql");
const POSTGRES: &str = include_str!("../../migrations/postgres/2026-12-06-000002_areas/up.sql");

/// The migration's statements: it has no `;` inside a value, and its comments are whole lines.
fn statements(sql: &str) -> Vec<String> {
    let body: String = sql
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    body.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn area_of(tx: &mut Tx<'_>, table: &str, id: &str) -> R<Option<String>> {
    let rows = tx.texts(&format!(
        "SELECT COALESCE(area, '(null)') AS value FROM {table} WHERE id = '{id}'"
    ))?;
    Ok(rows.first().filter(|v| *v != "(null)").cloned())
}

#[test]
fn free_text_areas_become_codes_or_nothing() {
    assert_eq!(SQLITE, POSTGRES, "one migration for both backends");
    for db in TestDatabase::both() {
        let backend = db.backend();
        db.store
            .run_blocking(|tx| -> R<()> {
                let mut helper = org(OrganisationKind::CommunityGroup, "Old helper");
                helper.area = Some("Flat 3 12 Acacia Road".into());
                tx.insert_organisation(&helper)?;
                let mut glasgow = org(OrganisationKind::SupportOrganisation, "Old Glasgow");
                glasgow.nation = Some(Nation::Scotland);
                glasgow.area = Some("Glasgow".into());
                tx.insert_organisation(&glasgow)?;
                let helper_user = user(&helper, "old@example.org", Role::Helper);
                tx.insert_user(&helper_user)?;

                let rows: [(&str, Nation, &str, Option<&str>); 6] = [
                    ("Leeds", Nation::EnglandWales, "leeds", Some("E08000035")),
                    (" glasgow ", Nation::Scotland, "glasgow", Some("S12000049")),
                    (
                        "e08000035",
                        Nation::EnglandWales,
                        "a code",
                        Some("E08000035"),
                    ),
                    (
                        "Flat 3 12 Acacia Road",
                        Nation::EnglandWales,
                        "an address",
                        None,
                    ),
                    ("LS1 4AB", Nation::EnglandWales, "a postcode", None),
                    ("Leeds", Nation::Scotland, "another nation's area", None),
                ];
                let mut referrals = Vec::new();
                for (area, nation, _, _) in rows {
                    let p: PersonId = person(tx)?;
                    let mut r = referral(&glasgow, &helper, &p);
                    r.area = Some(area.into());
                    r.nation = nation;
                    tx.insert_referral(&r)?;
                    referrals.push(r.id);
                }
                let notification = AnonymousNotification {
                    id: NotificationId::parse(&new_id()).expect("id"),
                    org_id: glasgow.id.clone(),
                    created_by: helper_user.id.clone(),
                    age: AgeBand::Adult,
                    nationality: "AL".into(),
                    exploitation_types: vec![ExploitationType::Labour],
                    nation: Nation::Scotland,
                    area: Some("GLASGOW CITY".into()),
                    indicators: vec![Indicator::DebtBondage],
                    encountered_in: None,
                    created_at: now(),
                };
                tx.insert_anonymous_notification(&notification)?;
                let mut odd = notification.clone();
                odd.id = NotificationId::parse(&new_id()).expect("id");
                odd.area = Some("behind the mosque".into());
                tx.insert_anonymous_notification(&odd)?;

                for statement in statements(SQLITE) {
                    tx.execute_sql(&statement)?;
                }

                for ((given, _, what, expected), id) in rows.iter().zip(&referrals) {
                    assert_eq!(
                        area_of(tx, "referrals", id.as_str())?.as_deref(),
                        *expected,
                        "{backend:?}: {what} ({given:?})"
                    );
                }
                let org_area =
                    |tx: &mut Tx<'_>, o: &Organisation| area_of(tx, "organisations", o.id.as_str());
                assert_eq!(
                    org_area(tx, &helper)?,
                    None,
                    "{backend:?}: an organisation's address"
                );
                assert_eq!(
                    org_area(tx, &glasgow)?.as_deref(),
                    Some("S12000049"),
                    "{backend:?}"
                );
                assert_eq!(
                    area_of(tx, "anonymous_notifications", notification.id.as_str())?.as_deref(),
                    Some("S12000049"),
                    "{backend:?}"
                );
                assert_eq!(
                    area_of(tx, "anonymous_notifications", odd.id.as_str())?,
                    None,
                    "{backend:?}"
                );
                Ok(())
            })
            .expect("old rows migrated");
    }
}
