//! `waymark demo`: a fresh SQLite database with its own master key, filled with clearly fictional
//! organisations and accounts, served at once. Nothing in it is real, and (unless `--data-dir` is given) it
//! lives in a temporary folder that is deleted when the demo stops.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use tokio::net::TcpListener;
use waymark_app::{App, DatabaseUrl, NewOrganisation, Store};
use waymark_domain::staff_security::two_factor_required;
use waymark_domain::{Nation, Need, OrgId, OrganisationKind, Role};
use waymark_vault::MasterKey;

use crate::{blocking, empty_or_missing};

/// A fictional organisation of the demo.
struct DemoOrg {
    name: &'static str,
    kind: OrganisationKind,
    nation: Option<Nation>,
    area: Option<&'static str>,
    needs: &'static [Need],
    /// A designated first responder (formal referrals, anonymous notifications).
    first_responder: bool,
}

const CHURCH: usize = 0;
const HARBOUR: usize = 1;
const LANTERN: usize = 2;
const PANEL: usize = 3;

const ORGS: [DemoOrg; 4] = [
    DemoOrg {
        name: "St Brigid's Community Church (fictional)",
        kind: OrganisationKind::CommunityGroup,
        nation: Some(Nation::EnglandWales),
        area: Some("Leeds"),
        needs: &[],
        first_responder: false,
    },
    DemoOrg {
        name: "Harbour Light Support (fictional)",
        kind: OrganisationKind::SupportOrganisation,
        nation: Some(Nation::EnglandWales),
        area: Some("Leeds"),
        needs: &[
            Need::SafeHousing,
            Need::EmergencyAccommodation,
            Need::Medical,
            Need::Interpreter,
            Need::LegalAdvice,
        ],
        first_responder: true,
    },
    DemoOrg {
        name: "Northern Lantern Trust (fictional)",
        kind: OrganisationKind::SupportOrganisation,
        nation: Some(Nation::Scotland),
        area: Some("Glasgow City"),
        needs: &[
            Need::MentalHealth,
            Need::ImmigrationAdvice,
            Need::MoneyAndFood,
            Need::EducationAndWork,
        ],
        first_responder: false,
    },
    DemoOrg {
        name: "Independent Decision Panel (fictional)",
        kind: OrganisationKind::DecisionBody,
        nation: Some(Nation::EnglandWales),
        area: None,
        needs: &[],
        first_responder: false,
    },
];

/// Northern Lantern's own data-sharing policy (fictional), in English and in Arabic, so that the
/// self-referral's last question shows all three cases: on `/ar/help` its own Arabic text; in the other
/// languages its English text under a note that it is not yet translated; Harbour Light keeps Waymark's
/// default policy, shown translated in every language.
const LANTERN_POLICY: [(&str, &str); 2] = [
    (
        "en",
        "Northern Lantern Trust (a fictional organisation) keeps your details encrypted. Only your \
         support worker and their manager can read them. We share them with nobody unless you agree, \
         except where someone is in immediate danger. You can ask us to delete them at any time.",
    ),
    (
        "ar",
        "تحفظ مؤسسة Northern Lantern Trust (مؤسسة خيالية) بياناتك مشفّرة. لا يستطيع قراءتها إلا \
         مسؤول الدعم الخاص بك ومديره. لا نشاركها مع أحد إلا إذا وافقت، باستثناء الحالات التي يكون فيها \
         شخص ما في خطر مباشر. يمكنك أن تطلب منا حذفها في أي وقت.",
    ),
];

/// The one demo account that must use a second factor but has none yet: it enrols at its first sign-in
/// (the QR code page), so that path can be tried and tested.
pub(crate) const NOT_ENROLLED: &str = "manager@harbour.example";

/// A fictional account: its organisation (an index into [`ORGS`]), email, display name and role.
const USERS: [(usize, &str, &str, Role); 8] = [
    (CHURCH, "helper@church.example", "Demo Helper", Role::Helper),
    (
        HARBOUR,
        "caseworker@harbour.example",
        "Demo Caseworker (Harbour Light)",
        Role::Caseworker,
    ),
    // A second caseworker: an organisation rarely has one, and the browser tests sign in as both (a
    // second factor's code is good once, so one account signing in twice waits for the next code).
    (
        HARBOUR,
        "duty@harbour.example",
        "Demo Duty Caseworker (Harbour Light)",
        Role::Caseworker,
    ),
    (
        HARBOUR,
        "manager@harbour.example",
        "Demo Manager (Harbour Light)",
        Role::Manager,
    ),
    (
        LANTERN,
        "caseworker@lantern.example",
        "Demo Caseworker (Northern Lantern)",
        Role::Caseworker,
    ),
    (
        PANEL,
        "caseworker@panel.example",
        "Demo Decision Maker",
        Role::Caseworker,
    ),
    // A second decision maker: a negative reasonable-grounds decision takes effect only when another
    // decision maker agrees.
    (
        PANEL,
        "manager@panel.example",
        "Demo Second Reviewer (Decision Panel)",
        Role::Manager,
    ),
    (
        HARBOUR,
        "admin@harbour.example",
        "Demo Administrator (Harbour Light)",
        Role::Admin,
    ),
];

pub(crate) async fn run(
    data_dir: Option<PathBuf>,
    listener: TcpListener,
    clock_control: bool,
) -> anyhow::Result<()> {
    // The temporary folder is removed when `temporary` drops: after the server has stopped.
    let (dir, temporary) = match data_dir {
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                bail!("--data-dir {} is a file, not a folder", dir.display());
            }
            if !empty_or_missing(&dir)? {
                bail!(
                    "--data-dir {} is not empty: the demo needs an empty or new folder, so it never \
                     touches a real database",
                    dir.display()
                );
            }
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create the folder {}", dir.display()))?;
            (dir, None)
        }
        None => {
            let temporary = tempfile::Builder::new()
                .prefix("waymark-demo-")
                .tempdir()
                .context("cannot create a temporary folder for the demo")?;
            (temporary.path().to_owned(), Some(temporary))
        }
    };

    let url = DatabaseUrl::Sqlite(dir.join("waymark.db"));
    let key_file = dir.join("master.key");
    let app = blocking(move || -> anyhow::Result<App> {
        let master = MasterKey::create_file(&key_file)?;
        let (store, _) = Store::open_and_migrate(&url)?;
        Ok(App::with_key(store, master)?)
    })
    .await??;
    let app = if clock_control {
        app.with_controllable_clock()
    } else {
        app
    };

    let logins = seed(&app).await?;

    let mut out = std::io::stdout().lock();
    writeln!(out, "Waymark demo")?;
    writeln!(
        out,
        "WARNING: every organisation, person and login here is fictional. Do not enter real people's details."
    )?;
    if temporary.is_some() {
        writeln!(
            out,
            "WARNING: the database is temporary ({}): it is deleted when the demo stops.",
            dir.display()
        )?;
    } else {
        writeln!(
            out,
            "WARNING: the database in {} is for trying Waymark out only: delete the folder when done.",
            dir.display()
        )?;
    }
    writeln!(
        out,
        "One-time logins (new passwords every run; totp: is the key for an authenticator app; \
         {NOT_ENROLLED} sets up its own at first sign-in):"
    )?;
    for line in &logins {
        writeln!(out, "{line}")?;
    }
    drop(out);

    crate::serve(app, listener).await
}

/// Adds the fictional organisations and accounts; returns one login line per account.
async fn seed(app: &App) -> anyhow::Result<Vec<String>> {
    // Every public page names who runs the service: here, clearly nobody real.
    app.set_operator(waymark_domain::operator::Operator::parse(
        "Waymark demo (a fictional operator)",
        "privacy@waymark-demo.example",
    )?)
    .await
    .context("cannot name the demo's operator")?;
    let mut ids: Vec<OrgId> = Vec::with_capacity(ORGS.len());
    for org in &ORGS {
        let id = app
            .add_organisation_with(
                NewOrganisation {
                    name: org.name.to_owned(),
                    kind: org.kind,
                    nation: org.nation,
                    area: org.area.map(str::to_owned),
                    needs: org.needs.to_vec(),
                    data_sharing_policy: None,
                },
                org.first_responder,
            )
            .await
            .with_context(|| format!("cannot add the demo organisation {}", org.name))?;
        ids.push(id);
    }
    for (lang, text) in LANTERN_POLICY {
        app.set_organisation_policy(&ids[LANTERN], lang, text)
            .await
            .with_context(|| format!("cannot set the demo policy in {lang}"))?;
    }
    let mut logins = Vec::with_capacity(USERS.len());
    for &(org, email, display_name, role) in &USERS {
        let password = waymark_vault::new_secret();
        app.add_user(&ids[org], email, display_name, role, &password)
            .await
            .with_context(|| format!("cannot add the demo account {email}"))?;
        // Accounts that must use a second factor come with one already set up (its key printed, so an
        // authenticator app or a test can make codes) — except one, left to enrol at its first sign-in.
        let required = two_factor_required(role, ORGS[org].kind);
        let totp = if required && email != NOT_ENROLLED {
            let setup = app
                .set_up_two_factor(email)
                .await
                .with_context(|| format!("cannot set up two-factor sign-in for {email}"))?;
            format!(" totp:{}", setup.secret_base32)
        } else {
            String::new()
        };
        logins.push(format!(
            "  login: {email} {password}{totp} ({role} at {})",
            ORGS[org].name
        ));
    }
    Ok(logins)
}
