//! The organisations and accounts most tests start from, set up through the use cases themselves.

use waymark_app::{Account, App, NewOrganisation, NewSession, SignIn};
use waymark_domain::referral::ReferralDraft;
use waymark_domain::{
    AgeBand, FirstContact, Indicator, Nation, Need, OrgId, OrganisationKind, Role, UserId,
};
use waymark_store::testing::TestDatabase;
use waymark_store::{AuditEntry, Backend};
use waymark_vault::{MasterKey, TotpSecret};

/// Every account in these tests has this password (12+ characters).
pub const PASSWORD: &str = "correct horse battery staple";

/// Support organisation A (Leeds), support organisation B (York) and a community group, with an account
/// for each role a test needs, each signed in.
pub struct World {
    pub backend: Backend,
    pub app: App,
    pub org_a: OrgId,
    pub org_b: OrgId,
    pub group: OrgId,
    pub a_caseworker: Account,
    pub a_manager: Account,
    pub a_admin: Account,
    pub b_caseworker: Account,
    pub b_manager: Account,
    pub helper: Account,
}

pub const ORG_A: &str = "Leeds Safe Haven";
pub const ORG_B: &str = "York Freedom Project";
pub const GROUP: &str = "St Anne's Drop-in";

pub async fn world(db: &TestDatabase) -> World {
    let app = App::with_key(db.store.clone(), MasterKey::generate()).expect("app");
    let org_a = organisation(
        &app,
        ORG_A,
        OrganisationKind::SupportOrganisation,
        Nation::EnglandWales,
        "Leeds",
        &[Need::SafeHousing, Need::Medical],
    )
    .await;
    let org_b = organisation(
        &app,
        ORG_B,
        OrganisationKind::SupportOrganisation,
        Nation::EnglandWales,
        "York",
        &[Need::SafeHousing],
    )
    .await;
    let group = organisation(
        &app,
        GROUP,
        OrganisationKind::CommunityGroup,
        Nation::EnglandWales,
        "Leeds",
        &[],
    )
    .await;
    World {
        backend: db.backend(),
        a_caseworker: account(&app, &org_a, "caseworker@a.example.org", Role::Caseworker).await,
        a_manager: account(&app, &org_a, "manager@a.example.org", Role::Manager).await,
        a_admin: account(&app, &org_a, "admin@a.example.org", Role::Admin).await,
        b_caseworker: account(&app, &org_b, "caseworker@b.example.org", Role::Caseworker).await,
        b_manager: account(&app, &org_b, "manager@b.example.org", Role::Manager).await,
        helper: account(&app, &group, "helper@group.example.org", Role::Helper).await,
        app,
        org_a,
        org_b,
        group,
    }
}

pub async fn organisation(
    app: &App,
    name: &str,
    kind: OrganisationKind,
    nation: Nation,
    area: &str,
    needs: &[Need],
) -> OrgId {
    app.add_organisation(NewOrganisation {
        name: name.into(),
        kind,
        nation: Some(nation),
        area: Some(area.into()),
        needs: needs.to_vec(),
        data_sharing_policy: None,
    })
    .await
    .expect("organisation added")
}

/// The browser every test signs in with.
pub const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// Adds an account and signs it in (enrolling a second factor where its role needs one).
pub async fn account(app: &App, org: &OrgId, email: &str, role: Role) -> Account {
    app.add_user(org, email, "Test person", role, PASSWORD)
        .await
        .expect("user added");
    sign_in_new(app, email).await.session.account
}

/// Signs in an account that has no second factor yet: with its password alone where its role allows,
/// else through enrolment, with a code from the secret the enrolment page shows.
pub async fn sign_in_new(app: &App, email: &str) -> NewSession {
    match app.login(email, PASSWORD, BROWSER).await.expect("password") {
        SignIn::SignedIn(session) => session,
        SignIn::EnrolmentNeeded { pending } => {
            let view = app
                .pending_sign_in(&pending)
                .await
                .expect("pending")
                .expect("a live pending sign-in");
            let enrolment = view.enrolment.expect("an enrolment offer");
            let secret = TotpSecret::from_base32(&enrolment.secret_base32).expect("base32");
            let code = secret.code_at(app.clock().unix_seconds());
            app.confirm_enrolment(&pending, &code, BROWSER)
                .await
                .expect("enrols")
                .session
        }
        SignIn::CodeNeeded { .. } => panic!("{email} already has a second factor"),
    }
}

/// A consenting adult's referral.
pub fn adult(name: &str, contact: &str, language: &str) -> ReferralDraft {
    ReferralDraft {
        name: name.into(),
        contact: contact.into(),
        language: language.into(),
        age: AgeBand::Adult,
        nation: Nation::EnglandWales,
        area: Some("Leeds".into()),
        needs: [Need::SafeHousing, Need::Interpreter].into(),
        indicators: [Indicator::DebtBondage, Indicator::RetentionOfDocuments].into(),
        first_contact: FirstContact::FaithGroup,
        consent_given: true,
        children_services_notified: None,
    }
}

/// A plain consenting adult's referral.
pub fn amina() -> ReferralDraft {
    adult(
        "Amina Haile",
        "Through the drop-in, Tuesdays 2pm",
        "Tigrinya",
    )
}

/// The audit trail of one record: (action, actor) in order.
pub fn trail(db: &TestDatabase, record_id: &str) -> Vec<(String, String)> {
    entries(db, record_id)
        .into_iter()
        .map(|e| (e.action, e.actor))
        .collect()
}

pub fn entries(db: &TestDatabase, record_id: &str) -> Vec<AuditEntry> {
    let id = record_id.to_owned();
    db.store
        .run_blocking(move |tx| tx.audit_for(&id))
        .expect("audit entries")
}

/// `(action, actor)` pairs, for comparing with [`trail`].
pub fn by(actions: &[(&str, &UserId)]) -> Vec<(String, String)> {
    actions
        .iter()
        .map(|(a, u)| ((*a).to_owned(), u.as_str().to_owned()))
        .collect()
}

/// An independent decision body with two decision makers and an administrator, another decision body with
/// one decision maker, and `org_a` designated a first responder: the decision tests' cast. (Not every
/// test binary that includes this file uses it.)
#[allow(dead_code)]
pub struct Panel {
    pub org: OrgId,
    pub other: OrgId,
    pub maker: Account,
    pub second: Account,
    pub admin: Account,
    pub other_body_maker: Account,
}

#[allow(dead_code)]
pub async fn panel(w: &World) -> Panel {
    let app = &w.app;
    app.set_first_responder(&w.org_a, true)
        .await
        .expect("designated");
    let org = organisation(
        app,
        "Independent Decision Panel (fictional)",
        OrganisationKind::DecisionBody,
        Nation::EnglandWales,
        "London",
        &[],
    )
    .await;
    let other = organisation(
        app,
        "Another Panel (fictional)",
        OrganisationKind::DecisionBody,
        Nation::EnglandWales,
        "Cardiff",
        &[],
    )
    .await;
    Panel {
        maker: account(app, &org, "maker@panel.example", Role::Caseworker).await,
        second: account(app, &org, "manager@panel.example", Role::Manager).await,
        admin: account(app, &org, "admin@panel.example", Role::Admin).await,
        other_body_maker: account(app, &other, "maker@other.example", Role::Caseworker).await,
        org,
        other,
    }
}
