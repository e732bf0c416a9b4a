#!/usr/bin/env bash
# The whole path through the running standalone system's JSON API (start it first:
# dotnet run --project hosts/Standalone). Two organizations apply, Austria objects to one,
# the objection window closes and the secretariat's decision shows: one Admitted, one NotAdmitted.
set -euo pipefail
API=${API:-http://127.0.0.1:5080}
DATA=${DATA:-data}
WINDOW_SECONDS=${WINDOW_SECONDS:-15}

[ -f "$DATA/credentials.json" ] || { echo "No $DATA/credentials.json: start the system first (dotnet run --project hosts/Standalone), from this folder." >&2; exit 1; }
curl -sf "$API/healthz" >/dev/null || { echo "Nothing answers at $API: start the system first." >&2; exit 1; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }
secret() { python3 -c "import json,sys; print(next(c['ClientSecret'] for c in json.load(open('$DATA/credentials.json'))['Clients'] if c['ClientId']==sys.argv[1]))" "$1"; }
client_token() { curl -sf "$API/connect/token" -d grant_type=client_credentials -d client_id="$1" -d client_secret="$(secret "$1")" | json "['access_token']"; }
user_token() { curl -sf "$API/connect/token" -d grant_type=password -d client_id=portal -d username="$1" -d password="$2" | json "['access_token']"; }
call() { # METHOD PATH TOKEN [BODY]
  curl -sS --fail-with-body -X "$1" "$API$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}
}

officer=$(client_token secretariat-officer)
austria=$(client_token state-aut)
now() { date -u -d "+$1" +%Y-%m-%dT%H:%M:%SZ; }

dialogue=$(call POST /v1/dialogues "$officer" "{\"workingGroup\":\"Working Group on Smuggling of Migrants\",\"session\":\"ninth session\",
  \"date\":\"$(date -u -d '+60 days' +%F)\",\"venue\":\"Vienna and online\",\"registrationClosesAt\":\"$(now '30 days')\",
  \"objectionPeriodDays\":14,\"inPersonCapacity\":40,
  \"policy\":{\"circulation\":\"CIRCULATION_POLICY_ALL\",\"objectionEffect\":\"OBJECTION_EFFECT_EXCLUDE\",\"representativesPerOrganization\":2}}" \
  | json "['dialogue']['dialogueId']")
echo "1. The secretariat created dialogue $dialogue"

apply() { # NAME → prints "token application_id"
  local email="walkthrough-$RANDOM$RANDOM@example.org" password="Walkthrough-Pass-1"
  curl -sf "$API/v1/accounts" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"$1\"}" >/dev/null
  local token; token=$(user_token "$email" "$password")
  local org; org=$(call POST /v1/organizations "$token" "{\"name\":\"$1\",\"category\":\"STAKEHOLDER_CATEGORY_NGO\",\"country\":\"KEN\",\"ecosocStatus\":\"ECOSOC_STATUS_NONE\"}" | json "['organization']['organizationId']")
  local app; app=$(call POST /v1/applications "$token" "{\"organizationId\":\"$org\",\"dialogueId\":\"$dialogue\"}" | json "['application']['applicationId']")
  echo "$token $app"
}
read -r token_a app_a < <(apply "Migrant Rights Network")
read -r token_b app_b < <(apply "Institute for Border Studies")
echo "2. Two organizations applied: $app_a and $app_b"

for app in "$app_a" "$app_b"; do
  call POST "/v1/applications/$app:screen" "$officer" '{"outcome":"SCREENING_OUTCOME_ELIGIBLE"}' >/dev/null
done
deadline=$(now "$WINDOW_SECONDS seconds")
call POST "/v1/dialogues/$dialogue:circulate" "$officer" "{\"deadline\":\"$deadline\"}" >/dev/null
echo "3. Both screened eligible and circulated to the States parties; objections until $deadline"

sleep 1
echo "4. Austria sees the circulated applicants:"
call GET "/v1/circulated-applicants?dialogueId=$dialogue" "$austria" | python3 -c "import json,sys; [print('   -', a['name'], a['country']) for a in json.load(sys.stdin).get('applicants',[])]"
call POST /v1/objections "$austria" "{\"applicationId\":\"$app_a\",\"grounds\":\"Outside the scope of the Protocol\"}" >/dev/null
echo "   and files an objection against Migrant Rights Network"

echo "5. Waiting for the deadline ($WINDOW_SECONDS s)..."
sleep $((WINDOW_SECONDS + 3))
echo "   Migrant Rights Network:       $(call GET "/v1/applications/$app_a" "$token_a" | json "['application']['state']")"
echo "   Institute for Border Studies: $(call GET "/v1/applications/$app_b" "$token_b" | json "['application']['state']")"
echo "6. Migrant Rights Network's inbox:"
call GET /v1/inbox/notices "$token_a" | python3 -c "import json,sys; [print('   -', n['subject']) for n in json.load(sys.stdin).get('notices',[])]"
echo "   Status history:"
call GET "/v1/applications/$app_a/history" "$token_a" | python3 -c "import json,sys; [print('   -', c['from'], '->', c['to'], ':', c.get('reason','')) for c in json.load(sys.stdin).get('changes',[])]"
