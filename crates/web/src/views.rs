//! Words for the vocabulary ids, as people read them on a page. The ids stay the same everywhere; only
//! these labels are for people (and, later, translated).

use waymark_domain::area::Area;
use waymark_domain::{AgeBand, FirstContact, Indicator, Nation, Need};

pub fn indicator(i: Indicator) -> &'static str {
    use Indicator::*;
    match i {
        AbuseOfVulnerability => {
            "Someone takes advantage of their situation (no papers, no English, debt, youth)"
        }
        Deception => {
            "They were promised a job, pay, school or conditions that turned out to be false"
        }
        RestrictionOfMovement => "They are locked in, escorted, or not allowed to leave",
        Isolation => "They are kept away from family, friends, a phone or the community",
        PhysicalSexualViolence => "They have been hit, hurt, or forced into sex",
        IntimidationThreats => {
            "They or their family are threatened (including with curses or juju)"
        }
        RetentionOfDocuments => "Someone else holds their passport or ID",
        WithholdingOfWages => "They work for no pay, or someone keeps their pay",
        DebtBondage => "They owe a debt (travel, rent, food) they can never pay off",
        AbusiveConditions => "They live or work in degrading, dangerous or overcrowded conditions",
        ExcessiveOvertime => "They work day and night with no days off",
        ThreatenedWithAuthorities => {
            "They were told the police or immigration would jail or deport them"
        }
        LivesAtWorkplace => "They sleep where they work, or the employer controls their housing",
        SomeoneSpeaksForThem => {
            "Someone else answers for them, holds their phone, or comes to every meeting"
        }
        DoesNotKnowAddress => "They cannot say where they live or work, or are moved often",
        UntreatedInjuries => "They have injuries, are malnourished, or cannot see a doctor",
        FearfulOrScripted => "They seem afraid or withdrawn, or their story sounds rehearsed",
        ForcedCriminality => {
            "They are made to commit crimes (cannabis farms, drug running, theft, begging)"
        }
        ForcedSexWork => "They are made to sell sex and someone else takes the money",
    }
}

pub fn need(n: Need) -> &'static str {
    use Need::*;
    match n {
        EmergencyAccommodation => "Somewhere safe to stay tonight",
        SafeHousing => "Safe housing",
        Medical => "Medical care",
        MentalHealth => "Mental health support",
        LegalAdvice => "Legal advice",
        ImmigrationAdvice => "Immigration advice",
        Interpreter => "An interpreter",
        MoneyAndFood => "Money and food",
        ChildrenAndFamily => "Help with children and family",
        EducationAndWork => "Education and work",
        FaithAndCommunity => "Faith and community",
        ReturnHome => "Help to return home",
    }
}

pub fn first_contact(f: FirstContact) -> &'static str {
    use FirstContact::*;
    match f {
        Myself => "They came forward themselves",
        FaithGroup => "A faith group",
        CommunityGroup => "A community group",
        MemberOfPublic => "A member of the public",
        FriendOrFamily => "A friend or family member",
        HealthWorker => "A health worker",
        Charity => "A charity",
        Helpline => "A helpline",
        Police => "The police",
        ImmigrationOfficial => "An immigration official",
        LocalAuthority => "A local council",
        Other => "Someone else",
    }
}

pub fn nation(n: Nation) -> &'static str {
    waymark_domain::jurisdiction::jurisdiction(n).name.as_str()
}

pub fn age(a: AgeBand) -> &'static str {
    match a {
        AgeBand::Under18 => "Under 18",
        AgeBand::Adult => "18 or over",
        AgeBand::Unsure => "Not sure (treated as under 18)",
    }
}

/// A list of (id, label, checked) for a group of checkboxes or radios.
pub struct Choice {
    pub id: &'static str,
    pub label: String,
    pub checked: bool,
}

pub fn choices<T: Copy + PartialEq>(
    all: &[T],
    id: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    selected: &[T],
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            id: id(*v),
            label: label(*v).to_owned(),
            checked: selected.contains(v),
        })
        .collect()
}

/// `words` as a sentence: its first letter a capital.
pub fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn date(t: time::PrimitiveDateTime) -> String {
    let format =
        time::macros::format_description!("[day] [month repr:short] [year], [hour]:[minute]");
    t.format(&format).unwrap_or_default()
}

/// What a holder of a record is told about an erasure of it, or of the record its copy came from.
pub fn erasure_notice(n: &waymark_app::ErasureNotice) -> String {
    if n.kept {
        format!(
            "The organisation that referred this person to you erased its own record on {} ({}). \
             This record is yours and stays as it is.",
            date(n.at),
            n.erasure.told()
        )
    } else {
        format!(
            "This record was {} on {}. Nothing personal in it can be read any more.",
            n.erasure.told(),
            date(n.at)
        )
    }
}

/// Where a record is: its area's name and its nation, or the nation alone.
pub fn place(area: Option<Area>, n: Nation) -> String {
    match area {
        Some(a) => format!("{a}, {}", nation(n)),
        None => nation(n).to_owned(),
    }
}

/// One local authority area in a `<select>`.
pub struct AreaOption {
    pub code: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// The areas of one nation: an `<optgroup>` when the list has several nations.
pub struct AreaGroup {
    pub label: &'static str,
    pub areas: Vec<AreaOption>,
}

/// The area `<select>` of a form (`templates/area_select.html`): the areas of `nations`, grouped by
/// nation, the one `given` names selected, and the refusal of the area, if any, shown next to it.
pub struct AreaField {
    pub id: &'static str,
    pub label: String,
    pub hint: String,
    /// The first option, meaning "not recorded".
    pub none_label: String,
    pub groups: Vec<AreaGroup>,
    pub error: Option<String>,
}

impl AreaField {
    pub fn new(id: &'static str, nations: &[Nation], given: &str) -> AreaField {
        let chosen = Area::parse(given).ok();
        AreaField {
            id,
            label: String::new(),
            hint: String::new(),
            none_label: String::new(),
            groups: nations
                .iter()
                .map(|n| AreaGroup {
                    label: nation(*n),
                    areas: Area::of_nation(*n)
                        .map(|a| AreaOption {
                            code: a.code(),
                            name: a.name(),
                            selected: chosen == Some(a),
                        })
                        .collect(),
                })
                .collect(),
            error: None,
        }
    }
    pub fn labelled(mut self, label: &str, hint: &str, none_label: &str) -> AreaField {
        self.label = label.to_owned();
        self.hint = hint.to_owned();
        self.none_label = none_label.to_owned();
        self
    }
    /// The refusal among a form's errors that belongs to this field.
    pub fn with_error(mut self, errors: &[(&'static str, String)]) -> AreaField {
        self.error = errors
            .iter()
            .find(|(field, _)| *field == self.id)
            .map(|(_, e)| e.clone());
        self
    }
    /// The ids of the hint and the error, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// The message of the form error that belongs to field `id`, shown next to it.
pub fn field_error<'a>(errors: &'a [(&'static str, String)], id: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|(field, _)| *field == id)
        .map(|(_, e)| e.as_str())
}
