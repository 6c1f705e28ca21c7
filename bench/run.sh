#!/usr/bin/env bash
# Load benchmark of the OpenAI passthrough: wrk -> nginx (direct) versus
# wrk -> optoant -> nginx (gateway), interleaved per scenario in one run.
# Progress goes to stderr, the markdown results table to stdout.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
GATEWAY_JAR=${GATEWAY_JAR:-$REPO_DIR/app/target/optoant.jar}
GATEWAY_CONFIG=${GATEWAY_CONFIG:-config.yml}   # relative to the repo root
JAVA_OPTS=${JAVA_OPTS:-}
DURATION=${DURATION:-15s}          # per measured wrk run; "15" means seconds too
WARMUP=${WARMUP:-10s}              # gateway warm-up per path, not measured
STREAM=${STREAM:-1}                # 0 skips the SSE scenarios
UPSTREAM_PORT=${UPSTREAM_PORT:-18080}
GATEWAY_PORT=${GATEWAY_PORT:-18090}
GATEWAY_ADMIN_PORT=${GATEWAY_ADMIN_PORT:-18091}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}  # seconds
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION+=s
[[ $WARMUP =~ ^[0-9]+$ ]] && WARMUP+=s

CHAT_PATH=/v1/chat/completions
STREAM_PATH=/v1/stream/chat/completions

log() { echo "[bench] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- tools -------------------------------------------------------------------
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  log "installing ${need[*]}"
  $sudo apt-get update -qq >&2
  # nginx-light is enough (core + sub_filter) where it exists (Debian <= 12).
  if [[ " ${need[*]} " == *" nginx "* ]] && apt-cache show nginx-light >/dev/null 2>&1; then
    need=("${need[@]/#nginx/nginx-light}")
  fi
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
[[ -x $JAVA ]] || die "JAVA=$JAVA is not executable (need a JDK >= 21)"
[[ -f $GATEWAY_JAR ]] || die "GATEWAY_JAR=$GATEWAY_JAR not found; build it first"

for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; set UPSTREAM_PORT/GATEWAY_PORT/GATEWAY_ADMIN_PORT"
  fi
done

# --- lifecycle ---------------------------------------------------------------
WORK=$(mktemp -d /tmp/gwbench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as nobody and must read html/
NGINX_PID='' GATEWAY_PID=''

stop() {  # stop <pid> <seconds>: TERM, then KILL if still alive
  local pid=$1 i
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT
  stop "$GATEWAY_PID" 20   # gives the gateway time to stop what it embeds
  stop "$NGINX_PID" 5
  if ((rc != 0)) && [[ -f $WORK/gateway.log ]]; then
    log "gateway.log (tail):"
    tail -n 30 "$WORK/gateway.log" >&2
  fi
  if ((rc == 0)) && [[ -z ${KEEP_LOGS:-} ]]; then
    rm -rf "$WORK"
  else
    log "logs (wrk.log, gateway.log, nginx/) kept in $WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() {  # wait_for <pid> <seconds> <description> <command...>
  local pid=$1 timeout=$2 what=$3 deadline=$((SECONDS + $2))
  shift 3
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || die "$what exited during startup"
    ((SECONDS < deadline)) || die "$what not ready after ${timeout}s"
    sleep 0.5
  done
}

# --- upstream: nginx ---------------------------------------------------------
mkdir -p "$WORK/nginx/html"
cp "$BENCH_DIR"/upstream/* "$WORK/nginx/html/"
sed "s/@PORT@/$UPSTREAM_PORT/g" "$BENCH_DIR/nginx.conf" >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT
wait_for "$NGINX_PID" 10 nginx curl -fsS -X POST "$UPSTREAM$CHAT_PATH"
log "nginx up on $UPSTREAM"

# --- gateway -----------------------------------------------------------------
# Run a copy so a rebuild of the jar during the run cannot swap it underneath.
cp "$GATEWAY_JAR" "$WORK/gateway.jar"
(
  cd "$REPO_DIR"
  # -Ddw.* are Dropwizard config overrides: bind to loopback only.
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
  PORT=$GATEWAY_PORT ADMIN_PORT=$GATEWAY_ADMIN_PORT OPENAI_BACKEND=$UPSTREAM \
    exec "$JAVA" $JAVA_OPTS \
    "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1" \
    "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1" \
    -jar "$WORK/gateway.jar" server "$GATEWAY_CONFIG"
) >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
log "waiting for $GATEWAY/health (up to ${HEALTH_TIMEOUT}s)"
health_ok() { curl -fsS "$GATEWAY/health" | grep -q '"status" *: *"ok"'; }
wait_for "$GATEWAY_PID" "$HEALTH_TIMEOUT" gateway health_ok
log "gateway up on $GATEWAY"

# Both paths must pass through intact before any number means anything.
check() {  # check <base-url> <path> <expected substring> <body>
  local out
  out=$(curl -sS -X POST -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-bench-0000000000000000' -d "$4" \
    -w '\nHTTP %{http_code}' "$1$2") || die "POST $1$2 failed"
  [[ $out == *"$3"* && $out == *"HTTP 200" ]] || die "POST $1$2 unexpected response: ${out:0:500}"
}
for base in "$UPSTREAM" "$GATEWAY"; do
  check "$base" "$CHAT_PATH" '"usage"' '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'
  if ((STREAM)); then
    check "$base" "$STREAM_PATH" 'data: [DONE]' '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}'
  fi
done

# --- load --------------------------------------------------------------------
# run_wrk <base-url> <threads> <conns> <duration> <path> [stream]
# prints "p50_us p99_us rps errors non2xx"
run_wrk() {
  local url=$1 t=$2 c=$3 d=$4 out
  shift 4
  out=$(wrk -t"$t" -c"$c" -d"$d" --latency --timeout 10s -s "$BENCH_DIR/post.lua" "$url" -- "$@") ||
    die "wrk failed against $url"
  printf '### %s -t%s -c%s %s\n%s\n' "$url" "$t" "$c" "$*" "$out" >>"$WORK/wrk.log"
  sed -nE 's/^RESULT p50_us=([0-9]+) p99_us=([0-9]+) rps=([0-9.]+) requests=[0-9]+ errors=([0-9]+) non2xx=([0-9]+)$/\1 \2 \3 \4 \5/p' <<<"$out" |
    grep . || die "no RESULT line from wrk: $out"
}

log "warm-up through the gateway (${WARMUP} per path)"
run_wrk "$GATEWAY" 2 16 "$WARMUP" "$CHAT_PATH" >/dev/null
if ((STREAM)); then run_wrk "$GATEWAY" 2 16 "$WARMUP" "$STREAM_PATH" stream >/dev/null; fi

# name|threads|connections|path|stream flag
scenarios=(
  "chat, latency, 1 conn|1|1|$CHAT_PATH|"
  "chat, latency, 10 conns|2|10|$CHAT_PATH|"
  "chat, throughput, 16 conns|2|16|$CHAT_PATH|"
)
if ((STREAM)); then
  scenarios+=(
    "SSE, latency, 1 conn|1|1|$STREAM_PATH|stream"
    "SSE, throughput, 16 conns|2|16|$STREAM_PATH|stream"
  )
fi

rows=()
for s in "${scenarios[@]}"; do
  IFS='|' read -r name t c path flag <<<"$s"
  log "$name: direct"
  res=$(run_wrk "$UPSTREAM" "$t" "$c" "$DURATION" "$path" "$flag")
  read -r dp50 dp99 drps derr dnon <<<"$res"
  log "$name: gateway"
  res=$(run_wrk "$GATEWAY" "$t" "$c" "$DURATION" "$path" "$flag")
  read -r gp50 gp99 grps gerr gnon <<<"$res"
  rows+=("$(printf '| %s | %d / %d | %d / %d | %+d / %+d | %.0f | %.0f | %d / %d |' \
    "$name" "$dp50" "$dp99" "$gp50" "$gp99" $((gp50 - dp50)) $((gp99 - dp99)) \
    "$drps" "$grps" $((derr + dnon)) $((gerr + gnon)))")
done

# --- report ------------------------------------------------------------------
cat <<EOF
optoant passthrough benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none)
$(nproc) cores shared by wrk, nginx and the gateway; $("$JAVA" -version 2>&1 | head -n 1); wrk ${DURATION} per run after ${WARMUP} warm-up per path.
Latencies in microseconds (p50 / p99); added = gateway - direct; errors = socket errors + non-2xx (direct / gateway).

| scenario | direct p50 / p99 | gateway p50 / p99 | added p50 / p99 | req/s direct | req/s gateway | errors |
|---|---|---|---|---|---|---|
EOF
printf '%s\n' "${rows[@]}"
