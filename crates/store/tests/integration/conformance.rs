//! The store's conformance suite: every test runs on a fresh SQLite file and a fresh PostgreSQL schema.

use time::Duration;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::new_id;

type R<T> = Result<T, StoreError>;

pub(crate) fn org(kind: OrganisationKind, name: &str) -> Organisation {
    Organisation {
        id: OrgId::parse(&new_id()).expect("id"),
        name: name.into(),
        kind,
        nation: Some(Nation::EnglandWales),
        area: Some("E08000035".into()),
        needs: vec![Need::SafeHousing, Need::Medical],
        data_sharing_policy: "We share nothing without your consent.".into(),
        created_at: now(),
    }
}

pub(crate) fn user(org: &Organisation, email: &str, role: Role) -> User {
    User {
        id: UserId::parse(&new_id()).expect("id"),
        org_id: org.id.clone(),
        email: email.into(),
        display_name: "Test user".into(),
        role,
        password_hash: "$argon2id$placeholder".into(),
        failed_logins: 0,
        locked_until: None,
        created_at: now(),
    }
}

pub(crate) fn referral(to: &Organisation, from: &Organisation, person: &PersonId) -> Referral {
    Referral {
        id: ReferralId::parse(&new_id()).expect("id"),
        person_id: person.clone(),
        to_org_id: to.id.clone(),
        from_org_id: Some(from.id.clone()),
        from_user_id: None,
        status: ReferralStatus::Sent,
        age: AgeBand::Adult,
        nation: Nation::EnglandWales,
        area: Some("E08000035".into()),
        needs: vec![Need::SafeHousing],
        indicators: vec![Indicator::DebtBondage, Indicator::Isolation],
        first_contact: FirstContact::FaithGroup,
        basis: "consent".into(),
        policy_digest: Some("abc".into()),
        name_ct: vec![1, 2, 3],
        contact_ct: vec![4, 5, 6],
        language_ct: vec![7, 8, 9],
        children_services_ct: None,
        decline_reason_ct: None,
        created_at: now(),
        answered_at: None,
        answered_by: None,
        urgency: None,
        message_ct: None,
    }
}

pub(crate) fn person(tx: &mut Tx<'_>) -> R<PersonId> {
    let id = PersonId::parse(&new_id()).expect("id");
    tx.insert_person(
        &PersonKey {
            id: id.clone(),
            wrapped_key: Some(vec![9; 40]),
            master_key_id: "k1".into(),
        },
        now(),
    )?;
    Ok(id)
}

#[test]
fn organisations_and_users_round_trip() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let o = org(OrganisationKind::SupportOrganisation, "Harbour Light");
                tx.insert_organisation(&o)?;
                let back = tx.organisation(&o.id)?.expect("stored");
                assert_eq!(back.needs, vec![Need::SafeHousing, Need::Medical]);
                assert_eq!(back.nation, Some(Nation::EnglandWales));
                assert_eq!(back.created_at, o.created_at, "{:?}", db.backend());
                assert_eq!(
                    tx.organisations_of_kind(OrganisationKind::SupportOrganisation)?
                        .len(),
                    1
                );
                assert!(
                    tx.organisations_of_kind(OrganisationKind::DecisionBody)?
                        .is_empty()
                );

                let u = user(&o, "case@harbour.example", Role::Caseworker);
                tx.insert_user(&u)?;
                let found = tx.user_by_email("case@harbour.example")?.expect("found");
                assert_eq!(found.role, Role::Caseworker);
                let account = tx.account(&u.id)?.expect("account");
                assert_eq!(account.org_kind, OrganisationKind::SupportOrganisation);
                assert_eq!(account.org_name, "Harbour Light");
                assert!(matches!(
                    tx.insert_user(&user(&o, "case@harbour.example", Role::Helper)),
                    Err(StoreError::Duplicate("email"))
                ));
                Ok(())
            })
            .expect("transaction");
    }
}

pub(crate) fn new_session<'a>(
    id_hash: &'a str,
    id: &'a str,
    user: &'a UserId,
    created_at: time::PrimitiveDateTime,
    expires_at: time::PrimitiveDateTime,
) -> NewSessionRecord<'a> {
    NewSessionRecord {
        id_hash,
        id,
        user_id: user,
        csrf_token: "csrf",
        created_at,
        expires_at,
        device: "Firefox on Linux",
    }
}

#[test]
fn sessions_expire_and_tokens_resolve_to_their_account() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let o = org(OrganisationKind::CommunityGroup, "St Example's");
                tx.insert_organisation(&o)?;
                let u = user(&o, "helper@example.org", Role::Helper);
                tx.insert_user(&u)?;
                let t = now();
                let idle = t - Duration::minutes(30);
                tx.insert_session(&new_session("live", "s1", &u.id, t, t + Duration::hours(1)))?;
                tx.insert_session(&new_session(
                    "old",
                    "s2",
                    &u.id,
                    t,
                    t - Duration::seconds(1),
                ))?;
                // Started (and last used) 31 minutes ago: idle, though within its lifetime.
                let then = t - Duration::minutes(31);
                tx.insert_session(&new_session(
                    "idle",
                    "s3",
                    &u.id,
                    then,
                    t + Duration::hours(1),
                ))?;
                let s = tx.session("live", t, idle)?.expect("live session");
                assert_eq!(s.account.user_id, u.id);
                assert_eq!(s.csrf_token, "csrf");
                assert_eq!(s.id, "s1");
                assert!(
                    tx.session("old", t, idle)?.is_none(),
                    "expired sessions are not returned"
                );
                assert!(
                    tx.session("idle", t, idle)?.is_none(),
                    "idle sessions are not returned"
                );
                // Used again, a session's idle clock starts again.
                tx.touch_session("live", t + Duration::minutes(20), t + Duration::minutes(19))?;
                let later = t + Duration::minutes(45);
                assert!(
                    tx.session("live", later, later - Duration::minutes(30))?
                        .is_some()
                );
                assert_eq!(tx.delete_expired_sessions(t, idle)?, 2);
                tx.delete_session("live")?;
                assert!(tx.session("live", t, idle)?.is_none());

                tx.insert_api_token("digest", &u.id, t)?;
                assert_eq!(
                    tx.token_account("digest")?.map(|a| a.user_id),
                    Some(u.id.clone())
                );
                assert!(tx.token_account("other")?.is_none());
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn a_second_factor_moves_only_forward_and_recovery_codes_work_once() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let o = org(OrganisationKind::SupportOrganisation, "Harbour");
                tx.insert_organisation(&o)?;
                let u = user(&o, "caseworker@example.org", Role::Caseworker);
                tx.insert_user(&u)?;
                let t = now();
                let none = tx.two_factor(&u.id)?;
                assert!(none.secret_ct.is_none() && none.enrolled_at.is_none());
                assert!(!tx.advance_totp_step(&u.id, 5)?, "no step without a secret");

                tx.set_two_factor(&u.id, &[7; 40], t, 10)?;
                let tf = tx.two_factor(&u.id)?;
                assert_eq!(tf.secret_ct.as_deref(), Some(&[7u8; 40][..]));
                assert_eq!(tf.last_step, Some(10));
                assert!(!tx.advance_totp_step(&u.id, 10)?, "the same step again");
                assert!(!tx.advance_totp_step(&u.id, 9)?, "an earlier step");
                assert!(tx.advance_totp_step(&u.id, 11)?);
                assert_eq!(tx.two_factor(&u.id)?.last_step, Some(11));

                tx.replace_recovery_codes(&u.id, &[vec![1; 32], vec![2; 32]], t)?;
                assert_eq!(tx.unused_recovery_codes(&u.id)?, 2);
                assert!(tx.use_recovery_code(&u.id, &[1; 32], t)?);
                assert!(!tx.use_recovery_code(&u.id, &[1; 32], t)?, "used twice");
                assert!(!tx.use_recovery_code(&u.id, &[3; 32], t)?, "never issued");
                assert_eq!(tx.unused_recovery_codes(&u.id)?, 1);

                let team = tx.team(&o.id)?;
                assert_eq!(team.len(), 1);
                assert!(team[0].enrolled);
                tx.clear_two_factor(&u.id)?;
                let tf = tx.two_factor(&u.id)?;
                assert!(
                    tf.secret_ct.is_none() && tf.enrolled_at.is_none() && tf.last_step.is_none()
                );
                assert_eq!(tx.unused_recovery_codes(&u.id)?, 0);
                assert!(!tx.team(&o.id)?[0].enrolled);

                let elsewhere = org(OrganisationKind::SupportOrganisation, "Lantern");
                tx.insert_organisation(&elsewhere)?;
                assert!(tx.user_in_org(&o.id, &u.id)?.is_some());
                assert!(tx.user_in_org(&elsewhere.id, &u.id)?.is_none());
                assert!(tx.team(&elsewhere.id)?.is_empty());
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn pending_sign_ins_expire_and_sessions_end_only_for_their_user() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let o = org(OrganisationKind::SupportOrganisation, "Harbour");
                tx.insert_organisation(&o)?;
                let u = user(&o, "caseworker@example.org", Role::Caseworker);
                let v = user(&o, "manager@example.org", Role::Manager);
                tx.insert_user(&u)?;
                tx.insert_user(&v)?;
                let t = now();
                let pending = PendingSignIn {
                    id_hash: "p1".into(),
                    user_id: u.id.clone(),
                    stage: PendingStage::Enrol,
                    csrf_token: "c".into(),
                    totp_secret_ct: Some(vec![5; 40]),
                    created_at: t,
                    expires_at: t + Duration::minutes(10),
                };
                tx.insert_pending_sign_in(&pending)?;
                let found = tx.pending_sign_in("p1", t)?.expect("pending");
                assert_eq!(found.stage, PendingStage::Enrol);
                assert_eq!(found.user_id, u.id);
                assert!(
                    tx.pending_sign_in("p1", t + Duration::minutes(11))?
                        .is_none()
                );
                assert_eq!(
                    tx.delete_expired_pending_sign_ins(t + Duration::minutes(11))?,
                    1
                );
                // An enrolment holds a secret, a code step none.
                let bad = PendingSignIn {
                    id_hash: "p2".into(),
                    stage: PendingStage::Code,
                    ..pending.clone()
                };
                assert!(tx.insert_pending_sign_in(&bad).is_err());
                Ok(())
            })
            .expect("transaction");
        db.store
            .run_blocking(|tx| -> R<()> {
                let o = org(OrganisationKind::SupportOrganisation, "Harbour 2");
                tx.insert_organisation(&o)?;
                let u = user(&o, "a@example.org", Role::Caseworker);
                let v = user(&o, "b@example.org", Role::Caseworker);
                tx.insert_user(&u)?;
                tx.insert_user(&v)?;
                let t = now();
                let idle = t - Duration::minutes(30);
                let end = t + Duration::hours(8);
                tx.insert_session(&new_session("h1", "u1", &u.id, t, end))?;
                tx.insert_session(&new_session("h2", "u2", &u.id, t, end))?;
                tx.insert_session(&new_session("h3", "u3", &u.id, t, end))?;
                tx.insert_session(&new_session("h4", "v1", &v.id, t, end))?;
                let mine = tx.sessions_of(&u.id, t, idle)?;
                assert_eq!(mine.len(), 3);
                assert!(mine.iter().all(|s| s.device == "Firefox on Linux"));
                assert!(
                    !tx.delete_session_of(&u.id, "v1")?,
                    "another user's session"
                );
                assert!(tx.delete_session_of(&u.id, "u2")?);
                assert_eq!(tx.delete_other_sessions(&u.id, "u1")?, 1);
                let mine = tx.sessions_of(&u.id, t, idle)?;
                assert_eq!(
                    mine.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                    ["u1"]
                );
                assert_eq!(tx.delete_sessions_of(&u.id)?, 1);
                assert_eq!(tx.sessions_of(&v.id, t, idle)?.len(), 1);
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn referrals_are_scoped_to_sender_and_recipient_and_answered_once() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let church = org(OrganisationKind::CommunityGroup, "Church");
                let harbour = org(OrganisationKind::SupportOrganisation, "Harbour");
                let other = org(OrganisationKind::SupportOrganisation, "Other");
                for o in [&church, &harbour, &other] {
                    tx.insert_organisation(o)?;
                }
                let worker = user(&harbour, "w@harbour.example", Role::Caseworker);
                let outsider = user(&other, "w@other.example", Role::Caseworker);
                tx.insert_user(&worker)?;
                tx.insert_user(&outsider)?;
                let p = person(tx)?;
                let r = referral(&harbour, &church, &p);
                tx.insert_referral(&r)?;

                let back = tx
                    .referral_to(&harbour.id, &r.id)?
                    .expect("recipient sees it");
                assert_eq!(
                    back.indicators,
                    vec![Indicator::Isolation, Indicator::DebtBondage]
                );
                assert_eq!(back.name_ct, vec![1, 2, 3]);
                assert!(
                    tx.referral_to(&other.id, &r.id)?.is_none(),
                    "another organisation does not"
                );
                assert!(tx.referral_from(&church.id, &r.id)?.is_some());
                assert!(tx.referral_from(&harbour.id, &r.id)?.is_none());
                assert_eq!(tx.inbox(&harbour.id)?.len(), 1);
                assert!(tx.inbox(&other.id)?.is_empty());
                assert_eq!(tx.sent_by(&church.id)?.len(), 1);

                assert!(!tx.answer_referral(
                    &other.id,
                    &r.id,
                    ReferralStatus::Accepted,
                    &outsider.id,
                    now(),
                    None
                )?);
                assert!(tx.answer_referral(
                    &harbour.id,
                    &r.id,
                    ReferralStatus::Declined,
                    &worker.id,
                    now(),
                    Some(&[7u8, 7][..])
                )?);
                assert!(
                    !tx.answer_referral(
                        &harbour.id,
                        &r.id,
                        ReferralStatus::Accepted,
                        &worker.id,
                        now(),
                        None
                    )?,
                    "answered once"
                );
                let answered = tx
                    .referral_from(&church.id, &r.id)?
                    .expect("sender sees it");
                assert_eq!(answered.status, ReferralStatus::Declined);
                assert_eq!(answered.decline_reason_ct, Some(vec![7, 7]));
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn one_case_per_referral_and_only_for_its_organisation() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let church = org(OrganisationKind::CommunityGroup, "Church");
                let harbour = org(OrganisationKind::SupportOrganisation, "Harbour");
                tx.insert_organisation(&church)?;
                tx.insert_organisation(&harbour)?;
                let worker = user(&harbour, "w@harbour.example", Role::Caseworker);
                tx.insert_user(&worker)?;
                let p = person(tx)?;
                let r = referral(&harbour, &church, &p);
                tx.insert_referral(&r)?;
                let c = Case {
                    id: CaseId::parse(&new_id()).expect("id"),
                    org_id: harbour.id.clone(),
                    referral_id: r.id.clone(),
                    person_id: p.clone(),
                    status: "open".into(),
                    opened_at: now(),
                    opened_by: worker.id.clone(),
                    reference: "H-2026-0001".into(),
                    assigned_to: Some(worker.id.clone()),
                };
                tx.insert_case(&c)?;
                assert!(tx.case_of(&harbour.id, &c.id)?.is_some());
                assert!(tx.case_of(&church.id, &c.id)?.is_none());
                assert_eq!(
                    tx.case_for_referral(&harbour.id, &r.id)?.map(|x| x.id),
                    Some(c.id.clone())
                );
                assert_eq!(tx.cases_of(&harbour.id)?.len(), 1);
                let again = Case {
                    id: CaseId::parse(&new_id()).expect("id"),
                    ..c
                };
                assert!(matches!(
                    tx.insert_case(&again),
                    Err(StoreError::Duplicate("case"))
                ));
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn a_failed_unit_of_work_leaves_nothing_behind() {
    for db in TestDatabase::both() {
        let o = org(OrganisationKind::CommunityGroup, "Rolled back");
        let id = o.id.clone();
        let result: R<()> = db.store.run_blocking(move |tx| {
            tx.insert_organisation(&o)?;
            Err(StoreError::Corrupt("stop".into()))
        });
        assert!(result.is_err());
        let found = db
            .store
            .run_blocking(move |tx| tx.organisation(&id))
            .expect("query");
        assert!(
            found.is_none(),
            "{:?}: the insert was rolled back",
            db.backend()
        );
    }
}
