//! The app crate's integration tests, as one test binary (one link instead of one per file).

mod fixture;

mod anonymous;
mod cases;
mod channel;
mod closing;
mod decision_figures;
mod decision_notices;
mod formal;
mod one_clock;
mod onward;
mod staff_security;
mod training_certificates;
mod use_cases;
