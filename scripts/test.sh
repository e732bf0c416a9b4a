#!/usr/bin/env bash
# Every test: proto lint, build (warnings are errors), unit, functional (with the browser tests) and distributed tests,
# and the Kubernetes manifests (Node's test runner).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-prerequisites.sh
dotnet tool restore >/dev/null
# axe-core, for the portal's accessibility checks in Chromium; kubernetes-models and yaml for the manifests' tests.
npm ci --no-audit --no-fund --silent
dotnet build Accreditation.sln -c Release
bash scripts/lint-protos.sh
log=$(mktemp)
status=0
# One test project at a time (-m:1): the distributed tests load both cores with five processes and a
# broker, and the functional tests' timings must not share the machine with them.
dotnet test Accreditation.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# deploy/kubernetes rendered and checked against the Kubernetes API schema and the code (no cluster here).
node_log=$(mktemp)
node --test --test-reporter=tap tests/kubernetes/ 2>&1 | tee "$node_log" || status=$?
# One closing line for every test project together.
passed=$(awk '/^ +Passed: [0-9]+$/ {n += $2} END {print n + 0}' "$log")
failed=$(awk '/^ +Failed: [0-9]+$/ {n += $2} END {print n + 0}' "$log")
passed=$((passed + $(awk '/^# pass [0-9]+$/ {n += $3} END {print n + 0}' "$node_log")))
failed=$((failed + $(awk '/^# fail [0-9]+$/ {n += $3} END {print n + 0}' "$node_log")))
# The failures again at the end, since a CI log may keep only its tail.
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  awk '/^ +Failed [A-Za-z_][^ ]* \[/ {show = 12} show > 0 {print; show--}' "$log"
  grep -E '^not ok ' "$node_log" || true
fi
rm -f "$log" "$node_log"
echo "tests: $passed passed, $failed failed"
exit "$status"
