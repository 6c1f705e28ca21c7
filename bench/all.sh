#!/usr/bin/env bash
# The benchmark issue's scenarios in one go: compare.sh (fixed rate, throughput, peers), lanes.sh (the Anthropic lane
# against the passthrough, side by side), then streams.sh (TTFE and gaps, events/s, memory, slow streams at scale).
# Each installs what it needs and stops what it started; their settings (see bench/README.md) pass through. Tables on
# stdout, progress on stderr.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$dir/compare.sh"
echo
"$dir/lanes.sh"
echo
"$dir/streams.sh"
