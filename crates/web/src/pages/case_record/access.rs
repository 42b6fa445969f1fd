//! Who may open a case: assigning it, and breaking the glass (with a reason, for an hour).

use super::*;

// ---- assignment and breaking the glass ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/assign.html")]
struct AssignPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) people: Vec<Person>,
}

#[derive(Deserialize, Default)]
pub struct AssignForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) assignee: String,
}

pub(crate) async fn assign_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::Assign)
        .await?;
    let current = header
        .assigned_to
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    render(&AssignPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        people: people(&header.assignees, &current),
    })
}

pub async fn assign_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    assign_page(&app, &session, &id, vec![]).await
}

pub async fn assign(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let result = match UserId::parse(&f.assignee) {
        Ok(to) => app.assign_case(session.account(), &id, &to).await,
        Err(_) => Err(AppError::Case(CaseError::Field {
            field: "assignee",
            problem: "Choose a caseworker or manager of your organisation",
        })),
    };
    match result {
        Ok(()) => Ok(back_to(&id, "assigned")),
        Err(e) => {
            let (status, errors) = form_problem(e, "assignee")?;
            Ok(with_status(
                status,
                assign_page(&app, &session, &id, errors).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "case/break_glass.html")]
struct BreakGlassPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) reason: String,
    pub(crate) minutes: i64,
}

#[derive(Deserialize, Default)]
pub struct BreakGlassForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) reason: String,
}

pub(crate) async fn break_glass_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    reason: String,
) -> Result<Response, WebError> {
    match app.break_glass_header(session.account(), id).await {
        Ok(header) => render(&BreakGlassPage {
            nav: Nav::for_session(Some(&session.0)),
            id: id.to_string(),
            reference: header.reference,
            errors,
            reason,
            minutes: waymark_domain::case::BREAK_GLASS_MINUTES,
        }),
        // Someone who can already open the case goes straight to it.
        Err(AppError::Conflict(_)) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn break_glass_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    break_glass_page(&app, &session, &id, vec![], String::new()).await
}

pub async fn break_glass(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<BreakGlassForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app.break_glass(session.account(), &id, &f.reason).await {
        Ok(_) => Ok(back_to(&id, "access")),
        Err(AppError::Conflict(_)) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e) => {
            let (status, errors) = form_problem(e, "reason")?;
            Ok(with_status(
                status,
                break_glass_page(&app, &session, &id, errors, f.reason).await?,
            ))
        }
    }
}
