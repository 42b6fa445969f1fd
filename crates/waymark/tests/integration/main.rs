//! The waymark crate's integration tests, as one test binary (one link instead of one per file).

mod cli;
mod first_responder;
