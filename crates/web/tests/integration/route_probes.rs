//! Probes generated from the router's own route table (`waymark_web::route_paths()`): every route is
//! tried with every method by people of another organisation, by each role of the owning organisation
//! that must not open the record, and by nobody at all. A route added to the router without a line in
//! [`REACH`] fails the test, so no route goes unprobed.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;
use waymark_domain::Role;

use crate::support::{Harness, PASSWORD, Reply, csrf_of};

/// Who may reach a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Anyone, without an account; it never shows personal data.
    Public,
    /// A signed-in account (or token), about its own work or organisation: others may get 200 but never
    /// another organisation's records.
    Own,
    /// One record (referral, decision, team member…) named in the path: only the staff of the
    /// organisation or body that holds it may reach it.
    Record,
    /// A case or a part of it: need-to-know within the organisation too — its administrator and a
    /// caseworker it is not assigned to are refused like outsiders.
    Case,
}

use Reach::{Case, Own, Public, Record};

/// Every route of the router and who may reach it. A route missing here fails
/// `every_route_of_the_router_is_in_the_probe_table`.
const REACH: &[(&str, Reach)] = &[
    ("/healthz", Public),
    ("/demo/clock", Public),
    ("/", Public),
    ("/screening", Public),
    ("/{lang}", Public),
    ("/{lang}/", Public),
    ("/{lang}/rights", Public),
    ("/{lang}/support", Public),
    ("/{lang}/privacy", Public),
    ("/{lang}/screening", Public),
    ("/{lang}/help", Public),
    ("/{lang}/help/question", Public),
    ("/{lang}/help/codename", Public),
    ("/{lang}/help/check", Public),
    ("/{lang}/help/saved", Public),
    ("/{lang}/help/exit", Public),
    ("/{lang}/replies", Public),
    ("/{lang}/replies/send", Public),
    ("/{lang}/replies/erase", Public),
    ("/login", Public),
    ("/login/code", Public),
    ("/login/enrol", Public),
    ("/logout", Own),
    ("/account/sessions", Own),
    ("/account/sessions/end-others", Own),
    ("/account/sessions/{id}/end", Record),
    ("/team", Own),
    ("/team/{id}/reset-two-factor", Record),
    ("/staff", Own),
    ("/referrals/new", Own),
    ("/referrals", Own),
    ("/referrals/sent", Own),
    ("/inbox", Own),
    ("/inbox/{id}", Record),
    ("/inbox/{id}/accept", Record),
    ("/inbox/{id}/decline", Record),
    ("/inbox/{id}/reply", Record),
    ("/cases", Own),
    ("/cases/{id}/reply", Case),
    ("/cases/search", Own),
    ("/cases/{id}", Case),
    ("/cases/{id}/person", Case),
    ("/cases/{id}/needs", Case),
    ("/cases/{id}/plan", Case),
    ("/cases/{id}/plan/{action}/done", Case),
    ("/cases/{id}/notes", Case),
    ("/cases/{id}/documents", Case),
    ("/cases/{id}/documents/{document}", Case),
    ("/cases/{id}/history", Case),
    ("/cases/{id}/risk", Case),
    ("/cases/{id}/assign", Case),
    ("/cases/{id}/break-glass", Record),
    ("/notifications", Own),
    ("/notifications/new", Own),
    ("/cases/{id}/close", Case),
    ("/cases/{id}/erase", Case),
    ("/cases/{id}/export", Case),
    ("/statistics", Own),
    ("/organisation/retention", Own),
    ("/cases/{id}/sharing", Case),
    ("/cases/{id}/consents", Case),
    ("/cases/{id}/consents/{consent}/withdraw", Case),
    ("/cases/{id}/onward-referrals", Case),
    ("/cases/{id}/formal-referral", Case),
    ("/decisions", Own),
    ("/decisions/{id}", Record),
    ("/decisions/{id}/reasonable-grounds", Record),
    ("/decisions/{id}/review", Record),
    ("/decisions/{id}/conclusive-grounds", Record),
    ("/decisions/{id}/closure", Record),
    ("/decisions/{id}/information", Record),
    (
        "/cases/{id}/formal-referral/{formal}/reconsideration",
        Record,
    ),
    (
        "/cases/{id}/formal-referral/{formal}/requests/{request}/answer",
        Record,
    ),
    ("/decisions/figures", Own),
    ("/training", Public),
    ("/training/cards/{nation}", Public),
    ("/training/{course}", Public),
    ("/training/{course}/quiz", Own),
    ("/training/{course}/{module}", Public),
    ("/training/{course}/{module}/read", Own),
    ("/training/certificates/{code}", Record),
    ("/certificates/verify", Public),
    ("/certificates/public-key", Public),
    ("/training/helpers", Own),
    ("/training/helpers/{code}/revoke", Record),
    ("/decisions/{id}/letters", Record),
    ("/decisions/{id}/letters/{letter}", Record),
    ("/cases/{case}/formal-referrals/{id}/letters", Record),
    (
        "/cases/{case}/formal-referrals/{id}/letters/{letter}",
        Record,
    ),
    ("/static/{file}", Public),
    ("/api/v1/openapi.json", Public),
    ("/api/v1/screenings", Public),
    ("/api/v1/referrals", Own),
    ("/api/v1/referrals/{id}", Record),
    ("/api/v1/referrals/{id}/accept", Record),
    ("/api/v1/referrals/{id}/decline", Record),
    ("/api/v1/cases", Own),
    ("/api/v1/cases/{id}", Case),
    ("/api/v1/cases/{id}/person", Case),
    ("/api/v1/cases/{id}/needs", Case),
    ("/api/v1/cases/{id}/plan-actions", Case),
    ("/api/v1/cases/{id}/plan-actions/{action}/done", Case),
    ("/api/v1/cases/{id}/notes", Case),
    ("/api/v1/cases/{id}/documents", Case),
    ("/api/v1/cases/{id}/documents/{document}", Case),
    ("/api/v1/cases/{id}/history", Case),
    ("/api/v1/cases/{id}/risk", Case),
    ("/api/v1/cases/{id}/assign", Case),
    ("/api/v1/cases/{id}/break-glass", Record),
    ("/api/v1/tasks", Own),
    ("/api/v1/open-referrals", Own),
    ("/api/v1/search", Own),
    ("/api/v1/self-referrals", Public),
    ("/api/v1/channel/inbox", Public),
    ("/api/v1/channel/messages", Public),
    ("/api/v1/channel/erase", Public),
    ("/api/v1/referrals/{id}/messages", Record),
    ("/api/v1/cases/{id}/messages", Case),
    ("/api/v1/jurisdictions/{nation}/clock", Public),
    ("/api/v1/areas", Public),
    ("/api/v1/anonymous-notifications", Own),
    ("/api/v1/cases/{id}/close", Case),
    ("/api/v1/cases/{id}/erasure", Case),
    ("/api/v1/cases/{id}/export", Case),
    ("/api/v1/statistics/cases", Own),
    ("/api/v1/organisation/retention", Own),
    ("/api/v1/cases/{id}/consents", Case),
    ("/api/v1/consents/{id}/withdraw", Record),
    ("/api/v1/cases/{id}/onward-referrals", Case),
    ("/api/v1/cases/{id}/formal-referrals", Case),
    ("/api/v1/formal-referrals", Own),
    ("/api/v1/formal-referrals/{id}", Record),
    ("/api/v1/formal-referrals/{id}/reasonable-grounds", Record),
    (
        "/api/v1/formal-referrals/{id}/reasonable-grounds/review",
        Record,
    ),
    ("/api/v1/formal-referrals/{id}/conclusive-grounds", Record),
    ("/api/v1/formal-referrals/{id}/closure", Record),
    ("/api/v1/formal-referrals/{id}/information-requests", Record),
    (
        "/api/v1/cases/{id}/formal-referrals/{formal}/reconsideration",
        Record,
    ),
    (
        "/api/v1/cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer",
        Record,
    ),
    ("/api/v1/decision-figures", Own),
    ("/api/v1/formal-referrals/{id}/letters", Record),
    ("/api/v1/formal-referrals/{id}/letters/{letter}", Record),
    ("/api/v1/cases/{case}/formal-referrals/{id}/letters", Record),
    (
        "/api/v1/cases/{case}/formal-referrals/{id}/letters/{letter}",
        Record,
    ),
    ("/api/v1/training/courses", Public),
    ("/api/v1/training/courses/{id}", Public),
    ("/api/v1/training/courses/{id}/progress", Own),
    ("/api/v1/training/courses/{id}/modules/{module}/read", Own),
    ("/api/v1/training/courses/{id}/attempts", Own),
    ("/api/v1/certificates/public-key", Public),
    ("/api/v1/certificates/{code}", Public),
];

fn reach(path: &str) -> Option<Reach> {
    REACH.iter().find(|(p, _)| *p == path).map(|(_, r)| *r)
}

#[test]
fn every_route_of_the_router_is_in_the_probe_table() {
    let routes = waymark_web::route_paths();
    let missing: Vec<&String> = routes.iter().filter(|p| reach(p).is_none()).collect();
    assert!(
        missing.is_empty(),
        "routes with no line in route_probes::REACH, so not probed: {missing:?}"
    );
    let stale: Vec<&str> = REACH
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| !routes.iter().any(|r| r == p))
        .collect();
    assert!(
        stale.is_empty(),
        "REACH lists routes the router no longer has: {stale:?}"
    );
    assert!(routes.len() > 100, "the route table lists the whole router");
}

/// The name put on Harbour Light's case: only Harbour's assigned caseworker and managers may see it.
const CANARY: &str = "Zebulon Probe-Canary";

/// The records of Harbour Light that the probes aim at.
struct Targets {
    referral: String,
    case: String,
    team_member: String,
}

impl Targets {
    /// `path` with every `{param}` replaced: Harbour's real referral, case and team member where the
    /// route names one; otherwise an id that exists nowhere (the gate must answer the same).
    fn fill(&self, path: &str) -> String {
        let unknown = "0190c0de-0000-7000-8000-000000000000";
        let id = if path.starts_with("/inbox/") || path.starts_with("/api/v1/referrals/") {
            &self.referral
        } else if path.starts_with("/cases/") || path.starts_with("/api/v1/cases/") {
            &self.case
        } else if path.starts_with("/team/") {
            &self.team_member
        } else {
            unknown
        };
        path.replace("{lang}", "en")
            .replace("{id}", id)
            .replace("{case}", &self.case)
            .replace("{nation}", "england_wales")
            .replace("{file}", "waymark.css")
            .replace("{course}", "england-and-wales")
            .replace("{module}", "law")
            .replace("{code}", "WM-0000-0000-0000-0000")
            .replace(
                ['{', '}'],
                "", // any other parameter: its name, which is no record's id
            )
    }
}

/// Someone trying a route: by session cookie (pages) and by bearer token (API), or neither.
struct Actor {
    who: &'static str,
    cookie: Option<String>,
    token: Option<String>,
}

const METHODS: [&str; 4] = ["GET", "POST", "PUT", "DELETE"];

async fn request(h: &Harness, actor: &Actor, method: &str, path: &str, csrf: &str) -> Reply {
    let mut b = Request::builder().method(method).uri(path);
    let body = if path.starts_with("/api/") {
        if let Some(token) = &actor.token {
            b = b.header("authorization", format!("Bearer {token}"));
        }
        if method == "GET" {
            Body::empty()
        } else {
            b = b.header("content-type", "application/json");
            Body::from("{}")
        }
    } else {
        if let Some(cookie) = &actor.cookie {
            b = b.header("cookie", cookie);
        }
        if method == "GET" {
            Body::empty()
        } else {
            b = b.header("content-type", "application/x-www-form-urlencoded");
            Body::from(format!("csrf={csrf}"))
        }
    };
    h.send(b.body(body).expect("request")).await
}

/// A refusal: nothing was done and nothing shown. A GET carries no body to judge, so only the gate's
/// answers count for it; a body's validation error (400, 415, 422) counts only for methods with a body.
fn refused(r: &Reply, method: &str) -> bool {
    let to_login = r.status == StatusCode::SEE_OTHER
        && r.header("location")
            .is_some_and(|l| l.starts_with("/login"));
    let gate = matches!(
        r.status,
        StatusCode::UNAUTHORIZED
            | StatusCode::FORBIDDEN
            | StatusCode::NOT_FOUND
            | StatusCode::METHOD_NOT_ALLOWED
    );
    let body_refused = method != "GET"
        && matches!(
            r.status,
            StatusCode::BAD_REQUEST
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::UNPROCESSABLE_ENTITY
        );
    gate || body_refused || to_login
}

async fn signed_in(h: &Harness, who: &'static str, email: &str) -> Actor {
    let token = h.app.create_token(email).await.expect("token");
    Actor {
        who,
        cookie: Some(h.login(email).await),
        token: Some(token),
    }
}

#[tokio::test]
async fn every_route_refuses_other_organisations_other_roles_and_strangers_on_sqlite() {
    probe_every_route(Harness::sqlite().await).await;
}

#[tokio::test]
async fn every_route_refuses_other_organisations_other_roles_and_strangers_on_postgres() {
    probe_every_route(Harness::postgres().await).await;
}

/// Every route of the router, for every method, as every actor who must not reach Harbour's records.
async fn probe_every_route(h: Harness) {
    // Harbour Light's records: a pending referral, and a case (accepted by its caseworker, who is
    // assigned) whose person carries the canary name.
    let referral = h.api_referral("adult", true).await;
    let accepted_referral = h.api_referral("adult", true).await;
    let accepted = h.accept(&accepted_referral).await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{}", accepted.body);
    let case = accepted.json()["case_id"]
        .as_str()
        .expect("case")
        .to_owned();
    let person = h
        .api(
            "POST",
            &format!("/api/v1/cases/{case}/person"),
            &h.tokens.harbour_worker,
            Some(json!({"name": CANARY})),
        )
        .await;
    assert!(person.status.is_success(), "{}", person.body);
    let harbour = waymark_domain::OrgId::parse(&h.harbour).expect("org id");
    h.app
        .add_user(
            &harbour,
            "second@harbour.example",
            "Second caseworker",
            Role::Caseworker,
            PASSWORD,
        )
        .await
        .expect("a second caseworker");
    let team_member = h
        .app
        .add_user(
            &harbour,
            "third@harbour.example",
            "Third caseworker",
            Role::Caseworker,
            PASSWORD,
        )
        .await
        .expect("a second caseworker")
        .to_string();
    let targets = Targets {
        referral,
        case: case.clone(),
        team_member,
    };

    // The positive control: the assigned caseworker does see the canary, so its absence below means
    // something.
    let own = h
        .api(
            "GET",
            &format!("/api/v1/cases/{case}"),
            &h.tokens.harbour_worker,
            None,
        )
        .await;
    assert!(own.body.contains(CANARY), "the control: {}", own.body);

    let actors = vec![
        Actor {
            who: "nobody",
            cookie: None,
            token: None,
        },
        signed_in(&h, "a community helper", "helper@church.example").await,
        signed_in(
            &h,
            "another organisation's caseworker",
            "caseworker@lantern.example",
        )
        .await,
        signed_in(
            &h,
            "another organisation's manager",
            "manager@lantern.example",
        )
        .await,
        signed_in(&h, "Harbour's administrator", "admin@harbour.example").await,
        signed_in(
            &h,
            "Harbour's unassigned caseworker",
            "second@harbour.example",
        )
        .await,
    ];
    // Each session's form token, read once: no probe ends or renews a session.
    let mut with_tokens = Vec::new();
    for actor in actors {
        let csrf = match &actor.cookie {
            Some(cookie) => csrf_of(&h.get("/staff", Some(cookie)).await.body),
            None => String::new(),
        };
        with_tokens.push((actor, csrf));
    }
    let actors = with_tokens;
    let mut probes = 0;
    let mut failures = Vec::new();
    for path in waymark_web::route_paths() {
        let reach = reach(&path).expect("every route is in REACH");
        let target = targets.fill(&path);
        for (actor, csrf) in &actors {
            // Signing out would end the actor's session for the routes after it.
            if path == "/logout" && actor.cookie.is_some() {
                continue;
            }
            let harbour_staff = actor.who.starts_with("Harbour");
            for method in METHODS {
                // Harbour's own staff may act on Harbour's records (their rules are tested where the
                // feature is): only what they may read is probed here, so the records stay as they were.
                if reach == Record && harbour_staff && method != "GET" {
                    continue;
                }
                let r = request(&h, actor, method, &target, csrf).await;
                probes += 1;
                let what = format!("{} {method} {target} ({path})", actor.who);
                assert!(
                    !r.status.is_server_error(),
                    "{what}: {} {}",
                    r.status,
                    r.body
                );
                assert!(!r.body.contains(CANARY), "{what} showed the person's name");
                let must_refuse = match reach {
                    Public | Own => false,
                    Record => !harbour_staff,
                    Case => true,
                };
                if must_refuse && !refused(&r, method) {
                    failures.push(format!("{what} was not refused: {}", r.status));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(probes > 3000, "{probes} probes");

    // Nothing the probes tried changed Harbour's records.
    let after = h
        .api(
            "GET",
            &format!("/api/v1/cases/{case}"),
            &h.tokens.harbour_worker,
            None,
        )
        .await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(
        after.body.contains(CANARY),
        "the person is intact: {}",
        after.body
    );
    assert_eq!(after.json()["status"], "open", "{}", after.body);
    let pending = h
        .api(
            "GET",
            &format!("/api/v1/referrals/{}", targets.referral),
            &h.tokens.harbour_worker,
            None,
        )
        .await;
    assert_eq!(pending.status, StatusCode::OK);
    assert_eq!(pending.json()["status"], "sent", "{}", pending.body);
}

#[tokio::test]
async fn an_empty_reply_is_refused_with_a_reason_not_silently() {
    let h = Harness::sqlite().await;
    let referral = h.api_referral("adult", true).await;
    let cookie = h.login("caseworker@harbour.example").await;
    let page = h.get(&format!("/inbox/{referral}"), Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = csrf_of(&page.body);
    let r = h
        .post_form(
            &format!("/inbox/{referral}/reply"),
            &[("csrf", &csrf), ("body", "   ")],
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.to_lowercase().contains("message"), "{}", r.body);
}
