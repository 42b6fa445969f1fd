//! The support organisation's side: referrals received, opening one, accepting or declining, cases.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, ChannelMessage, Conversation, ReferralView};
use waymark_domain::channel::Sender;
use waymark_domain::self_referral::Urgency;
use waymark_domain::{CaseId, ReferralId};

use super::case_record::{Hit, facts_of, hits};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::views;

pub struct InboxRow {
    id: String,
    received: String,
    from: String,
    age: &'static str,
    child: bool,
    must_tell: bool,
    urgency: Option<&'static str>,
    area: String,
    needs: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct Inbox {
    nav: Nav,
    notice: Option<&'static str>,
    items: Vec<InboxRow>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    declined: Option<String>,
}

fn urgency_words(u: Urgency) -> &'static str {
    match u {
        Urgency::Today => "today",
        Urgency::ThisWeek => "this week",
        Urgency::NotUrgent => "not urgently",
    }
}

fn status_words(s: &str) -> &'static str {
    use waymark_domain::referral::ReferralStatus;
    match ReferralStatus::parse(s) {
        Ok(ReferralStatus::Sent) => "New",
        Ok(ReferralStatus::Accepted) => "Accepted",
        Ok(ReferralStatus::Declined) => "Declined",
        Ok(ReferralStatus::Withdrawn) => "Withdrawn by the sender",
        Err(_) => "Unknown",
    }
}

pub async fn inbox(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let items = app
        .inbox(session.account())
        .await?
        .into_iter()
        .map(|r| InboxRow {
            id: r.id.to_string(),
            received: views::date(r.received_at),
            from: r
                .from_organisation
                .unwrap_or_else(|| "The person themselves".into()),
            age: views::age(r.age),
            child: r.child_safeguarding,
            must_tell: r.must_tell_childrens_services,
            urgency: r.urgency.map(urgency_words),
            area: r.area.map_or_else(
                || views::nation(r.nation).to_owned(),
                |a| a.name().to_owned(),
            ),
            needs: r
                .needs
                .iter()
                .map(|n| views::need(*n))
                .collect::<Vec<_>>()
                .join(", "),
            status: status_words(r.status.as_str()),
        })
        .collect();
    let notice = q
        .declined
        .map(|_| "The referral was declined. The sender can now see your reason.");
    render(&Inbox {
        nav: Nav::for_session(Some(&session.0)),
        notice,
        items,
    })
}

/// The person's details as a page shows them.
pub struct PersonView {
    name: String,
    contact: String,
    language: String,
    age: &'static str,
    place: String,
    needs: String,
    indicators: Vec<&'static str>,
    first_contact: &'static str,
    from: String,
    basis: String,
    urgency: Option<&'static str>,
    message: Option<String>,
    erased: bool,
    /// An onward referral from another organisation: from whom, and the scopes its consent covered.
    onward: Option<String>,
    /// Only what a consent covered was shared (an onward copy): an empty field was not given, not
    /// necessarily not recorded.
    shared_only: bool,
    /// What the organisation was told about an erasure of this record or of its original.
    erasure: Option<String>,
}

fn person(r: &ReferralView) -> PersonView {
    let facts = facts_of(r);
    PersonView {
        name: r.name.clone(),
        contact: r.contact.clone(),
        language: r.language.clone(),
        age: facts.age,
        place: facts.place,
        needs: facts.needs,
        indicators: facts.indicators,
        first_contact: facts.first_contact,
        from: facts.from,
        basis: if r.status == waymark_domain::referral::ReferralStatus::Withdrawn
            && r.shared_under_consent.is_some()
        {
            "The person's consent was withdrawn: nothing more may be shared or read".into()
        } else {
            facts.basis
        },
        shared_only: r.shared_under_consent.is_some(),
        urgency: r.urgency.map(urgency_words),
        message: r.message.clone().filter(|m| !m.is_empty()),
        erased: r.erased && r.status != waymark_domain::referral::ReferralStatus::Withdrawn,
        onward: super::consents::onward_notice(r),
        erasure: facts.erasure,
    }
}

#[derive(Template)]
#[template(path = "referral.html")]
struct ReferralPage {
    nav: Nav,
    id: String,
    received: String,
    status: String,
    case_id: Option<String>,
    /// The reason this organisation gave when it declined.
    decline_reason: Option<String>,
    person: PersonView,
    errors: Vec<(&'static str, String)>,
    self_referral: bool,
    erased: bool,
    messages: Vec<MessageRow>,
    replied: Option<&'static str>,
    reply_action: String,
    /// Cases of the organisation with the same name: the person may already be supported.
    matches: Vec<Hit>,
}

fn parse_referral(id: &str) -> Result<ReferralId, WebError> {
    ReferralId::parse(id).map_err(|_| WebError::App(AppError::NotFound))
}

async fn referral_page(
    app: &App,
    session: &Signed,
    id: &ReferralId,
    errors: Vec<(&'static str, String)>,
    replied: Option<&'static str>,
) -> Result<Response, WebError> {
    let r = app.open_referral(session.account(), id).await?;
    let messages = message_rows(app.referral_messages(session.account(), id).await?);
    render(&ReferralPage {
        nav: Nav::for_session(Some(&session.0)),
        id: r.id.to_string(),
        received: views::date(r.received_at),
        status: r.status.as_str().to_owned(),
        case_id: r.case_id.as_ref().map(ToString::to_string),
        decline_reason: r.decline_reason.clone(),
        person: person(&r),
        errors,
        self_referral: r.self_referral,
        erased: r.erased,
        messages,
        replied,
        reply_action: format!("/inbox/{id}/reply"),
        matches: hits(&r.possible_matches),
    })
}

pub async fn referral(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Query(q): Query<RepliedQuery>,
) -> Result<Response, WebError> {
    let id = parse_referral(&id)?;
    referral_page(&app, &session, &id, vec![], q.replied.map(|_| REPLIED)).await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

pub async fn accept(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let id = parse_referral(&id)?;
    let case = app.accept_referral(session.account(), &id).await?;
    Ok(Redirect::to(&format!("/cases/{case}")).into_response())
}

pub async fn decline(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let id = parse_referral(&id)?;
    match app
        .decline_referral(session.account(), &id, &form.reason)
        .await
    {
        Ok(()) => Ok(Redirect::to("/inbox?declined=1").into_response()),
        Err(AppError::Referral(_)) => {
            let page = referral_page(
                &app,
                &session,
                &id,
                vec![(
                    "reason",
                    "Give a reason, so the sender can help the person find support elsewhere"
                        .into(),
                )],
                None,
            )
            .await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// One case in the list: id, reference, opened, status, and until when a break-the-glass grant lasts.
pub struct CaseItem {
    id: String,
    reference: String,
    opened: String,
    status: String,
    until: Option<String>,
}

#[derive(Template)]
#[template(path = "cases.html")]
struct Cases {
    nav: Nav,
    items: Vec<CaseItem>,
}

pub async fn cases(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let items = app
        .cases(session.account())
        .await?
        .into_iter()
        .map(|c| CaseItem {
            id: c.id.to_string(),
            reference: c.reference,
            opened: views::date(c.opened_at),
            status: c.status,
            until: c.access_until.map(views::date),
        })
        .collect();
    render(&Cases {
        nav: Nav::for_session(Some(&session.0)),
        items,
    })
}

pub(crate) const REPLIED: &str = "Your reply was sent. The person reads it with their codename.";

#[derive(Deserialize)]
pub struct RepliedQuery {
    pub(crate) replied: Option<String>,
}

/// One message of a conversation, as a caseworker's page shows it.
pub struct MessageRow {
    pub(crate) class: &'static str,
    pub(crate) from: String,
    pub(crate) at: String,
    pub(crate) body: String,
}

/// Staff pages are in English: an automatic notice reads as the person's English page says it.
pub(crate) fn message_rows(messages: Vec<ChannelMessage>) -> Vec<MessageRow> {
    let english = Tr::new(Lang::ENGLISH);
    messages
        .into_iter()
        .map(|m| MessageRow {
            class: if m.from == Sender::Person {
                "theirs"
            } else {
                "mine"
            },
            from: match (m.from, m.author) {
                (Sender::Person, _) => "The person".into(),
                (_, Some(author)) => author,
                _ => "Your organisation".into(),
            },
            at: views::date(m.at),
            body: english.message(&m.body),
        })
        .collect()
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

/// A caseworker answers the person through their codename channel, from the referral or the case.
async fn reply(
    app: &App,
    session: &Signed,
    about: Conversation,
    form: &ReplyForm,
    back: String,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    // An empty reply is refused by the use case (after it checks who is asking), with a message that
    // says so: never a silent redirect that looks like success.
    app.reply(session.account(), &about, &form.body).await?;
    Ok(Redirect::to(&format!("{back}?replied=1")).into_response())
}

pub async fn reply_to_referral(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, WebError> {
    let id = parse_referral(&id)?;
    let back = format!("/inbox/{id}");
    reply(&app, &session, Conversation::Referral(id), &form, back).await
}

pub async fn reply_to_case(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, WebError> {
    let id = CaseId::parse(&id).map_err(|_| WebError::App(AppError::NotFound))?;
    let back = format!("/cases/{id}");
    reply(&app, &session, Conversation::Case(id), &form, back).await
}
