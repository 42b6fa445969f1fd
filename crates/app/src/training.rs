//! A helper's training: marking modules as read, and attempts at a course's quiz, scored by
//! [`waymark_domain::training::score`] against the course's pass mark. Any signed-in account may learn;
//! reading needs no account at all (the web layer serves the content). A pass issues a certificate
//! (`crate::certificates`) in the same transaction.

use std::collections::BTreeMap;

use time::{Date, PrimitiveDateTime};
use waymark_domain::OrgId;
use waymark_domain::ids::TrainingAttemptId;
use waymark_domain::training::{self, Course, Score, score};
use waymark_store::{Account, TrainingAttempt};

use crate::audit::AuditAction;
use crate::audit::event;
use crate::certificates::{Certificate, issue_certificate_in};
use crate::sealing::new_id;
use crate::{App, AppError};

/// One earlier attempt, for the helper's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptSummary {
    pub on: Date,
    pub correct: u32,
    pub total: u32,
    pub passed: bool,
}

/// Where a helper stands on a course.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CourseProgress {
    /// The ids of the modules marked as read.
    pub modules_read: Vec<String>,
    /// The newest first.
    pub attempts: Vec<AttemptSummary>,
}

impl CourseProgress {
    pub fn passed(&self) -> bool {
        self.attempts.iter().any(|a| a.passed)
    }
}

/// The result of an attempt: the marking (with which answers were wrong), whether it passed, and on a
/// pass the certificate issued with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptResult {
    pub id: TrainingAttemptId,
    pub score: Score,
    pub certificate: Option<Certificate>,
}

fn course(id: &str) -> Result<&'static Course, AppError> {
    training::course(id.trim()).ok_or(AppError::NotFound)
}

fn summary(a: &TrainingAttempt) -> AttemptSummary {
    AttemptSummary {
        on: a.attempted_at.date(),
        correct: u32::try_from(a.correct).unwrap_or(0),
        total: u32::try_from(a.total).unwrap_or(0),
        passed: a.passed,
    }
}

impl App {
    /// The operator makes an organisation require (or stop requiring) a valid training certificate
    /// before helpers may refer to it. Audited as the operator's.
    pub async fn set_requires_training(&self, org: &OrgId, yes: bool) -> Result<(), AppError> {
        let org = org.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                if !tx.set_requires_training(&org, yes)? {
                    return Err(AppError::Invalid(format!("there is no organisation {org}")));
                }
                tx.audit(
                    &keys.audit,
                    &waymark_store::AuditEvent {
                        actor: "cli",
                        org_id: Some(&org),
                        action: AuditAction::OrganisationRequiresTraining.as_str(),
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: if yes { "required" } else { "not required" },
                    },
                )?;
                Ok(())
            })
            .await
    }

    /// Marks a module of a course as read by the actor. Unknown course or module: not found.
    pub async fn mark_module_read(
        &self,
        actor: &Account,
        course_id: &str,
        module_id: &str,
    ) -> Result<(), AppError> {
        let c = course(course_id)?;
        let m = c.module(module_id.trim()).ok_or(AppError::NotFound)?;
        let (user, course, module) = (actor.user_id.clone(), c.id.clone(), m.id.clone());
        let at = self.clock.now();
        self.store
            .run(move |tx| {
                tx.mark_module_read(&user, &course, &module, at)?;
                Ok(())
            })
            .await
    }

    /// The actor's progress on a course.
    pub async fn course_progress(
        &self,
        actor: &Account,
        course_id: &str,
    ) -> Result<CourseProgress, AppError> {
        let c = course(course_id)?;
        let (user, course) = (actor.user_id.clone(), c.id.clone());
        self.store
            .run(move |tx| {
                Ok(CourseProgress {
                    modules_read: tx.modules_read(&user, &course)?,
                    attempts: tx
                        .training_attempts(&user, &course)?
                        .iter()
                        .map(summary)
                        .collect(),
                })
            })
            .await
    }

    /// Scores an attempt at a course's quiz (`answers`: question id → answer index; every question of
    /// the course counts, an unanswered one as wrong), keeps it, and audits it (ids and the result only).
    pub async fn attempt_quiz(
        &self,
        actor: &Account,
        course_id: &str,
        answers: BTreeMap<String, usize>,
    ) -> Result<AttemptResult, AppError> {
        let c = course(course_id)?;
        let marked = score(c, &answers);
        let id: TrainingAttemptId = new_id(TrainingAttemptId::parse)?;
        let json = serde_json::to_string(&answers)
            .map_err(|e| AppError::Invalid(format!("the answers could not be kept: {e}")))?;
        let at: PrimitiveDateTime = self.clock.now();
        let attempt = TrainingAttempt {
            id: id.clone(),
            user_id: actor.user_id.clone(),
            course_id: c.id.clone(),
            course_version: i32::try_from(c.version).unwrap_or(i32::MAX),
            answers: json,
            correct: i32::try_from(marked.right).unwrap_or(0),
            total: i32::try_from(marked.total).unwrap_or(0),
            passed: marked.passed,
            attempted_at: at,
        };
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let today = at.date();
        let certificate = self
            .store
            .run(move |tx| {
                tx.insert_training_attempt(&attempt)?;
                tx.audit(
                    &keys.audit,
                    &waymark_store::AuditEvent {
                        reason: if attempt.passed {
                            "passed"
                        } else {
                            "not passed"
                        },
                        ..event(
                            &actor,
                            AuditAction::TrainingAttempt,
                            "training_attempt",
                            attempt.id.as_str(),
                        )
                    },
                )?;
                // A pass and its certificate commit together.
                if attempt.passed {
                    issue_certificate_in(tx, &keys, &actor, c, today).map(Some)
                } else {
                    Ok(None)
                }
            })
            .await?;
        Ok(AttemptResult {
            id,
            score: marked,
            certificate,
        })
    }
}
