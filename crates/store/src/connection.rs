//! Connections: the backend chosen from the URL scheme, SQLite's pragmas, the pool's manager.

use std::path::PathBuf;

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{CustomizeConnection, ManageConnection, R2D2Connection};

use crate::StoreError;

/// One connection to either backend; diesel generates the shared query support.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(diesel::pg::PgConnection),
    Sqlite(diesel::sqlite::SqliteConnection),
}

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the database is: `sqlite://PATH` or `postgres://…` / `postgresql://…`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl std::fmt::Debug for DatabaseUrl {
    // A PostgreSQL URL can hold a password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(StoreError::BadUrl(
                    "sqlite:// needs a file path, e.g. sqlite://./waymark-data/waymark.db".into(),
                ));
            }
            Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseUrl::Postgres(url.to_owned()))
        } else {
            Err(StoreError::BadUrl(
                "the database URL must start with sqlite:// or postgres://".into(),
            ))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }

    /// The URL with any password replaced by `***`, for messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
            DatabaseUrl::Postgres(u) => match (u.find("://"), u.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => {
                    let creds = &u[scheme + 3..at];
                    match creds.find(':') {
                        Some(colon) => {
                            format!("{}{}:***{}", &u[..scheme + 3], &creds[..colon], &u[at..])
                        }
                        None => u.clone(),
                    }
                }
                _ => u.clone(),
            },
        }
    }
}

pub(crate) struct Manager {
    url: DatabaseUrl,
}

impl Manager {
    pub(crate) fn new(url: DatabaseUrl) -> Self {
        Self { url }
    }
}

impl ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                Ok(AnyConnection::Sqlite(
                    diesel::sqlite::SqliteConnection::establish(&path)?,
                ))
            }
            DatabaseUrl::Postgres(url) => Ok(AnyConnection::Postgresql(
                diesel::pg::PgConnection::establish(url)?,
            )),
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        conn.is_broken()
    }
}

/// SQLite's settings for every connection: write-ahead log, foreign keys enforced (off by default),
/// wait for the writer lock instead of failing, and durable commits.
#[derive(Debug)]
pub(crate) struct Pragmas;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        match conn {
            AnyConnection::Sqlite(c) => c
                .batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                     PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; \
                     PRAGMA secure_delete = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError),
            AnyConnection::Postgresql(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend_and_never_print_passwords() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://a/b.db")
                .map(|u| u.backend())
                .ok(),
            Some(Backend::Sqlite)
        );
        let pg = DatabaseUrl::parse("postgres://waymark:s3cret@db:5432/waymark").expect("valid");
        assert_eq!(pg.backend(), Backend::Postgres);
        assert_eq!(format!("{pg:?}"), "postgres://waymark:***@db:5432/waymark");
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse("waymark.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }
}
