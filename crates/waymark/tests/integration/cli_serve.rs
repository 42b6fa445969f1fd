//! The binary serving: its address, the demo's fictional logins and folder, and no personal data in its logs.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use waymark_store::testing::TestDatabase;

use crate::cli::{BIN, Cli, Server, finished};

fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("the server accepts a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("request sent");
    let mut response = String::new();
    drop(stream.read_to_string(&mut response));
    response
}

#[test]
fn serve_announces_its_address_and_answers() {
    let db = TestDatabase::sqlite();
    let cli = Cli::for_database(&db);
    cli.run(&["key", "init"]).ok();
    let server = Server::start(cli.command(&["serve", "--bind", "127.0.0.1:0"]));
    let (_, addr) = server.wait_until_listening();
    let response = http_get(&addr, "/healthz");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn demo_prints_fictional_logins_and_serves() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir.path())
        .env_remove("RUST_LOG")
        .args(["demo", "--bind", "127.0.0.1:0"]);
    let server = Server::start(cmd);
    let (lines, addr) = server.wait_until_listening();
    let text = lines.join("\n");
    assert!(text.contains("fictional"), "{text}");
    assert!(text.contains("temporary"), "{text}");

    let logins: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("  login: "))
        .collect();
    assert_eq!(logins.len(), 8, "{text}");
    let mut emails = Vec::new();
    let mut totps = Vec::new();
    for line in &logins {
        let rest = line.trim_start_matches("  login: ");
        let mut words = rest.splitn(3, ' ');
        let (email, password, mut about) = (
            words.next().unwrap_or(""),
            words.next().unwrap_or(""),
            words.next().unwrap_or(""),
        );
        assert!(email.ends_with(".example"), "{line}");
        assert_eq!(password.len(), 43, "{line}");
        // Accounts with a second factor print its key: 32 Base32 characters (160 bits).
        if let Some(after) = about.strip_prefix("totp:") {
            let (key, rest) = after.split_once(' ').unwrap_or((after, ""));
            assert_eq!(key.len(), 32, "{line}");
            assert!(
                waymark_vault::TotpSecret::from_base32(key).is_ok(),
                "{line}"
            );
            totps.push(email.to_owned());
            about = rest;
        }
        assert!(
            about.starts_with('(') && about.ends_with("(fictional))") && about.contains(" at "),
            "{line}"
        );
        emails.push(email.to_owned());
    }
    for expected in ["helper@church.example", "caseworker@harbour.example"] {
        assert!(emails.iter().any(|e| e == expected), "{text}");
    }
    // Everyone but the helper (no second factor needed) and the manager left to enrol has a key.
    assert_eq!(
        totps,
        [
            "caseworker@harbour.example",
            "duty@harbour.example",
            "caseworker@lantern.example",
            "caseworker@panel.example",
            "manager@panel.example",
            "admin@harbour.example"
        ],
        "{text}"
    );
    for role in ["(helper at", "(caseworker at", "(manager at", "(admin at"] {
        assert!(text.contains(role), "{text}");
    }
    assert!(
        text.contains("Independent Decision Panel (fictional)"),
        "{text}"
    );
    assert!(
        text.contains("Northern Lantern Trust (fictional)"),
        "{text}"
    );

    // The temporary folder named in the warning holds the database while the demo runs.
    let folder = lines
        .iter()
        .find_map(|l| {
            let start = l.find("temporary (")? + "temporary (".len();
            let end = l[start..].find(')')? + start;
            Some(PathBuf::from(&l[start..end]))
        })
        .expect("the warning names the temporary folder");
    assert!(folder.join("waymark.db").exists());
    assert!(folder.join("master.key").exists());

    let response = http_get(&addr, "/healthz");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    // Nothing is left behind in the working folder, and the temporary folder goes with the demo.
    assert_eq!(server.stop(), Some(0));
    assert!(!folder.exists(), "{} was left behind", folder.display());
    assert_eq!(
        std::fs::read_dir(dir.path()).map(Iterator::count).ok(),
        Some(0)
    );
}

#[test]
fn demo_keeps_its_data_only_in_an_empty_folder() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data: &Path = &dir.path().join("demo-data");
    std::fs::create_dir(data).expect("a folder");
    std::fs::write(data.join("something.txt"), "x").expect("a file");
    let run = finished(
        Command::new(BIN)
            .args(["demo", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data)
            .output()
            .expect("the binary runs"),
    );
    run.one_line_error(&["not empty"]);
    assert!(!data.join("waymark.db").exists());

    let fresh = dir.path().join("fresh");
    let mut cmd = Command::new(BIN);
    cmd.args(["demo", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&fresh)
        .env_remove("RUST_LOG");
    let server = Server::start(cmd);
    server.wait_until_listening();
    assert_eq!(server.stop(), Some(0));
    // Kept, as asked.
    assert!(fresh.join("waymark.db").exists());
    assert!(fresh.join("master.key").exists());
}

/// One HTTP/1.1 request with an optional bearer token and JSON body; returns the whole response.
fn http_json(addr: &str, method: &str, path: &str, token: &str, body: Option<&str>) -> String {
    let mut stream = TcpStream::connect(addr).expect("the server accepts a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let body = body.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("request sent");
    let mut response = String::new();
    drop(stream.read_to_string(&mut response));
    response
}

fn json_field(response: &str, field: &str) -> String {
    let key = format!("\"{field}\":\"");
    let from = response
        .find(&key)
        .map(|i| i + key.len())
        .unwrap_or_else(|| panic!("no {field} in {response}"));
    response[from..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The route through the running server, logging at debug level: the names, contact details and
/// reasons written never appear in what the process prints.
fn personal_data_never_reaches_the_logs(db: TestDatabase) {
    let cli = Cli::for_database(&db);
    cli.run(&["key", "init"]).ok();
    let church = cli.add_org(&["--name", "Log Test Church", "--kind", "community_group"]);
    let harbour = cli.add_org(&[
        "--name",
        "Log Test Harbour",
        "--kind",
        "support_organisation",
        "--nation",
        "england_wales",
    ]);
    for (org, email, role) in [
        (&church, "helper@log.example", "helper"),
        (&harbour, "worker@log.example", "caseworker"),
    ] {
        cli.add_user(org, email, role, "a long enough password\n")
            .ok();
    }
    let helper = cli
        .run(&["token", "create", "--email", "helper@log.example"])
        .ok()
        .last_line()
        .to_owned();
    let worker = cli
        .run(&["token", "create", "--email", "worker@log.example"])
        .ok()
        .last_line()
        .to_owned();

    let log = cli.dir.path().join("server.log");
    let mut cmd = cli.command(&["serve", "--bind", "127.0.0.1:0"]);
    cmd.env("RUST_LOG", "debug")
        .stderr(std::fs::File::create(&log).expect("log file"));
    let server = Server::start_keeping_stderr(cmd);
    let (_, addr) = server.wait_until_listening();

    let canary = format!("Canary{}", std::process::id());
    let [name, contact, language, reason] =
        ["Name", "Contact", "Language", "Reason"].map(|f| format!("{canary}{f}"));
    let referral = |n: &str| {
        format!(
            r#"{{"to_organisation":"{harbour}","person":{{"name":"{n}","contact":"{contact}","language":"{language}"}},
            "age":"adult","needs":["safe_housing"],"indicators":["debt_bondage"],"first_contact":"faith_group",
            "nation":"england_wales","consent":{{"given":true}}}}"#
        )
    };
    let created = http_json(
        &addr,
        "POST",
        "/api/v1/referrals",
        &helper,
        Some(&referral(&name)),
    );
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    let id = json_field(&created, "id");
    let accepted = http_json(
        &addr,
        "POST",
        &format!("/api/v1/referrals/{id}/accept"),
        &worker,
        None,
    );
    assert!(accepted.starts_with("HTTP/1.1 201"), "{accepted}");
    let case = http_json(
        &addr,
        "GET",
        &format!("/api/v1/cases/{}", json_field(&accepted, "case_id")),
        &worker,
        None,
    );
    assert!(case.contains(&name), "the case shows the name: {case}");
    let second = http_json(
        &addr,
        "POST",
        "/api/v1/referrals",
        &helper,
        Some(&referral(&name)),
    );
    let second = json_field(&second, "id");
    let declined = http_json(
        &addr,
        "POST",
        &format!("/api/v1/referrals/{second}/decline"),
        &worker,
        Some(&format!(r#"{{"reason":"{reason}"}}"#)),
    );
    assert!(declined.starts_with("HTTP/1.1 200"), "{declined}");
    // Bad input carrying personal data is refused without echoing it into the log.
    let bad = http_json(
        &addr,
        "POST",
        "/api/v1/referrals",
        &helper,
        Some(&referral(&name).replace("adult", "grown-up")),
    );
    assert!(bad.starts_with("HTTP/1.1 422"), "{bad}");
    assert_eq!(server.stop(), Some(0));

    let printed = std::fs::read_to_string(&log).expect("the log");
    assert!(
        printed.contains("referral sent"),
        "the log was written at debug level: {printed}"
    );
    for value in [&name, &contact, &language, &reason] {
        assert!(
            !printed.contains(value.as_str()),
            "{value} reached the log:\n{printed}"
        );
    }
}

#[test]
fn personal_data_never_reaches_the_logs_on_sqlite() {
    personal_data_never_reaches_the_logs(TestDatabase::sqlite());
}

#[test]
fn personal_data_never_reaches_the_logs_on_postgres() {
    personal_data_never_reaches_the_logs(TestDatabase::postgres());
}
