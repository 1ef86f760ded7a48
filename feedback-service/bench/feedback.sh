#!/usr/bin/env bash
# feedback-service benchmark: seeds 1,000,000 feedback rows (and the cases they open) over 200
# touchpoints by SQL, then reports
#   1. feedback submission throughput (wrk, POST /api/v1/feedback with an Idempotency-Key each), and
#   2. the MOT analytics query time for a 90-day period (GET /api/v1/mot/analytics, per touchpoint).
# It runs the packaged app in prod profile on its own database (feedback_bench), trusting the
# platform's TEST-ONLY signing key instead of Keycloak (see bench/README.md). Raw output goes to
# bench-results/feedback-<time>/.
#   feedback-service/bench/feedback.sh            # 1,000,000 rows, 30 s of load
#   ROWS=100000 DURATION=10s feedback-service/bench/feedback.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
ROWS="${ROWS:-1000000}"
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18082}"
DB="${DB:-feedback_bench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
out="$root/bench-results/feedback-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
jar="feedback-service/target/quarkus-app/quarkus-run.jar"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)"; exit 1; }
if [ ! -f "$jar" ] || [ -n "$(find feedback-service/src/main feedback-service/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "== packaging feedback-service"
  ./mvnw -B -q -pl feedback-service package -DskipTests
fi

echo "== database $DB"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== starting $jar on port $PORT"
QUARKUS_HTTP_PORT="$PORT" \
MOTCRM_DB_NAME="$DB" \
QUARKUS_OIDC_AUTH_SERVER_URL= \
QUARKUS_OIDC_PUBLIC_KEY="$(bench/test-public-key.sh)" \
QUARKUS_OIDC_TOKEN_ISSUER=https://motcrm.test/realms/motcrm \
QUARKUS_REST_CLIENT_CUSTOMER_API_URL=http://127.0.0.1:9 \
QUARKUS_REST_CLIENT_LOYALTY_API_URL=http://127.0.0.1:9 \
QUARKUS_LOG_LEVEL=WARN \
  java -jar "$jar" > "$out/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "the app did not start; see $out/app.log"; tail -30 "$out/app.log"; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null

echo "== seeding 200 touchpoints and $ROWS feedback rows over the last 365 days"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL | tee "$out/seed.txt"
insert into touchpoint (id, code, name, channel, stage, team, active, created_at, updated_at)
select gen_random_uuid(), 'tp-' || i, 'Touchpoint ' || i,
       (array['STORE','WEB','APP','CALL_CENTRE','DELIVERY','CHAT'])[1 + i % 6],
       (array['DISCOVER','BUY','PAY','RECEIVE','USE','GET_HELP'])[1 + (i / 6) % 6],
       'team-' || (i % 10), true, now(), now()
from generate_series(1, 200) i;

create temporary table tp as select row_number() over (order by code) as n, id, channel from touchpoint;

insert into feedback (id, type, csat, nps, ces, text, touchpoint_id, channel, customer_id, source, submitted_by, submitted_at)
select gen_random_uuid(), k.type,
       case when random() < 0.7 then least(5, greatest(1, round(4 + random() * 2 - (t.n % 7) * 0.3)::int)) end,
       case when random() < 0.8 then least(10, greatest(0, round(8 + random() * 3 - (t.n % 9) * 0.6)::int)) end,
       case when random() < 0.3 then 1 + (random() * 6)::int end,
       case when random() < 0.5 then 'benchmark feedback text' end,
       t.id, t.channel, gen_random_uuid(), 'CUSTOMER', 'bench', now() - random() * interval '365 days'
from generate_series(1, $ROWS) g
join tp t on t.n = 1 + (g % 200)
cross join lateral (select case when random() < 0.15 then 'COMPLAINT' when random() < 0.1 then 'SUGGESTION'
                               when random() < 0.2 then 'COMPLIMENT' else 'RATING' end as type, g as gg) k;

-- Cases of the last three days are partly still open; older ones were resolved and closed (a
-- backlog of long-breached open cases would keep the SLA job escalating throughout the load test).
insert into support_case (id, feedback_id, touchpoint_id, channel, customer_id, team, status, severity, detractor, priority,
                          owner_name, opened_at, first_response_at, first_response_seconds, resolved_at,
                          resolution_seconds, root_cause, reopen_count, first_response_breached, resolution_breached,
                          escalation_level, recovery_csat)
select gen_random_uuid(), f.id, f.touchpoint_id, f.channel, f.customer_id, t.team,
       case when s.open then 'IN_PROGRESS' else 'CLOSED' end, 'MEDIUM',
       coalesce(f.nps <= 6, false) or coalesce(f.csat <= 2, false), 'P3',
       'bench-owner', f.submitted_at, f.submitted_at + s.fr * interval '1 second', s.fr,
       case when not s.open then f.submitted_at + s.res * interval '1 second' end,
       case when not s.open then s.res end, case when not s.open then 'other' end,
       case when random() < 0.05 then 1 else 0 end, s.fr > 14400, not s.open and s.res > 259200,
       case when s.fr > 14400 then 3 else 0 end,
       case when not s.open and s.r < 0.4 then 1 + (random() * 4)::int end
from feedback f
join touchpoint t on t.id = f.touchpoint_id
cross join lateral (select (random() * 18000)::bigint as fr, (random() * 345600)::bigint as res, random() as r,
                           f.submitted_at > now() - interval '3 days' and random() < 0.5 as open, f.id as fid) s
where f.type = 'COMPLAINT' or f.nps <= 6 or f.csat <= 2;

-- As autovacuum leaves a settled table: statistics and the visibility map (index-only scans).
vacuum analyze;
select (select count(*) from feedback) as feedback_rows, (select count(*) from support_case) as case_rows,
       (select count(*) from touchpoint) as touchpoints;
SQL
echo "seeded in $(( $(date +%s) - start )) s" | tee -a "$out/seed.txt"

agent=$(bench/token.sh bench-agent agent)
customer_id=$(cat /proc/sys/kernel/random/uuid)
customer=$(bench/token.sh "bench-customer" customer "{\"customer_id\":\"$customer_id\"}")

echo "== MOT analytics, 90 days, per touchpoint (5 runs after one warm-up)"
to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
from=$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ)
url="http://127.0.0.1:$PORT/api/v1/mot/analytics?from=$from&to=$to&groupBy=touchpoint"
curl -fs -H "Authorization: Bearer $agent" "$url" -o "$out/analytics.json"
: > "$out/analytics-times.txt"
for _ in 1 2 3 4 5; do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $agent" "$url" >> "$out/analytics-times.txt"
done
python3 - "$out/analytics.json" "$out/analytics-times.txt" <<'PY' | tee "$out/analytics-summary.txt"
import json, sys, statistics
report = json.load(open(sys.argv[1]))
times = [float(t) for t in open(sys.argv[2]) if t.strip()]
rows = report["rows"]
print(f"groups: {len(rows)}, feedback in period: {sum(r['volume'] for r in rows)}, cases in period: {sum(r['cases'] for r in rows)}")
print(f"analytics 90 days: median {statistics.median(times)*1000:.0f} ms, min {min(times)*1000:.0f} ms, max {max(times)*1000:.0f} ms")
print("worst moment:", report["worstMoments"][0]["key"], "NPS", report["worstMoments"][0]["nps"])
PY
for group in channel stage team; do
  t=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $agent" \
      "http://127.0.0.1:$PORT/api/v1/mot/analytics?from=$from&to=$to&groupBy=$group")
  echo "analytics 90 days by $group: $(python3 -c "print(round($t*1000))") ms" | tee -a "$out/analytics-summary.txt"
done

echo "== submission throughput: wrk -t$THREADS -c$CONNECTIONS -d$DURATION POST /api/v1/feedback"
cat > "$out/submit.lua" <<LUA
local counter = 0
local types = {"RATING", "RATING", "RATING", "COMPLIMENT", "SUGGESTION", "COMPLAINT"}
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  n = 0
  math.randomseed(os.time() + tid)
end
function request()
  n = n + 1
  local t = types[math.random(#types)]
  local body = string.format('{"type":"%s","touchpointCode":"tp-%d","nps":%d,"csat":%d,"text":"wrk %d"}',
    t, math.random(200), math.random(7, 10), math.random(3, 5), n)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $customer",
    ["Idempotency-Key"] = string.format("wrk-%d-%d-%d", tid, n, math.random(1000000000))
  }
  return wrk.format("POST", "/api/v1/feedback", headers, body)
end
function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$out/submit.lua" "http://127.0.0.1:$PORT" | tee "$out/wrk-submit.txt"
psql -q -d "$DB" -At -c "select 'feedback rows after load: ' || count(*) from feedback" | tee -a "$out/wrk-submit.txt"
echo "== results in $out"
