#!/usr/bin/env bash
# Installs the Debian packages named (apt-get; through sudo when not root). A system-wide RabbitMQ
# node the package starts is stopped again: every run and test starts its own node.
set -euo pipefail
[ $# -gt 0 ] || exit 0
echo "installing $* (apt-get)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
# env: sudo would drop a variable set in front of it.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
case " $* " in
  *" rabbitmq-server "*) $sudo service rabbitmq-server stop >/dev/null 2>&1 || true ;;
esac
