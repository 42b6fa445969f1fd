//! Training certificates and their signing keys, on a fresh SQLite file and a fresh PostgreSQL schema:
//! found by code, listed by holder and by organisation, revoked once, and one active signing key even when
//! two first uses race.

use std::sync::{Arc, Barrier};

use time::macros::date;
use time::{Date, Duration};
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::{CertificateCode, new_id};

type R<T> = Result<T, StoreError>;

fn org(tx: &mut Tx<'_>, name: &str, kind: OrganisationKind) -> R<OrgId> {
    let o = Organisation {
        id: OrgId::parse(&new_id()).expect("id"),
        name: name.into(),
        kind,
        nation: Some(Nation::Scotland),
        area: Some("S12000042".into()),
        needs: vec![],
        data_sharing_policy: "policy".into(),
        created_at: now(),
    };
    tx.insert_organisation(&o)?;
    Ok(o.id)
}

fn user(tx: &mut Tx<'_>, org: &OrgId, name: &str) -> R<UserId> {
    let u = User {
        id: UserId::parse(&new_id()).expect("id"),
        org_id: org.clone(),
        email: format!("{}@example.org", new_id()),
        display_name: name.into(),
        role: Role::Helper,
        password_hash: "$argon2id$placeholder".into(),
        failed_logins: 0,
        locked_until: None,
        created_at: now(),
    };
    tx.insert_user(&u)?;
    Ok(u.id)
}

fn signing_key(fill: u8) -> SigningKeyRecord {
    SigningKeyRecord {
        id: format!("{fill:016x}"),
        purpose: CERTIFICATE_SIGNING.into(),
        public_key: vec![fill; 32],
        wrapped_key: vec![fill; 73],
        master_key_id: "00112233aabbccdd".into(),
        created_at: now(),
        retired_at: None,
    }
}

fn certificate(holder: &UserId, name: &str, key: &str, issued_on: Date) -> CertificateRecord {
    CertificateRecord {
        code: CertificateCode::generate(),
        user_id: holder.clone(),
        key_id: key.into(),
        course_id: "scotland".into(),
        course_version: 3,
        nation: Nation::Scotland,
        holder_name: name.into(),
        issued_on,
        expires_on: issued_on + Duration::days(730),
        token: format!("payload-{name}.signature"),
        revocation: None,
    }
}

#[test]
fn certificates_are_found_by_code_listed_by_holder_and_organisation_and_revoked_once() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<CertificateRecord> {
                let kirk = org(tx, "Kirk Wynd Group", OrganisationKind::CommunityGroup)?;
                let abbey = org(tx, "Abbey Project", OrganisationKind::SupportOrganisation)?;
                let morag = user(tx, &kirk, "Morag")?;
                let ewan = user(tx, &kirk, "Ewan")?;
                let priya = user(tx, &abbey, "Priya")?;
                let key = signing_key(7);
                assert!(tx.insert_signing_key_unless_active(&key)?);

                let old = certificate(&morag, "Morag", &key.id, date!(2026 - 01 - 10));
                let new = certificate(&morag, "Morag", &key.id, date!(2026 - 12 - 05));
                let ewans = certificate(&ewan, "Ewan", &key.id, date!(2026 - 06 - 01));
                let priyas = certificate(&priya, "Priya", &key.id, date!(2026 - 03 - 01));
                for c in [&old, &new, &ewans, &priyas] {
                    tx.insert_certificate(c)?;
                }

                assert_eq!(tx.certificate(&new.code)?, Some(new.clone()));
                assert_eq!(tx.certificate(&CertificateCode::generate())?, None);
                assert_eq!(
                    tx.certificates_of_user(&morag)?,
                    vec![new.clone(), old.clone()]
                );
                assert_eq!(tx.certificates_of_user(&priya)?, vec![priyas.clone()]);

                // One organisation's, soonest to expire first; everyone's, by organisation name.
                let kirks: Vec<_> = tx
                    .certificates_by_organisation(Some(&kirk))?
                    .into_iter()
                    .map(|c| (c.org_name, c.certificate.code))
                    .collect();
                assert_eq!(
                    kirks,
                    [&old, &ewans, &new]
                        .iter()
                        .map(|c| ("Kirk Wynd Group".to_owned(), c.code.clone()))
                        .collect::<Vec<_>>()
                );
                let all: Vec<_> = tx
                    .certificates_by_organisation(None)?
                    .into_iter()
                    .map(|c| (c.org_id, c.certificate.code))
                    .collect();
                assert_eq!(
                    all,
                    vec![
                        (abbey.clone(), priyas.code.clone()),
                        (kirk.clone(), old.code.clone()),
                        (kirk.clone(), ewans.code.clone()),
                        (kirk.clone(), new.code.clone()),
                    ]
                );

                // Revoked once: the first revocation stands.
                let first = Revocation {
                    at: now(),
                    by: priya.clone(),
                    reason: "issued in error".into(),
                };
                assert!(tx.revoke_certificate(&new.code, &first)?);
                let again = Revocation {
                    reason: "another reason".into(),
                    ..first.clone()
                };
                assert!(!tx.revoke_certificate(&new.code, &again)?);
                assert!(!tx.revoke_certificate(&CertificateCode::generate(), &first)?);
                let read = tx.certificate(&new.code)?.expect("still there");
                assert_eq!(read.revocation, Some(first));
                assert_eq!(tx.certificate(&old.code)?.and_then(|c| c.revocation), None);
                Ok(old)
            })
            .and_then(|old| {
                // A code is issued once (on PostgreSQL the refusal ends its transaction, so on its own).
                db.store.run_blocking(move |tx| tx.insert_certificate(&old))
            })
            .map_or_else(
                |e| assert!(matches!(e, StoreError::Duplicate(_)), "{e}"),
                |()| panic!("a code was stored twice"),
            );
    }
}

#[test]
fn the_database_refuses_a_half_recorded_revocation_and_an_odd_code() {
    for db in TestDatabase::both() {
        let code = db
            .store
            .run_blocking(|tx| -> R<String> {
                let o = org(tx, "Kirk Wynd Group", OrganisationKind::CommunityGroup)?;
                let u = user(tx, &o, "Morag")?;
                let key = signing_key(1);
                tx.insert_signing_key_unless_active(&key)?;
                let c = certificate(&u, "Morag", &key.id, date!(2026 - 12 - 05));
                tx.insert_certificate(&c)?;
                Ok(c.code.as_str().to_owned())
            })
            .expect("set up");
        let on = db.backend();
        assert!(
            db.execute_as_intruder(&format!(
                "UPDATE certificates SET revoke_reason = 'x' WHERE code = '{code}'"
            ))
            .is_err(),
            "{on:?}"
        );
        assert!(
            db.execute_as_intruder(&format!(
                "UPDATE certificates SET code = 'WM-1' WHERE code = '{code}'"
            ))
            .is_err(),
            "{on:?}"
        );
        assert!(
            db.execute_as_intruder(&format!(
                "UPDATE certificates SET expires_on = '2020-01-01' WHERE code = '{code}'"
            ))
            .is_err(),
            "{on:?}: expiring before it was issued"
        );
    }
}

#[test]
fn one_active_signing_key_and_a_refused_second_leaves_the_transaction_usable() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                assert_eq!(tx.active_signing_key(CERTIFICATE_SIGNING)?, None);
                let first = signing_key(1);
                assert!(tx.insert_signing_key_unless_active(&first)?);
                assert!(!tx.insert_signing_key_unless_active(&signing_key(2))?);
                // The refusal was rolled back to its savepoint only: the transaction goes on.
                assert_eq!(
                    tx.active_signing_key(CERTIFICATE_SIGNING)?,
                    Some(first.clone())
                );
                assert_eq!(tx.signing_key(&signing_key(2).id)?, None);
                Ok(())
            })
            .expect("transaction");
        // Retired, the first key is still found by its id; a new active key can then be made.
        db.execute_as_intruder("UPDATE signing_keys SET retired_at = created_at")
            .expect("retire");
        db.store
            .run_blocking(|tx| -> R<()> {
                assert_eq!(tx.active_signing_key(CERTIFICATE_SIGNING)?, None);
                assert!(
                    tx.signing_key(&signing_key(1).id)?
                        .is_some_and(|k| k.retired_at.is_some())
                );
                assert!(tx.insert_signing_key_unless_active(&signing_key(2))?);
                assert_eq!(
                    tx.active_signing_key(CERTIFICATE_SIGNING)?.map(|k| k.id),
                    Some(signing_key(2).id)
                );
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn two_first_uses_at_the_same_moment_keep_one_key() {
    for db in TestDatabase::both() {
        let barrier = Arc::new(Barrier::new(2));
        let store = db.store.clone();
        let first = {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                store.run_blocking(|tx| -> R<bool> {
                    let inserted = tx.insert_signing_key_unless_active(&signing_key(1))?;
                    barrier.wait();
                    // Hold the transaction open while the other one tries.
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    Ok(inserted)
                })
            })
        };
        barrier.wait();
        let second = db.store.run_blocking(|tx| -> R<(bool, Option<String>)> {
            let inserted = tx.insert_signing_key_unless_active(&signing_key(2))?;
            Ok((
                inserted,
                tx.active_signing_key(CERTIFICATE_SIGNING)?.map(|k| k.id),
            ))
        });
        let first = first.join().expect("thread");
        assert_eq!(first.ok(), Some(true), "{:?}", db.backend());
        assert_eq!(
            second.ok(),
            Some((false, Some(signing_key(1).id))),
            "{:?}",
            db.backend()
        );
    }
}
