//! The browser tests: e2e/, Playwright Test driving Debian's Chromium against
//! `waymark demo` (started by e2e/global-setup.ts).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use crate::util::{
    self, Counts, Ctx, capture, find_program, header, is_executable, run, run_reading,
};

/// The oldest Node.js that e2e/'s pinned Playwright runs on (Debian 12's).
const MIN_NODE_MAJOR: u32 = 18;
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// Runs every step of the browser layer, adding Playwright's counts to
/// `counts`. `postgres_url` is passed on as WAYMARK_TEST_POSTGRES_URL.
pub fn run_browser_tests(
    ctx: &mut Ctx,
    postgres_url: Option<&str>,
    extra_args: &[String],
    counts: &mut Counts,
) -> Result<String, String> {
    let bin = build_waymark(ctx)?;
    println!("WAYMARK_BIN={}", bin.display());

    header("Chromium");
    let chromium = ensure_chromium(ctx)?;

    header("Node.js and npm");
    ensure_node(ctx)?;

    let e2e = ctx.root.join("e2e");
    header("npm packages (e2e/node_modules)");
    ensure_node_modules(&e2e)?;

    header("browser tests (playwright test)");
    let mut playwright = Command::new(e2e.join("node_modules/.bin/playwright"));
    playwright
        .arg("test")
        .args(extra_args)
        .current_dir(&e2e)
        .env("WAYMARK_BIN", &bin)
        .env("CHROMIUM_PATH", &chromium)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    match postgres_url {
        Some(url) => playwright.env("WAYMARK_TEST_POSTGRES_URL", url),
        None => playwright.env_remove("WAYMARK_TEST_POSTGRES_URL"),
    };
    let mut these = Counts::default();
    let result = run_reading(&mut playwright, |line| these.read_playwright_line(line));
    counts.add(these);
    result?;
    if these.passed == 0 && extra_args.is_empty() {
        return Err("playwright exited 0 but ran no test".into());
    }
    Ok(format!(
        "{} passed, {} skipped",
        these.passed, these.skipped
    ))
}

/// Builds the waymark binary (debug profile) and gives its path: `cargo
/// build -p waymark`, or — right after the Rust test layer — `cargo build
/// --workspace --all-targets`, which reuses the binary the tests were built
/// with (the test build unifies the dev-dependencies' features, so building
/// the package alone would compile six crates again).
pub(crate) fn build_waymark(ctx: &Ctx) -> Result<PathBuf, String> {
    let args: &[&str] = if ctx.after_test_build {
        &["build", "--workspace", "--all-targets"]
    } else {
        &["build", "--package", "waymark"]
    };
    header(&format!("build the waymark binary (cargo {})", args.join(" ")));
    run(util::cargo().args(args).current_dir(&ctx.root))?;
    let bin = target_dir(ctx)?.join("debug").join("waymark");
    if is_executable(&bin) {
        Ok(bin)
    } else {
        Err(format!(
            "cargo build -p waymark succeeded but {} is not there",
            bin.display()
        ))
    }
}

/// Cargo's target directory, as `cargo metadata` reports it (it follows
/// CARGO_TARGET_DIR and .cargo/config.toml).
pub(crate) fn target_dir(ctx: &Ctx) -> Result<PathBuf, String> {
    let metadata = capture(
        util::cargo()
            .args([
                "metadata",
                "--format-version",
                "1",
                "--no-deps",
                "--offline",
            ])
            .current_dir(&ctx.root),
    )?;
    json_string_field(&metadata, "target_directory")
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata printed no target_directory".into())
}

/// The value of the first `"key":"..."` string in a JSON text.
fn json_string_field(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = json[start..].chars();
    loop {
        match chars.next()? {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
}

/// $CHROMIUM_PATH, or Debian's chromium (installed if missing).
fn ensure_chromium(ctx: &mut Ctx) -> Result<PathBuf, String> {
    let chromium = match std::env::var_os("CHROMIUM_PATH").filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = PathBuf::from(path);
            if !is_executable(&path) {
                return Err(format!(
                    "CHROMIUM_PATH={} is not an executable file",
                    path.display()
                ));
            }
            path
        }
        None => {
            let path = PathBuf::from(DEFAULT_CHROMIUM);
            if !is_executable(&path) {
                println!("{DEFAULT_CHROMIUM} not found: installing Debian's chromium");
                ctx.apt_install(&["chromium", "fonts-liberation"])?;
                if !is_executable(&path) {
                    return Err(format!(
                        "installed chromium, but {DEFAULT_CHROMIUM} is still missing"
                    ));
                }
            }
            path
        }
    };
    let version = capture(Command::new(&chromium).arg("--version"))?;
    println!("{}: {}", chromium.display(), version.trim());
    Ok(chromium)
}

/// `node` (at least MIN_NODE_MAJOR) and `npm`, from Debian if missing.
fn ensure_node(ctx: &mut Ctx) -> Result<(), String> {
    let missing: Vec<&str> = [("node", "nodejs"), ("npm", "npm")]
        .into_iter()
        .filter(|(program, _)| find_program(program).is_none())
        .map(|(_, package)| package)
        .collect();
    if !missing.is_empty() {
        println!(
            "not found: {}; installing them from Debian",
            missing.join(", ")
        );
        ctx.apt_install(&missing)?;
    }
    let version = capture(Command::new("node").arg("--version"))?;
    let version = version.trim();
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse::<u32>().ok())
        .ok_or_else(|| format!("cannot read node's version from {version:?}"))?;
    if major < MIN_NODE_MAJOR {
        return Err(format!(
            "node {version} is too old: e2e/ needs Node.js {MIN_NODE_MAJOR} or newer"
        ));
    }
    let npm = capture(Command::new("npm").arg("--version"))?;
    println!("node {version}, npm {}", npm.trim());
    Ok(())
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// `npm ci` in e2e/ unless node_modules is newer than package.json and
/// package-lock.json.
fn ensure_node_modules(e2e: &Path) -> Result<(), String> {
    let installed = modified(&e2e.join("node_modules/.package-lock.json"));
    let stale = match installed {
        None => true,
        Some(installed) => ["package.json", "package-lock.json"]
            .iter()
            .any(|file| modified(&e2e.join(file)).is_none_or(|changed| changed > installed)),
    };
    if !stale && is_executable(&e2e.join("node_modules/.bin/playwright")) {
        println!("e2e/node_modules is up to date with package-lock.json");
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(e2e)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

#[cfg(test)]
mod tests {
    use super::json_string_field;

    #[test]
    fn reads_json_string_fields() {
        let json = r#"{"packages":[],"target_directory":"/work/a \"b\"\\c\u00e9","version":1}"#;
        assert_eq!(
            json_string_field(json, "target_directory").as_deref(),
            Some("/work/a \"b\"\\cé")
        );
        assert_eq!(json_string_field(json, "missing"), None);
    }
}
