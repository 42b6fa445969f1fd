//! Fresh databases for tests, on both backends: an SQLite file in a temporary folder, and a PostgreSQL
//! schema of its own on a real server. No test ever runs on one backend only, and none is skipped
//! silently: without a reachable PostgreSQL the test fails and says how to provide one.

use diesel::RunQueryDsl;
use diesel::sql_types::Text;

use crate::{AnyConnection, Backend, DatabaseUrl, Store, StoreError};

/// The server the tests use: `WAYMARK_TEST_POSTGRES_URL` (set by `cargo xtask test`), else the local one.
pub fn postgres_admin_url() -> String {
    std::env::var("WAYMARK_TEST_POSTGRES_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .ok()
        .filter(|u| u.starts_with("postgres"))
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A migrated, empty database that is removed when dropped.
pub struct TestDatabase {
    pub store: Store,
    pub url: DatabaseUrl,
    dir: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
}

impl std::fmt::Debug for TestDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TestDatabase({:?})", self.store.backend())
    }
}

#[derive(diesel::QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    value: String,
}

impl TestDatabase {
    /// One fresh database per backend: SQLite first, then PostgreSQL.
    pub fn both() -> Vec<TestDatabase> {
        vec![Self::sqlite(), Self::postgres()]
    }

    pub fn new(backend: Backend) -> TestDatabase {
        match backend {
            Backend::Sqlite => Self::sqlite(),
            Backend::Postgres => Self::postgres(),
        }
    }

    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = DatabaseUrl::Sqlite(dir.path().join("waymark.db"));
        let (store, _) = Store::open_and_migrate(&url).expect("migrated SQLite database");
        TestDatabase {
            store,
            url,
            dir: Some(dir),
            schema: None,
        }
    }

    pub fn postgres() -> TestDatabase {
        let admin = postgres_admin_url();
        let schema = format!("test_{}", waymark_vault::new_id().replace('-', ""));
        let admin_url = DatabaseUrl::parse(&admin).expect("a postgres:// URL");
        let admin_store =
            Store::open(&admin_url).unwrap_or_else(|e| panic!("{}", no_postgres(&admin_url, &e)));
        admin_store
            .run_blocking(|tx| tx.execute_sql(&format!("CREATE SCHEMA {schema}")))
            .unwrap_or_else(|e| panic!("{}", no_postgres(&admin_url, &e)));
        let sep = if admin.contains('?') { '&' } else { '?' };
        let url = DatabaseUrl::parse(&format!("{admin}{sep}options=-csearch_path%3D{schema}"))
            .expect("a postgres:// URL");
        let (store, _) = Store::open_and_migrate(&url).expect("migrated PostgreSQL schema");
        TestDatabase {
            store,
            url,
            dir: None,
            schema: Some((admin, schema)),
        }
    }

    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// Where the raw bytes of this database can be read, and everything they contain that matches
    /// `needle`: the SQLite file with its WAL and shared memory; PostgreSQL's table and WAL files when the
    /// server's data folder is readable here, and every row of every table read back as text and bytes.
    /// Returns the places where `needle` was found.
    pub fn find_plaintext(&self, needle: &str) -> Vec<String> {
        self.find_bytes(needle.as_bytes())
    }

    /// [`TestDatabase::find_plaintext`] for bytes that need not be text (a key's secret bytes): found in
    /// the files as they are, and in PostgreSQL's rows as their hex (how a `bytea` reads as text) or, when
    /// they are UTF-8, as text.
    pub fn find_bytes(&self, needle_bytes: &[u8]) -> Vec<String> {
        let mut found = Vec::new();
        match (&self.url, &self.schema) {
            (DatabaseUrl::Sqlite(path), _) => {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let file = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
                    if let Ok(bytes) = std::fs::read(&file)
                        && contains(&bytes, needle_bytes)
                    {
                        found.push(file.display().to_string());
                    }
                }
            }
            (DatabaseUrl::Postgres(_), Some((_, schema))) => {
                let schema = schema.clone();
                let needle_text = std::str::from_utf8(needle_bytes)
                    .ok()
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned);
                let hex: String = needle_bytes.iter().map(|b| format!("{b:02x}")).collect();
                let rows: Vec<String> = self
                    .store
                    .run_blocking(move |tx| {
                        let tables = tx.texts(&format!(
                            "SELECT table_name AS value FROM information_schema.tables \
                             WHERE table_schema = '{schema}' AND table_type = 'BASE TABLE'"
                        ))?;
                        let mut hits = Vec::new();
                        for t in tables {
                            let rows =
                                tx.texts(&format!("SELECT t::text AS value FROM {schema}.{t} t"))?;
                            if rows.iter().any(|r| {
                                needle_text.as_ref().is_some_and(|t| r.contains(t.as_str()))
                                    || (!hex.is_empty() && r.contains(&hex))
                            }) {
                                hits.push(format!("table {t}"));
                            }
                        }
                        Ok::<_, StoreError>(hits)
                    })
                    .expect("scan of every table");
                found.extend(rows);
                found.extend(self.postgres_files_containing(needle_bytes));
            }
            _ => {}
        }
        found
    }

    /// PostgreSQL's data and WAL files, when the server runs on this machine and its folder is readable.
    fn postgres_files_containing(&self, needle: &[u8]) -> Vec<String> {
        let dirs = self.store.run_blocking(|tx| {
            tx.execute_sql("CHECKPOINT")?;
            let data = tx.texts("SELECT current_setting('data_directory') AS value")?;
            let oid = tx.texts(
                "SELECT oid::text AS value FROM pg_database WHERE datname = current_database()",
            )?;
            Ok::<_, StoreError>((data, oid))
        });
        let Ok((data, oid)) = dirs else {
            return Vec::new();
        };
        let (Some(data), Some(oid)) = (data.first(), oid.first()) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for dir in [format!("{data}/base/{oid}"), format!("{data}/pg_wal")] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(bytes) = std::fs::read(entry.path())
                    && contains(&bytes, needle)
                {
                    found.push(entry.path().display().to_string());
                }
            }
        }
        found
    }

    /// Whether this machine can read PostgreSQL's own files (a local server), for tests that say so.
    pub fn postgres_files_readable(&self) -> bool {
        let data = self
            .store
            .run_blocking(|tx| tx.texts("SELECT current_setting('data_directory') AS value"));
        matches!(data, Ok(d) if d.first().is_some_and(|p| std::fs::read_dir(format!("{p}/pg_wal")).is_ok()))
    }

    /// Runs raw SQL as someone with direct access to the database would (tests of tampering).
    pub fn execute_as_intruder(&self, sql: &str) -> Result<(), StoreError> {
        let sql = sql.to_owned();
        self.store.run_blocking(move |tx| tx.execute_sql(&sql))
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn no_postgres(url: &DatabaseUrl, e: &StoreError) -> String {
    format!(
        "the tests need PostgreSQL too, and {} did not answer: {e}. Run `cargo xtask test`, which starts \
         one, or set WAYMARK_TEST_POSTGRES_URL",
        url.redacted()
    )
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin, schema)) = self.schema.take()
            && let Ok(url) = DatabaseUrl::parse(&admin)
            && let Ok(store) = Store::open(&url)
        {
            let _ = store.run_blocking(move |tx| {
                tx.execute_sql(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            });
        }
        drop(self.dir.take());
    }
}

impl crate::Tx<'_> {
    /// Raw SQL for test set-up only.
    pub fn execute_sql(&mut self, sql: &str) -> Result<(), StoreError> {
        diesel::sql_query(sql).execute(self.conn)?;
        Ok(())
    }

    /// A query returning one text column named `value`, for tests.
    pub fn texts(&mut self, sql: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<TextRow> = diesel::sql_query(sql).load(self.conn)?;
        Ok(rows.into_iter().map(|r| r.value).collect())
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.conn, AnyConnection::Postgresql(_))
    }
}
