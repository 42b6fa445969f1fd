//! Finding cases by reference, name or date of birth through blind indexes.

use super::*;

impl App {
    /// Finds cases of the actor's organisation by exact reference, name (any of the person's names) or
    /// date of birth, through blind indexes. Lists no personal field; says which hits the actor can open
    /// and which only by breaking the glass. Audited as a search of the organisation (never the term).
    pub async fn search_cases(
        &self,
        actor: &Account,
        query: CaseSearch,
    ) -> Result<Vec<CaseMatch>, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let org = actor.org_id.clone();
                let (by, found) = match &query {
                    CaseSearch::Reference(r) => (
                        "by reference",
                        tx.case_by_reference(&org, &normalise_reference(r))?
                            .into_iter()
                            .collect(),
                    ),
                    CaseSearch::Name(n) => {
                        if n.trim().is_empty() {
                            return Err(AppError::Invalid("enter a name to search for".into()));
                        }
                        let digest = index_key(&keys, &org, IndexKind::Name).index(n);
                        (
                            "by name",
                            tx.cases_by_index(&org, IndexKind::Name, &digest)?,
                        )
                    }
                    CaseSearch::DateOfBirth(d) => {
                        let d = waymark_domain::case_record::parse_date("date_of_birth", d)?;
                        let digest =
                            index_key(&keys, &org, IndexKind::DateOfBirth).index(&iso_date(d));
                        (
                            "by date of birth",
                            tx.cases_by_index(&org, IndexKind::DateOfBirth, &digest)?,
                        )
                    }
                };
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: actor.user_id.as_str(),
                        org_id: Some(&actor.org_id),
                        action: AuditAction::CaseSearch.as_str(),
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: by,
                    },
                )?;
                visible_matches(tx, &actor, found, None)
            })
            .await
    }
}
