#!/usr/bin/env bash
# The Anthropic lane against the passthrough at the same load, side by side: in each round the direct upstream, the
# passthrough (/v1/chat/completions) and the Anthropic lane (/anthropic/v1/messages) of one gateway run one after the
# other in each scenario (the lanes' order alternating between rounds), so both lanes meet the same machine within a
# minute. Reports each round's added latencies and their ratio, the medians over the rounds, and the gateway's own
# latency per run from its request log (the admin API's usage summary).
# Progress goes to stderr, the markdown results tables to stdout.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-15}           # seconds per measured run
ROUNDS=${ROUNDS:-3}                # rounds per scenario
WARMUP=${WARMUP:-10}               # seconds of closed-loop warm-up per lane, not measured
RATE_WARMUP=${RATE_WARMUP:-60}     # seconds per lane at a fixed-rate scenario's own rate before its rounds
ONLY=${ONLY:-}                     # extended regex over the scenario names
UPSTREAM_PORT=${UPSTREAM_PORT:-18080}
GATEWAY_PORT=${GATEWAY_PORT:-18090}
GATEWAY_ADMIN_PORT=${GATEWAY_ADMIN_PORT:-18091}
DURATION=${DURATION%s} WARMUP=${WARMUP%s} RATE_WARMUP=${RATE_WARMUP%s}

ensure_tools nginx wrk curl h2load:nghttp2-client
require_gateway
require_free_ports "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT"
bench_init
start_nginx "$UPSTREAM_PORT"
start_gateway "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" true gateway "$UPSTREAM"
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
ADMIN=http://127.0.0.1:$GATEWAY_ADMIN_PORT

# lane|api|path|model (the model the lane's body names, by which the usage summary tells the lanes apart)
lanes=("passthrough|openai|$CHAT_PATH|deepseek-chat" "anthropic|anthropic|$MESSAGES_PATH|claude-sonnet-4-5")
check_lane "$UPSTREAM$CHAT_PATH" openai "$SMALL_KEY" "$(body_of openai)" '' '"chat.completion"'
check_lane "$GATEWAY$CHAT_PATH" openai "$SMALL_KEY" "$(body_of openai)" '' '"chat.completion"'
check_lane "$GATEWAY$MESSAGES_PATH" anthropic "$SMALL_KEY" "$(body_of anthropic)" '' '"type":"message"'


# measure <kind> <clients> <r> <seconds> <base url> <path> <api>: "p50 p99 rps errors requests"
measure() {
  local kind=$1 c=$2 r=$3 d=$4 base=$5 path=$6 api=$7 p50 p99 rps err non req hl
  if [[ $kind == rate ]]; then
    mapfile -t hl < <(h2load_args "$api")
    run_h2load "$base$path" "$c" "$r" "$d" "$(body_of "$api")" "${hl[@]}"
  else
    read -r p50 p99 rps err non req <<<"$(run_wrk lane.lua "$base" "$r" "$c" "${d}s" "$path" "$(body_of "$api")" "$api" "$SMALL_KEY")"
    echo "$p50 $p99 $rps $((err + non)) $req"
  fi
}
# own_latency <model> <from> <to>: the gateway's p50 and p99 (µs) over its logged requests in [from, to)
own_latency() {
  local json
  sleep 1.5   # the request log's writer flushes every 200 ms (requestLog.flushInterval); 1.5 s covers a slow batch
  json=$(curl -fsS "$ADMIN/requests/usage?from=$2&to=$3") || die "usage summary failed"
  grep -oE "\"model\":\"$1\"[^}]*" <<<"$json" | sed -nE \
    's/.*"latency_p50_micros":([0-9.]+).*"latency_p99_micros":([0-9.]+).*/\1 \2/p' |
    awk 'NR == 1 { printf "%.0f %.0f\n", $1, $2 } END { if (NR != 1) print "- -" }'
}
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
# median [printf format]: the median of the numbers on stdin, one a line
median() {
  sort -g | awk -v f="${1:-%.0f}" '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f "\n", m }'
}

for l in "${lanes[@]}"; do
  IFS='|' read -r lane api path _ <<<"$l"
  log "warm-up of the $lane lane"
  run_wrk lane.lua "$GATEWAY" 2 16 "${WARMUP}s" "$path" "$(body_of "$api")" "$api" "$SMALL_KEY" >/dev/null
done

rows=() summary=()
for s in "${LOAD_SCENARIOS[@]}"; do
  IFS='|' read -r sname kind c r <<<"$s"
  selected "$sname" || continue
  if [[ $kind == rate ]] && ((RATE_WARMUP > 0)); then
    for l in "${lanes[@]}"; do
      IFS='|' read -r lane api path _ <<<"$l"
      log "$sname: $lane at the rate for ${RATE_WARMUP}s"
      measure rate "$c" "$r" "$RATE_WARMUP" "$GATEWAY" "$path" "$api" >/dev/null
    done
  fi
  pa50=() pa99=() aa50=() aa99=() r50=() r99=()
  for ((k = 1; k <= ROUNDS; k++)); do
    log "$sname: round $k"
    read -r d50 d99 _ <<<"$(measure "$kind" "$c" "$r" "$DURATION" "$UPSTREAM" "$CHAT_PATH" openai)"
    order=("${lanes[@]}")
    ((k % 2)) || order=("${lanes[1]}" "${lanes[0]}")
    declare -A got=()
    for l in "${order[@]}"; do
      IFS='|' read -r lane api path model <<<"$l"
      from=$(now)
      read -r g50 g99 grps gerr _ <<<"$(measure "$kind" "$c" "$r" "$DURATION" "$GATEWAY" "$path" "$api")"
      to=$(now)
      read -r o50 o99 <<<"$(own_latency "$model" "$from" "$to")"
      got[$lane]="$((g50 - d50)) $((g99 - d99)) $grps $gerr $o50 $o99"
    done
    read -r p50 p99 prps perr po50 po99 <<<"${got[passthrough]}"
    read -r a50 a99 arps aerr ao50 ao99 <<<"${got[anthropic]}"
    pa50+=("$p50") pa99+=("$p99") aa50+=("$a50") aa99+=("$a99")
    r50+=("$(ratio "$a50" "$p50")") r99+=("$(ratio "$a99" "$p99")")
    rows+=("$(printf '| %s | %d | %d / %d | %+d / %+d | %+d / %+d | %s / %s | %.0f / %.0f | %s / %s | %s / %s | %s / %s |' \
      "$sname" "$k" "$d50" "$d99" "$p50" "$p99" "$a50" "$a99" "${r50[-1]}" "${r99[-1]}" "$prps" "$arps" \
      "$po50" "$po99" "$ao50" "$ao99" "$perr" "$aerr")")
    unset got
  done
  mp50=$(printf '%s\n' "${pa50[@]}" | median) mp99=$(printf '%s\n' "${pa99[@]}" | median)
  ma50=$(printf '%s\n' "${aa50[@]}" | median) ma99=$(printf '%s\n' "${aa99[@]}" | median)
  summary+=("$(printf '| %s | %+d / %+d | %+d / %+d | %s / %s | %s / %s |' "$sname" "$mp50" "$mp99" "$ma50" "$ma99" \
    "$(ratio "$ma50" "$mp50")" "$(ratio "$ma99" "$mp99")" \
    "$(printf '%s\n' "${r50[@]}" | median %.2f)" "$(printf '%s\n' "${r99[@]}" | median %.2f)")")
done

cat <<EOF
optoant's Anthropic lane versus its passthrough, side by side, $(date -u +%Y-%m-%dT%H:%MZ), commit $(commit_id)
$(nproc) cores shared by the load tools, nginx, optoant and its request log (embedded PostgreSQL);
$("$JAVA" -version 2>&1 | head -n 1); ${DURATION}s per run, $ROUNDS rounds, the lanes' order alternating.
Latencies in microseconds (p50 / p99); added = lane - direct, measured in the same round; rate rows: h2load --h1
--rps, throughput rows: wrk closed loop; own = the gateway's latency from a request's arrival to its end, from its
request log (/requests/usage); errors = socket errors + non-2xx. Target: the lane's added latency within 1.20x.

| scenario | round | direct p50 / p99 | passthrough added p50 / p99 | anthropic added p50 / p99 | ratio p50 / p99 | req/s passthrough / anthropic | own passthrough | own anthropic | errors |
|---|---|---|---|---|---|---|---|---|---|
EOF
printf '%s\n' "${rows[@]}"
cat <<EOF

Over the rounds: the medians of each lane's added latency and their ratio, and the median of the rounds' ratios.

| scenario | passthrough added p50 / p99 | anthropic added p50 / p99 | ratio of medians p50 / p99 | median ratio p50 / p99 |
|---|---|---|---|---|
EOF
printf '%s\n' "${summary[@]}"
