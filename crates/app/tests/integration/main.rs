//! The app crate's integration tests, as one test binary (one link instead of one per file).

// Test code: a failed `expect` is the failing test, with its message. The workspace denies `expect`, and
// clippy.toml allows it only inside `#[test]` functions and `#[cfg(test)]` modules, not in the helpers here.
#![allow(clippy::expect_used)]

mod fixture;

mod accounts;
mod anonymous;
mod case_documents_and_search;
mod cases;
mod channel;
mod closing;
mod decision_figures;
mod decision_notices;
mod erasure;
mod formal;
mod my_work;
mod one_clock;
mod onward;
mod policies;
mod staff_security;
mod training_certificates;
mod use_cases;
