#!/usr/bin/env bash
# The distributed topology on one machine: RabbitMQ (bound to loopback, its own data folder) and
# every service and the gateway as separate processes, configured by environment only.
#
#   scripts/run-distributed.sh [--detach] [--no-build]   start everything; Ctrl-C stops it all
#   scripts/run-distributed.sh stop                      stop everything (services, then RabbitMQ)
#   scripts/run-distributed.sh restart SERVICE           start one service again (e.g. after a crash)
#   scripts/run-distributed.sh status                    what runs, with process ids
#   scripts/run-distributed.sh rabbitmqctl ARGS...       rabbitmqctl against this run's node (e.g. list_queues name messages)
#
# Environment: ACCREDITATION_RUN (run folder, default ./run), ACCREDITATION_PORT (gateway HTTP
# port, default 5080; gRPC +1, identity +21, registration +22, objections +23, notifications +24),
# ACCREDITATION_RABBITMQ_PORT (default 5672), ACCREDITATION_RABBITMQ_DIST_PORT (Erlang
# distribution, default AMQP port + 20000), ACCREDITATION_CONFIGURATION (Release).
# Extra settings for every service: any ASP.NET Core variable (e.g. Objections__DeadlinePollInterval).
set -euo pipefail
# Everything this run writes (data, logs, environment files, the broker's) is its owner's only.
umask 077
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$(mkdir -p "${ACCREDITATION_RUN:-$ROOT/run}" && cd "${ACCREDITATION_RUN:-$ROOT/run}" && pwd)
PORT=${ACCREDITATION_PORT:-5080}
AMQP_PORT=${ACCREDITATION_RABBITMQ_PORT:-5672}
DIST_PORT=${ACCREDITATION_RABBITMQ_DIST_PORT:-$((AMQP_PORT + 20000))}
CONFIGURATION=${ACCREDITATION_CONFIGURATION:-Release}
SERVICES=(identity registration objections notifications portal gateway)
RABBIT_BIN=/usr/lib/rabbitmq/bin
# One node per run folder, so two runs (or a test next to a developer's run) never meet.
NODE="accreditation-$(printf '%s' "$RUN" | md5sum | cut -c1-8)@localhost"

declare -A PORTS=([identity]=$((PORT + 21)) [registration]=$((PORT + 22)) [objections]=$((PORT + 23)) [notifications]=$((PORT + 24)) [portal]=$((PORT + 25)) [gateway]=$PORT)
declare -A PROJECTS=([identity]=services/Identity [registration]=services/Registration [objections]=services/Objections [notifications]=services/Notifications [portal]=portal [gateway]=gateway)
declare -A ASSEMBLIES=([identity]=Accreditation.Identity [registration]=Accreditation.Registration [objections]=Accreditation.Objections [notifications]=Accreditation.Notifications [portal]=Accreditation.Portal [gateway]=Accreditation.Gateway)

url() { echo "http://127.0.0.1:$1"; }

# RabbitMQ's own environment: loopback only, data and logs under the run folder, cookie there too.
rabbit_env() {
  export HOME="$RUN/rabbitmq" RABBITMQ_NODENAME="$NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" \
    RABBITMQ_DIST_PORT="$DIST_PORT" ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_MNESIA_BASE="$RUN/rabbitmq/mnesia" \
    RABBITMQ_LOG_BASE="$RUN/rabbitmq/log" RABBITMQ_ENABLED_PLUGINS_FILE="$RUN/rabbitmq/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$RUN/rabbitmq/rabbitmq" RABBITMQ_PID_FILE="$RUN/rabbitmq/pid"
}
ctl() { (rabbit_env && "$RABBIT_BIN/rabbitmqctl" -n "$NODE" "$@"); }

ensure_packages() {
  local missing=()
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
  command -v curl >/dev/null || missing+=(curl) # the health probes
  [ ${#missing[@]} -eq 0 ] || bash "$ROOT/scripts/install-packages.sh" "${missing[@]}"
}

start_rabbitmq() {
  ensure_packages
  mkdir -p "$RUN/rabbitmq/mnesia" "$RUN/rabbitmq/log"
  echo '[].' >"$RUN/rabbitmq/enabled_plugins"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\n' "$AMQP_PORT" >"$RUN/rabbitmq/rabbitmq.conf"
  if ctl status >/dev/null 2>&1; then echo "RabbitMQ node $NODE already runs."; else
    if bash -c "exec 3<>/dev/tcp/127.0.0.1/$AMQP_PORT" 2>/dev/null; then
      echo "Port $AMQP_PORT is taken by another process (a system-wide RabbitMQ?): stop it or set ACCREDITATION_RABBITMQ_PORT." >&2
      exit 1
    fi
    (rabbit_env && exec setsid "$RABBIT_BIN/rabbitmq-server" >"$RUN/rabbitmq/server.out" 2>&1 </dev/null) &
    wait_for "RabbitMQ" 120 "exec 3<>/dev/tcp/127.0.0.1/$AMQP_PORT"
    ctl await_startup --timeout 60 >/dev/null
  fi
  # The services' own account; its password is generated once and kept in the run folder.
  local password_file="$RUN/rabbitmq/password"
  # Hex: a password starting with "-" would be read by rabbitmqctl as an option.
  [ -f "$password_file" ] || (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$password_file")
  if ! ctl list_users 2>/dev/null | grep -q '^accreditation\b'; then
    ctl add_user accreditation "$(cat "$password_file")" >/dev/null
    ctl set_permissions -p / accreditation '.*' '.*' '.*' >/dev/null
  fi
}

# API clients (officer, auditor, four States) and two staff accounts (an officer and an auditor who
# sign in to the portal), generated once with random secrets and passwords, in the standalone format.
ensure_credentials() {
  local file="$RUN/data/credentials.json"
  [ -f "$file" ] && return
  mkdir -p "$RUN/data"
  (umask 077 && python3 - "$file" <<'EOF'
import json, secrets, sys
clients = [("secretariat-officer", "officer", None), ("secretariat-auditor", "auditor", None)] + \
          [(f"state-{s.lower()}", "state", s) for s in ("AUT", "BRA", "KEN", "MEX")]
staff = [("officer@secretariat.localhost", "officer", "Secretariat officer"), ("auditor@secretariat.localhost", "auditor", "Secretariat auditor")]
json.dump({"Clients": [{"ClientId": c, "ClientSecret": secrets.token_urlsafe(24), "Role": r, "State": s} for c, r, s in clients],
           # The "-aA1" gives every character class Identity's password policy asks for.
           "Staff": [{"Email": e, "Password": secrets.token_urlsafe(24) + "-aA1", "Role": r, "DisplayName": n} for e, r, n in staff]},
          open(sys.argv[1], "w"), indent=2)
EOF
  )
}

client_settings() {
  python3 - "$RUN/data/credentials.json" <<'EOF'
import json, sys
for i, c in enumerate(json.load(open(sys.argv[1]))["Clients"]):
    for key in ("ClientId", "ClientSecret", "Role", "State"):
        if c[key] is not None:
            print(f"Identity__Clients__{i}__{key}={c[key]}")
# Created at start when absent (Identity:Staff); a file from before staff accounts has none.
for i, c in enumerate(json.load(open(sys.argv[1])).get("Staff") or []):
    for key in ("Email", "Password", "Role", "DisplayName"):
        print(f"Identity__Staff__{i}__{key}={c[key]}")
EOF
}

# Everything one service process is told, as environment variables (also kept for `restart`).
write_env() {
  local service=$1 file="$RUN/env/$1.env"
  mkdir -p "$RUN/env"
  # Private before anything is written: it holds the broker's password and the clients' secrets.
  install -m 600 /dev/null "$file"
  {
    echo "ASPNETCORE_URLS=$(url "${PORTS[$service]}")"
    echo "Data__Directory=$RUN/data"
    echo "Bus__Transport=RabbitMq"
    echo "Bus__RabbitMq__Host=127.0.0.1"
    echo "Bus__RabbitMq__Port=$AMQP_PORT"
    echo "Bus__RabbitMq__Username=accreditation"
    echo "Bus__RabbitMq__Password=$(cat "$RUN/rabbitmq/password")"
    echo "Identity__Authority=$(url "${PORTS[identity]}")"
    echo "Identity__Issuer=$(url "${PORTS[identity]}")"
    echo "Services__Identity=$(url "${PORTS[identity]}")"
    echo "Services__Registration=$(url "${PORTS[registration]}")"
    echo "Services__Objections=$(url "${PORTS[objections]}")"
    echo "Services__Notifications=$(url "${PORTS[notifications]}")"
    echo "Services__Portal=$(url "${PORTS[portal]}")"
    echo "Gateway__HttpUrl=$(url "$PORT")"
    echo "Gateway__GrpcUrl=$(url $((PORT + 1)))"
    echo "Dapr__Enabled=false"
    # Accounts confirm their address from an e-mail; with no way to send one, nobody could sign in
    # (the standalone host decides the same way).
    if [ -n "${Notifications__Smtp__Host:-}${Notifications__Email__DaprBinding:-}" ]; then
      echo "Identity__RequireConfirmedEmail=true"
    else
      echo "Identity__RequireConfirmedEmail=false"
    fi
    # E-mailed links open the portal, which confirms addresses and accepts invitations.
    echo "Notifications__Links__ConfirmEmail=$(url "$PORT")/confirm-email"
    echo "Notifications__Links__AcceptInvitation=$(url "$PORT")/invitation"
    echo "Notifications__Links__SignIn=$(url "$PORT")/sign-in"
    echo "Notifications__Links__ResetPassword=$(url "$PORT")/reset-password"
    echo "Logging__Console__FormatterName=simple"
    echo "Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning"
    echo "Logging__LogLevel__Microsoft.AspNetCore=Warning"
    echo "Logging__LogLevel__Accreditation.Messaging.Inbox=Debug"
    [ "$service" = identity ] && client_settings
    # Anything the caller exported in ASP.NET Core form (Section__Key=...) passes through.
    env | grep -E '^[A-Z][A-Za-z]+__[A-Za-z]' | grep -vE '^(Bus|Identity|Services|Gateway|Data)__' || true
  } >"$file"
}

start_service() {
  local service=$1 dll="$ROOT/${PROJECTS[$service]}/bin/$CONFIGURATION/net10.0/${ASSEMBLIES[$service]}.dll"
  [ -f "$dll" ] || { echo "$dll is missing: build first (drop --no-build)." >&2; exit 1; }
  mkdir -p "$RUN/logs" "$RUN/pids"
  local settings
  # Read, not sourced: ASP.NET Core keys may hold dots (Logging__LogLevel__Accreditation.Messaging...).
  mapfile -t settings <"$RUN/env/$service.env"
  # exec all the way down, so the recorded pid is the service's own process.
  (cd "$RUN" && exec env "${settings[@]}" setsid dotnet "$dll" >>"$RUN/logs/$service.log" 2>&1 </dev/null) &
  echo $! >"$RUN/pids/$service.pid"
}

wait_for() { # WHAT SECONDS COMMAND
  local what=$1 deadline=$((SECONDS + $2))
  until bash -c "$3" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "$what did not come up in $2 s (logs in $RUN/logs, $RUN/rabbitmq)." >&2; return 1; }
    sleep 0.2
  done
}

wait_healthy() {
  local service=$1
  if [ "$service" = gateway ]; then
    wait_for gateway 60 "curl -sf $(url "$PORT")/healthz"
  elif [ "$service" = portal ]; then
    # The portal is a web app: HTTP/1.1.
    wait_for portal 60 "curl -sf $(url "${PORTS[portal]}")/healthz"
  else
    wait_for "$service" 60 "curl -sf --http2-prior-knowledge $(url "${PORTS[$service]}")/healthz"
  fi
}

pid_of() { [ -f "$RUN/pids/$1.pid" ] && cat "$RUN/pids/$1.pid"; }
running() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

# Waits up to 10 s for a service asked to stop, then kills it.
await_stopped() {
  local service=$1 pid
  pid=$(pid_of "$service") || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN/pids/$service.pid"
}

stop_all() {
  # The gateway first, then the services, each asked to stop (SIGTERM: outbox and consumers finish), then RabbitMQ.
  local service
  for service in gateway portal notifications objections registration identity; do
    running "$service" && kill -TERM "$(pid_of "$service")" 2>/dev/null || true
  done
  for service in "${SERVICES[@]}"; do await_stopped "$service"; done
  ctl stop >/dev/null 2>&1 || true
  echo "Stopped (data kept in $RUN)."
}

print_addresses() {
  cat <<EOF
Accreditation is running (distributed: one process per service, RabbitMQ on 127.0.0.1:$AMQP_PORT).
  Portal:                      $(url "$PORT")/  (through the gateway; the portal itself on $(url "${PORTS[portal]}"))
  JSON API and token endpoint: $(url "$PORT")/  (HTTP/1.1)
  gRPC API:                    $(url $((PORT + 1)))/  (h2c)
  Services (h2c):              identity $(url "${PORTS[identity]}"), registration $(url "${PORTS[registration]}"),
                               objections $(url "${PORTS[objections]}"), notifications $(url "${PORTS[notifications]}")
  RabbitMQ node:               $NODE (data and logs in $RUN/rabbitmq)
  Run folder:                  $RUN  (data/, logs/, env/, pids/)
  Staff accounts:              officer@secretariat.localhost, auditor@secretariat.localhost (sign in to the portal)
  Passwords and secrets:       $RUN/data/credentials.json  (walkthrough: DATA=$RUN/data bash scripts/walkthrough.sh)
Stop with Ctrl-C here, or: scripts/run-distributed.sh stop
EOF
}

case "${1:-start}" in
  stop) stop_all; exit 0 ;;
  status)
    for service in "${SERVICES[@]}"; do
      if running "$service"; then echo "$service: running, pid $(pid_of "$service"), port ${PORTS[$service]}"; else echo "$service: stopped"; fi
    done
    ctl status >/dev/null 2>&1 && echo "rabbitmq: running ($NODE, port $AMQP_PORT)" || echo "rabbitmq: stopped"
    exit 0 ;;
  rabbitmqctl) shift; ctl "$@"; exit $? ;;
  restart)
    service=${2:?which service}
    [ -n "${PROJECTS[$service]:-}" ] || { echo "Unknown service $service (one of ${SERVICES[*]})." >&2; exit 2; }
    running "$service" && kill -TERM "$(pid_of "$service")" && await_stopped "$service"
    start_service "$service"; wait_healthy "$service"; echo "$service restarted, pid $(pid_of "$service")"
    exit 0 ;;
esac

detach=false build=true
for arg in "$@"; do
  case "$arg" in
    start) ;;
    --detach) detach=true ;;
    --no-build) build=false ;;
    *) echo "Unknown argument $arg" >&2; exit 2 ;;
  esac
done

if $build; then
  for service in "${SERVICES[@]}"; do dotnet build "$ROOT/${PROJECTS[$service]}" -c "$CONFIGURATION" -v quiet -nologo >/dev/null; done
fi
start_rabbitmq
ensure_credentials
# Whatever was started is stopped again if the start fails, and when a foreground run ends (Ctrl-C).
trap 'echo; stop_all' EXIT
trap 'exit 0' INT TERM
# Identity first: the others fetch its signing keys to validate tokens.
for service in "${SERVICES[@]}"; do
  write_env "$service"
  running "$service" || start_service "$service"
  wait_healthy "$service"
done
print_addresses
if $detach; then trap - EXIT; exit 0; fi
while true; do sleep 1 & wait $!; done
