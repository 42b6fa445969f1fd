//! `cargo xtask`: Waymark's build and test tasks. Standard library only, so
//! that it builds in seconds; see HELP below, or run `cargo xtask --help`.

// Printing is this program's job: the workspace denies it everywhere else.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod e2e;
mod postgres;
mod schemathesis;
mod util;

use std::io::IsTerminal;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use util::{Counts, Ctx, header, run, run_reading};

const HELP: &str = "\
cargo xtask: Waymark's build and test tasks

USAGE:
    cargo xtask <COMMAND> [ARGS]

COMMANDS:
    test [--fail-fast]
        Every layer of checks and tests, as CI (.ci/run) runs them, each under
        a `==>` header, then a summary; exits non-zero if any layer failed:
          format         cargo fmt --all -- --check
          clippy         cargo clippy --workspace --all-targets -- -D warnings
          postgresql     a server for the tests (see POSTGRESQL)
          rust tests     cargo nextest run --workspace --all-targets --no-fail-fast
                         (each test its own process, run in parallel;
                         cargo-nextest is installed with `cargo install
                         --locked` when missing)
          rust doctests  cargo test --workspace --doc --no-fail-fast
          api contract   as `cargo xtask schemathesis`, in a child process
                         that runs while the browser tests do (each layer
                         has its own server and database); its output is
                         printed after theirs
          browser tests  as `cargo xtask e2e`
          supply chain   cargo deny check licenses bans sources (deny.toml:
                         licences, wildcard versions, crates.io only;
                         advisories need the network, so they are not
                         checked here). When cargo-deny is missing it is
                         installed with `cargo install --locked` under
                         `nice -n 19`, from the start, alongside the others
        A failed layer does not stop the later ones unless --fail-fast is given.
    e2e [PLAYWRIGHT ARGS...]
        The browser tests alone: cargo build -p waymark; Debian's chromium,
        nodejs and npm installed if missing (apt-get); `npm ci` in e2e/ when
        node_modules is missing or older than package-lock.json; then
        `playwright test` in e2e/ with WAYMARK_BIN=<target>/debug/waymark.
        Arguments go to Playwright, e.g. `cargo xtask e2e --project js-off
        tests/smoke.spec.ts`. Passes WAYMARK_TEST_POSTGRES_URL on if it is set,
        but starts no PostgreSQL.
    schemathesis
        The API contract alone: a property-based run of the OpenAPI document
        (schemathesis, pinned, pip-installed into <target>/schemathesis-venv
        when missing) against the debug `waymark` binary on a fresh SQLite
        database seeded through the API with one of each kind of record, as a
        caseworker, a manager, a helper, a decision body's caseworker and with
        no token; `--checks all`, a fixed seed and a bounded number of examples.
        Fails on any failure; prints operations, test cases and failures.
    with-postgres [COMMAND [ARGS...]]
        Provide PostgreSQL as `test` does, run COMMAND with
        WAYMARK_TEST_POSTGRES_URL set (without one: print the URL and the
        server's version), then stop the throwaway cluster if one was started.
        E.g. `cargo xtask with-postgres cargo test -p waymark-store`.
    bench [ARGS...]
        Benchmarks with criterion (optimised build): the vault's per-request
        costs (sealing, key unwrapping, blind indexes, the deliberately slow
        codename digest and password check). Arguments go to criterion, e.g.
        `cargo xtask bench -- unwrap`. Not part of `test`: numbers
        on a shared 2-core machine vary, so goals are read, not asserted.
    help, --help, -h
        This text.

POSTGRESQL:
    The Rust and browser tests get an admin URL in WAYMARK_TEST_POSTGRES_URL
    and make their own databases in it. In order, xtask uses:
      1. $WAYMARK_TEST_POSTGRES_URL or $DATABASE_URL, if it is a postgres:// URL
         (checked with psql when psql is installed);
      2. a server on 127.0.0.1:5432 that lets role `postgres`, or the current
         user, in without a password;
      3. a throwaway cluster: initdb and pg_ctl (from PATH or
         /usr/lib/postgresql/*/bin; Debian's postgresql is installed if they
         are missing) in a temporary directory, trust auth, on a free port
         from 54329 of 127.0.0.1, run as the `postgres` user when xtask runs
         as root; stopped and removed at the end, also when a step fails.
    WAYMARK_XTASK_FORCE_THROWAWAY_PG=1 skips 1 and 2 (to test 3).

ENVIRONMENT:
    CI                    set by CI; the Rust tests then fail rather than skip
                          when they have no PostgreSQL
    CHROMIUM_PATH         the browser for Playwright (default /usr/bin/chromium)
    WAYMARK_E2E_KEEP=1    keep the demo server's directory (database, log)
                          after the browser tests
";

/// Makes sure `cargo nextest` runs, installing cargo-nextest from crates.io
/// (`cargo install --locked`, a few minutes' build) when it does not.
fn ensure_nextest() -> Result<(), String> {
    let works = util::cargo()
        .args(["nextest", "--version"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if works {
        return Ok(());
    }
    println!("xtask: cargo-nextest is missing; installing it");
    run(util::cargo().args(["install", "--locked", "cargo-nextest"]))
        .map_err(|e| format!("cargo-nextest is needed for the rust tests and did not install: {e}"))
}

fn cargo_deny_works() -> bool {
    util::cargo()
        .args(["deny", "--version"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// cargo-deny being installed in the background (`cargo install --locked cargo-deny` under `nice`),
/// started when `cargo xtask test` begins on a machine without it.
struct DenyInstall {
    child: std::process::Child,
    log: std::path::PathBuf,
}

impl DenyInstall {
    /// Starts the install when cargo-deny is missing; `None` when it works already.
    fn start_if_missing(ctx: &Ctx) -> Option<DenyInstall> {
        if cargo_deny_works() {
            return None;
        }
        let log = e2e::target_dir(ctx).ok()?.join("cargo-deny-install.log");
        let file = std::fs::File::create(&log).ok()?;
        let err = file.try_clone().ok()?;
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        println!(
            "xtask: cargo-deny is missing; installing it in the background at low priority ({})",
            log.display()
        );
        let child = Command::new("nice")
            .args(["-n", "19", &cargo, "install", "--locked", "cargo-deny"])
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(err)
            .spawn()
            .ok()?;
        Some(DenyInstall { child, log })
    }

    fn finish(mut self) -> Result<(), String> {
        let status = self.child.wait();
        print!("{}", std::fs::read_to_string(&self.log).unwrap_or_default());
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(format!("`cargo install --locked cargo-deny` {s}")),
            Err(e) => Err(format!("waiting for `cargo install cargo-deny`: {e}")),
        }
    }
}

/// Makes sure `cargo deny` runs: waits for the background install if one was started, else installs
/// cargo-deny from crates.io (`cargo install --locked`) when it is missing.
fn ensure_cargo_deny(background: Option<DenyInstall>) -> Result<(), String> {
    if let Some(install) = background {
        install.finish().map_err(|e| {
            format!("cargo-deny is needed for the supply-chain checks and did not install: {e}")
        })?;
    }
    if cargo_deny_works() {
        return Ok(());
    }
    println!("xtask: cargo-deny is missing; installing it");
    run(util::cargo().args(["install", "--locked", "cargo-deny"])).map_err(|e| {
        format!("cargo-deny is needed for the supply-chain checks and did not install: {e}")
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    match command.as_str() {
        "help" | "-h" | "--help" => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        "test" => test(rest),
        "e2e" => e2e_only(rest),
        "with-postgres" => with_postgres(rest),
        "bench" => bench(rest),
        "schemathesis" => schemathesis_only(rest),
        other => {
            eprintln!("xtask: unknown command `{other}`\n");
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}

#[derive(Clone, Copy)]
enum Step {
    Format,
    Clippy,
    SupplyChain,
    Postgres,
    RustTests,
    DocTests,
    ApiContract,
    Browser,
}

impl Step {
    /// The order they run in. The supply chain comes last: on a machine without cargo-deny, its
    /// install (about 150 s of compiling on 2 cores) runs at the lowest priority from the start, on
    /// what the other layers leave idle, instead of holding everything up after clippy.
    const ALL: [Step; 8] = [
        Step::Format,
        Step::Clippy,
        Step::Postgres,
        Step::RustTests,
        Step::DocTests,
        Step::ApiContract,
        Step::Browser,
        Step::SupplyChain,
    ];

    fn name(self) -> &'static str {
        match self {
            Step::Format => "format",
            Step::Clippy => "clippy",
            Step::SupplyChain => "supply chain",
            Step::Postgres => "postgresql",
            Step::RustTests => "rust tests",
            Step::DocTests => "rust doctests",
            Step::ApiContract => "api contract",
            Step::Browser => "browser tests",
        }
    }
}

enum Outcome {
    Passed,
    Failed,
    NotRun,
}

struct Layer {
    name: &'static str,
    outcome: Outcome,
    note: String,
    time: Option<Duration>,
}

#[derive(Default)]
struct Report {
    layers: Vec<Layer>,
    counts: Counts,
}

impl Report {
    fn record(&mut self, name: &'static str, start: Instant, result: Result<String, String>) {
        let time = Some(start.elapsed());
        let (outcome, note) = match result {
            Ok(note) => (Outcome::Passed, note),
            Err(error) => {
                eprintln!("\nxtask: {name} FAILED: {error}");
                (Outcome::Failed, error)
            }
        };
        self.layers.push(Layer {
            name,
            outcome,
            note,
            time,
        });
    }

    fn not_run(&mut self, name: &'static str, why: &str) {
        self.layers.push(Layer {
            name,
            outcome: Outcome::NotRun,
            note: why.into(),
            time: None,
        });
    }

    fn names(&self, wanted: fn(&Outcome) -> bool) -> Vec<&'static str> {
        self.layers
            .iter()
            .filter(|layer| wanted(&layer.outcome))
            .map(|layer| layer.name)
            .collect()
    }

    fn any_failed(&self) -> bool {
        self.layers
            .iter()
            .any(|layer| !matches!(layer.outcome, Outcome::Passed))
    }

    /// Prints the summary; the last line is the test count, in the form CI
    /// logs are read for ("tests: N passed, N failed, N skipped").
    fn print(&self, command: &str) -> ExitCode {
        header("summary");
        for layer in &self.layers {
            let outcome = match layer.outcome {
                Outcome::Passed => "ok",
                Outcome::Failed => "FAILED",
                Outcome::NotRun => "NOT RUN",
            };
            let time = layer
                .time
                .map(|t| format!("{:.1}s", t.as_secs_f64()))
                .unwrap_or_default();
            let note = layer.note.lines().next().unwrap_or_default();
            println!("  {outcome:<8} {:<14} {time:>7}  {note}", layer.name);
        }
        let failed = self.names(|o| matches!(o, Outcome::Failed));
        let not_run = self.names(|o| matches!(o, Outcome::NotRun));
        if !self.any_failed() {
            println!("{command}: passed (all {} layers)", self.layers.len());
        } else {
            let mut verdict = format!("{command}: FAILED (failed: {}", failed.join(", "));
            if !not_run.is_empty() {
                verdict.push_str(&format!("; not run: {}", not_run.join(", ")));
            }
            println!("{verdict})");
        }
        let Counts {
            passed,
            failed: failed_tests,
            skipped,
        } = self.counts;
        println!("tests: {passed} passed, {failed_tests} failed, {skipped} skipped");
        if !self.any_failed() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

fn test(args: &[String]) -> ExitCode {
    let mut fail_fast = false;
    for arg in args {
        match arg.as_str() {
            "--fail-fast" => fail_fast = true,
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("xtask test: unknown argument `{other}` (see cargo xtask --help)");
                return ExitCode::from(2);
            }
        }
    }
    let mut ctx = Ctx::new();
    let mut report = Report::default();
    // Lives until after the browser tests; dropping it stops a throwaway cluster.
    let mut postgres: Option<postgres::Postgres> = None;
    let mut alongside: Option<Alongside> = None;
    let mut deny_install = DenyInstall::start_if_missing(&ctx);
    for step in Step::ALL {
        let name = step.name();
        if fail_fast && report.any_failed() {
            report.not_run(name, "--fail-fast, and an earlier layer failed");
            continue;
        }
        let start = Instant::now();
        let result = match step {
            Step::Format => {
                header("format: cargo fmt --all -- --check");
                let mut fmt = util::cargo();
                fmt.args(["fmt", "--all", "--", "--check"]);
                if !std::io::stdout().is_terminal() {
                    // rustfmt colours its diffs even into a CI log.
                    fmt.arg("--color=never");
                }
                run(fmt.current_dir(&ctx.root))
                    .map(|()| String::new())
                    .map_err(|e| format!("{e}; run `cargo fmt --all`"))
            }
            Step::Clippy => {
                header("clippy: cargo clippy --workspace --all-targets -- -D warnings");
                run(util::cargo()
                    .args([
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ])
                    .current_dir(&ctx.root))
                .map(|()| String::new())
            }
            Step::SupplyChain => {
                header("supply chain: cargo deny check licenses bans sources");
                ensure_cargo_deny(deny_install.take())
                    .and_then(|()| {
                        run(util::cargo()
                            .args(["deny", "check", "licenses", "bans", "sources"])
                            .current_dir(&ctx.root))
                    })
                    .map(|()| String::new())
                    .map_err(|e| {
                        format!(
                            "{e}; a licence outside deny.toml's allow-list, a wildcard version or a \
                             source other than crates.io (the errors above name the crate)"
                        )
                    })
            }
            Step::Postgres => {
                header("postgresql for the tests");
                postgres::provide(&mut ctx).map(|pg| {
                    let how = pg.how.clone();
                    postgres = Some(pg);
                    how
                })
            }
            Step::RustTests | Step::DocTests => {
                let (title, args): (&str, &[&str]) = match step {
                    Step::RustTests => (
                        "rust tests: cargo nextest run --workspace --all-targets --no-fail-fast",
                        &[
                            "nextest",
                            "run",
                            "--workspace",
                            "--all-targets",
                            "--no-fail-fast",
                        ],
                    ),
                    _ => (
                        "rust doctests: cargo test --workspace --doc --no-fail-fast",
                        &["test", "--workspace", "--doc", "--no-fail-fast"],
                    ),
                };
                match &postgres {
                    None => {
                        let why = "no PostgreSQL for them (see the postgresql layer)";
                        eprintln!("\nxtask: {name} NOT RUN: {why}");
                        report.not_run(name, why);
                        continue;
                    }
                    Some(pg) => {
                        header(title);
                        let mut counts = Counts::default();
                        let nextest = matches!(step, Step::RustTests);
                        let result =
                            if nextest { ensure_nextest() } else { Ok(()) }.and_then(|()| {
                                run_reading(
                                    util::cargo()
                                        .args(args)
                                        .current_dir(&ctx.root)
                                        .env("WAYMARK_TEST_POSTGRES_URL", &pg.url),
                                    |line| {
                                        if nextest {
                                            counts.read_nextest_line(line);
                                        } else {
                                            counts.read_cargo_test_line(line);
                                        }
                                    },
                                )
                            });
                        report.counts.add(counts);
                        if nextest {
                            ctx.after_test_build = true;
                        }
                        result.map(|()| {
                            format!("{} passed, {} ignored", counts.passed, counts.skipped)
                        })
                    }
                }
            }
            Step::ApiContract => {
                header("api contract: schemathesis against the OpenAPI document");
                match Alongside::start(&ctx) {
                    // Its figures are recorded once the browser tests are done.
                    Ok(running) => {
                        alongside = Some(running);
                        continue;
                    }
                    Err(e) => Err(e),
                }
            }
            Step::Browser => e2e::run_browser_tests(
                &mut ctx,
                postgres.as_ref().map(|pg| pg.url.as_str()),
                &[],
                &mut report.counts,
            ),
        };
        report.record(name, start, result);
        if let (Step::Browser, Some(running)) = (step, alongside.take()) {
            running.finish(&mut report);
        }
    }
    if let Some(running) = alongside.take() {
        running.finish(&mut report);
    }
    drop(postgres);
    report.print("cargo xtask test")
}

fn e2e_only(args: &[String]) -> ExitCode {
    let mut ctx = Ctx::new();
    let mut report = Report::default();
    let start = Instant::now();
    let url = std::env::var("WAYMARK_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty());
    let result = e2e::run_browser_tests(&mut ctx, url.as_deref(), args, &mut report.counts);
    report.record(Step::Browser.name(), start, result);
    report.print("cargo xtask e2e")
}

/// The api contract layer, run as `cargo xtask schemathesis` in a child
/// process while the browser tests run: the browser tests keep about two
/// thirds of one core busy (the rest of their time is Chromium and the
/// server waiting on each other), so on the 2-core CI machine the two
/// layers side by side take little longer than the browser tests alone.
/// Each has its own server, database and port. The child's output goes to a
/// file and is printed, whole, after the browser tests' own.
struct Alongside {
    child: std::process::Child,
    log: std::path::PathBuf,
    start: Instant,
}

impl Alongside {
    fn start(ctx: &Ctx) -> Result<Alongside, String> {
        let log = e2e::target_dir(ctx)?.join("api-contract.log");
        let file =
            std::fs::File::create(&log).map_err(|e| format!("creating {}: {e}", log.display()))?;
        let err = file
            .try_clone()
            .map_err(|e| format!("opening {}: {e}", log.display()))?;
        let exe = std::env::current_exe().map_err(|e| format!("finding xtask itself: {e}"))?;
        let child = Command::new(exe)
            .arg("schemathesis")
            .args(ctx.after_test_build.then_some("--after-test-build"))
            .current_dir(&ctx.root)
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("could not start `cargo xtask schemathesis`: {e}"))?;
        println!(
            "xtask: the api contract runs alongside the browser tests; its output ({}) follows theirs",
            log.display()
        );
        Ok(Alongside {
            child,
            log,
            start: Instant::now(),
        })
    }

    /// Waits for the child, prints its output and records the layer.
    fn finish(mut self, report: &mut Report) {
        let status = self.child.wait();
        header("api contract: the output of `cargo xtask schemathesis`, run alongside");
        let output = std::fs::read_to_string(&self.log).unwrap_or_default();
        print!("{output}");
        let figures = output
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("api contract: "))
            .map(str::to_owned);
        let result = match (status, figures) {
            (Ok(status), Some(figures)) if status.success() => Ok(figures),
            (Ok(status), figures) => Err(format!(
                "`cargo xtask schemathesis` {status}: {}",
                figures.unwrap_or_else(|| "it printed no figures".into())
            )),
            (Err(e), _) => Err(format!("waiting for `cargo xtask schemathesis`: {e}")),
        };
        report.record(Step::ApiContract.name(), self.start, result);
    }
}

fn schemathesis_only(args: &[String]) -> ExitCode {
    let mut ctx = Ctx::new();
    for arg in args {
        match arg.as_str() {
            // Given by `cargo xtask test`, which runs this after its Rust test layer.
            "--after-test-build" => ctx.after_test_build = true,
            other => {
                eprintln!("xtask schemathesis: unknown argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let mut report = Report::default();
    let start = Instant::now();
    header("api contract: schemathesis against the OpenAPI document");
    let result = schemathesis::run_api_contract(&ctx);
    report.record(Step::ApiContract.name(), start, result);
    report.print("cargo xtask schemathesis")
}

fn bench(args: &[String]) -> ExitCode {
    let mut cmd = util::cargo();
    cmd.args(["bench", "--package", "waymark-vault", "--bench", "vault"]);
    let rest: Vec<&String> = args.iter().filter(|a| a.as_str() != "--").collect();
    if !rest.is_empty() {
        cmd.arg("--").args(rest);
    }
    match run(&mut cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: benchmarks FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

fn with_postgres(args: &[String]) -> ExitCode {
    let mut ctx = Ctx::new();
    header("postgresql");
    let pg = match postgres::provide(&mut ctx) {
        Ok(pg) => pg,
        Err(e) => {
            eprintln!("xtask: no PostgreSQL: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = match args.split_first() {
        None => {
            println!("WAYMARK_TEST_POSTGRES_URL={}", pg.url);
            match run(Command::new("psql").args([
                "-X",
                "-A",
                "-t",
                "-w",
                "-d",
                &pg.url,
                "-c",
                "select version()",
            ])) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("xtask: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some((program, rest)) => {
            header(&format!(
                "{} (with WAYMARK_TEST_POSTGRES_URL)",
                args.join(" ")
            ));
            let status = Command::new(program)
                .args(rest)
                .env("WAYMARK_TEST_POSTGRES_URL", &pg.url)
                .stdin(Stdio::inherit())
                .status();
            match status {
                Ok(status) => match status.code() {
                    Some(0) => ExitCode::SUCCESS,
                    Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
                    None => {
                        eprintln!("xtask: {program} ended by {status}");
                        ExitCode::FAILURE
                    }
                },
                Err(e) => {
                    eprintln!("xtask: could not run {program}: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    };
    drop(pg);
    code
}
