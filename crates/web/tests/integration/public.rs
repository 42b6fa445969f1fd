//! The survivor's pages without JavaScript, in-process, on both backends and in several languages: ask
//! for help one question a page, keep the codename, read the organisation's reply, write back, erase.

use crate::support::{Harness, Reply, between};
use axum::http::StatusCode;

/// The hidden fields of the first form on a page, as (name, value), to post the next step as a browser
/// would.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let name = rest.split('"').next()?;
            let value = between(rest, "value=\"", "\"")?;
            Some((name.to_owned(), unescape(&value)))
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Posts the next step: this page's hidden fields plus `answers`.
async fn next(h: &Harness, lang: &str, page: &Reply, answers: &[(&str, &str)]) -> Reply {
    let mut fields: Vec<(String, String)> = hidden_fields(&page.body);
    fields.extend(
        answers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    fields.push(("go".into(), "next".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // Each accepted page answers with a redirect to the next question's GET page.
    let r = h.post_form(&format!("/{lang}/help"), &borrowed, None).await;
    h.follow(r).await
}

fn codename_of(page: &str) -> String {
    let start = page
        .find("<ol class=\"codename\" id=\"codename\"")
        .expect("the codename");
    let list = between(&page[start..], ">", "</ol>").expect("the codename");
    list.split("<li>")
        .skip(1)
        .filter_map(|w| w.split("</li>").next())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asks for help through every page in `lang`; returns the codename page.
async fn ask(h: &Harness, lang: &str, name: &str, message: &str) -> Reply {
    let intro = h
        .get(&format!("/{lang}/help?nation=england_wales"), None)
        .await;
    assert_eq!(intro.status, StatusCode::OK);
    let mut page = next(h, lang, &intro, &[]).await;
    // Step 1 comes prefilled from the screening's nation.
    assert!(
        page.body.contains("value=\"england_wales\" checked"),
        "{}",
        page.body
    );
    let answers: [&[(&str, &str)]; 8] = [
        &[("nation", "england_wales")],
        &[("area", "E08000035")],
        &[("age", "adult")],
        &[("needs", "safe_housing"), ("needs", "legal_advice")],
        &[("urgency", "this_week")],
        &[("language", "Vietnamese")],
        &[("name", name), ("message", message)],
        &[("to_organisation", &h.harbour), ("consent_given", "yes")],
    ];
    for (i, a) in answers.iter().enumerate() {
        assert!(
            page.body
                .contains(&format!("name=\"step\" value=\"{}\"", i + 1)),
            "step {}: {}",
            i + 1,
            page.body
        );
        assert!(page.header("set-cookie").is_none());
        page = next(h, lang, &page, a).await;
        assert!(
            page.status == StatusCode::OK,
            "after step {}: {} {}",
            i + 1,
            page.status,
            page.body
        );
    }
    page
}

#[tokio::test]
async fn a_survivor_asks_for_help_keeps_the_codename_and_reads_the_reply() {
    for h in Harness::both().await {
        let sent = ask(&h, "vi", "Lan", "Tôi cần giúp đỡ").await;
        assert!(sent.body.contains("lang=\"vi\""));
        let codename = codename_of(&sent.body);
        assert_eq!(codename.split(' ').count(), 7, "{codename}");

        // The codename is never in a form or a link: the page carries the draft's handle.
        assert!(!sent.body.contains(&format!("value=\"{codename}\"")));
        let handle = between(&sent.body, "name=\"d\" value=\"", "\"").expect("the handle");
        let shown_at = format!("/vi/help/codename?d={handle}");
        // The check that it was saved: a wrong word is refused and the codename shown again.
        let n: usize = between(&sent.body, "name=\"n\" value=\"", "\"")
            .and_then(|n| n.parse().ok())
            .expect("n");
        let wrong = h
            .post_form(
                "/vi/help/check",
                &[("d", &handle), ("n", &n.to_string()), ("word", "nope")],
                None,
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(codename_of(&wrong.body), codename);
        let word = codename.split(' ').nth(n - 1).expect("word n");
        let saved = h
            .post_form(
                "/vi/help/check",
                &[
                    ("d", &handle),
                    ("n", &n.to_string()),
                    ("word", &word.to_uppercase()),
                ],
                None,
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let saved = h.follow(saved).await;
        assert_eq!(saved.status, StatusCode::OK);
        assert!(!saved.body.contains(&codename), "never shown again");
        // Back to the codename's page, or sending the check again: it is gone, and says so.
        let back = h.get(&shown_at, None).await;
        assert_eq!(back.status, StatusCode::GONE);
        assert!(!back.body.contains(&codename) && back.body.contains("lang=\"vi\""));
        let again = h
            .post_form(
                "/vi/help/check",
                &[("d", &handle), ("n", &n.to_string()), ("word", word)],
                None,
            )
            .await;
        assert_eq!(again.status, StatusCode::GONE);
        assert!(!again.body.contains(&codename));

        // It reached the organisation's inbox like any referral; the caseworker accepts and replies.
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        let id = inbox.json()["referrals"][0]["id"]
            .as_str()
            .expect("an id")
            .to_owned();
        let accepted = h.accept(&id).await;
        assert_eq!(accepted.status, StatusCode::CREATED);
        let reply = h
            .api(
                "POST",
                &format!("/api/v1/referrals/{id}/messages"),
                &h.tokens.harbour_worker,
                Some(serde_json::json!({"body": "We can meet on Tuesday."})),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);

        // The survivor reads it with the codename alone, typed loosely.
        let loose = format!("  {}  ", codename.to_uppercase());
        let opened = h
            .post_form("/vi/replies", &[("codename", &loose)], None)
            .await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        assert!(opened.body.contains("We can meet on Tuesday."));
        assert!(
            opened.body.contains("Tôi cần giúp đỡ"),
            "their own first message is in the conversation"
        );
        assert!(opened.body.contains("data-status=\"accepted\""));
        let wrote = h
            .post_form(
                "/vi/replies/send",
                &[("codename", &codename), ("body", "Cảm ơn")],
                None,
            )
            .await;
        assert_eq!(wrote.status, StatusCode::OK);
        assert!(wrote.body.contains("Cảm ơn"));
        let seen = h
            .api(
                "GET",
                &format!("/api/v1/referrals/{id}/messages"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert!(seen.body.contains("Cảm ơn"), "{}", seen.body);
    }
}

#[tokio::test]
async fn every_question_must_be_answered_and_nothing_is_lost_going_back() {
    let h = Harness::sqlite().await;
    let intro = h.get("/ar/help", None).await;
    assert!(intro.body.contains("dir=\"rtl\"") && intro.body.contains("lang=\"ar\""));
    let step1 = next(&h, "ar", &intro, &[]).await;
    let refused = next(&h, "ar", &step1, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#nation\""));
    let step2 = next(&h, "ar", &step1, &[("nation", "scotland")]).await;
    // The area is chosen from the nation's council areas, "not sure" first; nothing is typed.
    assert!(
        step2.body.contains("<select id=\"area\" name=\"area\""),
        "{}",
        step2.body
    );
    assert!(
        step2
            .body
            .contains("<option value=\"\">لست متأكدًا</option>"),
        "{}",
        step2.body
    );
    assert!(step2.body.contains(">Glasgow City</option>") && !step2.body.contains(">Leeds<"));
    assert!(!step2.body.contains("type=\"text\" id=\"area\""));
    // An area of another nation (only a hand-made request can send one) is refused at the area.
    let elsewhere = next(&h, "ar", &step2, &[("area", "E08000035")]).await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        elsewhere.body.contains("href=\"#area\""),
        "{}",
        elsewhere.body
    );
    let step3 = next(&h, "ar", &step2, &[("area", "S12000049")]).await;
    assert_eq!(step3.status, StatusCode::OK, "{}", step3.body);
    // Back from step 3 shows step 2 with the area still there.
    let mut fields = hidden_fields(&step3.body);
    fields.push(("go".into(), "back".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let back = h.post_form("/ar/help", &borrowed, None).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    let back = h.follow(back).await;
    assert!(back.body.contains("name=\"step\" value=\"2\""));
    assert!(
        back.body.contains("value=\"S12000049\" selected"),
        "{}",
        back.body
    );
    // Needs: at least one.
    let step4 = next(
        &h,
        "ar",
        &next(&h, "ar", &step3, &[("age", "unsure")]).await,
        &[],
    )
    .await;
    assert_eq!(
        step4.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no need chosen"
    );
}

#[tokio::test]
async fn a_person_not_sure_of_their_council_area_is_still_referred_with_no_area() {
    let h = Harness::sqlite().await;
    let mut page = next(&h, "en", &h.get("/en/help", None).await, &[]).await;
    for a in [
        &[("nation", "england_wales")][..],
        &[("area", "")],
        &[("age", "adult")],
        &[("needs", "safe_housing")],
        &[("urgency", "today")],
        &[("language", "Tigrinya")],
        &[],
        &[("to_organisation", &h.harbour), ("consent_given", "yes")],
    ] {
        page = next(&h, "en", &page, a).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    assert_eq!(codename_of(&page.body).split(' ').count(), 7);
    let inbox = h
        .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
        .await;
    let entry = &inbox.json()["referrals"][0];
    assert_eq!(
        (&entry["area"], &entry["area_name"]),
        (&serde_json::Value::Null, &serde_json::Value::Null)
    );
    assert_eq!(entry["nation"], "england_wales");
}

#[tokio::test]
async fn a_person_who_may_be_a_child_is_told_they_will_be_kept_safe() {
    let h = Harness::sqlite().await;
    let mut page = next(&h, "en", &h.get("/en/help", None).await, &[]).await;
    for a in [
        &[("nation", "england_wales")][..],
        &[("area", "E08000035")],
        &[("age", "unsure")],
        &[("needs", "safe_housing")],
        &[("urgency", "today")],
        &[("language", "Tigrinya")],
        &[],
    ] {
        page = next(&h, "en", &page, a).await;
    }
    assert!(
        page.body.contains("telling children’s services")
            || page.body.contains("children&#8217;s services"),
        "{}",
        page.body
    );
    let sent = next(
        &h,
        "en",
        &page,
        &[("to_organisation", &h.harbour), ("consent_given", "yes")],
    )
    .await;
    assert_eq!(codename_of(&sent.body).split(' ').count(), 7);
    let inbox = h
        .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
        .await;
    assert_eq!(inbox.json()["referrals"][0]["child_safeguarding"], true);
}

#[tokio::test]
async fn consent_is_asked_after_the_policy_is_shown() {
    let h = Harness::sqlite().await;
    let mut page = next(&h, "en", &h.get("/en/help", None).await, &[]).await;
    for a in [
        &[("nation", "england_wales")][..],
        &[("area", "E08000035")],
        &[("age", "adult")],
        &[("needs", "safe_housing")],
        &[("urgency", "today")],
        &[("language", "Romanian")],
        &[],
    ] {
        page = next(&h, "en", &page, a).await;
    }
    let policy_at = page
        .body
        .find(&h.harbour_policy)
        .expect("the policy is on the page");
    let consent_at = page
        .body
        .find("name=\"consent_given\"")
        .expect("the consent box");
    assert!(policy_at < consent_at);
    let refused = next(&h, "en", &page, &[("to_organisation", &h.harbour)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#consent_given\""));
    let inbox = h
        .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
        .await;
    assert_eq!(
        inbox.json()["referrals"].as_array().map(Vec::len),
        Some(0),
        "nothing sent without consent"
    );
}

#[tokio::test]
async fn wrong_codenames_find_nothing_and_then_wait() {
    let h = Harness::sqlite().await;
    let mut statuses = Vec::new();
    let mut last = String::new();
    for i in 0..12 {
        let r = h
            .post_form(
                "/ro/replies",
                &[(
                    "codename",
                    &format!("apple banana cherry delta echo fox {i}"),
                )],
                None,
            )
            .await;
        assert!(r.body.contains("lang=\"ro\""));
        statuses.push(r.status);
        last = r.body;
    }
    // The person is told, in their language, for how long: 15 minutes from the first wrong guess.
    assert!(
        last.contains("Încercați din nou peste 15 min."),
        "no time to wait in: {last}"
    );
    assert!(
        statuses[..10].iter().all(|s| *s == StatusCode::NOT_FOUND),
        "{statuses:?}"
    );
    assert!(
        statuses[10..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn erasing_needs_confirmation_and_then_the_codename_finds_nothing() {
    for h in Harness::both().await {
        let codename = codename_of(&ask(&h, "sq", "Besa", "Më duhet ndihmë").await.body);
        let unconfirmed = h
            .post_form("/sq/replies/erase", &[("codename", &codename)], None)
            .await;
        // Refused, saying why, with the conversation still there.
        assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.body.contains("Asgjë nuk u fshi."));
        assert!(
            unconfirmed.body.contains("Më duhet ndihmë"),
            "nothing erased without confirmation"
        );
        let erased = h
            .post_form(
                "/sq/replies/erase",
                &[("codename", &codename), ("confirm", "yes")],
                None,
            )
            .await;
        assert_eq!(erased.status, StatusCode::OK);
        let after = h
            .post_form("/sq/replies", &[("codename", &codename)], None)
            .await;
        assert_eq!(after.status, StatusCode::NOT_FOUND);
        // The organisation still counts the request, but can read nothing personal.
        let inbox = h
            .api("GET", "/api/v1/referrals", &h.tokens.harbour_worker, None)
            .await;
        let id = inbox.json()["referrals"][0]["id"]
            .as_str()
            .expect("still counted")
            .to_owned();
        let opened = h
            .api(
                "GET",
                &format!("/api/v1/referrals/{id}"),
                &h.tokens.harbour_worker,
                None,
            )
            .await;
        assert!(
            !opened.body.contains("Besa") && !opened.body.contains("Më duhet ndihmë"),
            "{}",
            opened.body
        );
    }
}

#[tokio::test]
async fn the_language_picker_names_each_language_in_itself() {
    let h = Harness::sqlite().await;
    let page = h.get("/ti/rights", None).await;
    assert!(page.body.contains("lang=\"ti\""));
    for (code, name) in [
        ("en", "English"),
        ("sq", "Shqip"),
        ("ar", "العربية"),
        ("fa", "فارسی"),
        ("ro", "Română"),
        ("vi", "Tiếng Việt"),
    ] {
        assert!(
            page.body.contains(&format!(
                "href=\"/{code}/rights\" lang=\"{code}\" hreflang=\"{code}\">{name}</a>"
            )),
            "{code}"
        );
    }
    assert!(
        page.body.contains("class=\"review-note\""),
        "an unreviewed translation says so"
    );
    assert!(
        !h.get("/en/rights", None)
            .await
            .body
            .contains("class=\"review-note\"")
    );
    assert_eq!(
        h.get("/xx/rights", None).await.status,
        StatusCode::NOT_FOUND
    );
    let chosen = h
        .get_with("/", &[("accept-language", "fa-IR,fa;q=0.9,en;q=0.5")])
        .await;
    assert_eq!(chosen.header("location").as_deref(), Some("/fa/"));
}

#[tokio::test]
async fn a_language_without_its_slash_goes_to_its_start_page() {
    let h = Harness::sqlite().await;
    let r = h.get("/sq", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location").as_deref(), Some("/sq/"));
    assert_eq!(h.get("/nonsense", None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        h.get("/login", None).await.status,
        StatusCode::OK,
        "fixed paths still win"
    );
}

#[tokio::test]
async fn the_caseworker_reads_and_answers_on_the_referral_and_case_pages() {
    for h in Harness::both().await {
        let codename = codename_of(
            &ask(&h, "en", "Mira", "I can only talk on Sundays")
                .await
                .body,
        );
        let worker = h.login("caseworker@harbour.example").await;
        let inbox = h.get("/inbox", Some(&worker)).await;
        assert!(
            inbox.body.contains("needs help this week"),
            "urgency shows in the inbox"
        );
        let id = between(&inbox.body, "href=\"/inbox/", "\"").expect("a referral");
        let page = h.get(&format!("/inbox/{id}"), Some(&worker)).await;
        assert!(page.body.contains("I can only talk on Sundays"));
        let csrf = crate::support::csrf_of(&page.body);
        let sent = h
            .post_form(
                &format!("/inbox/{id}/reply"),
                &[("csrf", &csrf), ("body", "Sunday at 11 works.")],
                Some(&worker),
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(
            sent.header("location"),
            Some(format!("/inbox/{id}?replied=1"))
        );
        // The person reads that the organisation wrote, not that it has not answered.
        let answered = h
            .post_form("/en/replies", &[("codename", &codename)], None)
            .await;
        assert!(answered.body.contains("data-status=\"answered\""));
        assert!(answered.body.contains("has written to you below"));
        assert!(!answered.body.contains("They have not answered yet"));
        // Without the CSRF token nothing is sent.
        let forged = h
            .post_form(
                &format!("/inbox/{id}/reply"),
                &[("body", "forged")],
                Some(&worker),
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);

        let accepted = h
            .post_form(
                &format!("/inbox/{id}/accept"),
                &[("csrf", &csrf)],
                Some(&worker),
            )
            .await;
        let case = accepted.header("location").expect("the case");
        let case_page = h.get(&case, Some(&worker)).await;
        assert!(
            case_page.body.contains("Sunday at 11 works.")
                && case_page.body.contains("I can only talk on Sundays")
        );
        let from_case = h
            .post_form(
                &format!("{case}/reply"),
                &[("csrf", &csrf), ("body", "See you then.")],
                Some(&worker),
            )
            .await;
        assert_eq!(from_case.status, StatusCode::SEE_OTHER);

        let read = h
            .post_form("/en/replies", &[("codename", &codename)], None)
            .await;
        assert!(read.body.contains("Sunday at 11 works.") && read.body.contains("See you then."));
        assert!(!read.body.contains("forged"));
        // Another organisation's caseworker cannot answer.
        let outsider = h.login("caseworker@lantern.example").await;
        let their_csrf = crate::support::csrf_of(&h.get("/staff", Some(&outsider)).await.body);
        let probe = h
            .post_form(
                &format!("/inbox/{id}/reply"),
                &[("csrf", &their_csrf), ("body", "probe")],
                Some(&outsider),
            )
            .await;
        assert_eq!(probe.status, StatusCode::NOT_FOUND);
    }
}

/// A person whose request was declined reads the caseworker's reason, in a section of its own, and the
/// caseworker still sees it on the referral afterwards.
#[tokio::test]
async fn a_declined_person_reads_the_reason_and_the_caseworker_sees_it_afterwards() {
    let h = Harness::sqlite().await;
    let codename = codename_of(&ask(&h, "ti", "Saba", "I need a room").await.body);
    let worker = h.login("caseworker@harbour.example").await;
    let inbox = h.get("/inbox", Some(&worker)).await;
    let id = between(&inbox.body, "href=\"/inbox/", "\"").expect("a referral");
    let page = h.get(&format!("/inbox/{id}"), Some(&worker)).await;
    let csrf = crate::support::csrf_of(&page.body);
    let reason = "We have no room in Leeds this month. Northern Lantern can help: ask them.";
    let declined = h
        .post_form(
            &format!("/inbox/{id}/decline"),
            &[("csrf", &csrf), ("reason", reason)],
            Some(&worker),
        )
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER, "{}", declined.body);

    let read = h
        .post_form("/ti/replies", &[("codename", &codename)], None)
        .await;
    assert!(read.body.contains("data-status=\"declined\""));
    assert!(read.body.contains("id=\"decline-reason\""));
    assert!(read.body.contains("We have no room in Leeds this month."));
    // The heading of the reason is in Tigrinya, like the rest of the page.
    assert!(read.body.contains("ስለምንታይ ሕቶኹም ክቕበሉ ዘይከኣሉ"));
    let after = h.get(&format!("/inbox/{id}"), Some(&worker)).await;
    assert!(after.body.contains("We have no room in Leeds this month."));
}

/// Nothing typed is not a guess, and deleting without the tick says why nothing was deleted.
#[tokio::test]
async fn an_empty_codename_and_an_unticked_erase_say_what_to_do() {
    let h = Harness::sqlite().await;
    let codename = codename_of(&ask(&h, "en", "Lena", "Call me after work").await.body);
    for _ in 0..12 {
        let r = h
            .post_form("/en/replies", &[("codename", "  ")], None)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Type your codename first."));
    }
    // Twelve empty submits used none of the ten guesses: the codename still opens.
    let r = h
        .post_form("/en/replies", &[("codename", &codename)], None)
        .await;
    assert_eq!(r.status, StatusCode::OK);

    let r = h
        .post_form("/en/replies/erase", &[("codename", &codename)], None)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Nothing was deleted."), "{}", r.body);
    assert!(
        r.body.contains("href=\"#confirm\""),
        "the error links to the tick box"
    );
    let r = h
        .post_form("/en/replies", &[("codename", &codename)], None)
        .await;
    assert!(r.body.contains("Call me after work"), "nothing was erased");
}

/// Every public page names who runs the service, or says it has not, and links to the privacy notice,
/// which gives the operator's contact and each support organisation's retention period in the
/// reader's language.
#[tokio::test]
async fn every_public_page_names_the_operator_and_the_privacy_notice_comes_from_the_settings() {
    let h = Harness::sqlite().await;
    let home = h.get("/en/", None).await;
    assert!(home.body.contains("has not yet given its name here"));
    assert!(home.body.contains("href=\"/en/privacy\""));

    h.app
        .set_operator(
            waymark_domain::operator::Operator::parse(
                "Harbour Light Support (fictional)",
                "privacy@harbour.example",
            )
            .expect("valid"),
        )
        .await
        .expect("named");
    for path in [
        "/en/",
        "/en/rights",
        "/en/support",
        "/en/help",
        "/en/replies",
    ] {
        let page = h.get(path, None).await;
        assert!(
            page.body
                .contains("This service is run by Harbour Light Support (fictional).")
                && page
                    .body
                    .contains("<span dir=\"ltr\">privacy@harbour.example</span>"),
            "{path}"
        );
    }
    let privacy = h.get("/en/privacy", None).await;
    assert_eq!(privacy.status, StatusCode::OK);
    assert!(privacy.body.contains("id=\"privacy-operator\""));
    assert!(privacy.body.contains("privacy@harbour.example"));
    // The harness's support organisations keep closed cases for the default six years.
    assert!(
        privacy.body.contains("6 years after the case closes"),
        "{}",
        privacy.body
    );
    assert!(privacy.body.contains("sends them nothing"));
    let arabic = h.get("/ar/privacy", None).await;
    assert!(arabic.body.contains("6 سنوات بعد إغلاق الملف"));
    assert!(
        arabic
            .body
            .contains("تدير هذه الخدمة Harbour Light Support (fictional).")
    );
}

/// A person reading English gets seven English words; in any other language seven groups of four
/// digits, which they can type back in their own script's digits.
#[tokio::test]
async fn the_codename_is_words_in_english_and_digits_in_other_languages() {
    let h = Harness::sqlite().await;
    let english = codename_of(&ask(&h, "en", "Ann", "Hello").await.body);
    let parts: Vec<&str> = english.split(' ').collect();
    assert_eq!(parts.len(), 7);
    assert!(
        parts
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())),
        "{english}"
    );

    let page = ask(&h, "ar", "Huda", "مرحبا").await;
    let digits = codename_of(&page.body);
    let groups: Vec<&str> = digits.split(' ').collect();
    assert_eq!(groups.len(), 7, "{digits}");
    assert!(
        groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit())),
        "{digits}"
    );
    assert!(
        page.body.contains("id=\"codename\" dir=\"ltr\">"),
        "isolated left to right"
    );
    // The check asks for one group; typed in Arabic-Indic digits it is accepted.
    let n: usize = between(&page.body, "name=\"n\" value=\"", "\"")
        .and_then(|v| v.parse().ok())
        .expect("which group");
    let arabic: String = groups[n - 1]
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect();
    let handle = between(&page.body, "name=\"d\" value=\"", "\"").expect("the handle");
    let checked = h
        .post_form(
            "/ar/help/check",
            &[("d", &handle), ("n", &n.to_string()), ("word", &arabic)],
            None,
        )
        .await;
    assert_eq!(checked.status, StatusCode::SEE_OTHER, "{}", checked.body);
    // And it opens the replies typed without spaces, in Persian digits.
    let persian: String = digits
        .chars()
        .filter(char::is_ascii_digit)
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect();
    let read = h
        .post_form("/fa/replies", &[("codename", persian.as_str())], None)
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("مرحبا"));
}

/// A survivor who writes more than a field holds is told on that page, with the limit and what they
/// typed kept, and can always finish; a last page that finds a problem sends them to the page to fix.
#[tokio::test]
async fn a_message_too_long_is_refused_on_its_own_page_and_the_survivor_still_finishes() {
    let h = Harness::sqlite().await;
    let intro = h.get("/en/help?nation=england_wales", None).await;
    let mut page = next(&h, "en", &intro, &[]).await;
    let answers: [&[(&str, &str)]; 6] = [
        &[("nation", "england_wales")],
        &[("area", "E08000035")],
        &[("age", "adult")],
        &[("needs", "safe_housing")],
        &[("urgency", "this_week")],
        &[("language", "English")],
    ];
    for a in answers {
        page = next(&h, "en", &page, a).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    assert!(
        page.body.contains("Up to 4000 characters."),
        "the limit is shown before typing"
    );
    let long = "I need help. ".repeat(385); // 5,005 characters
    let refused = next(&h, "en", &page, &[("name", "Dana"), ("message", &long)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("name=\"step\" value=\"7\""),
        "still on the message's page"
    );
    assert!(
        refused
            .body
            .contains("This is 5004 characters: it can be at most 4000."),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("href=\"#message\""));
    assert!(
        refused.body.contains("I need help. I need help."),
        "what was typed is kept"
    );
    assert!(refused.body.contains("value=\"Dana\""));

    // Shortened, it goes on; and the request is sent.
    let page = next(
        &h,
        "en",
        &page,
        &[("name", "Dana"), ("message", "I need help.")],
    )
    .await;
    assert!(
        page.body.contains("name=\"step\" value=\"8\""),
        "{}",
        page.body
    );
    // A hand-made last page with a message too long is sent back to page 7, not refused as page 8.
    let mut fields: Vec<(String, String)> = hidden_fields(&page.body)
        .into_iter()
        .filter(|(k, _)| k != "message")
        .collect();
    fields.push(("message".into(), long.clone()));
    fields.push(("to_organisation".into(), h.harbour.clone()));
    fields.push(("consent_given".into(), "yes".into()));
    fields.push(("go".into(), "next".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let back = h.post_form("/en/help", &borrowed, None).await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        back.body.contains("name=\"step\" value=\"7\""),
        "{}",
        back.body
    );
    assert!(back.body.contains("it can be at most 4000"));

    let sent = next(
        &h,
        "en",
        &page,
        &[("to_organisation", &h.harbour), ("consent_given", "yes")],
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(codename_of(&sent.body).split(' ').count(), 7);
}

/// Domain review finding 2: pages that told a survivor to "call the helpline" showed no number. Every
/// question of "Ask for help", the codename's page and the replies page now list the nation's helplines
/// with 999, in every language.
#[tokio::test]
async fn every_survivor_page_that_says_call_shows_a_number() {
    let h = Harness::sqlite().await;
    let has_numbers = |what: &str, body: &str| {
        assert!(
            body.contains("href=\"tel:999\"") && body.contains("href=\"tel:08000121700\""),
            "{what} shows no helpline number"
        );
    };
    for lang in ["en", "sq", "ar", "fa", "ro", "ti", "vi"] {
        let mut page = next(&h, lang, &h.get(&format!("/{lang}/help"), None).await, &[]).await;
        let answers: [&[(&str, &str)]; 8] = [
            &[("nation", "england_wales")],
            &[("area", "E08000035")],
            &[("age", "adult")],
            &[("needs", "safe_housing")],
            &[("urgency", "this_week")],
            &[("language", "Tigrinya")],
            &[],
            &[("to_organisation", &h.harbour), ("consent_given", "yes")],
        ];
        for (i, a) in answers.iter().enumerate() {
            has_numbers(&format!("{lang} question {}", i + 1), &page.body);
            page = next(&h, lang, &page, a).await;
            assert_eq!(
                page.status,
                StatusCode::OK,
                "{lang} after {}: {}",
                i + 1,
                page.body
            );
        }
        // The codename's page, with no danger notice for a request this week.
        has_numbers(&format!("{lang} codename"), &page.body);
        assert!(!page.body.contains("id=\"danger-now\""), "{lang}");
        let codename = codename_of(&page.body);
        let replies = h
            .post_form(
                &format!("/{lang}/replies"),
                &[("codename", &codename)],
                None,
            )
            .await;
        assert_eq!(replies.status, StatusCode::OK);
        has_numbers(&format!("{lang} replies"), &replies.body);
    }
    // The helplines are the chosen nation's: Scotland's own once Scotland is chosen.
    let first = next(&h, "en", &h.get("/en/help", None).await, &[]).await;
    let scotland = next(&h, "en", &first, &[("nation", "scotland")]).await;
    assert!(
        scotland.body.contains("href=\"tel:01418847900\""),
        "{}",
        scotland.body
    );
    assert!(!first.body.contains("href=\"tel:01418847900\""));
}

/// Domain review finding 2: no 999 prompt followed an urgent or a child's request. The codename's page
/// now starts with it when the request is for today, or the person may be under 18.
#[tokio::test]
async fn an_urgent_or_child_request_ends_with_the_999_prompt() {
    let h = Harness::sqlite().await;
    for (age, urgency, prompt) in [
        ("adult", "today", true),
        ("under_18", "this_week", true),
        ("unsure", "not_urgent", true),
        ("adult", "this_week", false),
    ] {
        let mut page = next(&h, "en", &h.get("/en/help", None).await, &[]).await;
        for a in [
            &[("nation", "england_wales")][..],
            &[("area", "E08000035")],
            &[("age", age)],
            &[("needs", "safe_housing")],
            &[("urgency", urgency)],
            &[("language", "English")],
            &[],
            &[("to_organisation", &h.harbour), ("consent_given", "yes")],
        ] {
            page = next(&h, "en", &page, a).await;
        }
        assert_eq!(
            codename_of(&page.body).split(' ').count(),
            7,
            "{age} {urgency}"
        );
        assert_eq!(
            page.body.contains("id=\"danger-now\"")
                && page
                    .body
                    .contains("press 55 when the recorded message asks you to"),
            prompt,
            "{age} {urgency}"
        );
    }
}
