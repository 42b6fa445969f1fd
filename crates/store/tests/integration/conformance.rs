//! The store's conformance suite: every test runs on a fresh SQLite file and a fresh PostgreSQL schema.

use time::Duration;
use waymark_domain::channel::Sender;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::{MasterKey, new_id};

type R<T> = Result<T, StoreError>;

fn org(kind: OrganisationKind, name: &str) -> Organisation {
    Organisation {
        id: OrgId::parse(&new_id()).expect("id"),
        name: name.into(),
        kind,
        nation: Some(Nation::EnglandWales),
        area: Some("Leeds".into()),
        needs: vec![Need::SafeHousing, Need::Medical],
        data_sharing_policy: "We share nothing without your consent.".into(),
        created_at: now(),
    }
}

fn user(org: &Organisation, email: &str, role: Role) -> User {
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

fn referral(to: &Organisation, from: &Organisation, person: &PersonId) -> Referral {
    Referral {
        id: ReferralId::parse(&new_id()).expect("id"),
        person_id: person.clone(),
        to_org_id: to.id.clone(),
        from_org_id: Some(from.id.clone()),
        from_user_id: None,
        status: ReferralStatus::Sent,
        age: AgeBand::Adult,
        nation: Nation::EnglandWales,
        area: Some("Leeds".into()),
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

fn person(tx: &mut Tx<'_>) -> R<PersonId> {
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

fn new_session<'a>(
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

/// A person's own request: no sending organisation, an urgency and a sealed message.
fn self_referral(to: &Organisation, person: &PersonId) -> Referral {
    Referral {
        id: ReferralId::parse(&new_id()).expect("id"),
        person_id: person.clone(),
        to_org_id: to.id.clone(),
        from_org_id: None,
        from_user_id: None,
        first_contact: FirstContact::Myself,
        urgency: Some(Urgency::Today),
        message_ct: Some(vec![5, 5, 5]),
        ..referral(to, to, person)
    }
}

fn channel(r: &Referral, digest: &[u8]) -> Channel {
    Channel {
        id: ChannelId::parse(&new_id()).expect("id"),
        referral_id: r.id.clone(),
        person_id: r.person_id.clone(),
        codename_digest: Some(digest.to_vec()),
        created_at: now(),
        erased_at: None,
    }
}

fn message(c: &Channel, sender: Sender, author: Option<&UserId>, body: &[u8]) -> Message {
    Message {
        id: MessageId::parse(&new_id()).expect("id"),
        channel_id: c.id.clone(),
        sender,
        author_user_id: author.cloned(),
        body_ct: body.to_vec(),
        created_at: now(),
    }
}

#[test]
fn a_self_referral_keeps_its_urgency_and_message_and_has_no_sender() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let harbour = org(OrganisationKind::SupportOrganisation, "Harbour");
                tx.insert_organisation(&harbour)?;
                let p = person(tx)?;
                let r = self_referral(&harbour, &p);
                tx.insert_referral(&r)?;
                let back = tx.referral_to(&harbour.id, &r.id)?.expect("in the inbox");
                assert!(back.is_self_referral());
                assert_eq!(back.from_org_id, None);
                assert_eq!(back.first_contact, FirstContact::Myself);
                assert_eq!(back.urgency, Some(Urgency::Today), "{:?}", db.backend());
                assert_eq!(back.message_ct, Some(vec![5, 5, 5]));
                assert_eq!(tx.inbox(&harbour.id)?.len(), 1);
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn a_channel_is_found_by_its_digest_only_for_its_organisation_and_until_erased() {
    for db in TestDatabase::both() {
        let on = db.backend();
        db.store
            .run_blocking(move |tx| -> R<()> {
                let harbour = org(OrganisationKind::SupportOrganisation, "Harbour");
                let other = org(OrganisationKind::SupportOrganisation, "Other");
                tx.insert_organisation(&harbour)?;
                tx.insert_organisation(&other)?;
                let p = person(tx)?;
                let r = self_referral(&harbour, &p);
                tx.insert_referral(&r)?;
                let c = channel(&r, &[1; 32]);
                tx.insert_channel(&c)?;

                let found = tx.channel_by_digest(&[1; 32])?.expect("found");
                assert_eq!(found.id, c.id, "{on:?}");
                assert_eq!(found.referral_id, r.id);
                assert_eq!(found.person_id, p);
                assert!(tx.channel_by_digest(&[2; 32])?.is_none());
                assert_eq!(
                    tx.referral_of_channel(&found)?.map(|x| x.id),
                    Some(r.id.clone())
                );
                assert_eq!(
                    tx.channel_for_referral(&harbour.id, &r.id)?.map(|x| x.id),
                    Some(c.id.clone())
                );
                assert!(
                    tx.channel_for_referral(&other.id, &r.id)?.is_none(),
                    "another organisation does not see it"
                );
                Ok(())
            })
            .expect("transaction");

        // Two channels can never share a digest. (Its own transaction: PostgreSQL ends a transaction at
        // its first error.)
        let duplicate = db.store.run_blocking(move |tx| -> R<()> {
            let c = tx.channel_by_digest(&[1; 32])?.expect("open");
            let r = tx.referral_of_channel(&c)?.expect("referral");
            let p2 = person(tx)?;
            let r2 = Referral {
                id: ReferralId::parse(&new_id()).expect("id"),
                person_id: p2,
                ..r
            };
            tx.insert_referral(&r2)?;
            tx.insert_channel(&channel(&r2, &[1; 32]))
        });
        assert!(
            matches!(duplicate, Err(StoreError::Duplicate("channel"))),
            "{on:?}: {duplicate:?}"
        );

        // Erasure clears the digest: the codename finds nothing, the channel's record says when.
        db.store
            .run_blocking(move |tx| -> R<()> {
                let c = tx.channel_by_digest(&[1; 32])?.expect("still open");
                assert!(tx.erase_channel(&c.id, now())?);
                assert!(!tx.erase_channel(&c.id, now())?, "erased once");
                assert!(tx.channel_by_digest(&[1; 32])?.is_none(), "{on:?}");
                let r = tx.referral_of_channel(&c)?.expect("the referral stays");
                let kept = tx
                    .channel_for_referral(&r.to_org_id, &r.id)?
                    .expect("the record stays");
                assert_eq!(kept.codename_digest, None);
                assert!(kept.erased_at.is_some());
                Ok(())
            })
            .expect("transaction");

        // The database refuses an erased channel that still has a codename, and an open one without.
        let digest = match on {
            Backend::Sqlite => "X'01'",
            Backend::Postgres => "'\\x01'::bytea",
        };
        for sql in [
            format!("UPDATE channels SET codename_digest = {digest}"),
            "UPDATE channels SET erased_at = NULL".to_owned(),
        ] {
            assert!(db.execute_as_intruder(&sql).is_err(), "{on:?}: {sql}");
        }
    }
}

#[test]
fn messages_are_kept_in_order_and_only_an_organisations_message_names_its_author() {
    for db in TestDatabase::both() {
        let on = db.backend();
        db.store
            .run_blocking(move |tx| -> R<()> {
                let harbour = org(OrganisationKind::SupportOrganisation, "Harbour");
                tx.insert_organisation(&harbour)?;
                let worker = user(&harbour, "w@harbour.example", Role::Caseworker);
                tx.insert_user(&worker)?;
                let p = person(tx)?;
                let r = self_referral(&harbour, &p);
                tx.insert_referral(&r)?;
                let c = channel(&r, &[3; 32]);
                tx.insert_channel(&c)?;
                let first = message(&c, Sender::Person, None, &[1]);
                tx.insert_message(&first)?;
                let second = message(&c, Sender::Organisation, Some(&worker.id), &[2]);
                tx.insert_message(&second)?;
                let back = tx.messages(&c.id)?;
                assert_eq!(
                    back.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                    [first.id.clone(), second.id.clone()],
                    "{on:?}"
                );
                assert_eq!(back[0].sender, Sender::Person);
                assert_eq!(back[0].author_user_id, None);
                assert_eq!(back[1].sender, Sender::Organisation);
                assert_eq!(back[1].author_user_id.as_ref(), Some(&worker.id));
                assert_eq!(back[1].body_ct, vec![2]);
                assert_eq!(
                    tx.message_authors(&c.id)?,
                    [(worker.id.clone(), "Test user".to_owned())]
                );
                Ok(())
            })
            .expect("transaction");

        // A person's message naming a member of staff, or an organisation's naming nobody, is refused.
        for (sender, author) in [(Sender::Person, true), (Sender::Organisation, false)] {
            let result = db.store.run_blocking(move |tx| -> R<()> {
                let c = tx.channel_by_digest(&[3; 32])?.expect("open");
                let worker = tx.user_by_email("w@harbour.example")?.expect("worker").id;
                tx.insert_message(&message(&c, sender, author.then_some(&worker), &[9]))
            });
            assert!(result.is_err(), "{on:?}: {sender} author={author}");
        }
        assert!(
            db.execute_as_intruder("UPDATE messages SET sender = 'police' WHERE sender = 'person'")
                .is_err(),
            "{on:?}: only the person or the organisation write"
        );
    }
}

#[test]
fn erasing_a_person_forgets_their_data_key() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let p = person(tx)?;
                assert!(tx.person_key(&p)?.expect("stored").wrapped_key.is_some());
                assert!(tx.erase_person_key(&p)?);
                assert!(!tx.erase_person_key(&p)?, "forgotten once");
                let after = tx.person_key(&p)?.expect("the row stays");
                assert_eq!(after.wrapped_key, None, "{:?}", db.backend());
                Ok(())
            })
            .expect("transaction");
    }
}

fn event<'a>(record_id: &'a str, action: &'a str) -> AuditEvent<'a> {
    AuditEvent {
        actor: "user-1",
        org_id: None,
        action,
        record_type: "referral",
        record_id,
        reason: "",
    }
}

#[test]
fn the_audit_chain_verifies_and_names_the_first_tampered_entry() {
    let key = MasterKey::generate().audit_key();
    for db in TestDatabase::both() {
        let k = key.clone();
        db.store
            .run_blocking(move |tx| -> R<()> {
                for i in 0..5 {
                    let id = format!("r{i}");
                    assert_eq!(tx.audit(&k, &event(&id, "referral.read"))?, i + 1);
                }
                assert_eq!(
                    tx.verify_audit(&k)?,
                    AuditReport {
                        entries: 5,
                        first_bad: None
                    }
                );
                assert_eq!(tx.audit_for("r3")?.len(), 1);
                Ok(())
            })
            .expect("appends");

        // The database refuses to change or delete entries.
        assert!(
            db.execute_as_intruder("UPDATE audit_log SET action = 'x' WHERE seq = 2")
                .is_err()
        );
        assert!(
            db.execute_as_intruder("DELETE FROM audit_log WHERE seq = 2")
                .is_err()
        );

        // Someone with full access removes the guard and rewrites entry 3: verification names it.
        let drop_guard = match db.backend() {
            Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
            Backend::Postgres => "DROP TRIGGER audit_log_no_update ON audit_log",
        };
        db.execute_as_intruder(drop_guard)
            .expect("intruder drops the trigger");
        db.execute_as_intruder("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3")
            .expect("intruder edits");
        let k = key.clone();
        let report = db
            .store
            .run_blocking(move |tx| tx.verify_audit(&k))
            .expect("verify");
        assert_eq!(report.first_bad, Some(3), "{:?}", db.backend());

        // A wrong key fails at the first entry.
        let other = MasterKey::generate().audit_key();
        let report = db
            .store
            .run_blocking(move |tx| tx.verify_audit(&other))
            .expect("verify");
        assert_eq!(report.first_bad, Some(1));
    }
}

#[test]
fn a_deleted_audit_entry_is_found() {
    let key = MasterKey::generate().audit_key();
    for db in TestDatabase::both() {
        let k = key.clone();
        db.store
            .run_blocking(move |tx| -> R<()> {
                for i in 0..4 {
                    tx.audit(&k, &event(&format!("r{i}"), "case.read"))?;
                }
                Ok(())
            })
            .expect("appends");
        let drop_guard = match db.backend() {
            Backend::Sqlite => "DROP TRIGGER audit_log_no_delete",
            Backend::Postgres => "DROP TRIGGER audit_log_no_update ON audit_log",
        };
        db.execute_as_intruder(drop_guard)
            .expect("intruder drops the trigger");
        db.execute_as_intruder("DELETE FROM audit_log WHERE seq = 2")
            .expect("intruder deletes");
        let k = key.clone();
        let report = db
            .store
            .run_blocking(move |tx| tx.verify_audit(&k))
            .expect("verify");
        assert_eq!(report.first_bad, Some(2));
    }
}

#[test]
fn settings_are_set_and_replaced() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                assert_eq!(tx.setting("master_key_id")?, None);
                tx.set_setting("master_key_id", "a")?;
                tx.set_setting("master_key_id", "b")?;
                assert_eq!(tx.setting("master_key_id")?.as_deref(), Some("b"));
                Ok(())
            })
            .expect("transaction");
    }
}

/// Both migration sets must describe the same tables with the same columns and nullability.
#[test]
fn both_backends_have_the_same_schema() {
    let mut shapes = Vec::new();
    for db in TestDatabase::both() {
        let shape = db
            .store
            .run_blocking(|tx| -> R<Vec<String>> {
                if tx.is_postgres() {
                    tx.texts(
                        "SELECT table_name || '.' || column_name || ':' || \
                         CASE WHEN is_nullable = 'YES' THEN 'null' ELSE 'notnull' END AS value \
                         FROM information_schema.columns WHERE table_schema = current_schema() \
                         AND table_name NOT LIKE '\\_\\_%' ORDER BY 1",
                    )
                } else {
                    tx.texts(
                        "SELECT m.name || '.' || p.name || ':' || \
                         CASE WHEN p.\"notnull\" = 1 OR p.pk = 1 THEN 'notnull' ELSE 'null' END AS value \
                         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                         WHERE m.type = 'table' AND m.name NOT LIKE '\\_\\_%' ESCAPE '\\' \
                         AND m.name NOT LIKE 'sqlite%' ORDER BY 1",
                    )
                }
            })
            .expect("introspection");
        assert!(shape.len() > 40, "{shape:?}");
        shapes.push(shape);
    }
    assert_eq!(shapes[0], shapes[1]);
}

#[test]
fn a_missing_sqlite_file_is_not_created_by_open() {
    let dir = tempfile::tempdir().expect("dir");
    let url = DatabaseUrl::Sqlite(dir.path().join("typo.db"));
    assert!(matches!(Store::open(&url), Err(StoreError::Missing(_))));
    assert!(!dir.path().join("typo.db").exists());
}
