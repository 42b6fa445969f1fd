//! The JSON API of self-referral and the codename channel: a person asks for help with no token and gets
//! a codename; with the codename alone they read the status and messages, write, and have their data
//! erased. Caseworkers read and answer with their bearer token. A wrong codename is 404 and too many
//! wrong ones 429, whatever the guess.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

use crate::auth::Client;
use crate::routes::RouteTable;
use utoipa::ToSchema;

use waymark_app::{App, AppError, ChannelMessage, CodenameForm, Conversation};
use waymark_domain::self_referral::{SelfReferralDraft, Urgency};
use waymark_domain::{AgeBand, CaseId, Nation, Need, OrgId};

use super::{ApiJson, ids, invalid, iso, referral_id};
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::i18n::{LANGUAGES, Lang, Tr};

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route("/self-referrals", post(submit_self_referral))
        .route("/channel/inbox", post(channel_inbox))
        .route("/channel/messages", post(channel_send))
        .route("/channel/erase", post(channel_erase))
        .route(
            "/referrals/{id}/messages",
            get(referral_messages).post(reply_to_referral),
        )
        .route(
            "/cases/{id}/messages",
            get(case_messages).post(reply_to_case),
        )
}

// ---- self-referral ----------------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct SelfReferralConsent {
    /// The person read the organisation's data-sharing policy and wants to be referred. Must be `true`.
    given: bool,
}

/// A person's own request for help. Nothing that identifies them is required.
#[derive(Deserialize, ToSchema)]
pub struct SelfReferralRequest {
    /// The support organisation's id (its data-sharing policy must have been shown).
    to_organisation: String,
    /// `england_wales`, `scotland` or `northern_ireland`.
    #[schema(example = "england_wales")]
    nation: String,
    /// Optional: the local authority area, if known: its ONS code (`E08000035`) or exact name (`Leeds`), in any
    /// case, in `nation`; `GET /areas` lists them. Stored and answered as the code.
    /// Leave it out when the person is not sure: it is then not recorded.
    #[serde(default)]
    #[schema(example = "Leeds")]
    area: Option<String>,
    /// At least one need id from the vocabulary.
    #[schema(example = json!(["safe_housing"]))]
    needs: Vec<String>,
    /// The language they would like to be answered in (sealed at rest).
    #[schema(example = "Tigrinya")]
    language: String,
    /// `today`, `this_week` or `not_urgent`.
    #[schema(example = "this_week")]
    urgency: String,
    /// `under_18`, `adult` or `unsure` (unsure is treated as a child; a child may ask too).
    #[schema(example = "adult")]
    age: String,
    /// A name or alias, if they want to give one (sealed at rest).
    #[serde(default)]
    name: Option<String>,
    /// A safe way to contact them, if there is one (sealed at rest).
    #[serde(default)]
    contact: Option<String>,
    /// Anything they want the organisation to know, up to 4,000 characters (sealed at rest).
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    consent: Option<SelfReferralConsent>,
    /// The codename's form: `words` (seven English words, the default) or `digits` (seven groups of
    /// four digits, for a person who does not read English: every phone keyboard has them).
    #[serde(default)]
    #[schema(example = "digits")]
    codename_form: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SelfReferralCreated {
    /// The codename: shown this once and never stored. With it alone the person reads replies, writes
    /// and can have their data erased.
    #[schema(example = "abacus zoom feline tiptoe yoga zebra ample")]
    codename: String,
    referral_id: String,
    /// How many parts (words, or groups of digits) the codename has.
    #[schema(example = 7)]
    words: usize,
}

/// Ask a support organisation for help, with no account. Returns the codename, once.
#[utoipa::path(post, path = "/self-referrals", request_body = SelfReferralRequest,
    responses((status = 201, body = SelfReferralCreated),
        (status = 422, body = Problem)))]
pub(super) async fn submit_self_referral(
    State(app): State<App>,
    ApiJson(req): ApiJson<SelfReferralRequest>,
) -> Result<Response, ApiError> {
    let to = OrgId::parse(&req.to_organisation)
        .map_err(|e| ApiError::App(AppError::Invalid(e.to_string())))?;
    let draft = SelfReferralDraft {
        nation: Nation::parse(&req.nation).map_err(invalid)?,
        area: req.area,
        needs: ids(&req.needs, Need::parse)?.into_iter().collect(),
        language: req.language,
        urgency: Urgency::parse(&req.urgency).map_err(invalid)?,
        age: AgeBand::parse(&req.age).map_err(invalid)?,
        name: req.name,
        contact: req.contact,
        message: req.message,
        consent_given: req.consent.is_some_and(|c| c.given),
    };
    let form = match req.codename_form.as_deref().map(str::trim) {
        None | Some("words") => CodenameForm::Words,
        Some("digits") => CodenameForm::Digits,
        Some(_) => {
            return Err(ApiError::App(AppError::Invalid(
                "the codename's form (codename_form) must be \"words\" or \"digits\"".into(),
            )));
        }
    };
    let sent = app.submit_self_referral(draft, &to, form).await?;
    Ok((
        StatusCode::CREATED,
        Json(SelfReferralCreated {
            words: sent.words(),
            codename: sent.codename.expose().to_owned(),
            referral_id: sent.referral_id.to_string(),
        }),
    )
        .into_response())
}

// ---- the person's side of the channel ---------------------------------------------------------------

/// A codename, in the body (never in a URL, where it would reach logs and history).
#[derive(Deserialize, ToSchema)]
pub struct CodenameRequest {
    /// Seven words; case, spaces, hyphens and punctuation between them do not matter.
    codename: String,
}

/// A codename, and the language to be answered in.
#[derive(Deserialize, ToSchema)]
pub struct InboxRequest {
    /// As for every codename request.
    codename: String,
    /// The language the status and the automatic notices are said in: `en` (the default), `sq`, `ar`,
    /// `fa`, `ro`, `ti` or `vi`. What people wrote is given as they wrote it.
    #[schema(example = "ti")]
    language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ChannelMessageBody {
    /// `person` or `organisation`.
    from: String,
    body: String,
    sent_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct ChannelInboxResponse {
    /// `sent`, `accepted` or `declined`.
    status: String,
    /// The status in plain words.
    status_text: String,
    organisation: String,
    /// Why the organisation could not take the request, if it declined.
    decline_reason: Option<String>,
    /// Oldest first, starting with the message sent with the request.
    messages: Vec<ChannelMessageBody>,
}

fn message_body(t: &Tr, m: ChannelMessage) -> ChannelMessageBody {
    ChannelMessageBody {
        from: m.from.as_str().into(),
        body: t.message(&m.body),
        sent_at: iso(m.at),
    }
}

/// Read the status of one's request and the conversation. 404 for a codename that finds nothing; 429
/// after too many wrong codenames from this client (or from everyone).
#[utoipa::path(post, path = "/channel/inbox", request_body = InboxRequest,
    responses((status = 200, body = ChannelInboxResponse),
        (status = 404, body = Problem),
        (status = 429, body = Problem)))]
pub(super) async fn channel_inbox(
    State(app): State<App>,
    Client(client): Client,
    ApiJson(req): ApiJson<InboxRequest>,
) -> Result<Json<ChannelInboxResponse>, ApiError> {
    let t = match req.language.as_deref().map(str::trim) {
        None | Some("") => Tr::new(Lang::ENGLISH),
        Some(code) => Tr::new(Lang::parse(code).ok_or_else(|| {
            ApiError::App(AppError::Invalid(format!(
                "language must be one of {}",
                LANGUAGES.join(", ")
            )))
        })?),
    };
    let v = app.channel_inbox(&client, &req.codename).await?;
    Ok(Json(ChannelInboxResponse {
        status: v.status.as_str().into(),
        status_text: t.arg(
            &format!("channel-status-{}", crate::pages::channel::status_shown(&v)),
            "org",
            &v.organisation,
        ),
        organisation: v.organisation,
        decline_reason: v.decline_reason,
        messages: v
            .messages
            .into_iter()
            .map(|m| message_body(&t, m))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ChannelSendRequest {
    codename: String,
    /// 1 to 4,000 characters; must not contain the codename.
    body: String,
}

#[derive(Serialize, ToSchema)]
pub struct MessageCreated {
    id: String,
}

/// Write to the organisation. 404 for a codename that finds nothing, 429 after too many wrong ones.
#[utoipa::path(post, path = "/channel/messages", request_body = ChannelSendRequest,
    responses((status = 201, body = MessageCreated),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
        (status = 429, body = Problem)))]
pub(super) async fn channel_send(
    State(app): State<App>,
    Client(client): Client,
    ApiJson(req): ApiJson<ChannelSendRequest>,
) -> Result<Response, ApiError> {
    let id = app.channel_send(&client, &req.codename, &req.body).await?;
    Ok((
        StatusCode::CREATED,
        Json(MessageCreated { id: id.to_string() }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct ErasedResponse {
    erased: bool,
}

/// Erase one's data (crypto-shredding): afterwards the codename finds nothing, and nobody, not even the
/// organisation, can read the request or the messages again. Anonymous counts remain.
#[utoipa::path(post, path = "/channel/erase", request_body = CodenameRequest,
    responses((status = 200, body = ErasedResponse),
        (status = 404, body = Problem),
        (status = 429, body = Problem)))]
pub(super) async fn channel_erase(
    State(app): State<App>,
    Client(client): Client,
    ApiJson(req): ApiJson<CodenameRequest>,
) -> Result<Json<ErasedResponse>, ApiError> {
    app.channel_erase(&client, &req.codename).await?;
    Ok(Json(ErasedResponse { erased: true }))
}

// ---- the organisation's side ------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct ConversationMessage {
    /// `person` or `organisation`.
    from: String,
    /// The member of staff who wrote an organisation's message.
    author: Option<String>,
    body: String,
    sent_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConversationResponse {
    /// Oldest first. Empty for a helper's referral (no channel) and after the person's erasure.
    messages: Vec<ConversationMessage>,
}

#[derive(Deserialize, ToSchema)]
pub struct ReplyRequest {
    /// 1 to 4,000 characters, read by the person with their codename.
    body: String,
}

async fn read(
    app: &App,
    account: &waymark_app::Account,
    about: Conversation,
) -> Result<Json<ConversationResponse>, ApiError> {
    // Staff read automatic notices in English, as their pages show them.
    let english = Tr::new(Lang::ENGLISH);
    let messages = app
        .conversation(account, &about)
        .await?
        .into_iter()
        .map(|m| ConversationMessage {
            from: m.from.as_str().into(),
            author: m.author,
            body: english.message(&m.body),
            sent_at: iso(m.at),
        })
        .collect();
    Ok(Json(ConversationResponse { messages }))
}

async fn write(
    app: &App,
    account: &waymark_app::Account,
    about: Conversation,
    req: ReplyRequest,
) -> Result<Response, ApiError> {
    let id = app.reply(account, &about, &req.body).await?;
    Ok((
        StatusCode::CREATED,
        Json(MessageCreated { id: id.to_string() }),
    )
        .into_response())
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

/// The conversation with the person who referred themselves (audited; own organisation only).
#[utoipa::path(get, path = "/referrals/{id}/messages", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ConversationResponse),
        (status = 404, body = Problem)))]
pub(super) async fn referral_messages(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ConversationResponse>, ApiError> {
    read(&app, &account, Conversation::Referral(referral_id(&id)?)).await
}

/// Answer the person through their codename channel, whatever the referral's status.
#[utoipa::path(post, path = "/referrals/{id}/messages", request_body = ReplyRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = MessageCreated),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub(super) async fn reply_to_referral(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(json): ApiJson<ReplyRequest>,
) -> Result<Response, ApiError> {
    write(
        &app,
        &account,
        Conversation::Referral(referral_id(&id)?),
        json,
    )
    .await
}

/// The conversation from the case the referral became (audited; own organisation only).
#[utoipa::path(get, path = "/cases/{id}/messages", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ConversationResponse),
        (status = 404, body = Problem)))]
pub(super) async fn case_messages(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ConversationResponse>, ApiError> {
    read(&app, &account, Conversation::Case(case_id(&id)?)).await
}

/// Answer the person from the case. The channel stays open whatever the case's status.
#[utoipa::path(post, path = "/cases/{id}/messages", request_body = ReplyRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = MessageCreated),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub(super) async fn reply_to_case(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(json): ApiJson<ReplyRequest>,
) -> Result<Response, ApiError> {
    write(&app, &account, Conversation::Case(case_id(&id)?), json).await
}
