//! A PostgreSQL server for the tests, as an admin URL for
//! `WAYMARK_TEST_POSTGRES_URL` (the tests make their own databases in it).
//!
//! In order:
//! 1. `$WAYMARK_TEST_POSTGRES_URL` or `$DATABASE_URL`, if it is a postgres:// URL;
//! 2. a server on 127.0.0.1:5432 that lets `postgres` (or the current user)
//!    in without a password;
//! 3. a throwaway cluster: `initdb` + `pg_ctl` (installing Debian's
//!    `postgresql` when they are missing) in a temporary directory, on a free
//!    port from 54329, run as the `postgres` user when we are root, stopped
//!    and removed when the [`Postgres`] is dropped.
//!
//! `WAYMARK_XTASK_FORCE_THROWAWAY_PG=1` skips 1 and 2.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::util::{Ctx, capture, env_flag, find_program, is_executable, redact};

pub const FORCE_THROWAWAY: &str = "WAYMARK_XTASK_FORCE_THROWAWAY_PG";
const FIRST_PORT: u16 = 54329;
/// Throwaway clusters live in $TMPDIR/waymark-xtask-pg-<xtask's pid>-<nanos>.
const DIR_PREFIX: &str = "waymark-xtask-pg-";

/// The server the tests use. Dropping it stops a throwaway cluster.
pub struct Postgres {
    pub url: String,
    /// Where it came from, for the summary.
    pub how: String,
    _cluster: Option<Cluster>,
}

pub fn provide(ctx: &mut Ctx) -> Result<Postgres, String> {
    if env_flag(FORCE_THROWAWAY) {
        println!(
            "{FORCE_THROWAWAY} is set: not looking for a server, starting a throwaway cluster"
        );
        return throwaway(ctx);
    }
    for var in ["WAYMARK_TEST_POSTGRES_URL", "DATABASE_URL"] {
        let Ok(url) = std::env::var(var) else {
            continue;
        };
        if url.is_empty() {
            continue;
        }
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            println!("${var} is set but is not a postgres:// URL: not using it");
            continue;
        }
        println!("using ${var}: {}", redact(&url));
        if find_program("psql").is_some() {
            psql_select_1(&url)
                .map_err(|e| format!("${var} is set, but psql cannot use it: {e}"))?;
        }
        return Ok(Postgres {
            how: format!("${var} ({})", redact(&url)),
            url,
            _cluster: None,
        });
    }

    let local: SocketAddr = ([127, 0, 0, 1], 5432).into();
    if TcpStream::connect_timeout(&local, Duration::from_secs(2)).is_ok() {
        if find_program("psql").is_none() {
            let url = "postgres://postgres@127.0.0.1:5432/postgres".to_owned();
            println!(
                "127.0.0.1:5432 accepts connections; psql is not installed to check it, so assuming {url} (trust auth)"
            );
            return Ok(Postgres {
                how: "127.0.0.1:5432, already running (unchecked: no psql)".into(),
                url,
                _cluster: None,
            });
        }
        let mut users = vec!["postgres".to_owned()];
        if let Some(me) = current_user().filter(|me| me != "postgres") {
            users.push(me);
        }
        let mut errors = Vec::new();
        for user in users {
            let url = format!("postgres://{user}@127.0.0.1:5432/postgres");
            match psql_select_1(&url) {
                Ok(()) => {
                    println!("using the server on 127.0.0.1:5432 as role {user}: {url}");
                    return Ok(Postgres {
                        how: format!("127.0.0.1:5432, already running ({url})"),
                        url,
                        _cluster: None,
                    });
                }
                Err(e) => errors.push(e),
            }
        }
        println!(
            "127.0.0.1:5432 accepts connections, but psql could not log in without a password:\n{}\nstarting a throwaway cluster instead",
            errors.join("\n")
        );
    } else {
        println!("nothing accepts connections on 127.0.0.1:5432: starting a throwaway cluster");
    }
    throwaway(ctx)
}

fn current_user() -> Option<String> {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .or_else(|| {
            capture(Command::new("id").arg("-un"))
                .ok()
                .map(|u| u.trim().to_owned())
        })
}

fn psql_select_1(url: &str) -> Result<(), String> {
    capture(
        Command::new("psql")
            .args(["-X", "-q", "-w", "-d", url, "-c", "select 1"])
            .env("PGCONNECT_TIMEOUT", "5"),
    )
    .map(drop)
}

/// A PostgreSQL cluster of our own, in a temporary directory.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    /// The user that runs the server, when that is not us (we are root).
    run_as: Option<String>,
}

impl Cluster {
    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn log(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    /// A command running one of the cluster's programs as its user.
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut cmd = Command::new("runuser");
                cmd.args(["-u", user, "--"]).arg(program);
                cmd
            }
            None => Command::new(program),
        };
        // The server's user may not be allowed into our working directory.
        cmd.current_dir(&self.dir);
        cmd
    }

    fn stop(&self) -> Result<(), String> {
        let mut stop = self.command("pg_ctl");
        stop.arg("-D")
            .arg(self.data())
            .args(["-m", "fast", "-w", "-t", "30", "stop"]);
        capture(&mut stop).map(drop).or_else(|e| {
            let mut kill = self.command("pg_ctl");
            kill.arg("-D")
                .arg(self.data())
                .args(["-m", "immediate", "-w", "-t", "30", "stop"]);
            capture(&mut kill)
                .map(drop)
                .map_err(|e2| format!("{e}\n{e2}"))
        })
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        crate::util::header(&format!(
            "stop the throwaway PostgreSQL cluster in {}",
            self.dir.display()
        ));
        if self.data().join("postmaster.pid").exists()
            && let Err(e) = self.stop()
        {
            eprintln!(
                "xtask: could not stop the throwaway PostgreSQL in {}: {e}\nits log: {}",
                self.dir.display(),
                self.log().display()
            );
            return;
        }
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => println!("stopped, and removed {}", self.dir.display()),
            Err(e) => eprintln!("xtask: could not remove {}: {e}", self.dir.display()),
        }
    }
}

/// The directory holding both `initdb` and `pg_ctl`: beside an `initdb` on
/// PATH, or the newest /usr/lib/postgresql/*/bin.
fn find_bin_dir() -> Option<PathBuf> {
    let has_both =
        |dir: &Path| is_executable(&dir.join("initdb")) && is_executable(&dir.join("pg_ctl"));
    if let Some(initdb) = find_program("initdb") {
        for candidate in [std::fs::canonicalize(&initdb).ok(), Some(initdb)]
            .into_iter()
            .flatten()
        {
            if let Some(dir) = candidate.parent().filter(|dir| has_both(dir)) {
                return Some(dir.to_path_buf());
            }
        }
    }
    let mut versions: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let version = name
                .split('.')
                .map(|part| part.parse().ok())
                .collect::<Option<Vec<u32>>>()?;
            Some((version, entry.path().join("bin")))
        })
        .filter(|(_, bin)| has_both(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// As root, the `postgres` user to run the server as (made if missing).
fn ensure_postgres_user() -> Result<String, String> {
    let user = "postgres";
    if capture(Command::new("id").args(["-u", user])).is_ok() {
        return Ok(user.into());
    }
    println!("no `{user}` user: creating one to run the throwaway cluster");
    let mut useradd = Command::new("useradd");
    useradd.args([
        "--system",
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/usr/sbin/nologin",
    ]);
    if capture(Command::new("getent").args(["group", user])).is_ok() {
        useradd.args(["--gid", user]);
    } else {
        useradd.arg("--user-group");
    }
    useradd.arg(user);
    capture(&mut useradd)?;
    Ok(user.into())
}

/// Stops and removes the throwaway clusters of xtask runs that were killed
/// (Ctrl-C, a CI timeout) before they could clean up: pg_ctl puts the server
/// in a session of its own, so it outlives them.
fn remove_leftovers(bin: &Path, run_as: Option<&str>) {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(DIR_PREFIX)
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // Still running (a zombie has an empty command line).
        let alive = std::fs::read(format!("/proc/{pid}/cmdline"))
            .is_ok_and(|cmdline| String::from_utf8_lossy(&cmdline).contains("xtask"));
        if pid == std::process::id() || alive {
            continue;
        }
        println!(
            "removing the throwaway cluster of an interrupted xtask run: {}",
            entry.path().display()
        );
        drop(Cluster {
            bin: bin.to_path_buf(),
            dir: entry.path(),
            run_as: run_as.map(str::to_owned),
        });
    }
}

fn free_port() -> Result<u16, String> {
    (FIRST_PORT..FIRST_PORT + 200)
        .find(|&port| TcpListener::bind(("127.0.0.1", port)).is_ok())
        .ok_or_else(|| {
            format!(
                "no free port on 127.0.0.1 in {FIRST_PORT}..{}",
                FIRST_PORT + 200
            )
        })
}

fn throwaway(ctx: &mut Ctx) -> Result<Postgres, String> {
    let bin = match find_bin_dir() {
        Some(bin) => bin,
        None => {
            println!(
                "initdb and pg_ctl not found (PATH, /usr/lib/postgresql/*/bin): installing Debian's postgresql"
            );
            ctx.apt_install(&["postgresql"])?;
            find_bin_dir().ok_or("installed postgresql, but still found no initdb and pg_ctl in /usr/lib/postgresql/*/bin")?
        }
    };
    println!("PostgreSQL programs: {}", bin.display());
    let run_as = if ctx.is_root {
        if find_program("runuser").is_none() {
            return Err("running as root, and runuser (util-linux) is missing to run PostgreSQL as another user".into());
        }
        Some(ensure_postgres_user()?)
    } else {
        None
    };

    remove_leftovers(&bin, run_as.as_deref());

    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("{DIR_PREFIX}{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let socket_dir = dir.join("socket");
    // From here on, dropping the cluster cleans up.
    let cluster = Cluster { bin, dir, run_as };
    std::fs::create_dir(&socket_dir)
        .map_err(|e| format!("creating {}: {e}", socket_dir.display()))?;
    if let Some(user) = &cluster.run_as {
        capture(
            Command::new("chown")
                .arg("-R")
                .arg(format!("{user}:"))
                .arg(&cluster.dir),
        )?;
    }

    let mut initdb = cluster.command("initdb");
    initdb.arg("-D").arg(cluster.data()).args([
        "--auth=trust",
        "--username=postgres",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
    ]);
    println!("$ {}", crate::util::show(&initdb));
    capture(&mut initdb)?;

    let port = free_port()?;
    let server_options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        socket_dir.display()
    );
    let mut start = cluster.command("pg_ctl");
    start
        .arg("-D")
        .arg(cluster.data())
        .arg("-l")
        .arg(cluster.log())
        .args(["-w", "-t", "60", "-o", &server_options, "start"]);
    println!("$ {}", crate::util::show(&start));
    if let Err(e) = capture(&mut start) {
        let log = std::fs::read_to_string(cluster.log()).unwrap_or_default();
        return Err(format!(
            "{e}\nserver log ({}):\n{log}",
            cluster.log().display()
        ));
    }

    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    if find_program("psql").is_some() {
        psql_select_1(&url)
            .map_err(|e| format!("the throwaway cluster started, but psql cannot use it: {e}"))?;
    } else {
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| {
            format!("the throwaway cluster started, but 127.0.0.1:{port} refuses connections: {e}")
        })?;
    }
    println!(
        "throwaway cluster ready: {url} (in {})",
        cluster.dir.display()
    );
    Ok(Postgres {
        how: format!("throwaway cluster ({url})"),
        url,
        _cluster: Some(cluster),
    })
}
