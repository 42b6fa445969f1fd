//! The organisation's data-sharing policy on the last question of the self-referral, in the page's
//! language: its own translation, Waymark's default translated, or its English text under a note.

use axum::http::StatusCode;
use waymark_app::{DEFAULT_DATA_SHARING_POLICY, NewOrganisation};
use waymark_domain::{Nation, Need, OrganisationKind};
use waymark_testkit::new_organisation;

use crate::support::{Harness, Reply, between};

const CEDAR_ENGLISH: &str = "Cedar House shares your details only with your consent (test policy).";
const CEDAR_ARABIC: &str = "لا تشارك دار الأرز بياناتك إلا بموافقتك (سياسة تجريبية).";

/// Adds a support organisation in Leeds that gives its policy in English and Arabic.
async fn cedar_house(h: &Harness) -> String {
    let cedar = h
        .app
        .add_organisation(NewOrganisation {
            data_sharing_policy: Some(CEDAR_ENGLISH.into()),
            ..new_organisation(
                "Cedar House (fictional)",
                OrganisationKind::SupportOrganisation,
                Nation::EnglandWales,
                "Leeds",
                &[Need::SafeHousing],
            )
        })
        .await
        .expect("cedar");
    h.app
        .set_organisation_policy(&cedar, "ar", CEDAR_ARABIC)
        .await
        .expect("arabic policy");
    cedar.to_string()
}

/// The last question (which organisation) in `lang`, every earlier answer given.
async fn last_question(h: &Harness, lang: &str) -> Reply {
    let page = h
        .post_form(
            &format!("/{lang}/help"),
            &[
                ("step", "7"),
                ("nation", "england_wales"),
                ("area", "E08000035"),
                ("age", "adult"),
                ("needs", "safe_housing"),
                ("urgency", "this_week"),
                ("language", "Arabic"),
                ("go", "next"),
            ],
            None,
        )
        .await;
    let page = h.follow(page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("name=\"step\" value=\"8\""),
        "{}",
        page.body
    );
    page
}

/// What the page says under the organisation `id`: its policy's block.
fn policy_block(page: &Reply, id: &str) -> String {
    between(&page.body, &format!("id=\"policy-{id}\">"), "</div>")
        .unwrap_or_else(|| panic!("no policy for {id}: {}", page.body))
}

#[tokio::test]
async fn an_arabic_reader_sees_each_policy_in_arabic_or_english_under_a_note_in_arabic() {
    for h in Harness::both().await {
        let cedar = cedar_house(&h).await;
        let page = last_question(&h, "ar").await;
        assert!(
            page.body.contains("<html lang=\"ar\" dir=\"rtl\""),
            "{}",
            page.body
        );

        // Its own Arabic text, marked Arabic, without a note.
        let own = policy_block(&page, &cedar);
        assert!(
            own.contains(&format!("<p lang=\"ar\">{CEDAR_ARABIC}</p>")),
            "{own}"
        );
        assert!(
            !own.contains("policy-note") && !own.contains(CEDAR_ENGLISH),
            "{own}"
        );

        // No Arabic text: the English one, marked English and left to right, under the Arabic note.
        let english = policy_block(&page, &h.harbour);
        assert!(
            english.contains(&format!(
                "<p lang=\"en\" dir=\"ltr\">{}</p>",
                h.harbour_policy
            )),
            "{english}"
        );
        let note = between(&english, "<p class=\"policy-note\">", "</p>").expect("the note");
        assert!(
            note.starts_with("لم تقدّم منظمة Harbour Light (fictional) هذا النص بالعربية بعد")
                && note.contains("بالإنجليزية")
                && note.contains("لن يُرسَل طلبك إليها إلا إذا وضعت علامة في المربع"),
            "{note}"
        );
        // The radio button is described by the whole block, the note included.
        assert!(page.body.contains(&format!(
            "value=\"{}\" aria-describedby=\"policy-{}\"",
            h.harbour, h.harbour
        )));

        // An organisation that never wrote its own: Waymark's default, in Arabic.
        let lantern = h.lantern_id().await;
        let default = policy_block(&page, &lantern);
        assert!(
            default.contains("<p lang=\"ar\">نحافظ على سرية ما تخبرنا به."),
            "{default}"
        );
        assert!(
            !default.contains("policy-note") && !default.contains("We keep"),
            "{default}"
        );
    }
}

#[tokio::test]
async fn english_readers_and_helpers_see_the_english_texts_and_the_default_is_waymarks() {
    let h = Harness::sqlite().await;
    let cedar = cedar_house(&h).await;
    let lantern = h.lantern_id().await;
    let page = last_question(&h, "en").await;
    assert!(policy_block(&page, &cedar).contains(&format!("<p lang=\"en\">{CEDAR_ENGLISH}</p>")));
    // The default in the English locale is the default the application stores.
    assert!(
        policy_block(&page, &lantern)
            .contains(&format!("<p lang=\"en\">{DEFAULT_DATA_SHARING_POLICY}</p>")),
        "{}",
        page.body
    );
    assert!(!page.body.contains("policy-note"));

    // The helper's referral form (in English) shows the same English texts.
    let cookie = h.login("helper@church.example").await;
    let form = h
        .get("/referrals/new?nation=england_wales", Some(&cookie))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    for (id, text) in [
        (cedar.as_str(), CEDAR_ENGLISH),
        (lantern.as_str(), DEFAULT_DATA_SHARING_POLICY),
        (h.harbour.as_str(), h.harbour_policy.as_str()),
    ] {
        let block = policy_block(&form, id);
        assert!(block.contains(&format!("</strong> {text}</p>")), "{block}");
    }
}

#[tokio::test]
async fn every_language_a_policy_can_be_given_in_is_a_language_of_the_public_pages() {
    let h = Harness::sqlite().await;
    for lang in waymark_app::POLICY_LANGUAGES {
        let page = last_question(&h, lang).await;
        assert!(
            page.body.contains(&format!("<html lang=\"{lang}\"")),
            "{lang}"
        );
    }
}
