//! Languages of the public pages: Fluent messages from `content/locales/<lang>/*.ftl`, compiled into the
//! binary. The locale is the first part of every public path (`/en/…`, `/ar/…`); nothing is stored in a
//! cookie. Each locale names itself, says whether its translation has been reviewed, and its direction.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../content/locales",
        fallback_language: "en",
        // Bidi isolation marks around arguments would show as stray characters in some fonts; the
        // templates set `dir` on the page instead.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The public pages' languages, in the order the picker lists them (the domain's one list).
pub const LANGUAGES: &[&str] = &waymark_domain::language::LANGUAGES;

/// A supported language, parsed from a path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(&'static str);

impl Lang {
    pub const ENGLISH: Lang = Lang("en");

    pub fn parse(code: &str) -> Option<Lang> {
        LANGUAGES.iter().find(|l| **l == code).map(|l| Lang(l))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// Picks the first supported language of an `Accept-Language` header, else English.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let mut ranked: Vec<(f32, &str)> = accept_language
            .unwrap_or("")
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .iter()
            .filter(|(q, _)| *q > 0.0)
            .find_map(|(_, tag)| {
                let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
                Lang::parse(&primary)
            })
            .unwrap_or(Lang::ENGLISH)
    }

    fn id(self) -> LanguageIdentifier {
        self.0.parse().unwrap_or_default()
    }

    /// The codename a person reading this language is given: English words in English; in the other
    /// languages, for which no reviewed word list of enough words exists, digits, which every phone's
    /// keyboard has and which read the same in every script (`waymark_app::CodenameForm`).
    pub fn codename_form(self) -> waymark_app::CodenameForm {
        if self == Lang::ENGLISH {
            waymark_app::CodenameForm::Words
        } else {
            waymark_app::CodenameForm::Digits
        }
    }

    /// `rtl` for Arabic and Persian.
    pub fn dir(self) -> &'static str {
        if matches!(self.0, "ar" | "fa") {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// The translator a page template uses: `{{ t.get("home-title") }}`. It also carries who runs the
/// deployment, which every public page's footer names.
#[derive(Debug, Clone)]
pub struct Tr {
    pub lang: Lang,
    operator: std::sync::Arc<waymark_domain::operator::Operator>,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr {
            lang,
            operator: std::sync::Arc::default(),
        }
    }

    /// [`Tr::new`], for a deployment run by `operator`.
    pub fn with_operator(lang: Lang, operator: waymark_domain::operator::Operator) -> Tr {
        Tr {
            lang,
            operator: std::sync::Arc::new(operator),
        }
    }

    /// A date as this language writes it in full ("6 January 2027").
    pub fn long_date(&self, d: time::Date) -> String {
        self.args(
            "date-long",
            &[
                ("day", &d.day().to_string()),
                (
                    "month",
                    &self.get(&format!("month-{}", u8::from(d.month()))),
                ),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// A moment as this language writes it: the date in full, then the time on a 24-hour clock
    /// ("6 January 2027, 14:05"), the same digits in every language.
    pub fn long_date_time(&self, at: time::PrimitiveDateTime) -> String {
        format!(
            "{}, {:02}:{:02}",
            self.long_date(at.date()),
            at.hour(),
            at.minute()
        )
    }

    /// What a message of the codename channel says, in this language: text as its author wrote it, and
    /// an automatic notice from its facts.
    pub fn message(&self, body: &waymark_app::MessageBody) -> String {
        use waymark_domain::person_notice::PersonNotice;
        match body {
            waymark_app::MessageBody::Text(text) => text.clone(),
            waymark_app::MessageBody::Notice(PersonNotice::Decision {
                kind,
                decision_body,
                recovery_period_ends,
            }) => {
                let decision = match recovery_period_ends {
                    Some(end) => self.arg(
                        &format!("notice-decision-{kind}-until"),
                        "date",
                        &self.long_date(*end),
                    ),
                    None => self.get(&format!("notice-decision-{kind}")),
                };
                [
                    self.arg("notice-news", "body", decision_body),
                    decision,
                    self.get("notice-explain"),
                ]
                .join(" ")
            }
            waymark_app::MessageBody::Notice(PersonNotice::Referred {
                organisation,
                shared,
            }) => {
                let separator = if self.dir() == "rtl" { "، " } else { "; " };
                let shared: Vec<String> = shared
                    .iter()
                    .map(|s| self.get(&format!("notice-shared-{s}")))
                    .collect();
                self.args(
                    "notice-referred",
                    &[("org", organisation), ("shared", &shared.join(separator))],
                )
            }
        }
    }

    /// Who runs this deployment (its parts `None` until `waymark operator` names them).
    pub fn operator(&self) -> &waymark_domain::operator::Operator {
        &self.operator
    }

    pub fn get(&self, id: &str) -> String {
        LOCALES.lookup(&self.lang.id(), id)
    }

    /// A message with one argument.
    pub fn arg(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        LOCALES.lookup_with_args(&self.lang.id(), id, &args)
    }

    /// A message with several text arguments.
    pub fn args(&self, id: &str, values: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = values
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from((*value).to_owned())))
            .collect();
        LOCALES.lookup_with_args(&self.lang.id(), id, &args)
    }

    /// A message with one number argument (plurals and ordinals).
    pub fn num(&self, id: &str, name: &'static str, value: usize) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value));
        LOCALES.lookup_with_args(&self.lang.id(), id, &args)
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// Whether a reviewer has signed this locale off (`translation-reviewed = yes` in its file).
    pub fn reviewed(&self) -> bool {
        self.get("translation-reviewed").trim() == "yes"
    }

    /// Every language with its own name, for the picker.
    pub fn languages(&self) -> Vec<(&'static str, String)> {
        LANGUAGES
            .iter()
            .map(|code| (*code, Tr::new(Lang(code)).get("language-name")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Lang::negotiate(Some("ar-SA,ar;q=0.9,en;q=0.8")), Lang("ar"));
        assert_eq!(
            Lang::negotiate(Some("de-DE, sq;q=0.5, en;q=0.4")),
            Lang("sq")
        );
        assert_eq!(Lang::negotiate(Some("de, fr")), Lang::ENGLISH);
        assert_eq!(Lang::negotiate(Some("vi;q=0, ro;q=0.2")), Lang("ro"));
        assert_eq!(Lang::negotiate(None), Lang::ENGLISH);
    }

    /// Every message of a locale's files, as (id, value).
    fn messages(lang: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../content/locales")
            .join(lang);
        let mut out = Vec::new();
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("a readable locale file");
            for line in text.lines() {
                if line.starts_with('#') || line.starts_with(char::is_whitespace) {
                    continue;
                }
                if let Some((id, value)) = line.split_once(" = ") {
                    out.push((id.trim().to_owned(), value.trim().to_owned()));
                }
            }
        }
        out.sort();
        out
    }

    fn placeables(value: &str) -> Vec<&str> {
        let mut found: Vec<&str> = value
            .split("{ $")
            .skip(1)
            .filter_map(|p| p.split(' ').next())
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_locale_has_every_message_with_the_same_arguments() {
        let english = messages("en");
        assert!(
            english.len() > 200,
            "the English file has {} messages",
            english.len()
        );
        for lang in LANGUAGES.iter().filter(|l| **l != "en") {
            let other = messages(lang);
            let ids =
                |m: &[(String, String)]| m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&other), ids(&english), "{lang} lacks or adds messages");
            for ((id, en), (_, value)) in english.iter().zip(&other) {
                assert!(!value.is_empty(), "{lang}: {id} is empty");
                assert_eq!(
                    placeables(value),
                    placeables(en),
                    "{lang}: {id} has other arguments"
                );
                assert!(!value.contains("TODO"), "{lang}: {id}");
            }
        }
    }

    #[test]
    fn every_status_the_person_reads_names_the_organisation_in_every_language() {
        use waymark_domain::channel::status_for_person;
        use waymark_domain::referral::ReferralStatus;
        for lang in LANGUAGES {
            let t = Tr::new(Lang::parse(lang).expect("supported"));
            for status in ReferralStatus::ALL {
                for wrote in [false, true] {
                    let id = format!("channel-status-{}", status_for_person(*status, wrote));
                    let said = t.arg(&id, "org", "Harbour (fictional)");
                    assert!(said.contains("Harbour (fictional)"), "{lang} {id}: {said}");
                }
            }
        }
    }

    #[test]
    fn automatic_notices_are_said_in_each_language_from_their_facts() {
        use waymark_app::MessageBody;
        use waymark_domain::consent::ConsentScope;
        use waymark_domain::decision_letter::NoticeKind;
        use waymark_domain::person_notice::PersonNotice;
        const BODY: &str = "Independent Decision Panel (fictional)";
        let end = time::macros::date!(2027 - 01 - 06);
        let mut notices: Vec<PersonNotice> = NoticeKind::ALL
            .iter()
            .filter_map(|k| PersonNotice::of_decision(*k, BODY, Some(end)))
            .collect();
        assert_eq!(
            notices.len(),
            4,
            "four decisions are told, closures are not"
        );
        notices.push(PersonNotice::Referred {
            organisation: BODY.into(),
            shared: vec![ConsentScope::Identity, ConsentScope::Needs],
        });
        let english = Tr::new(Lang::ENGLISH);
        for notice in notices {
            let body = MessageBody::Notice(notice.clone());
            let en = english.message(&body);
            // Person-facing words: never "victim", and none of the process's legal terms.
            for jargon in [
                "victim",
                "reasonable grounds",
                "conclusive",
                "recovery period",
                "threshold",
                "balance of probabilities",
                "reconsideration",
            ] {
                assert!(!en.to_lowercase().contains(jargon), "{jargon:?} in {en:?}");
            }
            // Short enough to read on a phone.
            assert!(en.split_whitespace().count() < 90, "{en}");
            for lang in LANGUAGES {
                let t = Tr::new(Lang::parse(lang).expect("supported"));
                let said = t.message(&body);
                assert!(said.contains(BODY), "{lang}: {said}");
                assert!(!said.contains('{') && !said.contains('$'), "{lang}: {said}");
                if *lang != "en" {
                    assert_ne!(said, en, "{lang} says it in English");
                }
                if let PersonNotice::Decision {
                    kind: NoticeKind::ReasonableGroundsPositive,
                    ..
                } = notice
                {
                    assert!(said.contains(&t.long_date(end)), "{lang}: {said}");
                    assert!(
                        said.contains("2027") && said.contains('6'),
                        "{lang}: {said}"
                    );
                }
            }
        }
        assert_eq!(english.long_date(end), "6 January 2027");
        assert_eq!(
            english.long_date_time(time::macros::datetime!(2027-01-06 9:05)),
            "6 January 2027, 09:05"
        );
        assert_eq!(
            Tr::new(Lang::parse("ro").expect("ro"))
                .long_date_time(time::macros::datetime!(2027-01-06 14:30)),
            "6 ianuarie 2027, 14:30"
        );
        assert_eq!(
            Tr::new(Lang::parse("vi").expect("vi")).long_date(end),
            "ngày 6 tháng 1 năm 2027"
        );
        let yes = english.message(&MessageBody::Notice(
            PersonNotice::of_decision(NoticeKind::ReasonableGroundsPositive, BODY, Some(end))
                .expect("told"),
        ));
        assert!(yes.contains("first decision is yes"), "{yes}");
        assert!(yes.contains("until at least 6 January 2027"), "{yes}");
        assert!(yes.contains("give you the letter"), "{yes}");
        // Text someone wrote is shown as written, in any language.
        let written = MessageBody::Text("Hello".into());
        assert_eq!(
            Tr::new(Lang::parse("ar").expect("ar")).message(&written),
            "Hello"
        );
    }

    #[test]
    fn translations_are_translated_and_say_whether_they_were_reviewed() {
        let english: HashMap<String, String> = messages("en").into_iter().collect();
        // Proper names that stay the same: in every language (*), or in one whose usage keeps them.
        let same: &[(&str, &str)] = &[
            ("*", "site-name"),
            ("*", "translation-reviewed"),
            ("*", "date-long"),
            ("*", "helpline-migrant_help_scotland"),
            ("vi", "nation-scotland"),
        ];
        for lang in LANGUAGES.iter().filter(|l| **l != "en") {
            let t = Tr::new(Lang::parse(lang).expect("supported"));
            assert_ne!(t.get("language-name"), "English", "{lang} names itself");
            assert!(
                matches!(t.get("translation-reviewed").as_str(), "yes" | "no"),
                "{lang}"
            );
            let untranslated: Vec<String> = messages(lang)
                .into_iter()
                .filter(|(id, value)| {
                    !same
                        .iter()
                        .any(|(l, i)| (*l == "*" || l == lang) && i == id)
                        && value.chars().filter(|c| c.is_alphabetic()).count() > 3
                        && english.get(id) == Some(value)
                })
                .map(|(id, _)| id)
                .collect();
            assert!(
                untranslated.is_empty(),
                "{lang} has English left in {untranslated:?}"
            );
        }
    }

    #[test]
    fn every_message_resolves_in_every_language() {
        for lang in LANGUAGES {
            let t = Tr::new(Lang::parse(lang).expect("supported"));
            for (id, _) in messages("en") {
                let text = t.args(
                    &id,
                    &[
                        ("nation", "X"),
                        ("org", "X"),
                        ("step", "1"),
                        ("total", "8"),
                        ("n", "2"),
                        ("children_services", "X"),
                        ("area", "X"),
                        ("operator", "X"),
                        ("max", "9"),
                        ("count", "10"),
                        ("body", "X"),
                        ("date", "X"),
                        ("shared", "X"),
                        ("day", "6"),
                        ("month", "X"),
                        ("year", "2027"),
                        ("minutes", "15"),
                    ],
                );
                assert!(
                    !text.is_empty() && !text.contains("Unknown localization"),
                    "{lang}: {id} → {text}"
                );
            }
        }
    }

    #[test]
    fn right_to_left_languages() {
        assert_eq!(Lang("ar").dir(), "rtl");
        assert_eq!(Lang("fa").dir(), "rtl");
        assert_eq!(Lang("ti").dir(), "ltr");
    }
}
