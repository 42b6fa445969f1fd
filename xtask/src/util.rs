//! Running commands, finding programs, installing Debian packages.

use std::ffi::OsStr;
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// State shared by the steps of one xtask run.
pub struct Ctx {
    /// The workspace root (the parent of xtask/).
    pub root: PathBuf,
    /// Whether this process runs as root (then apt-get needs no sudo, and
    /// PostgreSQL must run as another user).
    pub is_root: bool,
    /// Whether the Rust test layer has just built every target: then the
    /// waymark binary is taken from that build (`cargo build --workspace
    /// --all-targets` finds nothing to do) instead of built again with the
    /// features of the binary alone (about 50 s on the 2-core machine).
    pub after_test_build: bool,
    apt_updated: bool,
}

impl Ctx {
    pub fn new() -> Ctx {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf();
        // /proc/self belongs to the process's effective user.
        let is_root = match std::fs::metadata("/proc/self") {
            Ok(meta) => meta.uid() == 0,
            Err(_) => capture(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0"),
        };
        Ctx {
            root,
            is_root,
            after_test_build: false,
            apt_updated: false,
        }
    }

    /// `apt-get install -y PACKAGES` (after one `apt-get update` per run),
    /// non-interactive, through `sudo -n` when not root.
    pub fn apt_install(&mut self, packages: &[&str]) -> Result<(), String> {
        if find_program("apt-get").is_none() {
            return Err(format!(
                "apt-get not found: install {} by hand",
                packages.join(" ")
            ));
        }
        let apt = |args: &[&str]| -> Result<Command, String> {
            let mut cmd = if self.is_root {
                Command::new("apt-get")
            } else if find_program("sudo").is_some() {
                let mut cmd = Command::new("sudo");
                cmd.args(["-n", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
                cmd
            } else {
                return Err(format!(
                    "not root and no sudo: install {} by hand (apt-get install {})",
                    packages.join(" "),
                    packages.join(" ")
                ));
            };
            cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            Ok(cmd)
        };
        if !self.apt_updated {
            run(&mut apt(&["update", "-q"])?)?;
            self.apt_updated = true;
        }
        let mut args = vec![
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "-o",
            "Dpkg::Use-Pty=0",
        ];
        args.extend_from_slice(packages);
        run(&mut apt(&args)?)
    }
}

/// Prints a step header, as CI logs show them.
pub fn header(title: &str) {
    println!("\n==> {title}");
}

/// The command line, for messages.
pub fn show(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    // $CARGO is the toolchain's absolute path; "cargo" reads better.
    let mut line = if program.file_name() == Some(OsStr::new("cargo")) {
        "cargo".to_owned()
    } else {
        program.to_string_lossy().into_owned()
    };
    for arg in cmd.get_args() {
        let arg = redact(&arg.to_string_lossy());
        if arg.is_empty() || arg.contains([' ', '"', '\'', '$', '*']) {
            line.push_str(&format!(" '{}'", arg.replace('\'', r"'\''")));
        } else {
            line.push(' ');
            line.push_str(&arg);
        }
    }
    line
}

fn status_error(cmd: &Command, status: ExitStatus) -> String {
    format!("`{}` failed ({status})", show(cmd))
}

/// Runs a command with this process's stdout and stderr, no stdin; Err
/// unless it exits 0.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    println!("$ {}", show(cmd));
    let status = cmd
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not run `{}`: {e}", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(status_error(cmd, status))
    }
}

/// Runs a command quietly and returns its stdout; Err with its stderr
/// unless it exits 0.
pub fn capture(cmd: &mut Command) -> Result<String, String> {
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run `{}`: {e}", show(cmd)))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let mut message = status_error(cmd, output.status);
        for stream in [&output.stdout, &output.stderr] {
            let text = String::from_utf8_lossy(stream);
            if !text.trim().is_empty() {
                message.push('\n');
                message.push_str(text.trim_end());
            }
        }
        Err(message)
    }
}

/// Test counts read off a test runner's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }

    /// Adds what one line of `cargo test` output reports:
    /// `test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; ...`
    pub fn read_cargo_test_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            let (Some(n), Some(what)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(n) = n.parse::<u64>() else { continue };
            match what {
                "passed" => self.passed += n,
                "failed" => self.failed += n,
                "ignored" => self.skipped += n,
                _ => {}
            }
        }
    }

    /// Adds what cargo-nextest's closing line reports:
    /// `     Summary [ 175.882s] 331 tests run: 329 passed, 2 failed, 1 skipped`
    /// (`passed (1 flaky)`, `timed out` and `exec failed` too).
    pub fn read_nextest_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("Summary [") else {
            return;
        };
        let Some((_, results)) = rest.split_once("run:") else {
            return;
        };
        for part in results.split(',') {
            let mut words = part.split_whitespace();
            let (Some(n), Some(what)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(n) = n.parse::<u64>() else { continue };
            match what {
                "passed" => self.passed += n,
                "skipped" => self.skipped += n,
                // failed, timed out, exec failed, and anything new: a failure.
                _ => self.failed += n,
            }
        }
    }

    /// Adds what one line of Playwright's closing summary reports:
    /// `  3 passed (5.2s)`, `  1 failed`, `  2 skipped`, `  1 flaky`, `  4 did not run`.
    pub fn read_playwright_line(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else {
            return;
        };
        let Ok(n) = n.parse::<u64>() else { return };
        match (what, words.next()) {
            ("passed" | "flaky", _) => self.passed += n,
            ("failed" | "interrupted", _) | ("did", Some("not")) => self.failed += n,
            ("skipped", _) => self.skipped += n,
            _ => {}
        }
    }
}

/// Runs a command like [`run`], copying its stdout and stderr (merged, in
/// the order written) to our stdout line by line and handing each line to
/// `read` (to count tests: cargo-nextest writes its summary to stderr).
pub fn run_reading(cmd: &mut Command, mut read: impl FnMut(&str)) -> Result<(), String> {
    println!("$ {}", show(cmd));
    let (reader, writer) = io::pipe().map_err(|e| format!("making a pipe: {e}"))?;
    let writer_for_stderr = writer
        .try_clone()
        .map_err(|e| format!("making a pipe: {e}"))?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(writer_for_stderr)
        .spawn()
        .map_err(|e| format!("could not run `{}`: {e}", show(cmd)))?;
    // The command keeps our ends of the pipe's writing side until they are
    // replaced; without this the reader would never see the end.
    cmd.stdout(Stdio::inherit()).stderr(Stdio::inherit());
    let mut reader = BufReader::new(reader);
    let mut line = Vec::new();
    let out = io::stdout();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {
                let mut out = out.lock();
                // A closed stdout is no reason to stop the tests.
                drop(out.write_all(&line).and_then(|()| out.flush()));
                read(&String::from_utf8_lossy(&line));
            }
            Err(e) => {
                eprintln!("xtask: reading the output of `{}`: {e}", show(cmd));
                break;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{}`: {e}", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(status_error(cmd, status))
    }
}

/// The path of an executable named `name` on PATH.
pub fn find_program(name: impl AsRef<OsStr>) -> Option<PathBuf> {
    let name = name.as_ref();
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

pub fn is_executable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.mode() & 0o111 != 0)
}

/// Whether the environment variable is set to something other than "", "0"
/// or "false".
pub fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// The cargo that runs us (cargo sets $CARGO for `cargo run`).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A URL with any password replaced by `***`, for printing.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_test_results() {
        let mut counts = Counts::default();
        counts.read_cargo_test_line(
            "test result: ok. 12 passed; 0 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.02s\n",
        );
        counts.read_cargo_test_line(
            "test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.50s",
        );
        counts.read_cargo_test_line("test passed_thing ... ok");
        counts.read_cargo_test_line("running 3 tests");
        assert_eq!(
            counts,
            Counts {
                passed: 13,
                failed: 2,
                skipped: 3
            }
        );
    }

    #[test]
    fn reads_nextest_summary() {
        let mut counts = Counts::default();
        for line in [
            "        PASS [   0.004s] ( 1/331) waymark-domain::clock a_test",
            "------------",
            "     Summary [ 175.882s] 331 tests run: 328 passed (1 flaky), 2 failed, 1 timed out, 3 skipped",
        ] {
            counts.read_nextest_line(line);
        }
        assert_eq!(
            counts,
            Counts {
                passed: 328,
                failed: 3,
                skipped: 3
            }
        );
    }

    #[test]
    fn reads_playwright_summary() {
        let mut counts = Counts::default();
        for line in [
            "Running 6 tests using 1 worker",
            "  ✓  1 [js-on] › tests/smoke.spec.ts:3:5 › the server answers /healthz (376ms)",
            "  1 failed",
            "    [js-on] › tests/a.spec.ts:2:5 › thing",
            "  2 skipped",
            "  1 did not run",
            "  3 passed (12.8s)",
        ] {
            counts.read_playwright_line(line);
        }
        assert_eq!(
            counts,
            Counts {
                passed: 3,
                failed: 2,
                skipped: 2
            }
        );
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db?x=1"),
            "postgres://u:***@h:5432/db?x=1"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1:5432/postgres"),
            "postgres://postgres@127.0.0.1:5432/postgres"
        );
        assert_eq!(redact("not a url"), "not a url");
    }

    #[test]
    fn shows_commands_quoted() {
        let mut cmd = Command::new("psql");
        cmd.args(["-c", "select 1", "-X", "-d", "postgres://u:pw@h/db"]);
        assert_eq!(
            show(&cmd),
            "psql -c 'select 1' -X -d 'postgres://u:***@h/db'"
        );
    }
}
