//! The store's conformance suite, continued: self-referrals, the codename channel and its messages, erasure, the audit chain, settings and the schema parity of the two backends.

use waymark_domain::channel::Sender;
use waymark_domain::ids::PersonId;
use waymark_domain::self_referral::Urgency;
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::{MasterKey, new_id};

type R<T> = Result<T, StoreError>;

use crate::conformance::{org, person, referral, user};

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
        notice: false,
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
                // An automatic notice, marked so that it is said in the reader's language.
                let second = Message {
                    notice: true,
                    ..message(&c, Sender::Organisation, Some(&worker.id), &[2])
                };
                tx.insert_message(&second)?;
                let back = tx.messages(&c.id)?;
                assert_eq!(
                    back.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                    [first.id.clone(), second.id.clone()],
                    "{on:?}"
                );
                assert_eq!(back[0].sender, Sender::Person);
                assert_eq!(back[0].author_user_id, None);
                assert_eq!((back[0].notice, back[1].notice), (false, true), "{on:?}");
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
