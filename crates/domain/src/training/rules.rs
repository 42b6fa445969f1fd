//! The content rules: what [`problems`] checks in every course and pocket card (one correct answer and an
//! explanation per question, ids from the vocabulary, helpline numbers exactly as in the nation's
//! jurisdiction file, "victim" only where a law module quotes the law, …).

use super::*;

const MODULE_FILES: [&str; 5] = [
    "01-the-law",
    "02-the-signs",
    "03-support",
    "04-routes-in",
    "05-looking-after-yourself",
];

fn words(markdown: &str) -> usize {
    markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Every `[text](tel:digits)` link in a Markdown body: (text, digits).
fn phone_links(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("](tel:") {
        let text = rest[..at].rsplit('[').next().unwrap_or_default().to_owned();
        let after = &rest[at + 6..];
        let end = after.find(')').unwrap_or(after.len());
        out.push((text, after[..end].to_owned()));
        rest = &after[end..];
    }
    out
}

/// Runs of 5 or more digits (spaces inside allowed) that are not inside a `tel:` link: a phone number
/// written as plain text.
fn bare_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let digits = current.chars().filter(char::is_ascii_digit).count();
        if digits >= 5 {
            out.push(current.trim().to_owned());
        }
        current.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || (c == ' ' && !current.is_empty()) {
            current.push(c);
        } else {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn victim_only_quoting_the_law(text: &str, where_: &str, law_module: bool, out: &mut Vec<String>) {
    // Sentences run over several lines of Markdown: join them first.
    let text = text.replace('\n', " ");
    for sentence in text.split('.') {
        let lower = sentence.to_lowercase();
        if !lower.contains("victim") {
            continue;
        }
        let quotes_law = law_module
            && (lower.contains("the law calls")
                || lower.contains("the law says")
                || sentence.contains("Act"));
        if !quotes_law {
            out.push(format!(
                "{where_}: \"victim\" outside a quotation of the law: {}",
                sentence.trim()
            ));
        }
    }
}

fn check_numbers(
    text: &str,
    where_: &str,
    nation: Nation,
    others: &BTreeSet<String>,
    out: &mut Vec<String>,
) {
    let own: BTreeSet<String> = jurisdiction(nation)
        .helplines
        .iter()
        .map(|h| h.number.clone())
        .collect();
    for (shown, digits) in phone_links(text) {
        if !own.contains(&shown) {
            out.push(format!(
                "{where_}: the number {shown:?} is not a helpline of {nation} as written in content/jurisdictions"
            ));
        }
        if shown
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            != digits
        {
            out.push(format!(
                "{where_}: the link to {shown:?} dials tel:{digits}, not the same digits"
            ));
        }
    }
    let without_links: String = {
        let mut s = text.to_owned();
        for (shown, digits) in phone_links(text) {
            s = s.replace(&format!("[{shown}](tel:{digits})"), "");
        }
        s
    };
    for n in bare_numbers(&without_links) {
        if others.contains(&n) {
            out.push(format!("{where_}: {n} is another nation's helpline number"));
        }
    }
}

/// Everything wrong with the training content, in words (empty when all is well). The content test
/// asserts this is empty; see `content/training/README.md` for the rules.
pub fn problems() -> Vec<String> {
    let (courses, cards, errors) = parsed();
    let mut out = errors.clone();
    let all_numbers: BTreeMap<Nation, BTreeSet<String>> = Nation::ALL
        .iter()
        .map(|n| {
            (
                *n,
                jurisdiction(*n)
                    .helplines
                    .iter()
                    .map(|h| h.number.clone())
                    .collect(),
            )
        })
        .collect();
    let others = |nation: Nation| -> BTreeSet<String> {
        let own = &all_numbers[&nation];
        all_numbers
            .iter()
            .filter(|(n, _)| **n != nation)
            .flat_map(|(_, v)| v.iter().cloned())
            .filter(|number| !own.contains(number))
            .collect()
    };
    for n in Nation::ALL {
        if !courses.iter().any(|c| c.nation == *n) {
            out.push(format!("no course for {n}"));
        }
        if !cards.iter().any(|c| c.nation == *n) {
            out.push(format!("no pocket card for {n}"));
        }
    }
    for c in courses {
        if !(1..=100).contains(&c.pass_mark) {
            out.push(format!("{}: pass_mark must be 1 to 100", c.id));
        }
        if c.valid_for_months == 0 {
            out.push(format!("{}: valid_for_months must be at least 1", c.id));
        }
        let ids: Vec<&str> = c.modules.iter().map(|m| m.id.as_str()).collect();
        if ids != MODULE_FILES {
            out.push(format!(
                "{}: modules must be {MODULE_FILES:?}, not {ids:?}",
                c.id
            ));
        }
        if let (Some(on), Some(due)) = (c.reviewed_on, c.review_due)
            && (due <= on || (due - on).whole_days() > 366)
        {
            out.push(format!(
                "{}: review_due must be within 12 months of reviewed_on",
                c.id
            ));
        }
        let others = others(c.nation);
        let mut question_ids = BTreeSet::new();
        for (i, m) in c.modules.iter().enumerate() {
            let at = format!("{}/{}.md", c.id, m.id);
            if usize::try_from(m.order).ok() != Some(i + 1) {
                out.push(format!(
                    "{at}: order {} but it is module {}",
                    m.order,
                    i + 1
                ));
            }
            if !(3..=5).contains(&m.questions.len()) {
                out.push(format!("{at}: {} questions (3 to 5)", m.questions.len()));
            }
            for id in &m.indicators {
                if Indicator::parse(id).is_err() {
                    out.push(format!("{at}: indicator {id:?} is not in the vocabulary"));
                }
            }
            for id in &m.exploitation_types {
                if ExploitationType::parse(id).is_err() {
                    out.push(format!(
                        "{at}: exploitation type {id:?} is not in the vocabulary"
                    ));
                }
            }
            let j = jurisdiction(c.nation);
            for id in &m.helplines {
                match j.helpline(id) {
                    None => out.push(format!(
                        "{at}: helpline {id:?} is not in {}'s file",
                        c.nation
                    )),
                    Some(h) => {
                        if !m.body.contains(&format!("[{}](tel:", h.number)) {
                            out.push(format!(
                                "{at}: lists helpline {id:?} but the body has no link to {}",
                                h.number
                            ));
                        }
                    }
                }
            }
            let n = words(&m.body);
            if !(400..=900).contains(&n) {
                out.push(format!("{at}: {n} words (400 to 900)"));
            }
            for line in m.body.lines() {
                if line.starts_with("# ") || line.starts_with("#### ") {
                    out.push(format!("{at}: only ## and ### headings: {line}"));
                }
            }
            check_numbers(&m.body, &at, c.nation, &others, &mut out);
            let law = m.id == "01-the-law";
            victim_only_quoting_the_law(&m.body, &at, law, &mut out);
            for q in &m.questions {
                let where_ = format!("{at} question {}", q.id);
                if !question_ids.insert(q.id.clone()) {
                    out.push(format!("{where_}: the id is used twice in the course"));
                }
                if q.text.trim().is_empty() || q.explanation.trim().is_empty() {
                    out.push(format!("{where_}: needs a text and an explanation"));
                }
                if !(2..=4).contains(&q.answers.len()) {
                    out.push(format!("{where_}: {} answers (2 to 4)", q.answers.len()));
                }
                let correct = q.answers.iter().filter(|a| a.correct).count();
                if correct != 1 {
                    out.push(format!("{where_}: {correct} correct answers (exactly 1)"));
                }
                let mut all = format!("{}\n{}", q.text, q.explanation);
                for a in &q.answers {
                    if a.text.trim().is_empty() {
                        out.push(format!("{where_}: an empty answer"));
                    }
                    all.push('\n');
                    all.push_str(&a.text);
                }
                check_numbers(&all, &where_, c.nation, &others, &mut out);
                victim_only_quoting_the_law(&all, &where_, law, &mut out);
            }
        }
    }
    for card in cards {
        let at = format!("pocket-cards/{}.md", card.nation);
        let n = words(&card.body);
        if n > 350 {
            out.push(format!("{at}: {n} words (at most 350)"));
        }
        for id in &card.indicators {
            if Indicator::parse(id).is_err() {
                out.push(format!("{at}: indicator {id:?} is not in the vocabulary"));
            }
        }
        let j = jurisdiction(card.nation);
        for id in &card.helplines {
            match j.helpline(id) {
                None => out.push(format!(
                    "{at}: helpline {id:?} is not in {}'s file",
                    card.nation
                )),
                Some(h) if !card.body.contains(&format!("[{}](tel:", h.number)) => {
                    out.push(format!(
                        "{at}: lists helpline {id:?} but has no link to {}",
                        h.number
                    ));
                }
                Some(_) => {}
            }
        }
        check_numbers(&card.body, &at, card.nation, &others(card.nation), &mut out);
        if card.body.to_lowercase().contains("victim") {
            out.push(format!("{at}: \"victim\" on a card"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_training_content_keeps_every_rule() {
        let problems = problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert_eq!(courses().count(), 3);
        for n in Nation::ALL {
            let c = course_for(*n).expect("a course per nation");
            assert_eq!(c.modules.len(), 5);
            assert!(c.questions().count() >= 15);
            assert!(pocket_card(*n).is_some());
        }
    }

    #[test]
    fn the_checks_catch_what_they_are_for() {
        // A number that is not the nation's, a link that dials other digits, another nation's number.
        let mut out = Vec::new();
        check_numbers(
            "Call [0800 000 0000](tel:08000000001) or 08000 121 700.",
            "test",
            Nation::Scotland,
            &BTreeSet::from(["08000 121 700".to_owned()]),
            &mut out,
        );
        assert_eq!(out.len(), 3, "{out:?}");
        let mut out = Vec::new();
        victim_only_quoting_the_law("A victim of crime.", "test", false, &mut out);
        victim_only_quoting_the_law("The law calls this person a victim.", "t", true, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(
            bare_numbers("ring 0800 40 50 40 now, or 999"),
            vec!["0800 40 50 40"]
        );
        assert_eq!(
            phone_links("a [999](tel:999) b [0800 1](tel:08001)"),
            vec![
                ("999".into(), "999".into()),
                ("0800 1".into(), "08001".into())
            ]
        );
    }
}
