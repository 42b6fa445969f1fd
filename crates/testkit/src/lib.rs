//! What Waymark's test suites share: a [`TestApp`] builder that puts an [`App`](waymark_app::App) on a
//! fresh [`TestDatabase`](waymark_store::testing::TestDatabase) of either backend, the standard
//! [`World`] of organisations and signed-in accounts most tests start from, the drafts tests send, and
//! helpers reading the audit trail. Used only as a dev-dependency of waymark-app, waymark-web and waymark;
//! everything is set up through the use cases themselves, never behind them.

// Test support: a failed `expect` here is the failing test, with its message. The workspace denies
// `expect` outside tests (clippy.toml allows it only in `#[test]` functions and `#[cfg(test)]` modules).
#![allow(clippy::expect_used)]

mod audit;
mod drafts;
mod test_app;
mod world;

pub use audit::{by, entries, trail};
pub use drafts::{adult, amina, asking, labour_history};
pub use test_app::{TestApp, TestAppBuilder, database_url};
pub use world::{
    BROWSER, GROUP, ORG_A, ORG_B, PASSWORD, Panel, World, account, control_organisation,
    new_organisation, organisation, panel, sign_in_new, world,
};
