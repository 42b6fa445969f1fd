//! Audit entries: every read and write of personal data appends one, in the same transaction as the
//! work. Ids and action names only, never personal data.

use waymark_store::{Account, AuditEvent};

use crate::gate::Opened;

/// An entry for `actor` doing `action` to the record `kind`/`id`.
pub(crate) fn event<'a>(
    actor: &'a Account,
    action: &'a str,
    kind: &'a str,
    id: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action,
        record_type: kind,
        record_id: id,
        reason: "",
    }
}

/// An entry for work on an opened case; work done through a break-the-glass grant says so.
pub(crate) fn case_event<'a>(
    actor: &'a Account,
    action: &'a str,
    opened: &'a Opened,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action,
        record_type: "case",
        record_id: opened.case.id.as_str(),
        reason: opened.reason(),
    }
}
