//! Fresh databases for tests, on both backends: an SQLite file in a temporary folder, and a PostgreSQL
//! database of its own on a real server. Neither is migrated per test: each is a copy of one migrated
//! template (an SQLite file copied; `CREATE DATABASE … TEMPLATE` on PostgreSQL), made once per set of
//! migrations and shared by every test process. No test ever runs on one backend only, and none is
//! skipped silently: without a reachable PostgreSQL the test fails and says how to provide one.

use std::hash::{Hash as _, Hasher as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use diesel::sql_types::Text;
use diesel::{Connection as _, RunQueryDsl};
use diesel_migrations::MigrationHarness;

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
    /// The admin URL and the name of this test's own PostgreSQL database.
    postgres: Option<(String, String)>,
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

/// A fingerprint of one backend's migration files (names and contents), so that a template made before a
/// migration was added or edited is never used.
fn migrations_fingerprint(backend: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)
            .expect("the store's migrations folder")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for f in files {
        f.file_name().hash(&mut hasher);
        f.parent().and_then(Path::file_name).hash(&mut hasher);
        std::fs::read(&f)
            .expect("a migration file")
            .hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

/// The migrated SQLite file every SQLite test database is copied from: made once (by whichever test
/// process comes first; others wait for the atomic rename) in the system's temporary folder.
fn sqlite_template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = std::env::temp_dir().join("waymark-test-templates");
        std::fs::create_dir_all(&dir).expect("a folder for the test templates");
        let path = dir.join(format!("sqlite-{}.db", migrations_fingerprint("sqlite")));
        if path.exists() {
            return path;
        }
        let building = dir.join(format!("building-{}", waymark_vault::new_id()));
        std::fs::create_dir_all(&building).expect("a folder to build the template in");
        let migrated = building.join("migrated.db");
        let mut conn = diesel::SqliteConnection::establish(&migrated.display().to_string())
            .expect("a new SQLite file");
        conn.run_pending_migrations(crate::SQLITE_MIGRATIONS)
            .expect("migrations on SQLite");
        // One self-contained file (no write-ahead log beside it), then an atomic rename into place.
        let compact = building.join("template.db");
        diesel::sql_query(format!("VACUUM INTO '{}'", compact.display()))
            .execute(&mut conn)
            .expect("VACUUM INTO the template");
        drop(conn);
        std::fs::rename(&compact, &path).expect("the template moved into place");
        let _ = std::fs::remove_dir_all(&building);
        path
    })
}

/// `url` with its database name replaced by `name` (the user, host, port and parameters kept).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A direct (unpooled, non-transactional) connection to the admin database: `CREATE DATABASE` cannot run
/// inside a transaction.
fn admin_connection(admin: &str) -> diesel::PgConnection {
    diesel::PgConnection::establish(admin).unwrap_or_else(|e| {
        panic!(
            "the tests need PostgreSQL too, and {} did not answer: {e}. Run `cargo xtask test`, which \
             starts one, or set WAYMARK_TEST_POSTGRES_URL",
            DatabaseUrl::parse(admin).map_or_else(|_| "the server".to_owned(), |u| u.redacted())
        )
    })
}

/// The migrated PostgreSQL database every PostgreSQL test database is cloned from. Made once per set of
/// migrations under an advisory lock (test processes run in parallel), built under another name and
/// renamed when complete, so a half-built template is never cloned.
fn postgres_template(admin: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("waymark_template_{}", migrations_fingerprint("postgres"));
        let mut conn = admin_connection(admin);
        diesel::sql_query("SELECT pg_advisory_lock(7306987123)")
            .execute(&mut conn)
            .expect("the template lock");
        let exists: Vec<TextRow> = diesel::sql_query(format!(
            "SELECT datname AS value FROM pg_database WHERE datname = '{name}'"
        ))
        .load(&mut conn)
        .expect("the list of databases");
        if exists.is_empty() {
            let building = format!(
                "waymark_building_{}",
                waymark_vault::new_id().replace('-', "")
            );
            diesel::sql_query(format!("CREATE DATABASE {building}"))
                .execute(&mut conn)
                .expect("a database to build the template in");
            {
                let mut db = diesel::PgConnection::establish(&with_database(admin, &building))
                    .expect("the new database");
                db.run_pending_migrations(crate::POSTGRES_MIGRATIONS)
                    .expect("migrations on PostgreSQL");
            }
            diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
                .execute(&mut conn)
                .expect("the template renamed into place");
        }
        diesel::sql_query("SELECT pg_advisory_unlock(7306987123)")
            .execute(&mut conn)
            .expect("the template lock released");
        name
    })
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

    /// A copy of the migrated SQLite template in a temporary folder of its own.
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("waymark.db");
        std::fs::copy(sqlite_template(), &path).expect("the template copied");
        let url = DatabaseUrl::Sqlite(path);
        let (store, _) = Store::open_and_migrate(&url).expect("migrated SQLite database");
        TestDatabase {
            store,
            url,
            dir: Some(dir),
            postgres: None,
        }
    }

    /// A database of its own on the test server, cloned from the migrated template.
    pub fn postgres() -> TestDatabase {
        let admin = postgres_admin_url();
        let template = postgres_template(&admin);
        let name = format!("test_{}", waymark_vault::new_id().replace('-', ""));
        let mut conn = admin_connection(&admin);
        // Two clones of one template at the same moment can fail ("being accessed by other users") while
        // the other's copy holds it; a short retry covers that.
        let mut tries = 0;
        loop {
            match diesel::sql_query(format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .execute(&mut conn)
            {
                Ok(_) => break,
                Err(e) if tries < 50 => {
                    tries += 1;
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) => panic!("CREATE DATABASE from the template failed: {e}"),
            }
        }
        drop(conn);
        let url = DatabaseUrl::parse(&with_database(&admin, &name)).expect("a postgres:// URL");
        let (store, _) = Store::open_and_migrate(&url).expect("migrated PostgreSQL database");
        TestDatabase {
            store,
            url,
            dir: None,
            postgres: Some((admin, name)),
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
        match (&self.url, &self.postgres) {
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
            (DatabaseUrl::Postgres(_), Some(_)) => {
                let schema = "public";
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
    !needle.is_empty() && memchr::memmem::find(haystack, needle).is_some()
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.postgres.take()
            && let Ok(mut conn) = diesel::PgConnection::establish(&admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
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
