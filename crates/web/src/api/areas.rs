//! The closed list of local authority areas a referral, a self-referral, an anonymous notification or an
//! organisation may name: public (no sign-in), the same for everyone, and cacheable.

// utoipa's expansion of `list`'s `params(AreasQuery)` names the type by a path already in scope.
#![allow(unused_qualifications)]

use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use waymark_app::AppError;
use waymark_domain::Nation;
use waymark_domain::area::Area;

use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

/// The path, which the security headers let be cached.
pub(crate) const PATH: &str = "/api/v1/areas";

pub(super) fn router() -> RouteTable {
    RouteTable::new().route("/areas", get(areas))
}

/// Which areas to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AreasQuery {
    /// Only the areas of this nation: `england_wales`, `scotland` or `northern_ireland`.
    #[param(required = false, value_type = String, example = "england_wales")]
    nation: Option<String>,
}

/// One local authority area.
#[derive(Serialize, ToSchema)]
pub struct AreaBody {
    /// The ONS local authority district code, as `area` is given and answered everywhere.
    #[schema(example = "E08000035")]
    code: String,
    #[schema(example = "Leeds")]
    name: String,
    /// The nation whose law applies there.
    #[schema(example = "england_wales")]
    nation: String,
}

/// Every UK local authority area (ONS local authority districts, December 2024), in list order, or
/// those of one nation. Needs no token; the same for everyone, so it may be cached for a day.
#[utoipa::path(get, path = "/areas", params(AreasQuery),
    responses((status = 200, body = [AreaBody]),
        (status = 422, description = "Not a nation", body = Problem)))]
pub(super) async fn areas(
    query: Result<Query<AreasQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::App(AppError::Invalid(e.body_text())))?;
    let nation = q
        .nation
        .as_deref()
        .map(str::trim)
        // `?nation=` as a form with nothing chosen sends it: every area.
        .filter(|n| !n.is_empty())
        .map(Nation::parse)
        .transpose()
        .map_err(|e| ApiError::App(AppError::Invalid(e.to_string())))?;
    let areas: Vec<AreaBody> = Area::all()
        .filter(|a| nation.is_none_or(|n| a.nation() == n))
        .map(|a| AreaBody {
            code: a.code().to_owned(),
            name: a.name().to_owned(),
            nation: a.nation().as_str().to_owned(),
        })
        .collect();
    let mut response = Json(areas).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    Ok(response)
}
