#!/usr/bin/env bash
# The standalone host (what `dotnet run --project hosts/Standalone` runs) as a ReadyToRun build:
# its assemblies compiled ahead of time, so that starting it takes 25 to 40 % less CPU, for 10 to
# 20 MB more memory (README, "Performance"). Publishes it into run/standalone (again only what changed), then runs it
# in the caller's folder, so ./data is the same folder `dotnet run` uses.
#
#   scripts/run-standalone.sh [--no-publish] [host options: --data DIR --port N ...]
#
# --no-publish: run the build published last time. ReadyToRun needs the runtime's compiler package
# (microsoft.netcore.app.crossgen2.<rid>), which the first publish restores from NuGet.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/run/standalone"
publish=1
if [[ "${1:-}" == "--no-publish" ]]; then
  publish=0
  shift
fi
if (( publish )); then
  # The machine's runtime identifier (e.g. linux-x64): ReadyToRun code is for one platform.
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  echo "Publishing the standalone host as a ReadyToRun build ($rid) into $OUT ..." >&2
  dotnet publish "$ROOT/hosts/Standalone" -c Release -r "$rid" --self-contained false \
    -p:PublishReadyToRun=true -o "$OUT" --nologo -v quiet -clp:ErrorsOnly >&2
  # Every part has an appsettings.json; the host's own must be the one published (see its project file).
  cmp -s "$ROOT/hosts/Standalone/appsettings.json" "$OUT/appsettings.json" \
    || { echo "run-standalone: $OUT/appsettings.json is not the standalone host's own" >&2; exit 1; }
fi
[[ -f "$OUT/Accreditation.Standalone.dll" ]] || { echo "run-standalone: nothing published in $OUT yet (run without --no-publish)" >&2; exit 1; }
exec dotnet "$OUT/Accreditation.Standalone.dll" "$@"
