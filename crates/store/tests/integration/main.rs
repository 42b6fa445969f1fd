//! The store crate's integration tests, as one test binary (one link instead of one per file).

mod case_record;
mod certificates;
mod conformance;
