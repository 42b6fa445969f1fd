//! Who is asking: a browser session (cookie) for pages, a bearer token for the API; and the CSRF check.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use waymark_app::{Account, App, Session};

use crate::error::{ApiError, WebError};

pub const SESSION_COOKIE: &str = "waymark_session";
/// A right password waiting for its second factor: this cookie lets its holder type a code (or enrol)
/// for a few minutes, and nothing else; it is sent only to `/login/…`.
pub const PENDING_COOKIE: &str = "waymark_pending";

/// A signed-in browser session. Without one, a page redirects to the sign-in page and comes back after.
pub struct Signed(pub Session);

impl FromRequestParts<App> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        match <Signed as OptionalFromRequestParts<App>>::from_request_parts(parts, app).await? {
            Some(s) => Ok(s),
            None => {
                let here = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let next: String = form_urlencode(here);
                // A cookie that finds no session: it ended (30 idle minutes, 8 hours, signed out
                // elsewhere, or reset). Say so on the sign-in page, and forget the cookie.
                let jar = CookieJar::from_headers(&parts.headers);
                if jar.get(SESSION_COOKIE).is_some() {
                    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
                    let to = format!("/login?next={next}&ended=1");
                    return Err((jar, Redirect::to(&to)).into_response());
                }
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}

impl OptionalFromRequestParts<App> for Signed {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &App,
    ) -> Result<Option<Self>, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(secret) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) else {
            return Ok(None);
        };
        match app.session(&secret).await {
            Ok(s) => Ok(s.map(Signed)),
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

impl Signed {
    pub fn account(&self) -> &Account {
        &self.0.account
    }
    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, token: &str) -> Result<(), WebError> {
        if waymark_app::constant_time_eq(&self.0.csrf_token, token) {
            Ok(())
        } else {
            Err(WebError::Csrf)
        }
    }
}

/// The session cookie: not readable by scripts, never sent cross-site, `Secure` unless the site is
/// served to this machine only (plain http on localhost, for the demo and tests).
pub fn session_cookie(secret: String, host: Option<&str>) -> Cookie<'static> {
    let local = host.is_some_and(|h| {
        let name = h.rsplit_once(':').map_or(h, |(n, _)| n);
        matches!(name, "localhost" | "127.0.0.1" | "[::1]")
    });
    Cookie::build((SESSION_COOKIE, secret))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(!local)
        .path("/")
        .build()
}

/// The pending sign-in's cookie: like the session's, but sent only to the sign-in pages.
pub fn pending_cookie(secret: String, host: Option<&str>) -> Cookie<'static> {
    let mut cookie = session_cookie(String::new(), host);
    cookie.set_name(PENDING_COOKIE);
    cookie.set_value(secret);
    cookie.set_path("/login");
    cookie
}

pub fn host(parts_headers: &axum::http::HeaderMap) -> Option<&str> {
    parts_headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
}

/// The account behind an API bearer token.
pub struct ApiUser(pub Account);

impl FromRequestParts<App> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthorized)?;
        match app.account_for_token(token).await {
            Ok(Some(account)) => Ok(ApiUser(account)),
            Ok(None) => Err(ApiError::Unauthorized),
            Err(e) => Err(ApiError::App(e)),
        }
    }
}

/// Percent-encodes a value for a query string.
pub fn form_urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Only local paths may be a `next` target, never another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/staff".to_owned(),
    }
}

/// Who is guessing, for the limits on codename guesses: the peer's address as the server saw it
/// (`ConnectInfo`). An IPv6 client is its /64, since one household or phone gets a whole /64; an
/// IPv4-mapped address is its IPv4. Without connect info (in-process tests) every request is `unknown`.
/// Behind a reverse proxy every peer is the proxy: see docs/ARCHITECTURE.md.
pub struct Client(pub String);

pub fn client_key(peer: Option<SocketAddr>) -> String {
    match peer.map(|p| p.ip().to_canonical()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "unknown".to_owned(),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        Ok(Client(client_key(peer)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_key_is_the_address_and_an_ipv6_clients_64() {
        let key = |s: &str| client_key(Some(s.parse().expect("address")));
        assert_eq!(key("198.51.100.7:443"), "198.51.100.7");
        assert_eq!(key("[::ffff:198.51.100.7]:443"), "198.51.100.7");
        assert_eq!(key("[2001:db8:1:2:aaaa::1]:443"), "2001:db8:1:2::/64");
        assert_eq!(
            key("[2001:db8:1:2:bbbb::9]:80"),
            key("[2001:db8:1:2:aaaa::1]:443"),
            "one /64, one client"
        );
        assert_ne!(key("[2001:db8:1:3::1]:443"), key("[2001:db8:1:2::1]:443"));
        assert_eq!(client_key(None), "unknown");
    }
}
