-- wrk script: many logged-in members replaying a weighted mix of requests.
--
--   wrk -t2 -c32 -d20s -s mix.lua http://127.0.0.1:5560 -- sessions.tsv home.mix
--
-- sessions.tsv: one member per line, tab-separated key=value pairs; `cookie` is sent as
-- the Cookie header, `csrf` as X-CSRFToken, every pair can fill a {key} in the mix.
-- A mix file has one line per request kind: `weight METHOD /path/{key} [body]`;
-- `#` starts a comment. {rand} is a fresh random number (e.g. a note's text).
-- {query} is a random line of queries.txt (next to the mix file): queries members type,
-- URL-encoded in the file, so the load test's searches cost what members' searches cost.
-- {version} is the member's note version as the server last answered it (at first the
-- version in sessions.tsv, read from the database at login).
-- At the end one line starting with RESULT gives throughput, latency and errors.
-- Optional fourth argument: a member's mean think time in ms between two requests (each
-- wait drawn from half to one and a half times it). With C connections and think time T
-- the offered rate is about C / T requests per second, as members who read and type
-- between requests offer it; without it every connection sends as fast as it is answered.
--
-- Note autosaves carry the version, so the script must know which member an answer
-- belongs to: run one connection per wrk thread (-t N -c N) and pass N as the third
-- argument; each thread then owns every N-th member, so no two threads save the same
-- member's note. An autosave answered with the app's conflict status (both texts kept,
-- data-state="conflict") is counted apart, not as an error; its answer carries the
-- current version, which the member's next save sends.

local sessions, mix, queries, total_weight = {}, {}, {}, 0
local next_session, thread_id = 1, 0
-- Globals, not locals: done() reads them from each thread with thread:get().
redirects, conflicts, saves = 0, 0, 0
local threads, versions, pending = {}, {}, nil
local stride = 1
local think = 0

local function read_lines(path)
  local lines = {}
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  for line in file:lines() do
    if line:match("%S") and not line:match("^%s*#") then lines[#lines + 1] = line end
  end
  file:close()
  return lines
end

local function fill(template, values, index)
  return (template:gsub("{(%w+)}", function(key)
    if key == "rand" then return tostring(math.random(1, 1000000000)) end
    if key == "version" then return tostring(versions[index] or values.version or 0) end
    if key == "query" then return queries[math.random(1, #queries)] end
    return values[key] or ("{" .. key .. "}")
  end))
end

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  threads[#threads + 1] = thread
end

function init(args)
  for _, line in ipairs(read_lines(args[1])) do
    local values = {}
    for key, value in line:gmatch("(%w+)=([^\t]*)") do values[key] = value end
    sessions[#sessions + 1] = values
  end
  for _, line in ipairs(read_lines(args[2])) do
    local weight, method, path, body = line:match("^%s*(%d+)%s+(%u+)%s+(%S+)%s*(.*)$")
    assert(weight, "bad mix line: " .. line)
    total_weight = total_weight + tonumber(weight)
    mix[#mix + 1] = {upto = total_weight, method = method, path = path, body = body ~= "" and body or nil}
  end
  assert(#sessions > 0 and #mix > 0, "need sessions and a mix")
  -- Read only when the mix asks for {query}: the other mixes need no queries.txt.
  for _, entry in ipairs(mix) do
    if (entry.path .. (entry.body or "")):find("{query}", 1, true) then
      local dir = args[2]:match("^(.*)/[^/]*$") or "."
      queries = read_lines(dir .. "/queries.txt")
      assert(#queries > 0, "queries.txt has no query")
      break
    end
  end
  stride = tonumber(args[3] or "1")
  think = tonumber(args[4] or "0")
  if stride > 1 then
    -- Thread `id` owns members id, id + stride, ...: one writer per member's note.
    next_session = (id - 1) % stride + 1
  else
    -- Threads start at different members so they do not move in step.
    next_session = (id * 7919) % #sessions + 1
  end
  math.randomseed(os.time() + id)
end

function request()
  local index = next_session
  local values = sessions[index]
  next_session = next_session + stride
  if next_session > #sessions then next_session = (next_session - 1) % stride + 1 end
  local pick = math.random(1, total_weight)
  local entry = mix[#mix]
  for _, candidate in ipairs(mix) do
    if pick <= candidate.upto then entry = candidate break end
  end
  local headers = {Cookie = values.cookie, ["X-CSRFToken"] = values.csrf}
  local body = entry.body and fill(entry.body, values, index) or nil
  if body then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["HX-Request"] = "true"
  else
    -- Phones' browsers ask for compressed pages, so the server pays for gzip as it would
    -- (not for saves: the script reads the note's version from their answer).
    headers["Accept-Encoding"] = "gzip"
  end
  pending = body and body:find("version=", 1, true) and index or nil
  return wrk.format(entry.method, fill(entry.path, values, index), headers, body)
end

function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end

function response(status, headers, body)
  -- A redirect means the session was lost (sent back to /login): count it as an error.
  if status >= 300 and status < 400 then redirects = redirects + 1 end
  if pending and status == 200 and body then
    saves = saves + 1
    local version = body:match('id="note%-version"[^>]-value="(%d+)"')
    if version then versions[pending] = tonumber(version) end
    if body:find('data-state="conflict"', 1, true) then conflicts = conflicts + 1 end
  end
  pending = nil
end

function done(summary, latency, requests)
  local lost, conflicted, saved = 0, 0, 0
  for _, thread in ipairs(threads) do
    lost = lost + (thread:get("redirects") or 0)
    conflicted = conflicted + (thread:get("conflicts") or 0)
    saved = saved + (thread:get("saves") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout + lost
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d status_errors=%d redirects=%d socket_errors=%d saves=%d conflicts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, e.status, lost, e.connect + e.read + e.write + e.timeout, saved, conflicted))
end
