//! An organisation's data-sharing policy per language, on both backends.

use waymark_domain::{OrgId, OrganisationKind};
use waymark_store::StoreError;
use waymark_store::testing::TestDatabase;

use crate::conformance::org;

#[test]
fn policies_are_kept_per_language_and_replaced_in_place() {
    for db in TestDatabase::both() {
        db.store
            .run_blocking(|tx| -> Result<(), StoreError> {
                let o = org(OrganisationKind::SupportOrganisation, "Harbour Light");
                tx.insert_organisation(&o)?;
                assert!(tx.organisation_policies(&o.id)?.is_empty());
                assert_eq!(tx.organisation_policy(&o.id, "ar")?, None);

                assert!(tx.set_organisation_policy(&o.id, "ar", "سياسة أولى")?);
                assert!(tx.set_organisation_policy(&o.id, "vi", "Chính sách")?);
                assert!(tx.set_organisation_policy(&o.id, "ar", "سياسة ثانية")?);
                let all = tx.organisation_policies(&o.id)?;
                let langs: Vec<&str> = all.iter().map(|p| p.lang.as_str()).collect();
                assert_eq!(langs, ["ar", "vi"], "{:?}", db.backend());
                let ar = tx.organisation_policy(&o.id, "ar")?.expect("arabic");
                assert_eq!(ar.policy, "سياسة ثانية");
                assert_eq!(ar.updated_at, tx.now());

                assert!(tx.set_data_sharing_policy(&o.id, "Our own words.")?);
                let back = tx.organisation(&o.id)?.expect("stored");
                assert_eq!(back.data_sharing_policy, "Our own words.");

                let nobody = OrgId::parse(&waymark_vault::new_id()).expect("id");
                assert!(!tx.set_organisation_policy(&nobody, "ar", "x")?);
                assert!(!tx.set_data_sharing_policy(&nobody, "x")?);
                assert!(tx.organisation_policies(&nobody)?.is_empty());
                Ok(())
            })
            .expect("transaction");
    }
}
