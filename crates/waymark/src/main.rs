//! `waymark`: the one binary. It serves the web application, runs a throw-away demo, migrates the database
//! and carries the operator's commands (organisations, users, API tokens, the master key, the audit log).
//!
//! Every command reports a problem as one line on standard error, `error: …`, and exits with 1 (clap's
//! own usage errors exit with 2; `audit verify` exits with 3 when the chain is broken). Nothing here logs
//! personal data: passwords are read from standard input and never echoed, tokens are printed once.

// Printing is this program's job: the workspace denies it everywhere else.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod demo;
mod retention;

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::net::{SocketAddr, ToSocketAddrs as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};
use clap::{Args, Parser, Subcommand};
use waymark_app::{App, AppError, DatabaseUrl, NewOrganisation, Store, StoreError};
use waymark_domain::operator::Operator;
use waymark_domain::vocabulary::parse_list;
use waymark_domain::{Nation, Need, OrgId, OrganisationKind, Role};
use waymark_vault::MasterKey;

const DEFAULT_DATABASE_URL: &str = "sqlite://./waymark-data/waymark.db";
const DEFAULT_KEY_FILE: &str = "./waymark-data/master.key";
const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// The exit code of `audit verify` when the chain is broken (1 means it could not be checked at all).
const EXIT_AUDIT_BROKEN: u8 = 3;

/// Waymark: routes survivors of human trafficking into safe support.
#[derive(Debug, Parser)]
#[command(name = "waymark", version, max_term_width = 100)]
struct Cli {
    #[command(flatten)]
    place: Place,
    #[command(subcommand)]
    command: Command,
}

/// Where the database and its master key are (every command but `demo`, which makes its own).
#[derive(Debug, Args)]
struct Place {
    /// The database: sqlite://PATH or postgres://USER:PASSWORD@HOST/NAME
    #[arg(
        long,
        global = true,
        env = "WAYMARK_DATABASE_URL",
        default_value = DEFAULT_DATABASE_URL,
        hide_env_values = true,
        help_heading = "Where the data is",
        value_name = "URL"
    )]
    database_url: String,
    /// The master key file (made by `waymark key init`). Keep it apart from the database and its backups.
    #[arg(
        long,
        global = true,
        env = "WAYMARK_MASTER_KEY_FILE",
        default_value = DEFAULT_KEY_FILE,
        hide_env_values = true,
        help_heading = "Where the data is",
        value_name = "PATH"
    )]
    key_file: PathBuf,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application.
    Serve {
        /// The address to listen on (port 0 picks a free port).
        #[arg(long, default_value = DEFAULT_BIND, value_name = "ADDR")]
        bind: String,
    },
    /// Try Waymark out: a fresh database with fictional organisations and one-time logins.
    ///
    /// Makes a new SQLite database and master key in a temporary folder (deleted when the demo stops) or
    /// in --data-dir, adds clearly fictional organisations and accounts, prints their logins and serves.
    /// Ignores --database-url and --key-file, so it never touches a real database.
    Demo {
        /// The address to listen on (port 0 picks a free port).
        #[arg(long, default_value = DEFAULT_BIND, value_name = "ADDR")]
        bind: String,
        /// Keep the demo's database and key here (an empty or new folder) instead of a temporary folder
        /// that is deleted when the demo stops.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Let `POST /demo/clock {"days": N}` move the application's clock forward, to reach a
        /// statutory date (the earliest conclusive decision, a reply deadline) in browser tests.
        #[arg(long)]
        clock_control: bool,
    },
    /// Create the database, or bring its schema up to date.
    Migrate,
    /// Organisations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// User accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The master key.
    #[command(subcommand)]
    Key(KeyCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Retention: erasing closed cases whose organisation's retention period has ended.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Who runs this deployment: the name and contact every public page's footer and the privacy
    /// notice give. Without options, prints them.
    Operator {
        /// The organisation that runs this deployment.
        #[arg(long, requires = "contact")]
        name: Option<String>,
        /// How to reach it about this service and its data (an email address, phone number or
        /// postal address, on one line).
        #[arg(long, requires = "name")]
        contact: Option<String>,
    },
    /// The UK's local authority areas a referral or an organisation may name (ONS codes, December 2024):
    /// one a line, `CODE<TAB>NAME<TAB>NATION`. Needs no database.
    Areas {
        /// Only this nation's: england_wales, scotland or northern_ireland
        #[arg(long)]
        nation: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum RetentionCommand {
    /// Erase every closed case whose retention period has ended, now (for cron; `serve` also does it
    /// hourly). Prints how many were erased.
    Run,
}

#[derive(Debug, Subcommand)]
enum OrgCommand {
    /// Add an organisation; prints its id on the last line.
    Add {
        /// Its name, as people will see it.
        #[arg(long)]
        name: String,
        /// community_group, support_organisation, decision_body or coordinator
        #[arg(long)]
        kind: String,
        /// england_wales, scotland or northern_ireland
        #[arg(long)]
        nation: Option<String>,
        /// Its local authority area: an ONS code (E08000035) or exact name (Leeds), in its nation; `waymark
        /// areas` lists them.
        #[arg(long)]
        area: Option<String>,
        /// The needs it meets, comma-separated.
        #[arg(long, value_name = "NEED,…", long_help = needs_help())]
        needs: Option<String>,
        /// Its data-sharing policy, shown to people before they consent (default: Waymark's own).
        #[arg(long, value_name = "TEXT")]
        policy: Option<String>,
        /// A designated first responder: its caseworkers and managers may make formal referrals to the
        /// decision body and anonymous notifications (support organisations only).
        #[arg(long)]
        first_responder: bool,
    },
    /// Designate a support organisation a first responder (--yes), or withdraw it (--no).
    FirstResponder {
        /// The organisation's id (from `waymark org add`).
        #[arg(long, value_name = "ID")]
        org: String,
        /// It is a first responder.
        #[arg(long, conflicts_with = "no", required_unless_present = "no")]
        yes: bool,
        /// It is not (any more).
        #[arg(long)]
        no: bool,
    },
    /// Require a valid training certificate before helpers may refer to the organisation (--yes), or
    /// stop requiring it (--no).
    RequireTraining {
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// Require it.
        #[arg(long, conflicts_with = "no", required_unless_present = "no")]
        yes: bool,
        /// Do not (any more).
        #[arg(long)]
        no: bool,
    },
    /// Set how many days the organisation keeps a closed case before it is erased (30 to 9125; the
    /// default is 2190, six years).
    Retention {
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        #[arg(long, value_name = "N")]
        days: i64,
    },
    /// Set the organisation's data-sharing policy in one language: `en` replaces its main text, any
    /// other language of the public pages (sq, ar, fa, ro, ti, vi) gives it in that language, so a
    /// person who asks for help in it reads what they agree to in it. 1 to 5,000 characters.
    Policy {
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// en, sq, ar, fa, ro, ti or vi
        #[arg(long, value_name = "CODE")]
        lang: String,
        /// Read the policy from this UTF-8 file (`-`: standard input).
        #[arg(
            long,
            value_name = "FILE",
            conflicts_with = "text",
            required_unless_present = "text"
        )]
        file: Option<PathBuf>,
        /// The policy itself.
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add an account; the password is read from standard input. Prints the user's id on the last line.
    Add {
        /// The organisation's id (from `waymark org add`).
        #[arg(long, value_name = "ID")]
        org: String,
        /// The sign-in email address.
        #[arg(long)]
        email: String,
        /// helper, caseworker, manager or admin
        #[arg(long)]
        role: String,
        /// The name shown to colleagues (default: the email).
        #[arg(long, value_name = "DISPLAY NAME")]
        name: Option<String>,
        /// Read the password (at least 12 characters) from the first line of standard input. Required:
        /// a password on the command line would be seen by every user of the machine.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create an API bearer token for an account; prints it, once, on the last line.
    Create {
        /// The account's email.
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum KeyCommand {
    /// Create a new master key file (never overwrites one); prints the key's id.
    Init,
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Recompute the audit log's hash chain; exits with 3 and names the first bad entry if it is broken.
    Verify,
}

fn needs_help() -> String {
    let ids: Vec<&str> = Need::ALL.iter().map(|n| n.as_str()).collect();
    format!(
        "The needs it meets, comma-separated, from: {}",
        ids.join(", ")
    )
}

/// How a command ended, when it did not fail.
enum Outcome {
    Done,
    /// Ran correctly, and found something wrong: exit with this code.
    Exit(u8),
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match run(cli).await {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Exit(code)) => ExitCode::from(code),
        Err(e) => {
            drop(std::io::stdout().flush());
            eprintln!("error: {}", one_line(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error; `RUST_LOG` overrides the default of `info` for Waymark, `warn` for the rest.
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new(
            "warn,r2d2=off,waymark=info,waymark_app=info,waymark_web=info,waymark_store=info,\
             waymark_vault=info,waymark_domain=info",
        )
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Error messages are one line, whatever a database driver puts in them.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let place = cli.place;
    match cli.command {
        Command::Serve { bind } => {
            let addrs = bind_addresses(&bind)?;
            let app = open_app(&place).await?;
            if !app.operator().await?.named() {
                tracing::warn!(
                    "no operator is named: every public page says so; name who runs this service \
                     with `waymark operator --name NAME --contact CONTACT`"
                );
            }
            let listener = bind_listener(&bind, &addrs).await?;
            serve(app, listener).await?;
        }
        Command::Demo {
            bind,
            data_dir,
            clock_control,
        } => {
            let listener = bind_listener(&bind, &bind_addresses(&bind)?).await?;
            demo::run(data_dir, listener, clock_control).await?;
        }
        Command::Areas { nation } => {
            let nation = nation
                .as_deref()
                .map(str::trim)
                .map(Nation::parse)
                .transpose()?;
            let mut out = std::io::stdout().lock();
            for a in
                waymark_domain::area::Area::all().filter(|a| nation.is_none_or(|n| a.nation() == n))
            {
                writeln!(out, "{}\t{}\t{}", a.code(), a.name(), a.nation())?;
            }
        }
        Command::Migrate => {
            let url = database_url(&place)?;
            let shown = url.redacted();
            let applied = blocking(move || Store::open_and_migrate(&url).map(|(_, n)| n))
                .await?
                .with_context(|| format!("cannot migrate {shown}"))?;
            println!(
                "{applied} migration{} applied to {shown}",
                if applied == 1 { "" } else { "s" }
            );
        }
        Command::Org(OrgCommand::Add {
            name,
            kind,
            nation,
            area,
            needs,
            policy,
            first_responder,
        }) => {
            let new = NewOrganisation {
                kind: OrganisationKind::parse(kind.trim())?,
                nation: nation
                    .as_deref()
                    .map(str::trim)
                    .map(Nation::parse)
                    .transpose()?,
                needs: match needs.as_deref() {
                    Some(list) => parse_list::<Need>(list)?,
                    None => Vec::new(),
                },
                name,
                area,
                data_sharing_policy: policy,
            };
            let app = open_app(&place).await?;
            let (name, kind) = (new.name.trim().to_owned(), new.kind);
            let id = app.add_organisation_with(new, first_responder).await?;
            println!(
                "added organisation \"{name}\" ({kind}{})",
                if first_responder {
                    ", first responder"
                } else {
                    ""
                }
            );
            println!("{id}");
        }
        Command::Org(OrgCommand::FirstResponder { org, yes, no: _ }) => {
            let org = OrgId::parse(org.trim())?;
            let app = open_app(&place).await?;
            app.set_first_responder(&org, yes).await?;
            let name = app.organisation(&org).await?.name;
            if yes {
                println!("\"{name}\" is now a first responder");
            } else {
                println!("\"{name}\" is no longer a first responder");
            }
        }
        Command::Org(OrgCommand::RequireTraining { org, yes, no: _ }) => {
            let org = OrgId::parse(org.trim())?;
            let app = open_app(&place).await?;
            app.set_requires_training(&org, yes).await?;
            let name = app.organisation(&org).await?.name;
            if yes {
                println!(
                    "\"{name}\" now accepts referrals only from helpers with a valid training certificate"
                );
            } else {
                println!(
                    "\"{name}\" accepts referrals from helpers without a training certificate"
                );
            }
        }
        Command::Org(OrgCommand::Retention { org, days }) => {
            let org = OrgId::parse(org.trim())?;
            let app = open_app(&place).await?;
            let days = app.set_retention_for(&org, days).await?;
            println!("organisation {org} keeps closed cases {days} days");
        }
        Command::Org(OrgCommand::Policy {
            org,
            lang,
            file,
            text,
        }) => {
            let org = OrgId::parse(org.trim())?;
            let text = match (text, file) {
                (Some(text), _) => text,
                (None, Some(file)) => read_text(&file)?,
                (None, None) => bail!("give the policy with --file FILE or --text TEXT"),
            };
            let app = open_app(&place).await?;
            let set = app.set_organisation_policy(&org, &lang, &text).await?;
            let name = app.organisation(&org).await?.name;
            let what = if set.lang == "en" {
                "main (English) data-sharing policy"
            } else {
                "data-sharing policy"
            };
            let how = if set.replaced { "replaced" } else { "set" };
            println!("\"{name}\": {what} in {} {how}", set.lang);
            if !set.translations_to_check.is_empty() {
                println!(
                    "its policy in {} was written for the earlier English text: check it and set it \
                     again with `waymark org policy --org {org} --lang CODE --file FILE`",
                    set.translations_to_check.join(", ")
                );
            }
        }
        Command::Operator { name, contact } => {
            let app = open_app(&place).await?;
            if let (Some(name), Some(contact)) = (name, contact) {
                app.set_operator(Operator::parse(&name, &contact)?).await?;
            }
            let o = app.operator().await?;
            match (o.name, o.contact) {
                (Some(name), Some(contact)) => println!("operator: {name}\ncontact: {contact}"),
                _ => println!(
                    "no operator named yet: every public page says so; set one with \
                     `waymark operator --name NAME --contact CONTACT`"
                ),
            }
        }
        Command::Retention(RetentionCommand::Run) => {
            let app = open_app(&place).await?;
            let run = app.run_retention().await?;
            println!(
                "{} closed case{} erased",
                run.erased.len(),
                if run.erased.len() == 1 { "" } else { "s" }
            );
        }
        Command::User(UserCommand::Add {
            org,
            email,
            role,
            name,
            password_stdin: _,
        }) => {
            let org = OrgId::parse(org.trim())?;
            let role = Role::parse(role.trim())?;
            let password = read_password()?;
            let app = open_app(&place).await?;
            let id = app
                .add_user(&org, &email, name.as_deref().unwrap_or(""), role, &password)
                .await?;
            println!("added {role} account to organisation {org}");
            println!("{id}");
        }
        Command::Token(TokenCommand::Create { email }) => {
            let app = open_app(&place).await?;
            let token = app.create_token(&email).await?;
            println!("API token (shown once; send it as `Authorization: Bearer TOKEN`):");
            println!("{token}");
        }
        Command::Key(KeyCommand::Init) => {
            let path = place.key_file;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create the folder {}", dir.display()))?;
            }
            let key = MasterKey::create_file(&path)?;
            println!(
                "created master key file {}: back it up apart from the database; without it the data \
                 cannot be read",
                path.display()
            );
            println!("{}", key.id());
        }
        Command::Audit(AuditCommand::Verify) => {
            let app = open_app(&place).await?;
            let report = app.verify_audit().await?;
            match report.first_bad {
                None => println!("audit log intact: {} entries", report.entries),
                Some(seq) => {
                    drop(std::io::stdout().flush());
                    eprintln!(
                        "error: audit log broken at entry {seq}: it does not match the chain (an entry was \
                         altered, removed or inserted); {} entries in the log",
                        report.entries
                    );
                    return Ok(Outcome::Exit(EXIT_AUDIT_BROKEN));
                }
            }
        }
    }
    Ok(Outcome::Done)
}

fn database_url(place: &Place) -> anyhow::Result<DatabaseUrl> {
    Ok(DatabaseUrl::parse(place.database_url.trim())?)
}

/// Opens the database with its master key: refuses a missing database and a key it was not sealed with.
async fn open_app(place: &Place) -> anyhow::Result<App> {
    let url = database_url(place)?;
    let shown = url.redacted();
    let key_file = place.key_file.clone();
    match blocking(move || App::open(&url, &key_file)).await? {
        Ok(app) => Ok(app),
        // Most likely a database (or PostgreSQL schema) that was never migrated.
        Err(e @ AppError::Store(StoreError::Query(_))) => Err(anyhow::Error::new(e).context(
            format!("cannot open the database at {shown} (has `waymark migrate` run on it?)"),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Runs blocking work (opening pools, hashing, migrating) off the async workers.
async fn blocking<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> anyhow::Result<R> {
    tokio::task::spawn_blocking(f)
        .await
        .context("a background task failed")
}

/// The addresses `--bind` names: an IP address and port, or a host name (such as `localhost`) and port.
fn bind_addresses(bind: &str) -> anyhow::Result<Vec<SocketAddr>> {
    let invalid =
        || format!("--bind {bind:?} is not an address such as 127.0.0.1:8080 or [::1]:8080");
    let addrs: Vec<SocketAddr> = bind
        .trim()
        .to_socket_addrs()
        .with_context(invalid)?
        .collect();
    if addrs.is_empty() {
        bail!(invalid());
    }
    Ok(addrs)
}

async fn bind_listener(
    bind: &str,
    addrs: &[SocketAddr],
) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addrs)
        .await
        .with_context(|| format!("cannot listen on {}", bind.trim()))
}

/// How long in-flight requests may take to finish after Ctrl-C or SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Announces the address (with the real port when 0 was asked for) and serves until Ctrl-C or SIGTERM.
///
/// The web layer stops gracefully on those signals, but it starts listening for them only once it runs.
/// So the signals are caught here first, before the address is announced: a Ctrl-C straight after start-up
/// still ends the process cleanly (and `demo` still removes its temporary folder). A second Ctrl-C, or
/// the grace period running out, stops without waiting.
async fn serve(app: App, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    let addr = listener.local_addr().context("the listening address")?;
    let mut signals = Signals::listen()?;
    // The retention job runs beside the server, and stops with it.
    let _retention_job = AbortOnDrop(tokio::spawn(retention::every_hour(app.clone())));
    let serving = waymark_web::serve(app, listener);
    tokio::pin!(serving);
    // Let the web layer start (and subscribe to the signals) before anyone is told where it is.
    tokio::select! {
        result = &mut serving => return result,
        () = tokio::time::sleep(Duration::from_millis(50)) => {}
        () = signals.recv() => return Ok(()),
    }
    println!("listening on http://{addr}");
    std::io::stdout().flush().context("standard output")?;
    tracing::info!(%addr, "serving");
    tokio::select! {
        result = &mut serving => return result,
        () = signals.recv() => {}
    }
    tracing::info!("stopping: finishing requests in progress");
    tokio::select! {
        finished = tokio::time::timeout(SHUTDOWN_GRACE, &mut serving) => match finished {
            Ok(result) => result,
            Err(_) => {
                tracing::warn!(seconds = SHUTDOWN_GRACE.as_secs(), "requests still running; stopping anyway");
                Ok(())
            }
        },
        () = signals.recv() => Ok(()),
    }
}

/// A background task that ends when this is dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Ctrl-C and (on unix) SIGTERM, caught from the moment this is made.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn listen() -> anyhow::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt()).context("cannot catch Ctrl-C")?,
                terminate: signal(SignalKind::terminate()).context("cannot catch SIGTERM")?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    async fn recv(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The first line of standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line
        .strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(&line);
    if password.is_empty() {
        bail!("no password on standard input: give it on the first line (--password-stdin)");
    }
    Ok(password.to_owned())
}

/// All of a UTF-8 text file, or of standard input for `-`.
fn read_text(file: &Path) -> anyhow::Result<String> {
    if file == Path::new("-") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
            .context("cannot read the policy from standard input (is it UTF-8?)")?;
        Ok(text)
    } else {
        std::fs::read_to_string(file).with_context(|| {
            format!(
                "cannot read the policy from {} (is it UTF-8?)",
                file.display()
            )
        })
    }
}

/// Whether a folder is missing or holds nothing.
fn empty_or_missing(dir: &Path) -> anyhow::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e).with_context(|| format!("cannot read the folder {}", dir.display())),
    }
}
