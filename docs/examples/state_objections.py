"""A State party's objection, end to end, over the JSON API with Python's standard library only.

Environment: GATEWAY (e.g. https://accreditation.example.org), CLIENT_ID, CLIENT_SECRET (issued by
the secretariat), APPLICATION_ID (an applicant from the circulated list).
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

gateway = os.environ["GATEWAY"].rstrip("/")


def call(method, path, token=None, body=None, form=None):
    headers = {}
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(gateway + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        # The body is a google.rpc.Status: code, message, details (ErrorInfo.reason, field violations).
        status = json.load(error)
        raise SystemExit(f"{method} {path}: HTTP {error.code}: {status['message']}")


# 1. A token for the State's client (valid for an hour; ask again when it expires).
token = call("POST", "/connect/token", form={
    "grant_type": "client_credentials",
    "client_id": os.environ["CLIENT_ID"],
    "client_secret": os.environ["CLIENT_SECRET"],
})["access_token"]

# 2. The applicants whose objection window is open.
applicants = call("GET", "/v1/circulated-applicants?openOnly=true", token)["applicants"]
for applicant in applicants:
    print(f"circulated: {applicant['applicationId']} {applicant['name']} ({applicant['country']}) until {applicant['deadline']}")

# 3. File an objection (the State is the client's own, never a field of the request).
objection = call("POST", "/v1/objections", token, body={
    "applicationId": os.environ["APPLICATION_ID"],
    "grounds": "Activities outside the scope of the Convention",
})["objection"]
print(f"filed: {objection['objectionId']}")

# 4. Withdraw it while the window is still open.
withdrawn = call("POST", f"/v1/objections/{objection['objectionId']}:withdraw", token, body={})["objection"]
print(f"withdrawn: {withdrawn['objectionId']} at {withdrawn['withdrawnAt']}")
