//! Who runs a deployment of Waymark: the operator every public page names in its footer, with a contact,
//! beside the privacy notice. A person deciding whether to trust the service with their story must be
//! able to see whose service it is and how to reach them.

/// The operator of a deployment, as its administrator set it (`waymark operator`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operator {
    /// The organisation that runs this deployment, e.g. "Harbour Light Support (fictional)".
    pub name: Option<String>,
    /// How to reach it about this service and the data it holds: an email address, a phone number or a
    /// postal address, as one line.
    pub contact: Option<String>,
}

/// Why an operator setting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OperatorError {
    #[error("the operator's name must be 1 to {max} characters on one line", max = MAX_NAME_CHARS)]
    Name,
    #[error("the operator's contact must be 1 to {max} characters on one line", max = MAX_CONTACT_CHARS)]
    Contact,
}

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_CONTACT_CHARS: usize = 200;

fn one_line(value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && v.chars().count() <= max && !v.chars().any(char::is_control))
        .then(|| v.to_owned())
}

impl Operator {
    /// An operator from what was typed; each part trimmed and checked.
    pub fn parse(name: &str, contact: &str) -> Result<Operator, OperatorError> {
        Ok(Operator {
            name: Some(one_line(name, MAX_NAME_CHARS).ok_or(OperatorError::Name)?),
            contact: Some(one_line(contact, MAX_CONTACT_CHARS).ok_or(OperatorError::Contact)?),
        })
    }

    /// Whether both the name and the contact are set.
    pub fn named(&self) -> bool {
        self.name.is_some() && self.contact.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operator_has_a_name_and_a_contact_each_on_one_line() {
        let o =
            Operator::parse("  Harbour Light Support  ", "privacy@harbour.example").expect("valid");
        assert_eq!(o.name.as_deref(), Some("Harbour Light Support"));
        assert!(o.named());
        assert_eq!(Operator::parse("", "x@y.example"), Err(OperatorError::Name));
        assert_eq!(
            Operator::parse("A\nB", "x@y.example"),
            Err(OperatorError::Name)
        );
        assert_eq!(Operator::parse("A", " "), Err(OperatorError::Contact));
        assert_eq!(
            Operator::parse("A", &"x".repeat(MAX_CONTACT_CHARS + 1)),
            Err(OperatorError::Contact)
        );
        assert!(!Operator::default().named());
    }
}
