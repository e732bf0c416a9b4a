#!/usr/bin/env bash
# What the tests need besides the .NET SDK and Node.js, installed from Debian's packages when
# missing: python3-aiosmtpd is the real SMTP server the e-mail tests send to, chromium the
# browser the portal's tests drive (never one a tool downloads), rabbitmq-server the broker of
# the distributed tests (each run starts its own node on a free loopback port).
set -euo pipefail
missing=()
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  # The package may start a system-wide node; the tests start their own.
  $sudo service rabbitmq-server stop >/dev/null 2>&1 || true
fi
