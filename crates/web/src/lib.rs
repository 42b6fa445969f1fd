//! Waymark's web interface: server-rendered pages that work fully without JavaScript, and the JSON API
//! under `/api/v1` with its OpenAPI document. Handlers are thin: parse the request, call one use case,
//! render.

mod api;
mod auth;
mod error;
mod i18n;
mod pages;
mod pdf;
mod routes;
mod security;
mod views;

pub use api::{openapi_document, openapi_unmatched_constraints};

use axum::Router;
use axum::routing::{get, post};
use waymark_app::App;

/// Builds the whole application: pages, API, static files, security headers.
pub fn router(app: App) -> Router {
    let (router, _) = route_table().into_parts();
    router
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(api::router_problems))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(app)
}

/// Every path the router answers (with `{param}` placeholders), in the order they were added: the list
/// the route probes in the tests walk, taken from the same table that builds the router.
pub fn route_paths() -> Vec<String> {
    route_table().into_parts().1
}

fn route_table() -> routes::RouteTable {
    routes::RouteTable::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/demo/clock", post(demo_clock))
        .route("/", get(pages::public::choose_language))
        .route("/screening", get(pages::public::choose_language))
        .route("/{lang}", get(pages::public::home_without_slash))
        .route("/{lang}/", get(pages::public::home))
        .route("/{lang}/rights", get(pages::public::rights))
        .route("/{lang}/support", get(pages::public::support))
        .route("/{lang}/privacy", get(pages::public::privacy))
        .route(
            "/{lang}/screening",
            get(pages::public::screening_form).post(pages::public::screening_result),
        )
        .route(
            "/{lang}/help",
            get(pages::self_referral::intro).post(pages::self_referral::step),
        )
        .route("/{lang}/help/question", get(pages::self_referral::question))
        .route("/{lang}/help/codename", get(pages::self_referral::codename))
        .route("/{lang}/help/check", post(pages::self_referral::check))
        .route("/{lang}/help/saved", get(pages::self_referral::saved))
        .route("/{lang}/help/exit", get(pages::self_referral::exit))
        .route(
            "/{lang}/replies",
            get(pages::channel::form).post(pages::channel::open),
        )
        .route("/{lang}/replies/send", post(pages::channel::send))
        .route("/{lang}/replies/erase", post(pages::channel::erase))
        .route(
            "/login",
            get(pages::account::login_form).post(pages::account::login),
        )
        .route(
            "/login/code",
            get(pages::account::code_form).post(pages::account::code),
        )
        .route(
            "/login/enrol",
            get(pages::account::enrol_form).post(pages::account::enrol),
        )
        .route("/logout", post(pages::account::logout))
        .route("/account/sessions", get(pages::account::sessions))
        .route(
            "/account/sessions/end-others",
            post(pages::account::end_other_sessions),
        )
        .route(
            "/account/sessions/{id}/end",
            post(pages::account::end_session),
        )
        .route("/team", get(pages::account::team))
        .route(
            "/team/{id}/reset-two-factor",
            post(pages::account::reset_two_factor),
        )
        .route("/staff", get(pages::my_work::my_work))
        .route("/referrals/new", get(pages::referrals::new_form))
        .route("/referrals", post(pages::referrals::submit))
        .route("/referrals/sent", get(pages::referrals::sent))
        .route("/inbox", get(pages::casework::inbox))
        .route("/inbox/{id}", get(pages::casework::referral))
        .route("/inbox/{id}/accept", post(pages::casework::accept))
        .route("/inbox/{id}/decline", post(pages::casework::decline))
        .route(
            "/inbox/{id}/reply",
            post(pages::casework::reply_to_referral),
        )
        .route("/cases", get(pages::casework::cases))
        .route("/cases/{id}/reply", post(pages::casework::reply_to_case))
        .merge(pages::case_record::routes())
        .merge(pages::notifications::routes())
        .merge(pages::closing::routes())
        .merge(pages::consents::routes())
        .merge(pages::formal::routes())
        .merge(pages::decision_figures::routes())
        .merge(pages::training::routes())
        .merge(pages::certificates::routes())
        .merge(pages::decision_letters::routes())
        .route("/static/{file}", get(pages::assets::file))
        .nest("/api/v1", api::router())
}

/// How far to move a controllable clock.
#[derive(serde::Deserialize)]
struct ClockMove {
    days: i64,
}

/// `POST /demo/clock` `{"days": N}` (1 to 400): moves the application's clock N days forward and answers
/// `{"today", "offset_seconds"}`. Only on `waymark demo --clock-control` (the browser tests of the
/// statutory clocks); everywhere else, and on `waymark serve` always, it is 404. Not in the OpenAPI
/// document: it is no part of the product.
async fn demo_clock(
    axum::extract::State(app): axum::extract::State<App>,
    axum::Json(m): axum::Json<ClockMove>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if !app.clock().is_controllable() {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    if !(1..=400).contains(&m.days) {
        return (
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "days must be 1 to 400",
        )
            .into_response();
    }
    app.clock().advance(time::Duration::days(m.days));
    axum::Json(serde_json::json!({
        "today": app.clock().now().date().to_string(),
        "offset_seconds": app.clock().offset_seconds(),
    }))
    .into_response()
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(app: App, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        // Without a Ctrl-C handler the wait ends at once, and the server with it: as with the signal.
        drop(tokio::signal::ctrl_c().await);
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
