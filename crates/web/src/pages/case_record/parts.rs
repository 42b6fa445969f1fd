//! The forms of each part of the case record: the person, needs, plan actions, notes, history, risk.

use super::*;

// ---- the person --------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/person.html")]
struct PersonPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) f: PersonForm,
}

#[derive(Deserialize, Default)]
pub struct PersonForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) aliases: String,
    #[serde(default)]
    pub(crate) date_of_birth: String,
    #[serde(default)]
    pub(crate) age: String,
    #[serde(default)]
    pub(crate) nationality: String,
    #[serde(default)]
    pub(crate) languages: String,
    #[serde(default)]
    pub(crate) safe_contact: String,
    #[serde(default)]
    pub(crate) never_write_to: String,
}

pub async fn person_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    // The form shows the current details: an audited read of the case.
    let c = app.case(session.account(), &id).await?;
    let p = c.person.clone().unwrap_or_default();
    let known = |s: &str| {
        if s == waymark_app::NOT_GIVEN {
            String::new()
        } else {
            s.to_owned()
        }
    };
    render(&PersonPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: c.reference.clone(),
        errors: vec![],
        f: PersonForm {
            csrf: String::new(),
            name: known(&p.name),
            aliases: p.aliases.join("\n"),
            date_of_birth: p.date_of_birth.map(iso).unwrap_or_default(),
            age: p.age.map(|a| a.to_string()).unwrap_or_default(),
            nationality: p.nationality.clone(),
            languages: p.languages.clone(),
            safe_contact: p.safe_contact.clone(),
            never_write_to: p.never_write_to.clone(),
        },
    })
}

pub async fn save_person(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<PersonForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let draft = PersonDraft {
        name: f.name.clone(),
        aliases: f.aliases.clone(),
        date_of_birth: f.date_of_birth.clone(),
        age: f.age.clone(),
        nationality: f.nationality.clone(),
        languages: f.languages.clone(),
        safe_contact: f.safe_contact.clone(),
        never_write_to: f.never_write_to.clone(),
    };
    match app.update_person(session.account(), &id, draft).await {
        Ok(()) => Ok(back_to(&id, "person")),
        Err(e) => {
            let (status, errors) = form_problem(e, "name")?;
            let header = app
                .case_header(session.account(), &id, CaseAction::UpdatePerson)
                .await?;
            Ok(with_status(
                status,
                render(&PersonPage {
                    nav: Nav::for_session(Some(&session.0)),
                    id: id.to_string(),
                    reference: header.reference,
                    errors,
                    f,
                })?,
            ))
        }
    }
}

// ---- needs -------------------------------------------------------------------------------------------------

pub struct NeedChoice {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    /// `""` (not a need), `high`, `medium` or `low`.
    pub(crate) selected: String,
}

#[derive(Template)]
#[template(path = "case/needs.html")]
struct NeedsPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) needs: Vec<NeedChoice>,
    pub(crate) note: String,
}

pub(crate) fn need_choices(selected: &HashMap<Need, String>) -> Vec<NeedChoice> {
    Need::ALL
        .iter()
        .map(|n| NeedChoice {
            id: n.as_str(),
            label: views::need(*n),
            selected: selected.get(n).cloned().unwrap_or_default(),
        })
        .collect()
}

pub async fn needs_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let c = app.case(session.account(), &id).await?;
    let (selected, note) = match &c.needs {
        Some(n) => (
            n.needs
                .iter()
                .map(|(need, u)| (*need, u.as_str().to_owned()))
                .collect(),
            n.note.clone().unwrap_or_default(),
        ),
        // Start from what the referral asked for.
        None => (
            c.referral
                .needs
                .iter()
                .map(|n| (*n, NeedUrgency::Medium.as_str().to_owned()))
                .collect(),
            String::new(),
        ),
    };
    render(&NeedsPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: c.reference.clone(),
        errors: vec![],
        needs: need_choices(&selected),
        note,
    })
}

/// The needs form: `csrf`, `note`, and `need_<id>` = `high` | `medium` | `low` | `` for each need.
pub async fn save_needs(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    session.check_csrf(&value("csrf"))?;
    let id = case_id(&id)?;
    let mut selected = HashMap::new();
    let mut needs = Vec::new();
    for (k, v) in &fields {
        if let Some(need) = k.strip_prefix("need_").and_then(|n| Need::parse(n).ok())
            && let Ok(u) = NeedUrgency::parse(v)
        {
            selected.insert(need, v.clone());
            needs.push((need, u));
        }
    }
    let note = value("note");
    match app
        .record_needs(session.account(), &id, needs, note.clone())
        .await
    {
        Ok(()) => Ok(back_to(&id, "needs")),
        Err(e) => {
            let (status, mut errors) = form_problem(e, "needs")?;
            for e in &mut errors {
                // Link the summary to the first choice; the note has its own field.
                if e.0 == "needs" {
                    e.0 = "need_emergency_accommodation";
                } else if e.0 == "needs_note" {
                    e.0 = "note";
                }
            }
            let header = app
                .case_header(session.account(), &id, CaseAction::RecordNeeds)
                .await?;
            Ok(with_status(
                status,
                render(&NeedsPage {
                    nav: Nav::for_session(Some(&session.0)),
                    id: id.to_string(),
                    reference: header.reference,
                    errors,
                    needs: need_choices(&selected),
                    note,
                })?,
            ))
        }
    }
}

// ---- plan actions, notes, history, risk: add-only forms --------------------------------------------------------

pub struct Person {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) selected: bool,
}

pub(crate) fn people(staff: &[StaffMember], selected: &str) -> Vec<Person> {
    staff
        .iter()
        .map(|s| Person {
            id: s.id.to_string(),
            name: s.display_name.clone(),
            selected: s.id.as_str() == selected,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "case/plan.html")]
struct PlanPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) title: String,
    pub(crate) due_on: String,
    pub(crate) owners: Vec<Person>,
}

#[derive(Deserialize, Default)]
pub struct PlanForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) owner: String,
    #[serde(default)]
    pub(crate) due_on: String,
}

pub(crate) async fn plan_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: PlanForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddPlanAction)
        .await?;
    let me = session.account().user_id.to_string();
    let owner = if f.owner.is_empty() { me } else { f.owner };
    render(&PlanPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        title: f.title,
        due_on: f.due_on,
        owners: people(&header.owners, &owner),
    })
}

pub async fn plan_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    plan_page(&app, &session, &id, vec![], PlanForm::default()).await
}

pub async fn add_plan_action(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<PlanForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let owner = match f.owner.as_str() {
        "" => None,
        o => Some(UserId::parse(o).map_err(|_| WebError::App(AppError::NotFound))?),
    };
    let new = NewPlanAction {
        title: f.title.clone(),
        owner,
        due_on: f.due_on.clone(),
    };
    match app.add_plan_action(session.account(), &id, new).await {
        Ok(_) => Ok(back_to(&id, "plan")),
        Err(e) => {
            let (status, errors) = form_problem(e, "title")?;
            Ok(with_status(
                status,
                plan_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    pub(crate) csrf: String,
}

pub async fn complete_plan_action(
    State(app): State<App>,
    session: Signed,
    Path((id, action)): Path<(String, String)>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let action = PlanActionId::parse(&action).map_err(|_| WebError::App(AppError::NotFound))?;
    app.complete_plan_action(session.account(), &id, &action)
        .await?;
    Ok(back_to(&id, "done"))
}

#[derive(Template)]
#[template(path = "case/note.html")]
struct NotePage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) body: String,
}

#[derive(Deserialize, Default)]
pub struct NoteForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) body: String,
}

pub(crate) async fn note_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    body: String,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddNote)
        .await?;
    render(&NotePage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        body,
    })
}

pub async fn note_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    note_page(&app, &session, &id, vec![], String::new()).await
}

pub async fn add_note(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<NoteForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app.add_note(session.account(), &id, f.body.clone()).await {
        Ok(_) => Ok(back_to(&id, "note")),
        Err(e) => {
            let (status, errors) = form_problem(e, "body")?;
            Ok(with_status(
                status,
                note_page(&app, &session, &id, errors, f.body).await?,
            ))
        }
    }
}

pub struct Choice {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) checked: bool,
}

#[derive(Template)]
#[template(path = "case/history.html")]
struct HistoryPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) kinds: Vec<Choice>,
    pub(crate) places: Vec<Choice>,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) note: String,
}

#[derive(Deserialize, Default)]
pub struct HistoryForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) exploitation_type: String,
    #[serde(default)]
    pub(crate) place: String,
    #[serde(default)]
    pub(crate) from: String,
    #[serde(default)]
    pub(crate) to: String,
    #[serde(default)]
    pub(crate) note: String,
}

pub(crate) async fn history_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: HistoryForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddHistory)
        .await?;
    render(&HistoryPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        kinds: ExploitationType::ALL
            .iter()
            .map(|t| Choice {
                id: t.as_str(),
                label: exploitation(*t),
                checked: f.exploitation_type == t.as_str(),
            })
            .collect(),
        places: ExploitationPlace::ALL
            .iter()
            .map(|p| Choice {
                id: p.as_str(),
                label: place(*p),
                checked: f.place == p.as_str(),
            })
            .collect(),
        from: f.from,
        to: f.to,
        note: f.note,
    })
}

pub async fn history_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    history_page(&app, &session, &id, vec![], HistoryForm::default()).await
}

pub async fn add_history(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<HistoryForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let (kind, place) = match (
        ExploitationType::parse(&f.exploitation_type),
        ExploitationPlace::parse(&f.place),
    ) {
        (Ok(k), Ok(p)) => (k, p),
        (k, _) => {
            let field = if k.is_err() {
                "exploitation_type"
            } else {
                "place-uk"
            };
            let problem = if k.is_err() {
                "Choose the kind of exploitation"
            } else {
                "Choose whether it happened in the UK or abroad"
            };
            return Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                history_page(&app, &session, &id, vec![(field, problem.into())], f).await?,
            ));
        }
    };
    let new = NewHistory {
        kind,
        place,
        from: f.from.clone(),
        to: f.to.clone(),
        note: f.note.clone(),
    };
    match app.add_history(session.account(), &id, new).await {
        Ok(_) => Ok(back_to(&id, "history")),
        Err(e) => {
            let (status, mut errors) = form_problem(e, "note")?;
            for e in &mut errors {
                if e.0 == "history_note" {
                    e.0 = "note";
                }
            }
            Ok(with_status(
                status,
                history_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "case/risk.html")]
struct RiskPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
    pub(crate) levels: Vec<Choice>,
    pub(crate) reasons: String,
}

#[derive(Deserialize, Default)]
pub struct RiskForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) level: String,
    #[serde(default)]
    pub(crate) reasons: String,
}

pub(crate) async fn risk_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: RiskForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::RecordRisk)
        .await?;
    render(&RiskPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        levels: RiskLevel::ALL
            .iter()
            .rev()
            .map(|l| Choice {
                id: l.as_str(),
                label: risk(*l),
                checked: f.level == l.as_str(),
            })
            .collect(),
        reasons: f.reasons,
    })
}

pub async fn risk_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    risk_page(&app, &session, &id, vec![], RiskForm::default()).await
}

pub async fn record_risk(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<RiskForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let Ok(level) = RiskLevel::parse(&f.level) else {
        return Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            risk_page(
                &app,
                &session,
                &id,
                vec![("level-high", "Choose the level of risk".into())],
                f,
            )
            .await?,
        ));
    };
    match app
        .record_risk(session.account(), &id, level, f.reasons.clone())
        .await
    {
        Ok(_) => Ok(back_to(&id, "risk")),
        Err(e) => {
            let (status, errors) = form_problem(e, "reasons")?;
            Ok(with_status(
                status,
                risk_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}
