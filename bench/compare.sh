#!/usr/bin/env bash
# The gateway against the zero-cost nginx upstream and against a peer gateway on the same upstream, per lane:
# - passthrough: OpenAI client -> nginx (direct) | optoant /v1 | Portkey's gateway
# - anthropic:   OpenAI form -> nginx (direct) | Anthropic client -> optoant /anthropic/v1/messages | claude-code-router
# Scenarios: added latency at an even 200 req/s from 1 client and at 1,000 req/s from 10 clients (h2load, fixed
# rate), and closed-loop throughput at 16 and 64 clients (wrk). The gateway runs with its request log on.
# Progress goes to stderr, the markdown results tables to stdout.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-15}           # seconds per measured run
WARMUP=${WARMUP:-10}               # seconds of warm-up per target and lane, not measured
RATE_WARMUP=${RATE_WARMUP:-60}     # seconds at a fixed-rate scenario's own rate before it is measured (not direct)
PEERS=${PEERS:-1}                  # 0 leaves the peers out
ONLY=${ONLY:-}                     # extended regex over "<lane>, <scenario>" names
UPSTREAM_PORT=${UPSTREAM_PORT:-18080}
GATEWAY_PORT=${GATEWAY_PORT:-18090}
GATEWAY_ADMIN_PORT=${GATEWAY_ADMIN_PORT:-18091}
PORTKEY_PORT=${PORTKEY_PORT:-18110}
CCR_PORT=${CCR_PORT:-18111}
DURATION=${DURATION%s} WARMUP=${WARMUP%s} RATE_WARMUP=${RATE_WARMUP%s}

ensure_tools nginx wrk curl h2load:nghttp2-client
require_gateway
require_free_ports "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" "$PORTKEY_PORT" "$CCR_PORT"
((PEERS)) && ensure_peers
bench_init
start_nginx "$UPSTREAM_PORT"
start_gateway "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" true gateway "$UPSTREAM"
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
if ((PEERS)); then
  start_portkey "$PORTKEY_PORT"
  start_ccr "$CCR_PORT" "$UPSTREAM"
fi

# Targets: name|lane|base url|path|api|extra headers (lane.lua H=Name:value words)
targets=(
  "direct|passthrough|$UPSTREAM|$CHAT_PATH|openai|"
  "optoant|passthrough|$GATEWAY|$CHAT_PATH|openai|"
  "direct|anthropic|$UPSTREAM|$CHAT_PATH|openai|"
  "optoant|anthropic|$GATEWAY|$MESSAGES_PATH|anthropic|"
)
if ((PEERS)); then
  targets+=(
    "peer|passthrough|$PORTKEY|$CHAT_PATH|openai|$(portkey_headers "$UPSTREAM")"
    "peer|anthropic|$CCR|/v1/messages|anthropic|"
  )
fi

# Every target must answer the lane's request properly before any number means anything.
for t in "${targets[@]}"; do
  IFS='|' read -r name lane base path api extra <<<"$t"
  hdrs=()
  for h in $extra; do h=${h#H=}; hdrs+=(-H "${h%%:*}: ${h#*:}"); done
  if [[ $api == openai ]]; then
    hdrs+=(-H "Authorization: Bearer $SMALL_KEY") want='"chat.completion"'
  else
    hdrs+=(-H "x-api-key: $SMALL_KEY" -H 'anthropic-version: 2023-06-01') want='"type":"message"'
  fi
  out=$(curl -sS -m 30 -X POST -H 'Content-Type: application/json' "${hdrs[@]}" --data-binary "@$(body_of "$api")" \
    -w '\nHTTP %{http_code}' "$base$path") || die "POST $base$path failed"
  [[ $out == *"HTTP 200" && $out == *"$want"* ]] || die "$name ($lane) unexpected response: ${out:0:500}"
done
log "every target answers"


declare -A res   # res[<lane>|<scenario>|<target>] = "p50 p99 rps errors requests"
for lane in passthrough anthropic; do
  # warm-up: each target of the lane, closed loop
  for t in "${targets[@]}"; do
    IFS='|' read -r name tlane base path api extra <<<"$t"
    [[ $tlane == "$lane" && $name != direct ]] || continue
    selected "$lane, " || continue
    log "$lane: warm-up of $name"
    # shellcheck disable=SC2086  # extra is a list of words without spaces
    run_wrk lane.lua "$base" 2 16 "${WARMUP}s" "$path" "$(body_of "$api")" "$api" "$SMALL_KEY" $extra >/dev/null
  done
  for s in "${LOAD_SCENARIOS[@]}"; do
    IFS='|' read -r sname kind c r <<<"$s"
    selected "$lane, $sname" || continue
    for t in "${targets[@]}"; do
      IFS='|' read -r name tlane base path api extra <<<"$t"
      [[ $tlane == "$lane" ]] || continue
      log "$lane, $sname: $name"
      if [[ $kind == rate ]]; then
        # shellcheck disable=SC2086  # extra is a list of words without spaces
        mapfile -t hl < <(h2load_args "$api" $extra)
        # After the closed-loop warm-up the JIT has compiled for a busy server; at a low rate threads park where
        # they never did, compiled code hits paths it has not seen and is recompiled for about a minute. A gateway
        # serving that rate for longer than that is past it, so the measurement starts after it too.
        if [[ $name != direct ]] && ((RATE_WARMUP > 0)); then
          run_h2load "$base$path" "$c" "$r" "$RATE_WARMUP" "$(body_of "$api")" "${hl[@]}" >/dev/null
        fi
        out=$(run_h2load "$base$path" "$c" "$r" "$DURATION" "$(body_of "$api")" "${hl[@]}")
      else
        # shellcheck disable=SC2086
        read -r p50 p99 rps err non req <<<"$(run_wrk lane.lua "$base" "$r" "$c" "${DURATION}s" "$path" "$(body_of "$api")" "$api" "$SMALL_KEY" $extra)"
        out="$p50 $p99 $rps $((err + non)) $req"
      fi
      res["$lane|$sname|$name"]=$out
    done
  done
done

# --- report ------------------------------------------------------------------
added() { if [[ $1 == - || $2 == - ]]; then echo -; else printf '%+d' $(($1 - $2)); fi; }
num() { if [[ $1 == - ]]; then echo -; else printf '%.0f' "$1"; fi; }
cell() { local v=${res["$1"]:-}; [[ -n $v ]] && echo "$v" || echo "- - - - -"; }
cat <<EOF
optoant versus direct and a peer gateway, $(date -u +%Y-%m-%dT%H:%MZ), commit $(commit_id)
$(nproc) cores shared by the load tools, nginx, optoant and the peers; $("$JAVA" -version 2>&1 | head -n 1); node $(node --version 2>/dev/null || echo none);
peers: Portkey gateway $PORTKEY_VERSION (passthrough), claude-code-router $CCR_VERSION (anthropic); ${DURATION}s per run.
The optoant request log is on (embedded PostgreSQL on the same cores).
Latencies in microseconds (p50 / p99); added = target - direct; rate rows: h2load --h1 --rps (fixed rate, per-request
log), throughput rows: wrk closed loop; errors = socket errors + non-2xx.

| lane | scenario | direct p50 / p99 | optoant p50 / p99 | optoant added p50 / p99 | peer p50 / p99 | peer added p50 / p99 | req/s direct / optoant / peer | optoant / peer req/s | errors direct / optoant / peer |
|---|---|---|---|---|---|---|---|---|---|
EOF
for lane in passthrough anthropic; do
  for s in "${LOAD_SCENARIOS[@]}"; do
    IFS='|' read -r sname _ <<<"$s"
    selected "$lane, $sname" || continue
    read -r dp50 dp99 drps derr _ <<<"$(cell "$lane|$sname|direct")"
    read -r op50 op99 orps oerr _ <<<"$(cell "$lane|$sname|optoant")"
    read -r pp50 pp99 prps perr _ <<<"$(cell "$lane|$sname|peer")"
    printf '| %s | %s | %s / %s | %s / %s | %s / %s | %s / %s | %s / %s | %s / %s / %s | %s | %s / %s / %s |\n' \
      "$lane" "$sname" "$dp50" "$dp99" "$op50" "$op99" "$(added "$op50" "$dp50")" "$(added "$op99" "$dp99")" \
      "$pp50" "$pp99" "$(added "$pp50" "$dp50")" "$(added "$pp99" "$dp99")" "$(num "$drps")" "$(num "$orps")" "$(num "$prps")" \
      "$([[ $prps == - ]] && echo - || ratio "$orps" "$prps")" "$derr" "$oerr" "$perr"
  done
done
if ! ((PEERS)); then echo; echo "(peers left out: PEERS=0)"; fi

# The Anthropic lane against the passthrough, same scenario (target: within 20%).
lrows=()
for s in "${LOAD_SCENARIOS[@]}"; do
  IFS='|' read -r sname _ <<<"$s"
  if ! selected "passthrough, $sname" || ! selected "anthropic, $sname"; then continue; fi
  read -r pd50 pd99 _ <<<"$(cell "passthrough|$sname|direct")"
  read -r po50 po99 porps _ <<<"$(cell "passthrough|$sname|optoant")"
  read -r ad50 ad99 _ <<<"$(cell "anthropic|$sname|direct")"
  read -r ao50 ao99 aorps _ <<<"$(cell "anthropic|$sname|optoant")"
  lrows+=("$(printf '| %s | %+d / %+d | %+d / %+d | %s / %s | %s |' "$sname" \
    $((po50 - pd50)) $((po99 - pd99)) $((ao50 - ad50)) $((ao99 - ad99)) \
    "$(ratio $((ao50 - ad50)) $((po50 - pd50)))" "$(ratio $((ao99 - ad99)) $((po99 - pd99)))" "$(ratio "$aorps" "$porps")")")
done
if ((${#lrows[@]})); then
  cat <<EOF

optoant's Anthropic lane versus its passthrough (target: added latency within 1.20x, req/s at least 0.80x), rows measured
minutes apart; bench/lanes.sh measures the two lanes side by side in alternating rounds.

| scenario | passthrough added p50 / p99 | anthropic added p50 / p99 | added ratio p50 / p99 | req/s ratio |
|---|---|---|---|---|
EOF
  printf '%s\n' "${lrows[@]}"
fi
