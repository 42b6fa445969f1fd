//! Consent records and onward referral between organisations in Waymark, as the people using it would
//! notice them. Every test runs on a fresh SQLite file and on a fresh PostgreSQL schema.

use crate::fixture::*;
use waymark_app::{Account, AppError, NOT_GIVEN, NewConsent, WITHDRAWN};
use waymark_domain::case_record::{NeedUrgency, PersonDraft};
use waymark_domain::consent::{ConsentBasis, ConsentMethod, ConsentScope};
use waymark_domain::ids::ConsentId;
use waymark_domain::referral::{ReferralDraft, ReferralStatus};
use waymark_domain::self_referral::SelfReferralDraft;
use waymark_domain::{AgeBand, CaseId, Nation, Need, OrgId, OrganisationKind, ReferralId};
use waymark_store::testing::TestDatabase;

/// A contact detail that must never reach an organisation the person did not agree to share it with.
const CANARY: &str = "CANARY-7731 back door of the bakery";
const PDF: &[u8] = b"%PDF-1.7\n% a letter from the GP\n";

/// A case at organisation A for a consenting adult whose referral's contact and whose case's safe
/// contact and "never write to" are the canary; with needs, history and a document.
async fn case_with_canary(w: &World) -> CaseId {
    let app = &w.app;
    let case = w
        .accepted_case(adult("Selam Tesfaye", CANARY, "Tigrinya"))
        .await;
    app.update_person(
        &w.a_caseworker,
        &case,
        PersonDraft {
            name: "Selam Tesfaye".into(),
            aliases: "Sally".into(),
            date_of_birth: "1990-04-02".into(),
            nationality: "Eritrean".into(),
            languages: "Tigrinya, some English".into(),
            safe_contact: CANARY.into(),
            never_write_to: format!("{CANARY} (the landlord reads the post)"),
            ..PersonDraft::default()
        },
    )
    .await
    .expect("person");
    app.record_needs(
        &w.a_caseworker,
        &case,
        vec![(Need::SafeHousing, NeedUrgency::High)],
        "Needs a room away from Leeds".into(),
    )
    .await
    .expect("needs");
    app.add_history(&w.a_caseworker, &case, labour_history())
        .await
        .expect("history");
    app.upload_document(&w.a_caseworker, &case, "gp-letter.pdf".into(), PDF.to_vec())
        .await
        .expect("document");
    case
}

fn consent(to: &OrgId, scopes: &[&str]) -> NewConsent {
    NewConsent {
        scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        recipient: to.to_string(),
        purpose: "Safe housing in York, nearer to her cousin".into(),
        given_on: None,
        method: ConsentMethod::Interpreter,
    }
}

async fn record(w: &World, case: &CaseId, to: &OrgId, scopes: &[&str]) -> ConsentId {
    w.app
        .record_consent(&w.a_caseworker, case, consent(to, scopes))
        .await
        .expect("consent recorded")
}

fn is_invalid<T: std::fmt::Debug>(r: &Result<T, AppError>) -> bool {
    matches!(r, Err(AppError::Invalid(_)))
}

/// Everything the receiving organisation can read about the person, from its inbox to the documents of
/// the case it opens, as one text.
async fn everything_the_receiver_reads(w: &World, id: &ReferralId, by: &Account) -> String {
    let app = &w.app;
    let mut all = String::new();
    let inbox = app.inbox(by).await.expect("inbox");
    let item = inbox.iter().find(|i| &i.id == id).expect("in the inbox");
    all += &format!(
        "{:?} {:?} {:?} {:?}",
        item.from_organisation, item.area, item.needs, item.age
    );
    let r = app.open_referral(by, id).await.expect("opened");
    for f in [&r.name, &r.contact, &r.language] {
        all += f;
        all += "\n";
    }
    all += &format!("{:?} {:?}", r.message, r.children_services);
    let case = app.accept_referral(by, id).await.expect("accepted");
    let v = app.case(by, &case).await.expect("case");
    let p = v.person.as_ref().expect("the accepted case has a person");
    for f in [
        &p.name,
        &p.nationality,
        &p.languages,
        &p.safe_contact,
        &p.never_write_to,
        &v.referral.contact,
        &v.referral.name,
    ] {
        all += f;
        all += "\n";
    }
    all += &p.aliases.join("\n");
    if let Some(n) = &v.needs {
        all += &format!("{:?}", n.note);
    }
    for h in &v.history {
        all += &format!("{:?}", h.note);
    }
    for n in &v.notes {
        all += &n.body;
    }
    for d in &v.documents {
        all += &d.name;
        let bytes = app
            .download_document(by, &case, &d.id)
            .await
            .expect("download")
            .bytes;
        all += &String::from_utf8_lossy(&bytes);
    }
    all
}

#[tokio::test]
async fn an_onward_referral_without_a_covering_consent_is_refused() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let org_c = organisation(
            app,
            "Hull Harbour (fictional)",
            OrganisationKind::SupportOrganisation,
            Nation::EnglandWales,
            "Kingston upon Hull, City of",
            &[Need::SafeHousing],
        )
        .await;
        let case = case_with_canary(&w).await;
        let other_case = case_with_canary(&w).await;
        let cw = &w.a_caseworker;

        // No consent at all, or a consent id that is not one.
        for consent in ["", "not-a-consent"] {
            let r = app.refer_onward(cw, &case, w.org_b.as_str(), consent).await;
            assert!(is_invalid(&r), "{on:?}: {consent:?}: {r:?}");
        }
        // A consent for another organisation.
        let for_c = record(&w, &case, &org_c, &["identity", "needs"]).await;
        let r = app
            .refer_onward(cw, &case, w.org_b.as_str(), for_c.as_str())
            .await;
        match &r {
            Err(AppError::Invalid(m)) => assert!(m.contains("another organisation"), "{m}"),
            other => panic!("{on:?}: {other:?}"),
        }
        // A consent of another case, even for the right organisation.
        let elsewhere = record(&w, &other_case, &w.org_b, &["identity"]).await;
        let r = app
            .refer_onward(cw, &case, w.org_b.as_str(), elsewhere.as_str())
            .await;
        assert!(is_invalid(&r), "{on:?}: {r:?}");
        // Not a support organisation, or one's own.
        let r = app
            .refer_onward(cw, &case, w.group.as_str(), for_c.as_str())
            .await;
        assert!(is_invalid(&r), "{on:?}: {r:?}");
        let r = app
            .refer_onward(cw, &case, w.org_a.as_str(), for_c.as_str())
            .await;
        assert!(is_invalid(&r), "{on:?}: {r:?}");
        // A consent cannot even name those.
        for to in [&w.group, &w.org_a] {
            let r = app
                .record_consent(cw, &case, consent(to, &["identity"]))
                .await;
            assert!(matches!(r, Err(AppError::Case(_))), "{on:?}: {r:?}");
        }
        // Bad consent input names the field.
        for bad in [
            consent(&w.org_b, &[]),
            consent(&w.org_b, &["everything"]),
            NewConsent {
                purpose: " ".into(),
                ..consent(&w.org_b, &["identity"])
            },
            NewConsent {
                given_on: Some(time::macros::date!(2999 - 01 - 01)),
                ..consent(&w.org_b, &["identity"])
            },
        ] {
            let r = app.record_consent(cw, &case, bad).await;
            assert!(matches!(r, Err(AppError::Case(_))), "{on:?}: {r:?}");
        }
        // Nothing reached B or C.
        assert!(app.inbox(&w.b_caseworker).await.expect("inbox").is_empty());
        let c_worker = account(
            app,
            &org_c,
            "cw@c.example.org",
            waymark_domain::Role::Caseworker,
        )
        .await;
        assert!(app.inbox(&c_worker).await.expect("inbox").is_empty());
        // And the refusal under C's consent to C works once it names C.
        let sent = app
            .refer_onward(cw, &case, org_c.as_str(), for_c.as_str())
            .await
            .expect("covered");
        assert_eq!(
            sent.scopes,
            vec![ConsentScope::Identity, ConsentScope::Needs]
        );
        assert_eq!(app.inbox(&c_worker).await.expect("inbox").len(), 1);
    }
}

#[tokio::test]
async fn the_receiver_sees_only_what_the_consent_covers() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let case = case_with_canary(&w).await;
        let cw = &w.a_caseworker;

        // Without `contact`: the canary appears nowhere the receiver can read.
        let without = record(
            &w,
            &case,
            &w.org_b,
            &["identity", "needs", "history", "documents"],
        )
        .await;
        let sent = app
            .refer_onward(cw, &case, w.org_b.as_str(), without.as_str())
            .await
            .expect("sent");
        let opened = app
            .open_referral(&w.b_caseworker, &sent.referral_id)
            .await
            .expect("opened");
        assert_eq!(opened.from_organisation.as_deref(), Some(ORG_A), "{on:?}");
        assert_eq!(opened.contact, NOT_GIVEN, "{on:?}");
        assert_eq!(opened.name, "Selam Tesfaye", "{on:?}");
        assert_eq!(
            opened.shared_under_consent,
            Some(vec![
                ConsentScope::Identity,
                ConsentScope::Needs,
                ConsentScope::History,
                ConsentScope::Documents
            ])
        );
        let all = everything_the_receiver_reads(&w, &sent.referral_id, &w.b_caseworker).await;
        assert!(!all.contains("CANARY"), "{on:?}: the contact leaked: {all}");
        // What was consented to did arrive in the receiver's case.
        for shared in [
            "Selam Tesfaye",
            "Sally",
            "Eritrean",
            "Needs a room away from Leeds",
            "Car wash, passport kept by the boss",
            "gp-letter.pdf",
            "a letter from the GP",
        ] {
            assert!(all.contains(shared), "{on:?}: {shared} did not arrive");
        }

        // With `contact`: it does appear.
        let with = record(&w, &case, &w.b_manager.org_id, &["contact"]).await;
        let sent = app
            .refer_onward(cw, &case, w.org_b.as_str(), with.as_str())
            .await
            .expect("sent");
        let all = everything_the_receiver_reads(&w, &sent.referral_id, &w.b_manager).await;
        assert!(all.contains(CANARY), "{on:?}");
        // Without `identity`, the name is not given, and neither are needs nor history.
        assert!(!all.contains("Selam"), "{on:?}");
        assert!(!all.contains("Needs a room"), "{on:?}");
        assert!(!all.contains("Car wash"), "{on:?}");

        // The sender's case lists both, accepted, with their scopes; its sent list shows them too.
        let sharing = app.sharing(cw, &case).await.expect("sharing");
        assert_eq!(sharing.onward.len(), 2);
        assert!(
            sharing
                .onward
                .iter()
                .all(|o| o.status == ReferralStatus::Accepted)
        );
        assert_eq!(sharing.onward[0].scopes, vec![ConsentScope::Contact]);
        assert_eq!(sharing.onward[0].to_organisation, ORG_B);
        let sent_list = app.sent_referrals(cw).await.expect("sent list");
        assert_eq!(
            sent_list
                .iter()
                .filter(|s| s.to_organisation == ORG_B)
                .count(),
            2,
            "{on:?}"
        );
        // Audited with ids only.
        let t = trail(&db, case.as_str());
        for action in [
            "case.consent.record",
            "case.refer_onward",
            "case.consents.read",
        ] {
            assert!(
                t.iter().any(|(a, _)| a == action),
                "{on:?}: {action}: {t:?}"
            );
        }
    }
}

#[tokio::test]
async fn withdrawing_a_consent_stops_further_sharing() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let case = case_with_canary(&w).await;
        let cw = &w.a_caseworker;
        let c = record(&w, &case, &w.org_b, &["identity", "contact", "documents"]).await;
        // A second consent to the same organisation: one onward referral under each (a repeat under the
        // same consent would be the first one again), one left waiting, one accepted.
        let c2 = record(&w, &case, &w.org_b, &["identity", "contact", "documents"]).await;
        let pending = app
            .refer_onward(cw, &case, w.org_b.as_str(), c.as_str())
            .await
            .expect("sent");
        let repeat = app
            .refer_onward(cw, &case, w.org_b.as_str(), c.as_str())
            .await
            .expect("sent again");
        assert!(!pending.existing && repeat.existing, "{on:?}");
        assert_eq!(repeat.referral_id, pending.referral_id, "{on:?}");
        let answered = app
            .refer_onward(cw, &case, w.org_b.as_str(), c2.as_str())
            .await
            .expect("sent");
        let kept = app
            .accept_referral(&w.b_caseworker, &answered.referral_id)
            .await
            .expect("accepted before the withdrawal");

        assert_eq!(
            app.withdraw_consent(cw, &c).await.expect("withdrawn"),
            1,
            "{on:?}"
        );
        // Withdrawing the other one withdraws nothing already accepted.
        assert_eq!(
            app.withdraw_consent(cw, &c2).await.expect("withdrawn"),
            0,
            "{on:?}"
        );
        // Withdrawn once only; another organisation cannot even find it.
        assert!(matches!(
            app.withdraw_consent(cw, &c).await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            app.withdraw_consent(&w.b_manager, &c).await,
            Err(AppError::NotFound)
        ));

        // No further sharing under it.
        let r = app
            .refer_onward(cw, &case, w.org_b.as_str(), c.as_str())
            .await;
        match &r {
            Err(AppError::Invalid(m)) => assert!(m.contains("withdrawn"), "{m}"),
            other => panic!("{on:?}: {other:?}"),
        }
        // The pending one is withdrawn: the receiver sees so, cannot accept it, nor read its fields.
        let inbox = app.inbox(&w.b_caseworker).await.expect("inbox");
        let item = inbox
            .iter()
            .find(|i| i.id == pending.referral_id)
            .expect("still listed");
        assert_eq!(item.status, ReferralStatus::Withdrawn, "{on:?}");
        let r = app
            .accept_referral(&w.b_caseworker, &pending.referral_id)
            .await;
        assert!(matches!(r, Err(AppError::Conflict(_))), "{on:?}: {r:?}");
        let opened = app
            .open_referral(&w.b_caseworker, &pending.referral_id)
            .await
            .expect("opened");
        assert_eq!(opened.name, WITHDRAWN, "{on:?}");
        assert_eq!(opened.contact, WITHDRAWN, "{on:?}");
        // Its package and key are gone: nothing it carried can be read again, by anyone.
        let rid = pending.referral_id.clone();
        let org_b = w.org_b.clone();
        let (package, key) = db
            .store
            .run_blocking(move |tx| {
                let o = tx.onward_for_referral(&rid)?.expect("onward row");
                let r = tx
                    .inbox(&org_b)?
                    .into_iter()
                    .find(|r| r.id == rid)
                    .expect("referral row");
                let key = tx.person_key(&r.person_id)?.expect("person row");
                Ok::<_, waymark_store::StoreError>((o.package_ct, key.wrapped_key))
            })
            .expect("rows");
        assert!(package.is_none() && key.is_none(), "{on:?}");
        // The one already accepted stays with the receiver: withdrawal stops further sharing.
        let kept = app.case(&w.b_caseworker, &kept).await.expect("kept case");
        assert_eq!(kept.person.expect("person").safe_contact, CANARY, "{on:?}");

        // The sender sees the consent withdrawn and the pending referral withdrawn.
        let sharing = app.sharing(cw, &case).await.expect("sharing");
        assert!(sharing.consents.iter().all(|c| !c.active()));
        let statuses: Vec<_> = sharing.onward.iter().map(|o| o.status).collect();
        assert!(
            statuses.contains(&ReferralStatus::Withdrawn),
            "{on:?}: {statuses:?}"
        );
        assert!(
            statuses.contains(&ReferralStatus::Accepted),
            "{on:?}: {statuses:?}"
        );
        let t = trail(&db, case.as_str());
        assert!(
            t.iter().any(|(a, _)| a == "case.consent.withdraw"),
            "{on:?}"
        );
        assert!(
            trail(&db, pending.referral_id.as_str())
                .iter()
                .any(|(a, _)| a == "referral.withdraw"),
            "{on:?}"
        );
    }
}

#[tokio::test]
async fn a_childs_case_records_the_safeguarding_basis_and_the_sender_is_told_the_answer() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let child = ReferralDraft {
            age: AgeBand::Under18,
            consent_given: false,
            children_services_notified: Some("Leeds children's services".into()),
            ..adult("Dawit Child", "Through the school nurse", "Tigrinya")
        };
        let id = app
            .submit_referral(&w.helper, &w.org_a, child)
            .await
            .expect("sent");
        let case = app
            .accept_referral(&w.a_caseworker, &id)
            .await
            .expect("accepted");
        let c = app
            .record_consent(
                &w.a_caseworker,
                &case,
                NewConsent {
                    purpose: "Specialist children's support in York; a risk of being moved".into(),
                    ..consent(&w.org_b, &["identity", "needs"])
                },
            )
            .await
            .expect("recorded");
        let sharing = app.sharing(&w.a_caseworker, &case).await.expect("sharing");
        assert_eq!(sharing.basis, ConsentBasis::Safeguarding, "{on:?}");
        assert_eq!(
            sharing.consents[0].basis,
            ConsentBasis::Safeguarding,
            "{on:?}"
        );
        assert!(sharing.consents[0].purpose.contains("risk of being moved"));
        let sent = app
            .refer_onward(&w.a_caseworker, &case, w.org_b.as_str(), c.as_str())
            .await
            .expect("sent");
        let opened = app
            .open_referral(&w.b_caseworker, &sent.referral_id)
            .await
            .expect("opened");
        assert!(!opened.consent_given, "{on:?}: a child is safeguarded");
        assert_eq!(
            opened.children_services.as_deref(),
            Some("Leeds children's services")
        );
        app.decline_referral(
            &w.b_caseworker,
            &sent.referral_id,
            "No place for under-18s this month",
        )
        .await
        .expect("declined");
        let sharing = app.sharing(&w.a_caseworker, &case).await.expect("sharing");
        assert_eq!(sharing.onward[0].status, ReferralStatus::Declined, "{on:?}");
        assert_eq!(
            sharing.onward[0].decline_reason.as_deref(),
            Some("No place for under-18s this month")
        );
        assert!(
            trail(&db, sent.referral_id.as_str())
                .iter()
                .any(|(a, who)| a == "referral.read_answer"
                    && who == w.a_caseworker.user_id.as_str()),
            "{on:?}: reading the answer is audited"
        );

        // An adult's case records consent.
        let adult_case = {
            let id = app
                .submit_referral(&w.helper, &w.org_a, amina())
                .await
                .expect("sent");
            app.accept_referral(&w.a_caseworker, &id)
                .await
                .expect("accepted")
        };
        record(&w, &adult_case, &w.org_b, &["needs"]).await;
        let sharing = app
            .sharing(&w.a_caseworker, &adult_case)
            .await
            .expect("sharing");
        assert_eq!(sharing.basis, ConsentBasis::Consent, "{on:?}");
        assert_eq!(sharing.consents[0].basis, ConsentBasis::Consent, "{on:?}");
        assert_eq!(sharing.consents[0].method, ConsentMethod::Interpreter);
    }
}

#[tokio::test]
async fn a_person_who_referred_themselves_is_told_where_it_went_in_their_channel() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        let asked = app
            .submit_self_referral(
                SelfReferralDraft {
                    message: Some("I need somewhere safe.".into()),
                    ..asking()
                },
                &w.org_a,
                waymark_vault::CodenameForm::Words,
            )
            .await
            .expect("asked");
        let case = app
            .accept_referral(&w.a_caseworker, &asked.referral_id)
            .await
            .expect("accepted");
        let c = record(&w, &case, &w.org_b, &["needs"]).await;
        let sent = app
            .refer_onward(&w.a_caseworker, &case, w.org_b.as_str(), c.as_str())
            .await
            .expect("sent");
        assert!(sent.person_told, "{on:?}");
        let view = app
            .channel_inbox("198.51.100.9", asked.codename.expose())
            .await
            .expect("read");
        let last = view.messages.last().expect("a message");
        // Where it went and exactly what was shared, as facts each page says in the reader's language.
        assert!(
            last.body
                == waymark_app::MessageBody::Notice(
                    waymark_domain::person_notice::PersonNotice::Referred {
                        organisation: ORG_B.into(),
                        shared: vec![ConsentScope::Needs],
                    }
                ),
            "{on:?}: {:?}",
            last.body
        );
    }
}
