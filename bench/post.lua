-- wrk script: POST a small chat request, print one parseable result line.
-- Usage: wrk ... -s post.lua URL -- <path> [stream]
local body_plain = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Explain load balancing in one sentence."}],"max_tokens":64}'
local body_stream = '{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Explain load balancing in one sentence."}],"max_tokens":64}'

function init(args)
  wrk.method = "POST"
  wrk.path = args[1] or "/v1/chat/completions"
  wrk.body = (args[2] == "stream") and body_stream or body_plain
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer sk-bench-0000000000000000"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT p50_us=%d p99_us=%d rps=%.1f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50), latency:percentile(99),
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
