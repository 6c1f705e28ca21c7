#!/usr/bin/env bash
# Streaming benchmarks against a paced upstream (PacedUpstream.java: deltas spaced by a delay, with reasoning_content
# and tool-call chunks), with the SSE load client SseLoad.java, in up to four groups (SCENARIOS), after the gateway's
# idle RSS right after start:
# - overhead: time to first event and inter-event gaps, direct versus the passthrough and the Anthropic lane, 1 and
#   64 concurrent streams;
# - events: delta events relayed per second at saturation (no pacing) through the Anthropic lane, optoant versus
#   claude-code-router;
# - memory: RSS and heap after a full GC before, during and after MEMORY_SECONDS of 10 clients (leak check);
# - scale: SCALE_STREAMS concurrent slow streams (1 event/s for 60 s) straight to the upstream, then through the
#   Anthropic lane: errors, stalls, RSS.
# The gateway runs with its request log on. Progress goes to stderr, the markdown results tables to stdout.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCENARIOS=${SCENARIOS:-overhead events memory scale}   # groups to run, in this order
DURATION=${DURATION:-15}              # seconds per overhead and events run
WARMUP=${WARMUP:-10}                  # seconds of warm-up per lane, not measured
SETTLE=${SETTLE:-30}                  # overhead: seconds at the measured concurrency and pace first (gateway lanes)
PACE=${PACE:-20/50}                   # overhead runs: delay between deltas (ms) / deltas per stream
ONE_PACE=${ONE_PACE:-20/5}            # the same for the one-stream runs: shorter streams, ten times the TTFE samples
EVENTS_PACE=${EVENTS_PACE:-0/200}     # events runs: no delay, 200 deltas per stream
EVENTS_STREAMS=${EVENTS_STREAMS:-64}
MEMORY_SECONDS=${MEMORY_SECONDS:-300}
MEMORY_CLIENTS=${MEMORY_CLIENTS:-10}
MEMORY_PACE=${MEMORY_PACE:-5/50}
SCALE_STREAMS=${SCALE_STREAMS:-10000}
SCALE_PACE=${SCALE_PACE:-1000/60}     # 1 event/s for 60 s
SCALE_RAMP=${SCALE_RAMP:-30}          # seconds over which the streams are opened
SCALE_SOURCES=${SCALE_SOURCES:-127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5}   # client source addresses
SCALE_STALL_MS=${SCALE_STALL_MS:-3000}  # a gap longer than this is a stall
PEERS=${PEERS:-1}
PACED_PORT=${PACED_PORT:-18100}
GATEWAY_PORT=${GATEWAY_PORT:-18090}
GATEWAY_ADMIN_PORT=${GATEWAY_ADMIN_PORT:-18091}
CCR_PORT=${CCR_PORT:-18111}
DURATION=${DURATION%s} WARMUP=${WARMUP%s} SETTLE=${SETTLE%s}
want() { [[ " $SCENARIOS " == *" $1 "* ]]; }

ensure_tools curl
require_gateway
require_free_ports "$PACED_PORT" "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" "$CCR_PORT"
want events && ((PEERS)) && ensure_peers

# Each stream holds a client and an upstream socket in the gateway: raise the soft descriptor limit to the hard one
# (children inherit it) and fit the stream count to it. Raising the hard limit needs root with CAP_SYS_RESOURCE.
hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=$(cat /proc/sys/fs/nr_open)
ulimit -n "$hard" || log "WARNING: could not raise the open-file limit to $hard"
FD_LIMIT=$(ulimit -n)
SCALE_REQUESTED=$SCALE_STREAMS
if want scale && ((SCALE_STREAMS * 2 + 600 > FD_LIMIT)); then
  SCALE_STREAMS=$(((FD_LIMIT - 600) / 2))
  log "WARNING: open-file limit $FD_LIMIT (ulimit -Hn) allows $SCALE_STREAMS streams, not $SCALE_REQUESTED" \
    "(the gateway needs 2 descriptors per stream); raise the hard limit for the full figure"
fi
# The upstream pool must hold every concurrent stream, and so must Jetty's request threads: Dropwizard runs requests
# on Jetty's VirtualThreadPool, which admits at most server.maxThreads at once; the rest wait without an answer until
# the connection's idle timeout closes them. config.yml's defaults (10000 and 10240) cover 10,000 streams; the script
# sets both explicitly so that a run states what it used.
concurrent=$(want scale && echo "$SCALE_STREAMS" || echo 0)
POOL=$((concurrent > 1000 ? concurrent + 100 : 1024))
THREADS=$((concurrent > 1000 ? concurrent + 1024 : 1024))
JAVA_OPTS="$JAVA_OPTS -Ddw.server.maxThreads=$THREADS"

bench_init
JAVA_HOME_BIN=$(dirname "$JAVA")
"$JAVA_HOME_BIN/javac" -d "$WORK/classes" "$BENCH_DIR/PacedUpstream.java" "$BENCH_DIR/SseLoad.java" ||
  die "javac of the bench programs failed"
"$JAVA" -cp "$WORK/classes" PacedUpstream --port "$PACED_PORT" >"$WORK/paced.log" 2>&1 &
PACED_PID=$!
track "$PACED_PID" 5
PACED=http://127.0.0.1:$PACED_PORT
wait_for "$PACED_PID" 30 paced-upstream curl -fsS -X POST -d '{}' "$PACED$CHAT_PATH"
log "paced upstream up on $PACED"

start_gateway "$GATEWAY_PORT" "$GATEWAY_ADMIN_PORT" true gateway "$PACED" UPSTREAM_MAX_CONNECTIONS="$POOL"
GATEWAY_PID=$STARTED_PID
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
if want events && ((PEERS)); then start_ccr "$CCR_PORT" "$PACED"; fi

# sse <url> <openai|anthropic> <SseLoad options...>: prints the RESULT line's key=value words
sse() {
  local url=$1 api=$2 out
  shift 2
  out=$("$JAVA" -cp "$WORK/classes" SseLoad --url "$url" --api "$api" "$@" 2>>"$WORK/sse.log") ||
    die "SseLoad failed against $url"
  printf '### %s %s %s\n%s\n' "$url" "$api" "$*" "$out" >>"$WORK/sse.log"
  sed -n 's/^RESULT //p' <<<"$out" | grep . || die "no RESULT from SseLoad: $out"
}
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }  # field <key> <RESULT words>
heap_after_gc_mib() {  # full GC in the gateway, then the heap in use
  "$JAVA_HOME_BIN/jcmd" "$GATEWAY_PID" GC.run >/dev/null 2>&1 || true
  # G1 prints one "garbage-first heap total ..., used <n>K" line, Serial one per generation (DefNew, Tenured);
  # the Metaspace lines have no "total".
  "$JAVA_HOME_BIN/jcmd" "$GATEWAY_PID" GC.heap_info 2>/dev/null |
    sed -nE '/ total /s/.*, used ([0-9]+)K.*/\1/p' | awk '{ k += $1 } END { printf "%.0f", k / 1024 }'
}

# Each lane must carry a whole stream before any number means anything.
for lane in "direct|$PACED$CHAT_PATH|openai" "passthrough|$GATEWAY$CHAT_PATH|openai" \
  "anthropic|$GATEWAY$MESSAGES_PATH|anthropic"; do
  IFS='|' read -r name url api <<<"$lane"
  r=$(sse "$url" "$api" --streams 1 --once --pace 1/20)
  [[ $(field completed "$r") == 1 && $(field failed "$r") == 0 ]] || die "$name: a paced stream did not get through: $r"
done
log "every lane carries a stream"

IDLE_RSS=$(rss_mib "$GATEWAY_PID")
echo "$(date -u +%T) idle rss ${IDLE_RSS}" >>"$WORK/rss.log"

# --- overhead ------------------------------------------------------------------
orows=()
if want overhead; then
  lanes=("direct|$PACED$CHAT_PATH|openai" "passthrough|$GATEWAY$CHAT_PATH|openai" "anthropic|$GATEWAY$MESSAGES_PATH|anthropic")
  for l in "${lanes[@]:1}"; do
    IFS='|' read -r name url api <<<"$l"
    log "overhead: warm-up of $name"
    sse "$url" "$api" --streams 16 --duration-s "$WARMUP" --pace 0/50 >/dev/null
  done
  for n in 1 64; do
    declare -A o=()
    pace=$PACE
    ((n == 1)) && pace=$ONE_PACE
    for l in "${lanes[@]}"; do
      IFS='|' read -r name url api <<<"$l"
      log "overhead, $n streams: $name"
      # As in compare.sh: the JIT recompiles for a minute or so when the load changes shape (closed loop to paced).
      if [[ $name != direct ]] && ((SETTLE > 0)); then
        sse "$url" "$api" --streams "$n" --duration-s "$SETTLE" --pace "$pace" --ramp-s 1 >/dev/null
      fi
      o[$name]=$(sse "$url" "$api" --streams "$n" --duration-s "$DURATION" --pace "$pace" --ramp-s 1)
    done
    d=${o[direct]}
    for name in passthrough anthropic; do
      r=${o[$name]}
      orows+=("$(printf '| %s, %d stream(s) | %s / %s | %s / %s | %+d | %s / %s | %s / %s | %+d | %s | %s / %s |' \
        "$name" "$n" "$(field ttfe_p50_us "$d")" "$(field ttfe_p99_us "$d")" \
        "$(field ttfe_p50_us "$r")" "$(field ttfe_p99_us "$r")" \
        $(($(field ttfe_p50_us "$r") - $(field ttfe_p50_us "$d"))) \
        "$(field gap_p50_us "$d")" "$(field gap_p99_us "$d")" "$(field gap_p50_us "$r")" "$(field gap_p99_us "$r")" \
        $(($(field gap_p99_us "$r") - $(field gap_p99_us "$d"))) "$(field completed "$r")" \
        "$(field failed "$d")" "$(field failed "$r")")")
    done
  done
fi

# --- events: saturation through the Anthropic lane ------------------------------
erows=()
if want events; then
  targets=("direct (OpenAI stream)|$PACED$CHAT_PATH|openai" "optoant anthropic lane|$GATEWAY$MESSAGES_PATH|anthropic")
  ((PEERS)) && targets+=("claude-code-router|$CCR/v1/messages|anthropic")
  deltas=${EVENTS_PACE#*/}
  declare -A e=()
  for t in "${targets[@]}"; do
    IFS='|' read -r name url api <<<"$t"
    log "events: warm-up of $name"
    sse "$url" "$api" --streams "$EVENTS_STREAMS" --duration-s "$WARMUP" --pace "$EVENTS_PACE" >/dev/null
    log "events: $name"
    cpu0=$(cpu_ticks "$GATEWAY_PID")
    r=$(sse "$url" "$api" --streams "$EVENTS_STREAMS" --duration-s "$DURATION" --pace "$EVENTS_PACE")
    cpu1=$(cpu_ticks "$GATEWAY_PID")
    streams_s=$(awk -v n="$(field completed "$r")" -v s="$(field seconds "$r")" 'BEGIN { printf "%.1f", n / s }')
    relayed=$(awk -v x="$streams_s" -v d="$deltas" 'BEGIN { printf "%.0f", x * d }')
    e[$name]=$relayed
    cpu=-
    [[ $name == optoant* ]] && cpu=$(cpu_per_request $((cpu1 - cpu0)) "$(field completed "$r")")
    erows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$name" "$streams_s" "$relayed" \
      "$(field events_per_s "$r")" "$cpu" "$(field completed "$r")" "$(field failed "$r")")")
  done
  if ((PEERS)); then
    EVENTS_RATIO=$(ratio "${e[optoant anthropic lane]}" "${e[claude-code-router]}")
  fi
fi

# --- memory: leak check under 10 clients -------------------------------------------
mrows=()
if want memory; then
  log "memory: heap after a full GC, before load"
  heap0=$(heap_after_gc_mib)
  rss0=$(rss_mib "$GATEWAY_PID")
  log "memory: $MEMORY_CLIENTS clients on the Anthropic lane for ${MEMORY_SECONDS}s"
  (
    while sleep 10; do echo "$(date -u +%T) load rss $(rss_mib "$GATEWAY_PID")" >>"$WORK/rss.log"; done
  ) &
  SAMPLER=$!
  track "$SAMPLER" 1
  r=$(sse "$GATEWAY$MESSAGES_PATH" anthropic --streams "$MEMORY_CLIENTS" --duration-s "$MEMORY_SECONDS" --pace "$MEMORY_PACE")
  stop "$SAMPLER" 1
  samples=$(awk '$2 == "load" { print $4 }' "$WORK/rss.log")
  n=$(wc -l <<<"$samples")
  first=$(head -n $(((n + 4) / 5)) <<<"$samples" | sort -n | tail -n 1)   # highest in the first fifth
  last=$(tail -n $(((n + 4) / 5)) <<<"$samples" | sort -n | tail -n 1)    # highest in the last fifth
  peak=$(sort -n <<<"$samples" | tail -n 1)
  sleep 10
  rss_after=$(rss_mib "$GATEWAY_PID")
  heap1=$(heap_after_gc_mib)
  mrows+=("$(printf '| %s | %s | %s / %s | %s | %s | %s / %s | %s | %s / %s |' "$IDLE_RSS" "$rss0" "$first" "$last" "$peak" \
    "$rss_after" "$heap0" "$heap1" "$(field completed "$r")" "$(field failed "$r")" "$(field stalled "$r")")")
fi

# --- scale: thousands of slow streams ----------------------------------------------
srows=()
secs() { awk -v t="$1" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", t / hz }'; }
if want scale; then
  IFS=/ read -r _ scale_deltas <<<"$SCALE_PACE"
  log "scale: warm-up of the Anthropic lane"
  sse "$GATEWAY$MESSAGES_PATH" anthropic --streams 16 --duration-s "$WARMUP" --pace 0/50 >/dev/null
  # direct first (what the client and the paced upstream manage on their own), then through the Anthropic lane
  for target in "direct|$PACED$CHAT_PATH|openai" "anthropic lane|$GATEWAY$MESSAGES_PATH|anthropic"; do
    IFS='|' read -r name url api <<<"$target"
    log "scale, $name: $SCALE_STREAMS streams ($SCALE_PACE), opened over ${SCALE_RAMP}s from $SCALE_SOURCES"
    rss0=$(rss_mib "$GATEWAY_PID")
    (
      while sleep 2; do echo "$(date -u +%T) scale-${name%% *} rss $(rss_mib "$GATEWAY_PID")" >>"$WORK/rss.log"; done
    ) &
    SAMPLER=$!
    track "$SAMPLER" 1
    cpu0=$(cpu_ticks "$GATEWAY_PID") up0=$(cpu_ticks "$PACED_PID")
    r=$(sse "$url" "$api" --streams "$SCALE_STREAMS" --once --pace "$SCALE_PACE" \
      --ramp-s "$SCALE_RAMP" --sources "$SCALE_SOURCES" --stall-ms "$SCALE_STALL_MS" --timeout-s 60)
    cpu1=$(cpu_ticks "$GATEWAY_PID") up1=$(cpu_ticks "$PACED_PID")
    stop "$SAMPLER" 1
    peak=$(awk -v k="scale-${name%% *}" '$2 == k { print $4 }' "$WORK/rss.log" | sort -n | tail -n 1)

    if [[ $name == direct ]]; then
      gw="- | - | -"
    else
      gw="$rss0 / $peak | $(hwm_mib "$GATEWAY_PID") | $(secs $((cpu1 - cpu0)))"
    fi
    srows+=("$(printf '| %s | %s (of %s) | %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s / %s | %s |' \
      "$name" "$SCALE_STREAMS" "$SCALE_REQUESTED" "$(field max_open "$r")" "$(field completed "$r")" \
      "$(field failed "$r")" "$(field stalled "$r")" "$(field events "$r")" "$(field gap_p50_us "$r")" \
      "$(field gap_p99_us "$r")" "$(field gap_max_us "$r")" "$(field ttfe_p99_us "$r")" "$gw" \
      "$(field cpu_s "$r")" "$(secs $((up1 - up0)))" "$(field seconds "$r")")")
  done
  EXPECTED_EVENTS=$((SCALE_STREAMS * scale_deltas))
fi

# --- report ------------------------------------------------------------------
cat <<EOF
optoant streaming benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(commit_id)
$(nproc) cores shared by the SSE client, the paced upstream and the gateway; $("$JAVA" -version 2>&1 | head -n 1);
request log on; UPSTREAM_MAX_CONNECTIONS=$POOL; open-file limit $FD_LIMIT; JVM options: $JAVA_OPTS. Idle gateway RSS: ${IDLE_RSS} MiB.
EOF
if ((${#orows[@]})); then
  cat <<EOF

Streaming overhead: closed-loop streams for ${DURATION}s, pace $ONE_PACE at 1 stream and $PACE at 64 (ms between deltas / deltas per stream). TTFE =
request written -> first delta event; gap = between delta events (OpenAI: chunks with a non-empty delta; Anthropic:
content_block_delta). Microseconds; direct = the same OpenAI request straight to the paced upstream.

| lane, concurrency | direct TTFE p50 / p99 | lane TTFE p50 / p99 | added TTFE p50 | direct gap p50 / p99 | lane gap p50 / p99 | added gap p99 | streams | failed direct / lane |
|---|---|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${orows[@]}"
fi
if ((${#erows[@]})); then
  cat <<EOF

Streaming throughput at saturation: $EVENTS_STREAMS closed-loop streams for ${DURATION}s, pace $EVENTS_PACE (no delay).
Upstream deltas relayed/s = streams/s x ${EVENTS_PACE#*/}; client events/s counts what the client sees as deltas
(claude-code-router drops reasoning deltas, so it shows fewer). CPU/stream: optoant process CPU per stream in µs.
optoant / claude-code-router relayed deltas: ${EVENTS_RATIO:-n/a}

| target | streams/s | upstream deltas relayed/s | client delta events/s | CPU/stream µs | streams | failed |
|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${erows[@]}"
fi
if ((${#mrows[@]})); then
  cat <<EOF

Memory (MiB): $MEMORY_CLIENTS closed-loop streaming clients on the Anthropic lane for ${MEMORY_SECONDS}s, pace $MEMORY_PACE; RSS
sampled every 10 s; first / last = highest sample in the first / last fifth of the run; after = 10 s after the load;
heap = in use after a full GC (jcmd GC.run), before / after the load.

| idle RSS | RSS before load | load RSS first / last fifth | load RSS peak | RSS after | heap after GC before / after | streams | failed / stalled |
|---|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${mrows[@]}"
fi
if ((${#srows[@]})); then
  cat <<EOF

Scale: concurrent slow streams through the Anthropic lane, pace $SCALE_PACE, opened over ${SCALE_RAMP}s; stalled = a gap over
${SCALE_STALL_MS} ms; expected delta events: $EXPECTED_EVENTS. Gaps and TTFE in microseconds; RSS in MiB
(gateway: before / peak of 2 s samples, VmHWM); CPU = CPU seconds of the gateway, the client and the paced upstream
during the run, which lasted "run s". "direct" = the same streams (OpenAI form) straight to the paced upstream: what
the client and upstream manage on their own on this machine.

| target | streams | max open | completed | failed | stalled | delta events | gap p50 / p99 / max | TTFE p99 | gateway RSS before / peak | VmHWM | gateway CPU s | CPU s client / upstream | run s |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
  printf '%s\n' "${srows[@]}"
fi
