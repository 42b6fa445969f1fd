//! The personal-data map: every column of the live schema that stores bytes is in the map (or declared
//! not personal), on both backends, and a column added without registering it is caught.

use waymark_store::testing::TestDatabase;
use waymark_store::{Backend, MAP, NOT_PERSONAL, OnErasure, SealedColumn, StoreError};

#[test]
fn every_column_that_stores_bytes_is_in_the_personal_data_map() {
    for db in TestDatabase::both() {
        let (all, unmapped) = db
            .store
            .run_blocking(|tx| Ok::<_, StoreError>((tx.binary_columns()?, tx.unmapped_columns()?)))
            .expect("the schema");
        assert!(
            all.len() >= MAP.len(),
            "{:?}: the scan found {} columns that store bytes",
            db.backend(),
            all.len()
        );
        assert!(
            unmapped.is_empty(),
            "{:?}: columns that store bytes but are not in the personal-data map: {unmapped:?}",
            db.backend()
        );
        // And the map names nothing the schema does not have.
        for p in MAP {
            assert!(
                all.iter().any(|(t, c)| t == p.table && c == p.column),
                "{:?}: the map names {}.{}, which the schema lacks",
                db.backend(),
                p.table,
                p.column
            );
        }
        for (t, c, _) in NOT_PERSONAL {
            assert!(all.iter().any(|(at, ac)| at == t && ac == c), "{t}.{c}");
        }
    }
}

#[test]
fn a_sealed_column_added_without_registering_it_fails_the_map_check() {
    for db in TestDatabase::both() {
        let blob = if db.backend() == Backend::Postgres {
            "BYTEA"
        } else {
            "BLOB"
        };
        let unmapped = db
            .store
            .run_blocking(move |tx| {
                // What a careless migration would do: a new sealed field of the case record.
                tx.execute_sql(&format!(
                    "ALTER TABLE case_notes ADD COLUMN summary_ct {blob}"
                ))?;
                tx.execute_sql(&format!(
                    "CREATE TABLE case_photos (id TEXT PRIMARY KEY, image_ct {blob})"
                ))?;
                tx.unmapped_columns()
            })
            .expect("the schema");
        assert_eq!(
            unmapped,
            vec![
                ("case_notes".to_owned(), "summary_ct".to_owned()),
                ("case_photos".to_owned(), "image_ct".to_owned()),
            ],
            "{:?}",
            db.backend()
        );
    }
}

/// Every sealed column (the contexts values are sealed under) is a place of the map, which says how
/// erasure reaches it.
#[test]
fn every_sealed_column_is_a_place_of_the_map_that_erasure_reaches() {
    for c in SealedColumn::ALL {
        let (table, column) = c.table_column();
        let place = MAP
            .iter()
            .find(|p| {
                p.table == table && (p.column == column || p.column == format!("{column}_ct"))
            })
            .unwrap_or_else(|| panic!("{table}.{column} is sealed but not in the map"));
        assert_ne!(place.on_erasure, OnErasure::Deleted, "{table}.{column}");
    }
}
