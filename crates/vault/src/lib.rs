//! Waymark's vault: every cryptographic operation of the product (keys, sealed fields, audit-chain hashes,
//! blind indexes, codenames and their digests, password hashes, staff second factors, tokens and ids, the
//! signatures on training certificates). No other crate touches a cipher, so a review of this
//! crate is a review of how survivors' data is protected.
//!
//! Key hierarchy (DESIGN.md §4): a [`MasterKey`] from a key file wraps one [`DataKey`] per person; data keys
//! seal personal fields; the master key also derives, with HKDF-SHA256, the [`AuditKey`], the
//! [`BlindIndexKey`]s, the [`CodenameKey`] and the [`StaffKey`] (staff TOTP secrets and recovery codes), so
//! each purpose has its own independent key. The [`CertificateKey`] that signs training certificates is
//! random, not derived, and stored wrapped by the master key like a data key.
//!
//! Functions that draw randomness (key generation, sealing, secrets) panic if the operating system's random
//! number generator fails: carrying on would produce guessable keys and nonces.

mod audit;
mod certificate;
mod codename;
mod keys;
mod secrets;
#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests;
mod totp;

pub use audit::{AuditKey, BlindIndexKey, canonical_entry};
pub use certificate::{
    CERTIFICATE_FORMAT, CertificateCode, CertificateFacts, CertificateKey, CertificatePublicKey,
    InvalidCertificate, verify_offline,
};
pub use codename::{
    CODENAME_WORDS, Codename, CodenameForm, CodenameKey, DIGITS_PER_GROUP, codename_digest,
    codename_entropy_bits, stop_list, word_list,
};
pub use keys::{DataKey, FieldContext, MasterKey, StaffKey};
pub use secrets::{
    constant_time_eq, hash_password, new_id, new_secret, secret_digest, verify_password,
    verify_password_dummy,
};
pub use totp::{
    TOTP_DIGITS, TOTP_STEP_SECONDS, TotpSecret, new_recovery_codes, normalise_recovery_code,
};
/// Wipes secrets and plaintext from memory when dropped; for the app's own copies of personal data.
pub use zeroize::{Zeroize, Zeroizing};

use hmac::{Hmac, KeyInit};
use sha2::Sha256;

/// Everything that can go wrong in the vault. Messages never contain key material or plaintext.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The value was sealed or wrapped under a different key (its key id does not match).
    #[error("wrong key: this value was sealed under a different key")]
    WrongKey,
    /// Authentication failed: the bytes were altered, or the value was moved to another record, field or owner.
    #[error("sealed value failed authentication: it was altered or moved to another record")]
    Tampered,
    /// The input is not in a format this vault understands.
    #[error("malformed: {0}")]
    Malformed(&'static str),
    /// Reading or writing a key file failed; the message names the file and the cause.
    #[error("{0}")]
    Io(String),
    /// Argon2 could not hash a password (e.g. the OS random number generator failed).
    #[error("password hashing failed: {0}")]
    Password(String),
}

/// Fills `buf` from the operating system's CSPRNG.
///
/// # Panics
/// If the OS random number generator fails. Carrying on without randomness would silently produce
/// guessable keys and nonces, so stopping is the only safe answer.
fn fill_random(buf: &mut [u8]) {
    if let Err(e) = getrandom::fill(buf) {
        panic!("operating system random number generator failed: {e}");
    }
}

/// HMAC-SHA256 keyed with `key`, ready for `update`.
fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length (RFC 2104), so this error branch cannot be taken; matching keeps
    // `unwrap` out of the crate.
    match <Hmac<Sha256> as KeyInit>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    }
}

/// Appends `part` with a big-endian u64 length prefix. Length-prefixing makes concatenations unambiguous:
/// ("ab", "c") and ("a", "bc") encode differently.
fn push_prefixed(out: &mut Vec<u8>, part: &[u8]) {
    out.extend_from_slice(&(part.len() as u64).to_be_bytes());
    out.extend_from_slice(part);
}

/// Lowercase hex, for ids and digests that are stored or shown as text.
fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}
