//! Static files, compiled into the binary: one stylesheet and one small script (the quick exit).

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("../../static/app.css");
const EXIT_JS: &str = include_str!("../../static/exit.js");

pub async fn file(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.css" => (CSS, "text/css; charset=utf-8"),
        "exit.js" => (EXIT_JS, "text/javascript; charset=utf-8"),
        _ => return super::not_found().await,
    };
    let mut r = body.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}
