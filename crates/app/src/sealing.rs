//! Sealing: every personal value is sealed under the person's data key, bound to its table, column and
//! row id ([`SealedColumn`], owned by the store next to the schema). Names and the date of birth are also
//! indexed with keyed blind indexes under a key of the organisation's own, for exact-match search within
//! the organisation.

use serde::{Deserialize, Serialize};
use time::Date;
use waymark_domain::CaseId;
use waymark_domain::OrgId;
use waymark_domain::case_record::{Birth, IndexKind, PersonDetails};
use waymark_domain::ids::PersonId;
use waymark_store::{Case, SealedColumn, Tx};
use waymark_vault::{BlindIndexKey, DataKey, FieldContext, Zeroizing};

use crate::{AppError, Keys};

/// What a caseworker sees instead of a personal field after the person had their data erased.
pub const ERASED: &str = "erased at the person's request";
/// What the receiver of an onward referral sees instead of a personal field once the consent it was sent
/// under was withdrawn.
pub const WITHDRAWN: &str = "withdrawn: the consent it was shared under was withdrawn";
/// What a caseworker sees for an optional field the person left empty (a self-referral's name or contact).
pub const NOT_GIVEN: &str = "not given";

const ERASED_CONFLICT: &str =
    "the person had their data erased, so nothing more can be recorded on this case";

/// The one sealing context: a value of `column` in row `row_id`.
pub(crate) fn ctx(column: SealedColumn, row_id: &str) -> FieldContext<'_> {
    column.at(row_id)
}

/// A fresh id for a new row.
pub(crate) fn new_id<T>(
    parse: impl FnOnce(&str) -> Result<T, waymark_domain::ids::BadId>,
) -> Result<T, AppError> {
    parse(&waymark_vault::new_id()).map_err(|e| AppError::Invalid(e.to_string()))
}

impl Keys {
    /// The person's data key; `None` once the person had their data erased (the key is forgotten).
    pub(crate) fn data_key(
        &self,
        tx: &mut Tx<'_>,
        person: &PersonId,
    ) -> Result<Option<DataKey>, AppError> {
        let Some(stored) = tx.person_key(person)? else {
            return Ok(None);
        };
        match stored.wrapped_key {
            Some(wrapped) => Ok(Some(self.master.unwrap(&wrapped, person.as_str())?)),
            None => Ok(None),
        }
    }
}

/// The data key of a case's person, to record something new: a conflict once the person was erased.
pub(crate) fn writable_key(keys: &Keys, tx: &mut Tx<'_>, case: &Case) -> Result<DataKey, AppError> {
    keys.data_key(tx, &case.person_id)?
        .ok_or_else(|| AppError::Conflict(ERASED_CONFLICT.into()))
}

// ---- the person document -----------------------------------------------------------------------------

/// The person's details as the sealed JSON document stores them. `v` lets a later version read old ones.
#[derive(Serialize, Deserialize, Default)]
pub(crate) struct PersonDoc {
    #[serde(default)]
    pub(crate) v: u8,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) date_of_birth: Option<String>,
    #[serde(default)]
    pub(crate) age: Option<u8>,
    #[serde(default)]
    pub(crate) nationality: Option<String>,
    #[serde(default)]
    pub(crate) languages: Option<String>,
    #[serde(default)]
    pub(crate) safe_contact: Option<String>,
    #[serde(default)]
    pub(crate) never_write_to: Option<String>,
}

pub(crate) fn iso_date(d: Date) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    d.format(&f).unwrap_or_default()
}

impl PersonDoc {
    pub(crate) fn from_details(p: &PersonDetails) -> PersonDoc {
        let text = |t: &Option<waymark_domain::referral::PersonalText>| {
            t.as_ref().map(|t| t.expose().to_owned())
        };
        PersonDoc {
            v: 1,
            name: text(&p.name),
            aliases: p.aliases.iter().map(|a| a.expose().to_owned()).collect(),
            date_of_birth: match p.birth {
                Birth::DateOfBirth(d) => Some(iso_date(d)),
                _ => None,
            },
            age: match p.birth {
                Birth::Age(a) => Some(a),
                _ => None,
            },
            nationality: text(&p.nationality),
            languages: text(&p.languages),
            safe_contact: text(&p.safe_contact),
            never_write_to: text(&p.never_write_to),
        }
    }
}

/// Seals the person's details as one document, bound to the case.
pub(crate) fn seal_person(
    key: &DataKey,
    case_id: &CaseId,
    p: &PersonDetails,
) -> Result<Vec<u8>, AppError> {
    // The serialised copy is personal data too: wiped when dropped.
    let json = Zeroizing::new(
        serde_json::to_vec(&PersonDoc::from_details(p)).map_err(|e| {
            AppError::Invalid(format!("the person's details could not be stored: {e}"))
        })?,
    );
    Ok(key.seal(&ctx(SealedColumn::CasePerson, case_id.as_str()), &json))
}

// ---- blind indexes --------------------------------------------------------------------------------------

/// The blind-index key of one organisation for one kind of entry: each organisation has its own, so the
/// same name in two organisations cannot be linked through the indexes. (Organisation ids never contain
/// `:`, so no two purposes can be the same text.)
pub(crate) fn index_key(keys: &Keys, org: &OrgId, kind: IndexKind) -> BlindIndexKey {
    keys.master
        .blind_index_key(&format!("case-{}:{}", kind.as_str(), org.as_str()))
}

pub(crate) fn index_entries(
    keys: &Keys,
    org: &OrgId,
    p: &PersonDetails,
) -> Vec<(IndexKind, Vec<u8>)> {
    let names = index_key(keys, org, IndexKind::Name);
    let mut out: Vec<(IndexKind, Vec<u8>)> = p
        .names()
        .map(|n| (IndexKind::Name, names.index(n.expose())))
        .collect();
    if let Birth::DateOfBirth(d) = p.birth {
        out.push((
            IndexKind::DateOfBirth,
            index_key(keys, org, IndexKind::DateOfBirth).index(&iso_date(d)),
        ));
    }
    out
}
