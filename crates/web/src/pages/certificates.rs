//! Certificates on the pages: the holder's certificate (to print, or as a PDF carrying the signed token),
//! the public check of a code (`/certificates/verify`: only the holder's display name, the course, the
//! dates and whether it is valid) and the published public key for checking a token offline.

use askama::Template;
use axum::body::Body;
use axum::extract::{OptionalFromRequestParts, Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, Certificate, CertificateState, CertificateStatus};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::pdf::{Block, Document};
use crate::routes::RouteTable;
use crate::views;

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/training/certificates/{code}", get(certificate))
        .route("/certificates/verify", get(verify))
        .route("/certificates/public-key", get(public_key))
        .route("/training/helpers", get(helpers))
        .route("/training/helpers/{code}/revoke", post(revoke))
}

fn long_date(d: time::Date) -> String {
    let f = time::macros::format_description!("[day padding:none] [month repr:long] [year]");
    d.format(&f).unwrap_or_default()
}

fn state(s: CertificateState) -> &'static str {
    match s {
        CertificateState::Valid => "Valid",
        CertificateState::Expired => "Expired: take the course again for a new certificate",
        CertificateState::Revoked => "Revoked",
    }
}

#[derive(Template)]
#[template(path = "training/certificate.html")]
struct CertificatePage {
    nav: Nav,
    code: String,
    holder: String,
    course: String,
    nation: &'static str,
    issued_on: String,
    expires_on: String,
    state: &'static str,
    revoked_reason: Option<String>,
    token: String,
}

async fn mine(app: &App, session: &Signed, code: &str) -> Result<Certificate, WebError> {
    app.my_certificates(session.account())
        .await?
        .into_iter()
        .find(|c| c.code == code)
        .ok_or_else(|| WebError::from(AppError::NotFound))
}

/// The holder's certificate: `/training/certificates/{code}` (a page to print) or `….pdf`. Only its holder
/// (anyone else: not found; anyone can check the code at `/certificates/verify`).
async fn certificate(
    State(app): State<App>,
    session: Signed,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    if let Some(code) = code.strip_suffix(".pdf") {
        let c = mine(&app, &session, code).await?;
        return Ok(pdf(&c));
    }
    let c = mine(&app, &session, &code).await?;
    render(&CertificatePage {
        nav: Nav::for_session(Some(&session.0)),
        code: c.code.clone(),
        holder: c.holder.clone(),
        course: c.course_title.clone(),
        nation: views::nation(c.nation),
        issued_on: long_date(c.issued_on),
        expires_on: long_date(c.expires_on),
        state: state(c.state),
        revoked_reason: c.revocation.as_ref().map(|r| r.reason.clone()),
        token: c.token.clone(),
    })
}

/// The certificate as a tagged PDF: what it certifies, the code to check online, and the signed token
/// (in lines of 64 characters) to check offline with the published key.
fn pdf(c: &Certificate) -> Response {
    let title = "Certificate of training";
    let token = c
        .token
        .as_bytes()
        .chunks(64)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let doc = Document {
        title: format!("{title}: {}", c.course_title),
        lang: "en-GB".into(),
        blocks: vec![
            Block::title(title),
            Block::paragraph(&format!(
                "{} completed the course and passed its quiz.",
                c.holder
            )),
            Block::field("Course", &c.course_title),
            Block::field("Issued", &long_date(c.issued_on)),
            Block::field("Valid until", &long_date(c.expires_on)),
            Block::field("Code", &c.code),
            Block::heading("Check this certificate"),
            Block::paragraph(
                "Anyone can check the code on Waymark's page \"Check a certificate\" (/certificates/verify). \
                 It shows only the holder's name, the course, the dates and whether it is still valid.",
            ),
            Block::paragraph(
                "To check it offline, verify this signed token with Waymark's published public key \
                 (/certificates/public-key): the part before the dot is the certificate, the part after it \
                 its Ed25519 signature.",
            ),
            Block::paragraph(&token),
        ],
    };
    let mut r = Response::new(Body::from(crate::pdf::render(&doc)));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"waymark-certificate-{}.pdf\"",
        c.code
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.into_response()
}

#[derive(Deserialize, Default)]
struct VerifyQuery {
    #[serde(default)]
    code: Option<String>,
}

/// What the check found, in words.
struct Verification {
    valid: bool,
    headline: String,
    holder: String,
    course: String,
    issued_on: String,
    expires_on: String,
}

#[derive(Template)]
#[template(path = "training/verify.html")]
struct VerifyPage {
    nav: Nav,
    code: String,
    checked: bool,
    found: Option<Verification>,
}

/// Anyone checks a code (`?code=`; a GET form, so it works without JavaScript and can be linked).
async fn verify(
    State(app): State<App>,
    parts: axum::http::request::Parts,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, WebError> {
    let mut parts = parts;
    let session = <Signed as OptionalFromRequestParts<App>>::from_request_parts(&mut parts, &app)
        .await
        .ok()
        .flatten();
    let code = q.code.unwrap_or_default();
    let checked = !code.trim().is_empty();
    let found = if checked {
        app.certificate_status(&code).await?.map(|s| {
            let (valid, headline, c) = match s {
                CertificateStatus::Valid(c) => (true, "This certificate is valid".to_owned(), c),
                CertificateStatus::Invalid {
                    reason,
                    certificate,
                } => (
                    false,
                    format!(
                        "This certificate is not valid: it {}",
                        match reason {
                            waymark_app::InvalidReason::Expired => "has expired".to_owned(),
                            waymark_app::InvalidReason::Revoked { on } =>
                                format!("was revoked on {}", long_date(on)),
                        }
                    ),
                    certificate,
                ),
            };
            Verification {
                valid,
                headline,
                holder: c.holder,
                course: c.course_title,
                issued_on: long_date(c.issued_on),
                expires_on: long_date(c.expires_on),
            }
        })
    } else {
        None
    };
    render(&VerifyPage {
        nav: Nav::for_session(session.as_ref().map(|s| &s.0)),
        code,
        checked,
        found,
    })
}

/// The public key certificates are signed with, as PEM (for `openssl pkeyutl -verify`).
async fn public_key(State(app): State<App>) -> Result<Response, WebError> {
    let key = app.certificate_public_key().await?;
    let mut r = Response::new(Body::from(key.to_pem()));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Ok(r)
}

pub struct HelperRow {
    code: String,
    holder: String,
    organisation: String,
    course: String,
    expires_on: String,
    state: &'static str,
    soon: bool,
    valid: bool,
}

pub struct OrgCount {
    organisation: String,
    area: String,
    valid: usize,
}

#[derive(Template)]
#[template(path = "training/helpers.html")]
struct HelpersPage {
    nav: Nav,
    everyone: bool,
    rows: Vec<HelperRow>,
    by_org: Vec<OrgCount>,
    soon: usize,
    trained: usize,
    untrained: usize,
    errors: Vec<(String, String)>,
    revoked: bool,
}

#[derive(Deserialize, Default)]
struct HelpersQuery {
    #[serde(default)]
    revoked: Option<String>,
}

async fn helpers_page(
    app: &App,
    session: &Signed,
    errors: Vec<(String, String)>,
    revoked: bool,
) -> Result<Response, WebError> {
    let actor = session.account();
    let list = app.certificates_to_manage(actor).await?;
    let counts = app.trained_referrals(actor).await?;
    let today = app.clock().now().date();
    let mut by_org: std::collections::BTreeMap<(String, String), usize> =
        std::collections::BTreeMap::new();
    for m in &list {
        let area = m
            .org_area
            .map_or_else(|| "—".into(), |a| a.name().to_owned());
        let entry = by_org.entry((m.org_name.clone(), area)).or_default();
        if m.certificate.state == CertificateState::Valid {
            *entry += 1;
        }
    }
    let rows: Vec<HelperRow> = list
        .into_iter()
        .map(|m| {
            let c = m.certificate;
            let valid = c.state == CertificateState::Valid;
            HelperRow {
                soon: valid && waymark_domain::certificate::expires_soon(today, c.expires_on),
                valid,
                code: c.code,
                holder: c.holder,
                organisation: m.org_name,
                course: c.course_title,
                expires_on: long_date(c.expires_on),
                state: state(c.state),
            }
        })
        .collect();
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = HelpersPage {
        nav: Nav::for_session(Some(&session.0)),
        everyone: actor.org_kind == waymark_domain::OrganisationKind::Coordinator,
        soon: rows.iter().filter(|r| r.soon).count(),
        rows,
        by_org: by_org
            .into_iter()
            .map(|((organisation, area), valid)| OrgCount {
                organisation,
                area,
                valid,
            })
            .collect(),
        trained: counts.trained,
        untrained: counts.untrained,
        errors,
        revoked,
    };
    Ok((status, render(&page)?).into_response())
}

/// Trained helpers: a manager's organisation's, or everyone's for a coordinator; certificates expiring
/// soon; referrals from trained and untrained helpers (counts); revoking a certificate.
async fn helpers(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<HelpersQuery>,
) -> Result<Response, WebError> {
    helpers_page(&app, &session, vec![], q.revoked.is_some()).await
}

#[derive(Deserialize, Default)]
struct RevokeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

async fn revoke(
    State(app): State<App>,
    session: Signed,
    Path(code): Path<String>,
    Form(form): Form<RevokeForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    match app
        .revoke_certificate(session.account(), &code, &form.reason)
        .await
    {
        Ok(_) => Ok(Redirect::to("/training/helpers?revoked=1").into_response()),
        Err(AppError::Invalid(m)) => {
            helpers_page(&app, &session, vec![(format!("reason-{code}"), m)], false).await
        }
        Err(e) => Err(e.into()),
    }
}
