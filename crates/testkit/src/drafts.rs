//! What tests send: referrals, self-referrals, a case's history.

use waymark_app::NewHistory;
use waymark_domain::case_record::ExploitationPlace;
use waymark_domain::referral::ReferralDraft;
use waymark_domain::self_referral::{SelfReferralDraft, Urgency};
use waymark_domain::{AgeBand, ExploitationType, FirstContact, Indicator, Nation, Need};

/// A consenting adult's referral.
pub fn adult(name: &str, contact: &str, language: &str) -> ReferralDraft {
    ReferralDraft {
        name: name.into(),
        contact: contact.into(),
        language: language.into(),
        age: AgeBand::Adult,
        nation: Nation::EnglandWales,
        area: Some("Leeds".into()),
        needs: [Need::SafeHousing, Need::Interpreter].into(),
        indicators: [Indicator::DebtBondage, Indicator::RetentionOfDocuments].into(),
        first_contact: FirstContact::FaithGroup,
        consent_given: true,
        children_services_notified: None,
    }
}

/// A plain consenting adult's referral.
pub fn amina() -> ReferralDraft {
    adult(
        "Amina Haile",
        "Through the drop-in, Tuesdays 2pm",
        "Tigrinya",
    )
}

/// A self-referral with the least a person must give: no name, no contact, a message.
pub fn asking() -> SelfReferralDraft {
    SelfReferralDraft {
        nation: Nation::EnglandWales,
        area: Some("Leeds".into()),
        needs: [Need::SafeHousing].into(),
        language: "Tigrinya".into(),
        urgency: Urgency::Today,
        age: AgeBand::Adult,
        name: None,
        contact: None,
        message: Some("I need somewhere safe to sleep tonight.".into()),
        consent_given: true,
    }
}

/// A year of labour exploitation in the UK, at a car wash.
pub fn labour_history() -> NewHistory {
    NewHistory {
        kind: ExploitationType::Labour,
        place: ExploitationPlace::Uk,
        from: "2024-03-01".into(),
        to: "2025-01-31".into(),
        note: "Car wash, passport kept by the boss".into(),
    }
}
