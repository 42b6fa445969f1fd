//! Waymark's use cases. Each one authorises the actor, applies the domain's rules, seals personal data
//! through the vault, and persists and audits through the store, in one transaction. The web and the CLI
//! call only this crate.

mod accounts;
mod anonymous;
mod audit;
mod cases;
mod certificates;
mod channel;
mod clock;
mod closing;
mod consents;
mod decision_figures;
mod decision_notices;
mod erasure;
mod error;
mod formal;
mod gate;
mod help_drafts;
mod onward;
mod person_notices;
mod policies;
mod referrals;
mod retention;
mod sealing;
mod site;
mod staff;
mod training;

pub use accounts::{DEFAULT_DATA_SHARING_POLICY, NewOrganisation, SignIn};
pub use anonymous::NotificationView;
pub use clock::Clock;
pub use closing::{CaseExport, ClosedCase, CopyView};
pub use policies::{POLICY_LANGUAGES, POLICY_MAX_CHARS, PolicySet, PolicyText};
pub use retention::{CaseStatistics, RETENTION_ACTOR, RetentionRun};
pub use site::PrivacyFacts;
pub use staff::{
    Enrolled, Enrolment, LOCKOUT, MAX_FAILED_LOGINS, NewSession, PendingView, SessionInfo,
    TeamMemberView, TwoFactorSetup, TwoFactorStatus,
};
pub use waymark_store::ErasureNotice;

use std::path::Path;
use std::sync::{Arc, Mutex};

pub use cases::{
    CaseHeader, CaseSearch, CaseSummary, CaseView, ClosureView, DocumentView, Download,
    GlassReason, HistoryView, MyWork, NeedsView, NewHistory, NewPlanAction, NoteView, OpenQuestion,
    OpenReferral, Person, PlanActionView, RiskView, Task, UploadedDocument, WaitingMessage,
};
pub use certificates::{
    Certificate, CertificateStatus, InvalidReason, ManagedCertificate, PublicCertificate,
    RevocationView, TrainedReferrals,
};
pub use channel::{ChannelMessage, ChannelView, Conversation, SelfReferralSent};
pub use consents::{ConsentView, NewConsent, OnwardView, Recipient, Sharing};
pub use decision_notices::{DecisionLetter, LetterFormat, NoticeSummary};
pub use error::AppError;
pub use formal::{FormalDecisionView, FormalRequestView, FormalStatusView, HistoryItem, QueueItem};
pub use gate::{BREAK_GLASS_ACCESS, CaseMatch};
pub use help_drafts::{CODENAME_LIFETIME, DRAFT_LIFETIME, OpenedDraft};
pub use onward::OnwardSent;
pub use person_notices::MessageBody;
pub use referrals::{InboxItem, ReferralView, SentItem};
pub use sealing::{ERASED, NOT_GIVEN, WITHDRAWN};
pub use training::{AttemptResult, AttemptSummary, CourseProgress};
pub use waymark_domain::certificate::CertificateState;
pub use waymark_domain::guess_limit::GuessLimits;
pub use waymark_store::{
    Account, AuditReport, Backend, DatabaseUrl, Organisation, PendingStage, Session, StaffMember,
    Store, StoreError,
};
/// For checking a certificate's token offline with the published key (a page that takes a pasted token).
pub use waymark_vault::{
    CertificateFacts, CertificatePublicKey, InvalidCertificate, verify_offline,
};
pub use waymark_vault::{Codename, CodenameForm};

use waymark_domain::guess_limit::GuessLimiter;
pub use waymark_vault::constant_time_eq;
use waymark_vault::{AuditKey, CodenameKey, MasterKey, StaffKey};

/// The settings key that records which master key the database was sealed with.
const MASTER_KEY_ID: &str = "master_key_id";

/// The application: a database, the keys to it, and the in-memory limits on codename guesses.
#[derive(Clone)]
pub struct App {
    store: Store,
    keys: Arc<Keys>,
    guesses: Arc<Guesses>,
    clock: Clock,
}

struct Keys {
    master: MasterKey,
    audit: AuditKey,
    codename: CodenameKey,
    /// Staff accounts' own secrets (TOTP, recovery codes); never a person's data key.
    staff: StaffKey,
}

/// Codename guessing: the limiter (per client and global, in this process's memory) and a bound on how
/// many Argon2 computations (19 MiB each) run at once.
struct Guesses {
    limiter: Mutex<GuessLimiter<String>>,
    hashing: tokio::sync::Semaphore,
}

impl Guesses {
    fn new(limits: GuessLimits) -> Guesses {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Guesses {
            limiter: Mutex::new(GuessLimiter::new(limits)),
            hashing: tokio::sync::Semaphore::new(cores.clamp(1, 8)),
        }
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Opens the database with the master key in `key_file`. Refuses a key other than the one the
    /// database was first used with, so data is never sealed under two keys by mistake.
    pub fn open(url: &DatabaseUrl, key_file: &Path) -> Result<App, AppError> {
        let master = MasterKey::load_file(key_file).map_err(|e| AppError::Key(e.to_string()))?;
        let store = Store::open(url)?;
        Self::with_key(store, master)
    }

    /// Binds a store to a master key: records the key's id on first use, checks it afterwards.
    pub fn with_key(store: Store, master: MasterKey) -> Result<App, AppError> {
        let id = master.id();
        let recorded = store.run_blocking(|tx| -> Result<Option<String>, AppError> {
            match tx.setting(MASTER_KEY_ID)? {
                Some(existing) => Ok(Some(existing)),
                None => {
                    tx.set_setting(MASTER_KEY_ID, &id)?;
                    Ok(None)
                }
            }
        })?;
        if let Some(existing) = recorded
            && existing != id
        {
            return Err(AppError::Key(format!(
                "this is not the master key of this database (the database expects key {existing}, \
                 the file holds key {id})"
            )));
        }
        let audit = master.audit_key();
        let codename = master.codename_key();
        let staff = master.staff_key();
        let clock = Clock::default();
        Ok(App {
            store: store.with_time_source(Arc::new(clock.clone())),
            keys: Arc::new(Keys {
                master,
                audit,
                codename,
                staff,
            }),
            guesses: Arc::new(Guesses::new(GuessLimits::DEFAULT)),
            clock,
        })
    }

    /// The same application with other limits on codename guesses (the defaults are
    /// [`GuessLimits::DEFAULT`]); the counts start afresh.
    pub fn with_guess_limits(mut self, limits: GuessLimits) -> App {
        self.guesses = Arc::new(Guesses::new(limits));
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// This application with a clock the web layer may move forward (`POST /demo/clock`): for
    /// `waymark demo --clock-control` only, so browser tests can reach a statutory date.
    pub fn with_controllable_clock(mut self) -> App {
        self.clock = Clock::controllable();
        self.store = self.store.with_time_source(Arc::new(self.clock.clone()));
        self
    }

    /// The application's one clock: every rule, due date, expiry, record and audit entry is judged
    /// and stamped by it (the store's transactions take their time from it). Tests and
    /// `waymark demo --clock-control` move it forward.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Recomputes the audit chain.
    pub async fn verify_audit(&self) -> Result<AuditReport, AppError> {
        let keys = Arc::clone(&self.keys);
        self.store
            .run(move |tx| Ok(tx.verify_audit(&keys.audit)?))
            .await
    }
}
