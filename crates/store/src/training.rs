//! A helper's training: modules marked as read and attempts at a course's quiz. Plain rows (no personal
//! field but the account): the course content is public.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::ids::TrainingAttemptId;
use waymark_domain::{OrgId, UserId};

use crate::repo::id;
use crate::schema::{organisations, referrals, training_attempts, training_progress};
use crate::{StoreError, Tx};

/// One attempt at a course's quiz, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingAttempt {
    pub id: TrainingAttemptId,
    pub user_id: UserId,
    pub course_id: String,
    pub course_version: i32,
    /// JSON: question id → the index of the answer chosen.
    pub answers: String,
    pub correct: i32,
    pub total: i32,
    pub passed: bool,
    pub attempted_at: PrimitiveDateTime,
}

#[derive(Queryable)]
struct AttemptRow {
    id: String,
    user_id: String,
    course_id: String,
    course_version: i32,
    answers: String,
    correct: i32,
    total: i32,
    passed: bool,
    attempted_at: PrimitiveDateTime,
}

impl TryFrom<AttemptRow> for TrainingAttempt {
    type Error = StoreError;
    fn try_from(r: AttemptRow) -> Result<Self, StoreError> {
        Ok(TrainingAttempt {
            id: id(TrainingAttemptId::parse, &r.id)?,
            user_id: id(UserId::parse, &r.user_id)?,
            course_id: r.course_id,
            course_version: r.course_version,
            answers: r.answers,
            correct: r.correct,
            total: r.total,
            passed: r.passed,
            attempted_at: r.attempted_at,
        })
    }
}

impl Tx<'_> {
    /// Marks a module as read (once: reading it again keeps the first time). Returns whether it is new.
    pub fn mark_module_read(
        &mut self,
        user: &UserId,
        course: &str,
        module: &str,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let seen: i64 = training_progress::table
            .filter(training_progress::user_id.eq(user.as_str()))
            .filter(training_progress::course_id.eq(course))
            .filter(training_progress::module_id.eq(module))
            .count()
            .get_result(self.conn)?;
        if seen > 0 {
            return Ok(false);
        }
        diesel::insert_into(training_progress::table)
            .values((
                training_progress::user_id.eq(user.as_str()),
                training_progress::course_id.eq(course),
                training_progress::module_id.eq(module),
                training_progress::read_at.eq(at),
            ))
            .execute(self.conn)?;
        Ok(true)
    }

    /// The modules of a course a user marked as read.
    pub fn modules_read(&mut self, user: &UserId, course: &str) -> Result<Vec<String>, StoreError> {
        Ok(training_progress::table
            .filter(training_progress::user_id.eq(user.as_str()))
            .filter(training_progress::course_id.eq(course))
            .order(training_progress::module_id.asc())
            .select(training_progress::module_id)
            .load::<String>(self.conn)?)
    }

    pub fn insert_training_attempt(&mut self, a: &TrainingAttempt) -> Result<(), StoreError> {
        diesel::insert_into(training_attempts::table)
            .values((
                training_attempts::id.eq(a.id.as_str()),
                training_attempts::user_id.eq(a.user_id.as_str()),
                training_attempts::course_id.eq(&a.course_id),
                training_attempts::course_version.eq(a.course_version),
                training_attempts::answers.eq(&a.answers),
                training_attempts::correct.eq(a.correct),
                training_attempts::total.eq(a.total),
                training_attempts::passed.eq(a.passed),
                training_attempts::attempted_at.eq(a.attempted_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// A user's attempts at a course, the newest first.
    pub fn training_attempts(
        &mut self,
        user: &UserId,
        course: &str,
    ) -> Result<Vec<TrainingAttempt>, StoreError> {
        training_attempts::table
            .filter(training_attempts::user_id.eq(user.as_str()))
            .filter(training_attempts::course_id.eq(course))
            .order((
                training_attempts::attempted_at.desc(),
                training_attempts::id.desc(),
            ))
            .load::<AttemptRow>(self.conn)?
            .into_iter()
            .map(TrainingAttempt::try_from)
            .collect()
    }

    /// Requires (or stops requiring) a valid training certificate from helpers who refer to the
    /// organisation; `false` when there is no such organisation.
    pub fn set_requires_training(&mut self, org: &OrgId, yes: bool) -> Result<bool, StoreError> {
        let n = diesel::update(organisations::table.filter(organisations::id.eq(org.as_str())))
            .set(organisations::requires_training.eq(yes))
            .execute(self.conn)?;
        Ok(n == 1)
    }

    /// Whether the organisation requires a valid training certificate of helpers who refer to it.
    pub fn requires_training(&mut self, org: &OrgId) -> Result<Option<bool>, StoreError> {
        Ok(organisations::table
            .filter(organisations::id.eq(org.as_str()))
            .select(organisations::requires_training)
            .first::<bool>(self.conn)
            .optional()?)
    }

    /// Who sent each referral made by a signed-in account, and when: (sender, day), for counting
    /// referrals by trained and untrained helpers. Only referrals sent by `org`'s accounts for `Some`.
    pub fn referral_senders(
        &mut self,
        org: Option<&OrgId>,
    ) -> Result<Vec<(UserId, time::Date)>, StoreError> {
        let mut q = referrals::table
            .filter(referrals::from_user_id.is_not_null())
            .select((referrals::from_user_id, referrals::created_at))
            .into_boxed();
        if let Some(o) = org {
            q = q.filter(referrals::from_org_id.eq(o.as_str()));
        }
        q.load::<(Option<String>, PrimitiveDateTime)>(self.conn)?
            .into_iter()
            .filter_map(|(u, at)| u.map(|u| (u, at.date())))
            .map(|(u, d)| Ok((id(UserId::parse, &u)?, d)))
            .collect()
    }
}
