//! Training for community helpers, read without an account: the courses of each nation, their modules
//! rendered from the content (questions and all), the pocket cards as a page and a PDF, and the link from
//! a screening's outcome to the nation's module on the signs.

use crate::support::Harness;
use axum::http::StatusCode;
use waymark_domain::Nation;
use waymark_domain::jurisdiction::jurisdiction;
use waymark_domain::training::{course_for, courses, pocket_card};

#[tokio::test]
async fn anyone_reads_every_course_and_module_without_an_account() {
    let h = Harness::sqlite().await;
    let list = h.get("/training", None).await;
    assert_eq!(list.status, StatusCode::OK);
    for c in courses() {
        assert!(
            list.body.contains(&format!("href=\"/training/{}\"", c.id)),
            "{}",
            c.id
        );
        let page = h.get(&format!("/training/{}", c.id), None).await;
        assert_eq!(page.status, StatusCode::OK, "{}", c.id);
        assert!(
            page.body
                .contains(&format!("You pass with {}%", c.pass_mark))
        );
        for m in &c.modules {
            let path = format!("/training/{}/{}", c.id, m.id);
            assert!(page.body.contains(&format!("href=\"{path}\"")), "{path}");
            let r = h.get(&path, None).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert!(r.body.contains("<h2>"), "{path}: the Markdown's headings");
            for q in &m.questions {
                assert!(
                    r.body.contains(&format!("id=\"q-{}\"", q.id)),
                    "{path}: {}",
                    q.id
                );
            }
            assert!(
                !r.body.contains("+++"),
                "{path}: no front matter on the page"
            );
        }
    }
    // England and Wales' law module names the statutory defence; Scotland's does not claim it.
    let ew = h.get("/training/england-and-wales/01-the-law", None).await;
    assert!(
        ew.body.contains("section 45") || ew.body.contains("s.45"),
        "{}",
        ew.body
    );
    for path in [
        "/training/no-such-course",
        "/training/scotland/99-nothing",
        "/training/cards/atlantis",
        "/training/cards/atlantis.pdf",
    ] {
        assert_eq!(
            h.get(path, None).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn each_nation_has_a_pocket_card_to_print_and_as_a_pdf_with_its_own_helplines() {
    let h = Harness::sqlite().await;
    for n in Nation::ALL {
        let card = pocket_card(*n).expect("a card");
        let page = h.get(&format!("/training/cards/{n}"), None).await;
        assert_eq!(page.status, StatusCode::OK, "{n}");
        assert!(page.body.contains("<h1>"), "{n}");
        for id in &card.helplines {
            let number = &jurisdiction(*n).helpline(id).expect("helpline").number;
            let digits: String = number.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                page.body.contains(&format!("href=\"tel:{digits}\"")),
                "{n}: {number} is not a link to dial"
            );
        }
        let pdf = h.get(&format!("/training/cards/{n}.pdf"), None).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(
            pdf.header("content-type").as_deref(),
            Some("application/pdf")
        );
        assert!(pdf.body.starts_with("%PDF-"), "{n}");
        // The content streams are not compressed: the card's words are in the file.
        assert!(
            pdf.body.contains("999"),
            "{n}: the emergency number is on the card"
        );
        // The pocket card is one printed page (it ran onto a second one before).
        assert!(
            pdf.body.contains("(Page 1 of 1)"),
            "{n}: more than one page"
        );
        for id in &card.helplines {
            let number = &jurisdiction(*n).helpline(id).expect("helpline").number;
            assert!(
                pdf.body.contains(number.as_str()),
                "{n}: {number} is not on the card"
            );
        }
    }
}

#[tokio::test]
async fn a_screenings_outcome_links_to_the_nations_module_on_the_signs() {
    let h = Harness::sqlite().await;
    for n in Nation::ALL {
        let c = course_for(*n).expect("course");
        let signs = c.signs_module().expect("a module on the signs");
        let r = h
            .post_form(
                "/en/screening",
                &[
                    ("immediate_danger", "no"),
                    ("age", "adult"),
                    ("nation", n.as_str()),
                    ("indicators", "deception"),
                ],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body
                .contains(&format!("href=\"/training/{}/{}\"", c.id, signs.id)),
            "{n}: {}",
            r.body
        );
    }
}

/// A helper marks a module as read, fails the quiz and sees why each wrong answer is wrong, then passes;
/// the course page keeps both attempts. Someone not signed in reads the quiz but cannot send it.
#[tokio::test]
async fn a_helper_fails_the_quiz_sees_the_explanations_then_passes() {
    for h in Harness::both().await {
        let c = course_for(Nation::EnglandWales).expect("course");
        let anon = h.get(&format!("/training/{}/quiz", c.id), None).await;
        assert_eq!(anon.status, StatusCode::OK);
        assert!(anon.body.contains("Sign in</a> with a helper account"));
        assert!(!anon.body.contains("Send my answers"));

        let helper = h.login("helper@church.example").await;
        let module = &c.modules[0];
        let page = h
            .get(&format!("/training/{}/{}", c.id, module.id), Some(&helper))
            .await;
        let csrf = crate::support::csrf_of(&page.body);
        let r = h
            .post_form(
                &format!("/training/{}/{}/read", c.id, module.id),
                &[("csrf", &csrf)],
                Some(&helper),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = h
            .get(&format!("/training/{}/{}", c.id, module.id), Some(&helper))
            .await;
        assert!(page.body.contains("You marked this module as read"));

        let form = h
            .get(&format!("/training/{}/quiz", c.id), Some(&helper))
            .await;
        assert!(form.body.contains("Send my answers"));
        let csrf = crate::support::csrf_of(&form.body);
        // Everything right but the first two questions.
        let answers: Vec<(String, String)> = c
            .questions()
            .enumerate()
            .map(|(i, q)| {
                let right = q.correct().expect("one");
                let pick = if i < 2 {
                    (right + 1) % q.answers.len()
                } else {
                    right
                };
                (format!("q-{}", q.id), pick.to_string())
            })
            .collect();
        let total = answers.len();
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        fields.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let first = c.questions().next().expect("a question");
        let marked = h
            .post_form(&format!("/training/{}/quiz", c.id), &fields, Some(&helper))
            .await;
        assert_eq!(marked.status, StatusCode::OK, "{}", marked.body);
        let right = total - 2;
        let percent = right * 100 / total;
        let verdict = if percent >= usize::from(c.pass_mark) {
            "You passed"
        } else {
            "Not passed yet"
        };
        assert!(marked.body.contains(verdict), "{}", marked.body);
        assert!(
            marked
                .body
                .contains(&format!("{right} of {total} right ({percent}%)")),
            "{}",
            marked.body
        );
        // The wrong answer is named, with the right one and the explanation.
        let wrong =
            crate::support::between(&marked.body, &format!("id=\"q-{}\"", first.id), "</li>")
                .expect("the first question");
        assert!(wrong.contains("Not right."), "{wrong}");
        let correct = &first.answers[first.correct().expect("one")].text;
        assert!(
            wrong.contains(&correct.replace('\'', "&#x27;").replace('"', "&quot;"))
                || wrong.contains(correct.as_str()),
            "{wrong}"
        );

        // Nothing answered: not passed, every question explained.
        let none = h
            .post_form(
                &format!("/training/{}/quiz", c.id),
                &[("csrf", &csrf)],
                Some(&helper),
            )
            .await;
        assert!(none.body.contains("Not passed yet: 0 of"), "{}", none.body);
        assert_eq!(none.body.matches("Not answered.").count(), total);

        let course = h.get(&format!("/training/{}", c.id), Some(&helper)).await;
        assert!(course.body.contains("Your attempts"));
        assert!(course.body.contains("not passed"));
        assert!(course.body.contains("<strong>Read</strong>"));
        // A quiz cannot be sent without signing in.
        let r = h
            .post_form(&format!("/training/{}/quiz", c.id), &[], None)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(
            r.header("location")
                .is_some_and(|l| l.starts_with("/login")),
            "to the sign-in page"
        );
    }
}

/// The API: courses are public and never say which answer is right; an attempt needs a token, is marked
/// with the explanation of every question, and shows in the caller's progress.
#[tokio::test]
async fn the_api_serves_courses_without_answers_and_marks_attempts() {
    for h in Harness::both().await {
        let list = h
            .api_public("GET", "/api/v1/training/courses", serde_json::Value::Null)
            .await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.json()["courses"].as_array().map(Vec::len), Some(3));
        let c = course_for(Nation::Scotland).expect("course");
        let one = h
            .api_public(
                "GET",
                &format!("/api/v1/training/courses/{}", c.id),
                serde_json::Value::Null,
            )
            .await;
        assert_eq!(one.status, StatusCode::OK);
        assert!(
            !one.body.contains("\"correct\""),
            "no right answers in the course"
        );
        assert!(
            !one.body
                .contains(&c.questions().next().expect("q").explanation)
        );
        let answers: serde_json::Map<String, serde_json::Value> = c
            .questions()
            .map(|q| (q.id.clone(), q.correct().expect("one").into()))
            .collect();
        let path = format!("/api/v1/training/courses/{}/attempts", c.id);
        let anon = h
            .api_public("POST", &path, serde_json::json!({"answers": answers}))
            .await;
        assert_eq!(anon.status, StatusCode::UNAUTHORIZED, "{}", anon.body);
        let r = h
            .api(
                "POST",
                &path,
                &h.tokens.helper,
                Some(serde_json::json!({"answers": answers})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let v = r.json();
        assert_eq!(v["passed"], true);
        assert_eq!(v["percent"], 100);
        assert_eq!(
            v["marked"].as_array().map(Vec::len),
            Some(c.questions().count())
        );
        assert!(
            v["marked"][0]["explanation"]
                .as_str()
                .is_some_and(|e| !e.is_empty())
        );
        let p = h
            .api(
                "GET",
                &format!("/api/v1/training/courses/{}/progress", c.id),
                &h.tokens.helper,
                None,
            )
            .await
            .json();
        assert_eq!(p["passed"], true);
        assert_eq!(p["attempts"].as_array().map(Vec::len), Some(1));
        let bad = h
            .api(
                "POST",
                "/api/v1/training/courses/atlantis/attempts",
                &h.tokens.helper,
                Some(serde_json::json!({"answers": {}})),
            )
            .await;
        assert_eq!(bad.status, StatusCode::NOT_FOUND);
    }
}

/// Answers every question of a course right through the API as the helper; the certificate's code.
async fn pass(h: &Harness, course: &str) -> String {
    let c = waymark_domain::training::course(course).expect("course");
    let answers: serde_json::Map<String, serde_json::Value> = c
        .questions()
        .map(|q| (q.id.clone(), q.correct().expect("one").into()))
        .collect();
    let r = h
        .api(
            "POST",
            &format!("/api/v1/training/courses/{course}/attempts"),
            &h.tokens.helper,
            Some(serde_json::json!({"answers": answers})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["certificate"]
        .as_str()
        .expect("a pass issues a certificate")
        .to_owned()
}

/// A pass issues a certificate: its page and PDF for the holder only, and a public check by code that
/// shows only the holder's name, the course and the dates — `valid: false` once expired, 404 for a code
/// never issued or altered.
#[tokio::test]
async fn a_pass_gives_a_certificate_anyone_can_check_by_its_code_until_it_expires() {
    for h in Harness::both().await {
        let code = pass(&h, "england-and-wales").await;
        assert!(code.starts_with("WM-"), "{code}");
        let helper = h.login("helper@church.example").await;
        let page = h
            .get(&format!("/training/certificates/{code}"), Some(&helper))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body
                .contains(&format!("id=\"certificate-code\">{code}<"))
        );
        let pdf = h
            .get(&format!("/training/certificates/{code}.pdf"), Some(&helper))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.body.starts_with("%PDF-"));
        assert!(pdf.body.contains(&code), "the code is printed on the PDF");
        // Only the holder opens it.
        let other = h.login("caseworker@harbour.example").await;
        for path in [
            format!("/training/certificates/{code}"),
            format!("/training/certificates/{code}.pdf"),
        ] {
            assert_eq!(
                h.get(&path, Some(&other)).await.status,
                StatusCode::NOT_FOUND
            );
        }

        // Anyone checks the code, typed loosely.
        let loose = code.to_lowercase().replace('-', "");
        let v = h
            .get(&format!("/certificates/verify?code={loose}"), None)
            .await;
        assert!(v.body.contains("This certificate is valid"), "{}", v.body);
        assert!(!v.body.contains("church.example"));
        let api = h
            .api_public(
                "GET",
                &format!("/api/v1/certificates/{code}"),
                serde_json::Value::Null,
            )
            .await;
        assert_eq!(api.status, StatusCode::OK);
        let j = api.json();
        assert_eq!(j["valid"], true);
        assert!(j["holder"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(
            j["course"]
                .as_str()
                .is_some_and(|c| c.contains("England and Wales"))
        );
        assert!(j["issued_on"].is_string() && j["expires_on"].is_string());
        let keys: Vec<&String> = j.as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), 5, "nothing else is shown: {keys:?}");

        // An altered code, and one never issued: 404 and "no certificate".
        let last = code.chars().last().expect("a last character");
        let altered = format!(
            "{}{}",
            &code[..code.len() - 1],
            if last == 'A' { 'B' } else { 'A' }
        );
        for bad in [altered.as_str(), "WM-0000-0000-0000-0000", "not-a-code"] {
            let r = h
                .api_public(
                    "GET",
                    &format!("/api/v1/certificates/{bad}"),
                    serde_json::Value::Null,
                )
                .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
            let page = h
                .get(&format!("/certificates/verify?code={bad}"), None)
                .await;
            assert!(page.body.contains("No certificate has this code"), "{bad}");
        }

        // Two years and a day later it has expired.
        h.app.clock().advance(time::Duration::days(2 * 366 + 1));
        let j = h
            .api_public(
                "GET",
                &format!("/api/v1/certificates/{code}"),
                serde_json::Value::Null,
            )
            .await
            .json();
        assert_eq!(j["valid"], false);
        assert_eq!(j["reason"], "expired");
    }
}

/// An organisation that requires training refuses a referral from an untrained helper, saying what to
/// do; once the helper holds a valid certificate the same referral goes.
#[tokio::test]
async fn an_organisation_that_requires_training_refuses_an_untrained_helper_with_a_clear_message() {
    for h in Harness::both().await {
        let harbour = waymark_domain::OrgId::parse(&h.harbour).expect("id");
        h.app
            .set_requires_training(&harbour, true)
            .await
            .expect("set");
        let r = h
            .api(
                "POST",
                "/api/v1/referrals",
                &h.tokens.helper,
                Some(h.referral_body("adult", true)),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains("valid Waymark training certificate"),
            "{}",
            r.body
        );
        assert!(r.body.contains("Training"), "{}", r.body);
        pass(&h, "england-and-wales").await;
        h.api_referral("adult", true).await;
        // Not required: anyone may refer again.
        h.app
            .set_requires_training(&harbour, false)
            .await
            .expect("unset");
    }
}

/// A manager sees their organisation's trained staff, the referral counts, and revokes a certificate
/// with a reason (refused without one, the page again); the public check then says it was revoked.
/// A helper cannot open the page.
#[tokio::test]
async fn a_manager_sees_trained_helpers_and_revokes_a_certificate_with_a_reason() {
    for h in Harness::both().await {
        let c = course_for(Nation::EnglandWales).expect("course");
        let answers: serde_json::Map<String, serde_json::Value> = c
            .questions()
            .map(|q| (q.id.clone(), q.correct().expect("one").into()))
            .collect();
        let r = h
            .api(
                "POST",
                &format!("/api/v1/training/courses/{}/attempts", c.id),
                &h.tokens.harbour_worker,
                Some(serde_json::json!({"answers": answers})),
            )
            .await;
        let code = r.json()["certificate"].as_str().expect("code").to_owned();
        let manager = h.login("manager@harbour.example").await;
        let page = h.get("/training/helpers", Some(&manager)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains(&code), "{}", page.body);
        assert!(page.body.contains("id=\"trained-referrals\">0<"));
        // By organisation and area: Harbour Light works in Leeds.
        assert!(
            page.body.contains("<td>Leeds</td><td>1</td>"),
            "{}",
            page.body
        );
        let csrf = crate::support::csrf_of(&page.body);
        let action = format!("/training/helpers/{code}/revoke");
        let r = h
            .post_form(&action, &[("csrf", &csrf), ("reason", "")], Some(&manager))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains(&format!("href=\"#reason-{code}\"")),
            "{}",
            r.body
        );
        let r = h
            .post_form(
                &action,
                &[("csrf", &csrf), ("reason", "Left the organisation")],
                Some(&manager),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let j = h
            .api_public(
                "GET",
                &format!("/api/v1/certificates/{code}"),
                serde_json::Value::Null,
            )
            .await
            .json();
        assert_eq!(j["valid"], false);
        assert_eq!(j["reason"], "revoked");
        assert!(
            !j.to_string().contains("Left the organisation"),
            "the reason is not public"
        );
        let helper = h.login("helper@church.example").await;
        assert_eq!(
            h.get("/training/helpers", Some(&helper)).await.status,
            StatusCode::FORBIDDEN
        );
    }
}
