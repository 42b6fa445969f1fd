//! Self-referral and the codename channel. A person asks a support organisation for help with no account;
//! the request lands in the organisation's inbox like any other referral, and the person gets a codename.
//! With the codename alone they read where their request stands and the organisation's replies, write
//! back, and have their data erased. Caseworkers read and answer from the referral or the case; the
//! channel does not depend on the case's status, so it stays open for follow-up after support ends.
//!
//! Codename guesses are limited (per client and for everyone, [`waymark_domain::guess_limit`]) *before*
//! any work, so refusals are cheap; a guess that is let through always costs one Argon2id computation,
//! right or wrong, well formed or not, so the time taken does not tell a close guess from a far one.

use std::fmt;
use std::sync::PoisonError;
use std::time::Instant;

use time::PrimitiveDateTime;
use waymark_domain::channel::{Sender, message_body};
use waymark_domain::erasure::Trigger;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::{SelfReferralDraft, ValidSelfReferral};
use waymark_domain::{CaseId, ChannelId, MessageId, OrgId, Permission, ReferralId};
use waymark_store::{
    Account, AuditEvent, Channel, CopyRecord, Message, PersonKey, Referral, SealedColumn, Tx,
};
use waymark_vault::{Codename, CodenameForm, DataKey};

use crate::audit::AuditAction;
use crate::audit::event;
use crate::erasure::{ErasedBy, erase_person};
use crate::gate::{check_referral_access, open_case, org_name, require_for_record};
use crate::person_notices::{self, MessageBody};
use crate::sealing::{ctx, new_id};
use crate::{App, AppError, Keys};
use waymark_domain::case::CaseAction;

/// The audit actor of a person sending a self-referral (they have no account).
const PUBLIC: &str = "public";
/// The audit actor of whoever holds a codename.
const PUBLIC_CHANNEL: &str = "public:channel";

/// A self-referral that was sent: its id, and the codename to show the person once.
pub struct SelfReferralSent {
    pub referral_id: ReferralId,
    pub codename: Codename,
}

impl fmt::Debug for SelfReferralSent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SelfReferralSent")
            .field("referral_id", &self.referral_id)
            .finish_non_exhaustive()
    }
}

impl SelfReferralSent {
    /// How many words the codename has.
    pub fn words(&self) -> usize {
        self.codename.words().count()
    }
}

/// One message of a conversation, opened.
#[derive(Clone)]
pub struct ChannelMessage {
    pub from: Sender,
    /// The member of staff who wrote an organisation's message: shown to caseworkers, not to the person.
    pub author: Option<String>,
    pub body: MessageBody,
    pub at: PrimitiveDateTime,
}

impl fmt::Debug for ChannelMessage {
    // A message is personal data: Debug shows who and when, never what.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChannelMessage")
            .field("from", &self.from)
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

/// What a person sees with their codename: where their request stands, and the conversation.
#[derive(Clone)]
pub struct ChannelView {
    pub status: ReferralStatus,
    pub organisation: String,
    /// Why the organisation could not take the request, if it declined.
    pub decline_reason: Option<String>,
    /// Oldest first: the message sent with the request, then every message since.
    pub messages: Vec<ChannelMessage>,
    /// The nation the person asked for help in, for the helplines the page lists.
    pub nation: waymark_domain::Nation,
}

impl fmt::Debug for ChannelView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChannelView")
            .field("status", &self.status)
            .field("messages", &self.messages.len())
            .finish_non_exhaustive()
    }
}

/// Where a caseworker reads or answers a person's messages: the referral, or the case it became.
#[derive(Debug, Clone)]
pub enum Conversation {
    Referral(ReferralId),
    Case(CaseId),
}

fn public_event<'a>(
    actor: &'a str,
    action: AuditAction,
    kind: &'a str,
    id: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor,
        org_id: None,
        action: action.as_str(),
        record_type: kind,
        record_id: id,
        reason: "",
    }
}

const ERASED_CONFLICT: &str =
    "the person had their data erased at their request: messages can no longer reach them";

/// The conversation of a channel, oldest first; empty once the person's data key is gone. Authors are
/// named only for caseworkers.
fn conversation(
    tx: &mut Tx<'_>,
    key: Option<&DataKey>,
    r: &Referral,
    ch: &Channel,
    name_authors: bool,
) -> Result<Vec<ChannelMessage>, AppError> {
    let Some(key) = key else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    if let Some(ct) = &r.message_ct {
        out.push(ChannelMessage {
            from: Sender::Person,
            author: None,
            body: MessageBody::Text(
                key.open_string(&ctx(SealedColumn::ReferralMessage, r.id.as_str()), ct)?,
            ),
            at: r.created_at,
        });
    }
    let authors = if name_authors {
        tx.message_authors(&ch.id)?
    } else {
        Vec::new()
    };
    for m in tx.messages(&ch.id)? {
        let author = m.author_user_id.as_ref().and_then(|u| {
            authors
                .iter()
                .find(|(id, _)| id == u)
                .map(|(_, name)| name.clone())
        });
        out.push(ChannelMessage {
            from: m.sender,
            author,
            body: person_notices::open(key, &m)?,
            at: m.created_at,
        });
    }
    Ok(out)
}

/// The referral a caseworker's conversation is about, in their own organisation only, and once it is a
/// case only for those who may open the case.
fn received(tx: &mut Tx<'_>, actor: &Account, about: &Conversation) -> Result<Referral, AppError> {
    let found = match about {
        Conversation::Referral(id) => tx.referral_to(&actor.org_id, id)?,
        Conversation::Case(id) => {
            let opened = open_case(tx, actor, id, CaseAction::View)?;
            tx.referral_of_case(&opened.case)?
        }
    };
    let r = found.ok_or(AppError::NotFound)?;
    // Once accepted, the conversation is part of the case: need-to-know applies.
    check_referral_access(tx, actor, &r)?;
    Ok(r)
}

impl App {
    /// The codename's digest, computed on a blocking thread with at most a few at once (each takes about
    /// 19 MiB). Input that is not shaped like a codename costs the same work and gives `None`.
    async fn codename_digest(
        &self,
        codename: Option<Codename>,
    ) -> Result<Option<[u8; 32]>, AppError> {
        let cancelled = || AppError::Key("codename hashing was cancelled".into());
        let _permit = self
            .guesses
            .hashing
            .acquire()
            .await
            .map_err(|_| cancelled())?;
        let keys = std::sync::Arc::clone(&self.keys);
        let hashed = tokio::task::spawn_blocking(move || match codename {
            Some(c) => Some(keys.codename.digest(&c)),
            None => {
                keys.codename.digest_nothing();
                None
            }
        })
        .await;
        match hashed {
            Ok(digest) => Ok(digest),
            Err(join) => match join.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(_) => Err(cancelled()),
            },
        }
    }

    /// Counts a guess by `client`, or refuses it (cheaply: nothing is hashed or looked up).
    fn begin_guess(&self, client: &str) -> Result<(), AppError> {
        let mut limiter = self
            .guesses
            .limiter
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (client, now) = (client.to_owned(), Instant::now());
        limiter.begin(&client, now).map_err(|refused| {
            // The client's address is personal data: the log says only which limit was reached.
            tracing::warn!(limit = ?refused, "codename guess refused: over the limit");
            let wait = limiter.wait(&client, refused, now);
            AppError::TooManyAttempts {
                // Whole minutes, rounded up: never "try again in 0 minutes".
                minutes: i64::try_from(wait.as_secs().div_ceil(60).max(1)).unwrap_or(i64::MAX),
            }
        })
    }

    /// The guess found a channel: it does not count.
    fn forgive_guess(&self, client: &str) {
        self.guesses
            .limiter
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .forgive(&client.to_owned());
    }

    /// Finds the open channel of a typed codename and runs `work` on it in one transaction. A codename
    /// that finds nothing is [`AppError::NotFound`] after the same Argon2 work as one that does.
    async fn with_channel<R, F>(&self, client: &str, typed: &str, work: F) -> Result<R, AppError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Tx<'_>, &Keys, Channel, Referral) -> Result<R, AppError> + Send + 'static,
    {
        self.begin_guess(client)?;
        let digest = match self.codename_digest(Codename::parse(typed).ok()).await {
            Ok(d) => d,
            Err(e) => {
                self.forgive_guess(client);
                return Err(e);
            }
        };
        let keys = std::sync::Arc::clone(&self.keys);
        let found = self
            .store
            .run(move |tx| {
                let channel = match digest {
                    Some(d) => tx.channel_by_digest(&d)?,
                    None => None,
                };
                let Some(ch) = channel else {
                    return Ok(None);
                };
                let r = tx.referral_of_channel(&ch)?.ok_or(AppError::NotFound)?;
                work(tx, &keys, ch, r).map(Some)
            })
            .await;
        match found {
            Ok(Some(r)) => {
                self.forgive_guess(client);
                Ok(r)
            }
            Ok(None) => Err(AppError::NotFound),
            Err(e) => {
                // The codename was found (or the database failed): not a wrong guess.
                self.forgive_guess(client);
                Err(e)
            }
        }
    }

    /// Sends a person's own request for help to a support organisation and opens their codename channel.
    /// No account: the audit names the actor `public`. The person's details are sealed under a data key
    /// of their own; the referral is answered like any other.
    ///
    /// The codename is of `form`: words for a person reading English, digits for every other language
    /// (see [`waymark_vault::CodenameForm`]).
    pub async fn submit_self_referral(
        &self,
        draft: SelfReferralDraft,
        to: &OrgId,
        form: CodenameForm,
    ) -> Result<SelfReferralSent, AppError> {
        self.submit_self_referral_having_read(draft, to, form, None)
            .await
    }

    /// [`App::submit_self_referral`], recording which text of the organisation's data-sharing policy the
    /// person read before agreeing: `policy_read` is the text the page showed them (a translation, or
    /// Waymark's default in their language); `None` is the organisation's main text.
    pub async fn submit_self_referral_having_read(
        &self,
        draft: SelfReferralDraft,
        to: &OrgId,
        form: CodenameForm,
        policy_read: Option<String>,
    ) -> Result<SelfReferralSent, AppError> {
        let valid: ValidSelfReferral = draft.validate()?;
        let codename = Codename::generate(form);
        let digest = self
            .codename_digest(Some(codename.clone()))
            .await?
            .ok_or_else(|| AppError::Key("a new codename could not be hashed".into()))?;
        let keys = std::sync::Arc::clone(&self.keys);
        let to = to.clone();
        let referral_id = self
            .store
            .run(move |tx| {
                let recipient = tx
                    .organisation(&to)?
                    .filter(|o| o.kind.receives_referrals())
                    .ok_or_else(|| {
                        AppError::Invalid("choose a support organisation to ask for help".into())
                    })?;
                let id: ReferralId = new_id(ReferralId::parse)?;
                let person: PersonId = new_id(PersonId::parse)?;
                let data_key = DataKey::generate();
                let t = tx.now();
                tx.insert_person(
                    &PersonKey {
                        id: person.clone(),
                        wrapped_key: Some(keys.master.wrap(&data_key, person.as_str())),
                        master_key_id: keys.master.id(),
                    },
                    t,
                )?;
                let rid = id.as_str();
                let seal = |col: SealedColumn, text: &str| data_key.seal_str(&ctx(col, rid), text);
                let referral = Referral {
                    id: id.clone(),
                    person_id: person.clone(),
                    to_org_id: recipient.id.clone(),
                    from_org_id: None,
                    from_user_id: None,
                    status: ReferralStatus::Sent,
                    age: valid.age,
                    nation: valid.nation,
                    area: valid.area.map(|a| a.code().to_owned()),
                    needs: valid.needs.iter().copied().collect(),
                    indicators: Vec::new(),
                    first_contact: ValidSelfReferral::FIRST_CONTACT,
                    basis: valid.basis.as_str().into(),
                    // The person confirmed they read this policy, child or adult: the text they were shown.
                    policy_digest: Some(waymark_vault::secret_digest(
                        policy_read
                            .as_deref()
                            .unwrap_or(&recipient.data_sharing_policy),
                    )),
                    // Name and contact are optional: the empty string is sealed when none is given.
                    name_ct: seal(
                        SealedColumn::ReferralName,
                        valid.name.as_ref().map_or("", |n| n.expose()),
                    ),
                    contact_ct: seal(
                        SealedColumn::ReferralContact,
                        valid.contact.as_ref().map_or("", |c| c.expose()),
                    ),
                    language_ct: seal(SealedColumn::ReferralLanguage, valid.language.expose()),
                    children_services_ct: None,
                    decline_reason_ct: None,
                    created_at: t,
                    answered_at: None,
                    answered_by: None,
                    urgency: Some(valid.urgency),
                    message_ct: valid
                        .message
                        .as_ref()
                        .map(|m| seal(SealedColumn::ReferralMessage, m.expose())),
                };
                tx.insert_referral(&referral)?;
                let channel = Channel {
                    id: new_id(ChannelId::parse)?,
                    referral_id: id.clone(),
                    person_id: person,
                    codename_digest: Some(digest.to_vec()),
                    created_at: t,
                    erased_at: None,
                };
                tx.insert_channel(&channel)?;
                tx.audit(
                    &keys.audit,
                    &public_event(PUBLIC, AuditAction::ReferralCreate, "referral", id.as_str()),
                )?;
                tx.audit(
                    &keys.audit,
                    &public_event(
                        PUBLIC,
                        AuditAction::ChannelCreate,
                        "channel",
                        channel.id.as_str(),
                    ),
                )?;
                tracing::info!(referral = %id, "self-referral sent");
                Ok::<_, AppError>(id)
            })
            .await?;
        Ok(SelfReferralSent {
            referral_id,
            codename,
        })
    }

    /// What the holder of a codename sees: the status of their request and the conversation. Audited.
    pub async fn channel_inbox(
        &self,
        client: &str,
        codename: &str,
    ) -> Result<ChannelView, AppError> {
        self.with_channel(client, codename, |tx, keys, ch, r| {
            tx.audit(
                &keys.audit,
                &public_event(
                    PUBLIC_CHANNEL,
                    AuditAction::ChannelRead,
                    "channel",
                    ch.id.as_str(),
                ),
            )?;
            let organisation = org_name(tx, Some(&r.to_org_id))?.unwrap_or_default();
            let key = keys.data_key(tx, &ch.person_id)?;
            let decline_reason = match (&key, &r.decline_reason_ct) {
                (Some(k), Some(ct)) => Some(
                    k.open_string(&ctx(SealedColumn::ReferralDeclineReason, r.id.as_str()), ct)?,
                ),
                _ => None,
            };
            Ok(ChannelView {
                status: r.status,
                messages: conversation(tx, key.as_ref(), &r, &ch, false)?,
                organisation,
                decline_reason,
                nation: r.nation,
            })
        })
        .await
    }

    /// The holder of a codename writes to the organisation. The message is sealed under the person's data
    /// key, bound to its own row. Audited.
    pub async fn channel_send(
        &self,
        client: &str,
        codename: &str,
        body: &str,
    ) -> Result<MessageId, AppError> {
        let body = message_body(body)?;
        if Codename::parse(codename).is_ok_and(|c| c.appears_in(body.expose())) {
            return Err(AppError::Invalid(
                "take your codename out of the message: anyone who reads it could read your messages"
                    .into(),
            ));
        }
        self.with_channel(client, codename, move |tx, keys, ch, _| {
            let key = keys
                .data_key(tx, &ch.person_id)?
                .ok_or(AppError::NotFound)?;
            let id: MessageId = new_id(MessageId::parse)?;
            tx.insert_message(&Message {
                body_ct: key.seal_str(&ctx(SealedColumn::MessageBody, id.as_str()), body.expose()),
                id: id.clone(),
                channel_id: ch.id.clone(),
                sender: Sender::Person,
                author_user_id: None,
                created_at: tx.now(),
                notice: false,
            })?;
            tx.audit(
                &keys.audit,
                &public_event(
                    PUBLIC_CHANNEL,
                    AuditAction::ChannelSend,
                    "channel",
                    ch.id.as_str(),
                ),
            )?;
            Ok(id)
        })
        .await
    }

    /// Erasure at the person's request, by crypto-shredding: their data key is forgotten, so the
    /// referral's personal fields and every message can never be opened again, in this database or any
    /// copy; the channel's codename digest is cleared, so the codename finds nothing. The coarse facts
    /// (age band, nation, area, needs, dates, status) remain for statistics. Audited.
    pub async fn channel_erase(&self, client: &str, codename: &str) -> Result<(), AppError> {
        self.with_channel(client, codename, |tx, keys, ch, r| {
            let at = tx.now();
            let by = ErasedBy {
                trigger: Trigger::Person,
                actor: PUBLIC_CHANNEL,
            };
            // A case opened from the request is erased with every copy made from it, wherever it went
            // (see `erasure.rs`); statistics still count it.
            if let Some(case) = tx.case_for_referral(&r.to_org_id, &r.id)? {
                erase_person(tx, keys, &by, &case, at)?;
            } else {
                // Not answered yet: withdrawn from the organisation's inbox, which is told.
                tx.withdraw_referral(&r.id, at)?;
                tx.tell_erasure(
                    &r.to_org_id,
                    &CopyRecord::Referral(r.id.clone(), None),
                    Trigger::Person,
                    false,
                    at,
                )?;
            }
            tx.erase_channel(&ch.id, at)?;
            tx.erase_person_key(&ch.person_id)?;
            let reason = "at the person's request";
            tx.audit(
                &keys.audit,
                &AuditEvent {
                    reason,
                    ..public_event(
                        PUBLIC_CHANNEL,
                        AuditAction::ChannelErase,
                        "channel",
                        ch.id.as_str(),
                    )
                },
            )?;
            tx.audit(
                &keys.audit,
                &AuditEvent {
                    reason,
                    ..public_event(
                        PUBLIC_CHANNEL,
                        AuditAction::PersonErase,
                        "person",
                        ch.person_id.as_str(),
                    )
                },
            )?;
            tracing::info!(channel = %ch.id, "channel erased at the person's request");
            Ok(())
        })
        .await?;
        self.scrub_after_erasure().await;
        Ok(())
    }

    /// The conversation with the person a referral (or case) of the actor's organisation is about, oldest
    /// first. Empty for a helper's referral (there is no channel) and after erasure. Audited when there is
    /// a channel to read; another organisation's record is `NotFound`.
    pub async fn conversation(
        &self,
        actor: &Account,
        about: &Conversation,
    ) -> Result<Vec<ChannelMessage>, AppError> {
        require_for_record(actor, Permission::MessagePerson)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let about = about.clone();
        self.store
            .run(move |tx| {
                let r = received(tx, &actor, &about)?;
                let Some(ch) = tx.channel_for_referral(&actor.org_id, &r.id)? else {
                    return Ok(Vec::new());
                };
                tx.audit(
                    &keys.audit,
                    &event(&actor, AuditAction::ChannelRead, "channel", ch.id.as_str()),
                )?;
                let key = keys.data_key(tx, &ch.person_id)?;
                conversation(tx, key.as_ref(), &r, &ch, true)
            })
            .await
    }

    /// [`App::conversation`] from a referral.
    pub async fn referral_messages(
        &self,
        actor: &Account,
        id: &ReferralId,
    ) -> Result<Vec<ChannelMessage>, AppError> {
        self.conversation(actor, &Conversation::Referral(id.clone()))
            .await
    }

    /// [`App::conversation`] from a case.
    pub async fn case_messages(
        &self,
        actor: &Account,
        id: &CaseId,
    ) -> Result<Vec<ChannelMessage>, AppError> {
        self.conversation(actor, &Conversation::Case(id.clone()))
            .await
    }

    /// A caseworker answers the person through their channel, whatever the referral's or case's status.
    /// Sealed under the person's data key; audited.
    pub async fn reply(
        &self,
        actor: &Account,
        about: &Conversation,
        body: &str,
    ) -> Result<MessageId, AppError> {
        // Refuse an outsider before judging the message, so a bad message tells them nothing.
        require_for_record(actor, Permission::MessagePerson)?;
        let body = message_body(body)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let about = about.clone();
        self.store
            .run(move |tx| {
                let r = received(tx, &actor, &about)?;
                let ch = tx
                    .channel_for_referral(&actor.org_id, &r.id)?
                    .ok_or_else(|| {
                        AppError::Conflict(
                            "this person was referred by a helper and has no codename channel: \
                             contact them the way the referral says"
                                .into(),
                        )
                    })?;
                let key = keys
                    .data_key(tx, &ch.person_id)?
                    .filter(|_| ch.erased_at.is_none())
                    .ok_or_else(|| AppError::Conflict(ERASED_CONFLICT.into()))?;
                let id: MessageId = new_id(MessageId::parse)?;
                tx.insert_message(&Message {
                    body_ct: key
                        .seal_str(&ctx(SealedColumn::MessageBody, id.as_str()), body.expose()),
                    id: id.clone(),
                    channel_id: ch.id.clone(),
                    sender: Sender::Organisation,
                    author_user_id: Some(actor.user_id.clone()),
                    created_at: tx.now(),
                    notice: false,
                })?;
                tx.audit(
                    &keys.audit,
                    &event(&actor, AuditAction::ChannelReply, "channel", ch.id.as_str()),
                )?;
                Ok(id)
            })
            .await
    }
}

/// The conversation with the person a case is about, oldest first, for the export of their record (the
/// caller has opened the case and audits the export). Empty without a channel and after erasure.
pub(crate) fn case_conversation(
    tx: &mut Tx<'_>,
    keys: &Keys,
    case: &waymark_store::Case,
) -> Result<Vec<ChannelMessage>, AppError> {
    let Some(r) = tx.referral_of_case(case)? else {
        return Ok(Vec::new());
    };
    let Some(ch) = tx.channel_for_referral(&case.org_id, &r.id)? else {
        return Ok(Vec::new());
    };
    let key = keys.data_key(tx, &ch.person_id)?;
    conversation(tx, key.as_ref(), &r, &ch, true)
}
