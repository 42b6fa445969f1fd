//! An organisation's data-sharing policy per language: set by the operator (checked and audited) and
//! read in the language of the person who agrees to it.

use crate::fixture::*;
use waymark_app::{AppError, PolicyText};
use waymark_domain::OrgId;
use waymark_store::testing::TestDatabase;

#[tokio::test]
async fn the_operator_sets_a_policy_per_language_and_each_reader_gets_theirs() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let on = w.backend;
        let app = &w.app;
        // The world's organisations never wrote their own policy: Waymark's default, in every language.
        assert_eq!(
            app.policy_for(&w.org_a, "ar").await.expect("read"),
            PolicyText::Default,
            "{on:?}"
        );
        assert_eq!(
            app.policy_for(&w.org_a, "en").await.expect("read"),
            PolicyText::Default
        );

        let set = app
            .set_organisation_policy(&w.org_a, "en", "  We share nothing without your consent. ")
            .await
            .expect("english");
        assert!(
            !set.replaced,
            "the default is not the organisation's own text"
        );
        assert!(set.translations_to_check.is_empty());
        let english = PolicyText::NotTranslated("We share nothing without your consent.".into());
        assert_eq!(app.policy_for(&w.org_a, "ar").await.expect("read"), english);

        let set = app
            .set_organisation_policy(&w.org_a, "ar", "لا نشارك شيئًا دون موافقتك.")
            .await
            .expect("arabic");
        assert!(!set.replaced);
        let set = app
            .set_organisation_policy(&w.org_a, "ar", "لا نشارك أي شيء دون موافقتك.")
            .await
            .expect("arabic again");
        assert!(set.replaced);
        assert_eq!(
            app.policies_for(vec![w.org_a.clone(), w.org_b.clone()], "ar")
                .await
                .expect("read"),
            [
                PolicyText::Own("لا نشارك أي شيء دون موافقتك.".into()),
                PolicyText::Default
            ]
        );
        assert_eq!(app.policy_for(&w.org_a, "fa").await.expect("read"), english);
        let set = app
            .set_organisation_policy(&w.org_a, "en", "We share nothing unless you agree.")
            .await
            .expect("english again");
        assert!(set.replaced);
        assert_eq!(set.translations_to_check, ["ar"]);

        assert_eq!(
            trail(&db, w.org_a.as_str()),
            [
                ("organisation.create", "cli"),
                ("organisation.policy_set", "cli"),
                ("organisation.policy_set", "cli"),
                ("organisation.policy_set", "cli"),
                ("organisation.policy_set", "cli"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned())),
            "{on:?}"
        );
        let reasons: Vec<String> = entries(&db, w.org_a.as_str())
            .into_iter()
            .skip(1)
            .map(|e| e.reason)
            .collect();
        assert_eq!(reasons, ["en", "ar", "ar", "en"]);
    }
}

#[tokio::test]
async fn a_policy_in_another_language_too_long_empty_or_for_no_organisation_is_refused() {
    for db in TestDatabase::both() {
        let w = world(&db).await;
        let app = &w.app;
        let refused = |r: Result<_, AppError>| match r {
            Err(AppError::Invalid(why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        };
        let why = refused(
            app.set_organisation_policy(&w.org_a, "de", "Richtlinie")
                .await,
        );
        assert!(why.contains("en, sq, ar, fa, ro, ti, vi"), "{why}");
        let why = refused(app.set_organisation_policy(&w.org_a, "ar", " \n ").await);
        assert!(why.contains("1 to 5,000 characters"), "{why}");
        let why = refused(
            app.set_organisation_policy(&w.org_a, "ar", &"ب".repeat(5001))
                .await,
        );
        assert!(why.contains("(this one is 5001)"), "{why}");
        let nobody = OrgId::parse(&waymark_vault::new_id()).expect("id");
        let why = refused(app.set_organisation_policy(&nobody, "ar", "نص").await);
        assert!(why.contains("there is no organisation"), "{why}");
        assert!(matches!(
            app.policy_for(&nobody, "ar").await,
            Err(AppError::NotFound)
        ));
        app.set_organisation_policy(&w.org_a, "ar", &"ب".repeat(5000))
            .await
            .expect("5,000 characters is allowed");
        assert_eq!(
            trail(&db, w.org_a.as_str()).len(),
            2,
            "only what was set is audited"
        );
    }
}
