#!/usr/bin/env bash
# Loads the local demo data set into a running suite (./crm up calls it): links the demo customers'
# Keycloak users to customer-service profiles (the customer_id claim), and creates the demo partners,
# charity and touchpoints, and the staff directory and teams that own the touchpoints' cases. Safe to run again: it finds what exists before creating anything.
#   keycloak/demo-data.sh KEYCLOAK_URL ADMIN ADMIN_PASSWORD
set -euo pipefail
exec python3 - "$@" <<'PY'
import json, sys, urllib.error, urllib.parse, urllib.request, uuid

kc, admin, admin_password = sys.argv[1:4]
realm = kc + "/realms/motcrm"
CUSTOMER, LOYALTY, FEEDBACK = "http://localhost:8081", "http://localhost:8083", "http://localhost:8082"
DEMO_PASSWORD = "motcrm-dev"  # local-development value of keycloak/motcrm-realm.json


def call(method, url, token=None, body=None, headers=None, form=None, ok=(200, 201, 204)):
    data, head = None, dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        head["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        head["Content-Type"] = "application/json"
    if token:
        head["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=data, method=method, headers=head)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode() or "null"
            return response.status, json.loads(text) if text.strip()[:1] in "{[n" else text
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        if e.code in ok:
            return e.code, text
        raise SystemExit(f"{method} {url} answered {e.code}: {text[:400]}")


def token(form, url=realm):
    return call("POST", url + "/protocol/openid-connect/token", form=form)[1]["access_token"]


kc_admin = token({"grant_type": "password", "client_id": "admin-cli", "username": admin, "password": admin_password},
                 kc + "/realms/master")
# customer_id is set by administrators only (never by the user): an admin-editable unmanaged attribute.
_, profile = call("GET", kc + "/admin/realms/motcrm/users/profile", kc_admin)
if profile.get("unmanagedAttributePolicy") != "ADMIN_EDIT":
    profile["unmanagedAttributePolicy"] = "ADMIN_EDIT"
    call("PUT", kc + "/admin/realms/motcrm/users/profile", kc_admin, profile)

agent = token({"grant_type": "password", "client_id": "motcrm-cli", "username": "agent.kim", "password": DEMO_PASSWORD})
purpose = {"X-Access-Purpose": "demo data set-up"}

customers = [
    ("customer.hana", {"name": "Jung Hana", "email": "hana.jung@demo.motcrm.example", "phone": "+821012340001"}),
    ("customer.jun", {"name": "Oh Jun", "email": "jun.oh@demo.motcrm.example", "phone": "+821012340002"}),
]
for username, details in customers:
    _, page = call("GET", CUSTOMER + "/api/v1/customers?" + urllib.parse.urlencode({"email": details["email"]}),
                   agent, headers=purpose)
    if page["items"]:
        customer_id = page["items"][0]["id"]
    else:
        _, created = call("POST", CUSTOMER + "/api/v1/customers", agent, details,
                          {"Idempotency-Key": str(uuid.uuid5(uuid.NAMESPACE_URL, "demo:" + username))})
        customer_id = created["id"]
    _, users = call("GET", kc + "/admin/realms/motcrm/users?" + urllib.parse.urlencode({"username": username, "exact": "true"}), kc_admin)
    user = users[0]
    user.setdefault("attributes", {})["customer_id"] = [customer_id]
    call("PUT", kc + "/admin/realms/motcrm/users/" + user["id"], kc_admin, user)
    print(f"{username} -> customer {customer_id}")

operator = token({"grant_type": "password", "client_id": "motcrm-cli", "username": "admin.park", "password": DEMO_PASSWORD})


def ensure(read_url, create_url, body, what):
    """Creates the object unless reading it answers 200 (so a second run changes nothing)."""
    status, _ = call("GET", read_url, operator, ok=(200, 404))
    if status == 200:
        print(f"{what} exists")
        return
    call("POST", create_url, operator, body, {"Idempotency-Key": str(uuid.uuid5(uuid.NAMESPACE_URL, "demo:" + create_url + what))})
    print(f"{what} created")


# Partners: ids match the partner_id claims of the realm's partner clients.
for partner_id, name in (("cafe-mocha", "Cafe Mocha"), ("book-nook", "Book Nook")):
    ensure(f"{LOYALTY}/api/v1/loyalty/partners/{partner_id}", f"{LOYALTY}/api/v1/loyalty/partners",
           {"id": partner_id, "name": name, "pointValueMinor": 10, "earnMinorPerPoint": 100, "status": "ACTIVE"},
           f"partner {partner_id}")
status, charities = call("GET", f"{LOYALTY}/api/v1/loyalty/charities", operator)
items = charities.get("items", charities) if isinstance(charities, dict) else charities
if not any(c.get("id") == "green-forest" for c in items):
    call("POST", f"{LOYALTY}/api/v1/loyalty/charities", operator, {"id": "green-forest", "name": "Green Forest Foundation"},
         {"Idempotency-Key": str(uuid.uuid5(uuid.NAMESPACE_URL, "demo:charity:green-forest"))})
    print("charity green-forest created")

# The MOT map: a few moments of truth along the journey.
for code, name, channel, stage, team in (
        ("store-gangnam", "Gangnam store checkout", "STORE", "PAY", "stores"),
        ("app-checkout", "App checkout", "APP", "BUY", "digital"),
        ("home-delivery", "Home delivery", "DELIVERY", "RECEIVE", "logistics"),
        ("call-centre", "Call centre", "CALL_CENTRE", "GET_HELP", "care")):
    ensure(f"{FEEDBACK}/api/v1/touchpoints/{code}", f"{FEEDBACK}/api/v1/touchpoints",
           {"code": code, "name": name, "channel": channel, "stage": stage, "team": team}, f"touchpoint {code}")

# Who works the cases: the staff directory (logins are the realm's users) and the teams owning the touchpoints
# above. PUT replaces, so every run leaves the same directory. The call centre's queue is agent.kim's alone (the
# console's browser journeys work its cases as agent.kim); the other teams share cases between both agents.
for login, display_name, role in (("agent.kim", "Min-ji Kim", "agent"), ("agent.choi", "Seo-yeon Choi", "agent"),
                                  ("supervisor.lee", "Ji-hoon Lee", "supervisor"), ("admin.park", "Soo-jin Park", "admin")):
    call("PUT", f"{FEEDBACK}/api/v1/mot/staff/{login}", operator, {"displayName": display_name, "role": role})
for team, name, members in (("stores", "Store team", ["agent.kim", "agent.choi"]), ("digital", "Digital team", ["agent.kim", "agent.choi"]),
                            ("logistics", "Logistics team", ["agent.kim", "agent.choi"]), ("care", "Call centre team", ["agent.kim"])):
    call("PUT", f"{FEEDBACK}/api/v1/mot/teams/{team}", operator,
         {"name": name, "members": members, "supervisor": "supervisor.lee", "escalation": ["admin.park"]})
    print(f"team {team}: {', '.join(members)}; supervisor.lee, then admin.park")
PY
