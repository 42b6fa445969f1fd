//! What a decision of the independent decision body says, in plain words, to each one it concerns.
//!
//! When a decision takes effect — a positive reasonable-grounds decision, a negative one once a second
//! decision maker has confirmed it, a conclusive decision — three texts are written from it:
//!
//! - a short message to the person, through their codename channel if they have one
//!   ([`crate::person_notice::PersonNotice`], said in the reader's language by each page): no legal terms,
//!   never the reasons or anything beyond what the person told: their support organisation explains the
//!   decision and gives them the letter;
//! - a task for the referring organisation's caseworker ([`referrer_task`]);
//! - the decision letter ([`letter`]): who decided, when, the decision, the test applied (the threshold in
//!   force on the decision day), the recovery period's end, the reasons and what happens next. One text
//!   serves the HTML page and the PDF, so the two cannot disagree.
//!
//! A referral that is withdrawn, or whose person left the UK or went missing, is not a decision: the
//! referrer is told, the person gets no message and there is no letter.

use time::Date;

use crate::formal::FormalStatus;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What took effect, and so what the people it concerns are told.
    NoticeKind, "decision notice" {
        ReasonableGroundsPositive => "reasonable_grounds_positive",
        ReasonableGroundsNegative => "reasonable_grounds_negative",
        ConclusivePositive => "conclusive_positive",
        ConclusiveNegative => "conclusive_negative",
        Withdrawn => "withdrawn",
        LeftUk => "left_uk",
        Missing => "missing",
    }
}

impl NoticeKind {
    /// What a referral that has just reached `status` tells. `None` while nothing has taken effect: waiting
    /// for a decision, a negative reasonable-grounds decision waiting for its second decision maker, or a
    /// reconsideration the referrer asked for.
    pub fn for_status(status: FormalStatus) -> Option<NoticeKind> {
        match status {
            // Waiting for a decision: a first one, a second reviewer's, or a new one the referrer asked
            // for (the referrer knows; the earlier decision's letter stands until the new one).
            FormalStatus::AwaitingReasonableGrounds
            | FormalStatus::NegativeAwaitingReview
            | FormalStatus::ReasonableGroundsReconsideration
            | FormalStatus::ConclusiveReconsideration => None,
            FormalStatus::RecoveryPeriod => Some(NoticeKind::ReasonableGroundsPositive),
            FormalStatus::ReasonableGroundsNegative => Some(NoticeKind::ReasonableGroundsNegative),
            FormalStatus::ConclusivePositive => Some(NoticeKind::ConclusivePositive),
            FormalStatus::ConclusiveNegative => Some(NoticeKind::ConclusiveNegative),
            FormalStatus::Withdrawn => Some(NoticeKind::Withdrawn),
            FormalStatus::LeftUk => Some(NoticeKind::LeftUk),
            FormalStatus::Missing => Some(NoticeKind::Missing),
        }
    }

    /// A decision of the body (it has a letter and the person is told), not a closure.
    pub fn is_decision(self) -> bool {
        self.stage().is_some()
    }

    /// Which decision this is: reasonable grounds or conclusive grounds.
    pub fn stage(self) -> Option<Stage> {
        match self {
            NoticeKind::ReasonableGroundsPositive | NoticeKind::ReasonableGroundsNegative => {
                Some(Stage::ReasonableGrounds)
            }
            NoticeKind::ConclusivePositive | NoticeKind::ConclusiveNegative => {
                Some(Stage::ConclusiveGrounds)
            }
            NoticeKind::Withdrawn | NoticeKind::LeftUk | NoticeKind::Missing => None,
        }
    }

    fn positive(self) -> bool {
        matches!(
            self,
            NoticeKind::ReasonableGroundsPositive | NoticeKind::ConclusivePositive
        )
    }

    /// A short title for staff (the letter's heading, the lists of letters).
    pub fn title(self) -> &'static str {
        match self {
            NoticeKind::ReasonableGroundsPositive => "Reasonable-grounds decision: positive",
            NoticeKind::ReasonableGroundsNegative => "Reasonable-grounds decision: negative",
            NoticeKind::ConclusivePositive => "Conclusive-grounds decision: positive",
            NoticeKind::ConclusiveNegative => "Conclusive-grounds decision: negative",
            NoticeKind::Withdrawn => "The formal referral was withdrawn",
            NoticeKind::LeftUk => "The person has left the UK",
            NoticeKind::Missing => "The person is missing",
        }
    }
}

/// The two decisions of the identification process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    ReasonableGrounds,
    ConclusiveGrounds,
}

/// A date as people write it: "5 January 2027".
pub fn long_date(d: Date) -> String {
    let f = time::macros::format_description!("[day padding:none] [month repr:long] [year]");
    d.format(&f).unwrap_or_else(|_| d.to_string())
}

/// The task the referring organisation's caseworker is given when something takes effect (sealed like
/// every plan action's title). `person_told`: a message went to the person's codename channel.
pub fn referrer_task(
    kind: NoticeKind,
    decision_body: &str,
    recovery_period_ends: Option<Date>,
    person_told: bool,
) -> String {
    let tell = if person_told {
        "They were sent a short message through their codename channel; explain it and give them the \
         decision letter (on the case's formal-referral page)."
    } else {
        "They have no codename channel: tell them yourself and give them the decision letter (on the \
         case's formal-referral page)."
    };
    match kind {
        NoticeKind::ReasonableGroundsPositive => {
            let until = recovery_period_ends
                .map(|d| format!(" The recovery period runs until {}.", long_date(d)))
                .unwrap_or_default();
            format!(
                "{decision_body}: positive reasonable-grounds decision.{until} Tell the person. {tell}"
            )
        }
        NoticeKind::ReasonableGroundsNegative => format!(
            "{decision_body}: negative reasonable-grounds decision, confirmed by a second decision maker. \
             Tell the person. {tell} Ask whether they want you to request reconsideration."
        ),
        NoticeKind::ConclusivePositive => format!(
            "{decision_body}: positive conclusive-grounds decision. Tell the person. {tell} Plan the \
             move-on support with them."
        ),
        NoticeKind::ConclusiveNegative => format!(
            "{decision_body}: negative conclusive-grounds decision. Tell the person. {tell} Ask whether \
             they want you to request reconsideration, and plan the support that continues."
        ),
        NoticeKind::Withdrawn => format!(
            "{decision_body} recorded the formal referral as withdrawn (no decision letter). Check whether \
             the person needs anything."
        ),
        NoticeKind::LeftUk => format!(
            "{decision_body} recorded that the person has left the UK (no decision letter). Check the case."
        ),
        NoticeKind::Missing => format!(
            "{decision_body} recorded that the person is missing (no decision letter). Check the case and \
             the person's safety."
        ),
    }
}

/// The facts a decision letter is written from. Dates are worked out before (the clock rules in force).
pub struct LetterFacts<'a> {
    pub kind: NoticeKind,
    pub decision_body: &'a str,
    pub referring_organisation: &'a str,
    /// The formal referral's id: what the referrer quotes.
    pub reference: &'a str,
    /// The person's name as the body received it; `None` if none was given.
    pub person: Option<&'a str>,
    pub referred_on: Date,
    pub decided_on: Date,
    /// The day a second decision maker confirmed a negative reasonable-grounds decision.
    pub confirmed_on: Option<Date>,
    /// The decision's threshold, as in force on `decided_on`.
    pub threshold: &'a str,
    pub recovery_period_ends: Option<Date>,
    pub conclusive_earliest: Option<Date>,
    pub reasons: &'a str,
}

/// A decision letter: a title, the facts at its head (label, value), and its sections.
#[derive(Clone, PartialEq, Eq)]
pub struct Letter {
    pub title: String,
    pub facts: Vec<(String, String)>,
    pub sections: Vec<LetterSection>,
}

/// One section of a letter: a heading and its paragraphs.
#[derive(Clone, PartialEq, Eq)]
pub struct LetterSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

// A letter names the person and holds the reasons: Debug shows neither.
impl std::fmt::Debug for Letter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Letter")
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for LetterSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LetterSection")
            .field("heading", &self.heading)
            .finish_non_exhaustive()
    }
}

impl Letter {
    /// Every piece of text in reading order (the title, the facts, each heading and paragraph).
    pub fn text(&self) -> String {
        let mut out = vec![self.title.clone()];
        out.extend(self.facts.iter().map(|(k, v)| format!("{k}: {v}")));
        for s in &self.sections {
            out.push(s.heading.clone());
            out.extend(s.paragraphs.iter().cloned());
        }
        out.join("\n")
    }
}

fn section(heading: &str, paragraphs: Vec<String>) -> LetterSection {
    LetterSection {
        heading: heading.to_owned(),
        paragraphs,
    }
}

/// The decision letter for a decision (for a closure, which has no letter: `None`). Written in the
/// decision body's voice, plainly, for the person and for the organisation that referred them.
pub fn letter(f: &LetterFacts<'_>) -> Option<Letter> {
    let stage = f.kind.stage()?;
    let referrer = f.referring_organisation;
    let who = f.person.filter(|p| !p.trim().is_empty());
    let mut facts = vec![
        ("From".to_owned(), f.decision_body.to_owned()),
        ("Date of the decision".to_owned(), long_date(f.decided_on)),
    ];
    if let Some(c) = f.confirmed_on {
        facts.push((
            "Confirmed by a second decision maker".to_owned(),
            long_date(c),
        ));
    }
    facts.extend([
        (
            "About".to_owned(),
            who.unwrap_or("the person referred (no name was given)")
                .to_owned(),
        ),
        (
            "Referred by".to_owned(),
            format!("{referrer}, on {}", long_date(f.referred_on)),
        ),
        ("Reference".to_owned(), f.reference.to_owned()),
    ]);

    let (test, decision) = match stage {
        Stage::ReasonableGrounds => ("reasonable-grounds", "first"),
        Stage::ConclusiveGrounds => ("conclusive-grounds", "final"),
    };
    let met = if f.kind.positive() {
        format!(
            "We have decided that the test for a {test} decision, set out below, is met. This {decision} \
             decision is positive."
        )
    } else {
        format!(
            "We have decided that the test for a {test} decision, set out below, is not met. This \
             {decision} decision is negative."
        )
    };
    let mut the_decision = vec![met];
    if let Some(c) = f.confirmed_on {
        the_decision.push(format!(
            "A negative decision takes effect only when a second decision maker agrees with it. A second \
             decision maker reviewed it and agreed on {}.",
            long_date(c)
        ));
    }
    let mut sections = vec![
        section("The decision", the_decision),
        section(
            "The test we applied",
            vec![
                format!("The test in force on {}:", long_date(f.decided_on)),
                f.threshold.to_owned(),
            ],
        ),
    ];
    if f.kind == NoticeKind::ReasonableGroundsPositive {
        let mut p = Vec::new();
        if let Some(end) = f.recovery_period_ends {
            p.push(format!(
                "The recovery period runs until {}. During it the person can have support, and time to rest \
                 and recover.",
                long_date(end)
            ));
        }
        if let Some(e) = f.conclusive_earliest {
            p.push(format!(
                "The conclusive-grounds decision will not be made before {}.",
                long_date(e)
            ));
        }
        sections.push(section("The recovery period", p));
    }
    let reasons: Vec<String> = f
        .reasons
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    sections.push(section("Our reasons", reasons));
    let reconsider = format!(
        "If the person or {referrer} thinks the decision is wrong, or has more information, {referrer} can \
         ask us to reconsider it, quoting the reference above. Reconsideration is not an appeal; a solicitor \
         can advise on what else can be done."
    );
    let next = match f.kind {
        NoticeKind::ReasonableGroundsPositive => vec![
            format!(
                "We will make the conclusive-grounds decision after the recovery period. {referrer} can \
                 send us more information at any time, quoting the reference above."
            ),
            format!(
                "{referrer} will explain this letter to the person and stay in touch with them."
            ),
        ],
        NoticeKind::ReasonableGroundsNegative => vec![
            "There is no recovery period and no conclusive-grounds decision on this referral."
                .to_owned(),
            reconsider,
            format!(
                "{referrer} will explain this letter to the person and talk with them about what they want to do."
            ),
        ],
        NoticeKind::ConclusivePositive => vec![format!(
            "{referrer} will explain this letter to the person and talk with them about the support that \
             comes next, including moving on from support."
        )],
        _ => vec![
            reconsider,
            format!(
                "{referrer} will explain this letter to the person and talk with them about the support \
                 that continues and what they want to do next."
            ),
        ],
    };
    sections.push(section("What happens next", next));
    Some(Letter {
        title: f.kind.title().to_owned(),
        facts,
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const BODY: &str = "Independent Decision Panel";
    const REASONS: &str = "REASON-CANARY a consistent account\nof the car wash";

    fn facts(kind: NoticeKind) -> LetterFacts<'static> {
        LetterFacts {
            kind,
            decision_body: BODY,
            referring_organisation: "Harbour Light",
            reference: "0190-ref",
            person: Some("Selam Tesfaye"),
            referred_on: date!(2026 - 12 - 01),
            decided_on: date!(2026 - 12 - 07),
            confirmed_on: (kind == NoticeKind::ReasonableGroundsNegative)
                .then_some(date!(2026 - 12 - 08)),
            threshold: "There are reasonable grounds to believe that the person has been trafficked.",
            recovery_period_ends: (kind == NoticeKind::ReasonableGroundsPositive)
                .then_some(date!(2027 - 01 - 06)),
            conclusive_earliest: (kind == NoticeKind::ReasonableGroundsPositive)
                .then_some(date!(2027 - 01 - 06)),
            reasons: REASONS,
        }
    }

    #[test]
    fn only_a_decision_that_took_effect_is_told() {
        use FormalStatus::*;
        let expected = [
            (AwaitingReasonableGrounds, None),
            (NegativeAwaitingReview, None),
            (
                ReasonableGroundsNegative,
                Some(NoticeKind::ReasonableGroundsNegative),
            ),
            (RecoveryPeriod, Some(NoticeKind::ReasonableGroundsPositive)),
            (ConclusivePositive, Some(NoticeKind::ConclusivePositive)),
            (ConclusiveNegative, Some(NoticeKind::ConclusiveNegative)),
            (Withdrawn, Some(NoticeKind::Withdrawn)),
            (LeftUk, Some(NoticeKind::LeftUk)),
            (Missing, Some(NoticeKind::Missing)),
            (ReasonableGroundsReconsideration, None),
            (ConclusiveReconsideration, None),
        ];
        assert_eq!(expected.len(), FormalStatus::ALL.len());
        for (status, kind) in expected {
            assert_eq!(NoticeKind::for_status(status), kind, "{status}");
        }
        for k in NoticeKind::ALL {
            assert_eq!(
                k.is_decision(),
                !matches!(
                    k,
                    NoticeKind::Withdrawn | NoticeKind::LeftUk | NoticeKind::Missing
                ),
                "{k}"
            );
        }
    }

    #[test]
    fn the_referrer_is_told_every_change_and_what_to_do() {
        for k in NoticeKind::ALL {
            let told = referrer_task(*k, BODY, Some(date!(2027 - 01 - 06)), true);
            let untold = referrer_task(*k, BODY, Some(date!(2027 - 01 - 06)), false);
            assert!(told.starts_with(BODY), "{told}");
            if k.is_decision() {
                assert!(told.contains("codename channel"), "{told}");
                assert!(untold.contains("tell them yourself"), "{untold}");
            } else {
                assert_eq!(told, untold);
                assert!(told.contains("no decision letter"), "{told}");
            }
        }
        let rg = referrer_task(
            NoticeKind::ReasonableGroundsPositive,
            BODY,
            Some(date!(2027 - 01 - 06)),
            false,
        );
        assert!(rg.contains("runs until 6 January 2027"), "{rg}");
        let neg = referrer_task(NoticeKind::ReasonableGroundsNegative, BODY, None, false);
        assert!(neg.contains("request reconsideration"), "{neg}");
    }

    #[test]
    fn a_positive_letter_states_the_body_date_test_recovery_period_reasons_and_what_next() {
        let l = letter(&facts(NoticeKind::ReasonableGroundsPositive)).expect("a letter");
        let text = l.text();
        assert_eq!(l.title, "Reasonable-grounds decision: positive");
        for expected in [
            "From: Independent Decision Panel",
            "Date of the decision: 7 December 2026",
            "About: Selam Tesfaye",
            "Referred by: Harbour Light, on 1 December 2026",
            "Reference: 0190-ref",
            "This first decision is positive.",
            "The test in force on 7 December 2026:",
            "There are reasonable grounds to believe that the person has been trafficked.",
            "The recovery period runs until 6 January 2027.",
            "will not be made before 6 January 2027",
            "REASON-CANARY a consistent account",
            "of the car wash",
            "What happens next",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        assert!(!text.to_lowercase().contains("victim"));
        assert!(!text.contains("reconsider"), "{text}");
        // The reasons keep their lines as paragraphs.
        let reasons = l
            .sections
            .iter()
            .find(|s| s.heading == "Our reasons")
            .expect("reasons");
        assert_eq!(reasons.paragraphs.len(), 2);
        assert!(!format!("{l:?}").contains("Selam"), "Debug is redacted");
    }

    #[test]
    fn a_negative_letter_says_it_was_confirmed_and_how_to_ask_for_reconsideration() {
        let l = letter(&facts(NoticeKind::ReasonableGroundsNegative)).expect("a letter");
        let text = l.text();
        for expected in [
            "This first decision is negative.",
            "Confirmed by a second decision maker: 8 December 2026",
            "agreed on 8 December 2026",
            "Harbour Light can ask us to reconsider it",
            "There is no recovery period",
            "REASON-CANARY",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        assert!(!text.contains("The recovery period runs"), "{text}");
        let cg = letter(&facts(NoticeKind::ConclusiveNegative))
            .expect("a letter")
            .text();
        assert!(cg.contains("This final decision is negative."), "{cg}");
        assert!(cg.contains("ask us to reconsider"), "{cg}");
        let cg = letter(&facts(NoticeKind::ConclusivePositive))
            .expect("a letter")
            .text();
        assert!(cg.contains("This final decision is positive."), "{cg}");
        assert!(cg.contains("moving on from support"), "{cg}");
    }

    #[test]
    fn a_closure_has_no_letter_and_a_missing_name_is_said_plainly() {
        for k in [
            NoticeKind::Withdrawn,
            NoticeKind::LeftUk,
            NoticeKind::Missing,
        ] {
            assert!(letter(&facts(k)).is_none(), "{k}");
        }
        let nameless = LetterFacts {
            person: Some("  "),
            ..facts(NoticeKind::ConclusivePositive)
        };
        let text = letter(&nameless).expect("a letter").text();
        assert!(
            text.contains("About: the person referred (no name was given)"),
            "{text}"
        );
        assert_eq!(long_date(date!(2027 - 01 - 06)), "6 January 2027");
    }
}
