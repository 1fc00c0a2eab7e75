#!/usr/bin/env bash
# The local demo in one command: builds samkost, starts a real Keycloak with one realm per demo
# municipality on http://127.0.0.1:8180 and the service on http://127.0.0.1:8080 (with its own
# embedded PostgreSQL). Ctrl-C stops both.
#
# Needs only a JDK 17: Maven comes through ./mvnw, Keycloak and PostgreSQL from Maven Central.
#
#   SAMKOST_HOME        data and logs, default ~/.samkost (pgdata/ survives restarts,
#                       keycloak.log is Keycloak's log)
#   SAMKOST_SKIP_BUILD  1 = use the existing target/quarkus-app (no ./mvnw package)
#
# DEMO ONLY: Keycloak runs in dev mode without TLS, with admin/admin and password "demo" for
# every user (deploy/keycloak/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

KEYCLOAK_VERSION=26.4.7
KC_PORT=8180
APP_PORT=8080
KC_URL="http://127.0.0.1:${KC_PORT}"
APP_URL="http://127.0.0.1:${APP_PORT}"
SAMKOST_HOME="${SAMKOST_HOME:-$HOME/.samkost}"
KC_PARENT="$ROOT/target/keycloak"
KC_HOME="$KC_PARENT/keycloak-$KEYCLOAK_VERSION"
KC_LOG="$SAMKOST_HOME/keycloak.log"
KC_PID=""
APP_PID=""

log() { printf '[run.sh] %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# --- stopping ----------------------------------------------------------------------------------

# stop <pid> <name>: SIGTERM, then up to 30 s for a clean shutdown, then SIGKILL.
stop() {
  local pid=$1 name=$2 i
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop within 30 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  trap - EXIT INT TERM
  # The service first (it still talks to PostgreSQL and may fetch keys from Keycloak), then Keycloak.
  stop "$APP_PID" "samkost"
  stop "$KC_PID" "Keycloak"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- helpers -----------------------------------------------------------------------------------

# http_ok <port> <path>: true when http://127.0.0.1:<port><path> answers 200. curl if there is
# one, else bash's /dev/tcp (a fresh machine may have no curl).
http_ok() {
  local port=$1 path=$2
  if command -v curl >/dev/null 2>&1; then
    curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:${port}${path}"
  else
    (
      exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
      IFS= read -r -t 5 status <&3 || exit 1
      [[ $status == HTTP/1.[01]\ 200* ]]
    ) 2>/dev/null
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until <seconds> <pid> <name> <port> <path>
wait_until() {
  local seconds=$1 pid=$2 name=$3 port=$4 path=$5 start=$SECONDS
  until http_ok "$port" "$path"; do
    kill -0 "$pid" 2>/dev/null || return 1
    ((SECONDS - start < seconds)) || return 1
    sleep 1
  done
}

# --- checks ------------------------------------------------------------------------------------

command -v java >/dev/null 2>&1 || die "needs a JDK 17 or newer: no java on the PATH"
command -v jar >/dev/null 2>&1 || die "needs a JDK (not only a JRE): no jar on the PATH"
JAVA_SPEC=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${JAVA_SPEC%%.*}" -ge 17 ] 2>/dev/null || die "needs Java 17 or newer, found '${JAVA_SPEC:-unknown}'"
for port in "$KC_PORT" "$APP_PORT"; do
  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is already in use (another run.sh still running?)"
  fi
done
mkdir -p "$SAMKOST_HOME"

# --- 1. build ----------------------------------------------------------------------------------

if [ "${SAMKOST_SKIP_BUILD:-0}" = 1 ]; then
  log "SAMKOST_SKIP_BUILD=1: using the existing build"
else
  log "building samkost (./mvnw package; the first run downloads Maven and the dependencies)"
  # Formatting is checked by ./mvnw verify; a demo run should not stop over it.
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
fi
[ -f target/quarkus-app/quarkus-run.jar ] || die "target/quarkus-app/quarkus-run.jar is missing: build first (unset SAMKOST_SKIP_BUILD)"

# --- 2. Keycloak from Maven Central ------------------------------------------------------------

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
  mkdir -p "$KC_PARENT"
  ./mvnw -B -q dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" \
    -DoutputDirectory="$KC_PARENT"
  # Unpack next to the final place and move it there, so that an interrupted unpack never looks
  # like a complete Keycloak. jar (from the JDK) because unzip may be missing; it drops the
  # executable bits, hence "bash kc.sh" below.
  unpack="$KC_PARENT/.unpack-$$"
  rm -rf "$unpack"
  mkdir -p "$unpack"
  (cd "$unpack" && jar xf "$KC_PARENT/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip")
  rm -rf "$KC_HOME"
  mv "$unpack/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$unpack" "$KC_PARENT/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
fi

# The realms come from deploy/keycloak. Keycloak's own database (H2, under its data/) is kept
# between runs so that a restart skips the import, and thrown away when the realm files changed:
# an import never overwrites a realm that already exists.
mkdir -p "$KC_HOME/data/import"
rm -f "$KC_HOME/data/import/"*.json
cp deploy/keycloak/kommune-*-realm.json "$KC_HOME/data/import/"
realms_sum=$(cat deploy/keycloak/kommune-*-realm.json | cksum)
if [ "$(cat "$KC_HOME/data/realms.cksum" 2>/dev/null || true)" != "$realms_sum" ]; then
  rm -rf "$KC_HOME/data/h2"
  printf '%s\n' "$realms_sum" >"$KC_HOME/data/realms.cksum"
fi

# --- 3. start Keycloak -------------------------------------------------------------------------

log "starting Keycloak on $KC_URL (log: $KC_LOG)"
started=$SECONDS
# --hostname fixes the issuer to http://127.0.0.1:8180/realms/... whether a client calls
# localhost or 127.0.0.1; the tenant files expect exactly that issuer.
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  bash "$KC_HOME/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 \
  --http-port="$KC_PORT" \
  --hostname="$KC_URL" \
  --import-realm \
  </dev/null >"$KC_LOG" 2>&1 &
KC_PID=$!
if ! wait_until 180 "$KC_PID" Keycloak "$KC_PORT" /realms/kommune-0716/.well-known/openid-configuration; then
  tail -n 30 "$KC_LOG" >&2 || true
  die "Keycloak did not come up (full log: $KC_LOG)"
fi
log "Keycloak ready in $((SECONDS - started)) s: $KC_URL (admin console $KC_URL/admin, admin/admin, demo only)"

# --- 4. start the service ----------------------------------------------------------------------

log "starting samkost on $APP_URL (data: $SAMKOST_HOME/pgdata)"
started=$SECONDS
# The browser login's client secrets of the demo realms (deploy/keycloak/generate-realms.sh); the
# tenant files name these variables (oidc.webLogin.clientSecretEnv), never the secrets.
for code in 0702 0706 0714 0716; do
  export "SAMKOST_WEB_SECRET_${code}=demo-web-secret-${code}"
done
java \
  -Dsamkost.embedded.data-dir="$SAMKOST_HOME/pgdata" \
  -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$APP_PORT" \
  -jar target/quarkus-app/quarkus-run.jar </dev/null &
APP_PID=$!
if wait_until 180 "$APP_PID" samkost "$APP_PORT" /q/health/ready; then
  log "samkost ready in $((SECONDS - started)) s: $APP_URL (API docs $APP_URL/q/swagger-ui). Ctrl-C stops both."
  log "web front end: $APP_URL/app/ (log in as coordinator-0716, auditor-0716, group-0714, ...; password demo)"
elif kill -0 "$APP_PID" 2>/dev/null; then
  log "samkost is still not ready after 180 s; keeping it running (see its log above)"
fi

# --- 5. run until one of them stops or we are told to stop -------------------------------------

# Polling rather than "wait -n": wait -n misses a child that exited before it was called.
while kill -0 "$KC_PID" 2>/dev/null && kill -0 "$APP_PID" 2>/dev/null; do
  sleep 1
done
if ! kill -0 "$APP_PID" 2>/dev/null; then
  status=0
  wait "$APP_PID" || status=$?
  APP_PID=""
  log "samkost stopped on its own (exit status $status); stopping Keycloak"
else
  status=0
  wait "$KC_PID" || status=$?
  KC_PID=""
  log "Keycloak stopped on its own (exit status $status, log: $KC_LOG); stopping samkost"
fi
exit 1
