# shellcheck shell=bash
# Shared helpers of the benchmark scripts (run.sh, compare.sh, streams.sh): tools, a temp dir, processes started
# and stopped by pid, nginx, the gateway, wrk. Source it after `set -euo pipefail`; then call bench_init.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
GATEWAY_JAR=${GATEWAY_JAR:-$REPO_DIR/app/target/optoant.jar}
GATEWAY_CONFIG=${GATEWAY_CONFIG:-config.yml}   # relative to the repo root
# The JVM options operators get (docker/Dockerfile, docs/operations.md "Memory"), so the published figures are for
# them; set JAVA_OPTS to run with others (JAVA_OPTS=' ' for the JVM's defaults).
RECOMMENDED_JAVA_OPTS='-XX:+UseSerialGC -Xms96m -Xmx768m -XX:NewSize=48m -XX:MaxNewSize=96m'
JAVA_OPTS=${JAVA_OPTS:-$RECOMMENDED_JAVA_OPTS}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}  # seconds

CHAT_PATH=/v1/chat/completions
MESSAGES_PATH=/anthropic/v1/messages
BODIES=$BENCH_DIR/bodies
# The upstream (nginx.conf) answers the agent key with the agent reply, any other with the chat one.
SMALL_KEY=sk-bench-0000000000000000
AGENT_KEY=sk-bench-agent-0000000000000000

log() { echo "[bench $(date -u +%T)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ensure_tools <command[:debian-package]>...: installs the missing ones with apt-get.
ensure_tools() {
  local spec cmd pkg sudo=
  local -a need=()
  for spec in "$@"; do
    cmd=${spec%%:*} pkg=${spec#*:}
    command -v "$cmd" >/dev/null || need+=("$pkg")
  done
  ((${#need[@]})) || return 0
  [[ $(id -u) == 0 ]] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  log "installing ${need[*]}"
  $sudo apt-get update -qq >&2
  # nginx-light is enough (core + sub_filter) where it exists (Debian <= 12).
  if [[ " ${need[*]} " == *" nginx "* ]] && apt-cache show nginx-light >/dev/null 2>&1; then
    need=("${need[@]/#nginx/nginx-light}")
  fi
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
}

require_gateway() {
  [[ -x $JAVA ]] || die "JAVA=$JAVA is not executable (need a JDK >= 21)"
  [[ -f $GATEWAY_JAR ]] || die "GATEWAY_JAR=$GATEWAY_JAR not found; build it first"
}

require_free_ports() {  # require_free_ports <port>...
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is already in use; see the *_PORT settings"
    fi
  done
}

# --- lifecycle ---------------------------------------------------------------
# Every process a script starts is tracked by pid and stopped on exit (reverse order), on failure and Ctrl-C too.
STARTED=()   # "pid:grace-seconds"

track() { STARTED+=("$1:$2"); }  # track <pid> <grace seconds for TERM before KILL>

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

bench_cleanup() {
  local rc=$? i f
  trap - EXIT
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    stop "${STARTED[i]%%:*}" "${STARTED[i]#*:}"
  done
  if ((rc != 0)); then
    for f in "$WORK"/*.log; do
      [[ -f $f && $f != */wrk.log ]] || continue
      log "$(basename "$f") (tail):"
      tail -n 30 "$f" >&2
    done
  fi
  if ((rc == 0)) && [[ -z ${KEEP_LOGS:-} ]]; then
    rm -rf "$WORK"
  else
    log "logs kept in $WORK"
  fi
  exit "$rc"
}

bench_init() {  # creates $WORK and sets the traps
  WORK=$(mktemp -d /tmp/gwbench.XXXXXX)
  chmod 755 "$WORK"   # nginx workers run as nobody and must read html/
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

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
start_nginx() {  # start_nginx <port>: sets NGINX_PID and UPSTREAM
  mkdir -p "$WORK/nginx/html"
  cp "$BENCH_DIR"/upstream/* "$WORK/nginx/html/"
  sed "s/@PORT@/$1/g" "$BENCH_DIR/nginx.conf" >"$WORK/nginx/nginx.conf"
  nginx -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
  NGINX_PID=$!
  track "$NGINX_PID" 5
  UPSTREAM=http://127.0.0.1:$1
  wait_for "$NGINX_PID" 10 nginx curl -fsS -X POST "$UPSTREAM$CHAT_PATH"
  log "nginx up on $UPSTREAM"
}

# --- gateway -----------------------------------------------------------------
health_ok() { curl -fsS "$1/health" | grep -q '"status" *: *"ok"'; }

# start_gateway <port> <admin port> <request log on: true|false> <name> <upstream url> [VAR=value...]:
# starts it in the background (its log in $WORK/<name>.log), waits for /health, sets STARTED_PID.
start_gateway() {
  local port=$1 admin=$2 logging=$3 name=$4 upstream=$5
  shift 5
  # Run a copy so a rebuild of the jar during the run cannot swap it underneath.
  [[ -f $WORK/gateway.jar ]] || cp "$GATEWAY_JAR" "$WORK/gateway.jar"
  (
    cd "$REPO_DIR" || exit
    # -Ddw.* are Dropwizard config overrides: bind to loopback only.
    # UPSTREAM_API_KEY stays empty: the client's key must reach the upstream (nginx picks its reply by it).
    # OPTOANT_DATA_DIR: an embedded request-log database (when DATABASE_DSN is unset) lives in the temp dir.
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
    exec env PORT="$port" ADMIN_PORT="$admin" OPENAI_BACKEND="$upstream" UPSTREAM_API_KEY='' \
      REQUEST_LOG_ENABLED="$logging" OPTOANT_DATA_DIR="${OPTOANT_DATA_DIR:-$WORK/data-$name}" "$@" \
      "$JAVA" $JAVA_OPTS \
      "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1" \
      "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1" \
      -jar "$WORK/gateway.jar" server "$GATEWAY_CONFIG"
  ) >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  track "$STARTED_PID" 20   # gives the gateway time to stop what it embeds
  log "waiting for http://127.0.0.1:$port/health (up to ${HEALTH_TIMEOUT}s)"
  wait_for "$STARTED_PID" "$HEALTH_TIMEOUT" "$name" health_ok "http://127.0.0.1:$port"
  log "$name up on http://127.0.0.1:$port"
}

# --- the lanes (bodies/, lane.lua) ----------------------------------------------
# lane_body <body-file> <openai|anthropic> <stream|''>: the body as lane.lua sends it
lane_body() {
  local body
  body=$(<"$1")
  if [[ $3 == stream && $2 == openai ]]; then
    body="{\"stream\":true,\"stream_options\":{\"include_usage\":true},${body#\{}"
  elif [[ $3 == stream ]]; then
    body="{\"stream\":true,${body#\{}"
  fi
  printf '%s' "$body"
}
# check_lane <url> <openai|anthropic> <key> <body-file> <stream|''> <expected substring...>
# Sends what lane.lua sends (same body and headers) and checks status and content.
check_lane() {
  local url=$1 api=$2 key=$3 file=$4 flag=$5 out want
  local -a headers
  shift 5
  if [[ $api == openai ]]; then
    headers=(-H "Authorization: Bearer $key" -H "Accept: $([[ $flag == stream ]] && echo text/event-stream || echo application/json)")
  else
    headers=(-H "x-api-key: $key" -H 'anthropic-version: 2023-06-01' -H 'Accept: application/json')
  fi
  out=$(lane_body "$file" "$api" "$flag" | curl -sS -m 30 -X POST -H 'Content-Type: application/json' \
    "${headers[@]}" --data-binary @- -w '\nHTTP %{http_code}' "$url") || die "POST $url failed"
  [[ $out == *"HTTP 200" ]] || die "POST $url ($api $flag, $(basename "$file")) unexpected response: ${out:0:500}"
  for want in "$@"; do
    [[ $out == *"$want"* ]] || die "POST $url ($api $flag, $(basename "$file")): no '$want' in ${out:0:800}"
  done
  if [[ $api == anthropic && $flag == stream ]]; then
    [[ $out != *"event: error"* ]] || die "POST $url: the stream carries an error event: ${out:0:800}"
    # message_stop must be the last event.
    [[ $(grep '^event: ' <<<"$out" | tail -n 1) == 'event: message_stop' ]] ||
      die "POST $url: the stream does not end with message_stop: ${out: -800}"
  fi
}
# Claude Code posts to /v1/messages?beta=true; the small client to the plain path.
messages_path() { if [[ $1 == agent ]]; then echo "$MESSAGES_PATH?beta=true"; else echo "$MESSAGES_PATH"; fi; }
key_of() { if [[ $1 == agent ]]; then echo "$AGENT_KEY"; else echo "$SMALL_KEY"; fi; }

# lane_args <openai|anthropic> <small|agent> <stream|''>: path and lane.lua arguments (no spaces in any)
lane_args() {
  if [[ $1 == openai ]]; then
    echo "$CHAT_PATH $BODIES/openai-$2.json openai $(key_of "$2") $3"
  else
    echo "$(messages_path "$2") $BODIES/anthropic-$2.json anthropic $(key_of "$2") $3"
  fi
}

# --- load --------------------------------------------------------------------
# run_wrk <script> <base-url> <threads> <conns> <duration> <script args...>
# prints "p50_us p99_us rps errors non2xx requests"
run_wrk() {
  local script=$1 url=$2 t=$3 c=$4 d=$5 out
  shift 5
  out=$(wrk -t"$t" -c"$c" -d"$d" --latency --timeout 10s -s "$BENCH_DIR/$script" "$url" -- "$@") ||
    die "wrk failed against $url"
  printf '### %s %s -t%s -c%s %s\n%s\n' "$script" "$url" "$t" "$c" "$*" "$out" >>"$WORK/wrk.log"
  sed -nE 's/^RESULT p50_us=([0-9]+) p99_us=([0-9]+) rps=([0-9.]+) requests=([0-9]+) errors=([0-9]+) non2xx=([0-9]+)$/\1 \2 \3 \5 \6 \4/p' <<<"$out" |
    grep . || die "no RESULT line from wrk: $out"
}

# --- fixed rate (h2load) ----------------------------------------------------------
# body_of <openai|anthropic>: the small request body of the lane
body_of() { if [[ $1 == openai ]]; then echo "$BODIES/openai-small.json"; else echo "$BODIES/anthropic-small.json"; fi; }
# run_h2load <url> <clients> <req/s per client> <seconds> <body file> <header...>:
# prints "p50_us p99_us rps errors requests" from h2load's per-request log.
run_h2load() {
  local url=$1 c=$2 r=$3 d=$4 body=$5 tsv=$WORK/h2load.tsv out
  shift 5
  local -a hs=()
  local h
  for h in "$@"; do hs+=(-H "$h"); done
  rm -f "$tsv"
  out=$(h2load --h1 -c "$c" --rps "$r" -D "$d" --warm-up-time 1 -d "$body" -H 'Content-Type: application/json' \
    "${hs[@]}" --log-file "$tsv" "$url" 2>&1) || die "h2load failed against $url: $out"
  printf '### h2load -c%s --rps %s %s\n%s\n' "$c" "$r" "$url" "$out" >>"$WORK/h2load.log"
  [[ -s $tsv ]] || die "h2load logged no request against $url: $out"
  # req/s from the requests' start times (first to last), not from the nominal duration
  sort -t$'\t' -k3,3n "$tsv" | awk -F'\t' '
    NR == 1 { first = $1; last = $1 }
    { lat[NR] = $3; if ($2 < 200 || $2 > 299) err++; if ($1 < first) first = $1; if ($1 > last) last = $1 }
    END {
      i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99 + 0.999); if (i99 > NR) i99 = NR
      rps = last > first ? (NR - 1) * 1e6 / (last - first) : 0
      printf "%d %d %.0f %d %d\n", lat[i50], lat[i99], rps, err, NR
    }'
}
# h2load_args <api> <extra words>: the lane's headers, one per line
h2load_args() {
  local api=$1 h
  shift
  if [[ $api == openai ]]; then
    echo "Authorization: Bearer $SMALL_KEY"
    echo 'Accept: application/json'
  else
    echo "x-api-key: $SMALL_KEY"
    echo 'anthropic-version: 2023-06-01'
    echo 'Accept: application/json'
  fi
  for h in "$@"; do h=${h#H=}; echo "${h%%:*}: ${h#*:}"; done
}

# The load scenarios of compare.sh and lanes.sh: name|kind|clients|req/s per client (h2load) or wrk threads
# shellcheck disable=SC2034  # used by the scripts that source this file
LOAD_SCENARIOS=(
  "overhead, 1 client at 200 req/s|rate|1|200"
  "fixed rate, 10 clients at 1,000 req/s|rate|10|100"
  "throughput, 16 clients|wrk|16|2"
  "throughput, 64 clients|wrk|64|2"
)
# selected <name>: true unless ONLY (an extended regex, empty = all) leaves the name out
selected() { [[ -z $ONLY ]] || grep -Eq -- "$ONLY" <<<"$1"; }

# ratio <numerator> <denominator>: "1.23", or "n/a" when the denominator is not positive
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# CPU time (user + system, all threads: GC and JIT included) a process has used, in clock ticks.
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_per_request() {  # cpu_per_request <ticks> <requests>: microseconds of CPU per request
  awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else printf "n/a" }'
}
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }   # resident memory now
hwm_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }   # peak resident memory

commit_id() {
  local c
  c=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none)
  if [[ -n $(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    c+=' (with uncommitted changes)'
  fi
  echo "$c"
}

# --- peers: Portkey's gateway (OpenAI lane) and claude-code-router (Anthropic -> OpenAI lane), from npm -------------
PEER_DIR=${PEER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/optoant-bench/peer}
PORTKEY_VERSION=${PORTKEY_VERSION:-1.15.2}
# 3.x depends on a package the registry does not serve; 2.0.0 installs and runs offline.
CCR_VERSION=${CCR_VERSION:-2.0.0}
PORTKEY_JS=$PEER_DIR/node_modules/@portkey-ai/gateway/build/start-server.js
CCR_JS=$PEER_DIR/node_modules/@musistudio/claude-code-router/dist/cli.js

ensure_peers() {  # installs the two peers into PEER_DIR with npm unless they are there in the pinned versions
  ensure_tools node:nodejs npm:npm
  local want="@portkey-ai/gateway@$PORTKEY_VERSION @musistudio/claude-code-router@$CCR_VERSION" have=
  [[ -f $PEER_DIR/versions ]] && have=$(<"$PEER_DIR/versions")
  if [[ $have == "$want" && -f $PORTKEY_JS && -f $CCR_JS ]]; then return 0; fi
  log "installing the peers with npm into $PEER_DIR: $want"
  mkdir -p "$PEER_DIR"
  [[ -f $PEER_DIR/package.json ]] || echo '{"private":true}' >"$PEER_DIR/package.json"
  # shellcheck disable=SC2086  # two package specs
  (cd "$PEER_DIR" && npm install --no-audit --no-fund --loglevel=error $want >&2) || die "npm install of the peers failed"
  echo "$want" >"$PEER_DIR/versions"
}

# start_portkey <port>: Portkey's gateway; clients pick the upstream per request with x-portkey-provider and
# x-portkey-custom-host (PORTKEY_HEADERS). It listens on all interfaces (no bind option). Sets PORTKEY_PID, PORTKEY.
start_portkey() {
  NODE_ENV=production node "$PORTKEY_JS" --port="$1" --headless >"$WORK/portkey.log" 2>&1 &
  PORTKEY_PID=$!
  track "$PORTKEY_PID" 5
  PORTKEY=http://127.0.0.1:$1
  wait_for "$PORTKEY_PID" 60 portkey curl -fsS -o /dev/null "$PORTKEY/"
  log "portkey up on $PORTKEY"
}
portkey_headers() {  # portkey_headers <upstream base url>: lane.lua header arguments
  echo "H=x-portkey-provider:openai H=x-portkey-custom-host:$1/v1"
}

# start_ccr <port> <upstream base url>: claude-code-router with its own HOME (config, logs) in the temp dir, one
# provider at the upstream, every model routed to it. Sets CCR_PID, CCR.
start_ccr() {
  local home=$WORK/ccr-home
  mkdir -p "$home/.claude-code-router"
  cat >"$home/.claude-code-router/config.json" <<JSON
{
  "HOST": "127.0.0.1",
  "PORT": $1,
  "LOG": false,
  "NON_INTERACTIVE_MODE": true,
  "Providers": [
    {"name": "bench", "api_base_url": "$2/v1/chat/completions", "api_key": "$SMALL_KEY", "models": ["deepseek-chat"]}
  ],
  "Router": {"default": "bench,deepseek-chat"}
}
JSON
  HOME=$home node "$CCR_JS" start >"$WORK/ccr.log" 2>&1 &
  CCR_PID=$!
  track "$CCR_PID" 5
  CCR=http://127.0.0.1:$1
  wait_for "$CCR_PID" 60 claude-code-router curl -sS -o /dev/null "$CCR/"
  log "claude-code-router up on $CCR"
}
