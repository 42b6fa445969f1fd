//! The organisations and accounts most tests start from, set up through the use cases themselves.

use waymark_app::{Account, App, NewOrganisation, NewSession, SignIn};
use waymark_domain::referral::ReferralDraft;
use waymark_domain::{CaseId, Nation, Need, OrgId, OrganisationKind, Role};
use waymark_store::Backend;
use waymark_store::testing::TestDatabase;
use waymark_vault::TotpSecret;

use crate::test_app::TestApp;

/// Every account in these tests has this password (12+ characters).
pub const PASSWORD: &str = "correct horse battery staple";

/// The browser every account of the [`World`] signs in with.
pub const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

pub const ORG_A: &str = "Leeds Safe Haven";
pub const ORG_B: &str = "York Freedom Project";
pub const GROUP: &str = "St Anne's Drop-in";

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

/// The standard world on a fresh application on `db`: `TestApp::builder().world(db)`.
pub async fn world(db: &TestDatabase) -> World {
    TestApp::builder().world(db).await
}

impl World {
    /// Sets the world up on `app`.
    pub(crate) async fn on(app: App, backend: Backend) -> World {
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
            backend,
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
}

impl World {
    /// A case at organisation A: the group's helper refers `draft` to A, whose caseworker accepts it.
    pub async fn accepted_case(&self, draft: ReferralDraft) -> CaseId {
        let id = self
            .app
            .submit_referral(&self.helper, &self.org_a, draft)
            .await
            .expect("sent");
        self.app
            .accept_referral(&self.a_caseworker, &id)
            .await
            .expect("accepted")
    }
}

/// An organisation as the operator adds it, without a data-sharing policy.
pub fn new_organisation(
    name: &str,
    kind: OrganisationKind,
    nation: Nation,
    area: &str,
    needs: &[Need],
) -> NewOrganisation {
    NewOrganisation {
        name: name.into(),
        kind,
        nation: Some(nation),
        area: Some(area.into()),
        needs: needs.to_vec(),
        data_sharing_policy: None,
    }
}

/// Adds an organisation without a data-sharing policy.
pub async fn organisation(
    app: &App,
    name: &str,
    kind: OrganisationKind,
    nation: Nation,
    area: &str,
    needs: &[Need],
) -> OrgId {
    app.add_organisation(new_organisation(name, kind, nation, area, needs))
        .await
        .expect("organisation added")
}

/// Adds a support organisation in Glasgow named `name`, written in plaintext as every organisation's name
/// is: the positive control of a scan for plaintext.
pub async fn control_organisation(app: &App, name: &str) -> OrgId {
    organisation(
        app,
        name,
        OrganisationKind::SupportOrganisation,
        Nation::Scotland,
        "Glasgow City",
        &[],
    )
    .await
}

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

/// An independent decision body with two decision makers and an administrator, another decision body with
/// one decision maker, and `org_a` designated a first responder: the decision tests' cast.
pub struct Panel {
    pub org: OrgId,
    pub other: OrgId,
    pub maker: Account,
    pub second: Account,
    pub admin: Account,
    pub other_body_maker: Account,
}

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
        "Camden",
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
