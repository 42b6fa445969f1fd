//! The database: one schema on SQLite (embedded default) and PostgreSQL (production), migrations for each,
//! and repositories that take and return domain types. The only crate with SQL.
//!
//! Every use case runs in one transaction through [`Store::run`]: a closure gets a [`Tx`] whose methods are
//! the repositories. Personal fields arrive here already sealed by the vault and leave still sealed.

mod anonymous;
mod audit;
mod case_parts;
mod cases;
mod certificates;
mod channels;
mod closing;
mod connection;
mod consents;
mod decision_figures;
mod decision_notices;
mod formal;
mod help_drafts;
mod personal_data;
mod policies;
mod records;
mod referrals;
mod repo;
pub mod schema;
mod sealed;
mod staff;
#[cfg(feature = "testing")]
// Test support: a database that cannot be made is a failed test, said with `expect`; clean-up that fails is
// of no consequence. (Allowed here rather than in the file while it is being reworked.)
#[allow(clippy::expect_used, let_underscore_drop, unused_qualifications)]
pub mod testing;
mod training;

pub use anonymous::AnonymousNotification;
pub use audit::{AuditEntry, AuditEvent, AuditReport};
pub use case_parts::{
    CaseDocument, CaseNeeds, CaseNote, CasePerson, CaseRecordRows, HistoryEntry, PlanAction,
    RiskAssessment, StaffMember,
};
pub use certificates::{
    CERTIFICATE_SIGNING, CertificateRecord, OrganisationCertificate, Revocation, SigningKeyRecord,
};
pub use closing::{CaseClosure, CaseFacts, FOLLOW_UP};
pub use connection::{AnyConnection, Backend, DatabaseUrl};
pub use consents::{Consent, OnwardReferral};
pub use decision_notices::DecisionNotice;
pub use formal::{FormalReferral, FormalRequest};
pub use help_drafts::HelpDraft;
pub use personal_data::{
    Basis, Copy, CopyRecord, ErasureNotice, Holder, Key, MAP, NOT_PERSONAL, OnErasure, Place,
    Retention, What,
};
pub use policies::OrganisationPolicy;
pub use records::*;
pub use sealed::SealedColumn;
pub use staff::{PendingSignIn, PendingStage, SessionSummary, TeamMember, TwoFactor};
pub use training::TrainingAttempt;

use diesel::Connection;
use diesel::r2d2::{Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// What went wrong in the database layer. Messages name the problem, never a personal value.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    BadUrl(String),
    #[error("no database at {0}: run `waymark migrate` (or `waymark demo`) first")]
    Missing(String),
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("a stored value is not valid: {0}")]
    Corrupt(String),
    #[error("that {0} already exists")]
    Duplicate(&'static str),
}

impl From<r2d2::Error> for StoreError {
    fn from(e: r2d2::Error) -> Self {
        StoreError::Connect(e.to_string())
    }
}

/// Where a transaction takes its time from. The application injects its one clock
/// ([`Store::with_time_source`]); without it (the store's own tests, the CLI's direct use) it is the
/// system's clock.
pub trait TimeSource: Send + Sync + 'static {
    /// Now, as stored: UTC, without an offset, to the microsecond.
    fn now(&self) -> time::PrimitiveDateTime;
}

/// The system's clock, when no other time source is injected.
struct SystemClock;

impl TimeSource for SystemClock {
    fn now(&self) -> time::PrimitiveDateTime {
        now()
    }
}

/// A pool of connections to one database.
#[derive(Clone)]
pub struct Store {
    pool: Pool<connection::Manager>,
    backend: Backend,
    time: std::sync::Arc<dyn TimeSource>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

/// The error a transaction closure returns: its own, or the database's.
enum TxError<E> {
    Db(diesel::result::Error),
    Inner(E),
}

impl<E> From<diesel::result::Error> for TxError<E> {
    fn from(e: diesel::result::Error) -> Self {
        TxError::Db(e)
    }
}

impl Store {
    /// Opens an existing database. A missing SQLite file is an error, so a typo never creates an empty one.
    pub fn open(url: &DatabaseUrl) -> Result<Store, StoreError> {
        Self::connect(url, false)
    }

    /// Opens the database, creating an SQLite file if needed, and applies any pending migrations.
    pub fn open_and_migrate(url: &DatabaseUrl) -> Result<(Store, usize), StoreError> {
        let store = Self::connect(url, true)?;
        let applied = store.migrate()?;
        if applied > 0 {
            store.scrub_after_migrations()?;
        }
        Ok((store, applied))
    }

    fn connect(url: &DatabaseUrl, create: bool) -> Result<Store, StoreError> {
        if let DatabaseUrl::Sqlite(path) = url {
            if !create && !path.exists() {
                return Err(StoreError::Missing(path.display().to_string()));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Connect(format!("{}: {e}", dir.display())))?;
            }
        }
        let pool = Pool::builder()
            // SQLite has one writer at a time and every use case writes (the audit log), so one
            // connection avoids lock upgrades failing under load; PostgreSQL takes a handful per process.
            .max_size(match url.backend() {
                Backend::Sqlite => 1,
                Backend::Postgres => 8,
            })
            .connection_timeout(std::time::Duration::from_secs(10))
            .connection_customizer(Box::new(connection::Pragmas))
            .build(connection::Manager::new(url.clone()))?;
        Ok(Store {
            pool,
            backend: url.backend(),
            time: std::sync::Arc::new(SystemClock),
        })
    }

    /// This store with every transaction's time taken from `time` (the application's clock), so
    /// that the time a record and its audit entry carry is the time every rule is judged by.
    #[must_use]
    pub fn with_time_source(mut self, time: std::sync::Arc<dyn TimeSource>) -> Store {
        self.time = time;
        self
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies pending migrations; returns how many ran.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut conn = self.pool.get()?;
        let applied = match &mut *conn {
            AnyConnection::Sqlite(c) => {
                c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len())
            }
            AnyConnection::Postgresql(c) => c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len()),
        };
        applied.map_err(|e| StoreError::Migration(e.to_string()))
    }

    /// After an erasure has committed: leaves no old copy of what it overwrote where the database keeps
    /// one. On SQLite (`secure_delete` already overwrites freed pages), a truncating checkpoint copies the
    /// write-ahead log into the database and empties the log file, so no frame holding a forgotten key
    /// stays in `-wal`. On PostgreSQL, the old row versions stay in the table files until VACUUM (see
    /// docs/THREAT_MODEL.md); this vacuums the tables erasure writes to (from [`MAP`]).
    pub async fn scrub_after_erasure(&self) -> Result<(), StoreError> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.scrub_after_erasure_blocking())
            .await
            .map_err(|_| StoreError::Connect("the database task was cancelled".into()))?
    }

    /// [`Store::scrub_after_erasure`] for synchronous callers.
    pub fn scrub_after_erasure_blocking(&self) -> Result<(), StoreError> {
        use diesel::connection::SimpleConnection;
        let mut conn = self.pool.get()?;
        match &mut *conn {
            AnyConnection::Sqlite(c) => c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?,
            AnyConnection::Postgresql(c) => {
                let mut tables: Vec<&str> = MAP
                    .iter()
                    .filter(|p| p.on_erasure != OnErasure::KeyForgotten)
                    .filter(|p| p.on_erasure != OnErasure::NotAPerson)
                    .filter(|p| p.on_erasure != OnErasure::Expires)
                    .map(|p| p.table)
                    .chain(["referrals", "cases", "erasure_notices"])
                    .collect();
                tables.sort_unstable();
                tables.dedup();
                c.batch_execute(&format!("VACUUM {};", tables.join(", ")))?;
            }
        }
        Ok(())
    }

    /// After migrations that rewrote personal free text (`2026-12-06-000002_areas` turned free-text areas
    /// into codes): clears what the database kept of the old values, as after an erasure — SQLite's
    /// write-ahead log (freed pages are zeroed by `secure_delete`), PostgreSQL's dead row versions of the
    /// tables that had an area.
    fn scrub_after_migrations(&self) -> Result<(), StoreError> {
        use diesel::connection::SimpleConnection;
        let mut conn = self.pool.get()?;
        match &mut *conn {
            AnyConnection::Sqlite(c) => c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?,
            AnyConnection::Postgresql(c) => {
                c.batch_execute("VACUUM referrals, anonymous_notifications, organisations;")?;
            }
        }
        Ok(())
    }

    /// Runs `work` in one database transaction on a blocking thread; commits if it returns `Ok`.
    pub async fn run<R, E, F>(&self, work: F) -> Result<R, E>
    where
        F: FnOnce(&mut Tx<'_>) -> Result<R, E> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        match tokio::task::spawn_blocking(move || store.run_blocking(work)).await {
            Ok(result) => result,
            Err(join) => match join.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(_) => Err(E::from(StoreError::Connect(
                    "the database task was cancelled".into(),
                ))),
            },
        }
    }

    /// The same as [`Store::run`], for synchronous callers (the CLI, tests).
    pub fn run_blocking<R, E, F>(&self, work: F) -> Result<R, E>
    where
        F: FnOnce(&mut Tx<'_>) -> Result<R, E>,
        E: From<StoreError>,
    {
        let mut conn: PooledConnection<connection::Manager> =
            self.pool.get().map_err(|e| E::from(StoreError::from(e)))?;
        let now = self.time.now();
        let result = conn.transaction::<R, TxError<E>, _>(|c| {
            let mut tx = Tx { conn: c, now };
            work(&mut tx).map_err(TxError::Inner)
        });
        match result {
            Ok(r) => Ok(r),
            Err(TxError::Inner(e)) => Err(e),
            Err(TxError::Db(e)) => Err(E::from(StoreError::Query(e))),
        }
    }
}

/// One open transaction. Its methods (in `repo` and `audit`) are the repositories.
pub struct Tx<'c> {
    conn: &'c mut AnyConnection,
    /// The transaction's time, read once from the store's time source when it began.
    now: time::PrimitiveDateTime,
}

impl Tx<'_> {
    /// The time of this transaction (the application's clock when it began): every record written
    /// and every audit entry appended in it carries this time.
    pub fn now(&self) -> time::PrimitiveDateTime {
        self.now
    }
}

/// The system's time, as stored: UTC, without an offset, to the microsecond (both backends keep that).
/// The application never calls this: it has its one clock (`waymark_app::Clock`), which it injects
/// into the store; this is the fallback for direct users of the store (its tests, and the CLI).
pub fn now() -> time::PrimitiveDateTime {
    let now = time::OffsetDateTime::now_utc();
    let now = now
        .replace_nanosecond(now.microsecond() * 1000)
        .unwrap_or(now);
    time::PrimitiveDateTime::new(now.date(), now.time())
}
