#!/usr/bin/env bash
# Lints protos/ with buf. google/api/*.proto come from the JSON transcoding NuGet package
# (restored by the build), not from the Buf registry, which this network cannot reach.
set -euo pipefail
cd "$(dirname "$0")/../protos"
pkg=$(dotnet msbuild Accreditation.Protos.csproj -getProperty:NuGetPackageRoot)
src="${pkg%/}/microsoft.aspnetcore.grpc.jsontranscoding/10.0.14/content/protos"
[ -d "$src" ] || dotnet restore Accreditation.Protos.csproj >/dev/null
rm -rf third_party && mkdir -p third_party && cp -r "$src/google" third_party/
npx --yes @bufbuild/buf@1.59.0 lint
echo "buf lint: protos/ clean"
