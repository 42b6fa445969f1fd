//! Security headers on every response, and the check that unsafe requests come from our own pages.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The Content-Security-Policy: our own origin only, no inline script, no framing, forms post home.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Adds the security headers; refuses cross-site form posts; marks everything but static files
/// (and the public list of areas) `no-store`, since pages may hold personal data and a shared phone may be checked by someone else.
pub async fn headers(request: Request, next: Next) -> Response {
    // The list of areas is public and the same for everyone: it may be cached like a static file.
    let is_static = request.uri().path().starts_with("/static/")
        || request.uri().path() == crate::api::areas::PATH;
    let is_api = request.uri().path().starts_with("/api/");
    if !is_api && is_cross_site_write(&request) {
        return (
            StatusCode::FORBIDDEN,
            "Cross-site form submissions are refused.",
        )
            .into_response();
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if !is_static {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A POST whose `Sec-Fetch-Site` or `Origin` shows it came from another site.
fn is_cross_site_write(request: &Request) -> bool {
    if request.method() == Method::GET || request.method() == Method::HEAD {
        return false;
    }
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match origin {
        // Clients that are not browsers send no Origin; browsers always do on a form post.
        None => false,
        Some("null") => true,
        Some(o) => host.is_none_or(|h| o.split_once("://").map_or(o, |(_, rest)| rest) != h),
    }
}
