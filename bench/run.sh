#!/usr/bin/env bash
# Load benchmark of the gateway against a zero-cost upstream, in one run:
# - OpenAI passthrough: wrk -> nginx (direct) versus wrk -> optoant -> nginx;
# - Anthropic lane: per scenario, the same request straight to nginx (direct), through
#   the passthrough, and as an Anthropic request through /anthropic/v1/messages, all
#   three answered with the same upstream reply, back to back.
# Progress goes to stderr, the markdown results tables to stdout.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

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
PG_CPU=${PG_CPU:-}                 # a CPU number: PostgreSQL alone on it, everything else on the other CPUs
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION+=s
[[ $WARMUP =~ ^[0-9]+$ ]] && WARMUP+=s
STREAM_PATH=/v1/stream/chat/completions

# --- tools -------------------------------------------------------------------
ensure_tools nginx wrk curl
if [[ -n $PG_CPU ]]; then
  # Everything this script starts inherits the other CPUs; the embedded PostgreSQL is moved to its own below, as if
  # the database ran on another host. Both gateways, logging on and off, then share the same CPUs.
  others=$(seq 0 $(($(nproc) - 1)) | grep -vx "$PG_CPU" | paste -sd, -)
  [[ -n $others ]] || die "PG_CPU=$PG_CPU leaves no CPU for the rest"
  taskset -p -c "$others" $$ >/dev/null
fi
require_gateway
require_free_ports "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" "$NOLOG_PORT" "$NOLOG_ADMIN_PORT"
bench_init
start_nginx "$UPSTREAM_PORT"

# --- gateway -----------------------------------------------------------------
start_gateway "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" true gateway "$UPSTREAM"
GATEWAY_PID=$STARTED_PID
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
GATEWAY_ADMIN=http://127.0.0.1:$GATEWAY_ADMIN_PORT
if [[ -n $PG_CPU ]]; then
  # The postmaster's later backends inherit its CPU.
  for pid in $(pgrep -x postgres); do taskset -a -p -c "$PG_CPU" "$pid" >/dev/null; done
  log "PostgreSQL on CPU $PG_CPU, everything else on CPUs $others"
fi

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

gateway_cpu_ticks() { cpu_ticks "$GATEWAY_PID"; }

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
# CPU ticks of every PostgreSQL process: only the logging gateway's embedded server runs during these scenarios.
postgres_cpu_ticks() {
  local pid total=0
  for pid in $(pgrep -x postgres || true); do
    total=$((total + $(cpu_ticks "$pid" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
lrows=()
logging_wanted=0
if ((LOGGING)); then
  for s in "${logging_scenarios[@]}"; do
    IFS='|' read -r name _ <<<"$s"
    if selected "$name"; then logging_wanted=1; fi
  done
fi
if ((logging_wanted)); then
  start_gateway "$NOLOG_PORT" "$NOLOG_ADMIN_PORT" false gateway-nolog "$UPSTREAM"
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
      offp50=0 offp99=0 offrps=0 onp50=0 onp99=0 onrps=0 onreq=0 offreq=0 errs=0
      offcpu=0 oncpu=0 pgcpu=0
      for ((round = 1; round <= ROUNDS; round++)); do
        log "$name: logging off, round $round"
        c0=$(cpu_ticks "$NOLOG_PID")
        read -r p50 p99 rps err non req <<<"$(run_wrk "$script" "$NOLOG" "$t" "$c" "$DURATION" $args)"
        offcpu=$((offcpu + $(cpu_ticks "$NOLOG_PID") - c0)) offreq=$((offreq + req))
        offp50=$((offp50 + p50)) offp99=$((offp99 + p99)) errs=$((errs + err + non))
        offrps=$(awk -v a="$offrps" -v b="$rps" 'BEGIN { print a + b }')
        log "$name: logging on, round $round"
        c0=$(cpu_ticks "$GATEWAY_PID") p0=$(postgres_cpu_ticks)
        read -r p50 p99 rps err non req <<<"$(run_wrk "$script" "$GATEWAY" "$t" "$c" "$DURATION" $args)"
        oncpu=$((oncpu + $(cpu_ticks "$GATEWAY_PID") - c0)) pgcpu=$((pgcpu + $(postgres_cpu_ticks) - p0))
        onp50=$((onp50 + p50)) onp99=$((onp99 + p99)) onreq=$((onreq + req)) errs=$((errs + err + non))
        onrps=$(awk -v a="$onrps" -v b="$rps" 'BEGIN { print a + b }')
      done
    }
    logged=$(($(rows_settled) - rows0))
    lrows+=("$(printf '| %s | %s / %s | %s / %s | %s | %s | %s%% | %s / %s / %s | %d | %d | %s / %s | %d |' \
      "$name" "$(avg $offp50 $ROUNDS)" "$(avg $offp99 $ROUNDS)" "$(avg $onp50 $ROUNDS)" "$(avg $onp99 $ROUNDS)" \
      "$(avg "$offrps" $ROUNDS)" "$(avg "$onrps" $ROUNDS)" \
      "$(awk -v off="$offrps" -v on="$onrps" 'BEGIN { printf "%+.1f", (on - off) * 100 / off }')" \
      "$(cpu_per_request "$offcpu" "$offreq")" "$(cpu_per_request "$oncpu" "$onreq")" \
      "$(cpu_per_request "$pgcpu" "$onreq")" \
      "$onreq" "$logged" "$(gauge "$GATEWAY_ADMIN" requestLog.rowsSpilled)" \
      "$(gauge "$GATEWAY_ADMIN" requestLog.rowsLost)" "$errs")")
  done
  stop "$NOLOG_PID" 20
  NOLOG_PID=''
fi

# --- report ------------------------------------------------------------------
commit=$(commit_id)
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
$ROUNDS rounds each, alternating off/on, averaged. The logging one writes to its embedded PostgreSQL $(if [[ -n $PG_CPU ]]; then echo "pinned to CPU $PG_CPU (the gateways, wrk and nginx on CPUs $others)"; else echo "on the same cores"; fi).
throughput change = (on - off) / off; rows = rows the writer inserted during the "on" runs (wrk counts completed
requests only, so requests cut at the end of a run show as rows beyond the count; rows the queue could not hold went
to the spill journal and were replayed before counting); spilled / lost = journal and loss counters at the end.
CPU/req µs = CPU time per request of the logging-off gateway, of the logging-on gateway, and of PostgreSQL (all its
processes) during the "on" runs.

| scenario | off p50 / p99 µs | on p50 / p99 µs | req/s off | req/s on | throughput change | CPU/req µs off / on / PostgreSQL | requests (on) | rows | spilled / lost | errors |
|---|---|---|---|---|---|---|---|---|---|---|
EOT
  printf '%s\n' "${lrows[@]}"
fi
