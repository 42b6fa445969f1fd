"""Seeds a fresh Waymark server through its API with one of each kind of record, then writes the
schemathesis configuration that pins each operation's path parameters to those records, so generated
requests reach the handlers instead of stopping at 404.

Run by `cargo xtask schemathesis` (xtask/src/schemathesis.rs) with the venv's Python; standard library only.
Environment: BASE (http://host:port), TOKEN_CW, TOKEN_MGR, TOKEN_HELPER, TOKEN_DB (the decision body's
caseworker), ORG_HARBOUR, ORG_LANTERN, ORG_BODY, USER_CW, OUT (the config file to write).
"""

import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ["BASE"] + "/api/v1"
CW, MGR, HELPER, DB = (os.environ[k] for k in ("TOKEN_CW", "TOKEN_MGR", "TOKEN_HELPER", "TOKEN_DB"))
HARBOUR, LANTERN, BODY = (os.environ[k] for k in ("ORG_HARBOUR", "ORG_LANTERN", "ORG_BODY"))


def call(method, path, token=None, body=None, raw=None, content_type=None, want=(200, 201, 204)):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if raw is not None:
        data = raw
        headers["Content-Type"] = content_type
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    if status not in want:
        sys.exit(f"seeding failed: {method} {path} -> {status} {text}")
    return json.loads(text) if text.startswith("{") else {}


def referral(nation="england_wales"):
    return {
        "to_organisation": HARBOUR,
        "person": {"name": "Maria Fuzz", "contact": "Via the church office", "language": "Romanian"},
        "age": "adult",
        "needs": ["safe_housing"],
        "indicators": ["debt_bondage", "retention_of_documents"],
        "first_contact": "faith_group",
        "nation": nation,
        "consent": {"given": True},
    }


pending = call("POST", "/referrals", HELPER, referral())["id"]
accepted = call("POST", "/referrals", HELPER, referral())["id"]
case = call("POST", f"/referrals/{accepted}/accept", CW)["case_id"]
call("POST", f"/cases/{case}/person", CW, {"name": "Maria Fuzz", "aliases": ["Mari"],
     "date_of_birth": "1990-02-03", "nationality": "Romanian", "languages": "Romanian"})
call("POST", f"/cases/{case}/needs", CW, {"needs": [{"need": "safe_housing", "urgency": "high"}], "note": "n"})
action = call("POST", f"/cases/{case}/plan-actions", CW, {"title": "Find a room", "due_on": "2027-01-15"})["id"]
call("POST", f"/cases/{case}/notes", CW, {"body": "First meeting went well."})
call("POST", f"/cases/{case}/history", CW, {"exploitation_type": "labour", "place": "uk"})
call("POST", f"/cases/{case}/risk", CW, {"level": "low", "reasons": "Safe for now."})
boundary = "waymarkfuzz"
upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
          f"Content-Type: text/plain\r\n\r\nA plain text document.\r\n--{boundary}--\r\n").encode()
document = call("POST", f"/cases/{case}/documents", CW, raw=upload,
                content_type=f"multipart/form-data; boundary={boundary}")["id"]
onward_consent = call("POST", f"/cases/{case}/consents", CW, {"scope": ["needs"], "recipient": LANTERN,
                      "purpose": "Support in Glasgow"})["id"]
call("POST", f"/cases/{case}/onward-referrals", CW, {"to_organisation": LANTERN, "consent_id": onward_consent})
body_consent = call("POST", f"/cases/{case}/consents", CW, {"scope": ["identity", "history"], "recipient": BODY,
                    "purpose": "A decision on whether they are a victim"})["id"]
formal = call("POST", f"/cases/{case}/formal-referrals", CW, {"decision_body": BODY,
              "consent_id": body_consent})["id"]
request = call("POST", f"/formal-referrals/{formal}/information-requests", DB,
               {"question": "When did the work start?"})["id"]
call("POST", f"/formal-referrals/{formal}/reasonable-grounds", DB,
     {"outcome": "positive", "reasons": "A credible, consistent account."})
letters = call("GET", f"/formal-referrals/{formal}/letters", DB)
letter = next(iter(letters.get("letters", [])), {}).get("id", "none")
own = call("POST", "/self-referrals", None, {"to_organisation": HARBOUR, "nation": "england_wales",
           "area": "Leeds", "needs": ["safe_housing"], "language": "English", "urgency": "this_week",
           "age": "adult", "consent": {"given": True}})
call("POST", "/anonymous-notifications", CW, {"age": "adult", "nationality": "AL",
     "exploitation_types": ["labour"], "nation": "england_wales", "indicators": ["debt_bondage"]})

# Path parameters of each operation, pinned to the records above. Names are the document's own.
pins = {
    "/referrals/{id}": {"id": pending},
    "/referrals/{id}/accept": {"id": pending},
    "/referrals/{id}/decline": {"id": pending},
    "/referrals/{id}/messages": {"id": own.get("referral_id", pending)},
    "/consents/{id}/withdraw": {"id": onward_consent},
    "/formal-referrals/{id}": {"id": formal},
    "/formal-referrals/{id}/letters": {"id": formal},
    "/formal-referrals/{id}/letters/{letter}": {"id": formal, "letter": letter},
    "/cases/{case}/formal-referrals/{id}/letters": {"case": case, "id": formal},
    "/cases/{case}/formal-referrals/{id}/letters/{letter}": {"case": case, "id": formal, "letter": letter},
    "/cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer":
        {"id": case, "formal": formal, "request": request},
    "/cases/{id}/formal-referrals/{formal}/reconsideration": {"id": case, "formal": formal},
    "/cases/{id}/plan-actions/{action}/done": {"id": case, "action": action},
    "/cases/{id}/documents/{document}": {"id": case, "document": document},
    "/training/courses/{id}": {"id": "england-and-wales"},
    "/training/courses/{id}/progress": {"id": "england-and-wales"},
    "/training/courses/{id}/attempts": {"id": "england-and-wales"},
    "/training/courses/{id}/modules/{module}/read": {"id": "england-and-wales", "module": "02-the-signs"},
}
lines = []
doc = call("GET", "/openapi.json")
for path, item in doc["paths"].items():
    for method in item:
        values = dict(pins.get(path, {}))
        if not values and "{id}" in path:
            values = {"id": formal if path.startswith("/formal-referrals/") else case}
        # The document marks the statuses that refuse well-formed input for a stored state, a rule across
        # fields or today's date (x-state-rules): for those operations they are expected answers.
        rules = item[method].get("x-state-rules", [])
        if not values and not rules:
            continue
        lines.append("[[operations]]")
        lines.append(f'include-name = "{method.upper()} {path}"')
        if values:
            lines.append("[operations.parameters]")
            for k, v in values.items():
                lines.append(f'"path.{k}" = "{v}"')
        if rules:
            expected = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"] + [str(s) for s in rules]
            lines.append("[operations.checks.positive_data_acceptance]")
            lines.append("expected-statuses = [" + ", ".join(f'"{s}"' for s in expected) + "]")
        lines.append("")
with open(os.environ["OUT"], "w") as f:
    f.write("\n".join(lines))
print(f"seeded: case {case}, formal referral {formal}; {len(lines)} lines of configuration")
