//! Codenames: the only thing a person who referred themselves needs to read replies, write back and ask for
//! erasure. Stored only as a slow keyed hash. Two forms ([`CodenameForm`]), both of seven parts and at
//! least 90 bits:
//!
//! - **Words** (English): seven words drawn uniformly (rejection sampling over the OS CSPRNG) from the EFF
//!   large word list without its four hyphenated words (so typing a hyphen or a space makes no
//!   difference) and without every word of the stop-list (`codename_stoplist.txt`: words that could
//!   frighten or accuse a person who escaped exploitation — "deport", "police", "prison", "handcuff",
//!   "enslave"…). 7 × log2(7,647) ≈ 90.30 bits.
//! - **Digits**, for every other language: no word list of enough reviewed words exists yet for Albanian,
//!   Arabic, Persian, Romanian, Tigrinya or Vietnamese, and English words would be foreign there. Seven
//!   groups of four digits (28 digits, log2(10^28) ≈ 93.01 bits): no script to switch to, typed on any
//!   phone's number keys, and Arabic-Indic (٠–٩) and Persian (۰–۹) digits are read as the same digits.
//!
//! **Storage and lookup.** A codename is stored only as [`CodenameKey::digest`]: Argon2id (m = 19,456 KiB,
//! t = 2, p = 1, 32 bytes out) of the normalised codename, with a salt and a secret ("pepper") both derived
//! from the master key with HKDF.
//! - *Deterministic* (one salt for the whole deployment, not one per codename): the channel is found by
//!   looking the digest up by equality, as there is nothing else to find it by. The price is that one
//!   Argon2 computation tests a guess against every stored codename at once; 90 bits make that moot.
//! - *Keyed*: someone holding a copy of the database but not the master key cannot compute a single digest,
//!   so cannot test even one guess offline.
//! - *Slow and memory-hard*: someone who also holds the master key still pays about 19 MiB and tens of
//!   milliseconds per guess, so the key alone does not turn the table into a quick lookup.
//!
//! The parameters are part of every stored digest: changing them makes existing codenames unfindable, so
//! they are pinned by a known-answer test and may only change with a migration that re-hashes each
//! codename the next time its owner uses it.

use std::fmt;

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::{MasterKey, VaultError, fill_random};

/// How many words a codename has.
pub const CODENAME_WORDS: usize = 7;

/// The most characters a typed codename may have before it is refused unread (the longest real one is
/// 7 × 9 letters plus spaces; the margin allows for stray spaces and punctuation).
const MAX_TYPED_CHARS: usize = 512;

/// Argon2id cost of a codename digest: the OWASP minimum for passwords (m = 19 MiB, t = 2, p = 1).
const ARGON2_M_KIB: u32 = 19_456;
const ARGON2_T: u32 = 2;
const ARGON2_P: u32 = 1;

/// Words in the EFF large list: one for each roll of five dice (6^5).
pub(crate) const EFF_LARGE_LEN: usize = 7776;

/// Words in the EFF large list that contain no hyphen.
const CODENAME_LIST_LEN: usize = 7772;

/// Digits in each of the seven groups of a digits codename.
pub const DIGITS_PER_GROUP: usize = 4;

/// The stop-list: `LANGUAGE WORD` lines (see the file's header).
const STOPLIST_TEXT: &str = include_str!("codename_stoplist.txt");

/// The EFF large word list, byte for byte as EFF publishes it
/// (<https://www.eff.org/files/2016/07/18/eff_large_wordlist.txt>, SHA-256 `addd3553…6b903e`, pinned by a
/// test): 7,776 lines of five dice rolls, a tab and a word. EFF publishes it under a Creative Commons
/// Attribution licence (<https://www.eff.org/copyright>). Vendored rather than taken from a crate so
/// that the vault depends on no random-number library but the OS CSPRNG.
pub(crate) const EFF_LARGE_TEXT: &str = include_str!("eff_large_wordlist.txt");

/// The list's words in dice order, parsed and checked when the vault is compiled: a changed, truncated
/// or reordered file is a build error, not a weaker codename.
pub(crate) static EFF_LARGE: [&str; EFF_LARGE_LEN] = parse_eff_list(EFF_LARGE_TEXT);

pub(crate) static WITHOUT_HYPHENS: [&str; CODENAME_LIST_LEN] = without_hyphens(&EFF_LARGE);

/// Parses EFF's format: line `i` is `i` written in base 6 with the digits 1-6 (`11111` … `66666`), a
/// tab, then a word of lowercase letters and hyphens, then a newline. Panics (at compile time: it is
/// only called in a `static`'s initialiser) on anything else.
const fn parse_eff_list(text: &'static str) -> [&'static str; EFF_LARGE_LEN] {
    let mut words = [""; EFF_LARGE_LEN];
    let mut rest = text.as_bytes();
    let mut i = 0;
    while i < EFF_LARGE_LEN {
        // The dice rolls of line i, most significant die first.
        let mut die = 0;
        while die < 5 {
            let mut place = 1;
            let mut k = die;
            while k < 4 {
                place *= 6;
                k += 1;
            }
            let expected = b'1' + ((i / place) % 6) as u8;
            if rest.is_empty() || rest[0] != expected {
                panic!("the EFF list's dice numbers are not in order");
            }
            rest = rest.split_at(1).1;
            die += 1;
        }
        if rest.is_empty() || rest[0] != b'\t' {
            panic!("a tab follows the dice numbers in the EFF list");
        }
        rest = rest.split_at(1).1;
        let mut len = 0;
        while len < rest.len() && rest[len] != b'\n' {
            if !(rest[len].is_ascii_lowercase() || rest[len] == b'-') {
                panic!("an EFF word is lowercase letters and hyphens");
            }
            len += 1;
        }
        if len == 0 || len == rest.len() {
            panic!("every EFF line has a word and ends with a newline");
        }
        let (word, after) = rest.split_at(len);
        words[i] = match core::str::from_utf8(word) {
            Ok(word) => word,
            Err(_) => panic!("ASCII is UTF-8"),
        };
        rest = after.split_at(1).1;
        i += 1;
    }
    if !rest.is_empty() {
        panic!("the EFF list has 7,776 lines and nothing after them");
    }
    words
}

/// The words of `list` that contain no hyphen, in the same order. Panics (at compile time) unless there
/// are exactly [`CODENAME_LIST_LEN`] of them.
const fn without_hyphens(
    list: &[&'static str; EFF_LARGE_LEN],
) -> [&'static str; CODENAME_LIST_LEN] {
    let mut out = [""; CODENAME_LIST_LEN];
    let mut kept = 0;
    let mut i = 0;
    while i < EFF_LARGE_LEN {
        let word = list[i].as_bytes();
        let mut hyphen = false;
        let mut j = 0;
        while j < word.len() {
            hyphen |= word[j] == b'-';
            j += 1;
        }
        if !hyphen {
            if kept == CODENAME_LIST_LEN {
                panic!("more words without a hyphen than expected");
            }
            out[kept] = list[i];
            kept += 1;
        }
        i += 1;
    }
    if kept != CODENAME_LIST_LEN {
        panic!("fewer words without a hyphen than expected");
    }
    out
}

/// The stop-list: (language, word or phrase) in the file's order.
pub fn stop_list() -> impl Iterator<Item = (&'static str, &'static str)> {
    STOPLIST_TEXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
}

/// The words codenames of the words form are drawn from: the EFF large list without its four
/// hyphenated words and without the English words of the stop-list, in EFF's order.
pub fn word_list() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let stopped: std::collections::HashSet<&str> = stop_list()
            .filter(|(lang, _)| *lang == "en")
            .map(|(_, w)| w)
            .collect();
        WITHOUT_HYPHENS
            .iter()
            .copied()
            .filter(|w| !stopped.contains(w))
            .collect()
    })
}

/// The form of a codename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodenameForm {
    /// Seven English words from [`word_list`].
    Words,
    /// Seven groups of [`DIGITS_PER_GROUP`] digits.
    Digits,
}

impl CodenameForm {
    pub const ALL: [CodenameForm; 2] = [CodenameForm::Words, CodenameForm::Digits];

    /// The entropy of a generated codename of this form, in bits.
    pub fn entropy_bits(self) -> f64 {
        match self {
            CodenameForm::Words => CODENAME_WORDS as f64 * (word_list().len() as f64).log2(),
            CodenameForm::Digits => (CODENAME_WORDS * DIGITS_PER_GROUP) as f64 * 10f64.log2(),
        }
    }
}

/// The entropy of a generated codename of the words form, in bits.
pub fn codename_entropy_bits() -> f64 {
    CodenameForm::Words.entropy_bits()
}

/// A uniformly random index below `n` (at most 65,536), by rejection sampling so no index is favoured.
fn random_index(n: usize) -> usize {
    debug_assert!(n > 0 && n <= 1 << 16);
    let limit = (1usize << 16) / n * n;
    loop {
        let mut b = [0u8; 2];
        fill_random(&mut b);
        let v = usize::from(u16::from_be_bytes(b));
        if v < limit {
            return v % n;
        }
    }
}

/// A codename, normalised: lowercase words separated by single spaces. `Debug` prints nothing of it; the
/// text is wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Codename(Zeroizing<String>);

impl fmt::Debug for Codename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Codename(…)")
    }
}

/// The value of a decimal digit in Latin (0–9), Arabic-Indic (٠–٩) or Persian (۰–۹) script.
fn digit_value(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(base)).ok()
}

/// The digits of `text` in Latin script, everything else dropped.
fn digits_of(text: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    out.extend(
        text.chars()
            .filter_map(digit_value)
            .map(|d| char::from(b'0' + d)),
    );
    out
}

/// A codename as typed, normalised. When every letter-or-digit in it is a digit (in any of the scripts of
/// [`digit_value`]), the digits in Latin script in groups of [`DIGITS_PER_GROUP`]: spaces, hyphens and
/// grouping make no difference. Otherwise lowercase words, split at anything that is not a letter or
/// digit: spaces (however many), hyphens, dashes and punctuation between words make no difference.
fn normalise(text: &str) -> Zeroizing<String> {
    let alphanumeric = || text.chars().filter(|c| c.is_alphanumeric());
    if alphanumeric().next().is_some() && alphanumeric().all(|c| digit_value(c).is_some()) {
        let digits = digits_of(text);
        let mut out = Zeroizing::new(String::with_capacity(digits.len() * 2));
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && i % DIGITS_PER_GROUP == 0 {
                out.push(' ');
            }
            out.push(d);
        }
        return out;
    }
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

impl Codename {
    /// A new codename of [`CODENAME_WORDS`] parts of `form`, from the OS CSPRNG.
    pub fn generate(form: CodenameForm) -> Codename {
        let words = word_list();
        let mut text = Zeroizing::new(String::with_capacity(CODENAME_WORDS * 10));
        for i in 0..CODENAME_WORDS {
            if i > 0 {
                text.push(' ');
            }
            match form {
                CodenameForm::Words => text.push_str(words[random_index(words.len())]),
                CodenameForm::Digits => {
                    for _ in 0..DIGITS_PER_GROUP {
                        text.push(char::from(b"0123456789"[random_index(10)]));
                    }
                }
            }
        }
        Codename(text)
    }

    /// The form of this codename: digits when it is all digits.
    pub fn form(&self) -> CodenameForm {
        if self.0.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            CodenameForm::Digits
        } else {
            CodenameForm::Words
        }
    }

    /// A codename as typed. Only the shape is checked (some words, not absurdly long); whether it is a
    /// codename anyone holds is for the lookup to find, after the same work for every guess.
    pub fn parse(typed: &str) -> Result<Codename, VaultError> {
        if typed.chars().count() > MAX_TYPED_CHARS {
            return Err(VaultError::Malformed(
                "a codename is seven words, or seven groups of four digits",
            ));
        }
        let text = normalise(typed);
        if text.is_empty() {
            return Err(VaultError::Malformed(
                "a codename is seven words, or seven groups of four digits",
            ));
        }
        Ok(Codename(text))
    }

    /// The codename as it is shown to its owner, once.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The parts of the codename: its words, or its groups of digits.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ')
    }

    /// Whether `text` contains this codename (ignoring case, spacing and punctuation as [`Codename::parse`]
    /// does): a person who pastes their codename into a message would hand it to everyone who reads it.
    pub fn appears_in(&self, text: &str) -> bool {
        if self.form() == CodenameForm::Digits {
            // However the digits were grouped or spaced, in whatever script.
            let needle = digits_of(&self.0);
            return digits_of(text).contains(needle.as_str());
        }
        let haystack = normalise(text);
        let padded = Zeroizing::new(format!(" {} ", haystack.as_str()));
        let needle = Zeroizing::new(format!(" {} ", self.0.as_str()));
        padded.contains(needle.as_str())
    }
}

/// The salt and secret of codename digests, derived from the master key (see the module documentation).
#[derive(Clone)]
pub struct CodenameKey {
    salt: [u8; 16],
    pepper: Zeroizing<[u8; 32]>,
}

impl fmt::Debug for CodenameKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodenameKey(redacted)")
    }
}

impl CodenameKey {
    pub(crate) fn new(salt: [u8; 16], pepper: Zeroizing<[u8; 32]>) -> CodenameKey {
        CodenameKey { salt, pepper }
    }

    fn hash(&self, input: &[u8]) -> [u8; 32] {
        let Ok(params) = Params::new(ARGON2_M_KIB, ARGON2_T, ARGON2_P, Some(32)) else {
            unreachable!("the codename parameters are valid Argon2 parameters")
        };
        let Ok(argon2) = Argon2::new_with_secret(
            self.pepper.as_ref(),
            Algorithm::Argon2id,
            Version::V0x13,
            params,
        ) else {
            unreachable!("a 32-byte secret is within Argon2's limits")
        };
        let mut out = [0u8; 32];
        // Errors only for out-of-range lengths: the salt is 16 bytes, the output 32, and the input at most
        // MAX_TYPED_CHARS characters (a few KiB), all within Argon2's limits.
        if argon2
            .hash_password_into(input, &self.salt, &mut out)
            .is_err()
        {
            unreachable!("codename digest inputs are within Argon2's limits");
        }
        out
    }

    /// The stored form of a codename: deterministic, keyed, slow (Argon2id, see the module documentation).
    pub fn digest(&self, codename: &Codename) -> [u8; 32] {
        self.hash(codename.0.as_bytes())
    }

    /// The same work as [`CodenameKey::digest`], for typed input that is not even shaped like a codename,
    /// so refusing it takes as long as a search. (Argon2's time does not depend on the input's content, and
    /// barely on its length: the input is hashed once, before the memory-hard part.)
    pub fn digest_nothing(&self) {
        std::hint::black_box(self.hash(b""));
    }
}

/// The stored form of `codename` under `master`: [`CodenameKey::digest`] with the key derived on the spot.
/// Callers that hash often keep a [`CodenameKey`] from [`MasterKey::codename_key`] instead.
pub fn codename_digest(master: &MasterKey, codename: &Codename) -> [u8; 32] {
    master.codename_key().digest(codename)
}
