//! The JSON API of consent records and onward referral: record, list and withdraw a case's consents, and
//! refer the person onward to another organisation in Waymark under one. Every call is decided by the case
//! policy in the use case: a case (or consent) the caller may not open is 404; an onward referral without
//! a covering consent is 422.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use waymark_app::{App, AppError, ConsentView, NewConsent, OnwardView, Sharing};
use waymark_domain::CaseId;
use waymark_domain::case_record::{CaseError, parse_date};
use waymark_domain::consent::ConsentMethod;
use waymark_domain::ids::ConsentId;

use super::{ApiJson, invalid, iso};
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route("/cases/{id}/consents", get(list).post(record))
        .route("/consents/{id}/withdraw", post(withdraw))
        .route("/cases/{id}/onward-referrals", post(refer_onward))
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// A consent to record. For a child's case it records the safeguarding basis instead, with `purpose` as
/// the safeguarding reason.
#[derive(Deserialize, ToSchema)]
pub struct ConsentRequest {
    /// What may be shared: `identity`, `contact`, `needs`, `history`, `documents` (at least one).
    #[schema(example = json!(["identity", "needs"]))]
    scope: Vec<String>,
    /// The organisation it may be shared with: a support organisation in Waymark other than one's own.
    recipient: String,
    /// Why it is shared (1 to 500 characters; sealed). For a child: the safeguarding reason.
    #[schema(example = "Safe housing nearer to family")]
    purpose: String,
    /// `YYYY-MM-DD`, not in the future; today when left out.
    #[serde(default)]
    given_on: Option<String>,
    /// How it was given: `in_person` (the default), `phone`, `interpreter` or `written`.
    #[serde(default)]
    method: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseConsentBody {
    id: String,
    /// Scope ids, in vocabulary order.
    scope: Vec<String>,
    recipient: String,
    recipient_name: String,
    /// Sealed at rest.
    purpose: String,
    /// `consent`, or `safeguarding` for a child's case.
    basis: String,
    method: String,
    /// `YYYY-MM-DD`.
    given_on: String,
    recorded_at: String,
    /// `active` or `withdrawn`.
    status: String,
    withdrawn_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OnwardBody {
    /// The referral the receiving organisation got.
    id: String,
    consent_id: String,
    to_organisation: String,
    sent_at: String,
    /// What it carried.
    scope: Vec<String>,
    /// `sent`, `accepted`, `declined` or `withdrawn`.
    status: String,
    decline_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentsResponse {
    /// The basis this case records: `consent`, or `safeguarding` for a child.
    basis: String,
    /// Newest first.
    consents: Vec<CaseConsentBody>,
    /// Newest first.
    onward_referrals: Vec<OnwardBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentCreated {
    id: String,
    /// `active`.
    status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentWithdrawn {
    id: String,
    /// `withdrawn`.
    status: String,
    /// How many onward referrals under it, not yet answered, were withdrawn with it.
    onward_referrals_withdrawn: usize,
}

#[derive(Deserialize, ToSchema)]
pub struct OnwardRequest {
    /// A support organisation in Waymark other than one's own.
    to_organisation: String,
    /// A consent of this case that names that organisation and is not withdrawn.
    consent_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct OnwardCreated {
    id: String,
    /// `sent` (201), or `already_sent` (200: this is the referral sent before under the same consent).
    status: String,
    /// What was shared.
    scope: Vec<String>,
    /// The person was told in their codename channel (only a person who referred themselves has one).
    person_told: bool,
}

fn consent_body(c: ConsentView) -> CaseConsentBody {
    CaseConsentBody {
        status: if c.active() { "active" } else { "withdrawn" }.into(),
        id: c.id.to_string(),
        scope: c.scopes.iter().map(|s| s.as_str().to_owned()).collect(),
        recipient: c.recipient.to_string(),
        recipient_name: c.recipient_name,
        purpose: c.purpose,
        basis: c.basis.as_str().into(),
        method: c.method.as_str().into(),
        given_on: day(c.given_on),
        recorded_at: iso(c.recorded_at),
        withdrawn_at: c.withdrawn_at.map(iso),
    }
}

fn onward_body(o: OnwardView) -> OnwardBody {
    OnwardBody {
        id: o.referral_id.to_string(),
        consent_id: o.consent_id.to_string(),
        to_organisation: o.to_organisation,
        sent_at: iso(o.sent_at),
        scope: o.scopes.iter().map(|s| s.as_str().to_owned()).collect(),
        status: o.status.as_str().into(),
        decline_reason: o.decline_reason,
    }
}

fn consents_response(s: Sharing) -> ConsentsResponse {
    ConsentsResponse {
        basis: s.basis.as_str().into(),
        consents: s.consents.into_iter().map(consent_body).collect(),
        onward_referrals: s.onward.into_iter().map(onward_body).collect(),
    }
}

/// A case's consents (or safeguarding basis) and its onward referrals with their answers.
#[utoipa::path(get, path = "/cases/{id}/consents", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ConsentsResponse), (status = 404, body = Problem)))]
async fn list(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ConsentsResponse>, ApiError> {
    let id = case_id(&id)?;
    Ok(Json(consents_response(app.sharing(&account, &id).await?)))
}

/// Record a consent: what may be shared, with whom, why, when and how.
#[utoipa::path(post, path = "/cases/{id}/consents", request_body = ConsentRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = ConsentCreated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn record(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ConsentRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let given_on = match r.given_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(parse_date("given_on", d).map_err(|e| match e {
            CaseError::Field { field, problem } => {
                ApiError::App(AppError::Case(CaseError::Field { field, problem }))
            }
        })?),
    };
    let method = match r.method.as_deref().map(str::trim) {
        None | Some("") => ConsentMethod::InPerson,
        Some(m) => ConsentMethod::parse(m).map_err(invalid)?,
    };
    let consent = app
        .record_consent(
            &account,
            &id,
            NewConsent {
                scopes: r.scope,
                recipient: r.recipient,
                purpose: r.purpose,
                given_on,
                method,
            },
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(ConsentCreated {
            id: consent.to_string(),
            status: "active".into(),
        }),
    )
        .into_response())
}

/// Withdraw a consent: nothing more is shared under it, and an onward referral under it that is not yet
/// answered is withdrawn (the receiver can no longer accept or read it).
#[utoipa::path(post, path = "/consents/{id}/withdraw", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ConsentWithdrawn), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
async fn withdraw(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ConsentWithdrawn>, ApiError> {
    let id = ConsentId::parse(&id).map_err(|_| ApiError::App(AppError::NotFound))?;
    let n = app.withdraw_consent(&account, &id).await?;
    Ok(Json(ConsentWithdrawn {
        id: id.to_string(),
        status: "withdrawn".into(),
        onward_referrals_withdrawn: n,
    }))
}

/// Refer the person onward to another organisation in Waymark, under a consent that covers it. The
/// receiver finds it in its `GET /referrals` inbox and sees only the consented scopes. 422 without a
/// consent, with a withdrawn one, or with one for another organisation.
///
/// Sending the same onward referral again (same case, same consent, same organisation) while the first is
/// waiting or accepted sends nothing: the answer is **200** with the first referral's id and `status`
/// `already_sent`. Only a declined one can be sent again (201, a new referral).
#[utoipa::path(post, path = "/cases/{id}/onward-referrals", request_body = OnwardRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = OnwardCreated, description = "Sent: a new referral"),
        (status = 200, body = OnwardCreated, description = "Already sent under this consent to this organisation: the existing referral"),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn refer_onward(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<OnwardRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let sent = app
        .refer_onward(&account, &id, &r.to_organisation, &r.consent_id)
        .await?;
    Ok((
        if sent.existing {
            StatusCode::OK
        } else {
            StatusCode::CREATED
        },
        Json(OnwardCreated {
            id: sent.referral_id.to_string(),
            status: if sent.existing {
                "already_sent"
            } else {
                "sent"
            }
            .into(),
            scope: sent.scopes.iter().map(|s| s.as_str().to_owned()).collect(),
            person_told: sent.person_told,
        }),
    )
        .into_response())
}
