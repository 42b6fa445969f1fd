//! Requests for help being written ([`HelpDraft`]): a short-lived server-side copy of the answers, so that
//! the questions' pages are fetched with GET after each answer is sent once (no "Confirm Form
//! Resubmission" on Back), and the codename is not carried in forms after the request is sent.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::schema::help_drafts;
use crate::{StoreError, Tx};

/// One request being written, sealed.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Insertable, AsChangeset)]
#[diesel(table_name = help_drafts)]
#[diesel(treat_none_as_null = true)]
pub struct HelpDraft {
    /// The digest of the handle the pages carry (the handle itself is never stored).
    pub id: String,
    /// The draft's own key, wrapped by the master key.
    pub wrapped_key: Vec<u8>,
    pub master_key_id: String,
    pub answers_ct: Vec<u8>,
    /// The codename of the request once sent, until the person shows they kept it.
    pub codename_ct: Option<Vec<u8>>,
    pub expires_at: PrimitiveDateTime,
}

impl Tx<'_> {
    /// Saves a draft, new or changed, and deletes every draft past its expiry.
    pub fn save_help_draft(&mut self, draft: &HelpDraft) -> Result<(), StoreError> {
        let now = self.now;
        diesel::delete(help_drafts::table.filter(help_drafts::expires_at.le(now)))
            .execute(self.conn)?;
        let updated = diesel::update(help_drafts::table.find(&draft.id))
            .set(draft)
            .execute(self.conn)?;
        if updated == 0 {
            diesel::insert_into(help_drafts::table)
                .values(draft)
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// The draft with this id, unless it expired.
    pub fn help_draft(&mut self, id: &str) -> Result<Option<HelpDraft>, StoreError> {
        let now = self.now;
        Ok(help_drafts::table
            .find(id)
            .filter(help_drafts::expires_at.gt(now))
            .first::<HelpDraft>(self.conn)
            .optional()?)
    }

    /// Deletes a draft; whether there was one.
    pub fn delete_help_draft(&mut self, id: &str) -> Result<bool, StoreError> {
        Ok(diesel::delete(help_drafts::table.find(id)).execute(self.conn)? == 1)
    }
}
