//! The web crate's integration tests, as one test binary (one link instead of one per file).

// Test code: a failed `expect` is the failing test, with its message. The workspace denies `expect`, and
// clippy.toml allows it only inside `#[test]` functions and `#[cfg(test)]` modules, not in the helpers here.
#![allow(clippy::expect_used)]

mod support;

mod anonymous;
mod case_api;
mod case_routes;
mod cases;
mod channel;
mod clock;
mod closing;
mod contract;
mod decision_figures;
mod decision_letters;
mod form_errors;
mod formal;
mod http;
mod onward;
mod policies;
mod public;
mod route_probes;
mod staff_security;
mod training;
