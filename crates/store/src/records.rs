//! The records the repositories read and write, in domain types. `*_ct` fields are sealed envelopes.

use time::PrimitiveDateTime;
use waymark_domain::channel::Sender;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::{
    AgeBand, CaseId, ChannelId, FirstContact, Indicator, MessageId, Nation, Need, OrgId,
    OrganisationKind, ReferralId, Role, UserId,
};

#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    pub kind: OrganisationKind,
    pub nation: Option<Nation>,
    /// The ONS code of its local authority area (`waymark_domain::area`), if it has one.
    pub area: Option<String>,
    pub needs: Vec<Need>,
    /// What the organisation does with a person's data, shown before anyone consents to share with it.
    pub data_sharing_policy: String,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub failed_logins: i32,
    pub locked_until: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
}

/// Who is acting: a signed-in user with their organisation.
#[derive(Debug, Clone)]
pub struct Account {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_kind: OrganisationKind,
    /// Whether the organisation is a designated first responder (formal referrals, anonymous
    /// notifications).
    pub org_first_responder: bool,
}

/// A signed-in browser session.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    /// The session's public id: lists and ends it, but cannot find it (the cookie's digest does).
    pub id: String,
    pub csrf_token: String,
    pub expires_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
}

/// A session to start.
#[derive(Debug, Clone)]
pub struct NewSessionRecord<'a> {
    /// SHA-256 of the cookie's secret.
    pub id_hash: &'a str,
    pub id: &'a str,
    pub user_id: &'a UserId,
    pub csrf_token: &'a str,
    pub created_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
    /// A coarse "browser on system" label; never an address.
    pub device: &'a str,
}

/// A person whose data Waymark holds: only their wrapped data key lives here.
#[derive(Debug, Clone)]
pub struct PersonKey {
    pub id: PersonId,
    /// `None` once erased (crypto-shredded).
    pub wrapped_key: Option<Vec<u8>>,
    pub master_key_id: String,
}

/// A referral as stored.
#[derive(Debug, Clone)]
pub struct Referral {
    pub id: ReferralId,
    pub person_id: PersonId,
    pub to_org_id: OrgId,
    pub from_org_id: Option<OrgId>,
    pub from_user_id: Option<UserId>,
    pub status: ReferralStatus,
    pub age: AgeBand,
    pub nation: Nation,
    /// The ONS code of a local authority area of `nation` (`waymark_domain::area`), if recorded.
    pub area: Option<String>,
    pub needs: Vec<Need>,
    pub indicators: Vec<Indicator>,
    pub first_contact: FirstContact,
    /// `consent` or `child_safeguarding`.
    pub basis: String,
    /// SHA-256 of the data-sharing policy the person was shown before consenting.
    pub policy_digest: Option<String>,
    pub name_ct: Vec<u8>,
    pub contact_ct: Vec<u8>,
    pub language_ct: Vec<u8>,
    pub children_services_ct: Option<Vec<u8>>,
    pub decline_reason_ct: Option<Vec<u8>>,
    pub created_at: PrimitiveDateTime,
    pub answered_at: Option<PrimitiveDateTime>,
    pub answered_by: Option<UserId>,
    /// How soon a person who referred themselves needs help; `None` on a helper's referral.
    pub urgency: Option<Urgency>,
    /// The message a person who referred themselves sent with their request (sealed).
    pub message_ct: Option<Vec<u8>>,
}

impl Referral {
    /// A person's own request: no organisation sent it.
    pub fn is_self_referral(&self) -> bool {
        self.from_org_id.is_none()
    }
}

/// A support organisation's case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: CaseId,
    pub org_id: OrgId,
    pub referral_id: ReferralId,
    pub person_id: PersonId,
    pub status: String,
    pub opened_at: PrimitiveDateTime,
    pub opened_by: UserId,
    /// The organisation's human-friendly reference, e.g. `HL-2026-0007` (unique per organisation).
    pub reference: String,
    /// The caseworker the case is assigned to (need-to-know); `None` while nobody is.
    pub assigned_to: Option<UserId>,
}

/// A codename channel: how a person who referred themselves reaches the organisation they asked.
#[derive(Debug, Clone)]
pub struct Channel {
    pub id: ChannelId,
    pub referral_id: ReferralId,
    pub person_id: PersonId,
    /// The keyed Argon2id digest of the codename; `None` once erased.
    pub codename_digest: Option<Vec<u8>>,
    pub created_at: PrimitiveDateTime,
    /// When the person had their data erased.
    pub erased_at: Option<PrimitiveDateTime>,
}

/// One message in a channel, sealed.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: MessageId,
    pub channel_id: ChannelId,
    pub sender: Sender,
    /// The member of staff who wrote an organisation's message; `None` for the person's.
    pub author_user_id: Option<UserId>,
    pub body_ct: Vec<u8>,
    pub created_at: PrimitiveDateTime,
    /// The body holds an automatic notice's facts (said in the reader's language when shown), not
    /// text someone wrote.
    pub notice: bool,
}
