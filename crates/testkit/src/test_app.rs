//! The application under test, on a test database.

use time::Duration;
use waymark_app::App;
use waymark_store::testing::TestDatabase;
use waymark_store::{Backend, DatabaseUrl};
use waymark_vault::MasterKey;

use crate::world::World;

/// An [`App`] on a test database, with the master key it was bound to.
pub struct TestApp {
    pub app: App,
    pub backend: Backend,
    pub key: MasterKey,
}

impl TestApp {
    /// `TestApp::builder().on(&db)`: a fresh master key and the clock at the present, unless told
    /// otherwise.
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder::default()
    }

    /// The standard world (organisations A and B, a community group, an account per role, each signed
    /// in) on this application.
    pub async fn world(self) -> World {
        World::on(self.app, self.backend).await
    }
}

/// How the [`TestApp`] is made: which master key, and how far its clock is moved before anything is set up.
#[derive(Default)]
pub struct TestAppBuilder {
    key: Option<MasterKey>,
    moved: Option<Duration>,
}

impl TestAppBuilder {
    /// Binds the application to this master key (a test holding the key can open what was sealed with it)
    /// instead of a fresh one.
    pub fn key(mut self, key: &MasterKey) -> Self {
        self.key = Some(key.clone());
        self
    }

    /// Moves the application's clock forward by `by` before anything is set up.
    pub fn clock_moved(mut self, by: Duration) -> Self {
        self.moved = Some(by);
        self
    }

    /// The application on `db`.
    pub fn on(self, db: &TestDatabase) -> TestApp {
        let key = self.key.unwrap_or_else(MasterKey::generate);
        let app = App::with_key(db.store.clone(), key.clone()).expect("app");
        if let Some(by) = self.moved {
            app.clock().advance(by);
        }
        TestApp {
            app,
            backend: db.backend(),
            key,
        }
    }

    /// The standard world on `db`: `self.on(db).world()`.
    pub async fn world(self, db: &TestDatabase) -> World {
        self.on(db).world().await
    }
}

/// The database URL as the `waymark` binary takes it (`--database-url`, `WAYMARK_DATABASE_URL`).
pub fn database_url(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_is_moved_before_anything_is_set_up() {
        let db = TestDatabase::sqlite();
        let plain = TestApp::builder().on(&db);
        let moved = TestApp::builder()
            .key(&plain.key)
            .clock_moved(Duration::days(3))
            .on(&db);
        let ahead = moved.app.clock().unix_seconds() - plain.app.clock().unix_seconds();
        assert!(ahead >= 3 * 24 * 60 * 60, "{ahead} seconds ahead");
    }

    #[test]
    fn an_app_is_bound_to_the_key_it_was_given() {
        let db = TestDatabase::sqlite();
        let first = TestApp::builder().on(&db);
        let again = TestApp::builder().key(&first.key).on(&db);
        assert_eq!(again.key.id(), first.key.id());
        let other = MasterKey::generate();
        assert!(App::with_key(db.store.clone(), other).is_err());
    }
}
