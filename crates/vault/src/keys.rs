//! The master key, per-person data keys, and the XChaCha20-Poly1305 envelope that seals fields and wraps keys.

use std::{fmt, fs, io, io::Write as _, path::Path};

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chacha20poly1305::{
    XChaCha20Poly1305,
    aead::{Aead as _, KeyInit as _, Payload},
};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::{Zeroize as _, Zeroizing};

use crate::{
    AuditKey, BlindIndexKey, CertificateKey, CodenameKey, VaultError, fill_random, push_prefixed,
    to_hex,
};

/// Envelope layout: version (1 byte) | key id (8) | nonce (24) | ciphertext + tag (16).
const VERSION: u8 = 1;
const KEY_ID_LEN: usize = 8;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Public, fixed HKDF salt: RFC 5869 allows a non-secret salt, and a fixed one separates Waymark's
/// derivations from any other use of the same key bytes.
const HKDF_SALT: &[u8] = b"waymark-vault-v1";
// HKDF info labels: one per purpose, so every subkey is independent of the others. Only the blind-index
// label is extended (by its purpose), and no other label starts with it, so no two derivations can collide.
const INFO_MASTER_ID: &[u8] = b"waymark/master-key-id";
const INFO_DATA_ID: &[u8] = b"waymark/data-key-id";
const INFO_WRAP: &[u8] = b"waymark/wrap-data-keys";
const INFO_AUDIT: &[u8] = b"waymark/audit-chain";
const INFO_BLIND_INDEX: &[u8] = b"waymark/blind-index/";
const INFO_CODENAME_SALT: &[u8] = b"waymark/codename-salt";
const INFO_CODENAME_PEPPER: &[u8] = b"waymark/codename-pepper";
const INFO_STAFF_SECRETS: &[u8] = b"waymark/staff-secrets";
const INFO_RECOVERY_CODES: &[u8] = b"waymark/recovery-codes";
const INFO_WRAP_SIGNING_KEYS: &[u8] = b"waymark/wrap-signing-keys";
/// The table a wrapped signing key is stored in: part of its associated data, with the key's id.
const SIGNING_KEYS_TABLE: &[u8] = b"signing_keys";

const KEY_FILE_PREFIX: &str = "waymark-master-key-v1:";
const BAD_KEY_FILE: &str =
    "master key file: expected one line `waymark-master-key-v1:<base64url of 32 bytes>`";

/// HKDF-SHA256 of `key` with the concatenation of `info` as the info string.
fn hkdf(key: &[u8; 32], info: &[&[u8]], out: &mut [u8]) {
    // Expand only fails for outputs longer than 255 * 32 bytes; every caller asks for at most 32.
    if Hkdf::<Sha256>::new(Some(HKDF_SALT), key)
        .expand_multi_info(info, out)
        .is_err()
    {
        unreachable!("HKDF-SHA256 output of at most 32 bytes");
    }
}

fn subkey(key: &[u8; 32], info: &[&[u8]]) -> Zeroizing<[u8; 32]> {
    let mut out = Zeroizing::new([0u8; 32]);
    hkdf(key, info, out.as_mut());
    out
}

/// A key id is an HKDF output, so it identifies a key without revealing anything about it.
fn key_id(key: &[u8; 32], info: &[u8]) -> [u8; KEY_ID_LEN] {
    let mut id = [0u8; KEY_ID_LEN];
    hkdf(key, &[info], &mut id);
    id
}

fn random_key() -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    fill_random(key.as_mut());
    key
}

/// Associated data: the envelope header (so version and key id are authenticated too) followed by the
/// length-prefixed context parts that bind the value to its place.
fn associated_data(header: &[u8], context: &[&[u8]]) -> Vec<u8> {
    let mut aad = header.to_vec();
    for part in context {
        push_prefixed(&mut aad, part);
    }
    aad
}

/// Encrypts `plaintext` into a fresh envelope. 24-byte random nonces are safe to draw at any volume, which
/// is why `XChaCha20` is used rather than a 12-byte-nonce AEAD.
///
/// # Panics
/// Only if the plaintext exceeds XChaCha20-Poly1305's limit of about 256 GiB, or the OS RNG fails.
fn seal_envelope(
    key: &[u8; 32],
    id: &[u8; KEY_ID_LEN],
    context: &[&[u8]],
    plaintext: &[u8],
) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce);
    let mut out = Vec::with_capacity(1 + KEY_ID_LEN + NONCE_LEN + plaintext.len() + TAG_LEN);
    out.push(VERSION);
    out.extend_from_slice(id);
    let aad = associated_data(&out, context);
    let ciphertext = xchacha_encrypt(key, &nonce, &aad, plaintext);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ciphertext);
    out
}

fn xchacha_encrypt(key: &[u8; 32], nonce: &[u8; NONCE_LEN], aad: &[u8], msg: &[u8]) -> Vec<u8> {
    match XChaCha20Poly1305::new(key.into()).encrypt(nonce.into(), Payload { msg, aad }) {
        Ok(ciphertext) => ciphertext,
        Err(_) => unreachable!("field values are far below the 256 GiB XChaCha20-Poly1305 limit"),
    }
}

fn xchacha_decrypt(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    msg: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    XChaCha20Poly1305::new(key.into())
        .decrypt(nonce.into(), Payload { msg, aad })
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Tampered)
}

fn open_envelope(
    key: &[u8; 32],
    id: &[u8; KEY_ID_LEN],
    context: &[&[u8]],
    envelope: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    const TOO_SHORT: VaultError = VaultError::Malformed("sealed value is too short");
    let (&version, rest) = envelope.split_first().ok_or(TOO_SHORT)?;
    if version != VERSION {
        return Err(VaultError::Malformed("unknown sealed value version"));
    }
    let (envelope_id, rest) = rest.split_first_chunk::<KEY_ID_LEN>().ok_or(TOO_SHORT)?;
    let (nonce, ciphertext) = rest.split_first_chunk::<NONCE_LEN>().ok_or(TOO_SHORT)?;
    if ciphertext.len() < TAG_LEN {
        return Err(TOO_SHORT);
    }
    // A key id mismatch is reported separately because it is an operator problem (wrong key file or a
    // missed rotation), not an attack; the AEAD check below still authenticates the id.
    if envelope_id != id {
        return Err(VaultError::WrongKey);
    }
    let aad = associated_data(&envelope[..1 + KEY_ID_LEN], context);
    xchacha_decrypt(key, nonce, &aad, ciphertext)
}

/// The 32-byte master key, loaded from a key file. It never encrypts data itself: it wraps data keys and
/// derives the audit and blind-index keys. `Debug` prints only its id.
#[derive(Clone)]
pub struct MasterKey {
    bytes: Zeroizing<[u8; 32]>,
    wrap_key: Zeroizing<[u8; 32]>,
    id: [u8; KEY_ID_LEN],
}

impl MasterKey {
    fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> MasterKey {
        MasterKey {
            wrap_key: subkey(&bytes, &[INFO_WRAP]),
            id: key_id(&bytes, INFO_MASTER_ID),
            bytes,
        }
    }

    /// A new random master key (from the OS CSPRNG).
    pub fn generate() -> MasterKey {
        MasterKey::from_bytes(random_key())
    }

    /// Create a new key file (fails if it exists; mode 0600 on unix), return the key.
    ///
    /// The file is one line: `waymark-master-key-v1:<base64url of the 32 bytes>`.
    pub fn create_file(path: &Path) -> Result<MasterKey, VaultError> {
        let key = MasterKey::generate();
        let mut line = Zeroizing::new(String::with_capacity(KEY_FILE_PREFIX.len() + 44));
        line.push_str(KEY_FILE_PREFIX);
        URL_SAFE_NO_PAD.encode_string(key.bytes.as_ref(), &mut line);
        line.push('\n');

        let mut options = fs::OpenOptions::new();
        // `create_new` refuses to overwrite: replacing a master key would make every wrapped data key,
        // and so every person's data, unreadable.
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path).map_err(|e| io_error(path, &e))?;
        if let Err(e) = file
            .write_all(line.as_bytes())
            .and_then(|()| file.sync_all())
        {
            drop(file);
            // A half-written key file would fail to load later; remove it so a retry starts clean.
            // Its own failure would hide the one that matters, which is returned.
            drop(fs::remove_file(path));
            return Err(io_error(path, &e));
        }
        Ok(key)
    }

    /// Read a key file; a clear error for missing file / wrong format.
    ///
    /// File permissions are not checked here: operators must keep the file readable only by the service
    /// user (`create_file` makes it 0600).
    pub fn load_file(path: &Path) -> Result<MasterKey, VaultError> {
        let raw = Zeroizing::new(fs::read(path).map_err(|e| io_error(path, &e))?);
        let text = std::str::from_utf8(&raw)
            .map_err(|_| VaultError::Malformed("master key file is not UTF-8 text"))?;
        let line = text.strip_suffix('\n').unwrap_or(text);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let encoded = line
            .strip_prefix(KEY_FILE_PREFIX)
            .ok_or(VaultError::Malformed(BAD_KEY_FILE))?;
        let decoded = Zeroizing::new(
            URL_SAFE_NO_PAD
                .decode(encoded)
                .map_err(|_| VaultError::Malformed(BAD_KEY_FILE))?,
        );
        let mut bytes = Zeroizing::new([0u8; 32]);
        if decoded.len() != bytes.len() {
            return Err(VaultError::Malformed(
                "master key file: the key must be 32 bytes",
            ));
        }
        bytes.copy_from_slice(&decoded);
        Ok(MasterKey::from_bytes(bytes))
    }

    /// Stable public identifier of this key (16 hex chars of an HKDF derivation): stored in the database so a
    /// wrong key is detected at start-up; reveals nothing about the key.
    pub fn id(&self) -> String {
        to_hex(&self.id)
    }

    /// Wrap a per-person data key for storage, bound to its owner id (AAD) so it cannot be moved.
    ///
    /// Same envelope as sealed fields, under a wrapping subkey and carrying the master key id, so key
    /// rotation can tell which master key wrapped each data key.
    pub fn wrap(&self, key: &DataKey, owner_id: &str) -> Vec<u8> {
        seal_envelope(
            &self.wrap_key,
            &self.id,
            &[owner_id.as_bytes()],
            key.bytes.as_ref(),
        )
    }

    /// Unwrap a data key. `WrongKey` if another master key wrapped it, `Tampered` if the bytes were altered
    /// or belong to another owner.
    pub fn unwrap(&self, wrapped: &[u8], owner_id: &str) -> Result<DataKey, VaultError> {
        let plain = open_envelope(&self.wrap_key, &self.id, &[owner_id.as_bytes()], wrapped)?;
        let mut bytes = Zeroizing::new([0u8; 32]);
        if plain.len() != bytes.len() {
            return Err(VaultError::Malformed(
                "wrapped data key has the wrong length",
            ));
        }
        bytes.copy_from_slice(&plain);
        Ok(DataKey::from_bytes(bytes))
    }

    /// Key for the audit log's hash chain (HKDF-SHA256 subkey).
    pub fn audit_key(&self) -> AuditKey {
        AuditKey::new(subkey(&self.bytes, &[INFO_AUDIT]))
    }

    /// Key for one kind of blind index (HKDF-SHA256 subkey). Each `purpose` (e.g. "codename") gets its own
    /// key, so equal values in different columns cannot be linked by their indexes.
    pub fn blind_index_key(&self, purpose: &str) -> BlindIndexKey {
        BlindIndexKey::new(subkey(&self.bytes, &[INFO_BLIND_INDEX, purpose.as_bytes()]))
    }
}

impl MasterKey {
    /// The salt and secret of codename digests (two HKDF-SHA256 derivations with their own labels).
    pub fn codename_key(&self) -> CodenameKey {
        let mut salt = [0u8; 16];
        hkdf(&self.bytes, &[INFO_CODENAME_SALT], &mut salt);
        CodenameKey::new(salt, subkey(&self.bytes, &[INFO_CODENAME_PEPPER]))
    }

    /// The key for staff accounts' own secrets (TOTP secrets, recovery-code digests): derived from the
    /// master key for that purpose alone, never a person's data key, so erasing a survivor's data can
    /// never touch a member of staff's sign-in, nor the other way round.
    pub fn staff_key(&self) -> StaffKey {
        StaffKey {
            seal: DataKey::from_bytes(subkey(&self.bytes, &[INFO_STAFF_SECRETS])),
            recovery: subkey(&self.bytes, &[INFO_RECOVERY_CODES]),
        }
    }

    /// Wraps the certificate signing key for storage: the same envelope as data keys, under a wrapping
    /// subkey of its own and bound to the key's id (associated data), so it cannot be swapped for
    /// another stored key. The secret never leaves the vault unwrapped.
    pub fn wrap_certificate_key(&self, key: &CertificateKey) -> Vec<u8> {
        let wrap = subkey(&self.bytes, &[INFO_WRAP_SIGNING_KEYS]);
        seal_envelope(
            &wrap,
            &self.id,
            &[SIGNING_KEYS_TABLE, key.id().as_bytes()],
            key.seed().as_ref(),
        )
    }

    /// Unwraps a stored certificate signing key. `WrongKey` if another master key wrapped it, `Tampered`
    /// if the bytes were altered or belong to another key id.
    pub fn unwrap_certificate_key(
        &self,
        wrapped: &[u8],
        key_id: &str,
    ) -> Result<CertificateKey, VaultError> {
        let wrap = subkey(&self.bytes, &[INFO_WRAP_SIGNING_KEYS]);
        let plain = open_envelope(
            &wrap,
            &self.id,
            &[SIGNING_KEYS_TABLE, key_id.as_bytes()],
            wrapped,
        )?;
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            plain
                .as_slice()
                .try_into()
                .map_err(|_| VaultError::Malformed("wrapped signing key has the wrong length"))?,
        );
        let key = CertificateKey::from_seed(&seed);
        // The id is authenticated as associated data already; checking that the key really has it too
        // means a stored id can never name a key other than the one it unwraps.
        if key.id() != key_id {
            return Err(VaultError::Tampered);
        }
        Ok(key)
    }

    /// A master key from known bytes, for known-answer tests only.
    #[cfg(test)]
    pub(crate) fn from_test_bytes(bytes: [u8; 32]) -> MasterKey {
        MasterKey::from_bytes(Zeroizing::new(bytes))
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MasterKey").field("id", &self.id()).finish()
    }
}

fn io_error(path: &Path, e: &io::Error) -> VaultError {
    let path = path.display();
    VaultError::Io(match e.kind() {
        io::ErrorKind::NotFound => format!("master key file {path} not found"),
        io::ErrorKind::AlreadyExists => {
            format!("master key file {path} already exists; refusing to overwrite it")
        }
        _ => format!("master key file {path}: {e}"),
    })
}

/// A per-person data key (zeroized on drop). Destroying its wrapped copy is crypto-shredding: every value
/// it sealed, in the database and in backups, becomes unreadable.
#[derive(Clone)]
pub struct DataKey {
    bytes: Zeroizing<[u8; 32]>,
    id: [u8; KEY_ID_LEN],
}

impl DataKey {
    fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> DataKey {
        DataKey {
            id: key_id(&bytes, INFO_DATA_ID),
            bytes,
        }
    }

    /// A new random data key (from the OS CSPRNG).
    pub fn generate() -> DataKey {
        DataKey::from_bytes(random_key())
    }

    /// Seal a field. Envelope: version byte (1) | key id (8 bytes, derived from the key) | 24-byte random
    /// nonce | ciphertext+tag. AAD = the header plus the context's table, column and row id
    /// (length-prefixed), so a value cannot be moved to another row or column.
    pub fn seal(&self, ctx: &FieldContext<'_>, plaintext: &[u8]) -> Vec<u8> {
        seal_envelope(&self.bytes, &self.id, &ctx.parts(), plaintext)
    }

    /// Open a sealed field; the plaintext is zeroized when dropped.
    pub fn open(
        &self,
        ctx: &FieldContext<'_>,
        envelope: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        open_envelope(&self.bytes, &self.id, &ctx.parts(), envelope)
    }

    /// [`DataKey::seal`] for text.
    pub fn seal_str(&self, ctx: &FieldContext<'_>, plaintext: &str) -> Vec<u8> {
        self.seal(ctx, plaintext.as_bytes())
    }

    /// [`DataKey::open`] for text; `Malformed` if the plaintext is not UTF-8.
    pub fn open_string(
        &self,
        ctx: &FieldContext<'_>,
        envelope: &[u8],
    ) -> Result<String, VaultError> {
        let mut plain = self.open(ctx, envelope)?;
        // Move the buffer out rather than copy it, so no unzeroized copy of the plaintext is left behind.
        String::from_utf8(std::mem::take(&mut *plain)).map_err(|e| {
            e.into_bytes().zeroize();
            VaultError::Malformed("sealed value is not UTF-8 text")
        })
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataKey")
            .field("id", &to_hex(&self.id))
            .finish()
    }
}

/// Seals staff accounts' secrets (in the same envelope as personal fields, bound to their row) and digests
/// their recovery codes. `Debug` prints nothing of it.
#[derive(Clone)]
pub struct StaffKey {
    seal: DataKey,
    recovery: Zeroizing<[u8; 32]>,
}

impl StaffKey {
    /// Seals a staff secret where it will be stored (table, column, row).
    pub fn seal(&self, ctx: &FieldContext<'_>, plaintext: &[u8]) -> Vec<u8> {
        self.seal.seal(ctx, plaintext)
    }

    /// Opens a staff secret; the plaintext is zeroized when dropped.
    pub fn open(
        &self,
        ctx: &FieldContext<'_>,
        envelope: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        self.seal.open(ctx, envelope)
    }

    /// The stored digest of one recovery code of one account: HMAC-SHA256 under a key derived from the
    /// master key, over the account id and the normalised code. The codes are 80 random bits, so a slow
    /// hash would add nothing against guessing (there is no dictionary to try) while costing an Argon2
    /// computation per stored code on every attempt; the key means a copy of the database alone cannot
    /// test a single guess, and the account id means a digest cannot be moved to another account.
    pub fn recovery_code_digest(&self, account_id: &str, normalised_code: &str) -> Vec<u8> {
        use hmac::Mac as _;
        let mut mac = crate::hmac_sha256(self.recovery.as_ref());
        let mut input = Vec::new();
        push_prefixed(&mut input, account_id.as_bytes());
        push_prefixed(&mut input, normalised_code.as_bytes());
        mac.update(&input);
        input.zeroize();
        mac.finalize().into_bytes().to_vec()
    }
}

impl fmt::Debug for StaffKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StaffKey(..)")
    }
}

/// Where a sealed value lives. It is authenticated with the value, so a ciphertext copied to another table,
/// column or row fails to open.
#[derive(Clone, Copy, Debug)]
pub struct FieldContext<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row_id: &'a str,
}

impl FieldContext<'_> {
    fn parts(&self) -> [&[u8]; 3] {
        [
            self.table.as_bytes(),
            self.column.as_bytes(),
            self.row_id.as_bytes(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or_default())
            .collect()
    }

    /// Known answer from draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305).
    #[test]
    fn xchacha20_poly1305_known_answer() {
        let key: [u8; 32] = core::array::from_fn(|i| 0x80 + i as u8);
        let nonce: [u8; 24] = core::array::from_fn(|i| 0x40 + i as u8);
        let aad = unhex("50515253c0c1c2c3c4c5c6c7");
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you only one \
                          tip for the future, sunscreen would be it.";
        let expected = unhex(concat!(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb",
            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452",
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9",
            "21f9664c97637da9768812f615c68b13b52e",
            "c0875924c1c7987947deafd8780acf49",
        ));
        assert_eq!(xchacha_encrypt(&key, &nonce, &aad, plaintext), expected);
        let opened = xchacha_decrypt(&key, &nonce, &aad, &expected);
        assert_eq!(opened.as_deref().map(|p| p.as_slice()), Ok(&plaintext[..]));
    }
}
