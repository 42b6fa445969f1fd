//! Training certificates, as the people using Waymark would notice them: a helper's certificate that
//! anyone can check by its code or offline with the published key, that expires, and that a manager of
//! the helper's organisation or a coordinator can revoke. Every test runs on a fresh SQLite file and on a
//! fresh PostgreSQL schema.

use crate::fixture::*;
use base64::Engine as _;
use time::{Date, Duration};
use waymark_app::{
    Account, App, AppError, Certificate, CertificatePublicKey, CertificateState, CertificateStatus,
    InvalidCertificate, InvalidReason, verify_offline,
};
use waymark_domain::training::valid_until;
use waymark_domain::{Nation, OrganisationKind, Role};
use waymark_store::CERTIFICATE_SIGNING;
use waymark_store::testing::TestDatabase;
use waymark_vault::MasterKey;

const COURSE: &str = "england-and-wales";
const COURSE_TITLE: &str =
    "Spotting and supporting people at risk of modern slavery: England and Wales";

fn today(app: &App) -> Date {
    app.clock().now().date()
}

async fn issue(app: &App, holder: &Account) -> Certificate {
    app.issue_certificate(holder, COURSE, today(app))
        .await
        .expect("issued")
}

/// The world of the fixture plus the community group's manager and a coordinator's manager.
struct Managers {
    group_manager: Account,
    coordinator: Account,
}

async fn managers(w: &World) -> Managers {
    let coordination = organisation(
        &w.app,
        "Anti-Slavery Training Network",
        OrganisationKind::Coordinator,
        Nation::EnglandWales,
        "Leeds",
        &[],
    )
    .await;
    Managers {
        group_manager: account(&w.app, &w.group, "manager@group.example.org", Role::Manager).await,
        coordinator: account(
            &w.app,
            &coordination,
            "manager@network.example.org",
            Role::Manager,
        )
        .await,
    }
}

fn a_base64url_char_other_than(c: char) -> char {
    if c == 'A' { 'B' } else { 'A' }
}

/// The token with its character at `at` changed to another base64url character.
fn altered(token: &str, at: usize) -> String {
    token
        .char_indices()
        .map(|(i, c)| {
            if i == at {
                a_base64url_char_other_than(c)
            } else {
                c
            }
        })
        .collect()
}

#[tokio::test]
async fn a_helper_who_passes_gets_a_certificate_anyone_can_check_until_it_expires() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let w = world(&db).await;
        let day = today(&w.app);
        let cert = issue(&w.app, &w.helper).await;

        assert_eq!(cert.holder, "Test person", "{on:?}");
        assert_eq!(cert.course_title, COURSE_TITLE);
        assert_eq!(cert.nation, Nation::EnglandWales);
        assert_eq!(cert.issued_on, day);
        assert_eq!(cert.expires_on, valid_until(day, 24));
        assert_eq!(cert.state, CertificateState::Valid);
        assert_eq!(cert.revocation, None);
        assert!(
            cert.code.starts_with("WM-") && cert.code.len() == 22,
            "{}",
            cert.code
        );
        assert_eq!(
            w.app.my_certificates(&w.helper).await.expect("mine"),
            vec![cert.clone()]
        );
        assert_eq!(
            w.app.my_certificates(&w.a_caseworker).await.expect("none"),
            vec![]
        );

        // Anyone with the code, typed as they like, sees whose it is and until when.
        let valid = w.app.certificate_status(&cert.code).await.expect("status");
        let Some(CertificateStatus::Valid(public)) = valid.clone() else {
            panic!("{on:?}: {valid:?}");
        };
        assert_eq!(
            (public.holder.as_str(), public.course_title.as_str()),
            ("Test person", COURSE_TITLE)
        );
        assert_eq!(
            (public.issued_on, public.expires_on),
            (day, cert.expires_on)
        );
        let typed = cert.code.replace('-', " ").to_lowercase();
        assert_eq!(
            w.app.certificate_status(&typed).await.expect("status"),
            valid
        );

        // Issued is audited with the course, by the holder; the public check leaves no trace.
        assert_eq!(
            trail(&db, &cert.code),
            by(&[("certificate.issue", &w.helper.user_id)])
        );
        assert_eq!(entries(&db, &cert.code)[0].reason, "england-and-wales v1");

        // The last valid day is still valid; the day after, the certificate has expired.
        let days_left = (cert.expires_on - day).whole_days();
        w.app.clock().advance(Duration::days(days_left));
        assert_eq!(
            w.app.certificate_status(&cert.code).await.expect("status"),
            valid
        );
        w.app.clock().advance(Duration::days(1));
        let expired = w.app.certificate_status(&cert.code).await.expect("status");
        assert_eq!(
            expired,
            Some(CertificateStatus::Invalid {
                reason: InvalidReason::Expired,
                certificate: public,
            }),
            "{on:?}"
        );
        assert_eq!(
            w.app.my_certificates(&w.helper).await.expect("mine")[0].state,
            CertificateState::Expired
        );
        assert_eq!(InvalidReason::Expired.as_str(), "expired");
        assert_eq!(w.app.verify_audit().await.expect("audit").first_bad, None);
    }
}

#[tokio::test]
async fn a_code_never_issued_and_anything_that_is_not_a_code_get_the_same_answer() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let cert = issue(&w.app, &w.helper).await;
        // One character different from a real code: still nothing.
        let last = cert.code.chars().last().expect("a character");
        let neighbour = format!(
            "{}{}",
            &cert.code[..cert.code.len() - 1],
            if last == '0' { '1' } else { '0' }
        );
        for code in [
            neighbour.as_str(),
            "WM-0000-0000-0000-0000",
            "",
            "hello",
            "WM-0000-0000-0000-000U",
            "' OR 1=1 --",
            &"W".repeat(10_000),
        ] {
            assert_eq!(
                w.app.certificate_status(code).await.expect("an answer"),
                None,
                "{:?}: {code:.30}",
                db.backend()
            );
        }
    }
}

#[tokio::test]
async fn managers_of_the_holders_organisation_and_coordinators_revoke_and_the_public_sees_only_revoked()
 {
    for db in TestDatabase::both() {
        let on = db.backend();
        let w = world(&db).await;
        let m = managers(&w).await;
        let helpers = issue(&w.app, &w.helper).await;
        let caseworkers = issue(&w.app, &w.a_caseworker).await;
        let day = today(&w.app);

        // Roles that may not revoke at all are told so; a manager of another organisation is told
        // nothing exists; a reason must be given.
        for who in [&w.helper, &w.a_caseworker] {
            assert!(
                matches!(
                    w.app
                        .revoke_certificate(who, &helpers.code, "issued in error")
                        .await,
                    Err(AppError::Forbidden)
                ),
                "{on:?}"
            );
        }
        assert!(matches!(
            w.app
                .revoke_certificate(&w.a_manager, &helpers.code, "issued in error")
                .await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app
                .revoke_certificate(
                    &m.group_manager,
                    "WM-0000-0000-0000-0000",
                    "issued in error"
                )
                .await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app
                .revoke_certificate(&m.group_manager, &helpers.code, "x")
                .await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            w.app.certificate_status(&helpers.code).await,
            Ok(Some(CertificateStatus::Valid(_)))
        ));

        // The group's manager revokes their helper's certificate.
        let revoked = w
            .app
            .revoke_certificate(&m.group_manager, &helpers.code, "  issued in error  ")
            .await
            .expect("revoked");
        assert_eq!(revoked.state, CertificateState::Revoked);
        let reason = revoked.revocation.clone().expect("a revocation");
        assert_eq!(
            (reason.on, reason.reason.as_str()),
            (day, "issued in error")
        );
        let Some(CertificateStatus::Invalid {
            reason: InvalidReason::Revoked { on: revoked_on },
            certificate,
        }) = w
            .app
            .certificate_status(&helpers.code)
            .await
            .expect("status")
        else {
            panic!("{on:?}: not revoked");
        };
        assert_eq!(revoked_on, day);
        assert_eq!(certificate.holder, "Test person");
        assert_eq!(InvalidReason::Revoked { on: day }.as_str(), "revoked");
        // The holder sees it revoked, with the reason; revoking again changes nothing.
        assert_eq!(
            w.app.my_certificates(&w.helper).await.expect("mine"),
            vec![revoked.clone()]
        );
        assert!(matches!(
            w.app
                .revoke_certificate(&m.group_manager, &helpers.code, "another reason")
                .await,
            Err(AppError::Conflict(_))
        ));
        assert_eq!(
            w.app.my_certificates(&w.helper).await.expect("mine")[0].revocation,
            Some(reason)
        );

        // A coordinator revokes in any organisation; the caseworker's own organisation's administrator
        // could have too, but a second revocation is refused.
        w.app
            .revoke_certificate(
                &m.coordinator,
                &caseworkers.code,
                "course content withdrawn",
            )
            .await
            .expect("revoked by the coordinator");
        assert!(matches!(
            w.app
                .revoke_certificate(&w.a_admin, &caseworkers.code, "issued in error")
                .await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            w.app.certificate_status(&caseworkers.code).await,
            Ok(Some(CertificateStatus::Invalid {
                reason: InvalidReason::Revoked { .. },
                ..
            }))
        ));

        // Every step is audited, the revocation with its reason.
        assert_eq!(
            trail(&db, &helpers.code),
            by(&[
                ("certificate.issue", &w.helper.user_id),
                ("certificate.revoke", &m.group_manager.user_id),
            ])
        );
        assert_eq!(entries(&db, &helpers.code)[1].reason, "issued in error");
        assert_eq!(
            trail(&db, &caseworkers.code),
            by(&[
                ("certificate.issue", &w.a_caseworker.user_id),
                ("certificate.revoke", &m.coordinator.user_id),
            ])
        );
        assert_eq!(w.app.verify_audit().await.expect("audit").first_bad, None);
    }
}

#[tokio::test]
async fn managers_list_their_organisations_certificates_and_coordinators_everyones() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let m = managers(&w).await;
        let helpers = issue(&w.app, &w.helper).await;
        let caseworkers = issue(&w.app, &w.a_caseworker).await;
        let codes = |list: Vec<waymark_app::ManagedCertificate>| -> Vec<(String, String)> {
            list.into_iter()
                .map(|c| (c.org_name, c.certificate.code))
                .collect()
        };

        assert_eq!(
            codes(
                w.app
                    .certificates_to_manage(&m.group_manager)
                    .await
                    .expect("list")
            ),
            vec![(GROUP.to_owned(), helpers.code.clone())]
        );
        assert_eq!(
            codes(
                w.app
                    .certificates_to_manage(&w.a_admin)
                    .await
                    .expect("list")
            ),
            vec![(ORG_A.to_owned(), caseworkers.code.clone())]
        );
        assert_eq!(
            codes(
                w.app
                    .certificates_to_manage(&w.b_manager)
                    .await
                    .expect("list")
            ),
            vec![]
        );
        // By organisation name: Leeds Safe Haven before St Anne's Drop-in.
        assert_eq!(
            codes(
                w.app
                    .certificates_to_manage(&m.coordinator)
                    .await
                    .expect("list")
            ),
            vec![
                (ORG_A.to_owned(), caseworkers.code.clone()),
                (GROUP.to_owned(), helpers.code.clone()),
            ]
        );
        for who in [&w.helper, &w.a_caseworker] {
            assert!(matches!(
                w.app.certificates_to_manage(who).await,
                Err(AppError::Forbidden)
            ));
        }
        assert_eq!(
            trail(&db, m.coordinator.org_id.as_str()).last(),
            Some(&(
                "certificate.list".to_owned(),
                m.coordinator.user_id.as_str().to_owned()
            ))
        );
    }
}

#[tokio::test]
async fn a_token_checks_offline_with_the_published_key_and_fails_when_altered() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let w = world(&db).await;
        let cert = issue(&w.app, &w.helper).await;
        let second = issue(&w.app, &w.a_caseworker).await;

        // What the website publishes, read back as a checker would.
        let published = w.app.certificate_public_key().await.expect("key");
        assert_eq!(
            w.app.certificate_public_key().await.expect("key"),
            published
        );
        for form in [
            published.to_base64url(),
            published.to_hex(),
            published.to_pem(),
        ] {
            let key = CertificatePublicKey::parse(&form).expect("a public key");
            let facts = verify_offline(&cert.token, &key, cert.issued_on).expect("genuine");
            assert_eq!(facts.code.as_str(), cert.code, "{on:?}");
            assert_eq!(facts.holder, "Test person");
            assert_eq!(facts.course_id, COURSE);
            assert_eq!(facts.course_version, 1);
            assert_eq!(facts.nation, "england_wales");
            assert_eq!(
                (facts.issued_on, facts.expires_on),
                (cert.issued_on, cert.expires_on)
            );
        }
        assert!(verify_offline(&second.token, &published, second.issued_on).is_ok());

        // Any character changed, in the payload or in the signature: refused.
        let dot = cert.token.find('.').expect("two parts");
        for at in [0, dot / 2, dot - 2, dot + 1, dot + 40, cert.token.len() - 2] {
            let changed = altered(&cert.token, at);
            assert!(
                verify_offline(&changed, &published, cert.issued_on).is_err(),
                "{on:?}: changed at {at}"
            );
        }
        // The holder's name swapped for another in the payload, re-encoded: the signature no longer fits.
        let (payload, signature) = cert.token.split_once('.').expect("two parts");
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let text = String::from_utf8(b64.decode(payload).expect("base64url")).expect("UTF-8");
        let forged = format!(
            "{}.{signature}",
            b64.encode(text.replace("Test person", "Someone Else"))
        );
        assert_eq!(
            verify_offline(&forged, &published, cert.issued_on),
            Err(InvalidCertificate::Tampered)
        );
        // Offline, it expires too.
        assert!(matches!(
            verify_offline(&cert.token, &published, cert.expires_on + Duration::days(1)),
            Err(InvalidCertificate::Expired(_))
        ));

        // Another Waymark's key (another database, another master key) does not check our tokens.
        let elsewhere = TestDatabase::new(on);
        let other = App::with_key(elsewhere.store.clone(), MasterKey::generate()).expect("app");
        let their_key = other.certificate_public_key().await.expect("key");
        assert_ne!(their_key, published);
        assert_eq!(
            verify_offline(&cert.token, &their_key, cert.issued_on),
            Err(InvalidCertificate::Tampered)
        );

        // One key, made once on first use and audited.
        let key_id = published.id();
        assert_eq!(
            trail(&db, &key_id),
            vec![("signing_key.create".to_owned(), "system".to_owned())]
        );
    }
}

#[tokio::test]
async fn a_certificate_changed_in_the_database_is_never_issued() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let w = world(&db).await;
        let renamed = issue(&w.app, &w.helper).await;
        let extended = issue(&w.app, &w.helper).await;
        let untouched = issue(&w.app, &w.helper).await;

        db.execute_as_intruder(&format!(
            "UPDATE certificates SET holder_name = 'Someone Else' WHERE code = '{}'",
            renamed.code
        ))
        .expect("intruder");
        db.execute_as_intruder(&format!(
            "UPDATE certificates SET expires_on = '2099-01-01' WHERE code = '{}'",
            extended.code
        ))
        .expect("intruder");
        for changed in [&renamed, &extended] {
            assert_eq!(
                w.app
                    .certificate_status(&changed.code)
                    .await
                    .expect("an answer"),
                None,
                "{on:?}"
            );
        }
        assert!(matches!(
            w.app.certificate_status(&untouched.code).await,
            Ok(Some(CertificateStatus::Valid(_)))
        ));

        // A key planted beside ours cannot vouch for a row either: its public key is not the one its
        // wrapped secret (which the intruder cannot make without the master key) belongs to.
        db.execute_as_intruder(&format!(
            "UPDATE signing_keys SET public_key = {} WHERE purpose = '{CERTIFICATE_SIGNING}'",
            if db.backend() == waymark_store::Backend::Postgres {
                format!("'\\x{}'", "11".repeat(32))
            } else {
                format!("X'{}'", "11".repeat(32))
            }
        ))
        .expect("intruder");
        assert!(
            w.app.certificate_status(&untouched.code).await.is_err(),
            "{on:?}"
        );
    }
}

#[tokio::test]
async fn the_signing_key_is_never_stored_in_plaintext() {
    for db in TestDatabase::both() {
        let on = db.backend();
        let master = MasterKey::generate();
        let app = App::with_key(db.store.clone(), master.clone()).expect("app");
        let group = organisation(
            &app,
            GROUP,
            OrganisationKind::CommunityGroup,
            Nation::Scotland,
            "Dundee City",
            &[],
        )
        .await;
        let helper = account(&app, &group, "helper@group.example.org", Role::Helper).await;
        let cert = app
            .issue_certificate(&helper, "scotland", today(&app))
            .await
            .expect("issued");
        assert_eq!(cert.nation, Nation::Scotland);

        // The stored key, opened with the master key (which the database never holds), is the key that
        // signs: the published public key is its own.
        let stored = db
            .store
            .run_blocking(|tx| tx.active_signing_key(CERTIFICATE_SIGNING))
            .expect("read")
            .expect("a key");
        let key = master
            .unwrap_certificate_key(&stored.wrapped_key, &stored.id)
            .expect("unwrapped");
        let published = app.certificate_public_key().await.expect("key");
        assert_eq!(key.public_key(), published);
        assert_eq!(stored.master_key_id, master.id());

        // The scan finds the public key's raw bytes, so it would find the secret's.
        assert!(
            !db.find_bytes(&stored.public_key).is_empty(),
            "{on:?}: the scan works"
        );
        let secret = key.secret_bytes_for_tests();
        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
        // (Each search reads every file of the database, so a few needles stand for all: half the secret
        // is found wherever the whole of it is.)
        assert!(
            db.find_bytes(&secret[..16]).is_empty(),
            "{on:?}: the secret bytes are stored"
        );
        for text in [hex, b64] {
            let found = db.find_plaintext(&text);
            assert!(found.is_empty(), "{on:?}: the secret is in {found:?}");
        }
    }
}

/// Referrals are counted by whether their helper held a valid certificate on the day they were sent:
/// the group's manager sees their helpers' referrals, a coordinator everyone's; a caseworker may not.
#[tokio::test]
async fn referrals_are_counted_by_trained_and_untrained_helpers() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let m = managers(&w).await;
        let counts = |t: usize, u: usize| waymark_app::TrainedReferrals {
            trained: t,
            untrained: u,
        };
        // Another helper of the group, never trained.
        let untrained = account(&w.app, &w.group, "second@group.example", Role::Helper).await;
        w.app
            .submit_referral(&untrained, &w.org_a, amina())
            .await
            .expect("sent untrained");
        issue(&w.app, &w.helper).await;
        w.app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent trained");
        w.app
            .submit_referral(&w.helper, &w.org_a, amina())
            .await
            .expect("sent trained");
        assert_eq!(
            w.app
                .trained_referrals(&m.group_manager)
                .await
                .expect("counts"),
            counts(2, 1)
        );
        assert_eq!(
            w.app
                .trained_referrals(&m.coordinator)
                .await
                .expect("counts"),
            counts(2, 1)
        );
        // A support organisation's manager sees its own helpers' referrals: none.
        assert_eq!(
            w.app.trained_referrals(&w.b_manager).await.expect("counts"),
            counts(0, 0)
        );
        assert!(matches!(
            w.app.trained_referrals(&w.a_caseworker).await,
            Err(AppError::Forbidden)
        ));
    }
}
