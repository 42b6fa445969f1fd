//! The rules of a case record: what each part may hold, checked before anything is sealed.
//!
//! Personal text (names, contact, notes, reasons, document names and contents) is sealed by the vault; it
//! reaches here only to be checked and travels in types whose `Debug` prints nothing. The coarse facts
//! that may stay in plaintext are typed here too: need ids and their urgency, exploitation types, UK or
//! abroad, dates, statuses, the risk level, a document's type and size.

use std::collections::BTreeMap;

use time::{Date, Month, macros::format_description};

use crate::referral::PersonalText;
use crate::vocabulary::{ExploitationType, Need, vocabulary};

vocabulary! {
    /// How urgent one need is.
    NeedUrgency, "need urgency" {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

vocabulary! {
    /// The risk of the person being trafficked again.
    RiskLevel, "risk level" {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
}

vocabulary! {
    /// Where an episode of exploitation happened.
    ExploitationPlace, "place" {
        Uk => "uk",
        Abroad => "abroad",
    }
}

vocabulary! {
    /// Whether a plan action is still to do.
    PlanStatus, "plan action status" {
        Open => "open",
        Done => "done",
    }
}

vocabulary! {
    /// The types of document Waymark keeps, decided by the content, never by the name or the declared type.
    DocumentKind, "document type" {
        Pdf => "pdf",
        Png => "png",
        Jpeg => "jpeg",
        Text => "text",
    }
}

vocabulary! {
    /// What a blind index entry of a case indexes.
    IndexKind, "index kind" {
        Name => "name",
        DateOfBirth => "date_of_birth",
    }
}

/// Why part of a case record cannot be saved as entered. `field` is the form field's id, so a page can
/// link the error summary to it; the message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("{problem}")]
    Field {
        field: &'static str,
        problem: &'static str,
    },
}

fn field_error(field: &'static str, problem: &'static str) -> CaseError {
    CaseError::Field { field, problem }
}

/// Optional text: blank is `None`; otherwise at most `max` characters, no control characters (new lines
/// allowed when `multiline`).
fn optional_text(
    field: &'static str,
    value: &str,
    max: usize,
    multiline: bool,
    too_long: &'static str,
) -> Result<Option<PersonalText>, CaseError> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    required_text(field, value, max, multiline, "", too_long).map(Some)
}

fn required_text(
    field: &'static str,
    value: &str,
    max: usize,
    multiline: bool,
    missing: &'static str,
    too_long: &'static str,
) -> Result<PersonalText, CaseError> {
    PersonalText::parse(field, value, max, multiline).map_err(|e| match e {
        crate::referral::ReferralError::Field {
            problem: "enter a value",
            ..
        } => field_error(field, missing),
        crate::referral::ReferralError::Field {
            problem: "too long",
            ..
        } => field_error(field, too_long),
        _ => field_error(field, "Remove the characters that cannot be stored"),
    })
}

/// Reads a date typed as `YYYY-MM-DD` (what a date field sends).
pub fn parse_date(field: &'static str, value: &str) -> Result<Date, CaseError> {
    entered_date(value).ok_or_else(|| {
        field_error(
            field,
            "Enter a real date as day/month/year, for example 30/11/2026",
        )
    })
}

/// A date as people type it in the UK (day/month/year, with `/`, `-` or `.` between, a one-digit day or
/// month allowed), or as a date field sends it (year-month-day).
pub fn entered_date(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Ok(d) = Date::parse(value, format_description!("[year]-[month]-[day]")) {
        return Some(d);
    }
    let parts: Vec<&str> = value.split(['/', '-', '.']).map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

fn optional_date(field: &'static str, value: &str) -> Result<Option<Date>, CaseError> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, value).map(Some)
    }
}

/// The earliest date a case record accepts.
pub fn earliest_date() -> Date {
    Date::from_calendar_date(1900, Month::January, 1).unwrap_or(Date::MIN)
}

// ---- the person --------------------------------------------------------------------------------------

/// When the person was born, as far as anyone knows.
#[derive(Clone, PartialEq, Eq)]
pub enum Birth {
    Unknown,
    DateOfBirth(Date),
    /// An age in years, when the date is not known (or not given).
    Age(u8),
}

/// The person, as the case record holds them (sealed as one document).
#[derive(Clone, PartialEq, Eq)]
pub struct PersonDetails {
    /// The name the person uses; `None` when they have not given one.
    pub name: Option<PersonalText>,
    /// Other names they are or were known by.
    pub aliases: Vec<PersonalText>,
    pub birth: Birth,
    pub nationality: Option<PersonalText>,
    pub languages: Option<PersonalText>,
    /// A safe way to contact them.
    pub safe_contact: Option<PersonalText>,
    /// Addresses never to write to (for example where the exploiters may read the post).
    pub never_write_to: Option<PersonalText>,
}

impl std::fmt::Debug for PersonDetails {
    // Personal data never reaches a log through Debug.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonDetails(…)")
    }
}

impl PersonDetails {
    /// Every name to index for search: the name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &PersonalText> {
        self.name.iter().chain(self.aliases.iter())
    }
}

/// The most aliases a person's record keeps.
pub const MAX_ALIASES: usize = 10;

/// The person's details as entered in a form or an API body.
#[derive(Clone, Default)]
pub struct PersonDraft {
    pub name: String,
    /// One alias per line.
    pub aliases: String,
    /// `YYYY-MM-DD`, or blank.
    pub date_of_birth: String,
    /// Whole years, or blank.
    pub age: String,
    pub nationality: String,
    pub languages: String,
    pub safe_contact: String,
    pub never_write_to: String,
}

impl std::fmt::Debug for PersonDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonDraft(…)")
    }
}

impl PersonDraft {
    /// Applies the rules; `today` decides what "in the future" means.
    pub fn validate(&self, today: Date) -> Result<PersonDetails, CaseError> {
        let name = optional_text(
            "name",
            &self.name,
            200,
            false,
            "The name must be 200 characters or fewer",
        )?;
        let mut aliases = Vec::new();
        for line in self.aliases.lines().filter(|l| !l.trim().is_empty()) {
            let alias = required_text(
                "aliases",
                line,
                200,
                false,
                "",
                "Each other name must be 200 characters or fewer",
            )?;
            if !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        if aliases.len() > MAX_ALIASES {
            return Err(field_error(
                "aliases",
                "Enter at most 10 other names, one a line",
            ));
        }
        let dob = optional_date("date_of_birth", &self.date_of_birth)?;
        let age = match self.age.trim() {
            "" => None,
            a => Some(a.parse::<u8>().ok().filter(|a| *a <= 120).ok_or_else(|| {
                field_error("age", "Enter the age as a whole number of years, 0 to 120")
            })?),
        };
        let birth = match (dob, age) {
            (Some(_), Some(_)) => {
                return Err(field_error(
                    "date_of_birth",
                    "Enter a date of birth or an age, not both",
                ));
            }
            (Some(d), None) if d > today || d < earliest_date() => {
                return Err(field_error(
                    "date_of_birth",
                    "The date of birth must be in the past",
                ));
            }
            (Some(d), None) => Birth::DateOfBirth(d),
            (None, Some(a)) => Birth::Age(a),
            (None, None) => Birth::Unknown,
        };
        Ok(PersonDetails {
            name,
            aliases,
            birth,
            nationality: optional_text(
                "nationality",
                &self.nationality,
                100,
                false,
                "The nationality must be 100 characters or fewer",
            )?,
            languages: optional_text(
                "languages",
                &self.languages,
                200,
                false,
                "The languages must be 200 characters or fewer",
            )?,
            safe_contact: optional_text(
                "safe_contact",
                &self.safe_contact,
                500,
                true,
                "The safe contact must be 500 characters or fewer",
            )?,
            never_write_to: optional_text(
                "never_write_to",
                &self.never_write_to,
                2000,
                true,
                "The addresses must be 2,000 characters or fewer",
            )?,
        })
    }
}

// ---- needs -----------------------------------------------------------------------------------------------

/// A needs assessment: an urgency for each need the person has, and a note (sealed).
#[derive(Clone, PartialEq, Eq)]
pub struct NeedsAssessment {
    pub needs: BTreeMap<Need, NeedUrgency>,
    pub note: Option<PersonalText>,
}

impl std::fmt::Debug for NeedsAssessment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NeedsAssessment")
            .field("needs", &self.needs)
            .finish_non_exhaustive()
    }
}

impl NeedsAssessment {
    /// At least one need; a need listed twice keeps its last urgency.
    pub fn new(needs: &[(Need, NeedUrgency)], note: &str) -> Result<Self, CaseError> {
        if needs.is_empty() {
            return Err(field_error("needs", "Choose at least one need"));
        }
        Ok(Self {
            needs: needs.iter().copied().collect(),
            note: optional_text(
                "needs_note",
                note,
                4000,
                true,
                "The note must be 4,000 characters or fewer",
            )?,
        })
    }
}

// ---- plan, notes, history, risk ---------------------------------------------------------------------------

/// The latest due date a plan action may have, in years from today.
pub const PLAN_YEARS_AHEAD: i32 = 5;

/// One action of the support plan, as entered.
pub fn plan_action_title(value: &str) -> Result<PersonalText, CaseError> {
    required_text(
        "title",
        value,
        200,
        false,
        "Enter what needs to be done",
        "The action must be 200 characters or fewer",
    )
}

/// A due date: from 1900 to five years ahead (a past date is allowed, for recording what was due).
pub fn due_date(value: &str, today: Date) -> Result<Date, CaseError> {
    if value.trim().is_empty() {
        return Err(field_error("due_on", "Enter the date it is due"));
    }
    let d = parse_date("due_on", value)?;
    let latest = today
        .replace_year(today.year() + PLAN_YEARS_AHEAD)
        .unwrap_or(today);
    if d < earliest_date() || d > latest {
        return Err(field_error(
            "due_on",
            "The due date must be within the next five years",
        ));
    }
    Ok(d)
}

/// Where a task stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    Overdue,
    DueToday,
    Upcoming,
}

pub fn due_state(due: Date, today: Date) -> DueState {
    match due.cmp(&today) {
        std::cmp::Ordering::Less => DueState::Overdue,
        std::cmp::Ordering::Equal => DueState::DueToday,
        std::cmp::Ordering::Greater => DueState::Upcoming,
    }
}

/// A note on the case.
pub fn note_body(value: &str) -> Result<PersonalText, CaseError> {
    required_text(
        "body",
        value,
        10_000,
        true,
        "Enter the note",
        "The note must be 10,000 characters or fewer",
    )
}

/// One episode of exploitation: what, where, when (coarse, plaintext), and a sealed note.
#[derive(Clone, PartialEq, Eq)]
pub struct ExploitationEpisode {
    pub kind: ExploitationType,
    pub place: ExploitationPlace,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub note: Option<PersonalText>,
}

impl std::fmt::Debug for ExploitationEpisode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExploitationEpisode")
            .field("kind", &self.kind)
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

impl ExploitationEpisode {
    /// Dates are optional; when both are given the first comes first; neither is in the future.
    pub fn new(
        kind: ExploitationType,
        place: ExploitationPlace,
        from: &str,
        to: &str,
        note: &str,
        today: Date,
    ) -> Result<Self, CaseError> {
        let from = optional_date("from", from)?;
        let to = optional_date("to", to)?;
        for (field, d) in [("from", from), ("to", to)] {
            if d.is_some_and(|d| d > today || d < earliest_date()) {
                return Err(field_error(field, "The date must be in the past"));
            }
        }
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(field_error(
                "to",
                "The end date must be the same as or after the start date",
            ));
        }
        Ok(Self {
            kind,
            place,
            from,
            to,
            note: optional_text(
                "history_note",
                note,
                4000,
                true,
                "The note must be 4,000 characters or fewer",
            )?,
        })
    }
}

/// The reasons for a risk assessment (sealed).
pub fn risk_reasons(value: &str) -> Result<PersonalText, CaseError> {
    required_text(
        "reasons",
        value,
        4000,
        true,
        "Enter the reasons for this level of risk",
        "The reasons must be 4,000 characters or fewer",
    )
}

// ---- documents -----------------------------------------------------------------------------------------

/// The largest document Waymark keeps: 5 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("Choose a file to upload")]
    Empty,
    #[error("The file must be 5 MB or smaller")]
    TooLarge,
    #[error("The file must be a PDF, a PNG or JPEG image, or plain text")]
    UnsupportedType,
}

impl DocumentKind {
    /// The only content type the document is ever served as.
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "application/pdf",
            DocumentKind::Png => "image/png",
            DocumentKind::Jpeg => "image/jpeg",
            DocumentKind::Text => "text/plain; charset=utf-8",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::Png => "png",
            DocumentKind::Jpeg => "jpg",
            DocumentKind::Text => "txt",
        }
    }
}

/// Decides a document's type from its first bytes (never from its name or declared type) and checks its
/// size. Plain text must be UTF-8 without control characters other than tab, new lines and form feed.
pub fn check_document(bytes: &[u8]) -> Result<DocumentKind, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(DocumentKind::Pdf);
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
        return Ok(DocumentKind::Png);
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Ok(DocumentKind::Jpeg);
    }
    match std::str::from_utf8(bytes) {
        Ok(text)
            if !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) =>
        {
            Ok(DocumentKind::Text)
        }
        _ => Err(DocumentError::UnsupportedType),
    }
}

/// A document's name as uploaded, kept (sealed) for the case page: the last part of a path, at most 200
/// characters, no control characters; `document` when nothing is left.
pub fn document_name(uploaded: &str) -> PersonalText {
    let last = uploaded
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>();
    PersonalText::parse("filename", &last, 200, false)
        .or_else(|_| PersonalText::parse("filename", "document", 200, false))
        .unwrap_or_else(|_| unreachable!("`document` is a valid name"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 30);

    fn err(field: &'static str, problem: &'static str) -> CaseError {
        CaseError::Field { field, problem }
    }

    #[test]
    fn dates_are_read_as_people_in_the_uk_type_them_and_as_date_fields_send_them() {
        for typed in [
            "30/11/2026",
            "30-11-2026",
            "30.11.2026",
            " 30/11/2026 ",
            "2026-11-30",
        ] {
            assert_eq!(entered_date(typed), Some(TODAY), "{typed:?}");
        }
        assert_eq!(entered_date("1/2/2027"), Some(date!(2027 - 02 - 01)));
        for not_a_date in [
            "31/02/2026",
            "11/30/2026",
            "30/11/26",
            "30 November",
            "",
            "2026/11",
        ] {
            assert_eq!(entered_date(not_a_date), None, "{not_a_date:?}");
        }
    }

    #[test]
    fn a_person_can_be_recorded_with_as_little_or_as_much_as_is_known() {
        let empty = PersonDraft::default()
            .validate(TODAY)
            .expect("nothing is required");
        assert!(empty.name.is_none() && empty.birth == Birth::Unknown);

        let full = PersonDraft {
            name: " Amina Haile ".into(),
            aliases: "Amina H\n\n  Mimi \nMimi".into(),
            date_of_birth: "1999-02-03".into(),
            age: String::new(),
            nationality: "Eritrean".into(),
            languages: "Tigrinya, Arabic".into(),
            safe_contact: "Drop-in, Tuesdays\nask for Sara".into(),
            never_write_to: "12 Example Road".into(),
        }
        .validate(TODAY)
        .expect("valid");
        assert_eq!(
            full.name.as_ref().map(PersonalText::expose),
            Some("Amina Haile")
        );
        assert_eq!(
            full.aliases
                .iter()
                .map(PersonalText::expose)
                .collect::<Vec<_>>(),
            ["Amina H", "Mimi"]
        );
        assert!(full.birth == Birth::DateOfBirth(date!(1999 - 02 - 03)));
        assert_eq!(full.names().count(), 3);
        assert!(!format!("{full:?}").contains("Amina"));
    }

    #[test]
    fn the_person_form_says_what_to_fix() {
        type Change = fn(&mut PersonDraft);
        let rows: &[(Change, CaseError)] = &[
            (
                |d| {
                    d.date_of_birth = "2000-01-01".into();
                    d.age = "25".into();
                },
                err("date_of_birth", "Enter a date of birth or an age, not both"),
            ),
            (
                |d| d.date_of_birth = "2027-01-01".into(),
                err("date_of_birth", "The date of birth must be in the past"),
            ),
            (
                |d| d.date_of_birth = "31/02/1990".into(),
                err(
                    "date_of_birth",
                    "Enter a real date as day/month/year, for example 30/11/2026",
                ),
            ),
            (
                |d| d.age = "121".into(),
                err("age", "Enter the age as a whole number of years, 0 to 120"),
            ),
            (
                |d| d.name = "x".repeat(201),
                err("name", "The name must be 200 characters or fewer"),
            ),
            (
                |d| d.aliases = (0..11).map(|i| format!("alias {i}\n")).collect(),
                err("aliases", "Enter at most 10 other names, one a line"),
            ),
            (
                |d| d.nationality = "a\u{7}b".into(),
                err("nationality", "Remove the characters that cannot be stored"),
            ),
        ];
        for (change, expected) in rows {
            let mut d = PersonDraft::default();
            change(&mut d);
            assert_eq!(d.validate(TODAY).err().as_ref(), Some(expected));
        }
        let d = PersonDraft {
            age: "34".into(),
            ..PersonDraft::default()
        };
        assert!(d.validate(TODAY).expect("valid").birth == Birth::Age(34));
    }

    #[test]
    fn needs_plan_notes_history_and_risk_are_checked() {
        assert_eq!(
            NeedsAssessment::new(&[], "").err(),
            Some(err("needs", "Choose at least one need"))
        );
        let a = NeedsAssessment::new(
            &[
                (Need::Medical, NeedUrgency::Low),
                (Need::Medical, NeedUrgency::High),
                (Need::SafeHousing, NeedUrgency::Medium),
            ],
            "  ",
        )
        .expect("valid");
        assert_eq!(a.needs.get(&Need::Medical), Some(&NeedUrgency::High));
        assert!(a.note.is_none());

        assert_eq!(
            plan_action_title(" ").err(),
            Some(err("title", "Enter what needs to be done"))
        );
        assert_eq!(due_date("2026-12-01", TODAY), Ok(date!(2026 - 12 - 01)));
        assert_eq!(due_date("2026-11-01", TODAY), Ok(date!(2026 - 11 - 01)));
        assert!(due_date("2032-01-01", TODAY).is_err());
        assert!(due_date("", TODAY).is_err());
        assert_eq!(due_state(date!(2026 - 11 - 29), TODAY), DueState::Overdue);
        assert_eq!(due_state(TODAY, TODAY), DueState::DueToday);
        assert_eq!(due_state(date!(2026 - 12 - 01), TODAY), DueState::Upcoming);

        assert_eq!(note_body("\n").err(), Some(err("body", "Enter the note")));
        assert!(note_body(&"x".repeat(10_001)).is_err());
        assert!(note_body("line one\nline two").is_ok());

        let e = |from: &str, to: &str| {
            ExploitationEpisode::new(
                ExploitationType::Labour,
                ExploitationPlace::Uk,
                from,
                to,
                "",
                TODAY,
            )
        };
        assert!(e("", "").is_ok());
        assert!(e("2024-01-01", "2025-06-30").is_ok());
        assert_eq!(
            e("2025-01-01", "2024-01-01").err(),
            Some(err(
                "to",
                "The end date must be the same as or after the start date"
            ))
        );
        assert_eq!(
            e("2027-01-01", "").err(),
            Some(err("from", "The date must be in the past"))
        );

        assert_eq!(
            risk_reasons("").err(),
            Some(err("reasons", "Enter the reasons for this level of risk"))
        );
    }

    #[test]
    fn a_documents_type_comes_from_its_content() {
        assert_eq!(check_document(b"%PDF-1.7\n..."), Ok(DocumentKind::Pdf));
        assert_eq!(
            check_document(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0]),
            Ok(DocumentKind::Png)
        );
        assert_eq!(
            check_document(&[0xff, 0xd8, 0xff, 0xe0]),
            Ok(DocumentKind::Jpeg)
        );
        assert_eq!(
            check_document("Plain notes, in Tigrinya: ሰላም\r\n".as_bytes()),
            Ok(DocumentKind::Text)
        );
        for refused in [
            &b"MZ\x90\x00\x03"[..],                 // a Windows program
            &b"PK\x03\x04"[..],                     // a zip (or a Word file)
            &b"GIF89a\x01\x00\x01\x00\x80\x00"[..], // a GIF: not kept
            &b"text with a \x00 zero byte"[..],     // binary
            &[0xc3, 0x28][..],                      // not UTF-8
        ] {
            assert_eq!(check_document(refused), Err(DocumentError::UnsupportedType));
        }
        assert_eq!(check_document(b""), Err(DocumentError::Empty));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_DOCUMENT_BYTES, b' ');
        assert_eq!(check_document(&big), Ok(DocumentKind::Pdf));
        big.push(b' ');
        assert_eq!(check_document(&big), Err(DocumentError::TooLarge));
    }

    #[test]
    fn a_documents_name_is_its_last_path_part() {
        assert_eq!(
            document_name("C:\\Users\\a\\letter.pdf").expose(),
            "letter.pdf"
        );
        assert_eq!(document_name("../../etc/passwd").expose(), "passwd");
        assert_eq!(document_name("dir/").expose(), "document");
        assert_eq!(document_name("a\u{0}b.txt").expose(), "ab.txt");
        assert_eq!(
            document_name(&"n".repeat(300)).expose().chars().count(),
            200
        );
    }
}
