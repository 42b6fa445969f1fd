//! Limits on codename guesses, per client and for everyone together.
//!
//! A codename has about 90 bits of entropy, so guessing one is hopeless at any rate a server can answer;
//! the limits are there so guessing costs the service nothing worth noticing (each guess is an Argon2
//! computation of about 19 MiB of memory) and so one client cannot hammer the channel.
//!
//! - **Per client: 10 wrong guesses in any 15 minutes.** A person typing their own codename from a note
//!   gets it right within a few tries; ten leaves room for several typos and a wrong note. Fifteen minutes
//!   matches the sign-in lockout, so staff explain one rule.
//! - **Everyone together: 1,000 wrong guesses in any hour.** Far above honest mistakes across a whole
//!   nation (hundreds of people a day using the channel, a few typos each), and low enough that a
//!   botnet spreading its guesses over many addresses gets 24,000 a day: against 2^90 codenames,
//!   nothing. Reaching it closes the channel to everyone until the hour has passed: the price of the
//!   guarantee, and a signal to operators.
//!
//! A guess is counted when it *starts* (so a burst of parallel requests cannot slip past the check), and
//! given back when it turns out right: only wrong guesses use up the budget. Refused guesses are not
//! counted, so being refused does not extend a lock.
//!
//! Windows slide: the limit holds for every window of that length, not only for aligned ones, so there is
//! no burst of twice the limit at a window's edge. The clock is passed in, so the rule is tested without
//! waiting. Memory stays bounded: only clients with a counted guess inside the window are kept, and there
//! can be no more of them than the global limit.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::time::{Duration, Instant};

/// How many wrong guesses are allowed, and over which sliding windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuessLimits {
    pub per_client: usize,
    pub per_client_window: Duration,
    pub global: usize,
    pub global_window: Duration,
}

impl GuessLimits {
    /// The production limits: see the module documentation for why.
    pub const DEFAULT: GuessLimits = GuessLimits {
        per_client: 10,
        per_client_window: Duration::from_secs(15 * 60),
        global: 1000,
        global_window: Duration::from_secs(60 * 60),
    };
}

impl Default for GuessLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Which limit refused a guess. Both are answered the same way ("try again later"); the difference is for
/// operators' logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// This client has used its budget.
    Client,
    /// Everyone together has: the channel is closed to guesses until the window moves on.
    Everyone,
}

/// The state of the limits: the times of the guesses counted inside their windows.
#[derive(Debug, Clone)]
pub struct GuessLimiter<K> {
    limits: GuessLimits,
    clients: HashMap<K, VecDeque<Instant>>,
    global: VecDeque<Instant>,
}

fn expired(at: Instant, now: Instant, window: Duration) -> bool {
    now.saturating_duration_since(at) >= window
}

fn drop_expired(log: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while log.front().is_some_and(|t| expired(*t, now, window)) {
        log.pop_front();
    }
}

impl<K: Hash + Eq + Clone> GuessLimiter<K> {
    pub fn new(limits: GuessLimits) -> Self {
        GuessLimiter {
            limits,
            clients: HashMap::new(),
            global: VecDeque::new(),
        }
    }

    pub fn limits(&self) -> GuessLimits {
        self.limits
    }

    /// Counts a guess by `client` at `now`, or refuses it if either limit is reached. Call before the
    /// expensive check, and [`GuessLimiter::forgive`] if the guess was right.
    pub fn begin(&mut self, client: &K, now: Instant) -> Result<(), Refused> {
        let GuessLimits {
            per_client,
            per_client_window,
            global,
            global_window,
        } = self.limits;
        if let Some(log) = self.clients.get_mut(client) {
            drop_expired(log, now, per_client_window);
            if log.len() >= per_client {
                return Err(Refused::Client);
            }
        }
        drop_expired(&mut self.global, now, global_window);
        if self.global.len() >= global {
            return Err(Refused::Everyone);
        }
        self.global.push_back(now);
        self.clients
            .entry(client.clone())
            .or_default()
            .push_back(now);
        self.prune(now);
        Ok(())
    }

    /// The guess `client` began last was right: it does not count against them or anyone.
    /// How long until a guess refused as `refused` would be let through: until the oldest guess of the
    /// full window leaves it (zero if none is left).
    pub fn wait(&self, client: &K, refused: Refused, now: Instant) -> Duration {
        let (oldest, window) = match refused {
            Refused::Client => (
                self.clients.get(client).and_then(|log| log.front()),
                self.limits.per_client_window,
            ),
            Refused::Everyone => (self.global.front(), self.limits.global_window),
        };
        oldest.map_or(Duration::ZERO, |at| {
            window.saturating_sub(now.saturating_duration_since(*at))
        })
    }

    pub fn forgive(&mut self, client: &K) {
        if let Some(log) = self.clients.get_mut(client) {
            log.pop_back();
            if log.is_empty() {
                self.clients.remove(client);
            }
        }
        self.global.pop_back();
    }

    /// How many clients are remembered (for the test that memory stays bounded).
    pub fn clients_remembered(&self) -> usize {
        self.clients.len()
    }

    /// Forgets clients with nothing inside the window, once the map has grown past twice the number that
    /// can be live. Amortised, it costs O(1) a guess.
    fn prune(&mut self, now: Instant) {
        let bound = self.limits.global.max(64) * 2;
        if self.clients.len() > bound {
            let window = self.limits.per_client_window;
            self.clients
                .retain(|_, log| log.back().is_some_and(|t| !expired(*t, now, window)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIN: Duration = Duration::from_secs(60);

    fn small() -> GuessLimits {
        GuessLimits {
            per_client: 3,
            per_client_window: 15 * MIN,
            global: 5,
            global_window: 60 * MIN,
        }
    }

    #[test]
    fn the_production_limits_are_the_documented_ones() {
        let d = GuessLimits::default();
        assert_eq!((d.per_client, d.per_client_window), (10, 15 * MIN));
        assert_eq!((d.global, d.global_window), (1000, 60 * MIN));
    }

    #[test]
    fn a_client_is_refused_after_its_budget_until_the_window_slides_on() {
        let t0 = Instant::now();
        let mut l = GuessLimiter::new(GuessLimits {
            global: 100,
            ..small()
        });
        // (minutes after t0, expected)
        let rows: &[(u32, Result<(), Refused>)] = &[
            (0, Ok(())),
            (1, Ok(())),
            (2, Ok(())),
            (3, Err(Refused::Client)),
            (14, Err(Refused::Client)),
            // The guess at minute 0 leaves the window at minute 15; one at a time after that.
            (15, Ok(())),
            (15, Err(Refused::Client)),
            (16, Ok(())),
            (17, Ok(())),
            (17, Err(Refused::Client)),
        ];
        for (minute, expected) in rows {
            assert_eq!(
                l.begin(&"a", t0 + *minute * MIN),
                *expected,
                "minute {minute}"
            );
        }
    }

    #[test]
    fn another_client_is_served_while_one_is_refused_until_everyone_is() {
        let t0 = Instant::now();
        let mut l = GuessLimiter::new(small());
        for _ in 0..3 {
            assert_eq!(l.begin(&"a", t0), Ok(()));
        }
        assert_eq!(l.begin(&"a", t0), Err(Refused::Client));
        // Told how long to wait: until the oldest of the window's guesses leaves it.
        assert!(l.wait(&"a", Refused::Client, t0) > Duration::ZERO);
        assert!(l.wait(&"a", Refused::Client, t0) <= l.limits().per_client_window);
        assert_eq!(l.begin(&"b", t0), Ok(()));
        assert_eq!(l.begin(&"b", t0), Ok(()));
        // Five counted: the global budget is spent, for every client, new ones too.
        for who in ["b", "c", "d"] {
            assert_eq!(l.begin(&who, t0 + MIN), Err(Refused::Everyone), "{who}");
        }
        // An hour after the first guesses everyone is served again.
        assert_eq!(l.begin(&"c", t0 + 60 * MIN), Ok(()));
    }

    #[test]
    fn right_guesses_cost_nothing_and_refusals_do_not_extend_a_lock() {
        let t0 = Instant::now();
        let mut l = GuessLimiter::new(small());
        for i in 0..100 {
            assert_eq!(l.begin(&"owner", t0 + i * MIN), Ok(()), "guess {i}");
            l.forgive(&"owner");
        }
        assert_eq!(l.clients_remembered(), 0);
        for _ in 0..3 {
            assert_eq!(l.begin(&"a", t0), Ok(()));
        }
        // Hammering while refused changes nothing: the lock ends 15 minutes after the counted guesses.
        for s in 0..600 {
            assert!(l.begin(&"a", t0 + Duration::from_secs(s)).is_err());
        }
        assert_eq!(l.begin(&"a", t0 + 15 * MIN), Ok(()));
    }

    #[test]
    fn memory_stays_bounded_with_many_clients() {
        let limits = GuessLimits {
            per_client: 10,
            per_client_window: 15 * MIN,
            global: 100,
            global_window: 60 * MIN,
        };
        let t0 = Instant::now();
        let mut l = GuessLimiter::new(limits);
        // One guess each from 100,000 addresses over a long time: at most 100 an hour are counted.
        for i in 0..100_000u64 {
            let _ = l.begin(&i, t0 + Duration::from_secs(i * 2));
            assert!(l.clients_remembered() <= 2 * 100 + 1, "after {i}");
        }
    }

    proptest! {
        /// Whatever the sequence, no window of the client's length ever holds more counted guesses from one
        /// client than its limit, nor any window of the global length more than the global limit.
        #[test]
        fn no_window_ever_holds_more_than_the_limit(
            steps in proptest::collection::vec((0u8..4, 0u64..300, any::<bool>()), 1..300)
        ) {
            let limits = small();
            let t0 = Instant::now();
            let mut l = GuessLimiter::new(limits);
            let mut now = t0;
            let mut counted: Vec<(u8, Instant)> = Vec::new();
            for (client, advance_secs, right) in steps {
                now += Duration::from_secs(advance_secs);
                if l.begin(&client, now).is_ok() {
                    if right {
                        l.forgive(&client);
                    } else {
                        counted.push((client, now));
                    }
                }
                let per = counted
                    .iter()
                    .filter(|(c, t)| *c == client && !expired(*t, now, limits.per_client_window))
                    .count();
                prop_assert!(per <= limits.per_client);
                let all = counted
                    .iter()
                    .filter(|(_, t)| !expired(*t, now, limits.global_window))
                    .count();
                prop_assert!(all <= limits.global);
            }
        }
    }
}
