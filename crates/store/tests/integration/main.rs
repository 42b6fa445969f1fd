//! The store crate's integration tests, as one test binary (one link instead of one per file).

// Test code: a failed `expect` is the failing test, with its message. The workspace denies `expect`, and
// clippy.toml allows it only inside `#[test]` functions and `#[cfg(test)]` modules, not in the helpers here.
#![allow(clippy::expect_used)]

mod areas_migration;
mod case_record;
mod certificates;
mod conformance;
mod conformance_channel;
mod personal_data;
mod policies;
