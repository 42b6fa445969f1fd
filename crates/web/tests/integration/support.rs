//! The in-process test harness: an `App` on a fresh database of either backend with three fictional
//! organisations and their users, driven through the router with `oneshot` (no port, no network).

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;
use waymark_app::{App, NewOrganisation};
use waymark_domain::{Nation, Need, OrgId, OrganisationKind, Role};
use waymark_store::testing::TestDatabase;
use waymark_testkit::{TestApp, new_organisation};
use waymark_vault::{TOTP_STEP_SECONDS, TotpSecret};

pub use waymark_testkit::PASSWORD;

pub struct Tokens {
    pub helper: String,
    pub harbour_worker: String,
    pub harbour_admin: String,
    pub lantern_worker: String,
}

pub struct Harness {
    pub app: App,
    pub harbour: String,
    pub harbour_policy: String,
    pub tokens: Tokens,
    /// Each account's TOTP secret (Base32) and the last time step a code was used for, so the next
    /// sign-in waits (moves the app's clock) for a fresh code: codes never work twice.
    totp: Mutex<HashMap<String, (String, u64)>>,
    _db: TestDatabase,
}

/// The browser the harness signs in with.
pub const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// The value a `Set-Cookie` header of this reply gives the cookie `name`, if any.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                let pair = v.split(';').next()?;
                let (n, value) = pair.split_once('=')?;
                (n == name && !value.is_empty()).then(|| pair.to_owned())
            })
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The value of the first hidden `csrf` field on a page.
pub fn csrf_of(html: &str) -> String {
    between(html, "name=\"csrf\" value=\"", "\"").expect("a CSRF field on the page")
}

pub fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(text[from..from + len].to_owned())
}

/// Sends a request through the router on `app` and reads the whole reply.
pub async fn send_to(app: &App, request: Request<Body>) -> Reply {
    let response = waymark_web::router(app.clone())
        .oneshot(request)
        .await
        .expect("a response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

impl Harness {
    pub async fn both() -> Vec<Harness> {
        vec![Self::sqlite().await, Self::postgres().await]
    }
    pub async fn sqlite() -> Harness {
        Self::on(TestDatabase::sqlite()).await
    }
    pub async fn postgres() -> Harness {
        Self::on(TestDatabase::postgres()).await
    }

    async fn on(db: TestDatabase) -> Harness {
        let app = TestApp::builder().on(&db).app;
        let org = |name: &str, kind, nation, area: &str, needs: &[Need], policy: Option<&str>| {
            NewOrganisation {
                data_sharing_policy: policy.map(str::to_owned),
                ..new_organisation(name, kind, nation, area, needs)
            }
        };
        let harbour_policy = "Harbour Light keeps referrals encrypted and shares nothing without consent (test policy).";
        let church = app
            .add_organisation(org(
                "St Example Church (fictional)",
                OrganisationKind::CommunityGroup,
                Nation::EnglandWales,
                "Leeds",
                &[],
                None,
            ))
            .await
            .expect("church");
        let harbour = app
            .add_organisation(org(
                "Harbour Light (fictional)",
                OrganisationKind::SupportOrganisation,
                Nation::EnglandWales,
                "Leeds",
                &[Need::SafeHousing, Need::Medical],
                Some(harbour_policy),
            ))
            .await
            .expect("harbour");
        let lantern = app
            .add_organisation(org(
                "Northern Lantern (fictional)",
                OrganisationKind::SupportOrganisation,
                Nation::Scotland,
                "Glasgow City",
                &[Need::MentalHealth],
                None,
            ))
            .await
            .expect("lantern");
        let users: [(&OrgId, &str, Role); 6] = [
            (&church, "helper@church.example", Role::Helper),
            (&harbour, "caseworker@harbour.example", Role::Caseworker),
            (&harbour, "admin@harbour.example", Role::Admin),
            (&lantern, "caseworker@lantern.example", Role::Caseworker),
            (&lantern, "manager@lantern.example", Role::Manager),
            (&harbour, "manager@harbour.example", Role::Manager),
        ];
        let mut totp = HashMap::new();
        for (org, email, role) in users {
            app.add_user(org, email, "Test user", role, PASSWORD)
                .await
                .expect("user");
            // Every account that may read personal data has a second factor, set up as the demo does.
            if role != Role::Helper {
                let setup = app.set_up_two_factor(email).await.expect("two-factor");
                totp.insert(email.to_owned(), (setup.secret_base32, 0));
            }
        }
        let tokens = Tokens {
            helper: app
                .create_token("helper@church.example")
                .await
                .expect("token"),
            harbour_worker: app
                .create_token("caseworker@harbour.example")
                .await
                .expect("token"),
            harbour_admin: app
                .create_token("admin@harbour.example")
                .await
                .expect("token"),
            lantern_worker: app
                .create_token("caseworker@lantern.example")
                .await
                .expect("token"),
        };
        Harness {
            app,
            harbour: harbour.to_string(),
            harbour_policy: harbour_policy.into(),
            tokens,
            totp: Mutex::new(totp),
            _db: db,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        send_to(&self.app, request).await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut b = Request::get(path);
        if let Some(c) = cookie {
            b = b.header("cookie", c);
        }
        self.send(b.body(Body::empty()).expect("request")).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut b = Request::get(path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::empty()).expect("request")).await
    }

    /// A redirect's page, as a browser fetches it (GET, no cookie); any other reply as it is.
    pub async fn follow(&self, r: Reply) -> Reply {
        if r.status != StatusCode::SEE_OTHER {
            return r;
        }
        let to = r.header("location").expect("where to go next");
        self.get(&to, None).await
    }

    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Reply {
        self.post_form_with(path, fields, cookie, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut b = Request::post(path).header("content-type", "application/x-www-form-urlencoded");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        if let Some(c) = cookie {
            b = b.header("cookie", c);
        }
        self.send(b.body(Body::from(body)).expect("request")).await
    }

    /// Signs in through the forms as a browser without JavaScript would — password, then a TOTP code
    /// (or, for an account without a second factor yet, enrolment with the key the page shows) — and
    /// returns the `Cookie` header value.
    pub async fn login(&self, email: &str) -> String {
        let r = self
            .post_form(
                "/login",
                &[("email", email), ("password", PASSWORD), ("next", "/")],
                None,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "login for {email}: {}",
            r.body
        );
        if let Some(session) = r.cookie("waymark_session") {
            return session;
        }
        let pending = r
            .cookie("waymark_pending")
            .expect("a pending sign-in cookie");
        let to = r.header("location").expect("where to go next");
        let page = self.get(&to, Some(&pending)).await;
        assert_eq!(page.status, StatusCode::OK, "{to}: {}", page.body);
        let csrf = csrf_of(&page.body);
        let (action, secret) = if to.starts_with("/login/enrol") {
            let shown = between(&page.body, "id=\"totp-secret\">", "<").expect("the key as text");
            ("/login/enrol", shown.replace(' ', ""))
        } else {
            let known = self.totp.lock().expect("lock").get(email).cloned();
            ("/login/code", known.expect("a known second factor").0)
        };
        let code = self.fresh_code(email, &secret);
        let r = self
            .post_form_with(
                action,
                &[("csrf", &csrf), ("code", &code), ("next", "/")],
                Some(&pending),
                &[("sec-fetch-site", "same-origin"), ("user-agent", BROWSER)],
            )
            .await;
        assert!(
            r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
            "{action} for {email}: {} {}",
            r.status,
            r.body
        );
        r.cookie("waymark_session").expect("a session cookie")
    }

    /// A TOTP code for `email` that was not used yet: moves the app's clock to the next 30-second step
    /// when this one's code was already used (codes never work twice).
    pub fn fresh_code(&self, email: &str, secret_base32: &str) -> String {
        let secret = TotpSecret::from_base32(secret_base32).expect("base32");
        let mut known = self.totp.lock().expect("lock");
        let last = known.get(email).map_or(0, |(_, step)| *step);
        let clock = self.app.clock();
        if clock.unix_seconds() / TOTP_STEP_SECONDS <= last {
            let wait = (last + 1) * TOTP_STEP_SECONDS - clock.unix_seconds();
            clock.advance(time::Duration::seconds(
                i64::try_from(wait).expect("seconds"),
            ));
        }
        let now = clock.unix_seconds();
        known.insert(
            email.to_owned(),
            (secret_base32.to_owned(), now / TOTP_STEP_SECONDS),
        );
        secret.code_at(now)
    }

    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> Reply {
        let b = Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", format!("Bearer {token}"));
        let request = match body {
            Some(json) => b
                .header("content-type", "application/json")
                .body(Body::from(json.to_string())),
            None => b.body(Body::empty()),
        };
        self.send(request.expect("request")).await
    }

    pub async fn api_public(&self, method: &str, path: &str, body: serde_json::Value) -> Reply {
        let b = Request::builder().method(method).uri(path);
        let request = if body.is_null() {
            b.body(Body::empty())
        } else {
            b.header("content-type", "application/json")
                .body(Body::from(body.to_string()))
        };
        self.send(request.expect("request")).await
    }

    pub fn referral_body(&self, age: &str, consent: bool) -> serde_json::Value {
        serde_json::json!({
            "to_organisation": self.harbour,
            "person": {"name": "Test Person", "contact": "Via the church office", "language": "Romanian"},
            "age": age,
            "needs": ["safe_housing"],
            "indicators": ["debt_bondage"],
            "first_contact": "faith_group",
            "nation": "england_wales",
            "consent": {"given": consent}
        })
    }

    /// Sends a referral to Harbour Light through the API as the church's helper; returns its id.
    pub async fn api_referral(&self, age: &str, consent: bool) -> String {
        let r = self
            .api(
                "POST",
                "/api/v1/referrals",
                &self.tokens.helper,
                Some(self.referral_body(age, consent)),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        r.json()["id"].as_str().expect("id").to_owned()
    }

    /// Harbour Light's caseworker accepts a referral through the API.
    pub async fn accept(&self, referral_id: &str) -> Reply {
        self.api(
            "POST",
            &format!("/api/v1/referrals/{referral_id}/accept"),
            &self.tokens.harbour_worker,
            None,
        )
        .await
    }

    /// A referral to Harbour Light accepted by its caseworker through the API: the case id.
    pub async fn case(&self) -> String {
        let id = self.api_referral("adult", true).await;
        let accepted = self.accept(&id).await;
        assert_eq!(accepted.status, StatusCode::CREATED, "{}", accepted.body);
        accepted.json()["case_id"]
            .as_str()
            .expect("case id")
            .to_owned()
    }

    /// Northern Lantern's id: the other support organisation of the harness.
    pub async fn lantern_id(&self) -> String {
        self.app
            .suggest_support(Nation::Scotland, None, vec![])
            .await
            .expect("organisations")
            .into_iter()
            .find(|s| s.org.name.contains("Lantern"))
            .expect("lantern")
            .org
            .id
            .to_string()
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
