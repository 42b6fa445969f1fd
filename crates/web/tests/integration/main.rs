//! The web crate's integration tests, as one test binary (one link instead of one per file).

mod support;

mod anonymous;
mod cases;
mod channel;
mod clock;
mod closing;
mod contract;
mod decision_figures;
mod decision_letters;
mod formal;
mod http;
mod onward;
mod public;
mod staff_security;
mod training;
