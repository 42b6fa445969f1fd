//! Staff second factor: TOTP secrets (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), checked with
//! replay protection, and one-time recovery codes.
//!
//! The arithmetic is `totp-rs`'s; the `otpauth://` URL (Google Authenticator's Key Uri Format) and its
//! QR code (an inline SVG drawn from `qrcodegen`'s modules) are built here. What is Waymark's is the policy
//! around it: a code is accepted for the
//! step before, the current step and the step after (clocks drift), but only for a step *later* than the
//! last one accepted for the account, so a code that was seen (over a shoulder, by malware, in a proxy's
//! log) cannot be used again, nor can any earlier one.

use std::fmt;

use qrcodegen::{QrCode, QrCodeEcc};
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
    /// A new random secret of 160 bits from the OS CSPRNG.
    pub fn generate() -> TotpSecret {
        let mut bytes = Zeroizing::new([0u8; 20]);
        fill_random(bytes.as_mut());
        Self::build(Secret::from(bytes.to_vec()))
    }

    /// A secret from its stored bytes (after unsealing).
    pub fn from_bytes(bytes: &[u8]) -> Result<TotpSecret, VaultError> {
        if bytes.len() < 16 {
            return Err(VaultError::Malformed("a TOTP secret has at least 128 bits"));
        }
        Ok(Self::build(Secret::from(bytes)))
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

    fn build(secret: Secret) -> TotpSecret {
        TotpSecret {
            totp: Builder::new()
                .with_algorithm(Algorithm::SHA1)
                .with_digits(TOTP_DIGITS as u8)
                .with_skew(SKEW as u16)
                .with_step_duration(TOTP_STEP_SECONDS)
                .with_secret(secret)
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

    /// The `otpauth://totp/Waymark:ACCOUNT?secret=…&issuer=Waymark` URL an authenticator app reads
    /// (the Key Uri Format: the issuer and account name percent-encoded; SHA-1, 6 digits and 30-second
    /// steps are the format's defaults, so they are not spelled out). A colon separates the issuer from
    /// the account in the label, so colons are left out of the account name.
    pub fn otpauth_url(&self, account: &str) -> Result<Zeroizing<String>, VaultError> {
        let account: Zeroizing<String> =
            Zeroizing::new(account.chars().filter(|c| *c != ':').collect());
        if account.is_empty() {
            return Err(VaultError::Malformed(
                "the account name cannot label a TOTP secret",
            ));
        }
        let mut url = Zeroizing::new(String::from("otpauth://totp/"));
        percent_encode_into(&mut url, ISSUER);
        url.push(':');
        percent_encode_into(&mut url, &account);
        url.push_str("?secret=");
        url.push_str(&self.base32());
        url.push_str("&issuer=");
        percent_encode_into(&mut url, ISSUER);
        Ok(url)
    }

    /// The `otpauth://` URL as a QR code: an `<svg>` element to put in the page itself, so the strict CSP
    /// needs no `data:` images and enrolment works without JavaScript. It holds only numbers (one
    /// `<path>` draws every dark module, on a white square with the four-module quiet zone the QR
    /// standard asks for) and is hidden from assistive technology: the page wraps it in an element that
    /// names it.
    pub fn qr_svg(&self, account: &str) -> Result<Zeroizing<String>, VaultError> {
        let url = self.otpauth_url(account)?;
        let qr = QrCode::encode_text(&url, QrCodeEcc::Medium)
            .map_err(|_| VaultError::Malformed("the account name is too long for a QR code"))?;
        qr_to_svg(&qr).map_err(|_| VaultError::Malformed("the QR code could not be drawn"))
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

/// Appends `text` percent-encoded: every byte of its UTF-8 except the unreserved characters of RFC 3986
/// (letters, digits, `-`, `.`, `_`, `~`), so `@`, spaces and non-ASCII letters survive the label.
fn percent_encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

/// Modules of white around a QR code, as its standard requires for scanners to find it.
const QUIET_ZONE: i32 = 4;

/// `qr` as an `<svg>` element, 200 pixels square. Written straight into one buffer that is wiped when
/// dropped (the picture is the secret, in another form) and large enough that it is not reallocated
/// for an account name of ordinary length.
fn qr_to_svg(qr: &QrCode) -> Result<Zeroizing<String>, fmt::Error> {
    use fmt::Write as _;
    let side = qr.size() + 2 * QUIET_ZONE;
    let mut svg = Zeroizing::new(String::with_capacity(64 * 1024));
    write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\" \
         viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" \
         focusable=\"false\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\""
    )?;
    // One rectangle per horizontal run of dark modules.
    for y in 0..qr.size() {
        let mut x = 0;
        while x < qr.size() {
            if qr.get_module(x, y) {
                let start = x;
                while x < qr.size() && qr.get_module(x, y) {
                    x += 1;
                }
                let run = x - start;
                write!(
                    svg,
                    "M{},{}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                )?;
            } else {
                x += 1;
            }
        }
    }
    svg.push_str("\"/></svg>");
    Ok(svg)
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

    /// The Key Uri Format exactly, for a known secret (the RFC 6238 test secret): the label is
    /// `issuer:account`, both percent-encoded, and the parameters are the secret and the issuer.
    #[test]
    fn the_otpauth_url_follows_the_key_uri_format() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890").unwrap();
        assert_eq!(
            *secret.otpauth_url("caseworker@harbour.example").unwrap(),
            "otpauth://totp/Waymark:caseworker%40harbour.example\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Waymark"
        );
        // Spaces, reserved characters and non-ASCII letters are percent-encoded as UTF-8; colons (the
        // label's separator) are left out; unreserved characters stay as they are.
        assert_eq!(
            *secret.otpauth_url("Zoë O'Neil+1 a:b ~x_y-z.").unwrap(),
            "otpauth://totp/Waymark:Zo%C3%AB%20O%27Neil%2B1%20ab%20~x_y-z.\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Waymark"
        );
        assert!(secret.otpauth_url("").is_err());
        assert!(secret.otpauth_url(":").is_err());
    }

    #[test]
    fn the_qr_code_is_an_svg_of_numbers_only() {
        let secret = TotpSecret::generate();
        let svg = secret.qr_svg("caseworker@harbour.example").unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{}",
            *svg
        );
        assert!(svg.ends_with("\"/></svg>"), "{}", *svg);
        assert!(svg.contains("aria-hidden=\"true\""));
        // A QR code is 17 + 4 × version modules square, and the quiet zone adds 4 on each side.
        let side: i32 = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(side >= 21 + 8 && (side - 8 - 17) % 4 == 0, "{side}");
        let path = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        assert!(
            path.bytes().all(|b| b"Mhvz,-0123456789".contains(&b)),
            "nothing but path numbers: {path}"
        );
        // Nothing of the secret or the account is written out in it.
        assert!(!svg.contains(&*secret.base32()));
        assert!(!svg.contains("caseworker"));
        // The same secret and account draw the same picture; another secret, another picture.
        assert_eq!(svg, secret.qr_svg("caseworker@harbour.example").unwrap());
        assert_ne!(
            svg,
            TotpSecret::generate()
                .qr_svg("caseworker@harbour.example")
                .unwrap()
        );
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
