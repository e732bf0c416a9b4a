#!/usr/bin/env bash
# Every test: proto lint, build (warnings are errors), unit and functional tests.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Accreditation.sln -c Release
bash scripts/lint-protos.sh
dotnet test Accreditation.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
