//! The codename channel: with only their codename, a person reads the status of their request and the
//! organisation's messages, writes back, or has everything erased. No cookie: the codename travels in
//! the form, and every page is `no-store`.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, ChannelView};
use waymark_domain::channel::Sender;

use super::public::Locale;
use super::render;
use crate::auth::Client;
use crate::error::WebError;
use crate::i18n::Tr;

pub struct MessageView {
    class: &'static str,
    from: String,
    at: String,
    body: String,
}

pub struct Opened {
    codename: String,
    /// Why the organisation could not take the request, as its caseworker wrote it.
    decline_reason: Option<String>,
    status: &'static str,
    status_text: String,
    messages: Vec<MessageView>,
    /// Who to call in the nation the person asked for help in.
    helplines: super::public::Helplines,
}

#[derive(Template)]
#[template(path = "public/replies.html")]
struct Replies {
    t: Tr,
    here: String,
    errors: Vec<(&'static str, String)>,
    notice: Option<String>,
    view: Option<Opened>,
}

/// The status as the person reads it: the referral's, but "answered" once the organisation has written
/// while the request still waits (not "they have not answered yet" above their reply).
pub(crate) fn status_shown(v: &ChannelView) -> &'static str {
    waymark_domain::channel::status_for_person(
        v.status,
        v.messages.iter().any(|m| m.from == Sender::Organisation),
    )
}

fn opened(t: &Tr, codename: String, v: ChannelView) -> Opened {
    let status = status_shown(&v);
    Opened {
        helplines: super::public::helplines(t, v.nation, false),
        decline_reason: v.decline_reason.clone(),
        status_text: t.arg(&format!("channel-status-{status}"), "org", &v.organisation),
        status,
        messages: v
            .messages
            .into_iter()
            .map(|m| MessageView {
                class: if m.from == Sender::Person {
                    "mine"
                } else {
                    "theirs"
                },
                from: if m.from == Sender::Person {
                    t.get("channel-from-you")
                } else {
                    v.organisation.clone()
                },
                // In the reader's language, not "06 Jan 2027".
                at: t.long_date_time(m.at),
                body: t.message(&m.body),
            })
            .collect(),
        codename,
    }
}

/// The page for a refused codename: not found and too many tries look different to the person, but a
/// close guess and a far one look the same.
fn refused(t: Tr, here: String, e: AppError) -> Result<Response, WebError> {
    let (status, message) = match e {
        AppError::NotFound => (StatusCode::NOT_FOUND, t.get("channel-wrong")),
        AppError::TooManyAttempts { minutes } => (
            StatusCode::TOO_MANY_REQUESTS,
            t.num(
                "channel-limited",
                "minutes",
                usize::try_from(minutes).unwrap_or(usize::MAX),
            ),
        ),
        other => return Err(other.into()),
    };
    let page = render(&Replies {
        t,
        here,
        errors: vec![("codename", message)],
        notice: None,
        view: None,
    })?;
    Ok((status, page).into_response())
}

pub async fn form(Locale { t, here }: Locale) -> Result<Response, WebError> {
    render(&Replies {
        t,
        here,
        errors: vec![],
        notice: None,
        view: None,
    })
}

#[derive(Deserialize)]
pub struct CodenameForm {
    #[serde(default)]
    codename: String,
    #[serde(default)]
    body: String,
    confirm: Option<String>,
}

pub async fn open(
    State(app): State<App>,
    Client(client): Client,
    Locale { t, here }: Locale,
    Form(f): Form<CodenameForm>,
) -> Result<Response, WebError> {
    conversation(&app, &client, t, here, f.codename, vec![], None).await
}

/// The conversation of a typed codename, with what to say above it; the codename form again (and no
/// guess counted) when nothing was typed.
async fn conversation(
    app: &App,
    client: &str,
    t: Tr,
    here: String,
    codename: String,
    errors: Vec<(&'static str, String)>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    if codename.trim().is_empty() {
        let page = render(&Replies {
            errors: vec![("codename", t.get("channel-codename-missing"))],
            t,
            here,
            notice: None,
            view: None,
        })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match app.channel_inbox(client, &codename).await {
        Ok(v) => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let view = opened(&t, codename, v);
            let page = render(&Replies {
                t,
                here,
                errors,
                notice,
                view: Some(view),
            })?;
            Ok((status, page).into_response())
        }
        Err(e) => refused(t, here, e),
    }
}

pub async fn send(
    State(app): State<App>,
    Client(client): Client,
    Locale { t, here }: Locale,
    Form(f): Form<CodenameForm>,
) -> Result<Response, WebError> {
    let (errors, notice) = if f.body.trim().is_empty() {
        (vec![("body", t.get("channel-empty"))], None)
    } else {
        match app.channel_send(&client, &f.codename, &f.body).await {
            Ok(_) => (vec![], Some(t.get("channel-sent"))),
            Err(AppError::Invalid(_) | AppError::SelfReferral(_)) => {
                (vec![("body", t.get("channel-empty"))], None)
            }
            Err(e) => return refused(t, here, e),
        }
    };
    conversation(&app, &client, t, here, f.codename, errors, notice).await
}

#[derive(Template)]
#[template(path = "public/message.html")]
struct Erased {
    t: Tr,
    here: String,
    title: String,
    body: String,
    next_link: String,
    next_label: String,
}

pub async fn erase(
    State(app): State<App>,
    Client(client): Client,
    Locale { t, here }: Locale,
    Form(f): Form<CodenameForm>,
) -> Result<Response, WebError> {
    if f.confirm.as_deref() != Some("yes") {
        // Not confirmed: back to the conversation, saying why nothing was erased.
        let why = vec![("confirm", t.get("erase-not-confirmed"))];
        return conversation(&app, &client, t, here, f.codename, why, None).await;
    }
    match app.channel_erase(&client, &f.codename).await {
        Ok(()) => render(&Erased {
            title: t.get("erase-done-title"),
            body: t.get("erase-done-body"),
            next_link: format!("/{}/", t.code()),
            next_label: t.get("nav-home"),
            t,
            here,
        }),
        Err(e) => refused(t, here, e),
    }
}
