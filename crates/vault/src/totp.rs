//! Staff second factor: TOTP secrets (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), checked with
//! replay protection, and one-time recovery codes.
//!
//! The arithmetic is `totp-rs`'s; what is Waymark's is the policy around it: a code is accepted for the
//! step before, the current step and the step after (clocks drift), but only for a step *later* than the
//! last one accepted for the account, so a code that was seen (over a shoulder, by malware, in a proxy's
//! log) cannot be used again, nor can any earlier one.

use std::fmt;

use totp_rs::{Algorithm, Builder, Secret, Totp};
use zeroize::Zeroizing;

use crate::{VaultError, constant_time_eq, fill_random};

/// Seconds per TOTP step.
pub const TOTP_STEP_SECONDS: u64 = 30;
/// Digits in a TOTP code.
pub const TOTP_DIGITS: usize = 6;
/// Steps either side of the current one that are still accepted.
const SKEW: u64 = 1;
/// What authenticator apps show as the account's issuer.
const ISSUER: &str = "Waymark";

/// A TOTP shared secret: 160 random bits (the length RFC 4226 recommends). `Debug` prints nothing of
/// it, and its bytes are zeroized when dropped.
pub struct TotpSecret {
    totp: Totp,
}

impl TotpSecret {
    /// A new random secret (`totp-rs`'s generator: the thread-local CSPRNG seeded from the OS).
    pub fn generate() -> TotpSecret {
        Self::build(Secret::generate(), "")
    }

    /// A secret from its stored bytes (after unsealing).
    pub fn from_bytes(bytes: &[u8]) -> Result<TotpSecret, VaultError> {
        if bytes.len() < 16 {
            return Err(VaultError::Malformed("a TOTP secret has at least 128 bits"));
        }
        Ok(Self::build(Secret::from(bytes), ""))
    }

    /// A secret from the Base32 text an authenticator app is given (as printed by the demo).
    pub fn from_base32(text: &str) -> Result<TotpSecret, VaultError> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let secret = Secret::try_from_base32(cleaned)
            .map_err(|_| VaultError::Malformed("not a Base32 TOTP secret"))?;
        Self::from_bytes(secret.as_ref())
    }

    fn build(secret: Secret, account: &str) -> TotpSecret {
        TotpSecret {
            totp: Builder::new()
                .with_algorithm(Algorithm::SHA1)
                .with_digits(TOTP_DIGITS as u8)
                .with_skew(SKEW as u16)
                .with_step_duration(TOTP_STEP_SECONDS)
                .with_secret(secret)
                .with_issuer(Some(ISSUER))
                .with_account_name(account)
                .build_noncompliant(),
        }
    }

    /// The raw bytes, to be sealed for storage.
    pub fn bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.totp.secret().as_ref().to_vec())
    }

    /// The secret as Base32 (RFC 4648, no padding), for typing into an app by hand.
    pub fn base32(&self) -> Zeroizing<String> {
        Zeroizing::new(self.totp.secret().to_base32())
    }

    /// The same secret labelled for one account, for the `otpauth://` URL and its QR code.
    fn for_account(&self, account: &str) -> Result<Totp, VaultError> {
        let account: String = account.chars().filter(|c| *c != ':').collect();
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(TOTP_DIGITS as u8)
            .with_skew(SKEW as u16)
            .with_step_duration(TOTP_STEP_SECONDS)
            .with_secret(self.totp.secret().clone())
            .with_issuer(Some(ISSUER))
            .with_account_name(account)
            .build()
            .map_err(|_| VaultError::Malformed("the account name cannot label a TOTP secret"))
    }

    /// The `otpauth://totp/Waymark:ACCOUNT?secret=…&issuer=Waymark` URL an authenticator app reads.
    pub fn otpauth_url(&self, account: &str) -> Result<Zeroizing<String>, VaultError> {
        self.for_account(account)?
            .to_url()
            .map(Zeroizing::new)
            .map_err(|_| VaultError::Malformed("the otpauth URL could not be built"))
    }

    /// The `otpauth://` URL as a QR code: a PNG, base64-encoded, for an `<img src="data:image/png;base64,…">`.
    pub fn qr_png_base64(&self, account: &str) -> Result<Zeroizing<String>, VaultError> {
        self.for_account(account)?
            .to_qr_base64()
            .map(Zeroizing::new)
            .map_err(|_| VaultError::Malformed("the QR code could not be drawn"))
    }

    /// The code for the step that holds `unix_seconds` (what an authenticator app shows then).
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp.generate(unix_seconds).to_string()
    }

    /// Checks `code` at `unix_seconds`. Accepts the step before, the current one and the one after, but
    /// only a step later than `last_step` (the last one accepted for this account). Returns the step
    /// that matched, to be stored as the new `last_step`; `None` for a wrong, malformed or replayed code.
    /// All three steps are always computed and compared in constant time.
    pub fn verify(&self, code: &str, unix_seconds: u64, last_step: Option<u64>) -> Option<u64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let well_formed = code.len() == TOTP_DIGITS && code.bytes().all(|b| b.is_ascii_digit());
        let now = unix_seconds / TOTP_STEP_SECONDS;
        let mut matched = None;
        for step in now.saturating_sub(SKEW)..=now + SKEW {
            let expected = self.totp.generate(step * TOTP_STEP_SECONDS).to_string();
            let same = constant_time_eq(&expected, &code);
            let fresh = last_step.is_none_or(|last| step > last);
            if well_formed && same && fresh && matched.is_none() {
                matched = Some(step);
            }
        }
        matched
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

/// Recovery codes: Crockford's Base32 alphabet (no I, L, O or U to misread), lower case.
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
/// Characters in a recovery code: 16 × 5 = 80 random bits.
const RECOVERY_LEN: usize = 16;

/// `count` new one-time recovery codes, each 80 random bits shown as `xxxx-xxxx-xxxx-xxxx`.
pub fn new_recovery_codes(count: usize) -> Vec<Zeroizing<String>> {
    (0..count)
        .map(|_| {
            let mut bytes = Zeroizing::new([0u8; RECOVERY_LEN]);
            fill_random(bytes.as_mut());
            let mut code = Zeroizing::new(String::with_capacity(RECOVERY_LEN + 3));
            for (i, b) in bytes.iter().enumerate() {
                if i > 0 && i % 4 == 0 {
                    code.push('-');
                }
                // 256 is a multiple of 32, so taking the low five bits is unbiased.
                code.push(char::from(RECOVERY_ALPHABET[usize::from(b & 0x1f)]));
            }
            code
        })
        .collect()
}

/// A recovery code as typed, in the one form that is digested: lower case, without spaces or hyphens,
/// with the letters Crockford's Base32 reads as digits (I and L as 1, O as 0). `None` if it cannot be one.
pub fn normalise_recovery_code(typed: &str) -> Option<Zeroizing<String>> {
    let mut out = Zeroizing::new(String::with_capacity(RECOVERY_LEN));
    for c in typed.chars() {
        let c = match c.to_ascii_lowercase() {
            ' ' | '-' | '\t' => continue,
            'i' | 'l' => '1',
            'o' => '0',
            c => c,
        };
        if !c.is_ascii() || !RECOVERY_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == RECOVERY_LEN).then_some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890"; 8-digit codes there,
    /// so their last 6 digits here (the truncation is the same number modulo 10^6).
    #[test]
    fn rfc_6238_known_answers() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890").unwrap();
        for (time, eight) in [
            (59u64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(secret.code_at(time), eight[2..], "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_once_and_never_an_earlier_one_after_it() {
        let secret = TotpSecret::generate();
        let t = 1_800_000_000;
        let step = t / TOTP_STEP_SECONDS;
        let code = secret.code_at(t);
        assert_eq!(secret.verify(&code, t, None), Some(step));
        assert_eq!(
            secret.verify(&format!(" {} {} ", &code[..3], &code[3..]), t, None),
            Some(step)
        );
        // The same code again: refused.
        assert_eq!(secret.verify(&code, t, Some(step)), None);
        assert_eq!(secret.verify(&code, t + 20, Some(step)), None);
        // The previous step's code, after this one was used: refused.
        let previous = secret.code_at(t - TOTP_STEP_SECONDS);
        assert_eq!(secret.verify(&previous, t, Some(step)), None);
        // The next step's code is fresh.
        let next = secret.code_at(t + TOTP_STEP_SECONDS);
        assert_eq!(
            secret.verify(&next, t + TOTP_STEP_SECONDS, Some(step)),
            Some(step + 1)
        );
    }

    #[test]
    fn one_step_of_drift_either_way_and_no_more() {
        let secret = TotpSecret::generate();
        let t = 1_800_000_015;
        let step = t / TOTP_STEP_SECONDS;
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let at = (t as i64 + offset * TOTP_STEP_SECONDS as i64) as u64;
            let expected = accepted.then(|| (step as i64 + offset) as u64);
            // Codes can repeat across steps by chance (1 in a million); skip that case.
            if !accepted && secret.code_at(at) == secret.code_at(t) {
                continue;
            }
            assert_eq!(
                secret.verify(&secret.code_at(at), t, None),
                expected,
                "{offset}"
            );
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        let secret = TotpSecret::generate();
        let t = 1_800_000_000;
        let code = secret.code_at(t);
        for bad in [
            "",
            "12345",
            "1234567",
            "abcdef",
            "+12345",
            &format!("{code}0"),
        ] {
            assert_eq!(secret.verify(bad, t, None), None, "{bad:?}");
        }
    }

    #[test]
    fn a_secret_survives_base32_and_bytes() {
        let secret = TotpSecret::generate();
        assert_eq!(secret.bytes().len(), 20);
        let text = secret.base32();
        assert_eq!(text.len(), 32);
        let again = TotpSecret::from_base32(&text.to_lowercase()).unwrap();
        assert_eq!(again.code_at(1_000), secret.code_at(1_000));
        let again = TotpSecret::from_bytes(&secret.bytes()).unwrap();
        assert_eq!(again.code_at(1_000), secret.code_at(1_000));
        assert!(TotpSecret::from_bytes(&[1u8; 10]).is_err(), "too short");
        assert!(TotpSecret::from_base32("not base32!").is_err());
        assert_eq!(format!("{secret:?}"), "TotpSecret(..)");
    }

    #[test]
    fn the_qr_code_is_a_png_of_the_otpauth_url() {
        use base64::Engine as _;
        let secret = TotpSecret::generate();
        let url = secret.otpauth_url("caseworker@harbour.example").unwrap();
        assert!(
            url.starts_with("otpauth://totp/Waymark:caseworker"),
            "{}",
            *url
        );
        assert!(
            url.contains(&format!("secret={}", *secret.base32())),
            "{}",
            *url
        );
        assert!(url.contains("issuer=Waymark"), "{}", *url);
        let png = base64::engine::general_purpose::STANDARD
            .decode(
                secret
                    .qr_png_base64("caseworker@harbour.example")
                    .unwrap()
                    .as_bytes(),
            )
            .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }

    #[test]
    fn recovery_codes_are_80_random_bits_read_forgivingly() {
        let codes = new_recovery_codes(10);
        assert_eq!(codes.len(), 10);
        let mut seen = std::collections::HashSet::new();
        for code in &codes {
            assert_eq!(code.len(), 19, "{}", **code);
            assert_eq!(code.matches('-').count(), 3);
            let plain = normalise_recovery_code(code).unwrap();
            assert_eq!(plain.len(), 16);
            assert!(seen.insert(plain.to_string()), "a repeated code");
            // Upper case, spaces and misread letters are the same code.
            let typed = code
                .to_uppercase()
                .replace('-', " ")
                .replace('1', "l")
                .replace('0', "O");
            assert_eq!(normalise_recovery_code(&typed).unwrap(), plain);
        }
        for bad in [
            "",
            "abcd-efgh",
            "abcd-efgh-jkmn-pqrs-t",
            "abcd-efgh-jkmn-pqru",
            "ab€d-efgh-jkmn-pqrs",
        ] {
            assert!(normalise_recovery_code(bad).is_none(), "{bad:?}");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod staff_key_tests {
    use crate::{FieldContext, MasterKey, VaultError};

    const ROW: FieldContext<'static> = FieldContext {
        table: "users",
        column: "totp_secret_ct",
        row_id: "user-1",
    };

    #[test]
    fn a_staff_secret_opens_only_in_its_row_under_its_master_key() {
        let master = MasterKey::generate();
        let key = master.staff_key();
        let sealed = key.seal(&ROW, b"0123456789abcdefghij");
        assert!(!sealed.windows(20).any(|w| w == b"0123456789abcdefghij"));
        assert_eq!(
            &key.open(&ROW, &sealed).unwrap()[..],
            b"0123456789abcdefghij"
        );
        let other_row = FieldContext {
            row_id: "user-2",
            ..ROW
        };
        assert_eq!(key.open(&other_row, &sealed), Err(VaultError::Tampered));
        let other = MasterKey::generate().staff_key();
        assert_eq!(other.open(&ROW, &sealed), Err(VaultError::WrongKey));
        assert_eq!(format!("{key:?}"), "StaffKey(..)");
    }

    #[test]
    fn a_recovery_code_digest_is_keyed_and_bound_to_its_account() {
        let key = MasterKey::generate().staff_key();
        let d = key.recovery_code_digest("user-1", "0123456789abcdef");
        assert_eq!(d.len(), 32);
        assert_eq!(d, key.recovery_code_digest("user-1", "0123456789abcdef"));
        assert_ne!(d, key.recovery_code_digest("user-2", "0123456789abcdef"));
        assert_ne!(d, key.recovery_code_digest("user-1", "0123456789abcdeg"));
        let other = MasterKey::generate().staff_key();
        assert_ne!(d, other.recovery_code_digest("user-1", "0123456789abcdef"));
    }
}
