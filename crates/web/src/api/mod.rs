//! The JSON API under `/api/v1`: the same use cases as the pages, with bearer tokens, errors as
//! `application/problem+json`, and its OpenAPI document at `/api/v1/openapi.json`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use waymark_app::{App, AppError, ReferralView};
use waymark_domain::referral::ReferralDraft;
use waymark_domain::vocabulary::UnknownId;
use waymark_domain::{
    AgeBand, FirstContact, Indicator, Nation, Need, OrgId, ReferralId, ScreeningInput, screen,
};

use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

mod anonymous;
pub(crate) mod areas;
mod cases;
mod channel;
mod clock;
mod closing;
mod consents;
mod decision_figures;
mod decision_letters;
mod doc;
mod formal;
mod training;

pub fn router() -> RouteTable {
    RouteTable::new()
        .route("/openapi.json", get(openapi))
        .route("/screenings", post(screening))
        .route("/referrals", post(submit_referral).get(inbox))
        .route("/referrals/{id}", get(open_referral))
        .route("/referrals/{id}/accept", post(accept))
        .route("/referrals/{id}/decline", post(decline))
        .merge(cases::router())
        .merge(channel::router())
        .merge(clock::router())
        .merge(areas::router())
        .merge(anonymous::router())
        .merge(closing::router())
        .merge(consents::router())
        .merge(formal::router())
        .merge(decision_figures::router())
        .merge(decision_letters::router())
        .merge(training::router())
        .fallback(|| async { ApiError::App(AppError::NotFound) })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Waymark API",
        description = "Screening, consented referral to support organisations, and casework; a survivor's \
                       own request for help and their codename channel. Personal data is returned only to \
                       the organisation a record belongs to, or to the holder of the codename; every such \
                       read is audited. Within an organisation cases are need-to-know: a caseworker opens \
                       the cases assigned to them (or breaks the glass, with a reason, for an hour), a \
                       manager every case; anyone else gets 404.",
        version = "1"
    ),
    paths(openapi, screening, submit_referral, inbox, open_referral, accept, decline,
        cases::case, cases::list_cases, cases::update_person, cases::record_needs, cases::add_plan_action,
        cases::complete_plan_action, cases::add_note, cases::upload_document, cases::download_document,
        cases::add_history, cases::record_risk, cases::assign, cases::break_glass, cases::tasks,
        cases::open_referrals, cases::search, cases::search_posted,
        channel::submit_self_referral, channel::channel_inbox, channel::channel_send, channel::channel_erase,
        channel::referral_messages, channel::reply_to_referral, channel::case_messages, channel::reply_to_case,
        clock::clock, areas::areas,
        closing::close, closing::erasure, closing::export, closing::statistics, closing::retention,
        closing::set_retention,
        consents::list, consents::record, consents::withdraw, consents::refer_onward),
    components(schemas(
        ScreeningRequest, ScreeningResponse, HelplineBody, ReferralRequest, PersonBody, ConsentBody,
        Created, InboxResponse, InboxEntry, ReferralBody, AcceptResponse, DeclineRequest, AnswerResponse,
        Problem,
        cases::CaseBody, cases::StaffBody, cases::CasePersonBody, cases::NeedBody, cases::NeedsBody,
        cases::PlanActionBody, cases::NoteBody, cases::DocumentBody, cases::HistoryBody, cases::RiskBody,
        cases::CaseSummaryBody, cases::CaseListResponse, cases::RecordCreated, cases::CaseUpdated,
        cases::PersonRequest, cases::NeedRequest, cases::NeedsRequest, cases::PlanActionRequest,
        cases::NoteRequest, cases::HistoryRequest, cases::RiskRequest, cases::DocumentUpload,
        cases::DocumentCreated, cases::AssignRequest, cases::BreakGlassRequest, cases::BreakGlassResponse,
        cases::TaskBody, cases::TasksResponse, cases::OpenReferralBody, cases::OpenReferralsResponse,
        cases::CaseMatchBody, cases::SearchResponse, cases::SearchRequest,
        channel::SelfReferralRequest, channel::SelfReferralConsent, channel::SelfReferralCreated,
        channel::CodenameRequest, channel::InboxRequest, channel::ChannelInboxResponse, channel::ChannelMessageBody,
        channel::ChannelSendRequest, channel::MessageCreated, channel::ErasedResponse,
        channel::ConversationResponse, channel::ConversationMessage, channel::ReplyRequest,
        clock::ClockResponse, areas::AreaBody,
        closing::CloseRequest, closing::FollowUpBody, closing::ClosedResponse, closing::ErasureResponse,
        closing::CountBody, closing::CaseStatisticsResponse, closing::RetentionBody,
        consents::ConsentRequest, consents::CaseConsentBody, consents::OnwardBody, consents::ConsentsResponse,
        consents::ConsentCreated, consents::ConsentWithdrawn, consents::OnwardRequest, consents::OnwardCreated
    )),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Answers the router's own refusals under `/api/` as the API answers everything else: a 405 (the path
/// exists, the method does not) gets a problem+json body. The router adds the `Allow` header after this
/// layer (it runs inside each route), so the body points to it rather than repeating it.
pub(crate) async fn router_problems(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let method = request.method().clone();
    let response = next.run(request).await;
    if !api || response.status() != StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let allow = response.headers().get(axum::http::header::ALLOW).cloned();
    let mut problem = ApiError::MethodNotAllowed(format!(
        "{method} is not allowed on this path: the `Allow` header lists the methods that are"
    ))
    .into_response();
    if let Some(allow) = allow {
        problem
            .headers_mut()
            .insert(axum::http::header::ALLOW, allow);
    }
    problem
}

/// The OpenAPI document of this API.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(<anonymous::AnonymousDoc as OpenApi>::openapi());
    doc.merge(<formal::FormalDoc as OpenApi>::openapi());
    doc.merge(<decision_figures::DecisionFiguresDoc as OpenApi>::openapi());
    doc.merge(<decision_letters::DecisionLettersDoc as OpenApi>::openapi());
    doc.merge(<training::TrainingDoc as OpenApi>::openapi());
    doc.servers = Some(vec![utoipa::openapi::Server::new("/api/v1")]);
    // What utoipa cannot derive (error answers, vocabularies, limits) is stated in api/doc.rs, on the
    // document as JSON; utoipa's types read it back.
    let Ok(mut json) = serde_json::to_value(&doc) else {
        return doc;
    };
    doc::complete(&mut json);
    serde_json::from_value(json).unwrap_or(doc)
}

/// Entries of api/doc.rs that name nothing in the document (a test keeps this empty).
pub fn openapi_unmatched_constraints() -> Vec<String> {
    let mut doc = ApiDoc::openapi();
    doc.merge(<anonymous::AnonymousDoc as OpenApi>::openapi());
    doc.merge(<formal::FormalDoc as OpenApi>::openapi());
    doc.merge(<decision_figures::DecisionFiguresDoc as OpenApi>::openapi());
    doc.merge(<decision_letters::DecisionLettersDoc as OpenApi>::openapi());
    doc.merge(<training::TrainingDoc as OpenApi>::openapi());
    serde_json::to_value(&doc).map_or_else(|e| vec![e.to_string()], |json| doc::unmatched(&json))
}

/// This document (OpenAPI 3.1).
#[utoipa::path(get, path = "/openapi.json",
    responses((status = 200, description = "The OpenAPI document of this API", content_type = "application/json",
        body = Object)))]
async fn openapi() -> Response {
    Json(openapi_document()).into_response()
}

/// The one way the API reads a JSON request body. Every JSON route takes its body through this
/// extractor, so every route refuses the same things the same way, as `application/problem+json`:
/// - no `Content-Type: application/json`, or text that is not JSON: 400;
/// - a body over the limit: 413;
/// - JSON that is not an object (an array, a string, a number, `true`, `null`): 422. serde's derived
///   `Deserialize` would otherwise read an array as the struct's fields in order, so `[]` sent to a
///   "replace" operation would blank every field;
/// - an object whose fields do not fit the request's type: 422.
pub(crate) struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        if !json_content_type(req.headers()) {
            return Err(ApiError::BadRequest(
                "Expected request with `Content-Type: application/json`".into(),
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| match e.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge(e.body_text()),
                _ => ApiError::BadRequest(e.body_text()),
            })?;
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
        if first != Some(b'{') {
            // Not an object: if it is JSON at all, say what to send instead; if not, it is a syntax error.
            let value = Json::<serde_json::Value>::from_bytes(&bytes).map_err(rejection)?;
            return Err(ApiError::App(AppError::Invalid(not_an_object(&value.0))));
        }
        Json::<T>::from_bytes(&bytes)
            .map(|Json(t)| ApiJson(t))
            .map_err(rejection)
    }
}

/// The API's query-string extractor: a query that cannot be read (a parameter given twice, say) is a
/// problem+json 400 like every other API error, not axum's plain-text one.
pub(crate) struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(q)| ApiQuery(q))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

/// JSON Schema's `integer` includes `97.0`, and the document says `integer`; serde's integers refuse
/// it. Integer fields of request bodies read through these, so a whole number written with a zero
/// fraction is that number; anything else is still refused (422).
pub(crate) mod whole {
    use std::collections::BTreeMap;

    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer};
    use serde_json::Number;

    fn exact(n: &Number) -> Option<i64> {
        n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        })
    }

    fn to<T: TryFrom<i64>, E: serde::de::Error>(n: &Number) -> Result<T, E> {
        exact(n)
            .and_then(|i| T::try_from(i).ok())
            .ok_or_else(|| E::custom(format!("{n} is not a whole number in range")))
    }

    pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        to(&Number::deserialize(d)?)
    }

    pub fn option_u8<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
        Option::<Number>::deserialize(d)?
            .map(|n| to(&n))
            .transpose()
    }

    pub fn map_usize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, usize>, D::Error> {
        BTreeMap::<String, Number>::deserialize(d)?
            .into_iter()
            .map(|(k, n)| to(&n).map(|v| (k, v)))
            .collect::<Result<_, D::Error>>()
            .map_err(|e| D::Error::custom(e.to_string()))
    }
}

fn rejection(e: JsonRejection) -> ApiError {
    match e.status() {
        StatusCode::UNPROCESSABLE_ENTITY => ApiError::App(AppError::Invalid(e.body_text())),
        _ => ApiError::BadRequest(e.body_text()),
    }
}

/// `application/json`, or any `application/…+json`, with or without parameters.
fn json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

fn not_an_object(value: &serde_json::Value) -> String {
    let what = match value {
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Null => "null",
        serde_json::Value::Object(_) => "an object",
    };
    format!("Send a JSON object ({{...}}) with the request's fields, not {what}")
}

fn invalid(e: UnknownId) -> ApiError {
    ApiError::App(AppError::Invalid(e.to_string()))
}

fn ids<T>(
    values: &[String],
    parse: impl Fn(&str) -> Result<T, UnknownId>,
) -> Result<Vec<T>, ApiError> {
    values
        .iter()
        .map(|v| parse(v))
        .collect::<Result<_, _>>()
        .map_err(invalid)
}

// ---- screening --------------------------------------------------------------------------------------

/// The facts a screening takes; nothing that identifies anyone.
#[derive(Deserialize, ToSchema)]
pub struct ScreeningRequest {
    /// `under_18`, `adult` or `unsure` (unsure is treated as a child).
    #[schema(example = "adult")]
    age: String,
    /// Whether anyone is in immediate danger now.
    immediate_danger: bool,
    /// Indicator ids from the vocabulary.
    #[serde(default)]
    #[schema(example = json!(["debt_bondage", "retention_of_documents"]))]
    indicators: Vec<String>,
    /// `england_wales`, `scotland` or `northern_ireland`.
    #[schema(example = "england_wales")]
    nation: String,
}

#[derive(Serialize, ToSchema)]
pub struct HelplineBody {
    id: String,
    name: String,
    number: String,
    when: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningResponse {
    /// `emergency`, `child_safeguarding`, `possible_trafficking` or `no_clear_indicators`.
    outcome: String,
    /// Whether a consented referral (or, for a child, a safeguarding referral) is the next step.
    refer: bool,
    helplines: Vec<HelplineBody>,
}

/// Screen a concern. Needs no token and stores nothing.
#[utoipa::path(post, path = "/screenings", request_body = ScreeningRequest,
    responses((status = 200, body = ScreeningResponse), (status = 422, body = Problem)))]
async fn screening(
    ApiJson(req): ApiJson<ScreeningRequest>,
) -> Result<Json<ScreeningResponse>, ApiError> {
    let age = AgeBand::parse(&req.age).map_err(invalid)?;
    let nation = Nation::parse(&req.nation).map_err(invalid)?;
    let indicators = ids(&req.indicators, Indicator::parse)?
        .into_iter()
        .collect();
    let outcome = screen(&ScreeningInput {
        age,
        immediate_danger: req.immediate_danger,
        indicators,
        nation,
    });
    let j = waymark_domain::jurisdiction::jurisdiction(nation);
    Ok(Json(ScreeningResponse {
        outcome: outcome.as_str().into(),
        refer: matches!(
            outcome,
            waymark_domain::ScreeningOutcome::PossibleTrafficking
                | waymark_domain::ScreeningOutcome::ChildSafeguarding
        ),
        helplines: j
            .helplines_for(age.treated_as_child())
            .map(|h| HelplineBody {
                id: h.id.clone(),
                name: h.name.clone(),
                number: h.number.clone(),
                when: h.when.clone(),
            })
            .collect(),
    }))
}

// ---- referrals --------------------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct PersonBody {
    /// The name the person uses (sealed at rest).
    name: String,
    /// A safe way to contact them (sealed at rest).
    contact: String,
    /// Their preferred language (sealed at rest).
    language: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ConsentBody {
    /// The person gave informed consent after the receiving organisation's data policy was explained.
    given: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct ReferralRequest {
    /// The support organisation's id.
    to_organisation: String,
    person: PersonBody,
    /// `under_18`, `adult` or `unsure`.
    age: String,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    indicators: Vec<String>,
    /// Who the person first turned to (a `first_contacts` id).
    first_contact: String,
    nation: String,
    /// The local authority area, if known: its ONS code (`E08000035`) or exact name (`Leeds`), in any
    /// case, in `nation`; `GET /areas` lists them. Stored and answered as the code.
    #[serde(default)]
    area: Option<String>,
    /// Required for an adult; a child needs none.
    #[serde(default)]
    consent: Option<ConsentBody>,
    /// For a child (or a person who may be one): which children's services were notified. Required then.
    #[serde(default)]
    children_services_notified: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: String,
    status: String,
}

/// Refer a person to a support organisation. An adult needs `consent.given = true` (else 422).
#[utoipa::path(post, path = "/referrals", request_body = ReferralRequest, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = Problem),
        (status = 422, body = Problem)))]
async fn submit_referral(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiJson(req): ApiJson<ReferralRequest>,
) -> Result<Response, ApiError> {
    let to = OrgId::parse(&req.to_organisation)
        .map_err(|e| ApiError::App(AppError::Invalid(e.to_string())))?;
    let draft = ReferralDraft {
        name: req.person.name,
        contact: req.person.contact,
        language: req.person.language,
        age: AgeBand::parse(&req.age).map_err(invalid)?,
        nation: Nation::parse(&req.nation).map_err(invalid)?,
        area: req.area,
        needs: ids(&req.needs, Need::parse)?.into_iter().collect(),
        indicators: ids(&req.indicators, Indicator::parse)?
            .into_iter()
            .collect(),
        first_contact: FirstContact::parse(&req.first_contact).map_err(invalid)?,
        consent_given: req.consent.is_some_and(|c| c.given),
        children_services_notified: req.children_services_notified,
    };
    let id = app.submit_referral(&account, &to, draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id: id.to_string(),
            status: "sent".into(),
        }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct InboxEntry {
    id: String,
    received_at: String,
    status: String,
    age: String,
    nation: String,
    /// The ONS code of the local authority area, if recorded (see `GET /areas`).
    area: Option<String>,
    /// Its name.
    area_name: Option<String>,
    needs: Vec<String>,
    from_organisation: Option<String>,
    child_safeguarding: bool,
    /// The person asked for help themselves; answer them through `/referrals/{id}/messages`.
    self_referral: bool,
    /// For a person's own request: `today`, `this_week` or `not_urgent`.
    urgency: Option<String>,
    /// A child's own request: the receiving organisation must tell children's services.
    must_tell_childrens_services: bool,
}

#[derive(Serialize, ToSchema)]
pub struct InboxResponse {
    referrals: Vec<InboxEntry>,
}

fn iso(t: time::PrimitiveDateTime) -> String {
    t.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The referrals sent to the caller's organisation, newest first (no personal fields).
#[utoipa::path(get, path = "/referrals", security(("bearer" = [])),
    responses((status = 200, body = InboxResponse), (status = 403, body = Problem)))]
async fn inbox(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<InboxResponse>, ApiError> {
    let referrals = app
        .inbox(&account)
        .await?
        .into_iter()
        .map(|r| InboxEntry {
            id: r.id.to_string(),
            received_at: iso(r.received_at),
            status: r.status.as_str().into(),
            age: r.age.as_str().into(),
            nation: r.nation.as_str().into(),
            area: r.area.map(|a| a.code().to_owned()),
            area_name: r.area.map(|a| a.name().to_owned()),
            needs: r.needs.iter().map(|n| n.as_str().to_owned()).collect(),
            from_organisation: r.from_organisation,
            child_safeguarding: r.child_safeguarding,
            self_referral: r.self_referral,
            urgency: r.urgency.map(|u| u.as_str().to_owned()),
            must_tell_childrens_services: r.must_tell_childrens_services,
        })
        .collect();
    Ok(Json(InboxResponse { referrals }))
}

#[derive(Serialize, ToSchema)]
pub struct ReferralBody {
    id: String,
    received_at: String,
    status: String,
    from_organisation: Option<String>,
    name: String,
    contact: String,
    language: String,
    age: String,
    nation: String,
    /// The ONS code of the local authority area, if recorded (see `GET /areas`).
    area: Option<String>,
    /// Its name.
    area_name: Option<String>,
    needs: Vec<String>,
    indicators: Vec<String>,
    first_contact: String,
    consent_given: bool,
    children_services_notified: Option<String>,
    decline_reason: Option<String>,
    case_id: Option<String>,
    /// The person asked for help themselves; answer them through `/referrals/{id}/messages`.
    self_referral: bool,
    /// For a person's own request: `today`, `this_week` or `not_urgent`.
    urgency: Option<String>,
    /// A child's own request: the receiving organisation must tell children's services.
    must_tell_childrens_services: bool,
    /// What the person wrote when they asked for help themselves.
    message: Option<String>,
    /// The person erased their information: no personal field can be read.
    erased: bool,
    /// Cases of the caller's organisation with a person of the same name: they may already be supported.
    possible_matches: Vec<cases::CaseMatchBody>,
    /// An onward referral from another organisation in Waymark: the scopes its consent covered, the only
    /// parts of the person's record that were shared. `null` for any other referral.
    shared_under_consent: Option<Vec<String>>,
}

fn referral_body(r: ReferralView) -> ReferralBody {
    ReferralBody {
        id: r.id.to_string(),
        received_at: iso(r.received_at),
        status: r.status.as_str().into(),
        from_organisation: r.from_organisation,
        name: r.name,
        contact: r.contact,
        language: r.language,
        age: r.age.as_str().into(),
        nation: r.nation.as_str().into(),
        area: r.area.map(|a| a.code().to_owned()),
        area_name: r.area.map(|a| a.name().to_owned()),
        needs: r.needs.iter().map(|n| n.as_str().to_owned()).collect(),
        indicators: r.indicators.iter().map(|i| i.as_str().to_owned()).collect(),
        first_contact: r.first_contact.as_str().into(),
        consent_given: r.consent_given,
        children_services_notified: r.children_services,
        decline_reason: r.decline_reason,
        case_id: r.case_id.map(|c| c.to_string()),
        self_referral: r.self_referral,
        urgency: r.urgency.map(|u| u.as_str().to_owned()),
        must_tell_childrens_services: r.must_tell_childrens_services,
        message: r.message.filter(|m| !m.is_empty()),
        erased: r.erased,
        possible_matches: r.possible_matches.iter().map(cases::match_body).collect(),
        shared_under_consent: r
            .shared_under_consent
            .map(|s| s.iter().map(|c| c.as_str().to_owned()).collect()),
    }
}

fn referral_id(id: &str) -> Result<ReferralId, ApiError> {
    ReferralId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

/// Open one referral sent to the caller's organisation, with the person's details (audited).
#[utoipa::path(get, path = "/referrals/{id}", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ReferralBody), (status = 404, body = Problem)))]
async fn open_referral(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ReferralBody>, ApiError> {
    Ok(Json(referral_body(
        app.open_referral(&account, &referral_id(&id)?).await?,
    )))
}

#[derive(Serialize, ToSchema)]
pub struct AcceptResponse {
    case_id: String,
    referral_id: String,
    status: String,
}

/// Accept a referral, which opens a case. Another organisation's referral answers 404.
#[utoipa::path(post, path = "/referrals/{id}/accept", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 201, body = AcceptResponse), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
async fn accept(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = referral_id(&id)?;
    let case = app.accept_referral(&account, &id).await?;
    Ok((
        StatusCode::CREATED,
        Json(AcceptResponse {
            case_id: case.to_string(),
            referral_id: id.to_string(),
            status: "accepted".into(),
        }),
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct DeclineRequest {
    /// Why, in words the sender will read.
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerResponse {
    id: String,
    status: String,
}

/// Decline a referral with a reason the sender sees.
#[utoipa::path(post, path = "/referrals/{id}/decline", request_body = DeclineRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = AnswerResponse), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn decline(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<DeclineRequest>,
) -> Result<Json<AnswerResponse>, ApiError> {
    let id = referral_id(&id)?;
    app.decline_referral(&account, &id, &req.reason).await?;
    Ok(Json(AnswerResponse {
        id: id.to_string(),
        status: "declined".into(),
    }))
}
