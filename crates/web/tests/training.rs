//! Training for community helpers, read without an account: the courses of each nation, their modules
//! rendered from the content (questions and all), the pocket cards as a page and a PDF, and the link from
//! a screening's outcome to the nation's module on the signs.

#[allow(dead_code)] // the harness serves several test binaries; this one uses part of it
mod support;

use axum::http::StatusCode;
use support::Harness;
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
