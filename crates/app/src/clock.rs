//! The application's one clock: the system's clock plus an offset that tests (and
//! `waymark demo --clock-control`) can move forward to reach a timeout, the next TOTP step or a
//! statutory date without waiting. Production code never moves it. The store takes every
//! transaction's time from it, so records, audit entries, due dates and expiries agree.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use time::{Duration, PrimitiveDateTime};

/// The system clock plus an offset that starts at zero and only tests change.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
    /// Whether the web layer may move it (`waymark demo --clock-control`, for the browser tests of
    /// statutory clocks); never for `waymark serve`.
    controllable: bool,
}

impl Clock {
    /// Now, as stored (UTC, to the microsecond).
    pub fn now(&self) -> PrimitiveDateTime {
        // The system's time as stored (UTC, to the microsecond), moved by the offset.
        waymark_store::now() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Seconds since the Unix epoch, for TOTP.
    pub fn unix_seconds(&self) -> u64 {
        u64::try_from(self.now().assume_utc().unix_timestamp()).unwrap_or(0)
    }

    /// A clock `POST /demo/clock` may move (see [`crate::App::with_controllable_clock`]).
    pub fn controllable() -> Clock {
        Clock {
            controllable: true,
            ..Clock::default()
        }
    }

    /// Whether `POST /demo/clock` may move this clock.
    pub fn is_controllable(&self) -> bool {
        self.controllable
    }

    /// How far this clock is ahead of the system's, in seconds.
    pub fn offset_seconds(&self) -> i64 {
        self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves this clock (and every clone of it) forward, for tests of timeouts and codes.
    pub fn advance(&self, by: Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

impl waymark_store::TimeSource for Clock {
    fn now(&self) -> PrimitiveDateTime {
        Clock::now(self)
    }
}
