//! Training certificates: Ed25519 signatures over a canonical payload, so that anyone can check a
//! certificate online by its short code or offline with the published public key, and certificates that
//! expire.
//!
//! **The key.** A [`CertificateKey`] is an Ed25519 key pair (RFC 8032) whose 32-byte secret comes from the
//! OS CSPRNG. It is stored only wrapped by the master key ([`MasterKey::wrap_certificate_key`]: its own
//! HKDF subkey, the key's id as associated data). Its id is the first 8 bytes of SHA-256 of the public key,
//! in hex: public, and enough to tell which key signed a certificate once keys are rotated.
//!
//! **The payload** is one line of UTF-8, nine fields joined by `|`, always in this order:
//!
//! ```text
//! waymark-certificate-v1|<key id>|<code>|<holder>|<course id>|<course version>|<nation>|<issued on>|<expires on>
//! ```
//!
//! Dates are ISO 8601 (`2026-12-05`); the version is a decimal number without leading zeros. Inside a field,
//! `%`, `|` and the control characters are written as `%` and two upper-case hex digits (`%7C` for `|`),
//! and nothing else is escaped, so there is exactly one payload for a set of facts: a checker re-encodes
//! the facts it read and refuses a payload that differs.
//!
//! **The token** is `base64url(payload) "." base64url(signature)`, both without padding: the Ed25519
//! signature is over the payload's bytes exactly. It goes on the certificate's page and PDF; anyone with
//! the public key checks it with [`verify_offline`] or by hand (docs/ARCHITECTURE.md, "Training
//! certificates").
//!
//! **The code** ([`CertificateCode`]) is what a person types to check a certificate online: 80 random bits
//! as 16 characters of Crockford's base32, written `WM-XXXX-XXXX-XXXX-XXXX`. Typing is forgiving: any
//! case, spaces or no hyphens, `O` for `0`, `I` or `L` for `1`.

use std::fmt;

use base64::{
    Engine as _, engine::general_purpose::STANDARD, engine::general_purpose::URL_SAFE_NO_PAD,
};
use ed25519_dalek::{SECRET_KEY_LENGTH, Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest as _, Sha256};
use time::{Date, Month};
use zeroize::Zeroizing;

use crate::{VaultError, fill_random, to_hex};

/// The payload's first field: the format, so a later format can be told apart.
pub const CERTIFICATE_FORMAT: &str = "waymark-certificate-v1";

/// Crockford's base32 alphabet: no `I`, `L`, `O` or `U`, so nothing is misread.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The letters every code starts with.
const CODE_PREFIX: &str = "WM";
/// Random bytes in a code: 80 bits, exactly 16 base32 characters.
const CODE_BYTES: usize = 10;
const CODE_CHARS: usize = 16;
/// Typed text longer than this is refused unread.
const MAX_TYPED_CODE: usize = 64;
/// A token longer than this is refused unread (a real one is a few hundred characters).
const MAX_TOKEN: usize = 4096;
/// The DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow it.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
const PEM_BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
const PEM_END: &str = "-----END PUBLIC KEY-----";

/// A certificate's verification code, `WM-XXXX-XXXX-XXXX-XXXX`: 80 random bits, short enough to type,
/// far too many to guess.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CertificateCode(String);

impl CertificateCode {
    /// A new random code (from the OS CSPRNG).
    pub fn generate() -> CertificateCode {
        let mut bytes = [0u8; CODE_BYTES];
        fill_random(&mut bytes);
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let chars: Vec<u8> = (0..CODE_CHARS)
            .rev()
            .map(|i| CROCKFORD[((bits >> (5 * i)) & 0x1f) as usize])
            .collect();
        CertificateCode::from_chars(&chars)
    }

    fn from_chars(chars: &[u8]) -> CertificateCode {
        let mut out = String::with_capacity(CODE_PREFIX.len() + CODE_CHARS + 4);
        out.push_str(CODE_PREFIX);
        for group in chars.chunks(4) {
            out.push('-');
            out.extend(group.iter().map(|c| char::from(*c)));
        }
        CertificateCode(out)
    }

    /// A code as someone typed it: any case, with or without the `WM` and the hyphens, spaces anywhere,
    /// `O` read as `0` and `I` or `L` as `1`. `None` for anything else; it says nothing about why.
    pub fn parse(typed: &str) -> Option<CertificateCode> {
        if typed.len() > MAX_TYPED_CODE {
            return None;
        }
        let cleaned: Vec<u8> = typed
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b'-')
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let body = match cleaned.len() {
            CODE_CHARS => &cleaned[..],
            n if n == CODE_CHARS + CODE_PREFIX.len()
                && cleaned.starts_with(CODE_PREFIX.as_bytes()) =>
            {
                &cleaned[CODE_PREFIX.len()..]
            }
            _ => return None,
        };
        let chars = body
            .iter()
            .map(|c| match c {
                b'O' => Some(b'0'),
                b'I' | b'L' => Some(b'1'),
                c if CROCKFORD.contains(c) => Some(*c),
                _ => None,
            })
            .collect::<Option<Vec<u8>>>()?;
        Some(CertificateCode::from_chars(&chars))
    }

    /// The code as it is shown and stored: `WM-XXXX-XXXX-XXXX-XXXX`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CertificateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for CertificateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CertificateCode({})", self.0)
    }
}

/// What a certificate says. Signed as the payload described in the module's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateFacts {
    pub code: CertificateCode,
    /// The holder's display name, as it was when the certificate was issued.
    pub holder: String,
    pub course_id: String,
    pub course_version: u32,
    /// The jurisdiction id of the course's nation (`england_wales`, `scotland`, `northern_ireland`).
    pub nation: String,
    pub issued_on: Date,
    /// The last day the certificate is valid.
    pub expires_on: Date,
}

/// Why a token is not a valid certificate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidCertificate {
    /// Not a certificate token at all (not two base64url parts, a signature of the wrong length, too long).
    #[error("this is not a Waymark certificate: check that it was copied whole")]
    Malformed,
    /// The signature does not match: the certificate was altered, or it was not signed with this key.
    #[error("this certificate was altered, or it was not signed with Waymark's published key")]
    Tampered,
    /// A genuine certificate whose last valid day has passed.
    #[error("this certificate expired on {}", .0.expires_on)]
    Expired(CertificateFacts),
}

/// The key that signs certificates. Its secret is zeroized when dropped; `Debug` prints only its id.
#[derive(Clone)]
pub struct CertificateKey {
    signing: SigningKey,
    id: String,
}

impl CertificateKey {
    /// A new random key (32 bytes from the OS CSPRNG, as RFC 8032 defines an Ed25519 secret key).
    pub fn generate() -> CertificateKey {
        let mut seed = Zeroizing::new([0u8; SECRET_KEY_LENGTH]);
        fill_random(seed.as_mut());
        CertificateKey::from_seed(&seed)
    }

    pub(crate) fn from_seed(seed: &[u8; SECRET_KEY_LENGTH]) -> CertificateKey {
        let signing = SigningKey::from_bytes(seed);
        let id = key_id(signing.verifying_key().as_bytes());
        CertificateKey { signing, id }
    }

    /// The 32 secret bytes, for wrapping; wiped when dropped.
    pub(crate) fn seed(&self) -> Zeroizing<[u8; SECRET_KEY_LENGTH]> {
        Zeroizing::new(self.signing.to_bytes())
    }

    /// The key's public id: 16 hex characters of SHA-256 of the public key.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The public key: publish it so that anyone can check certificates offline.
    pub fn public_key(&self) -> CertificatePublicKey {
        CertificatePublicKey {
            key: self.signing.verifying_key(),
        }
    }

    /// Signs a certificate: returns its token (`base64url(payload).base64url(signature)`).
    /// `Malformed` if the holder, course or nation is empty, or a date's year is not 1 to 9999.
    pub fn sign(&self, facts: &CertificateFacts) -> Result<String, VaultError> {
        if facts.holder.trim().is_empty() || facts.course_id.is_empty() || facts.nation.is_empty() {
            return Err(VaultError::Malformed(
                "a certificate needs a holder, a course and a nation",
            ));
        }
        if !plain_year(facts.issued_on) || !plain_year(facts.expires_on) {
            return Err(VaultError::Malformed(
                "a certificate's dates must be in the years 1 to 9999",
            ));
        }
        let payload = encode_payload(&self.id, facts);
        let signature = self.signing.sign(payload.as_bytes());
        Ok(format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload.as_bytes()),
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        ))
    }

    /// The secret bytes, for other crates' tests that prove the database never holds them in plaintext.
    #[cfg(any(test, feature = "testing"))]
    pub fn secret_bytes_for_tests(&self) -> [u8; SECRET_KEY_LENGTH] {
        self.signing.to_bytes()
    }
}

impl fmt::Debug for CertificateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CertificateKey")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The public half of a [`CertificateKey`]: 32 bytes, published as base64url, hex or PEM.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CertificatePublicKey {
    key: VerifyingKey,
}

impl CertificatePublicKey {
    /// A public key from its 32 bytes; `Malformed` for bytes that are not a usable Ed25519 public key
    /// (not a point on the curve, or a weak key of small order).
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<CertificatePublicKey, VaultError> {
        let key = VerifyingKey::from_bytes(bytes)
            .map_err(|_| VaultError::Malformed("not an Ed25519 public key"))?;
        if key.is_weak() {
            return Err(VaultError::Malformed("not a usable Ed25519 public key"));
        }
        Ok(CertificatePublicKey { key })
    }

    /// A published public key in any of the forms this type writes: base64url (43 characters), hex (64)
    /// or PEM.
    pub fn parse(text: &str) -> Result<CertificatePublicKey, VaultError> {
        const BAD: VaultError = VaultError::Malformed(
            "a public key is 43 base64url characters, 64 hex digits or a PEM block",
        );
        let text = text.trim();
        let bytes: Vec<u8> = if let Some(body) = text.strip_prefix(PEM_BEGIN) {
            let body = body.strip_suffix(PEM_END).ok_or(BAD)?;
            let body: String = body.split_whitespace().collect();
            let der = STANDARD.decode(body).map_err(|_| BAD)?;
            der.strip_prefix(&SPKI_PREFIX[..]).ok_or(BAD)?.to_vec()
        } else if text.len() == 64 {
            from_hex(text).ok_or(BAD)?
        } else {
            URL_SAFE_NO_PAD.decode(text).map_err(|_| BAD)?
        };
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| BAD)?;
        CertificatePublicKey::from_bytes(&bytes)
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// The key's id (16 hex characters of SHA-256 of the key), as named in every token it signed.
    pub fn id(&self) -> String {
        key_id(self.key.as_bytes())
    }

    /// 43 characters of base64url without padding: the form the website publishes.
    pub fn to_base64url(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.as_bytes())
    }

    /// 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        to_hex(self.key.as_bytes())
    }

    /// A PEM `PUBLIC KEY` block (RFC 8410), for `openssl pkeyutl -verify`.
    pub fn to_pem(&self) -> String {
        let mut der = SPKI_PREFIX.to_vec();
        der.extend_from_slice(self.key.as_bytes());
        format!("{PEM_BEGIN}\n{}\n{PEM_END}\n", STANDARD.encode(der))
    }
}

impl fmt::Debug for CertificatePublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CertificatePublicKey({})", self.to_base64url())
    }
}

/// Checks a certificate's token with the published public key, without the database: the signature
/// first, then the payload's format, then whether `today` is after its last valid day.
///
/// Whitespace inside the token is ignored (a token copied from a PDF may be broken over lines). Revocation
/// cannot be seen offline: only the online check by code knows of it.
pub fn verify_offline(
    token: &str,
    public_key: &CertificatePublicKey,
    today: Date,
) -> Result<CertificateFacts, InvalidCertificate> {
    if token.len() > MAX_TOKEN {
        return Err(InvalidCertificate::Malformed);
    }
    let token: String = token.chars().filter(|c| !c.is_whitespace()).collect();
    let (payload, signature) = token.split_once('.').ok_or(InvalidCertificate::Malformed)?;
    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| InvalidCertificate::Malformed)?;
    let signature: [u8; 64] = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| InvalidCertificate::Malformed)?
        .try_into()
        .map_err(|_| InvalidCertificate::Malformed)?;
    // Strict verification refuses the malleable forms of a signature and small-order keys (RFC 8032 §5.1.7
    // plus the checks it leaves optional), so one certificate has exactly one valid token.
    public_key
        .key
        .verify_strict(&payload, &Signature::from_bytes(&signature))
        .map_err(|_| InvalidCertificate::Tampered)?;
    let payload = std::str::from_utf8(&payload).map_err(|_| InvalidCertificate::Malformed)?;
    let (key_id, facts) = decode_payload(payload).ok_or(InvalidCertificate::Malformed)?;
    if key_id != public_key.id() {
        // Signed by this key but naming another: never made by Waymark.
        return Err(InvalidCertificate::Tampered);
    }
    if today > facts.expires_on {
        return Err(InvalidCertificate::Expired(facts));
    }
    Ok(facts)
}

/// The id of a public key: the first 8 bytes of its SHA-256, in hex.
fn key_id(public: &[u8; 32]) -> String {
    to_hex(&Sha256::digest(public)[..8])
}

fn plain_year(d: Date) -> bool {
    (1..=9999).contains(&d.year())
}

fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |part: &str| -> Option<u32> {
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(number(s.get(0..4)?)?).ok()?;
    let month = Month::try_from(u8::try_from(number(s.get(5..7)?)?).ok()?).ok()?;
    let day = u8::try_from(number(s.get(8..10)?)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// Writes one field: `%`, `|` and control characters as `%XX`, everything else as it is.
fn escape(field: &str, out: &mut String) {
    for c in field.chars() {
        if c == '%' || c == '|' || c.is_ascii_control() {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
}

fn unescape(field: &str) -> Option<String> {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = field.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn encode_payload(key_id: &str, f: &CertificateFacts) -> String {
    let mut out = String::with_capacity(160 + f.holder.len());
    out.push_str(CERTIFICATE_FORMAT);
    for field in [
        key_id,
        f.code.as_str(),
        &f.holder,
        &f.course_id,
        &f.course_version.to_string(),
        &f.nation,
        &iso_date(f.issued_on),
        &iso_date(f.expires_on),
    ] {
        out.push('|');
        escape(field, &mut out);
    }
    out
}

/// Reads a payload; `None` unless it is exactly what [`encode_payload`] writes for the facts it holds.
fn decode_payload(payload: &str) -> Option<(String, CertificateFacts)> {
    let fields: Vec<String> = payload
        .split('|')
        .map(unescape)
        .collect::<Option<Vec<String>>>()?;
    let [
        format,
        key_id,
        code,
        holder,
        course_id,
        version,
        nation,
        issued,
        expires,
    ] = <[String; 9]>::try_from(fields).ok()?;
    if format != CERTIFICATE_FORMAT {
        return None;
    }
    let code = CertificateCode::parse(&code).filter(|c| c.as_str() == code)?;
    let facts = CertificateFacts {
        code,
        holder,
        course_id,
        course_version: version.parse().ok()?,
        nation,
        issued_on: parse_iso_date(&issued)?,
        expires_on: parse_iso_date(&expires)?,
    };
    (encode_payload(&key_id, &facts) == payload).then_some((key_id, facts))
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn facts() -> CertificateFacts {
        CertificateFacts {
            code: CertificateCode::generate(),
            holder: "Grace Okafor".into(),
            course_id: "england-and-wales".into(),
            course_version: 1,
            nation: "england_wales".into(),
            issued_on: date!(2026 - 12 - 05),
            expires_on: date!(2028 - 12 - 05),
        }
    }

    fn token_of(payload: &[u8], signature: &[u8]) -> String {
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    fn parts(token: &str) -> (Vec<u8>, Vec<u8>) {
        let (p, s) = token.split_once('.').expect("two parts");
        (
            URL_SAFE_NO_PAD.decode(p).expect("payload"),
            URL_SAFE_NO_PAD.decode(s).expect("signature"),
        )
    }

    /// RFC 8032 §7.1, TEST 1: the library computes standard Ed25519.
    #[test]
    fn ed25519_known_answer() {
        let seed: [u8; 32] =
            from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                .expect("hex")
                .try_into()
                .expect("32 bytes");
        let key = CertificateKey::from_seed(&seed);
        assert_eq!(
            key.public_key().to_hex(),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        assert_eq!(
            to_hex(&key.signing.sign(b"").to_bytes()),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }

    #[test]
    fn a_signed_certificate_verifies_with_its_public_key_until_it_expires() {
        let key = CertificateKey::generate();
        let f = facts();
        let token = key.sign(&f).expect("signed");
        let public = key.public_key();
        assert_eq!(verify_offline(&token, &public, f.issued_on), Ok(f.clone()));
        // The last valid day is still valid; the day after is not.
        assert_eq!(verify_offline(&token, &public, f.expires_on), Ok(f.clone()));
        assert_eq!(
            verify_offline(&token, &public, date!(2028 - 12 - 06)),
            Err(InvalidCertificate::Expired(f.clone()))
        );
        // A token copied from a PDF with line breaks and spaces still checks.
        let broken: String = token
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let mut v = vec![c];
                if i % 40 == 39 {
                    v.extend(['\n', ' ']);
                }
                v
            })
            .collect();
        assert_eq!(verify_offline(&broken, &public, f.issued_on), Ok(f.clone()));
    }

    #[test]
    fn the_payload_is_readable_and_names_the_key() {
        let key = CertificateKey::generate();
        let mut f = facts();
        f.holder = "Ana | 100% sure\nof it".into();
        let token = key.sign(&f).expect("signed");
        let (payload, signature) = parts(&token);
        assert_eq!(signature.len(), 64);
        assert_eq!(
            String::from_utf8(payload).expect("UTF-8"),
            format!(
                "waymark-certificate-v1|{}|{}|Ana %7C 100%25 sure%0Aof it|england-and-wales|1|england_wales|2026-12-05|2028-12-05",
                key.id(),
                f.code
            )
        );
        assert_eq!(
            verify_offline(&token, &key.public_key(), f.issued_on),
            Ok(f)
        );
        assert_eq!(key.id(), key.public_key().id());
        assert_eq!(key.id().len(), 16);
    }

    #[test]
    fn any_altered_byte_of_payload_or_signature_fails() {
        let key = CertificateKey::generate();
        let public = key.public_key();
        let f = facts();
        let (payload, signature) = parts(&key.sign(&f).expect("signed"));
        for flip in [0x01u8, 0x80] {
            for i in 0..payload.len() {
                let mut p = payload.clone();
                p[i] ^= flip;
                assert_eq!(
                    verify_offline(&token_of(&p, &signature), &public, f.issued_on),
                    Err(InvalidCertificate::Tampered),
                    "payload byte {i} ^ {flip:#x}"
                );
            }
            for i in 0..signature.len() {
                let mut s = signature.clone();
                s[i] ^= flip;
                assert_eq!(
                    verify_offline(&token_of(&payload, &s), &public, f.issued_on),
                    Err(InvalidCertificate::Tampered),
                    "signature byte {i} ^ {flip:#x}"
                );
            }
        }
        // Cut short or lengthened: refused too.
        assert!(
            verify_offline(&token_of(&payload[1..], &signature), &public, f.issued_on).is_err()
        );
        let mut longer = payload.clone();
        longer.push(b'x');
        assert!(verify_offline(&token_of(&longer, &signature), &public, f.issued_on).is_err());
        assert_eq!(
            verify_offline(&token_of(&payload, &signature[..63]), &public, f.issued_on),
            Err(InvalidCertificate::Malformed)
        );
        for bad in ["", ".", "abc", "abc.def", &"A".repeat(5000)] {
            assert_eq!(
                verify_offline(bad, &public, f.issued_on),
                Err(InvalidCertificate::Malformed),
                "{bad:.20}"
            );
        }
    }

    #[test]
    fn a_token_signed_by_another_key_fails() {
        let ours = CertificateKey::generate();
        let theirs = CertificateKey::generate();
        let f = facts();
        let forged = theirs.sign(&f).expect("signed");
        assert_eq!(
            verify_offline(&forged, &ours.public_key(), f.issued_on),
            Err(InvalidCertificate::Tampered)
        );
        // Even when the forger copies our key's id into the payload.
        let (payload, _) = parts(&ours.sign(&f).expect("signed"));
        let signature = theirs.signing.sign(&payload).to_bytes();
        assert_eq!(
            verify_offline(
                &token_of(&payload, &signature),
                &ours.public_key(),
                f.issued_on
            ),
            Err(InvalidCertificate::Tampered)
        );
    }

    #[test]
    fn only_the_canonical_payload_is_accepted_even_when_signed() {
        let key = CertificateKey::generate();
        let f = facts();
        let canonical = encode_payload(key.id(), &f);
        let sign = |p: &str| token_of(p.as_bytes(), &key.signing.sign(p.as_bytes()).to_bytes());
        assert!(verify_offline(&sign(&canonical), &key.public_key(), f.issued_on).is_ok());
        for other in [
            canonical.replace("|1|", "|01|"),
            canonical.replace("Grace", "Gr%61ce"),
            canonical.replace("2026-12-05", "2026-12-5"),
            canonical.replace(f.code.as_str(), &f.code.as_str().to_lowercase()),
            canonical.replace("waymark-certificate-v1", "waymark-certificate-v2"),
            format!("{canonical}|extra"),
        ] {
            assert_eq!(
                verify_offline(&sign(&other), &key.public_key(), f.issued_on),
                Err(InvalidCertificate::Malformed),
                "{other}"
            );
        }
    }

    #[test]
    fn signing_refuses_empty_facts() {
        let key = CertificateKey::generate();
        for change in [
            |f: &mut CertificateFacts| f.holder = "  ".into(),
            |f: &mut CertificateFacts| f.course_id.clear(),
            |f: &mut CertificateFacts| f.nation.clear(),
        ] {
            let mut f = facts();
            change(&mut f);
            assert!(key.sign(&f).is_err());
        }
    }

    #[test]
    fn the_signing_key_is_stored_only_wrapped_by_the_master_key_and_bound_to_its_id() {
        let master = crate::MasterKey::generate();
        let key = CertificateKey::generate();
        let wrapped = master.wrap_certificate_key(&key);
        let secret = key.secret_bytes_for_tests();
        assert!(
            !wrapped
                .windows(8)
                .any(|w| secret.windows(8).any(|s| s == w))
        );
        let back = master
            .unwrap_certificate_key(&wrapped, key.id())
            .expect("unwrapped");
        assert_eq!(back.public_key(), key.public_key());
        assert_eq!(back.secret_bytes_for_tests(), secret);
        // Under another id (a row swapped for another), another master key, or altered: refused.
        let other = CertificateKey::generate();
        assert_eq!(
            master
                .unwrap_certificate_key(&wrapped, other.id())
                .map(|k| k.id().to_owned()),
            Err(VaultError::Tampered)
        );
        assert_eq!(
            crate::MasterKey::generate()
                .unwrap_certificate_key(&wrapped, key.id())
                .map(|k| k.id().to_owned()),
            Err(VaultError::WrongKey)
        );
        let mut altered = wrapped.clone();
        if let Some(last) = altered.last_mut() {
            *last ^= 1;
        }
        assert!(master.unwrap_certificate_key(&altered, key.id()).is_err());
        // A data key's wrapping cannot be opened as a signing key's, nor the other way round.
        assert!(
            master
                .unwrap(&wrapped, &format!("signing_keys{}", key.id()))
                .is_err()
        );
    }

    #[test]
    fn codes_are_80_random_bits_grouped_and_forgiving_to_type() {
        let a = CertificateCode::generate();
        let b = CertificateCode::generate();
        assert_ne!(a, b);
        let s = a.as_str();
        assert_eq!(s.len(), 22);
        assert!(s.starts_with("WM-"));
        assert_eq!(
            s.split('-').map(str::len).collect::<Vec<_>>(),
            [2, 4, 4, 4, 4]
        );
        assert!(s[3..].bytes().all(|c| c == b'-' || CROCKFORD.contains(&c)));
        assert_eq!(CertificateCode::parse(s), Some(a.clone()));
        let bare: String = s[3..].replace('-', "").to_lowercase();
        assert_eq!(CertificateCode::parse(&bare), Some(a.clone()));
        assert_eq!(
            CertificateCode::parse(" wm 0123 4567 89ab cdef "),
            CertificateCode::parse("WM-0123-4567-89AB-CDEF")
        );
        assert_eq!(
            CertificateCode::parse("WM-O1IL-0000-0000-0000").map(|c| c.0),
            Some("WM-0111-0000-0000-0000".into())
        );
        for bad in [
            "",
            "WM-",
            "WM-0000-0000-0000-000",
            "WM-0000-0000-0000-00000",
            "WM-0000-0000-0000-000U",
            "XX-0000-0000-0000-0000",
            "WM-0000-0000-0000-000*",
            "WM-ÀÀÀÀ-0000-0000-0000",
        ] {
            assert_eq!(CertificateCode::parse(bad), None, "{bad}");
        }
        assert_eq!(CertificateCode::parse(&"0".repeat(100)), None);
    }

    #[test]
    fn the_public_key_is_published_in_three_forms_that_read_back() {
        let key = CertificateKey::generate();
        let public = key.public_key();
        assert_eq!(public.to_base64url().len(), 43);
        assert_eq!(public.to_hex().len(), 64);
        for form in [public.to_base64url(), public.to_hex(), public.to_pem()] {
            assert_eq!(CertificatePublicKey::parse(&form), Ok(public), "{form}");
        }
        assert!(
            public
                .to_pem()
                .starts_with("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA")
        );
        assert!(CertificatePublicKey::parse("not a key").is_err());
        // The identity point is a weak key: refused, so no signature could be "valid" under it.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert!(CertificatePublicKey::from_bytes(&identity).is_err());
        // Debug names the key by its id and prints nothing of its secret.
        let shown = format!("{key:?}");
        assert!(shown.contains(key.id()));
        assert!(!shown.contains(&to_hex(&key.secret_bytes_for_tests())[..12]));
    }
}
