#!/usr/bin/env bash
# What the tests need besides the .NET SDK and Node.js, installed from Debian's packages when
# missing: python3-aiosmtpd is the real SMTP server the e-mail tests send to, chromium the
# browser the portal's tests drive (never one a tool downloads), rabbitmq-server the broker of
# the distributed tests (each run starts its own node on a free loopback port), curl the health
# probe of scripts/run-distributed.sh, curl and jq the State developer's guide (docs/) that a test runs,
# postgresql the server the PostgreSQL tests and the replicated distributed runs start on their own
# (initdb and pg_ctl, as the postgres user).
set -euo pipefail
missing=()
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
[ ${#missing[@]} -eq 0 ] || bash "$(dirname "$0")/install-packages.sh" "${missing[@]}"
