-- wrk script for the lanes compared with the Anthropic one: POST a body read from a
-- file, with the headers of an OpenAI or an Anthropic client; print one parseable
-- result line (same format as post.lua).
-- Usage: wrk ... -s lane.lua URL -- <path> <body-file> <openai|anthropic> <api-key> [stream] [H=Name:value...]
--   openai:    Authorization: Bearer <key>; Accept: application/json, or
--              text/event-stream with [stream] (the upstream picks its reply by it);
--              [stream] adds "stream":true,"stream_options":{"include_usage":true}
--   anthropic: x-api-key, anthropic-version, anthropic-beta and Accept: application/json
--              as Claude Code sends them (even when streaming); [stream] adds "stream":true
--   H=Name:value adds a header (e.g. H=x-portkey-provider:openai for the peer gateway)
-- The body files hold no "stream" field; run.sh checks every lane once with curl first.

function init(args)
  local path, file, api, key = args[1], args[2], args[3], args[4]
  local stream, extra = false, {}
  for i = 5, #args do
    if args[i] == "stream" then
      stream = true
    elseif args[i]:sub(1, 2) == "H=" then
      local name, value = args[i]:sub(3):match("^([^:]+):(.*)$")
      assert(name, "header argument must be H=Name:value, not " .. args[i])
      extra[name] = value
    end
  end
  assert(path and file and api and key, "usage: -- <path> <body-file> <openai|anthropic> <api-key> [stream]")
  local f = assert(io.open(file, "rb"))
  local body = f:read("*a"):gsub("%s+$", "")
  f:close()
  assert(body:sub(1, 1) == "{", file .. " does not hold a JSON object")
  if stream then
    local fields = api == "openai" and '"stream":true,"stream_options":{"include_usage":true},' or '"stream":true,'
    body = "{" .. fields .. body:sub(2)
  end
  wrk.method = "POST"
  wrk.path = path
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  if api == "openai" then
    wrk.headers["Authorization"] = "Bearer " .. key
    wrk.headers["Accept"] = stream and "text/event-stream" or "application/json"
  elseif api == "anthropic" then
    wrk.headers["x-api-key"] = key
    wrk.headers["anthropic-version"] = "2023-06-01"
    wrk.headers["anthropic-beta"] = "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14"
    wrk.headers["Accept"] = "application/json"
  else
    error("api must be openai or anthropic, not " .. api)
  end
  for name, value in pairs(extra) do
    wrk.headers[name] = value
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT p50_us=%d p99_us=%d rps=%.1f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50), latency:percentile(99),
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
