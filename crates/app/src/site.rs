//! The deployment's public facts: who runs it (named in every public page's footer) and what its
//! privacy notice says, generated from the organisations' settings so that it is never out of date.

use waymark_domain::OrganisationKind;
use waymark_domain::operator::Operator;
use waymark_store::AuditEvent;

use crate::audit::AuditAction;
use crate::{App, AppError};

const OPERATOR_NAME: &str = "operator.name";
const OPERATOR_CONTACT: &str = "operator.contact";

/// What the privacy notice says, from the deployment's own settings.
#[derive(Debug, Clone)]
pub struct PrivacyFacts {
    pub operator: Operator,
    /// Each support organisation a person can ask for help, by name, with how many days it keeps a
    /// closed case before erasing it.
    pub retention: Vec<(String, i32)>,
}

impl App {
    /// Who runs this deployment, as `waymark operator` set it (unset parts are `None`).
    pub async fn operator(&self) -> Result<Operator, AppError> {
        self.store
            .run(|tx| {
                Ok(Operator {
                    name: tx.setting(OPERATOR_NAME)?,
                    contact: tx.setting(OPERATOR_CONTACT)?,
                })
            })
            .await
    }

    /// Names the operator (from the command line). Audited.
    pub async fn set_operator(&self, operator: Operator) -> Result<(), AppError> {
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                for (key, value) in [
                    (OPERATOR_NAME, &operator.name),
                    (OPERATOR_CONTACT, &operator.contact),
                ] {
                    if let Some(v) = value {
                        tx.set_setting(key, v)?;
                    }
                }
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: "cli",
                        org_id: None,
                        action: AuditAction::OperatorSet.as_str(),
                        record_type: "deployment",
                        record_id: "operator",
                        reason: "",
                    },
                )?;
                Ok(())
            })
            .await
    }

    /// The facts of the privacy notice. Public: nothing in it is personal.
    pub async fn privacy_facts(&self) -> Result<PrivacyFacts, AppError> {
        let operator = self.operator().await?;
        self.store
            .run(move |tx| {
                let mut retention = Vec::new();
                for org in tx.organisations_of_kind(OrganisationKind::SupportOrganisation)? {
                    let days = tx
                        .retention_days(&org.id)?
                        .unwrap_or(waymark_domain::closing::DEFAULT_RETENTION_DAYS);
                    retention.push((org.name, days));
                }
                Ok(PrivacyFacts {
                    operator,
                    retention,
                })
            })
            .await
    }
}
