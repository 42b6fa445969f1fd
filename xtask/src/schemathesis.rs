//! The "api contract" layer: a property-based run of the OpenAPI document with schemathesis against the
//! debug `waymark` binary, on a fresh SQLite database seeded with one of each kind of record, with the
//! tokens of several roles and with none. Every check is on (`--checks all`); any failure fails the
//! layer. Runnable alone as `cargo xtask schemathesis`.
//!
//! schemathesis is pinned ([`VERSION`]) and installed with pip into a venv in the target directory
//! when missing. The run is bounded (fixed seed, [`MAX_EXAMPLES`] examples per operation for the
//! caseworker, fewer for the other roles) to stay under about two minutes on a 2-core machine.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use crate::e2e::{build_waymark, target_dir};
use crate::util::{Ctx, capture, run, run_reading};

/// The schemathesis release the contract is checked with.
const VERSION: &str = "4.32.5";
/// Examples per operation with the caseworker's token (the run that reaches most handlers).
const MAX_EXAMPLES: u32 = 10;
/// Examples per operation with every other token, and with none.
const OTHER_EXAMPLES: u32 = 3;
/// The seed, so that a failure can be run again exactly.
const SEED: &str = "20261204";

const SEED_SCRIPT: &str = include_str!("schemathesis_seed.py");
const PASSWORD: &str = "fuzzing passphrase never used elsewhere";

/// What one run of the layer found, for the summary line.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub operations: u64,
    pub cases: u64,
    pub failures: u64,
    /// The last line was "Test cases:": the numbers follow on the next.
    cases_next: bool,
}

impl Figures {
    fn add(&mut self, other: Figures) {
        self.operations = self.operations.max(other.operations);
        self.cases += other.cases;
        self.failures += other.failures;
    }

    /// Reads schemathesis's summary: "Operations:  67 selected / 67 total", and "Test cases:" followed
    /// by "2180 generated, 22 found 22 unique failures, 68 skipped" on the next line.
    fn read_line(&mut self, line: &str) {
        let line = line.trim();
        let number = |s: &str| {
            s.split(|c: char| !c.is_ascii_digit())
                .find(|w| !w.is_empty())
                .and_then(|w| w.parse::<u64>().ok())
        };
        if let Some(rest) = line.strip_prefix("Operations:") {
            if let Some(n) = number(rest) {
                self.operations = self.operations.max(n);
            }
        } else if line == "Test cases:" {
            self.cases_next = true;
        } else if self.cases_next {
            self.cases_next = false;
            if line.contains("generated") {
                self.cases += number(line).unwrap_or(0);
            }
            // "22 found 22 unique failures": the number before "unique".
            let found = line
                .split(',')
                .find(|p| p.contains("unique failure"))
                .and_then(|p| p.split_whitespace().rev().nth(2))
                .and_then(|w| w.parse::<u64>().ok());
            self.failures += found.unwrap_or(0);
        }
    }
}

/// Kills the server when dropped, also when a step fails.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.0.kill());
        drop(self.0.wait());
    }
}

/// The venv's `st`, installing schemathesis when it is missing or another version.
fn ensure_schemathesis(venv: &Path) -> Result<PathBuf, String> {
    let st = venv.join("bin").join("st");
    let pip = venv.join("bin").join("pip");
    let installed = capture(Command::new(&pip).args(["show", "schemathesis"]))
        .ok()
        .is_some_and(|out| {
            out.lines()
                .any(|l| l.trim() == format!("Version: {VERSION}"))
        });
    if st.exists() && installed {
        return Ok(st);
    }
    if !pip.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(venv))?;
    }
    run(Command::new(&pip).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("schemathesis=={VERSION}"),
    ]))?;
    Ok(st)
}

/// Runs `waymark` with the run's database and key; returns its stdout's last line.
fn waymark(bin: &Path, dir: &Path, args: &[&str], stdin: Option<&str>) -> Result<String, String> {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .env(
            "WAYMARK_DATABASE_URL",
            format!("sqlite://{}", dir.join("waymark.db").display()),
        )
        .env("WAYMARK_MASTER_KEY_FILE", dir.join("master.key"))
        .env("RUST_LOG", "warn");
    let out = match stdin {
        None => capture(&mut cmd)?,
        Some(input) => {
            use std::io::Write as _;
            let mut child = cmd
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("could not run waymark: {e}"))?;
            if let Some(mut s) = child.stdin.take() {
                s.write_all(input.as_bytes())
                    .map_err(|e| format!("writing to waymark: {e}"))?;
            }
            let output = child
                .wait_with_output()
                .map_err(|e| format!("waiting for waymark: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "waymark {}: {}",
                    args.join(" "),
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            String::from_utf8_lossy(&output.stdout).into_owned()
        }
    };
    out.lines()
        .last()
        .map(|l| l.trim().to_owned())
        .ok_or_else(|| format!("waymark {} printed nothing", args.join(" ")))
}

/// The layer: Ok with the figures line for the summary, Err when anything failed.
pub fn run_api_contract(ctx: &Ctx) -> Result<String, String> {
    let start = Instant::now();
    let target = target_dir(ctx)?;
    let st = ensure_schemathesis(&target.join("schemathesis-venv"))?;
    let bin = build_waymark(ctx)?;
    let dir = target.join("schemathesis-run");
    drop(std::fs::remove_dir_all(&dir));
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;

    waymark(&bin, &dir, &["key", "init"], None)?;
    waymark(&bin, &dir, &["migrate"], None)?;
    let org = |name: &str, kind: &str, extra: &[&str]| -> Result<String, String> {
        let mut args = vec!["org", "add", "--name", name, "--kind", kind];
        args.extend_from_slice(extra);
        waymark(&bin, &dir, &args, None)
    };
    let church = org(
        "Fuzz Church (fictional)",
        "community_group",
        &["--nation", "england_wales", "--area", "Leeds"],
    )?;
    let harbour = org(
        "Fuzz Harbour (fictional)",
        "support_organisation",
        &[
            "--nation",
            "england_wales",
            "--area",
            "Leeds",
            "--needs",
            "safe_housing,medical",
            "--first-responder",
        ],
    )?;
    let lantern = org(
        "Fuzz Lantern (fictional)",
        "support_organisation",
        &[
            "--nation",
            "scotland",
            "--area",
            "Glasgow City",
            "--needs",
            "mental_health",
        ],
    )?;
    let body = org(
        "Fuzz Decision Panel (fictional)",
        "decision_body",
        &["--nation", "england_wales"],
    )?;
    let user = |org: &str, email: &str, role: &str| -> Result<String, String> {
        let id = waymark(
            &bin,
            &dir,
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
            Some(&format!("{PASSWORD}\n")),
        )?;
        let token = waymark(&bin, &dir, &["token", "create", "--email", email], None)?;
        Ok(format!("{id} {token}"))
    };
    let split = |s: String| -> (String, String) {
        let (a, b) = s.split_once(' ').unwrap_or_default();
        (a.to_owned(), b.to_owned())
    };
    let (_, helper) = split(user(&church, "helper@fuzz.example", "helper")?);
    let (cw_id, cw) = split(user(&harbour, "caseworker@fuzz.example", "caseworker")?);
    let (_, manager) = split(user(&harbour, "manager@fuzz.example", "manager")?);
    let (_, decider) = split(user(&body, "decider@fuzz.example", "caseworker")?);

    let mut child = Command::new(&bin)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env(
            "WAYMARK_DATABASE_URL",
            format!("sqlite://{}", dir.join("waymark.db").display()),
        )
        .env("WAYMARK_MASTER_KEY_FILE", dir.join("master.key"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start waymark serve: {e}"))?;
    let stdout = child.stdout.take();
    let server = Server(child);
    let base = stdout
        .map(BufReader::new)
        .and_then(|r| {
            r.lines()
                .map_while(Result::ok)
                .find_map(|l| l.strip_prefix("listening on ").map(str::to_owned))
        })
        .ok_or("waymark serve did not say where it listens")?;

    let config = dir.join("schemathesis.toml");
    let seed = dir.join("seed.py");
    std::fs::write(&seed, SEED_SCRIPT).map_err(|e| format!("writing {}: {e}", seed.display()))?;
    run(Command::new(st.with_file_name("python"))
        .arg(&seed)
        .env("BASE", &base)
        .env("TOKEN_CW", &cw)
        .env("TOKEN_MGR", &manager)
        .env("TOKEN_HELPER", &helper)
        .env("TOKEN_DB", &decider)
        .env("ORG_HARBOUR", &harbour)
        .env("ORG_LANTERN", &lantern)
        .env("ORG_BODY", &body)
        .env("USER_CW", &cw_id)
        .env("OUT", &config))?;

    let mut figures = Figures::default();
    let mut failed = Vec::new();
    let runs: [(&str, Option<&str>, u32); 5] = [
        ("caseworker", Some(&cw), MAX_EXAMPLES),
        ("manager", Some(&manager), OTHER_EXAMPLES),
        ("helper", Some(&helper), OTHER_EXAMPLES),
        ("decision body", Some(&decider), OTHER_EXAMPLES),
        ("no token", None, OTHER_EXAMPLES),
    ];
    for (role, token, examples) in runs {
        println!("\n--- schemathesis as {role} ({examples} examples per operation)");
        let mut cmd = Command::new(&st);
        // schemathesis keeps a cache in .schemathesis/ of its working directory: the run's, not the tree.
        cmd.current_dir(&dir)
            .arg("--config-file")
            .arg(&config)
            .args(["run", &format!("{base}/api/v1/openapi.json")])
            .args(["--checks", "all", "--seed", SEED, "--no-color"])
            .args(["--max-examples", &examples.to_string()])
            // One worker: with two, Hypothesis parsed lambdas' source in two threads at once and
            // CPython 3.11 crashed the run ("SystemError: AST constructor recursion depth mismatch",
            // CI of 5 Dec). It runs beside the browser tests, so its length is hidden by theirs.
            .args(["--workers", "1"])
            .env("SCHEMATHESIS_HOOKS", "");
        if let Some(t) = token {
            cmd.args(["-H", &format!("Authorization: Bearer {t}")]);
        }
        let mut these = Figures::default();
        let result = run_reading(&mut cmd, |line| these.read_line(line));
        if result.is_err() || these.failures > 0 {
            failed.push(role);
        }
        figures.add(these);
    }
    drop(server);
    let line = format!(
        "{} operations, {} test cases generated, {} failures, {:.0}s",
        figures.operations,
        figures.cases,
        figures.failures,
        start.elapsed().as_secs_f64()
    );
    println!("\napi contract: {line}");
    if failed.is_empty() {
        Ok(line)
    } else {
        Err(format!("{line}; failed as: {}", failed.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::Figures;

    #[test]
    fn the_summary_lines_are_read() {
        let mut f = Figures::default();
        for line in [
            "     Operations:       67 selected / 67 total",
            "Test cases:",
            "  2180 generated, 22 found 22 unique failures, 68 skipped",
            "Test cases:",
            "  2067 generated, 2067 passed",
        ] {
            f.read_line(line);
        }
        assert_eq!((f.operations, f.cases, f.failures), (67, 2180 + 2067, 22));
    }
}
