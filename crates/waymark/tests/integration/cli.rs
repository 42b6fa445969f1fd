//! The `waymark` binary as an operator uses it, on SQLite and on PostgreSQL: exit codes, the last lines
//! scripts read, one-line errors, tamper detection, `serve` refusing a missing database or a wrong key, and
//! the demo serving its fictional data.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use waymark_store::testing::{TestDatabase, postgres_admin_url};
use waymark_store::{DatabaseUrl, Store};
use waymark_testkit::database_url;

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_waymark");

/// One finished run of the binary.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }

    #[track_caller]
    pub(crate) fn ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "expected success: {self:#?}");
        self
    }

    /// A failure reported as exactly one line, `error: …`, containing every one of `words`.
    #[track_caller]
    pub(crate) fn one_line_error(&self, words: &[&str]) {
        assert_eq!(self.code, Some(1), "expected exit code 1: {self:#?}");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "expected one line on stderr: {self:#?}");
        assert!(lines[0].starts_with("error: "), "{self:#?}");
        for word in words {
            assert!(
                lines[0].contains(word),
                "expected {word:?} in {:?}",
                lines[0]
            );
        }
        assert!(!self.stderr.contains("panicked"), "{self:#?}");
    }
}

/// Where a test's CLI runs: a working folder, a database URL and a key file.
pub(crate) struct Cli {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) url: String,
    pub(crate) key_file: PathBuf,
}

impl Cli {
    pub(crate) fn new(url: String) -> Cli {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let key_file = dir.path().join("keys").join("master.key");
        Cli { dir, url, key_file }
    }

    pub(crate) fn for_database(db: &TestDatabase) -> Cli {
        Cli::new(database_url(&db.url))
    }

    pub(crate) fn command(&self, args: &[&str]) -> Command {
        self.command_with_key(&self.key_file, args)
    }

    pub(crate) fn command_with_key(&self, key_file: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.dir.path())
            .env_remove("WAYMARK_DATABASE_URL")
            .env_remove("WAYMARK_MASTER_KEY_FILE")
            .env_remove("RUST_LOG")
            .env_remove("RUST_BACKTRACE")
            .arg("--database-url")
            .arg(&self.url)
            .arg("--key-file")
            .arg(key_file)
            .args(args);
        cmd
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, "")
    }

    pub(crate) fn run_with_key(&self, key_file: &Path, args: &[&str]) -> Run {
        finished(
            self.command_with_key(key_file, args)
                .stdin(Stdio::null())
                .output()
                .expect("the binary runs"),
        )
    }

    pub(crate) fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the waymark binary starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("stdin written");
        finished(child.wait_with_output().expect("the binary finishes"))
    }

    pub(crate) fn add_org(&self, args: &[&str]) -> String {
        let run = self.run(&[&["org", "add"], args].concat());
        run.ok();
        let id = run.last_line().to_owned();
        assert!(looks_like_id(&id), "not an id: {run:#?}");
        id
    }

    /// `waymark user add` for an account of `role` at `org`, the password given on standard input.
    pub(crate) fn add_user(&self, org: &str, email: &str, role: &str, password: &str) -> Run {
        self.run_with_stdin(
            &[
                "user",
                "add",
                "--org",
                org,
                "--email",
                email,
                "--role",
                role,
                "--password-stdin",
            ],
            password,
        )
    }
}

pub(crate) fn finished(output: Output) -> Run {
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub(crate) fn looks_like_id(s: &str) -> bool {
    s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// Everything an operator does, on one backend.
pub(crate) fn operator_commands(db: TestDatabase) {
    let cli = Cli::for_database(&db);

    // The key.
    let run = cli.run(&["key", "init"]);
    run.ok();
    let key_id = run.last_line().to_owned();
    assert!(
        key_id.len() == 16 && key_id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{run:#?}"
    );
    assert!(cli.key_file.exists());
    cli.run(&["key", "init"])
        .one_line_error(&["already exists", "master.key"]);

    // Migrating an up-to-date database changes nothing.
    let run = cli.run(&["migrate"]);
    run.ok();
    assert!(run.stdout.contains("0 migrations applied"), "{run:#?}");

    // Organisations of every kind; the id is the last line.
    let church = cli.add_org(&[
        "--name",
        "St Example's (test)",
        "--kind",
        "community_group",
        "--nation",
        "england_wales",
        "--area",
        "Leeds",
    ]);
    let support = cli.add_org(&[
        "--name",
        "Example Support (test)",
        "--kind",
        "support_organisation",
        "--nation",
        "scotland",
        "--area",
        "s12000049",
        "--needs",
        "safe_housing, medical,legal_advice",
        "--policy",
        "We share nothing without consent.",
    ]);
    cli.add_org(&["--name", "Example Panel", "--kind", "decision_body"]);
    cli.add_org(&["--name", "Example Hub", "--kind", "coordinator"]);
    assert_ne!(church, support);

    // Bad values are named in one line.
    cli.run(&["org", "add", "--name", "X", "--kind", "police"])
        .one_line_error(&["organisation kind", "police", "support_organisation"]);
    cli.run(&[
        "org",
        "add",
        "--name",
        "X",
        "--kind",
        "community_group",
        "--nation",
        "wales",
    ])
    .one_line_error(&["nation", "wales", "england_wales"]);
    cli.run(&[
        "org",
        "add",
        "--name",
        "X",
        "--kind",
        "support_organisation",
        "--needs",
        "medical,flying",
    ])
    .one_line_error(&["need", "flying"]);
    cli.run(&["org", "add", "--name", " ", "--kind", "coordinator"])
        .one_line_error(&["name"]);
    // The area comes from the list, in the organisation's nation; an address is not repeated.
    let area = |nation: &str, area: &str| {
        cli.run(&[
            "org",
            "add",
            "--name",
            "X",
            "--kind",
            "support_organisation",
            "--nation",
            nation,
            "--area",
            area,
        ])
    };
    area("england_wales", "12 Acacia Road, LS1 4AB").one_line_error(&[
        "Unknown area",
        "E08000035",
        "waymark areas",
    ]);
    assert!(
        !area("england_wales", "12 Acacia Road")
            .stderr
            .contains("Acacia")
    );
    area("scotland", "Leeds").one_line_error(&["Leeds", "not Scotland"]);

    // Users: the password comes from standard input.
    let run = cli.run_with_stdin(
        &[
            "user",
            "add",
            "--org",
            &support,
            "--email",
            "caseworker@support.example",
            "--role",
            "caseworker",
            "--name",
            "Test Caseworker",
            "--password-stdin",
        ],
        "correct horse battery\n",
    );
    run.ok();
    assert!(looks_like_id(run.last_line()), "{run:#?}");
    assert!(!run.stdout.contains("correct horse"), "{run:#?}");
    let user_add = |email: &str, role: &str, org: &str, password: &str| {
        cli.add_user(org, email, role, password)
    };
    user_add(
        "helper@church.example",
        "helper",
        &church,
        "a password long enough\n",
    )
    .ok();
    user_add("short@church.example", "helper", &church, "too short\n")
        .one_line_error(&["at least 12 characters"]);
    user_add("empty@church.example", "helper", &church, "")
        .one_line_error(&["password", "standard input"]);
    user_add(
        "boss@church.example",
        "boss",
        &church,
        "a password long enough\n",
    )
    .one_line_error(&["role", "boss"]);
    user_add(
        "CASEWORKER@support.example",
        "helper",
        &support,
        "a password long enough\n",
    )
    .one_line_error(&["already exists"]);
    user_add(
        "nobody@nowhere.example",
        "helper",
        "01a22858-0000-7000-8000-000000000000",
        "a password long enough\n",
    )
    .one_line_error(&["organisation"]);
    // Without --password-stdin there is no way to give a password: a usage error.
    let run = cli.run(&[
        "user",
        "add",
        "--org",
        &church,
        "--email",
        "x@church.example",
        "--role",
        "helper",
    ]);
    assert_eq!(run.code, Some(2), "{run:#?}");

    // Tokens.
    let run = cli.run(&["token", "create", "--email", "caseworker@support.example"]);
    run.ok();
    assert_eq!(run.last_line().len(), 43, "{run:#?}");
    cli.run(&["token", "create", "--email", "nobody@support.example"])
        .one_line_error(&["no account"]);

    // Retention: an organisation's period (audited), and the job for cron.
    let run = cli.run(&["org", "retention", "--org", &support, "--days", "365"]);
    run.ok();
    assert!(
        run.last_line().ends_with("keeps closed cases 365 days"),
        "{run:#?}"
    );
    cli.run(&["org", "retention", "--org", &support, "--days", "7"])
        .one_line_error(&["30 to 9125"]);
    let run = cli.run(&["retention", "run"]);
    run.ok();
    assert_eq!(run.last_line(), "0 closed cases erased", "{run:#?}");

    // The organisation's data-sharing policy per language (audited): the main English text (given when
    // it was added) replaced from the command line, the Arabic from a file and again from standard input.
    let policy = |lang: &str, how: &[&str]| {
        cli.run_with_stdin(
            &[&["org", "policy", "--org", &support, "--lang", lang], how].concat(),
            "لا نشارك أي شيء دون موافقتك.\n",
        )
    };
    let run = policy("en", &["--text", "We share nothing without your consent."]);
    run.ok();
    assert!(
        run.last_line()
            .ends_with(": main (English) data-sharing policy in en replaced"),
        "{run:#?}"
    );
    let file = cli.dir.path().join("policy-ar.txt");
    std::fs::write(&file, "لا نشارك شيئًا دون موافقتك.\n").expect("policy file");
    let run = policy("ar", &["--file", &file.display().to_string()]);
    run.ok();
    assert!(
        run.last_line().ends_with(": data-sharing policy in ar set"),
        "{run:#?}"
    );
    let run = policy("ar", &["--file", "-"]);
    run.ok();
    assert!(
        run.last_line()
            .ends_with(": data-sharing policy in ar replaced"),
        "{run:#?}"
    );
    let run = policy("en", &["--text", "We share nothing unless you agree."]);
    run.ok();
    assert!(
        run.stdout
            .contains("in en replaced\nits policy in ar was written for the earlier English text"),
        "{run:#?}"
    );
    policy("de", &["--text", "Richtlinie"]).one_line_error(&["en, sq, ar, fa, ro, ti, vi"]);
    policy("ar", &["--text", " "]).one_line_error(&["1 to 5,000 characters"]);
    policy("ar", &["--file", "missing.txt"])
        .one_line_error(&["cannot read the policy", "missing.txt"]);
    assert_eq!(
        policy("ar", &[]).code,
        Some(2),
        "--file or --text is required"
    );

    // The operator every public page names: none yet, then set (audited), then printed.
    let run = cli.run(&["operator"]);
    run.ok();
    assert!(run.stdout.contains("no operator named yet"), "{run:#?}");
    // A name without a contact is a usage error (clap's: exit 2).
    let run = cli.run(&["operator", "--name", "Harbour Light Support"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stderr.contains("--contact"), "{run:#?}");
    cli.run(&[
        "operator",
        "--name",
        "",
        "--contact",
        "privacy@harbour.example",
    ])
    .one_line_error(&["name", "1 to 120 characters"]);
    let run = cli.run(&[
        "operator",
        "--name",
        "Harbour Light Support",
        "--contact",
        "privacy@harbour.example",
    ]);
    run.ok();
    assert!(
        run.stdout
            .contains("operator: Harbour Light Support\ncontact: privacy@harbour.example"),
        "{run:#?}"
    );

    // The audit chain: four organisations, two accounts, one token, one retention period, four
    // policies, the operator.
    let run = cli.run(&["audit", "verify"]);
    run.ok();
    assert_eq!(run.last_line(), "audit log intact: 13 entries", "{run:#?}");

    // A wrong key is refused, in one line, before anything is served.
    let other_key = cli.dir.path().join("other.key");
    cli.run_with_key(&other_key, &["key", "init"]).ok();
    cli.run_with_key(&other_key, &["serve", "--bind", "127.0.0.1:0"])
        .one_line_error(&["master key", "not the master key of this database"]);
    cli.run_with_key(Path::new("missing.key"), &["audit", "verify"])
        .one_line_error(&["missing.key", "not found"]);

    // Someone with direct database access rewrites history.
    let drop_trigger = match db.backend() {
        waymark_store::Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        waymark_store::Backend::Postgres => "DROP TRIGGER audit_log_no_update ON audit_log",
    };
    db.execute_as_intruder(drop_trigger)
        .expect("trigger dropped");
    db.execute_as_intruder("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
        .expect("entry altered");
    let run = cli.run(&["audit", "verify"]);
    assert_ne!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.code, Some(3), "{run:#?}");
    assert!(
        run.stderr.contains("audit log broken at entry 2"),
        "{run:#?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:#?}");
}

#[test]
fn operator_commands_on_sqlite() {
    operator_commands(TestDatabase::sqlite());
}

#[test]
fn operator_commands_on_postgres() {
    operator_commands(TestDatabase::postgres());
}

#[test]
fn migrate_creates_a_sqlite_database_and_reports_what_ran() {
    let cli = Cli::new("sqlite://data/waymark.db".to_owned());
    let run = cli.run(&["migrate"]);
    run.ok();
    assert!(cli.dir.path().join("data/waymark.db").exists());
    assert_migrations_ran(&run);
    let run = cli.run(&["migrate"]);
    run.ok();
    assert!(run.stdout.contains("0 migrations applied"), "{run:#?}");
}

#[test]
fn migrate_creates_a_postgres_schema_and_reports_what_ran() {
    let schema = FreshSchema::new();
    let cli = Cli::new(schema.url.clone());
    let run = cli.run(&["migrate"]);
    run.ok();
    assert_migrations_ran(&run);
    let run = cli.run(&["migrate"]);
    run.ok();
    assert!(run.stdout.contains("0 migrations applied"), "{run:#?}");
    // And the migrated schema works.
    cli.run(&["key", "init"]).ok();
    cli.add_org(&["--name", "Example Hub", "--kind", "coordinator"]);
    assert_eq!(
        cli.run(&["audit", "verify"]).ok().last_line(),
        "audit log intact: 1 entries"
    );
}

#[track_caller]
pub(crate) fn assert_migrations_ran(run: &Run) {
    let count: usize = run
        .last_line()
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(count >= 1, "{run:#?}");
    assert!(run.last_line().contains("applied to"), "{run:#?}");
}

/// An empty PostgreSQL schema, not migrated, dropped at the end.
pub(crate) struct FreshSchema {
    pub(crate) admin: Store,
    pub(crate) name: String,
    pub(crate) url: String,
}

impl FreshSchema {
    pub(crate) fn new() -> FreshSchema {
        let admin_url = postgres_admin_url();
        let admin = Store::open(&DatabaseUrl::parse(&admin_url).expect("a postgres:// URL"))
            .expect("PostgreSQL for the tests (see waymark_store::testing)");
        let name = format!("cli_{}", waymark_vault::new_id().replace('-', ""));
        admin
            .run_blocking(|tx| tx.execute_sql(&format!("CREATE SCHEMA {name}")))
            .expect("schema created");
        let sep = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{sep}options=-csearch_path%3D{name}");
        FreshSchema { admin, name, url }
    }
}

impl Drop for FreshSchema {
    fn drop(&mut self) {
        let sql = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
        drop(self.admin.run_blocking(|tx| tx.execute_sql(&sql)));
    }
}

#[test]
fn areas_are_listed_one_a_line_without_a_database() {
    let cli = Cli::new("sqlite://nowhere/waymark.db".to_owned());
    let run = cli.run(&["areas"]);
    run.ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 361, "{run:#?}");
    assert!(
        lines.contains(&"E08000035\tLeeds\tengland_wales"),
        "{run:#?}"
    );
    let run = cli.run(&["areas", "--nation", "scotland"]);
    run.ok();
    assert_eq!(run.stdout.lines().count(), 32, "{run:#?}");
    assert!(
        run.stdout.lines().all(|l| l.ends_with("\tscotland")),
        "{run:#?}"
    );
    assert!(
        run.stdout.contains("S12000049\tGlasgow City\tscotland"),
        "{run:#?}"
    );
    cli.run(&["areas", "--nation", "wales"])
        .one_line_error(&["nation", "wales", "england_wales"]);
    assert!(!cli.dir.path().join("nowhere").exists());
}

#[test]
fn serve_refuses_a_missing_database_without_creating_it() {
    let cli = Cli::new("sqlite://nowhere/waymark.db".to_owned());
    cli.run(&["key", "init"]).ok();
    cli.run(&["serve", "--bind", "127.0.0.1:0"])
        .one_line_error(&["no database", "nowhere/waymark.db", "waymark migrate"]);
    assert!(!cli.dir.path().join("nowhere").exists());
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let cli = Cli::new("mysql://localhost/waymark".to_owned());
    cli.run(&["migrate"])
        .one_line_error(&["sqlite://", "postgres://"]);
    let cli = Cli::new("sqlite://waymark.db".to_owned());
    cli.run(&["serve", "--bind", "not-an-address"])
        .one_line_error(&["--bind", "not-an-address"]);
    // The key file is checked before the database is opened.
    cli.run(&["serve", "--bind", "127.0.0.1:0"])
        .one_line_error(&["master key file", "not found"]);
    // clap's usage errors exit with 2.
    let run = cli.run(&["org", "add", "--kind", "coordinator"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stderr.contains("--name"), "{run:#?}");
    let run = cli.run(&["frobnicate"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
}

#[test]
fn the_environment_names_the_database_and_the_key() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = |args: &[&str]| {
        finished(
            Command::new(BIN)
                .current_dir(dir.path())
                .env("WAYMARK_DATABASE_URL", "sqlite://env/db.sqlite")
                .env("WAYMARK_MASTER_KEY_FILE", "env/key")
                .env_remove("RUST_LOG")
                .args(args)
                .output()
                .expect("the binary runs"),
        )
    };
    run(&["key", "init"]).ok();
    run(&["migrate"]).ok();
    assert!(dir.path().join("env/key").exists());
    assert!(dir.path().join("env/db.sqlite").exists());
    assert_eq!(
        run(&["audit", "verify"]).ok().last_line(),
        "audit log intact: 0 entries"
    );
}

#[test]
fn defaults_are_in_waymark_data() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = |args: &[&str]| {
        finished(
            Command::new(BIN)
                .current_dir(dir.path())
                .env_remove("WAYMARK_DATABASE_URL")
                .env_remove("WAYMARK_MASTER_KEY_FILE")
                .env_remove("RUST_LOG")
                .args(args)
                .output()
                .expect("the binary runs"),
        )
    };
    run(&["key", "init"]).ok();
    run(&["migrate"]).ok();
    assert!(dir.path().join("waymark-data/master.key").exists());
    assert!(dir.path().join("waymark-data/waymark.db").exists());
}

/// A running server, stopped (with SIGINT, as Ctrl-C would) when dropped.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) lines: mpsc::Receiver<String>,
}

impl Server {
    pub(crate) fn start(mut cmd: Command) -> Server {
        cmd.stderr(Stdio::inherit());
        Self::start_keeping_stderr(cmd)
    }

    /// Starts it with whatever stderr the command already has.
    pub(crate) fn start_keeping_stderr(mut cmd: Command) -> Server {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the waymark binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Server { child, lines }
    }

    /// Every line up to and including `listening on http://ADDR`, and ADDR.
    pub(crate) fn wait_until_listening(&self) -> (Vec<String>, String) {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => {
                    let addr = line.strip_prefix("listening on http://").map(str::to_owned);
                    seen.push(line);
                    if let Some(addr) = addr {
                        return (seen, addr);
                    }
                }
                Err(e) => panic!("the server did not start ({e}); it printed {seen:#?}"),
            }
        }
    }

    /// Stops it as Ctrl-C would and waits for it to finish.
    pub(crate) fn stop(mut self) -> Option<i32> {
        drop(
            Command::new("kill")
                .args(["-INT", &self.child.id().to_string()])
                .status(),
        );
        for _ in 0..600 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            drop(self.child.kill());
            drop(self.child.wait());
        }
    }
}
