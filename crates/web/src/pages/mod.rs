//! The HTML pages, by area. Each handler parses the request, calls one use case and renders a template.

pub mod account;
pub mod assets;
pub mod case_record;
pub mod casework;
pub mod certificates;
pub mod channel;
pub mod closing;
pub mod consents;
pub mod decision_figures;
pub mod decision_letters;
pub mod formal;
pub mod my_work;
pub mod notifications;
pub mod public;
pub mod referrals;
pub mod search;
pub mod self_referral;
pub mod training;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use waymark_app::Session;
use waymark_domain::{Permission, allows};

use crate::error::{WebError, error_page};

/// The header's links, which depend on what the signed-in user may do.
pub struct Nav {
    pub signed_in: bool,
    pub name: String,
    pub csrf: String,
    pub links: Vec<(&'static str, &'static str)>,
}

impl Nav {
    pub fn public() -> Nav {
        Nav {
            signed_in: false,
            name: String::new(),
            csrf: String::new(),
            links: vec![("/screening", "Check a concern"), ("/training", "Training")],
        }
    }

    pub fn for_session(session: Option<&Session>) -> Nav {
        let Some(s) = session else {
            return Nav::public();
        };
        let a = &s.account;
        let may = |p| allows(a.role, a.org_kind, p);
        let mut links = vec![];
        if may(Permission::ReadCase) {
            // Tasks due and overdue (follow-up check-ins among them), my cases, referrals waiting.
            links.push(("/staff", "My work"));
        }
        links.push(("/screening", "Check a concern"));
        links.push(("/training", "Training"));
        if may(Permission::RevokeCertificate) {
            links.push(("/training/helpers", "Trained helpers"));
        }
        if may(Permission::SubmitReferral) {
            links.push(("/referrals/new", "Refer someone"));
        }
        if may(Permission::ViewSentReferrals) {
            links.push(("/referrals/sent", "Sent referrals"));
        }
        if may(Permission::ViewReferralInbox) {
            links.push(("/inbox", "Referrals received"));
        }
        if may(Permission::ReadCase) {
            links.push(("/cases", "Cases"));
        }
        if waymark_domain::first_responder::may_notify_anonymously(
            a.role,
            a.org_kind,
            a.org_first_responder,
        ) {
            links.push(("/notifications", "Anonymous notifications"));
        }
        if may(Permission::DecideIdentification) {
            links.push(("/decisions", "Decisions"));
        }
        if may(Permission::ViewCaseStatistics) {
            links.push(("/statistics", "Statistics"));
        } else if may(Permission::SetRetention) {
            links.push(("/organisation/retention", "Retention"));
        }
        if waymark_domain::staff_security::may_see_team(a.role) {
            links.push(("/team", "Team"));
        }
        links.push(("/account/sessions", "Your sessions"));
        Nav {
            signed_in: true,
            name: a.display_name.clone(),
            csrf: s.csrf_token.clone(),
            links,
        }
    }
}

/// Renders a page template.
pub fn render<T: Template>(page: &T) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}

pub async fn not_found() -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        "Page not found",
        "There is nothing here, or you do not have access to it.".into(),
    )
}
