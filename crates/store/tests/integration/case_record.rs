//! The case record's repositories, on a fresh SQLite file and a fresh PostgreSQL schema: references,
//! assignment, grants, every part of the record, blind indexes, and that each stays in its organisation.

use time::macros::date;
use time::{Duration, PrimitiveDateTime};
use waymark_domain::case_record::{
    DocumentKind, ExploitationPlace, IndexKind, NeedUrgency, PlanStatus, RiskLevel,
};
use waymark_domain::ids::{
    BadId, DocumentId, HistoryEntryId, NoteId, PersonId, PlanActionId, RiskAssessmentId,
};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::*;
use waymark_store::testing::TestDatabase;
use waymark_store::*;
use waymark_vault::new_id;

type R<T> = Result<T, StoreError>;

fn parse<T>(p: impl FnOnce(&str) -> Result<T, BadId>) -> T {
    p(&new_id()).expect("id")
}

fn org(tx: &mut Tx<'_>, name: &str) -> R<Organisation> {
    let o = Organisation {
        id: parse(OrgId::parse),
        name: name.into(),
        kind: OrganisationKind::SupportOrganisation,
        nation: Some(Nation::EnglandWales),
        area: Some("E08000035".into()),
        needs: vec![Need::SafeHousing],
        data_sharing_policy: "policy".into(),
        created_at: now(),
    };
    tx.insert_organisation(&o)?;
    Ok(o)
}

fn user(tx: &mut Tx<'_>, org: &Organisation, name: &str, role: Role) -> R<UserId> {
    let u = User {
        id: parse(UserId::parse),
        org_id: org.id.clone(),
        email: format!("{}@example.org", new_id()),
        display_name: name.into(),
        role,
        password_hash: "$argon2id$placeholder".into(),
        failed_logins: 0,
        locked_until: None,
        created_at: now(),
    };
    tx.insert_user(&u)?;
    Ok(u.id)
}

fn referral(tx: &mut Tx<'_>, to: &Organisation, at: PrimitiveDateTime) -> R<Referral> {
    let person: PersonId = parse(PersonId::parse);
    tx.insert_person(
        &PersonKey {
            id: person.clone(),
            wrapped_key: Some(vec![9; 40]),
            master_key_id: "k1".into(),
        },
        now(),
    )?;
    let r = Referral {
        id: parse(ReferralId::parse),
        person_id: person,
        to_org_id: to.id.clone(),
        from_org_id: None,
        from_user_id: None,
        status: ReferralStatus::Sent,
        age: AgeBand::Adult,
        nation: Nation::EnglandWales,
        area: None,
        needs: vec![Need::SafeHousing],
        indicators: vec![],
        first_contact: FirstContact::Myself,
        basis: "consent".into(),
        policy_digest: None,
        name_ct: vec![1],
        contact_ct: vec![2],
        language_ct: vec![3],
        children_services_ct: None,
        decline_reason_ct: None,
        created_at: at,
        answered_at: None,
        answered_by: None,
        urgency: None,
        message_ct: None,
    };
    tx.insert_referral(&r)?;
    Ok(r)
}

fn case(tx: &mut Tx<'_>, o: &Organisation, by: &UserId, reference: &str) -> R<Case> {
    let r = referral(tx, o, now())?;
    let c = Case {
        id: parse(CaseId::parse),
        org_id: o.id.clone(),
        referral_id: r.id,
        person_id: r.person_id,
        status: "open".into(),
        opened_at: now(),
        opened_by: by.clone(),
        reference: reference.into(),
        assigned_to: Some(by.clone()),
    };
    tx.insert_case(&c)?;
    Ok(c)
}

#[test]
fn references_count_per_organisation_and_year_and_are_unique_in_an_organisation() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let a = org(tx, "A")?;
                let b = org(tx, "B")?;
                let wa = user(tx, &a, "Wa", Role::Caseworker)?;
                let wb = user(tx, &b, "Wb", Role::Caseworker)?;
                assert_eq!(tx.next_case_number(&a.id, 2026)?, 1);
                assert_eq!(tx.next_case_number(&a.id, 2026)?, 2);
                assert_eq!(tx.next_case_number(&b.id, 2026)?, 1, "per organisation");
                assert_eq!(tx.next_case_number(&a.id, 2027)?, 1, "per year");
                assert_eq!(tx.next_case_number(&a.id, 2026)?, 3);

                let c = case(tx, &a, &wa, "A-2026-0001")?;
                case(tx, &b, &wb, "A-2026-0001")?; // another organisation may use the same text
                assert_eq!(
                    tx.case_by_reference(&a.id, "A-2026-0001")?.map(|x| x.id),
                    Some(c.id.clone())
                );
                assert_ne!(
                    tx.case_by_reference(&b.id, "A-2026-0001")?.map(|x| x.id),
                    Some(c.id.clone())
                );
                assert!(
                    tx.case_by_reference(&a.id, "a-2026-0001")?.is_none(),
                    "exact"
                );
                Ok(())
            })
            .expect("transaction");
        // Within one organisation a reference is unique (the database says so, not only the code).
        let refused = db.store.run_blocking(|tx| -> R<()> {
            let a = org(tx, "A")?;
            let w = user(tx, &a, "W", Role::Caseworker)?;
            case(tx, &a, &w, "A-2026-0009")?;
            case(tx, &a, &w, "A-2026-0009")?;
            Ok(())
        });
        assert!(
            matches!(refused, Err(StoreError::Duplicate("case"))),
            "{:?}: {refused:?}",
            db.backend()
        );
    }
}

#[test]
fn assignment_and_grants_stay_in_their_organisation() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let a = org(tx, "A")?;
                let b = org(tx, "B")?;
                let w1 = user(tx, &a, "Bea", Role::Caseworker)?;
                let w2 = user(tx, &a, "Ali", Role::Caseworker)?;
                let m = user(tx, &a, "Cy", Role::Manager)?;
                user(tx, &a, "Admin", Role::Admin)?;
                user(tx, &a, "Helper", Role::Helper)?;
                let wb = user(tx, &b, "Other", Role::Caseworker)?;
                let c = case(tx, &a, &w1, "A-1")?;

                assert!(
                    !tx.assign_case(&b.id, &c.id, &wb)?,
                    "B cannot reassign A's case"
                );
                assert!(tx.assign_case(&a.id, &c.id, &w2)?);
                assert_eq!(
                    tx.case_of(&a.id, &c.id)?.and_then(|x| x.assigned_to),
                    Some(w2.clone())
                );
                assert_eq!(tx.cases_assigned_to(&a.id, &w2)?.len(), 1);
                assert!(tx.cases_assigned_to(&a.id, &w1)?.is_empty());
                assert!(tx.cases_assigned_to(&b.id, &w2)?.is_empty());

                let staff = tx.case_staff(&a.id)?;
                assert_eq!(
                    staff
                        .iter()
                        .map(|s| s.display_name.as_str())
                        .collect::<Vec<_>>(),
                    ["Ali", "Bea", "Cy"],
                    "caseworkers and managers only, by name"
                );
                assert_eq!(staff[2].id, m);

                let t = now();
                tx.grant_case_access(&c.id, &w1, t, t + Duration::minutes(60))?;
                assert_eq!(
                    tx.live_grant(&c.id, &w1, t + Duration::minutes(59))?,
                    Some(t + Duration::minutes(60))
                );
                assert_eq!(tx.live_grant(&c.id, &w1, t + Duration::minutes(60))?, None);
                assert_eq!(tx.live_grant(&c.id, &w2, t)?, None, "one user's grant only");
                // Breaking the glass again replaces the grant: one per user and case.
                tx.grant_case_access(&c.id, &w1, t, t + Duration::minutes(120))?;
                assert_eq!(
                    tx.live_grant(&c.id, &w1, t + Duration::minutes(90))?,
                    Some(t + Duration::minutes(120))
                );
                assert_eq!(tx.granted_cases(&a.id, &w1, t)?.len(), 1);
                assert!(tx.granted_cases(&b.id, &w1, t)?.is_empty());
                assert!(
                    tx.granted_cases(&a.id, &w1, t + Duration::minutes(121))?
                        .is_empty()
                );
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn every_part_of_the_record_round_trips_and_stays_with_its_case() {
    for db in TestDatabase::both() {
        let on = db.backend();
        db.store
            .run_blocking(move |tx| -> R<()> {
                let a = org(tx, "A")?;
                let w = user(tx, &a, "W", Role::Caseworker)?;
                let c = case(tx, &a, &w, "A-1")?;
                let other = case(tx, &a, &w, "A-2")?;
                let t = now();

                assert!(tx.case_record(&c)?.person.is_none());
                tx.set_case_person(&c.id, b"first", t, &w)?;
                tx.set_case_person(&c.id, b"second", t, &w)?;
                tx.replace_case_needs(
                    &c.id,
                    &[(Need::SafeHousing, NeedUrgency::High)],
                    None,
                    t,
                    &w,
                )?;
                tx.replace_case_needs(
                    &c.id,
                    &[
                        (Need::Medical, NeedUrgency::Low),
                        (Need::LegalAdvice, NeedUrgency::Medium),
                    ],
                    Some(b"note"),
                    t,
                    &w,
                )?;
                let plan = |due, title: &[u8]| PlanAction {
                    id: parse(PlanActionId::parse),
                    case_id: c.id.clone(),
                    title_ct: title.to_vec(),
                    owner_id: w.clone(),
                    due_on: due,
                    status: PlanStatus::Open,
                    created_at: t,
                    created_by: w.clone(),
                    done_at: None,
                    done_by: None,
                };
                let later = plan(date!(2027 - 01 - 15), b"later");
                let sooner = plan(date!(2026 - 12 - 01), b"sooner");
                tx.insert_plan_action(&later)?;
                tx.insert_plan_action(&sooner)?;
                assert!(
                    !tx.complete_plan_action(&other.id, &later.id, t, &w)?,
                    "not through another case"
                );
                assert!(tx.complete_plan_action(&c.id, &later.id, t, &w)?);
                assert!(
                    !tx.complete_plan_action(&c.id, &later.id, t, &w)?,
                    "done once"
                );
                assert_eq!(
                    tx.plan_action(&c.id, &later.id)?.map(|p| p.status),
                    Some(PlanStatus::Done)
                );
                assert!(tx.plan_action(&other.id, &later.id)?.is_none());

                tx.insert_case_note(&CaseNote {
                    id: parse(NoteId::parse),
                    case_id: c.id.clone(),
                    author_id: w.clone(),
                    body_ct: b"note one".to_vec(),
                    created_at: t,
                })?;
                let doc = CaseDocument {
                    id: parse(DocumentId::parse),
                    case_id: c.id.clone(),
                    kind: DocumentKind::Pdf,
                    size_bytes: 6 * 1024 * 1024,
                    filename_ct: b"name".to_vec(),
                    uploaded_at: t,
                    uploaded_by: w.clone(),
                };
                let content = vec![7u8; 6 * 1024 * 1024];
                tx.insert_case_document(&doc, &content)?;
                assert!(
                    tx.case_document(&other.id, &doc.id)?.is_none(),
                    "not through another case"
                );
                let (meta, back) = tx.case_document(&c.id, &doc.id)?.expect("stored");
                assert_eq!(
                    (meta.kind, meta.size_bytes),
                    (DocumentKind::Pdf, 6 * 1024 * 1024)
                );
                assert!(back == content, "{on:?}: six MiB round trip");

                tx.insert_history_entry(&HistoryEntry {
                    id: parse(HistoryEntryId::parse),
                    case_id: c.id.clone(),
                    exploitation_type: ExploitationType::Labour,
                    place: ExploitationPlace::Abroad,
                    started_on: Some(date!(2023 - 02 - 01)),
                    ended_on: None,
                    note_ct: None,
                    recorded_at: t,
                    recorded_by: w.clone(),
                })?;
                for (level, at) in [
                    (RiskLevel::High, t),
                    (RiskLevel::Low, t + Duration::seconds(1)),
                ] {
                    tx.insert_risk_assessment(&RiskAssessment {
                        id: parse(RiskAssessmentId::parse),
                        case_id: c.id.clone(),
                        level,
                        reasons_ct: b"reasons".to_vec(),
                        assessed_at: at,
                        assessed_by: w.clone(),
                    })?;
                }

                let record = tx.case_record(&c)?;
                assert_eq!(
                    record.person.map(|p| p.person_ct),
                    Some(b"second".to_vec()),
                    "replaced, not added"
                );
                let needs = record.needs.expect("assessed");
                assert_eq!(
                    needs.needs,
                    [
                        (Need::Medical, NeedUrgency::Low),
                        (Need::LegalAdvice, NeedUrgency::Medium)
                    ]
                );
                assert_eq!(needs.note_ct, Some(b"note".to_vec()));
                assert_eq!(
                    record.plan.iter().map(|p| p.due_on).collect::<Vec<_>>(),
                    [date!(2026 - 12 - 01), date!(2027 - 01 - 15)],
                    "{on:?}: by due date"
                );
                assert_eq!(record.notes.len(), 1);
                assert_eq!(record.documents.len(), 1);
                assert_eq!(record.history[0].started_on, Some(date!(2023 - 02 - 01)));
                assert_eq!(record.history[0].ended_on, None);
                assert_eq!(record.history[0].place, ExploitationPlace::Abroad);
                assert_eq!(record.risks[0].level, RiskLevel::Low, "newest first");

                let empty = tx.case_record(&other)?;
                assert!(
                    empty.needs.is_none()
                        && empty.plan.is_empty()
                        && empty.notes.is_empty()
                        && empty.documents.is_empty()
                        && empty.history.is_empty()
                        && empty.risks.is_empty()
                );

                // My tasks: the open ones I own, in my organisation, by due date.
                let b = org(tx, "B")?;
                let tasks = tx.open_tasks_of(&a.id, &w)?;
                assert_eq!(tasks.len(), 1);
                assert_eq!(tasks[0].0.id, sooner.id);
                assert_eq!(tasks[0].1.id, c.id);
                assert!(tx.open_tasks_of(&b.id, &w)?.is_empty());
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn blind_indexes_find_cases_only_in_their_organisation() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let a = org(tx, "A")?;
                let b = org(tx, "B")?;
                let wa = user(tx, &a, "W", Role::Caseworker)?;
                let wb = user(tx, &b, "W", Role::Caseworker)?;
                let ca = case(tx, &a, &wa, "A-1")?;
                let cb = case(tx, &b, &wb, "B-1")?;
                let name = vec![1u8; 32];
                let dob = vec![2u8; 32];
                tx.replace_case_index(
                    &ca,
                    &[
                        (IndexKind::Name, name.clone()),
                        (IndexKind::Name, name.clone()),
                        (IndexKind::DateOfBirth, dob.clone()),
                    ],
                )?;
                tx.replace_case_index(&cb, &[(IndexKind::Name, name.clone())])?;
                let found = tx.cases_by_index(&a.id, IndexKind::Name, &name)?;
                assert_eq!(found.iter().map(|c| &c.id).collect::<Vec<_>>(), [&ca.id]);
                assert!(
                    tx.cases_by_index(&a.id, IndexKind::DateOfBirth, &name)?
                        .is_empty()
                );
                assert_eq!(
                    tx.cases_by_index(&a.id, IndexKind::DateOfBirth, &dob)?
                        .len(),
                    1
                );
                // Replacing forgets the old entries.
                tx.replace_case_index(&ca, &[(IndexKind::Name, vec![3u8; 32])])?;
                assert!(tx.cases_by_index(&a.id, IndexKind::Name, &name)?.is_empty());
                assert!(
                    tx.cases_by_index(&a.id, IndexKind::DateOfBirth, &dob)?
                        .is_empty()
                );
                Ok(())
            })
            .expect("transaction");
    }
}

#[test]
fn open_referrals_are_the_unanswered_ones_oldest_first() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> R<()> {
                let a = org(tx, "A")?;
                let b = org(tx, "B")?;
                let w = user(tx, &a, "W", Role::Caseworker)?;
                let t = now();
                let newer = referral(tx, &a, t)?;
                let older = referral(tx, &a, t - Duration::days(3))?;
                let answered = referral(tx, &a, t - Duration::days(5))?;
                referral(tx, &b, t - Duration::days(9))?;
                tx.answer_referral(&a.id, &answered.id, ReferralStatus::Declined, &w, t, None)?;
                let open = tx.unanswered_referrals(&a.id)?;
                assert_eq!(
                    open.iter().map(|r| &r.id).collect::<Vec<_>>(),
                    [&older.id, &newer.id]
                );
                Ok(())
            })
            .expect("transaction");
    }
}
