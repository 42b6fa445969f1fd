//! Passwords (Argon2id), random secrets for sessions and tokens, their stored digests, and opaque ids.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier as _, Version,
};
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use ctutils::CtEq as _;
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use crate::{VaultError, fill_random, to_hex};

/// Argon2id v1.3 with m = 19456 KiB, t = 2, p = 1: the OWASP minimum. The parameters are written into each
/// PHC string, so raising them later still verifies old hashes.
fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::DEFAULT)
}

/// Argon2id password hashing (PHC string, `$argon2id$v=19$m=19456,t=2,p=1$...`) with a random salt.
pub fn hash_password(password: &str) -> Result<String, VaultError> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| VaultError::Password(e.to_string()))
}

/// Verify; returns false on mismatch or malformed hash.
#[must_use]
pub fn verify_password(password: &str, phc: &str) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    argon2().verify_password(password.as_bytes(), &hash).is_ok()
}

/// For a login whose account does not exist: spend the same time as a real verification so timing does not
/// reveal which emails have accounts.
pub fn verify_password_dummy(password: &str) {
    // Verification is one Argon2 computation with the stored parameters, so computing one with the same
    // parameters and a fixed salt costs the same; the result is discarded.
    const DUMMY_SALT: &[u8] = b"waymark-no-such-account";
    let mut out = Zeroizing::new([0u8; 32]);
    let _ = argon2().hash_password_into(password.as_bytes(), DUMMY_SALT, out.as_mut());
    std::hint::black_box(&out);
}

/// A fresh unguessable secret for session ids, API tokens and CSRF tokens: 32 random bytes, base64url no
/// padding (43 characters).
pub fn new_secret() -> String {
    let mut bytes = Zeroizing::new([0u8; 32]);
    fill_random(bytes.as_mut());
    URL_SAFE_NO_PAD.encode(bytes.as_ref())
}

/// SHA-256 of a secret, as stored in the database (tokens and session ids are looked up by digest; the
/// secret itself is never stored). Returns 64 lowercase hex chars.
///
/// A plain hash suffices because secrets are 256-bit random values: there is nothing to brute-force.
pub fn secret_digest(secret: &str) -> String {
    to_hex(&Sha256::digest(secret.as_bytes()))
}

/// Constant-time equality of two strings (for CSRF tokens). Only the lengths can leak, and tokens have a
/// fixed length.
#[must_use]
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// New opaque id: UUIDv7 as text. Time-ordered, so database indexes stay compact. Ids reveal their creation
/// time and are not secrets: access is always checked, never inferred from knowing an id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
