//! Onward referral: a support organisation refers a person it supports to another organisation in
//! Waymark, only under a consent that names that organisation (for a child, the safeguarding basis).
//!
//! The receiver gets a new referral of a new person — a new data key, wrapped by the master key — whose
//! fields are filled only from the consented scopes (no `identity`: the name reads "not given"; no
//! `contact`: no contact details anywhere; no `needs`: no needs), and a package, sealed under the new key,
//! of the consented parts of the case: identity (names, other names, date of birth or age, nationality,
//! languages), contact (safe contact, addresses never to write to), needs (urgencies and note), exploitation
//! history and documents (content copied and sealed afresh). When the receiver accepts the referral, the
//! new case is filled from the package and the package is dropped. Withdrawing the consent before then
//! withdraws the referral and forgets the new key (see [`crate::consents`]).
//!
//! The sender's case lists where it went and the answer; a person who referred themselves is told in
//! their codename channel, in plain words (in English), which organisation and what was shared.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};
use waymark_domain::case::CaseAction;
use waymark_domain::case_record::{
    DocumentKind, ExploitationPlace, NeedUrgency, PersonDraft, parse_date,
};
use waymark_domain::consent::{ConsentFacts, ConsentScope, OnwardRefusal, covers};
use waymark_domain::ids::{ConsentId, DocumentId, HistoryEntryId, PersonId};
use waymark_domain::person_notice::PersonNotice;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, ExploitationType, Need, OrgId, Permission, ReferralId};
use waymark_store::{
    Account, AuditEvent, Case, CaseDocument, HistoryEntry, OnwardReferral, PersonKey, Referral,
    SealedColumn, Tx,
};
use waymark_vault::{DataKey, Zeroize, Zeroizing};

use crate::audit::AuditAction;
use crate::audit::event;
use crate::consents::{consent_event, destination};
use crate::gate::{Opened, require_for_record};
use crate::person_notices;
use crate::sealing::{ctx, index_entries, new_id, seal_person, writable_key};
use crate::{App, AppError, Keys};

/// An onward referral sent: the receiver's referral id and what it carried.
#[derive(Debug, Clone)]
pub struct OnwardSent {
    pub referral_id: ReferralId,
    pub scopes: Vec<ConsentScope>,
    /// The person was told in their codename channel.
    pub person_told: bool,
    /// Nothing new was sent: an onward referral under the same consent to the same organisation was
    /// already sent and is waiting or accepted, and this is it.
    pub existing: bool,
}

// ---- the package ------------------------------------------------------------------------------------------

/// The person's details sent onward: the case's sealed person document itself, cut to the consent's
/// scopes.
use crate::sealing::PersonDoc as PersonPart;

impl PersonPart {
    /// Keeps only what the scopes cover.
    fn scoped(self, scopes: &BTreeSet<ConsentScope>) -> Option<PersonPart> {
        let identity = scopes.contains(&ConsentScope::Identity);
        let contact = scopes.contains(&ConsentScope::Contact);
        if !identity && !contact {
            return None;
        }
        Some(PersonPart {
            v: 1,
            name: self.name.filter(|_| identity),
            aliases: if identity { self.aliases } else { vec![] },
            date_of_birth: self.date_of_birth.filter(|_| identity),
            age: self.age.filter(|_| identity),
            nationality: self.nationality.filter(|_| identity),
            languages: self.languages.filter(|_| identity),
            safe_contact: self.safe_contact.filter(|_| contact),
            never_write_to: self.never_write_to.filter(|_| contact),
        })
    }
}

#[derive(Serialize, Deserialize)]
pub(crate) struct NeedsPart {
    needs: Vec<(Need, NeedUrgency)>,
    note: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct HistoryPart {
    pub(crate) kind: ExploitationType,
    pub(crate) place: ExploitationPlace,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) note: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct DocumentPart {
    kind: DocumentKind,
    name: String,
    /// The content's length: the contents follow the JSON in the package, in order.
    size: u64,
}

/// What an onward referral carries, sealed under the new person's key until the receiver accepts.
#[derive(Serialize, Deserialize, Default)]
pub(crate) struct Package {
    pub(crate) v: u8,
    pub(crate) person: Option<PersonPart>,
    pub(crate) needs: Option<NeedsPart>,
    pub(crate) history: Vec<HistoryPart>,
    pub(crate) documents: Vec<DocumentPart>,
}

fn iso(d: Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn unreadable() -> AppError {
    AppError::Invalid("an onward referral's package could not be read".into())
}

/// The package as sealed: the JSON's length (8 bytes, big-endian), the JSON, then each document's content
/// in order — documents travel as bytes, not inside the JSON.
fn frame(json: &[u8], contents: &[Vec<u8>]) -> Vec<u8> {
    let total = 8 + json.len() + contents.iter().map(Vec::len).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(json.len() as u64).to_be_bytes());
    out.extend_from_slice(json);
    for c in contents {
        out.extend_from_slice(c);
    }
    out
}

/// The JSON of a framed package and the bytes after it.
fn unframe(bytes: &[u8]) -> Result<(&[u8], &[u8]), AppError> {
    let (len, rest) = bytes.split_first_chunk::<8>().ok_or_else(unreadable)?;
    let len = usize::try_from(u64::from_be_bytes(*len)).map_err(|_| unreadable())?;
    if len > rest.len() {
        return Err(unreadable());
    }
    Ok(rest.split_at(len))
}

fn given(text: String) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_owned())
    }
}

/// The sending case's person, opened: the case's person document, or the referral's fields when the case
/// has none yet.
fn person_of(
    key: &DataKey,
    case: &Case,
    r: &Referral,
    rows: &waymark_store::CaseRecordRows,
) -> Result<PersonPart, AppError> {
    if let Some(p) = &rows.person {
        let json = key.open(
            &ctx(SealedColumn::CasePerson, case.id.as_str()),
            &p.person_ct,
        )?;
        return serde_json::from_slice::<PersonPart>(&json)
            .map_err(|_| AppError::Invalid("the person's details could not be read".into()));
    }
    let rid = r.id.as_str();
    Ok(PersonPart {
        v: 1,
        name: given(key.open_string(&ctx(SealedColumn::ReferralName, rid), &r.name_ct)?),
        safe_contact: given(
            key.open_string(&ctx(SealedColumn::ReferralContact, rid), &r.contact_ct)?,
        ),
        languages: given(
            key.open_string(&ctx(SealedColumn::ReferralLanguage, rid), &r.language_ct)?,
        ),
        ..PersonPart::default()
    })
}

/// Builds the package of the consented parts of a case, and the contents of its documents.
pub(crate) fn build_package(
    tx: &mut Tx<'_>,
    key: &DataKey,
    case: &Case,
    r: &Referral,
    scopes: &BTreeSet<ConsentScope>,
) -> Result<(Package, Vec<Vec<u8>>), AppError> {
    let rows = tx.case_record(case)?;
    let person = person_of(key, case, r, &rows)?.scoped(scopes);
    let cid = case.id.as_str();
    let needs = match (&rows.needs, scopes.contains(&ConsentScope::Needs)) {
        (Some(n), true) => Some(NeedsPart {
            needs: n.needs.clone(),
            note: n
                .note_ct
                .as_deref()
                .map(|ct| key.open_string(&ctx(SealedColumn::NeedsNote, cid), ct))
                .transpose()?,
        }),
        _ => None,
    };
    let mut history = Vec::new();
    if scopes.contains(&ConsentScope::History) {
        for h in &rows.history {
            history.push(HistoryPart {
                kind: h.exploitation_type,
                place: h.place,
                from: h.started_on.map(iso),
                to: h.ended_on.map(iso),
                note: h
                    .note_ct
                    .as_deref()
                    .map(|ct| key.open_string(&ctx(SealedColumn::HistoryNote, h.id.as_str()), ct))
                    .transpose()?,
            });
        }
    }
    let mut documents = Vec::new();
    let mut contents = Vec::new();
    if scopes.contains(&ConsentScope::Documents) {
        for d in &rows.documents {
            let Some((meta, content_ct)) = tx.case_document(&case.id, &d.id)? else {
                continue;
            };
            let did = meta.id.as_str();
            let mut plain = key.open(&ctx(SealedColumn::DocumentContent, did), &content_ct)?;
            documents.push(DocumentPart {
                kind: meta.kind,
                name: key
                    .open_string(&ctx(SealedColumn::DocumentFilename, did), &meta.filename_ct)?,
                size: plain.len() as u64,
            });
            contents.push(std::mem::take(&mut *plain));
        }
    }
    Ok((
        Package {
            v: 1,
            person,
            needs,
            history,
            documents,
        },
        contents,
    ))
}

/// Tells a person who referred themselves, through their codename channel, where the referral went and
/// what was shared. Returns whether they were told (a helper's referral has no channel).
fn tell_person(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    case: &Case,
    organisation: &str,
    scopes: &BTreeSet<ConsentScope>,
) -> Result<bool, AppError> {
    let notice = PersonNotice::Referred {
        organisation: organisation.to_owned(),
        shared: scopes.iter().copied().collect(),
    };
    let at = tx.now();
    let Some(channel) = person_notices::tell(tx, keys, case, &actor.user_id, &notice, at)? else {
        return Ok(false);
    };
    tx.audit(
        &keys.audit,
        &event(
            actor,
            AuditAction::ChannelOnwardNotice,
            "channel",
            channel.as_str(),
        ),
    )?;
    Ok(true)
}

/// An onward referral of this case under this consent to this organisation that is still waiting or was
/// accepted: sending it again would give the receiver the same person twice, so the repeat is that one
/// (a declined one can be sent again). Checked in the sending transaction, after the consent was checked.
fn already_sent(
    tx: &mut Tx<'_>,
    actor: &Account,
    case: &Case,
    consent: &ConsentId,
    to: &OrgId,
) -> Result<Option<OnwardSent>, AppError> {
    for o in tx.onward_under_consent(consent)? {
        if o.case_id != case.id {
            continue;
        }
        let Some(r) = tx.referral_from(&actor.org_id, &o.referral_id)? else {
            continue;
        };
        if &r.to_org_id == to && matches!(r.status, ReferralStatus::Sent | ReferralStatus::Accepted)
        {
            return Ok(Some(OnwardSent {
                referral_id: o.referral_id,
                scopes: o.scopes.into_iter().collect(),
                person_told: false,
                existing: true,
            }));
        }
    }
    Ok(None)
}

/// Sends the onward referral (the work inside the case gate).
fn send(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    opened: &Opened,
    to: Option<OrgId>,
    consent: Option<ConsentId>,
) -> Result<OnwardSent, AppError> {
    let refuse = |e: OnwardRefusal| AppError::Invalid(e.to_string());
    let to = to.ok_or_else(|| refuse(OnwardRefusal::NotSupportOrganisation))?;
    let dest = destination(tx, &to)?;
    let consent = match consent {
        Some(id) => tx
            .consent_of_org(&actor.org_id, &id)?
            .filter(|c| c.case_id == opened.case.id),
        None => None,
    };
    let facts = consent.as_ref().map(|c| ConsentFacts {
        recipient: c.recipient.clone(),
        scopes: c.scopes.clone(),
        withdrawn: c.withdrawn_at.is_some(),
    });
    let scopes = covers(facts.as_ref(), &actor.org_id, &dest).map_err(refuse)?;
    let consent = consent.ok_or_else(|| refuse(OnwardRefusal::NoConsent))?;
    let case = &opened.case;
    if let Some(sent) = already_sent(tx, actor, case, &consent.id, &to)? {
        return Ok(sent);
    }
    let key = writable_key(keys, tx, case)?;
    let original = tx.referral_of_case(case)?.ok_or(AppError::NotFound)?;
    let recipient = tx.organisation(&to)?.ok_or(AppError::NotFound)?;

    let (package, mut contents) = build_package(tx, &key, case, &original, &scopes)?;
    let id: ReferralId = new_id(ReferralId::parse)?;
    let person: PersonId = new_id(PersonId::parse)?;
    let new_key = DataKey::generate();
    let t = tx.now();
    tx.insert_person(
        &PersonKey {
            id: person.clone(),
            wrapped_key: Some(keys.master.wrap(&new_key, person.as_str())),
            master_key_id: keys.master.id(),
        },
        t,
    )?;
    let rid = id.as_str();
    let seal = |col: SealedColumn, text: &str| new_key.seal_str(&ctx(col, rid), text);
    let p = package.person.as_ref();
    let text = |f: fn(&PersonPart) -> Option<&String>| p.and_then(f).map_or("", |s| s.as_str());
    let child = original.basis == "child_safeguarding";
    let children_services_ct = match (&original.children_services_ct, child) {
        (Some(ct), true) => Some(seal(
            SealedColumn::ReferralChildrenServices,
            &key.open_string(
                &ctx(SealedColumn::ReferralChildrenServices, original.id.as_str()),
                ct,
            )?,
        )),
        _ => None,
    };
    let referral = Referral {
        id: id.clone(),
        person_id: person,
        to_org_id: recipient.id.clone(),
        from_org_id: Some(actor.org_id.clone()),
        from_user_id: Some(actor.user_id.clone()),
        status: ReferralStatus::Sent,
        // Coarse routing facts: how old, which nation and area.
        age: original.age,
        nation: original.nation,
        area: original.area.clone(),
        needs: if scopes.contains(&ConsentScope::Needs) {
            match &package.needs {
                Some(n) => n.needs.iter().map(|(need, _)| *need).collect(),
                None => original.needs.clone(),
            }
        } else {
            Vec::new()
        },
        indicators: if scopes.contains(&ConsentScope::History) {
            original.indicators.clone()
        } else {
            Vec::new()
        },
        first_contact: original.first_contact,
        basis: if child {
            "child_safeguarding".into()
        } else {
            "consent".into()
        },
        policy_digest: (!child)
            .then(|| waymark_vault::secret_digest(&recipient.data_sharing_policy)),
        // What was not consented to is sealed as the empty string, which reads "not given".
        name_ct: seal(SealedColumn::ReferralName, text(|p| p.name.as_ref())),
        contact_ct: seal(
            SealedColumn::ReferralContact,
            text(|p| p.safe_contact.as_ref()),
        ),
        language_ct: seal(
            SealedColumn::ReferralLanguage,
            text(|p| p.languages.as_ref()),
        ),
        children_services_ct,
        decline_reason_ct: None,
        created_at: t,
        answered_at: None,
        answered_by: None,
        urgency: None,
        message_ct: None,
    };
    tx.insert_referral(&referral)?;
    // The serialised copies are personal data too: wiped as soon as the package is sealed.
    let json = Zeroizing::new(
        serde_json::to_vec(&package)
            .map_err(|e| AppError::Invalid(format!("the referral could not be prepared: {e}")))?,
    );
    let framed = Zeroizing::new(frame(&json, &contents));
    drop(json);
    contents.zeroize();
    let package_ct = new_key.seal(&ctx(SealedColumn::OnwardPackage, id.as_str()), &framed);
    drop(framed);
    tx.insert_onward_referral(&OnwardReferral {
        referral_id: id.clone(),
        case_id: case.id.clone(),
        consent_id: consent.id.clone(),
        scopes: scopes.clone(),
        package_ct: Some(package_ct),
        created_at: t,
        created_by: actor.user_id.clone(),
    })?;
    tx.audit(
        &keys.audit,
        &consent_event(
            actor,
            AuditAction::CaseReferOnward,
            "case",
            case.id.as_str(),
            opened,
        ),
    )?;
    tx.audit(
        &keys.audit,
        &AuditEvent {
            reason: consent.id.as_str(),
            ..event(actor, AuditAction::ReferralCreate, "referral", id.as_str())
        },
    )?;
    let person_told = tell_person(tx, keys, actor, case, &recipient.name, &scopes)?;
    tracing::info!(referral = %id, case = %case.id, "onward referral sent");
    Ok(OnwardSent {
        referral_id: id,
        scopes: scopes.into_iter().collect(),
        person_told,
        existing: false,
    })
}

/// Fills a case just opened from an onward referral with the package it carried, then drops the package.
/// Does nothing for any other referral.
pub(crate) fn open_package(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    r: &Referral,
    case: &Case,
    at: PrimitiveDateTime,
) -> Result<(), AppError> {
    let Some(o) = tx.onward_for_referral(&r.id)? else {
        return Ok(());
    };
    let Some(ct) = o.package_ct else {
        return Ok(());
    };
    let Some(key) = keys.data_key(tx, &r.person_id)? else {
        tx.drop_onward_package(&r.id)?;
        return Ok(());
    };
    let opened = key.open(&ctx(SealedColumn::OnwardPackage, r.id.as_str()), &ct)?;
    let (json, mut contents) = unframe(&opened)?;
    let package: Package = serde_json::from_slice(json).map_err(|_| unreadable())?;
    let cid = case.id.as_str();
    if let Some(p) = package.person {
        let draft = PersonDraft {
            name: p.name.unwrap_or_default(),
            aliases: p.aliases.join("\n"),
            date_of_birth: p.date_of_birth.unwrap_or_default(),
            age: p.age.map(|a| a.to_string()).unwrap_or_default(),
            nationality: p.nationality.unwrap_or_default(),
            languages: p.languages.unwrap_or_default(),
            safe_contact: p.safe_contact.unwrap_or_default(),
            never_write_to: p.never_write_to.unwrap_or_default(),
        };
        // Checked with the same rules when it was entered; anything that no longer fits is left for the
        // caseworker to enter rather than failing the acceptance.
        if let Ok(details) = draft.validate(at.date()) {
            let sealed = seal_person(&key, &case.id, &details)?;
            tx.set_case_person(&case.id, &sealed, at, &actor.user_id)?;
            tx.replace_case_index(case, &index_entries(keys, &case.org_id, &details))?;
        }
    }
    if let Some(n) = package.needs {
        let note_ct = n
            .note
            .as_deref()
            .map(|t| key.seal_str(&ctx(SealedColumn::NeedsNote, cid), t));
        tx.replace_case_needs(&case.id, &n.needs, note_ct.as_deref(), at, &actor.user_id)?;
    }
    for h in package.history {
        let hid: HistoryEntryId = new_id(HistoryEntryId::parse)?;
        let date = |v: Option<String>| v.and_then(|d| parse_date("from", &d).ok());
        tx.insert_history_entry(&HistoryEntry {
            note_ct: h
                .note
                .as_deref()
                .map(|t| key.seal_str(&ctx(SealedColumn::HistoryNote, hid.as_str()), t)),
            id: hid.clone(),
            case_id: case.id.clone(),
            exploitation_type: h.kind,
            place: h.place,
            started_on: date(h.from),
            ended_on: date(h.to),
            recorded_at: at,
            recorded_by: actor.user_id.clone(),
        })?;
    }
    for d in package.documents {
        let did: DocumentId = new_id(DocumentId::parse)?;
        let size = usize::try_from(d.size).map_err(|_| unreadable())?;
        if size > contents.len() {
            return Err(unreadable());
        }
        let (bytes, rest) = contents.split_at(size);
        contents = rest;
        let content_ct = key.seal(&ctx(SealedColumn::DocumentContent, did.as_str()), bytes);
        let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        tx.insert_case_document(
            &CaseDocument {
                filename_ct: key
                    .seal_str(&ctx(SealedColumn::DocumentFilename, did.as_str()), &d.name),
                id: did,
                case_id: case.id.clone(),
                kind: d.kind,
                size_bytes,
                uploaded_at: at,
                uploaded_by: actor.user_id.clone(),
            },
            &content_ct,
        )?;
    }
    tx.drop_onward_package(&r.id)?;
    tx.audit(
        &keys.audit,
        &event(actor, AuditAction::CaseOnwardPackageOpen, "case", cid),
    )?;
    Ok(())
}

impl App {
    /// Refers the person of a case onward to another organisation in Waymark under a consent of the case
    /// that names it. Sending it again while the first is waiting or accepted sends nothing and returns the
    /// first (`existing`). Refused (422, with what to do) without such a consent, with a withdrawn one, with one
    /// for another organisation, or to an organisation that is not a support organisation or is one's own.
    pub async fn refer_onward(
        &self,
        actor: &Account,
        case: &CaseId,
        to_organisation: &str,
        consent: &str,
    ) -> Result<OnwardSent, AppError> {
        require_for_record(actor, Permission::ReadCase)?;
        let to = OrgId::parse(to_organisation.trim()).ok();
        let consent = ConsentId::parse(consent.trim()).ok();
        self.on_case(
            actor,
            case,
            CaseAction::ReferOnward,
            move |tx, keys, actor, opened| send(tx, keys, actor, &opened, to, consent),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_frame_round_trips_and_refuses_a_short_one() {
        let docs = vec![vec![1u8, 2, 3], vec![], (0..=255).collect::<Vec<u8>>()];
        let framed = frame(b"{\"v\":1}", &docs);
        let (json, rest) = unframe(&framed).expect("unframed");
        assert_eq!(json, b"{\"v\":1}");
        assert_eq!(rest, docs.concat().as_slice());
        assert!(unframe(&framed[..5]).is_err());
        assert!(unframe(&[0, 0, 0, 0, 0, 0, 0, 9, b'{']).is_err());
    }

    #[test]
    fn only_the_consented_parts_of_the_person_go() {
        let p = || PersonPart {
            v: 1,
            name: Some("Ana".into()),
            safe_contact: Some("canary".into()),
            ..PersonPart::default()
        };
        let identity: BTreeSet<_> = [ConsentScope::Identity].into();
        let only = p().scoped(&identity).expect("identity");
        assert_eq!(only.name.as_deref(), Some("Ana"));
        assert_eq!(only.safe_contact, None);
        let contact: BTreeSet<_> = [ConsentScope::Contact].into();
        let only = p().scoped(&contact).expect("contact");
        assert_eq!(only.name, None);
        assert_eq!(only.safe_contact.as_deref(), Some("canary"));
        assert!(p().scoped(&[ConsentScope::Needs].into()).is_none());
    }
}
