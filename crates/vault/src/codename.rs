//! Codenames: the only thing a person who referred themselves needs to read replies, write back and ask for
//! erasure. Seven words drawn at random from the EFF large word list, and stored only as a slow keyed hash.
//!
//! **Entropy.** Words are drawn uniformly (rejection sampling over the OS CSPRNG) from the 7,772 words of
//! the EFF large list that contain no hyphen (the list's 7,776 minus `drop-down`, `felt-tip`, `t-shirt` and
//! `yo-yo`, so that every codename is exactly seven space-separated words and typing a hyphen or a space
//! makes no difference). 7 × log2(7,772) ≈ 90.47 bits, above the 88 bits required.
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

/// Words in the EFF large list that contain no hyphen: the ones codenames are drawn from.
const CODENAME_LIST_LEN: usize = 7772;

/// The EFF large word list, byte for byte as EFF publishes it
/// (<https://www.eff.org/files/2016/07/18/eff_large_wordlist.txt>, SHA-256 `addd3553…6b903e`, pinned by a
/// test): 7,776 lines of five dice rolls, a tab and a word. EFF publishes it under a Creative Commons
/// Attribution licence (<https://www.eff.org/copyright>). Vendored rather than taken from a crate so
/// that the vault depends on no random-number library but the OS CSPRNG.
pub(crate) const EFF_LARGE_TEXT: &str = include_str!("eff_large_wordlist.txt");

/// The list's words in dice order, parsed and checked when the vault is compiled: a changed, truncated
/// or reordered file is a build error, not a weaker codename.
pub(crate) static EFF_LARGE: [&str; EFF_LARGE_LEN] = parse_eff_list(EFF_LARGE_TEXT);

static CODENAME_WORDS_LIST: [&str; CODENAME_LIST_LEN] = without_hyphens(&EFF_LARGE);

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

/// The words codenames are drawn from: the EFF large list without its four hyphenated words.
pub fn word_list() -> &'static [&'static str] {
    &CODENAME_WORDS_LIST
}

/// The entropy of a generated codename in bits: words × log2(list size).
pub fn codename_entropy_bits() -> f64 {
    CODENAME_WORDS as f64 * (word_list().len() as f64).log2()
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

/// Lowercase words of `text`, split at anything that is not a letter or digit: spaces (however many),
/// hyphens, dashes and punctuation between words make no difference.
fn normalise(text: &str) -> Zeroizing<String> {
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
    /// A new codename of [`CODENAME_WORDS`] words from the OS CSPRNG.
    pub fn generate() -> Codename {
        let words = word_list();
        let mut text = Zeroizing::new(String::with_capacity(CODENAME_WORDS * 10));
        for i in 0..CODENAME_WORDS {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(words[random_index(words.len())]);
        }
        Codename(text)
    }

    /// A codename as typed. Only the shape is checked (some words, not absurdly long); whether it is a
    /// codename anyone holds is for the lookup to find, after the same work for every guess.
    pub fn parse(typed: &str) -> Result<Codename, VaultError> {
        if typed.chars().count() > MAX_TYPED_CHARS {
            return Err(VaultError::Malformed("a codename is seven words"));
        }
        let text = normalise(typed);
        if text.is_empty() {
            return Err(VaultError::Malformed("a codename is seven words"));
        }
        Ok(Codename(text))
    }

    /// The codename as it is shown to its owner, once.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ')
    }

    /// Whether `text` contains this codename (ignoring case, spacing and punctuation as [`Codename::parse`]
    /// does): a person who pastes their codename into a message would hand it to everyone who reads it.
    pub fn appears_in(&self, text: &str) -> bool {
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
