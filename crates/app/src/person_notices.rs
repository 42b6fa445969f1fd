//! Automatic notices to a person in their codename channel: stored as facts (sealed like every message,
//! under the person's key), opened as [`PersonNotice`], and said in the reader's language by each page.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};
use waymark_domain::channel::Sender;
use waymark_domain::consent::ConsentScope;
use waymark_domain::decision_letter::NoticeKind;
use waymark_domain::person_notice::PersonNotice;
use waymark_domain::{ChannelId, MessageId, UserId};
use waymark_store::{Case, Message, SealedColumn, Tx};
use waymark_vault::DataKey;

use crate::sealing::{ctx, new_id};
use crate::{AppError, Keys};

/// What a message says, opened: text someone wrote, or an automatic notice's facts.
#[derive(Clone, PartialEq, Eq)]
pub enum MessageBody {
    Text(String),
    Notice(PersonNotice),
}

impl std::fmt::Debug for MessageBody {
    // What a message says is personal data: Debug shows which kind it is, never what it says.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageBody::Text(_) => f.write_str("Text(..)"),
            MessageBody::Notice(PersonNotice::Decision { kind, .. }) => {
                write!(f, "Notice(Decision {kind})")
            }
            MessageBody::Notice(PersonNotice::Referred { .. }) => f.write_str("Notice(Referred)"),
        }
    }
}

/// A notice as sealed: its facts by their vocabulary ids, so that a later release reads it.
#[derive(Serialize, Deserialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
enum Stored {
    Decision {
        kind: String,
        decision_body: String,
        recovery_period_ends: Option<Date>,
    },
    Referred {
        organisation: String,
        shared: Vec<String>,
    },
}

impl From<&PersonNotice> for Stored {
    fn from(n: &PersonNotice) -> Stored {
        match n {
            PersonNotice::Decision {
                kind,
                decision_body,
                recovery_period_ends,
            } => Stored::Decision {
                kind: kind.as_str().to_owned(),
                decision_body: decision_body.clone(),
                recovery_period_ends: *recovery_period_ends,
            },
            PersonNotice::Referred {
                organisation,
                shared,
            } => Stored::Referred {
                organisation: organisation.clone(),
                shared: shared.iter().map(|s| s.as_str().to_owned()).collect(),
            },
        }
    }
}

impl TryFrom<Stored> for PersonNotice {
    type Error = AppError;
    fn try_from(s: Stored) -> Result<PersonNotice, AppError> {
        let corrupt = |e: &dyn std::fmt::Display| corrupt(&format!("a stored notice: {e}"));
        Ok(match s {
            Stored::Decision {
                kind,
                decision_body,
                recovery_period_ends,
            } => PersonNotice::Decision {
                kind: NoticeKind::parse(&kind).map_err(|e| corrupt(&e))?,
                decision_body,
                recovery_period_ends,
            },
            Stored::Referred {
                organisation,
                shared,
            } => PersonNotice::Referred {
                organisation,
                shared: shared
                    .iter()
                    .map(|s| ConsentScope::parse(s).map_err(|e| corrupt(&e)))
                    .collect::<Result<_, _>>()?,
            },
        })
    }
}

fn corrupt(what: &str) -> AppError {
    AppError::Store(waymark_store::StoreError::Corrupt(what.to_owned()))
}

/// Opens a message's body with the person's key.
pub(crate) fn open(key: &DataKey, m: &Message) -> Result<MessageBody, AppError> {
    let text = key.open_string(&ctx(SealedColumn::MessageBody, m.id.as_str()), &m.body_ct)?;
    if !m.notice {
        return Ok(MessageBody::Text(text));
    }
    let stored: Stored =
        serde_json::from_str(&text).map_err(|e| corrupt(&format!("a stored notice: {e}")))?;
    Ok(MessageBody::Notice(stored.try_into()?))
}

/// Posts `notice` in the codename channel of `case`'s self-referral, written on behalf of `author` (the
/// person never sees authors), if the person has a channel that is still open. Returns the channel it
/// went to, for the caller's audit entry; `None` when there is no one to tell (a helper's referral, or
/// an erased person).
pub(crate) fn tell(
    tx: &mut Tx<'_>,
    keys: &Keys,
    case: &Case,
    author: &UserId,
    notice: &PersonNotice,
    at: PrimitiveDateTime,
) -> Result<Option<ChannelId>, AppError> {
    let Some(ch) = tx.channel_for_referral(&case.org_id, &case.referral_id)? else {
        return Ok(None);
    };
    if ch.erased_at.is_some() {
        return Ok(None);
    }
    let Some(key) = keys.data_key(tx, &ch.person_id)? else {
        return Ok(None);
    };
    let facts = serde_json::to_string(&Stored::from(notice))
        .map_err(|e| corrupt(&format!("a notice: {e}")))?;
    let id: MessageId = new_id(MessageId::parse)?;
    tx.insert_message(&Message {
        body_ct: key.seal_str(&ctx(SealedColumn::MessageBody, id.as_str()), &facts),
        id,
        channel_id: ch.id.clone(),
        sender: Sender::Organisation,
        author_user_id: Some(author.clone()),
        created_at: at,
        notice: true,
    })?;
    Ok(Some(ch.id))
}
