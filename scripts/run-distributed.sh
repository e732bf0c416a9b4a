#!/usr/bin/env bash
# The distributed topology on one machine: RabbitMQ (bound to loopback, its own data folder) and
# every service and the gateway as separate processes, configured by environment only.
#
#   scripts/run-distributed.sh [--detach] [--no-build] [--postgres [--replicas N]]   start everything; Ctrl-C stops it all
#   scripts/run-distributed.sh stop                      stop everything (services, then PostgreSQL and RabbitMQ)
#   scripts/run-distributed.sh restart SERVICE[-N]       start one service (every replica in turn) or one replica again
#   scripts/run-distributed.sh kill SERVICE[-N]          SIGKILL a process (a crash, for tests and drills)
#   scripts/run-distributed.sh status                    what runs, with process ids
#   scripts/run-distributed.sh rabbitmqctl ARGS...       rabbitmqctl against this run's node (e.g. list_queues name messages)
#   scripts/run-distributed.sh pg_ctl ARGS...            pg_ctl against this run's PostgreSQL (e.g. restart -m immediate)
#
# --postgres: a PostgreSQL server of the run's own (Debian's postgresql, loopback only, data under
# run/postgres/data, run as the postgres user when started as root), one database and one user per
# service with generated passwords (run/postgres/<service>.password), and N replicas (--replicas N,
# or ACCREDITATION_REPLICAS; default 2) of Registration and Objections (registration-1, ...), replica
# N on its service's port + 10 x (N - 1), all behind the gateway. The run folder remembers the choice.
#
# Environment: ACCREDITATION_RUN (run folder, default ./run), ACCREDITATION_PORT (gateway HTTP
# port, default 5080; gRPC +1, identity +21, registration +22, objections +23, notifications +24),
# ACCREDITATION_RABBITMQ_PORT (default 5672), ACCREDITATION_RABBITMQ_DIST_PORT (Erlang
# distribution, default AMQP port + 20000), ACCREDITATION_POSTGRES_PORT (default gateway port + 26),
# ACCREDITATION_REPLICAS (2), ACCREDITATION_CONFIGURATION (Release).
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
# The services that may run as several replicas (their data in PostgreSQL, which the replicas share).
REPLICATED=(registration objections)
# As the run was started (run/replicas), for stop, status and restart.
REPLICAS=${ACCREDITATION_REPLICAS:-$(cat "$RUN/replicas" 2>/dev/null || echo 2)}
PG_PORT=${ACCREDITATION_POSTGRES_PORT:-$((PORT + 26))}
PG_DIR="$RUN/postgres"
PGDATA="$PG_DIR/data"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DATABASES=(identity registration objections notifications)
TOPOLOGY="$RUN/topology"
postgres=false
[ "$(cat "$TOPOLOGY" 2>/dev/null)" = postgres ] && postgres=true
declare -A ASSEMBLIES=([identity]=Accreditation.Identity [registration]=Accreditation.Registration [objections]=Accreditation.Objections [notifications]=Accreditation.Notifications [portal]=Accreditation.Portal [gateway]=Accreditation.Gateway)

url() { echo "http://127.0.0.1:$1"; }

replicated() { [[ " ${REPLICATED[*]} " == *" $1 "* ]]; }
# registration-2 -> registration; identity -> identity.
service_of() { echo "${1%-[0-9]*}"; }
# Every process of this run, in start order: with --postgres, each replicated service N times.
instances() {
  local service n
  for service in "${SERVICES[@]}"; do
    if $postgres && replicated "$service"; then
      for n in $(seq "$REPLICAS"); do echo "$service-$n"; done
    else echo "$service"; fi
  done
}
instances_of() { instances | grep -E "^$1(-[0-9]+)?\$" || true; }
port_of() {
  local service n
  service=$(service_of "$1")
  if [[ $1 =~ -([0-9]+)$ ]]; then n=${BASH_REMATCH[1]}; echo $((PORTS[$service] + 10 * (n - 1))); else echo "${PORTS[$service]}"; fi
}
# The addresses of a service's processes, ',' between them (the gateway's Services__ setting).
addresses_of() { local i list=(); for i in $(instances_of "$1"); do list+=("$(url "$(port_of "$i")")"); done; (IFS=,; echo "${list[*]}"); }

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
  if $postgres; then [ -x "$PG_BIN/pg_ctl" ] || missing+=(postgresql); fi
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

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user the package creates.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
pgctl() { as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_DIR/log/server.log" "$@"; }
psql_admin() {
  PGPASSWORD=$(cat "$PG_DIR/password") "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}
new_password() { [ -f "$1" ] || (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$1"); }

start_postgres() {
  ensure_packages
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    # The postgres user may pass through the run folder to its data, and read nothing else there.
    chgrp postgres "$RUN" "$PG_DIR" && chmod 710 "$RUN" "$PG_DIR"
    as_postgres test -x "$PG_DIR" || {
      echo "The postgres user cannot reach $PG_DIR: a folder above it denies it search permission (chmod o+x it, or choose another ACCREDITATION_RUN)." >&2
      exit 1
    }
  fi
  new_password "$PG_DIR/password"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$PGDATA" "$PG_DIR/log"; else mkdir -p -m 700 "$PGDATA" "$PG_DIR/log"; fi
    # The superuser's password, handed over in a file of the postgres user's own for as long as initdb runs.
    local pwfile="$PG_DIR/log/initdb-password"
    install -m 600 "$PG_DIR/password" "$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
    as_postgres "$PG_BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=reject -E UTF8 --no-locale >"$PG_DIR/initdb.out" 2>&1 \
      || { rm -f "$pwfile"; cat "$PG_DIR/initdb.out" >&2; exit 1; }
    rm -f "$pwfile"
    # Loopback TCP only, no Unix socket (nothing in /var/run): every client, psql included, signs in with a password.
    printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\n" \
      | as_postgres tee -a "$PGDATA/postgresql.conf" >/dev/null
  fi
  if pgctl status >/dev/null 2>&1; then echo "PostgreSQL already runs ($PGDATA)."; else
    if bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null; then
      echo "Port $PG_PORT is taken by another process (a system-wide PostgreSQL?): stop it or set ACCREDITATION_POSTGRES_PORT." >&2
      exit 1
    fi
    pgctl -o "-p $PG_PORT" -w -t 60 start >/dev/null || { tail -20 "$PG_DIR/log/server.log" >&2; exit 1; }
  fi
  # One user and one database per service; no other user may connect to it.
  local service
  for service in "${DATABASES[@]}"; do
    new_password "$PG_DIR/$service.password"
    [ -n "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$service'")" ] \
      || psql_admin -c "CREATE ROLE $service LOGIN PASSWORD '$(cat "$PG_DIR/$service.password")'"
    if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$service'")" ]; then
      psql_admin -c "CREATE DATABASE $service OWNER $service"
      psql_admin -c "REVOKE ALL ON DATABASE $service FROM PUBLIC"
    fi
  done
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
  local instance=$1 service file="$RUN/env/$1.env" target
  service=$(service_of "$instance")
  mkdir -p "$RUN/env"
  # Private before anything is written: it holds the broker's password and the clients' secrets.
  install -m 600 /dev/null "$file"
  {
    echo "ASPNETCORE_URLS=$(url "$(port_of "$instance")")"
    echo "Data__Directory=$RUN/data"
    echo "Bus__Transport=RabbitMq"
    echo "Bus__RabbitMq__Host=127.0.0.1"
    echo "Bus__RabbitMq__Port=$AMQP_PORT"
    echo "Bus__RabbitMq__Username=accreditation"
    echo "Bus__RabbitMq__Password=$(cat "$RUN/rabbitmq/password")"
    echo "Identity__Authority=$(url "${PORTS[identity]}")"
    echo "Identity__Issuer=$(url "${PORTS[identity]}")"
    # The gateway, the portal and the ledger witness (Notifications) balance over every replica; the others take the first.
    for target in Identity Registration Objections Notifications Portal; do
      if [ "$service" = gateway ] || [ "$service" = portal ] || [ "$service$target" = notificationsRegistration ]; then echo "Services__$target=$(addresses_of "${target,,}")"
      else echo "Services__$target=$(url "$(port_of "$(instances_of "${target,,}" | head -1)")")"; fi
    done
    if $postgres && [[ " ${DATABASES[*]} " == *" $service "* ]]; then
      echo "Database__Provider=PostgreSql"
      echo "ConnectionStrings__${service^}=Host=127.0.0.1;Port=$PG_PORT;Database=$service;Username=$service;Password=$(cat "$PG_DIR/$service.password")"
    fi
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
    env | grep -E '^[A-Z][A-Za-z]+__[A-Za-z]' | grep -vE '^(Bus|Identity|Services|Gateway|Data|Database|ConnectionStrings)__' || true
  } >"$file"
}

start_service() {
  local instance=$1 service
  service=$(service_of "$instance")
  local dll="$ROOT/${PROJECTS[$service]}/bin/$CONFIGURATION/net10.0/${ASSEMBLIES[$service]}.dll"
  [ -f "$dll" ] || { echo "$dll is missing: build first (drop --no-build)." >&2; exit 1; }
  mkdir -p "$RUN/logs" "$RUN/pids"
  local settings
  # Read, not sourced: ASP.NET Core keys may hold dots (Logging__LogLevel__Accreditation.Messaging...).
  mapfile -t settings <"$RUN/env/$instance.env"
  # exec all the way down, so the recorded pid is the service's own process.
  (cd "$RUN" && exec env "${settings[@]}" setsid dotnet "$dll" >>"$RUN/logs/$instance.log" 2>&1 </dev/null) &
  echo $! >"$RUN/pids/$instance.pid"
}

wait_for() { # WHAT SECONDS COMMAND [PID that must stay alive]
  local what=$1 deadline=$((SECONDS + $2))
  until bash -c "$3" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "$what did not come up in $2 s (logs in $RUN/logs, $RUN/rabbitmq)." >&2; return 1; }
    [ -z "${4:-}" ] || kill -0 "$4" 2>/dev/null || { echo "$what exited while starting (log: $RUN/logs/$what.log):" >&2; tail -5 "$RUN/logs/$what.log" >&2; return 1; }
    sleep 0.2
  done
}

wait_healthy() {
  local instance=$1
  if [ "$instance" = gateway ]; then
    wait_for gateway 60 "curl -sf $(url "$PORT")/healthz" "$(pid_of gateway)"
  elif [ "$instance" = portal ]; then
    # The portal is a web app: HTTP/1.1.
    wait_for portal 60 "curl -sf $(url "${PORTS[portal]}")/healthz" "$(pid_of portal)"
  else
    wait_for "$instance" 60 "curl -sf --http2-prior-knowledge $(url "$(port_of "$instance")")/healthz" "$(pid_of "$instance")"
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
  local instance
  for instance in $(instances | tac); do
    running "$instance" && kill -TERM "$(pid_of "$instance")" 2>/dev/null || true
  done
  for instance in $(instances); do await_stopped "$instance"; done
  if $postgres; then pgctl -m fast -w stop >/dev/null 2>&1 || true; fi
  ctl stop >/dev/null 2>&1 || true
  echo "Stopped (data kept in $RUN)."
}

print_addresses() {
  local PG_LINE=""
  $postgres && PG_LINE="  PostgreSQL:                  127.0.0.1:$PG_PORT, a database and user per service (data in $PGDATA, passwords in $PG_DIR)
"
  cat <<EOF
Accreditation is running (distributed: one process per service, RabbitMQ on 127.0.0.1:$AMQP_PORT).
  Portal:                      $(url "$PORT")/  (through the gateway; the portal itself on $(url "${PORTS[portal]}"))
  JSON API and token endpoint: $(url "$PORT")/  (HTTP/1.1)
  gRPC API:                    $(url $((PORT + 1)))/  (h2c)
  Services (h2c):              identity $(addresses_of identity), registration $(addresses_of registration),
                               objections $(addresses_of objections), notifications $(addresses_of notifications)
  RabbitMQ node:               $NODE (data and logs in $RUN/rabbitmq)
${PG_LINE}  Run folder:                  $RUN  (data/, logs/, env/, pids/)
  Staff accounts:              officer@secretariat.localhost, auditor@secretariat.localhost (sign in to the portal)
  Passwords and secrets:       $RUN/data/credentials.json  (walkthrough: DATA=$RUN/data bash scripts/walkthrough.sh)
Stop with Ctrl-C here, or: scripts/run-distributed.sh stop
EOF
}

case "${1:-start}" in
  stop) stop_all; exit 0 ;;
  status)
    for instance in $(instances); do
      if running "$instance"; then echo "$instance: running, pid $(pid_of "$instance"), port $(port_of "$instance")"; else echo "$instance: stopped"; fi
    done
    ctl status >/dev/null 2>&1 && echo "rabbitmq: running ($NODE, port $AMQP_PORT)" || echo "rabbitmq: stopped"
    if $postgres; then pgctl status >/dev/null 2>&1 && echo "postgresql: running (port $PG_PORT, $PGDATA)" || echo "postgresql: stopped"; fi
    exit 0 ;;
  rabbitmqctl) shift; ctl "$@"; exit $? ;;
  pg_ctl) shift; $postgres || { echo "This run has no PostgreSQL (started without --postgres)." >&2; exit 2; }; pgctl "$@"; exit $? ;;
  restart | kill)
    # A service's every replica (in turn, so one always answers), or one replica (registration-2).
    targets=$(instances_of "${2:?which service}")
    [ -n "$targets" ] || { echo "Unknown service or replica ${2} (one of $(instances | tr '\n' ' '))." >&2; exit 2; }
    for instance in $targets; do
      if [ "$1" = kill ]; then
        running "$instance" && kill -KILL "$(pid_of "$instance")" && await_stopped "$instance"
        echo "$instance killed"
      else
        running "$instance" && kill -TERM "$(pid_of "$instance")" && await_stopped "$instance"
        start_service "$instance"; wait_healthy "$instance"; echo "$instance restarted, pid $(pid_of "$instance")"
      fi
    done
    exit 0 ;;
esac

detach=false build=true
while [ $# -gt 0 ]; do
  case "$1" in
    start) ;;
    --detach) detach=true ;;
    --no-build) build=false ;;
    --postgres) postgres=true ;;
    --replicas)
      [[ ${2:-} =~ ^[1-9]$ ]] || { echo "--replicas takes a number of replicas, 1 to 9 (replica N listens on its service's port + 10 x (N - 1))." >&2; exit 2; }
      REPLICAS=$2; shift ;;
    *) echo "Unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

if $build; then
  for service in "${SERVICES[@]}"; do dotnet build "$ROOT/${PROJECTS[$service]}" -c "$CONFIGURATION" -v quiet -nologo >/dev/null; done
fi
# Remembered for stop, status, restart and pg_ctl.
if $postgres; then echo postgres >"$TOPOLOGY"; echo "$REPLICAS" >"$RUN/replicas"; else rm -f "$TOPOLOGY" "$RUN/replicas"; fi
# Whatever was started is stopped again if the start fails, and when a foreground run ends (Ctrl-C).
trap 'echo; stop_all' EXIT
trap 'exit 0' INT TERM
start_rabbitmq
if $postgres; then start_postgres; fi
ensure_credentials
# Identity first: the others fetch its signing keys to validate tokens.
# Replicas one after the other: the first applies the migrations, the next finds them applied.
for instance in $(instances); do
  write_env "$instance"
  running "$instance" || start_service "$instance"
  wait_healthy "$instance"
done
print_addresses
if $detach; then trap - EXIT; exit 0; fi
while true; do sleep 1 & wait $!; done
