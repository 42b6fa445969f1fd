//! What the OpenAPI document states beyond what utoipa derives from the types, in one place so that it
//! cannot drift from the code that enforces it:
//! - the error answers every operation can give, as `application/problem+json` ([`problems`]): 401 with
//!   `WWW-Authenticate: Bearer` on every secured operation, 400, 413 and 422 on every operation with a
//!   body, 405 everywhere; the handlers' own attributes list only the answers particular to them
//!   (`body = Problem`), and this moves them to `application/problem+json`;
//! - every closed vocabulary as an `enum`, generated from the domain's own list (`ALL`);
//! - the limits the domain enforces on text, dates, ids and numbers.
//!
//! A test ([`unmatched`]) fails when an entry here names a schema, property or parameter the document
//! does not have, so renaming a field cannot silently drop its constraint.

use serde_json::{Value, json};
use waymark_domain::area::Area;
use waymark_domain::case::CaseStatus;
use waymark_domain::case_record::{
    DocumentKind, ExploitationPlace, NeedUrgency, PlanStatus, RiskLevel,
};
use waymark_domain::consent::{ConsentMethod, ConsentScope};
use waymark_domain::decision_letter::NoticeKind;
use waymark_domain::erasure::Trigger;
use waymark_domain::formal::{Closure, FormalStatus, Outcome, RequestKind};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::{
    AgeBand, ExploitationType, FirstContact, Indicator, Nation, Need, ScreeningOutcome,
};

/// Every id of a vocabulary, in its order.
fn ids<T: Copy + Into<&'static str>>(all: &[T]) -> Value {
    Value::Array(all.iter().map(|v| Value::from((*v).into())).collect())
}

fn one_of<T: Copy + Into<&'static str>>(all: &[T]) -> Value {
    json!({ "enum": ids(all) })
}

fn each_of<T: Copy + Into<&'static str>>(all: &[T], at_least: usize) -> Value {
    let mut v = json!({ "items": { "type": "string", "enum": ids(all) } });
    if at_least > 0 {
        v["minItems"] = json!(at_least);
    }
    v
}

/// No control characters (Unicode category Cc), which the domain refuses in every text field.
const LINE: &str = "\\u0000-\\u001F\\u007F-\\u009F";
/// The same, allowing tab, line feed and carriage return, for text of several lines.
const LINES: &str = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";

/// Required text: after trimming, 1 to `max` characters; `multiline` allows tabs and new lines.
fn text(max: usize, multiline: bool) -> Value {
    let bad = if multiline { LINES } else { LINE };
    json!({
        "minLength": 1,
        "maxLength": max,
        "pattern": format!("^[^{bad}]*[^\\s{bad}][^{bad}]*$"),
    })
}

/// Optional text: empty, or at most `max` characters without control characters.
fn optional_text(max: usize, multiline: bool) -> Value {
    let bad = if multiline { LINES } else { LINE };
    json!({ "maxLength": max, "pattern": format!("^[^{bad}]*$") })
}

/// An id: 1 to 64 ASCII letters, digits and `-` (`waymark_domain::ids`).
fn id() -> Value {
    json!({ "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9-]{1,64}$" })
}

fn date() -> Value {
    json!({ "format": "date" })
}

/// A date, or nothing (an empty string).
fn optional_date() -> Value {
    json!({ "anyOf": [{ "format": "date" }, { "maxLength": 0 }] })
}

/// An area as answered: the ONS code of one of the local authority areas (`waymark_domain::area`).
fn area_code() -> Value {
    json!({
        "pattern": "^[ENSW][0-9]{8}$",
        "enum": Area::all().map(Area::code).collect::<Vec<_>>(),
    })
}

/// An area as given: its code or its exact name, in any case, with spaces around it allowed; blank
/// for "not recorded". What is not in the list is refused (a 422 the operation's state rules name).
fn area_given() -> Value {
    json!({ "maxLength": 200 })
}

/// Constraints on properties of request and response schemas: (schema, property, what to merge in).
fn properties() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        // Screening and referral.
        ("ScreeningRequest", "age", one_of(AgeBand::ALL)),
        ("ScreeningRequest", "nation", one_of(Nation::ALL)),
        ("ScreeningRequest", "indicators", each_of(Indicator::ALL, 0)),
        ("ReferralRequest", "to_organisation", id()),
        ("ReferralRequest", "age", one_of(AgeBand::ALL)),
        ("ReferralRequest", "nation", one_of(Nation::ALL)),
        ("ReferralRequest", "needs", each_of(Need::ALL, 0)),
        ("ReferralRequest", "indicators", each_of(Indicator::ALL, 0)),
        (
            "ReferralRequest",
            "first_contact",
            one_of(FirstContact::ALL),
        ),
        ("DeclineRequest", "reason", text(500, true)),
        // Case record.
        ("NeedRequest", "need", one_of(Need::ALL)),
        ("NeedRequest", "urgency", one_of(NeedUrgency::ALL)),
        ("NeedsRequest", "needs", json!({ "minItems": 1 })),
        ("NeedsRequest", "note", optional_text(4000, true)),
        ("PersonRequest", "name", optional_text(200, false)),
        (
            "PersonRequest",
            "aliases",
            // At most 10 that are not blank: blank ones are dropped, so no `maxItems`.
            json!({ "items": optional_text(200, false) }),
        ),
        ("PersonRequest", "date_of_birth", optional_date()),
        (
            "PersonRequest",
            "age",
            json!({ "minimum": 0, "maximum": 120 }),
        ),
        ("PersonRequest", "nationality", optional_text(100, false)),
        ("PersonRequest", "languages", optional_text(200, false)),
        ("PersonRequest", "safe_contact", optional_text(500, true)),
        ("PersonRequest", "never_write_to", optional_text(2000, true)),
        ("PlanActionRequest", "title", text(200, false)),
        ("PlanActionRequest", "owner", id()),
        ("PlanActionRequest", "due_on", date()),
        ("NoteRequest", "body", text(10_000, true)),
        (
            "HistoryRequest",
            "exploitation_type",
            one_of(ExploitationType::ALL),
        ),
        ("HistoryRequest", "place", one_of(ExploitationPlace::ALL)),
        ("HistoryRequest", "from", optional_date()),
        ("HistoryRequest", "to", optional_date()),
        ("HistoryRequest", "note", optional_text(4000, true)),
        ("RiskRequest", "level", one_of(RiskLevel::ALL)),
        ("RiskRequest", "reasons", optional_text(4000, true)),
        ("AssignRequest", "user_id", id()),
        ("BreakGlassRequest", "reason", text(500, false)),
        ("SearchRequest", "reference", text(64, false)),
        ("SearchRequest", "name", text(200, false)),
        ("SearchRequest", "date_of_birth", date()),
        // A person's own request and their channel.
        ("SelfReferralRequest", "to_organisation", id()),
        ("SelfReferralRequest", "nation", one_of(Nation::ALL)),
        (
            "InboxRequest",
            "language",
            json!({ "enum": crate::i18n::LANGUAGES.iter().map(|l| Value::from(*l)).chain([Value::Null]).collect::<Vec<_>>() }),
        ),
        ("SelfReferralRequest", "needs", each_of(Need::ALL, 1)),
        ("SelfReferralRequest", "urgency", one_of(Urgency::ALL)),
        ("SelfReferralRequest", "age", one_of(AgeBand::ALL)),
        (
            "SelfReferralRequest",
            "codename_form",
            json!({ "enum": ["words", "digits"] }),
        ),
        ("ChannelSendRequest", "body", text(4000, true)),
        ("ReplyRequest", "body", text(4000, true)),
        // Closing.
        ("CloseRequest", "move_on_plan", text(10_000, true)),
        (
            "RetentionBody",
            "days",
            json!({ "minimum": 30, "maximum": 9125 }),
        ),
        // Consent and onward referral.
        ("ConsentRequest", "scope", each_of(ConsentScope::ALL, 1)),
        ("ConsentRequest", "recipient", id()),
        ("ConsentRequest", "purpose", text(500, false)),
        ("ConsentRequest", "given_on", date()),
        ("ConsentRequest", "method", one_of(ConsentMethod::ALL)),
        ("OnwardRequest", "to_organisation", id()),
        ("OnwardRequest", "consent_id", id()),
        // Formal referral and decisions.
        ("FormalReferralRequest", "decision_body", id()),
        ("FormalReferralRequest", "consent_id", id()),
        ("DecisionRequest", "outcome", one_of(Outcome::ALL)),
        ("DecisionRequest", "reasons", text(5000, true)),
        ("ClosureRequest", "state", one_of(Closure::ALL)),
        ("InformationRequest", "question", text(5000, true)),
        ("InformationRequest", "reply_by", date()),
        ("ReconsiderationRequest", "reasons", text(5000, true)),
        ("AnswerRequest", "answer", text(5000, true)),
        // Anonymous notifications.
        ("NotificationRequest", "age", one_of(AgeBand::ALL)),
        ("NotificationRequest", "nation", one_of(Nation::ALL)),
        (
            "NotificationRequest",
            "exploitation_types",
            each_of(ExploitationType::ALL, 1),
        ),
        (
            "NotificationRequest",
            "indicators",
            each_of(Indicator::ALL, 1),
        ),
        (
            "NotificationRequest",
            "encountered_in",
            json!({ "pattern": "^\\s*([0-9]{4}-(0[1-9]|1[0-2]))?\\s*$" }),
        ),
        ("ReferralRequest", "area", area_given()),
        ("SelfReferralRequest", "area", area_given()),
        ("NotificationRequest", "area", area_given()),
        // What the API answers.
        ("InboxEntry", "area", area_code()),
        ("ReferralBody", "area", area_code()),
        ("NotificationBody", "area", area_code()),
        ("AreaBody", "code", area_code()),
        ("AreaBody", "nation", one_of(Nation::ALL)),
        ("InboxEntry", "age", one_of(AgeBand::ALL)),
        ("InboxEntry", "nation", one_of(Nation::ALL)),
        ("InboxEntry", "needs", each_of(Need::ALL, 0)),
        ("InboxEntry", "urgency", one_of(Urgency::ALL)),
        ("ReferralBody", "age", one_of(AgeBand::ALL)),
        ("ReferralBody", "nation", one_of(Nation::ALL)),
        ("ReferralBody", "needs", each_of(Need::ALL, 0)),
        ("ReferralBody", "indicators", each_of(Indicator::ALL, 0)),
        ("ReferralBody", "first_contact", one_of(FirstContact::ALL)),
        ("ReferralBody", "urgency", one_of(Urgency::ALL)),
        (
            "ReferralBody",
            "shared_under_consent",
            each_of(ConsentScope::ALL, 0),
        ),
        ("InboxEntry", "status", one_of(ReferralStatus::ALL)),
        ("ReferralBody", "status", one_of(ReferralStatus::ALL)),
        ("OnwardBody", "status", one_of(ReferralStatus::ALL)),
        ("OnwardBody", "scope", each_of(ConsentScope::ALL, 0)),
        ("OnwardCreated", "scope", each_of(ConsentScope::ALL, 0)),
        (
            "ScreeningResponse",
            "outcome",
            one_of(ScreeningOutcome::ALL),
        ),
        ("CaseBody", "status", one_of(CaseStatus::ALL)),
        ("CaseSummaryBody", "status", one_of(CaseStatus::ALL)),
        ("CaseMatchBody", "status", one_of(CaseStatus::ALL)),
        ("NeedBody", "need", one_of(Need::ALL)),
        ("NeedBody", "urgency", one_of(NeedUrgency::ALL)),
        (
            "HistoryBody",
            "exploitation_type",
            one_of(ExploitationType::ALL),
        ),
        ("HistoryBody", "place", one_of(ExploitationPlace::ALL)),
        ("RiskBody", "level", one_of(RiskLevel::ALL)),
        ("PlanActionBody", "status", one_of(PlanStatus::ALL)),
        ("DocumentBody", "type", one_of(DocumentKind::ALL)),
        ("DocumentCreated", "type", one_of(DocumentKind::ALL)),
        ("CaseConsentBody", "method", one_of(ConsentMethod::ALL)),
        ("CaseConsentBody", "scope", each_of(ConsentScope::ALL, 0)),
        ("OpenReferralBody", "urgency", one_of(Urgency::ALL)),
        ("FormalReferralBody", "status", one_of(FormalStatus::ALL)),
        ("FormalReferralBody", "erased", one_of(Trigger::ALL)),
        ("QueueEntry", "status", one_of(FormalStatus::ALL)),
        ("QueueEntry", "nation", one_of(Nation::ALL)),
        ("BacklogLineBody", "status", one_of(FormalStatus::ALL)),
        ("FormalRequestBody", "kind", one_of(RequestKind::ALL)),
        ("NoticeBody", "kind", one_of(NoticeKind::ALL)),
        (
            "DecisionHistoryBody",
            "exploitation_type",
            one_of(ExploitationType::ALL),
        ),
        (
            "DecisionHistoryBody",
            "place",
            one_of(ExploitationPlace::ALL),
        ),
        ("DecisionPersonBody", "nation", one_of(Nation::ALL)),
        ("NotificationBody", "age", one_of(AgeBand::ALL)),
        ("NotificationBody", "nation", one_of(Nation::ALL)),
        (
            "NotificationBody",
            "exploitation_types",
            each_of(ExploitationType::ALL, 0),
        ),
        ("NotificationBody", "indicators", each_of(Indicator::ALL, 0)),
        (
            "OutcomeBody",
            "exploitation_type",
            one_of(ExploitationType::ALL),
        ),
        ("TargetBody", "nation", one_of(Nation::ALL)),
        ("CourseSummary", "nation", one_of(Nation::ALL)),
    ]
}

/// Constraints on parameters: (path, parameter, what to merge into its schema).
fn parameters() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("/cases", "status", one_of(CaseStatus::ALL)),
        ("/areas", "nation", one_of(Nation::ALL)),
        (
            "/jurisdictions/{nation}/clock",
            "nation",
            one_of(Nation::ALL),
        ),
        ("/jurisdictions/{nation}/clock", "referred_on", date()),
        (
            "/jurisdictions/{nation}/clock",
            "reasonable_grounds_on",
            date(),
        ),
    ]
}

/// Operations that can refuse a well-formed request because of what is stored, of a rule across
/// fields, or of today's date — what a static schema cannot state. The document says so on the
/// operation (`x-state-rules`: the statuses such a refusal has, and the sentence on its response), so
/// a contract test knows that these statuses answer valid input here.
fn state_rules() -> Vec<(&'static str, &'static [u16], &'static str)> {
    vec![
        (
            "GET /jurisdictions/{nation}/clock",
            &[422],
            "The dates must be in order and within the years the bank holidays are known for.",
        ),
        (
            "POST /anonymous-notifications",
            &[422],
            "The area must be a local authority area (`GET /areas`) of the nation given, and the month not in the future.",
        ),
        (
            "POST /cases/{id}/consents",
            &[422],
            "The recipient must be a support organisation or decision body in Waymark other than one's own, and the day not in the future.",
        ),
        (
            "POST /cases/{id}/documents",
            &[400, 415, 422],
            "The type is decided from the content (PDF, PNG, JPEG or plain text, else 415); a multipart part whose headers cannot be read is 400; an empty file 422.",
        ),
        (
            "POST /cases/{id}/formal-referrals",
            &[422],
            "The decision body must exist, the consent must cover identity and exploitation history, and the person must not be referred to it already.",
        ),
        (
            "POST /cases/{id}/formal-referrals/{formal}/reconsideration",
            &[422],
            "Only a negative decision can be reconsidered, by the referring organisation.",
        ),
        (
            "POST /cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer",
            &[422],
            "The request must still wait for an answer.",
        ),
        (
            "POST /cases/{id}/history",
            &[422],
            "Dates must be real, from 1900, not in the future, and in order.",
        ),
        (
            "POST /cases/{id}/onward-referrals",
            &[422],
            "The organisation must be another support organisation in Waymark, named by a consent of this case that is not withdrawn.",
        ),
        (
            "POST /cases/{id}/person",
            &[422],
            "A date of birth (real, from 1900, not in the future) or an age, not both.",
        ),
        (
            "POST /cases/{id}/plan-actions",
            &[422],
            "The owner must be someone who may open the case; the due day today or within five years.",
        ),
        (
            "POST /cases/{id}/risk",
            &[422],
            "A medium or high risk needs its reasons.",
        ),
        (
            "POST /cases/{id}/assign",
            &[422],
            "The user must be a caseworker or manager of the caller's organisation.",
        ),
        ("POST /cases/{id}/needs", &[422], "Each need at most once."),
        (
            "POST /referrals",
            &[422],
            "The organisation must be a support organisation in Waymark; an adult needs consent, a child the children's services that were told; the area a local authority area (`GET /areas`) of the nation given.",
        ),
        (
            "POST /self-referrals",
            &[422],
            "The organisation must be a support organisation in Waymark with a data-sharing policy; the area, if given, a local authority area (`GET /areas`) of the nation given.",
        ),
        (
            "POST /referrals/{id}/decline",
            &[409],
            "A referral is answered once.",
        ),
        (
            "POST /formal-referrals/{id}/reasonable-grounds",
            &[422],
            "The referral must be waiting for that decision.",
        ),
        (
            "POST /formal-referrals/{id}/reasonable-grounds/review",
            &[422],
            "A negative decision must be waiting for a second, different decision maker.",
        ),
        (
            "POST /formal-referrals/{id}/conclusive-grounds",
            &[422],
            "The referral must be in its recovery period, and not before the earliest conclusive date.",
        ),
        (
            "POST /formal-referrals/{id}/closure",
            &[422],
            "A closed referral stays closed.",
        ),
        (
            "POST /formal-referrals/{id}/information-requests",
            &[422],
            "The reply-by day must be after today and within 60 days; the referral must not be closed.",
        ),
        (
            "POST /training/courses/{id}/attempts",
            &[422],
            "Every answer must name a question of the course and one of its answers.",
        ),
        (
            "POST /search",
            &[422],
            "A reference must look like one (`HL-2026-0007`).",
        ),
    ]
}

/// Operations that answer 409 when the record is in a state that cannot take the request.
fn conflicts() -> Vec<(&'static str, &'static str)> {
    let erased = "The person had their data erased, so nothing more can be recorded on this case.";
    vec![
        ("POST /cases/{id}/person", erased),
        ("POST /cases/{id}/needs", erased),
        ("POST /cases/{id}/plan-actions", erased),
        ("POST /cases/{id}/notes", erased),
        ("POST /cases/{id}/documents", erased),
        ("POST /cases/{id}/history", erased),
        ("POST /cases/{id}/risk", erased),
        ("POST /cases/{id}/consents", erased),
        (
            "POST /referrals/{id}/decline",
            "This referral was already accepted or declined.",
        ),
        (
            "POST /cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer",
            "The decision body's copy was erased.",
        ),
        (
            "GET /formal-referrals/{id}",
            "The referring organisation erased the case: the decision body's copy is gone.",
        ),
        (
            "GET /formal-referrals/{id}/letters/{letter}",
            "The referring organisation erased the case: the letter named the person.",
        ),
    ]
}

/// Properties a request must have although serde would default them: (schema, names).
fn required() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("NotificationRequest", &["exploitation_types", "indicators"]),
        ("NeedsRequest", &["needs"]),
        ("ConsentRequest", &["scope", "recipient", "purpose"]),
        ("SelfReferralRequest", &["needs", "consent"]),
    ]
}

fn operations(doc: &mut Value, mut each: impl FnMut(&str, &mut Value)) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            each(&format!("{} {path}", method.to_uppercase()), op);
        }
    }
}

fn state_and_conflicts(doc: &mut Value) -> Vec<String> {
    let rules = state_rules();
    let conflicts = conflicts();
    let mut seen = Vec::new();
    operations(doc, |name, op| {
        for (at, description) in &conflicts {
            if *at == name {
                seen.push(format!("409 {at}"));
                if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                    responses
                        .entry("409")
                        .or_insert_with(|| problem_response(description));
                }
            }
        }
        for (at, statuses, sentence) in &rules {
            if *at == name {
                seen.push(format!("rule {at}"));
                op["x-state-rules"] = json!(statuses);
                if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                    for status in *statuses {
                        let r = responses
                            .entry(status.to_string())
                            .or_insert_with(|| problem_response(""));
                        let before = r["description"].as_str().unwrap_or_default().to_owned();
                        r["description"] = json!(format!(
                            "{before}{}Refused although well formed: {sentence}",
                            if before.is_empty() { "" } else { " " }
                        ));
                    }
                }
            }
        }
    });
    let mut missing: Vec<String> = conflicts
        .iter()
        .map(|(at, _)| format!("409 {at}"))
        .chain(rules.iter().map(|(at, _, _)| format!("rule {at}")))
        .filter(|k| !seen.contains(k))
        .collect();
    for (schema, names) in required() {
        match doc
            .pointer_mut(&format!("/components/schemas/{schema}"))
            .and_then(Value::as_object_mut)
        {
            Some(s) => {
                let list = s.entry("required").or_insert_with(|| json!([]));
                if let Value::Array(list) = list {
                    for n in names {
                        if !list.iter().any(|v| v == n) {
                            list.push(json!(n));
                        }
                    }
                }
            }
            None => missing.push(format!("required {schema}")),
        }
    }
    missing
}

/// Merges `patch` into `target`: objects key by key, anything else replaced. An `enum` on a nullable
/// property (`type: [..., "null"]`) keeps `null` allowed.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            let nullable = t
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|types| types.iter().any(|x| x == "null"));
            for (k, v) in p {
                match t.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        let mut v = v.clone();
                        if let (true, Value::Array(a)) = (k == "enum" && nullable, &mut v) {
                            a.push(Value::Null);
                        }
                        t.insert(k.clone(), v);
                    }
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

fn problem_content() -> Value {
    json!({ "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } })
}

fn problem_response(description: &str) -> Value {
    json!({ "description": description, "content": problem_content() })
}

fn add(responses: &mut serde_json::Map<String, Value>, status: &str, response: Value) {
    responses.entry(status).or_insert(response);
}

/// The answers every operation can give, and problem bodies as `application/problem+json`.
fn problems(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let secured = op
                .get("security")
                .and_then(Value::as_array)
                .is_some_and(|s| !s.is_empty());
            let body = op.get("requestBody").is_some();
            let query = op
                .get("parameters")
                .and_then(Value::as_array)
                .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            for r in responses.values_mut() {
                let is_problem = r
                    .pointer("/content/application~1json/schema/$ref")
                    .and_then(Value::as_str)
                    == Some("#/components/schemas/Problem");
                if is_problem {
                    r["content"] = problem_content();
                }
            }
            if secured {
                add(
                    responses,
                    "403",
                    problem_response("The caller's role does not allow this."),
                );
                add(
                    responses,
                    "401",
                    problem_response(
                        "No valid API token: send one as `Authorization: Bearer TOKEN`.",
                    ),
                );
                // Also on a 401 a handler documents itself.
                if let Some(unauthorized) = responses.get_mut("401") {
                    unauthorized["headers"] = json!({
                        "WWW-Authenticate": {
                            "description": "The scheme to authenticate with: `Bearer`.",
                            "required": true,
                            "schema": { "type": "string", "const": "Bearer" }
                        }
                    });
                }
            }
            if body {
                add(
                    responses,
                    "400",
                    problem_response(
                        "The body is not what the operation reads: no JSON (or multipart) content type, \
                         or text that is not JSON.",
                    ),
                );
                add(
                    responses,
                    "413",
                    problem_response("The body is over the limit (2 MiB; a document 5 MiB)."),
                );
                add(
                    responses,
                    "422",
                    problem_response(
                        "The body is not a JSON object, or a field does not fit: the detail says which \
                         and what to send.",
                    ),
                );
            }
            if query {
                add(
                    responses,
                    "400",
                    problem_response(
                        "The query string could not be read (a parameter given twice, for example).",
                    ),
                );
            }
            add(
                responses,
                "405",
                problem_response(
                    "The path exists but not with this method: the `Allow` header lists the methods \
                     that are.",
                ),
            );
        }
    }
}

/// Finds the schema of a component's property, or of a parameter, and merges the constraints in.
/// Returns the entries that matched nothing.
fn constrain(doc: &mut Value) -> Vec<String> {
    let mut missing = Vec::new();
    for (schema, property, patch) in properties() {
        let pointer = format!("/components/schemas/{schema}/properties/{property}");
        match doc.pointer_mut(&pointer) {
            Some(target) => {
                // An optional vocabulary or id of a nested type (`oneOf: [null, $ref]`) is left alone.
                merge(target, &patch);
            }
            None => missing.push(format!("{schema}.{property}")),
        }
    }
    // Parameters are inline in each operation; a struct of query parameters (`StatusQuery`) is too.
    let params = parameters();
    let mut found = vec![false; params.len()];
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for op in item.values_mut() {
                let Some(list) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
                    continue;
                };
                for p in list.iter_mut() {
                    let name = p
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    for (i, (at, param, patch)) in params.iter().enumerate() {
                        if at == path
                            && *param == name
                            && let Some(schema) = p.get_mut("schema")
                        {
                            merge(schema, patch);
                            found[i] = true;
                        }
                    }
                }
            }
        }
    }
    for ((at, param, _), hit) in params.iter().zip(found) {
        if !hit {
            missing.push(format!("{at} ?{param}"));
        }
    }
    missing
}

/// Everything this module states, applied to the document utoipa derived.
pub(crate) fn complete(doc: &mut Value) {
    problems(doc);
    // What matched nothing is listed for the test that keeps these entries true to the document.
    drop(constrain(doc));
    drop(state_and_conflicts(doc));
    if let Some(search) = doc.pointer_mut("/components/schemas/SearchRequest") {
        // Exactly one of the three, each a string.
        search["oneOf"] = json!([
            { "required": ["reference"] },
            { "required": ["name"] },
            { "required": ["date_of_birth"] }
        ]);
        if let Some(props) = search.get_mut("properties").and_then(Value::as_object_mut) {
            for p in props.values_mut() {
                if let Some(obj) = p.as_object_mut() {
                    obj.insert("type".into(), json!("string"));
                }
            }
        }
    }
    // A person's own request needs their confirmation: the consent object, with `given: true`.
    if let Some(consent) =
        doc.pointer_mut("/components/schemas/SelfReferralRequest/properties/consent")
    {
        *consent = json!({ "$ref": "#/components/schemas/SelfReferralConsent" });
    }
    if let Some(given) = doc.pointer_mut("/components/schemas/SelfReferralConsent/properties/given")
    {
        given["const"] = json!(true);
    }
}

/// The entries that name something the document does not have (for the test).
pub(crate) fn unmatched(doc: &Value) -> Vec<String> {
    let mut copy = doc.clone();
    let mut missing = constrain(&mut copy);
    missing.extend(state_and_conflicts(&mut copy));
    missing
}
