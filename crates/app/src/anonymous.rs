//! First responders and anonymous notifications.
//!
//! The operator designates a support organisation a first responder. Its caseworkers and managers may
//! then make an anonymous notification about an adult who may be a survivor but does not consent to a
//! referral: only coarse, non-identifying facts (see `waymark_domain::anonymous`), stored in plaintext —
//! there is nothing in it to seal — and audited with ids only. It is never made for a child.

use time::PrimitiveDateTime;
use waymark_domain::anonymous::{NotificationDraft, nationality_name};
use waymark_domain::area::Area;
use waymark_domain::first_responder::{can_be_first_responder, may_notify_anonymously};
use waymark_domain::ids::NotificationId;
use waymark_domain::{AgeBand, ExploitationType, Indicator, Nation, OrgId};
use waymark_store::{Account, AnonymousNotification, AuditEvent, Tx};

use crate::audit::AuditAction;
use crate::audit::event;
use crate::sealing::new_id;
use crate::{App, AppError, Keys};

/// An anonymous notification as its organisation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationView {
    pub id: NotificationId,
    pub created_at: PrimitiveDateTime,
    pub age: AgeBand,
    /// The code (ISO 3166-1 alpha-2, `stateless` or `unknown`).
    pub nationality: String,
    /// Its name, for people.
    pub nationality_name: String,
    pub exploitation_types: Vec<ExploitationType>,
    pub nation: Nation,
    /// The local authority area, if recorded.
    pub area: Option<Area>,
    pub indicators: Vec<Indicator>,
    /// `YYYY-MM`.
    pub encountered_in: Option<String>,
}

impl From<AnonymousNotification> for NotificationView {
    fn from(n: AnonymousNotification) -> Self {
        NotificationView {
            id: n.id,
            created_at: n.created_at,
            age: n.age,
            nationality_name: nationality_name(&n.nationality),
            nationality: n.nationality,
            exploitation_types: n.exploitation_types,
            nation: n.nation,
            area: n.area.as_deref().and_then(Area::from_code),
            indicators: n.indicators,
            encountered_in: n.encountered_in,
        }
    }
}

/// Sets the designation inside a transaction, audited as the operator's.
pub(crate) fn designate(
    tx: &mut Tx<'_>,
    keys: &Keys,
    org: &OrgId,
    yes: bool,
) -> Result<(), AppError> {
    if !tx.set_first_responder(org, yes)? {
        return Err(AppError::Invalid(format!("there is no organisation {org}")));
    }
    tx.audit(
        &keys.audit,
        &AuditEvent {
            actor: "cli",
            org_id: Some(org),
            action: AuditAction::OrganisationFirstResponder.as_str(),
            record_type: "organisation",
            record_id: org.as_str(),
            reason: if yes { "designated" } else { "withdrawn" },
        },
    )?;
    Ok(())
}

/// Notifying needs a caseworker or manager of a first responder; anyone else is told plainly (403): the
/// collection is not a record whose existence could be revealed.
fn may_notify(actor: &Account) -> Result<(), AppError> {
    if may_notify_anonymously(actor.role, actor.org_kind, actor.org_first_responder) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

impl App {
    /// The operator designates an organisation a first responder, or withdraws the designation.
    pub async fn set_first_responder(&self, org: &OrgId, yes: bool) -> Result<(), AppError> {
        let org = org.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let Some(found) = tx.organisation(&org)? else {
                    return Err(AppError::Invalid(format!("there is no organisation {org}")));
                };
                if yes && !can_be_first_responder(found.kind) {
                    return Err(AppError::Invalid(format!(
                        "only a support organisation can be a first responder; {org} is a {}",
                        found.kind
                    )));
                }
                designate(tx, &keys, &org, yes)
            })
            .await
    }

    /// Whether an organisation is a first responder.
    pub async fn is_first_responder(&self, org: &OrgId) -> Result<bool, AppError> {
        let org = org.clone();
        self.store
            .run(move |tx| tx.is_first_responder(&org)?.ok_or(AppError::NotFound))
            .await
    }

    /// Makes an anonymous notification: refused for a child or a person who may be one, and for anyone
    /// but a caseworker or manager of a first responder.
    pub async fn notify_anonymously(
        &self,
        actor: &Account,
        draft: NotificationDraft,
    ) -> Result<NotificationView, AppError> {
        may_notify(actor)?;
        let checked = draft.check(self.clock.now().date())?;
        let record = AnonymousNotification {
            id: new_id(NotificationId::parse)?,
            org_id: actor.org_id.clone(),
            created_by: actor.user_id.clone(),
            age: checked.age,
            nationality: checked.nationality.code().to_owned(),
            exploitation_types: checked.exploitation_types,
            nation: checked.nation,
            area: checked.area.map(|a| a.code().to_owned()),
            indicators: checked.indicators,
            encountered_in: checked.encountered_in.map(|m| m.to_string()),
            created_at: self.clock.now(),
        };
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                // The designation is read again inside the transaction: withdrawn a moment ago counts.
                if tx.is_first_responder(&actor.org_id)? != Some(true) {
                    return Err(AppError::Forbidden);
                }
                tx.insert_anonymous_notification(&record)?;
                tx.audit(
                    &keys.audit,
                    &event(
                        &actor,
                        AuditAction::AnonymousNotificationCreate,
                        "anonymous_notification",
                        record.id.as_str(),
                    ),
                )?;
                Ok(NotificationView::from(record))
            })
            .await
    }

    /// The notifications the actor's organisation made, newest first.
    pub async fn anonymous_notifications(
        &self,
        actor: &Account,
    ) -> Result<Vec<NotificationView>, AppError> {
        may_notify(actor)?;
        let org = actor.org_id.clone();
        self.store
            .run(move |tx| {
                Ok(tx
                    .anonymous_notifications_of(&org)?
                    .into_iter()
                    .map(NotificationView::from)
                    .collect())
            })
            .await
    }
}
