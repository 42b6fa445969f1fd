//! The audit trail of a record, as tests compare it.

use waymark_domain::UserId;
use waymark_store::AuditEntry;
use waymark_store::testing::TestDatabase;

/// The audit trail of one record: (action, actor) in order.
pub fn trail(db: &TestDatabase, record_id: &str) -> Vec<(String, String)> {
    entries(db, record_id)
        .into_iter()
        .map(|e| (e.action, e.actor))
        .collect()
}

/// The audit entries of one record, in order.
pub fn entries(db: &TestDatabase, record_id: &str) -> Vec<AuditEntry> {
    let id = record_id.to_owned();
    db.store
        .run_blocking(move |tx| tx.audit_for(&id))
        .expect("audit entries")
}

/// `(action, actor)` pairs, for comparing with [`trail`].
pub fn by(actions: &[(&str, &UserId)]) -> Vec<(String, String)> {
    actions
        .iter()
        .map(|(a, u)| ((*a).to_owned(), u.as_str().to_owned()))
        .collect()
}
