#!/usr/bin/env bash
# Load benchmark of the gateway against a zero-cost upstream, in one run:
# - OpenAI passthrough: wrk -> nginx (direct) versus wrk -> optoant -> nginx;
# - Anthropic lane: per scenario, the same request straight to nginx (direct), through
#   the passthrough, and as an Anthropic request through /anthropic/v1/messages, all
#   three answered with the same upstream reply, back to back.
# Progress goes to stderr, the markdown results tables to stdout.
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
ONLY=${ONLY:-}                     # extended regex: run only the scenarios whose name matches
UPSTREAM_PORT=${UPSTREAM_PORT:-18080}
GATEWAY_PORT=${GATEWAY_PORT:-18090}
GATEWAY_ADMIN_PORT=${GATEWAY_ADMIN_PORT:-18091}
LOGGING=${LOGGING:-1}              # 0 skips the logging on/off comparison
NOLOG_PORT=${NOLOG_PORT:-18092}    # the second gateway, request log off, for that comparison
NOLOG_ADMIN_PORT=${NOLOG_ADMIN_PORT:-18093}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}  # seconds
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION+=s
[[ $WARMUP =~ ^[0-9]+$ ]] && WARMUP+=s

CHAT_PATH=/v1/chat/completions
STREAM_PATH=/v1/stream/chat/completions
MESSAGES_PATH=/anthropic/v1/messages
BODIES=$BENCH_DIR/bodies
# The upstream (nginx.conf) answers the agent key with the agent reply, any other with the chat one.
SMALL_KEY=sk-bench-0000000000000000
AGENT_KEY=sk-bench-agent-0000000000000000

log() { echo "[bench $(date -u +%T)] $*" >&2; }
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

for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" "$NOLOG_PORT" "$NOLOG_ADMIN_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; set UPSTREAM_PORT/GATEWAY_PORT/GATEWAY_ADMIN_PORT"
  fi
done

# --- lifecycle ---------------------------------------------------------------
WORK=$(mktemp -d /tmp/gwbench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as nobody and must read html/
NGINX_PID='' GATEWAY_PID='' NOLOG_PID=''

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
  stop "$NOLOG_PID" 20
  stop "$NGINX_PID" 5
  if ((rc != 0)); then
    for f in "$WORK"/gateway*.log; do
      [[ -f $f ]] || continue
      log "$(basename "$f") (tail):"
      tail -n 30 "$f" >&2
    done
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
health_ok() { curl -fsS "$1/health" | grep -q '"status" *: *"ok"'; }
# start_gateway <port> <admin port> <request log on: true|false> <name>: starts it in the background, sets STARTED_PID
start_gateway() {
  (
    cd "$REPO_DIR"
    # -Ddw.* are Dropwizard config overrides: bind to loopback only.
    # UPSTREAM_API_KEY stays empty: the client's key must reach nginx, which picks its reply by it.
    # OPTOANT_DATA_DIR: an embedded request-log database (when DATABASE_DSN is unset) lives in the temp dir.
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
    PORT=$1 ADMIN_PORT=$2 OPENAI_BACKEND=$UPSTREAM UPSTREAM_API_KEY='' REQUEST_LOG_ENABLED=$3 \
      OPTOANT_DATA_DIR=${OPTOANT_DATA_DIR:-$WORK/data-$4} \
      exec "$JAVA" $JAVA_OPTS \
      "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1" \
      "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1" \
      -jar "$WORK/gateway.jar" server "$GATEWAY_CONFIG"
  ) >"$WORK/$4.log" 2>&1 &
  STARTED_PID=$!
  log "waiting for http://127.0.0.1:$1/health (up to ${HEALTH_TIMEOUT}s)"
  wait_for "$STARTED_PID" "$HEALTH_TIMEOUT" "$4" health_ok "http://127.0.0.1:$1"
  log "$4 up on http://127.0.0.1:$1"
}
start_gateway "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" true gateway
GATEWAY_PID=$STARTED_PID
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
GATEWAY_ADMIN=http://127.0.0.1:$GATEWAY_ADMIN_PORT

# Every path must pass through intact before any number means anything.
check() {  # check <base-url> <path> <expected substring> <body>
  local out
  out=$(curl -sS -m 30 -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $SMALL_KEY" -d "$4" \
    -w '\nHTTP %{http_code}' "$1$2") || die "POST $1$2 failed"
  [[ $out == *"$3"* && $out == *"HTTP 200" ]] || die "POST $1$2 unexpected response: ${out:0:500}"
}
for base in "$UPSTREAM" "$GATEWAY"; do
  check "$base" "$CHAT_PATH" '"usage"' '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'
  if ((STREAM)); then
    check "$base" "$STREAM_PATH" 'data: [DONE]' '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}'
  fi
done

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
# The Anthropic lane's scenario inputs: the upstream request (OpenAI form) straight and through the
# passthrough, then the Anthropic request; each must get the reply the scenario is meant to measure.
check_anthropic_lanes() {  # check_anthropic_lanes <small|agent> <stream|''>
  local kind=$1 flag=$2 key openai=$BODIES/openai-$1.json anthropic=$BODIES/anthropic-$1.json
  local -a up msg
  key=$(key_of "$kind")
  if [[ $flag == stream ]]; then
    up=('data: [DONE]' '"usage"')
    msg=('event: message_start' 'event: content_block_delta' 'event: message_delta' 'event: message_stop')
  else
    up=('"chat.completion"' '"usage"')
    msg=('"type":"message"' '"role":"assistant"' '"usage"')
  fi
  if [[ $kind == agent ]]; then
    up+=('"Edit"')
    msg+=('"type":"tool_use"' '"name":"Edit"' '"stop_reason":"tool_use"' '"type":"thinking"')
  else
    msg+=('"stop_reason":"end_turn"')
  fi
  check_lane "$UPSTREAM$CHAT_PATH" openai "$key" "$openai" "$flag" "${up[@]}"
  check_lane "$GATEWAY$CHAT_PATH" openai "$key" "$openai" "$flag" "${up[@]}"
  check_lane "$GATEWAY$(messages_path "$kind")" anthropic "$key" "$anthropic" "$flag" "${msg[@]}"
}
# Claude Code posts to /v1/messages?beta=true; the small client to the plain path.
messages_path() { if [[ $1 == agent ]]; then echo "$MESSAGES_PATH?beta=true"; else echo "$MESSAGES_PATH"; fi; }
key_of() { if [[ $1 == agent ]]; then echo "$AGENT_KEY"; else echo "$SMALL_KEY"; fi; }

selected() { [[ -z $ONLY ]] || grep -Eq -- "$ONLY" <<<"$1"; }
anthropic_scenarios=(  # name|threads|connections|body (small, agent)|stream flag
  "anthropic, latency, 1 conn|1|1|small|"
  "anthropic, throughput, 16 conns|2|16|small|"
  "agent, latency, 1 conn|1|1|agent|"
  "agent, throughput, 16 conns|2|16|agent|"
)
if ((STREAM)); then
  anthropic_scenarios+=(
    "anthropic SSE, latency, 1 conn|1|1|small|stream"
    "anthropic SSE, throughput, 16 conns|2|16|small|stream"
    "agent SSE, latency, 1 conn|1|1|agent|stream"
    "agent SSE, throughput, 16 conns|2|16|agent|stream"
  )
fi
checked=' '
for s in "${anthropic_scenarios[@]}"; do
  IFS='|' read -r name _ _ kind flag <<<"$s"
  selected "$name" || continue
  [[ $checked == *" $kind/$flag "* ]] && continue
  log "checking the Anthropic lane: $kind ${flag:-non-streaming}"
  check_anthropic_lanes "$kind" "$flag"
  checked+="$kind/$flag "
done

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

# lane_args <openai|anthropic> <small|agent> <stream|''>: path and lane.lua arguments (no spaces in any)
lane_args() {
  if [[ $1 == openai ]]; then
    echo "$CHAT_PATH $BODIES/openai-$2.json openai $(key_of "$2") $3"
  else
    echo "$(messages_path "$2") $BODIES/anthropic-$2.json anthropic $(key_of "$2") $3"
  fi
}

log "warm-up through the gateway (${WARMUP} per path)"
run_wrk post.lua "$GATEWAY" 2 16 "$WARMUP" "$CHAT_PATH" >/dev/null
if ((STREAM)); then run_wrk post.lua "$GATEWAY" 2 16 "$WARMUP" "$STREAM_PATH" stream >/dev/null; fi
warm=' '
for s in "${anthropic_scenarios[@]}"; do
  IFS='|' read -r name _ _ kind flag <<<"$s"
  if ! selected "$name" || [[ $warm == *" $kind/$flag "* ]]; then continue; fi
  # shellcheck disable=SC2046  # lane_args prints words without spaces
  run_wrk lane.lua "$GATEWAY" 2 16 "$WARMUP" $(lane_args anthropic "$kind" "$flag") >/dev/null
  warm+="$kind/$flag "
done

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
  selected "$name" || continue
  log "$name: direct"
  res=$(run_wrk post.lua "$UPSTREAM" "$t" "$c" "$DURATION" "$path" "$flag")
  read -r dp50 dp99 drps derr dnon _ <<<"$res"
  log "$name: gateway"
  res=$(run_wrk post.lua "$GATEWAY" "$t" "$c" "$DURATION" "$path" "$flag")
  read -r gp50 gp99 grps gerr gnon _ <<<"$res"
  rows+=("$(printf '| %s | %d / %d | %d / %d | %+d / %+d | %.0f | %.0f | %d / %d |' \
    "$name" "$dp50" "$dp99" "$gp50" "$gp99" $((gp50 - dp50)) $((gp99 - dp99)) \
    "$drps" "$grps" $((derr + dnon)) $((gerr + gnon)))")
done

# ratio <numerator> <denominator>: "1.23", or "n/a" when the denominator is not positive
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
# CPU time (user + system, all threads: GC and JIT included) the gateway process has used, in clock ticks.
CLK_TCK=$(getconf CLK_TCK)
gateway_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$GATEWAY_PID/stat"; }
cpu_per_request() {  # cpu_per_request <ticks> <requests>: microseconds of gateway CPU per request
  awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else printf "n/a" }'
}

arows=()
for s in "${anthropic_scenarios[@]}"; do
  IFS='|' read -r name t c kind flag <<<"$s"
  selected "$name" || continue
  # shellcheck disable=SC2046  # lane_args prints words without spaces
  {
    log "$name: direct"
    res=$(run_wrk lane.lua "$UPSTREAM" "$t" "$c" "$DURATION" $(lane_args openai "$kind" "$flag"))
    read -r dp50 dp99 drps derr dnon _ <<<"$res"
    log "$name: passthrough"
    cpu0=$(gateway_cpu_ticks)
    res=$(run_wrk lane.lua "$GATEWAY" "$t" "$c" "$DURATION" $(lane_args openai "$kind" "$flag"))
    cpu1=$(gateway_cpu_ticks)
    read -r pp50 pp99 prps perr pnon preq <<<"$res"
    log "$name: anthropic"
    res=$(run_wrk lane.lua "$GATEWAY" "$t" "$c" "$DURATION" $(lane_args anthropic "$kind" "$flag"))
    cpu2=$(gateway_cpu_ticks)
    read -r ap50 ap99 arps aerr anon areq <<<"$res"
  }
  pcpu=$(cpu_per_request $((cpu1 - cpu0)) "$preq")
  acpu=$(cpu_per_request $((cpu2 - cpu1)) "$areq")
  arows+=("$(printf '| %s | %d / %d | %d / %d | %d / %d | %+d / %+d | %+d / %+d | %s / %s | %.0f / %.0f / %.0f | %s | %s / %s | %d / %d / %d |' \
    "$name" "$dp50" "$dp99" "$pp50" "$pp99" "$ap50" "$ap99" \
    $((pp50 - dp50)) $((pp99 - dp99)) $((ap50 - dp50)) $((ap99 - dp99)) \
    "$(ratio $((ap50 - dp50)) $((pp50 - dp50)))" "$(ratio $((ap99 - dp99)) $((pp99 - dp99)))" \
    "$drps" "$prps" "$arps" "$(ratio "$arps" "$prps")" "$pcpu" "$acpu" \
    $((derr + dnon)) $((perr + pnon)) $((aerr + anon)))")
done

# --- logging on versus off ----------------------------------------------------
# A second gateway with the request log off, same jar and upstream; runs alternate off, on, off, on per scenario.
gauge() {  # gauge <admin-url> <name>: a Dropwizard gauge's value from /metrics
  curl -fsS "$1/metrics" | sed -nE "s/.*\"$2\":\{\"value\":([0-9]+)\}.*/\1/p"
}
# rows_settled: prints the rows stored (inserted from the queue plus replayed from the spill journal) once the queue
# and the journal are empty and the count held still for a second (a batch taken off the queue may still be on its
# way into the database).
rows_stored() {
  echo $(($(gauge "$GATEWAY_ADMIN" requestLog.rowsWritten) + $(gauge "$GATEWAY_ADMIN" requestLog.rowsReplayed)))
}
rows_settled() {
  local before after deadline=$((SECONDS + 180))
  while ((SECONDS < deadline)); do
    before=$(rows_stored)
    sleep 1
    after=$(rows_stored)
    if [[ $before == "$after" && $(gauge "$GATEWAY_ADMIN" requestLog.queueDepth) == 0 &&
      $(gauge "$GATEWAY_ADMIN" requestLog.journalFiles) == 0 ]]; then
      echo "$after"
      return
    fi
  done
  die "the request log did not settle within 180 s"
}
avg() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.0f", s / n }'; }
logging_scenarios=(  # name|threads|connections|script|script args
  "logging, chat, latency, 1 conn|1|1|post.lua|$CHAT_PATH"
  "logging, chat, throughput, 16 conns|2|16|post.lua|$CHAT_PATH"
  "logging, anthropic SSE, throughput, 16 conns|2|16|lane.lua|$(lane_args anthropic small stream)"
)
ROUNDS=${ROUNDS:-2}                # alternating off/on rounds per logging scenario
lrows=()
logging_wanted=0
if ((LOGGING)); then
  for s in "${logging_scenarios[@]}"; do
    IFS='|' read -r name _ <<<"$s"
    if selected "$name"; then logging_wanted=1; fi
  done
fi
if ((logging_wanted)); then
  start_gateway "$NOLOG_PORT" "$NOLOG_ADMIN_PORT" false gateway-nolog
  NOLOG_PID=$STARTED_PID
  NOLOG=http://127.0.0.1:$NOLOG_PORT
  for s in "${logging_scenarios[@]}"; do
    IFS='|' read -r name t c script args <<<"$s"
    selected "$name" || continue
    # shellcheck disable=SC2086  # args are words without spaces
    {
      log "$name: warm-up of both gateways"
      run_wrk "$script" "$NOLOG" 2 16 "$WARMUP" $args >/dev/null
      run_wrk "$script" "$GATEWAY" 2 16 "$WARMUP" $args >/dev/null
      rows0=$(rows_settled)
      offp50=0 offp99=0 offrps=0 onp50=0 onp99=0 onrps=0 onreq=0 errs=0
      for ((round = 1; round <= ROUNDS; round++)); do
        log "$name: logging off, round $round"
        read -r p50 p99 rps err non _ <<<"$(run_wrk "$script" "$NOLOG" "$t" "$c" "$DURATION" $args)"
        offp50=$((offp50 + p50)) offp99=$((offp99 + p99)) errs=$((errs + err + non))
        offrps=$(awk -v a="$offrps" -v b="$rps" 'BEGIN { print a + b }')
        log "$name: logging on, round $round"
        read -r p50 p99 rps err non req <<<"$(run_wrk "$script" "$GATEWAY" "$t" "$c" "$DURATION" $args)"
        onp50=$((onp50 + p50)) onp99=$((onp99 + p99)) onreq=$((onreq + req)) errs=$((errs + err + non))
        onrps=$(awk -v a="$onrps" -v b="$rps" 'BEGIN { print a + b }')
      done
    }
    logged=$(($(rows_settled) - rows0))
    lrows+=("$(printf '| %s | %s / %s | %s / %s | %s | %s | %s%% | %d | %d | %s / %s | %d |' \
      "$name" "$(avg $offp50 $ROUNDS)" "$(avg $offp99 $ROUNDS)" "$(avg $onp50 $ROUNDS)" "$(avg $onp99 $ROUNDS)" \
      "$(avg "$offrps" $ROUNDS)" "$(avg "$onrps" $ROUNDS)" \
      "$(awk -v off="$offrps" -v on="$onrps" 'BEGIN { printf "%+.1f", (on - off) * 100 / off }')" \
      "$onreq" "$logged" "$(gauge "$GATEWAY_ADMIN" requestLog.rowsSpilled)" \
      "$(gauge "$GATEWAY_ADMIN" requestLog.rowsLost)" "$errs")")
  done
  stop "$NOLOG_PID" 20
  NOLOG_PID=''
fi

# --- report ------------------------------------------------------------------
commit=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none)
if [[ -n $(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  commit+=' (with uncommitted changes)'
fi
cat <<EOF
optoant gateway benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit
$(nproc) cores shared by wrk, nginx and the gateway; $("$JAVA" -version 2>&1 | head -n 1); wrk ${DURATION} per run after ${WARMUP} warm-up per path.
EOF
if ((${#rows[@]})); then
  cat <<EOF

OpenAI passthrough. Latencies in microseconds (p50 / p99); added = gateway - direct; errors = socket errors + non-2xx (direct / gateway).

| scenario | direct p50 / p99 | gateway p50 / p99 | added p50 / p99 | req/s direct | req/s gateway | errors |
|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${rows[@]}"
fi
if ((${#arows[@]})); then
  cat <<EOF

Anthropic lane versus passthrough, back to back per scenario: the request in OpenAI form straight to nginx (direct) and
through the passthrough ($CHAT_PATH), and in Anthropic form through $MESSAGES_PATH; all three get the same upstream reply.
"anthropic": small request ($(wc -c <"$BODIES/anthropic-small.json") B), 1-choice chat reply (21 chunks when streamed).
"agent": Claude Code-like request ($(wc -c <"$BODIES/anthropic-agent.json") B: 20 KB system, 10 tools, 20 tool turns),
reasoning + text + tool-call reply (207 chunks when streamed).
Latencies in microseconds (p50 / p99); added = lane - direct; added ratio = anthropic added / passthrough added
(target <= 1.20); req/s ratio = anthropic / passthrough; CPU/req = gateway process CPU time (all threads) per request,
in microseconds (passthrough / anthropic); errors = socket errors + non-2xx (direct / passthrough / anthropic).

| scenario | direct p50 / p99 | passthrough p50 / p99 | anthropic p50 / p99 | added passthrough p50 / p99 | added anthropic p50 / p99 | added ratio p50 / p99 | req/s direct / passthrough / anthropic | req/s ratio | CPU/req µs | errors |
|---|---|---|---|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${arows[@]}"
fi
if ((${#lrows[@]})); then
  cat <<EOT

Request log on versus off: two gateways from the same jar on the same upstream, one with requestLog.enabled=false;
$ROUNDS rounds each, alternating off/on, averaged. The logging one writes to its embedded PostgreSQL on the same cores.
throughput change = (on - off) / off; rows = rows the writer inserted during the "on" runs (wrk counts completed
requests only, so requests cut at the end of a run show as rows beyond the count; rows the queue could not hold went
to the spill journal and were replayed before counting); spilled / lost = journal and loss counters at the end.

| scenario | off p50 / p99 µs | on p50 / p99 µs | req/s off | req/s on | throughput change | requests (on) | rows | spilled / lost | errors |
|---|---|---|---|---|---|---|---|---|---|
EOT
  printf '%s\n' "${lrows[@]}"
fi
