//! An organisation's data-sharing policy in the person's language. A survivor who asks for help in
//! Arabic agrees, on the last question, that they have read how the organisation handles their
//! information: they read the organisation's own Arabic text when it has given one, Waymark's default
//! policy (translated by the web layer) when the organisation never wrote its own, and otherwise the
//! English text marked as not translated, so that they know to ask before agreeing.

use waymark_domain::OrgId;
use waymark_store::{AuditEvent, Tx};

use crate::accounts::DEFAULT_DATA_SHARING_POLICY;
use crate::audit::AuditAction;
use crate::{App, AppError};

/// The languages a policy can be given in: those of the public pages. English is the main text (the
/// one the organisation was created with); the others are its translations.
pub use waymark_domain::language::LANGUAGES as POLICY_LANGUAGES;

/// The longest policy, in characters.
pub const POLICY_MAX_CHARS: usize = 5000;

/// What to show as an organisation's policy in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyText {
    /// The organisation's own text, in the language asked for.
    Own(String),
    /// The organisation never wrote its own policy: Waymark's default applies, which the web layer
    /// shows translated (message `policy-default`).
    Default,
    /// The organisation has not given its policy in the language asked for: its English text.
    NotTranslated(String),
}

/// What setting a policy did, for the operator to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicySet {
    /// The language set.
    pub lang: &'static str,
    /// Whether a text in that language was replaced (`false`: the first).
    pub replaced: bool,
    /// When the English (main) text was set: the languages the organisation has translations in,
    /// written for the earlier text, to be checked. Empty otherwise.
    pub translations_to_check: Vec<String>,
}

/// The policy to show in `lang`, from the organisation's main (English) text and its own text in `lang`.
fn choose(main: String, own: Option<String>, lang: &str) -> PolicyText {
    let default = main == DEFAULT_DATA_SHARING_POLICY;
    if lang == "en" {
        return if default {
            PolicyText::Default
        } else {
            PolicyText::Own(main)
        };
    }
    match own {
        Some(text) => PolicyText::Own(text),
        None if default => PolicyText::Default,
        None => PolicyText::NotTranslated(main),
    }
}

fn policy_in(tx: &mut Tx<'_>, org: &OrgId, lang: &str) -> Result<PolicyText, AppError> {
    let main = tx
        .organisation(org)?
        .ok_or(AppError::NotFound)?
        .data_sharing_policy;
    let own = tx.organisation_policy(org, lang)?.map(|p| p.policy);
    Ok(choose(main, own, lang))
}

/// `lang` as one of [`POLICY_LANGUAGES`], else why not.
fn policy_language(lang: &str) -> Result<&'static str, AppError> {
    POLICY_LANGUAGES
        .into_iter()
        .find(|l| *l == lang.trim())
        .ok_or_else(|| {
            AppError::Invalid(format!(
                "the language must be one of {} (not “{}”)",
                POLICY_LANGUAGES.join(", "),
                lang.trim()
            ))
        })
}

/// The policy's text, trimmed, if it is 1 to [`POLICY_MAX_CHARS`] characters.
fn policy_text(text: &str) -> Result<String, AppError> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > POLICY_MAX_CHARS {
        return Err(AppError::Invalid(format!(
            "the policy must be 1 to 5,000 characters (this one is {chars})"
        )));
    }
    Ok(text.to_owned())
}

impl App {
    /// The operator sets an organisation's data-sharing policy in one language: `en` replaces its main
    /// text, any other language of the public pages its translation. Audited as the operator's.
    pub async fn set_organisation_policy(
        &self,
        org: &OrgId,
        lang: &str,
        text: &str,
    ) -> Result<PolicySet, AppError> {
        let lang = policy_language(lang)?;
        let text = policy_text(text)?;
        let org = org.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let no_such = || AppError::Invalid(format!("there is no organisation {org}"));
                let main = tx.organisation(&org)?.ok_or_else(no_such)?;
                let translations = tx.organisation_policies(&org)?;
                let set = if lang == "en" {
                    tx.set_data_sharing_policy(&org, &text)?;
                    PolicySet {
                        lang,
                        replaced: main.data_sharing_policy != DEFAULT_DATA_SHARING_POLICY,
                        translations_to_check: translations.into_iter().map(|p| p.lang).collect(),
                    }
                } else {
                    tx.set_organisation_policy(&org, lang, &text)?;
                    PolicySet {
                        lang,
                        replaced: translations.iter().any(|p| p.lang == lang),
                        translations_to_check: vec![],
                    }
                };
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: "cli",
                        org_id: Some(&org),
                        action: AuditAction::OrganisationPolicySet.as_str(),
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: lang,
                    },
                )?;
                Ok(set)
            })
            .await
    }

    /// What to show as the organisation's data-sharing policy to someone reading `lang`. Public: a
    /// policy is the organisation's public statement. No such organisation: not found.
    pub async fn policy_for(&self, org: &OrgId, lang: &str) -> Result<PolicyText, AppError> {
        let org = org.clone();
        let lang = lang.to_owned();
        self.store.run(move |tx| policy_in(tx, &org, &lang)).await
    }

    /// [`App::policy_for`] for several organisations at once (the organisations a page offers), in
    /// their order, in one transaction.
    pub async fn policies_for(
        &self,
        orgs: Vec<OrgId>,
        lang: &str,
    ) -> Result<Vec<PolicyText>, AppError> {
        let lang = lang.to_owned();
        self.store
            .run(move |tx| orgs.iter().map(|o| policy_in(tx, o, &lang)).collect())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_own_text_in_the_language_comes_first_then_the_default_then_english() {
        let own = || "Our policy.".to_owned();
        let default = || DEFAULT_DATA_SHARING_POLICY.to_owned();
        assert_eq!(
            choose(own(), Some("سياسة".into()), "ar"),
            PolicyText::Own("سياسة".into())
        );
        assert_eq!(choose(own(), None, "ar"), PolicyText::NotTranslated(own()));
        assert_eq!(choose(default(), None, "ar"), PolicyText::Default);
        assert_eq!(
            choose(default(), Some("سياسة".into()), "ar"),
            PolicyText::Own("سياسة".into())
        );
        assert_eq!(choose(own(), None, "en"), PolicyText::Own(own()));
        assert_eq!(choose(default(), None, "en"), PolicyText::Default);
    }

    #[test]
    fn languages_and_lengths_are_checked() {
        assert_eq!(policy_language(" ar ").ok(), Some("ar"));
        assert!(policy_language("de").is_err());
        assert!(policy_language("").is_err());
        assert!(policy_text("  ").is_err());
        assert!(policy_text(&"x".repeat(POLICY_MAX_CHARS)).is_ok());
        assert!(policy_text(&"x".repeat(POLICY_MAX_CHARS + 1)).is_err());
        assert_eq!(policy_text(" a ").ok().as_deref(), Some("a"));
    }
}
