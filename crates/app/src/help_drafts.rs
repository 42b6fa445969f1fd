//! A request for help while the person writes it: the answers so far, kept on the server between one
//! question's page and the next under a short-lived handle, so that each answer is sent once (the page
//! after it is fetched with GET, and Back and Forward never offer to send anything again) and, once the
//! request is sent, its codename is shown from here rather than carried in forms.
//!
//! The handle is a 256-bit random secret in the pages' links; only its digest is stored. Each draft has a
//! key of its own, wrapped by the master key. A draft lives an hour after its last answer (ten minutes once
//! sent), and goes at once when the person shows they kept the codename or leaves with "Exit this page".
//! What the answers hold is the web layer's business: here they are one opaque text.

use time::Duration;
use waymark_store::{HelpDraft, SealedColumn};
use waymark_vault::{Codename, DataKey, Zeroizing};

use crate::sealing::ctx;
use crate::{App, AppError};

/// How long a draft is kept after its last answer.
pub const DRAFT_LIFETIME: Duration = Duration::hours(1);
/// How long a sent request's codename is kept for the person to save it.
pub const CODENAME_LIFETIME: Duration = Duration::minutes(10);

/// A draft as opened: the answers so far, and the codename once the request was sent.
pub struct OpenedDraft {
    pub answers: Zeroizing<String>,
    pub codename: Option<Codename>,
}

impl std::fmt::Debug for OpenedDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedDraft")
            .field("sent", &self.codename.is_some())
            .finish_non_exhaustive()
    }
}

impl App {
    /// Saves the answers so far under `handle` (a new handle when `None`, or when its draft expired) and
    /// gives the handle back.
    pub async fn save_help_draft(
        &self,
        handle: Option<&str>,
        answers: &str,
    ) -> Result<String, AppError> {
        let existing = match handle {
            Some(h) => self.stored_draft(h).await?.map(|d| (h.to_owned(), d)),
            None => None,
        };
        let (handle, key) = match existing {
            Some((h, d)) => (h.clone(), self.keys.master.unwrap(&d.wrapped_key, &d.id)?),
            None => (waymark_vault::new_secret(), DataKey::generate()),
        };
        self.store_draft(&handle, &key, answers, None, DRAFT_LIFETIME)
            .await?;
        Ok(handle)
    }

    /// The draft under `handle`, opened; `None` when there is none (never made, sent and kept, left, or
    /// expired).
    pub async fn help_draft(&self, handle: &str) -> Result<Option<OpenedDraft>, AppError> {
        let Some(d) = self.stored_draft(handle).await? else {
            return Ok(None);
        };
        let key = self.keys.master.unwrap(&d.wrapped_key, &d.id)?;
        let answers = Zeroizing::new(
            key.open_string(&ctx(SealedColumn::HelpDraftAnswers, &d.id), &d.answers_ct)?,
        );
        let codename = match &d.codename_ct {
            Some(ct) => {
                let text = Zeroizing::new(
                    key.open_string(&ctx(SealedColumn::HelpDraftCodename, &d.id), ct)?,
                );
                Codename::parse(&text).ok()
            }
            None => None,
        };
        Ok(Some(OpenedDraft { answers, codename }))
    }

    /// The request under `handle` was sent: its answers are forgotten but for `facts` (what the page
    /// that shows the codename needs, such as which nation's helplines to list: nothing that names
    /// anyone), and its codename is kept for [`CODENAME_LIFETIME`] so that page can show it. Gives the
    /// handle to show it with (a new one when the draft had expired).
    pub async fn help_draft_sent(
        &self,
        handle: Option<&str>,
        codename: &Codename,
        facts: &str,
    ) -> Result<String, AppError> {
        let handle = match handle {
            Some(h) if self.stored_draft(h).await?.is_some() => h.to_owned(),
            _ => waymark_vault::new_secret(),
        };
        // A fresh key: nothing sealed under the draft's earlier key (the answers) stays openable.
        self.store_draft(
            &handle,
            &DataKey::generate(),
            facts,
            Some(codename),
            CODENAME_LIFETIME,
        )
        .await?;
        Ok(handle)
    }

    /// Forgets the draft under `handle` at once (the codename was kept, or the person left).
    pub async fn discard_help_draft(&self, handle: &str) -> Result<(), AppError> {
        let id = waymark_vault::secret_digest(handle);
        self.store
            .run(move |tx| Ok::<_, AppError>(tx.delete_help_draft(&id).map(|_| ())?))
            .await
    }

    /// Seals and saves the draft under `handle`, to expire `lifetime` from now.
    async fn store_draft(
        &self,
        handle: &str,
        key: &DataKey,
        answers: &str,
        codename: Option<&Codename>,
        lifetime: Duration,
    ) -> Result<(), AppError> {
        let id = waymark_vault::secret_digest(handle);
        let draft = HelpDraft {
            answers_ct: key.seal_str(&ctx(SealedColumn::HelpDraftAnswers, &id), answers),
            codename_ct: codename
                .map(|c| key.seal_str(&ctx(SealedColumn::HelpDraftCodename, &id), c.expose())),
            wrapped_key: self.keys.master.wrap(key, &id),
            master_key_id: self.keys.master.id(),
            expires_at: self.clock.now() + lifetime,
            id,
        };
        self.store
            .run(move |tx| Ok::<_, AppError>(tx.save_help_draft(&draft)?))
            .await
    }

    async fn stored_draft(&self, handle: &str) -> Result<Option<HelpDraft>, AppError> {
        let id = waymark_vault::secret_digest(handle);
        self.store
            .run(move |tx| Ok::<_, AppError>(tx.help_draft(&id)?))
            .await
    }
}
