//! The operator designates first responders with the `waymark` binary, on SQLite and on PostgreSQL.

use std::process::{Command, Stdio};

use waymark_domain::OrgId;
use waymark_store::testing::TestDatabase;
use waymark_testkit::database_url;

const BIN: &str = env!("CARGO_BIN_EXE_waymark");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(db: &TestDatabase, dir: &tempfile::TempDir, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .env_remove("WAYMARK_DATABASE_URL")
        .env_remove("WAYMARK_MASTER_KEY_FILE")
        .env_remove("RUST_LOG")
        .arg("--database-url")
        .arg(database_url(&db.url))
        .arg("--key-file")
        .arg(dir.path().join("master.key"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn is_first_responder(db: &TestDatabase, id: &str) -> Option<bool> {
    let id = OrgId::parse(id).expect("an id");
    db.store
        .run_blocking(move |tx| tx.is_first_responder(&id))
        .expect("query")
}

fn designation(db: TestDatabase) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    assert_eq!(run(&db, &dir, &["key", "init"]).code, Some(0));

    let added = run(
        &db,
        &dir,
        &[
            "org",
            "add",
            "--name",
            "Harbour Light (fictional)",
            "--kind",
            "support_organisation",
            "--first-responder",
        ],
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    assert!(added.stdout.contains("first responder"), "{}", added.stdout);
    let harbour = added.stdout.lines().last().unwrap_or("").to_owned();
    assert_eq!(is_first_responder(&db, &harbour), Some(true));

    let added = run(
        &db,
        &dir,
        &[
            "org",
            "add",
            "--name",
            "Northern Lantern (fictional)",
            "--kind",
            "support_organisation",
        ],
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let lantern = added.stdout.lines().last().unwrap_or("").to_owned();
    assert_eq!(is_first_responder(&db, &lantern), Some(false));

    let yes = run(
        &db,
        &dir,
        &["org", "first-responder", "--org", &lantern, "--yes"],
    );
    assert_eq!(yes.code, Some(0), "{}", yes.stderr);
    assert!(
        yes.stdout.contains("is now a first responder"),
        "{}",
        yes.stdout
    );
    assert_eq!(is_first_responder(&db, &lantern), Some(true));
    let no = run(
        &db,
        &dir,
        &["org", "first-responder", "--org", &lantern, "--no"],
    );
    assert_eq!(no.code, Some(0), "{}", no.stderr);
    assert!(
        no.stdout.contains("no longer a first responder"),
        "{}",
        no.stdout
    );
    assert_eq!(is_first_responder(&db, &lantern), Some(false));

    // Saying neither (or both) is a usage error; a community group is never a first responder; an
    // unknown organisation is named.
    assert_eq!(
        run(&db, &dir, &["org", "first-responder", "--org", &lantern]).code,
        Some(2)
    );
    assert_eq!(
        run(
            &db,
            &dir,
            &["org", "first-responder", "--org", &lantern, "--yes", "--no"]
        )
        .code,
        Some(2)
    );
    let church = run(
        &db,
        &dir,
        &[
            "org",
            "add",
            "--name",
            "A church (fictional)",
            "--kind",
            "community_group",
            "--first-responder",
        ],
    );
    assert_eq!(church.code, Some(1));
    assert!(church.stderr.starts_with("error: "), "{}", church.stderr);
    assert!(
        church.stderr.contains("support organisation"),
        "{}",
        church.stderr
    );
    let unknown = run(
        &db,
        &dir,
        &[
            "org",
            "first-responder",
            "--org",
            "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            "--yes",
        ],
    );
    assert_eq!(unknown.code, Some(1));
    assert!(
        unknown.stderr.contains("no organisation"),
        "{}",
        unknown.stderr
    );
    assert_eq!(is_first_responder(&db, &harbour), Some(true));
}

#[test]
fn the_operator_designates_first_responders_on_sqlite() {
    designation(TestDatabase::sqlite());
}

#[test]
fn the_operator_designates_first_responders_on_postgres() {
    designation(TestDatabase::postgres());
}
