#!/usr/bin/env bash
# loyalty-service benchmark: two-phase partner redemption throughput.
#   1. authorize + capture pairs per second, with p50/p99 of the pair's latency, on uncontended
#      accounts (each pair on a random one of $CUSTOMERS accounts) and on a single hot account;
#   2. pgbench on the same PostgreSQL with a custom script of a comparable single-row-update
#      transaction (BEGIN; UPDATE one balance row; END), uncontended and on one hot row;
#   3. the ratio of the two.
# Each pair is two HTTP requests of a partner backend (real signed token, Idempotency-Key), each its
# own database transaction: POST /partner/v1/redemptions (the customer's one-time code) then
# POST /partner/v1/redemptions/{id}/capture. Accounts, points and codes are seeded by SQL.
# The packaged app runs in prod profile on its own database (loyalty_bench), trusting the
# platform's TEST-ONLY signing key instead of Keycloak (bench/README.md). Raw output goes to
# bench-results/loyalty-<time>/.
#   loyalty-service/bench/redemption.sh
#   DURATION=10s CONNECTIONS=8 loyalty-service/bench/redemption.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
CUSTOMERS="${CUSTOMERS:-10000}"
CODES="${CODES:-60000}"          # one-time codes per run (each pair uses one)
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-20s}"
THREADS="${THREADS:-8}"          # wrk threads = connections: each connection alternates authorize/capture
PORT="${PORT:-18083}"
DB="${DB:-loyalty_bench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
out="$root/bench-results/loyalty-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
jar="loyalty-service/target/quarkus-app/quarkus-run.jar"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)"; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed (postgresql-contrib / postgresql-client)"; exit 1; }
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -pl loyalty-service package -DskipTests
fi

echo "== database $DB"
psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use"; exit 1; fi
echo "== starting $jar on port $PORT"
QUARKUS_HTTP_PORT="$PORT" \
MOTCRM_DB_NAME="$DB" \
QUARKUS_OIDC_AUTH_SERVER_URL= \
QUARKUS_OIDC_PUBLIC_KEY="$(bench/test-public-key.sh)" \
QUARKUS_OIDC_TOKEN_ISSUER=https://motcrm.test/realms/motcrm \
MOTCRM_LOYALTY_SWEEP_EVERY=off \
MOTCRM_LOYALTY_REDEMPTION_RELEASE_EVERY=off \
MOTCRM_LOYALTY_TIERS_DOWNGRADE_EVERY=off \
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

echo "== seeding a partner, $CUSTOMERS customer accounts and one hot account, $CODES codes for each run"
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL | tee "$out/seed.txt"
insert into account (type, owner_ref, status, created_at, updated_at)
values ('PARTNER_SETTLEMENT', 'bench-partner', 'OPEN', now(), now());
insert into partner (id, name, point_value_minor, earn_minor_per_point, status, account_id, created_at, updated_at)
select 'bench-partner', 'Bench partner', 1, 100, 'ACTIVE', id, now(), now()
from account where type = 'PARTNER_SETTLEMENT' and owner_ref = 'bench-partner';

-- Customer accounts with their points: one balanced EARN transaction and one lot each.
insert into account (type, owner_ref, status, member_code, posted, held, locked, created_at, updated_at)
select 'CUSTOMER', gen_random_uuid()::text, 'OPEN', 'B-' || i, case when i = 0 then 10 * $CODES else 1000 end,
       0, 0, now(), now()
from generate_series(0, $CUSTOMERS) i;
insert into ledger_transaction (kind, reference, description, created_at)
select 'EARN', 'bench-seed:' || id, 'Bench seed', now() from account where type = 'CUSTOMER';
insert into ledger_entry (transaction_id, account_id, amount, created_at)
select t.id, a.id, a.posted, now()
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id where a.type = 'CUSTOMER'
union all
select t.id, (select id from account where type = 'ISSUANCE'), -a.posted, now()
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id where a.type = 'CUSTOMER';
insert into lot (account_id, transaction_id, points, remaining, earned_at, expires_at, locked)
select a.id, t.id, a.posted, a.posted, now(), now() + interval '2 years', false
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id where a.type = 'CUSTOMER';

-- One-time codes: uncontended ones spread over the accounts, hot ones all on account B-0.
insert into redemption_code (code, account_id, created_at, expires_at)
select 'U' || lpad(g::text, 9, '0'), a.id, now(), now() + interval '1 day'
from generate_series(1, $CODES) g join account a on a.member_code = 'B-' || (1 + g % $CUSTOMERS);
insert into redemption_code (code, account_id, created_at, expires_at)
select 'H' || lpad(g::text, 9, '0'), a.id, now(), now() + interval '1 day'
from generate_series(1, $CODES) g, account a where a.member_code = 'B-0';
analyze;
select (select count(*) from account where type = 'CUSTOMER') as customer_accounts,
       (select count(*) from redemption_code) as codes;
SQL
psql -At -d "$DB" -c "select code from redemption_code where code like 'U%' order by random()" > "$out/codes-uncontended.txt"
psql -At -d "$DB" -c "select code from redemption_code where code like 'H%' order by code" > "$out/codes-hot.txt"
partner=$(bench/token.sh bench-partner-backend partner '{"partner_id":"bench-partner"}')

cat > "$out/pairs.lua" <<'LUA'
-- Each connection alternates: authorize with the next unused code, then capture that hold.
-- Pair latency (authorize sent -> capture answered) is measured with clock_gettime through LuaJIT's ffi.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  local index = 0
  for line in io.lines(args[1]) do
    if index % args[2] == id then table.insert(codes, line) end
    index = index + 1
  end
  token = args[3]
  run = args[4]
  next_code = 1
  state = "authorize"
  pairs_done = 0
  failures = 0
  latencies = {}
  redemption = nil
  started = 0
  seq = 0
end

function request()
  seq = seq + 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. seq }
  if state == "authorize" then
    local code = codes[next_code]
    next_code = next_code + 1
    started = now_us()
    return wrk.format("POST", "/partner/v1/redemptions", headers, '{"code":"' .. code .. '","points":10}')
  end
  return wrk.format("POST", "/partner/v1/redemptions/" .. redemption .. "/capture", headers, "{}")
end

function response(status, headers, body)
  if state == "authorize" then
    if status == 201 then
      redemption = body:match('"id":"([^"]+)"')
      state = "capture"
    else
      failures = failures + 1
    end
  else
    if status == 200 then
      pairs_done = pairs_done + 1
      latencies[#latencies + 1] = now_us() - started
    else
      failures = failures + 1
    end
    state = "authorize"
  end
end

function done(summary, latency, requests)
  local all = {}
  local total = 0
  local failed = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("pairs_done")
    failed = failed + thread:get("failures")
    for _, value in ipairs(thread:get("latencies")) do all[#all + 1] = value end
  end
  table.sort(all)
  local function pct(p) if #all == 0 then return 0 end return all[math.max(1, math.ceil(#all * p))] / 1000 end
  local seconds = summary.duration / 1000000
  io.write(string.format("PAIRS %d in %.1f s = %.1f pairs/s; pair latency p50 %.2f ms, p99 %.2f ms; failed requests %d; http errors %d\n",
    total, seconds, total / seconds, pct(0.50), pct(0.99), failed,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

url="http://127.0.0.1:$PORT"
run_pairs() {
  local name="$1" codes="$2"
  echo "== $name: warm-up $WARMUP (the JIT needs it: cold, the first seconds run at a fifth of the speed), then $DURATION with $THREADS connections"
  wrk -t "$THREADS" -c "$THREADS" -d "$WARMUP" --timeout 10s -s "$out/pairs.lua" "$url" -- "$codes.warm" "$THREADS" "$partner" "warm-$name" > /dev/null
  wrk -t "$THREADS" -c "$THREADS" -d "$DURATION" --timeout 10s --latency -s "$out/pairs.lua" "$url" -- "$codes" "$THREADS" "$partner" "$name" \
    | tee "$out/$name.txt"
}
# Warm-up runs use codes of their own (the tail of each list), so the measured runs never reuse one.
for f in uncontended hot; do
  total=$(wc -l < "$out/codes-$f.txt")
  head -n $((total / 2)) "$out/codes-$f.txt" > "$out/codes-$f.main"; tail -n +$((total / 2 + 1)) "$out/codes-$f.txt" > "$out/codes-$f.main.warm"
done
run_pairs uncontended "$out/codes-uncontended.main"
run_pairs hot "$out/codes-hot.main"

echo "== pgbench: a single-row-update transaction, $THREADS clients, $DURATION"
pgdb="${DB}_pgbench"
psql -q -d postgres -c "drop database if exists $pgdb" -c "create database $pgdb"
psql -q -v ON_ERROR_STOP=1 -d "$pgdb" <<SQL
create table balance (id bigint primary key, points bigint not null, updated_at timestamptz not null);
insert into balance select i, 1000000, now() from generate_series(1, $CUSTOMERS) i;
analyze;
SQL
cat > "$out/pgbench-uncontended.sql" <<SQL
\set id random(1, $CUSTOMERS)
BEGIN;
UPDATE balance SET points = points - 10, updated_at = now() WHERE id = :id;
END;
SQL
cat > "$out/pgbench-hot.sql" <<'SQL'
BEGIN;
UPDATE balance SET points = points - 10, updated_at = now() WHERE id = 1;
END;
SQL
seconds="${DURATION%s}"
pgbench -n -c "$THREADS" -j 2 -T "$seconds" -f "$out/pgbench-uncontended.sql" "$pgdb" | tee "$out/pgbench-uncontended.txt"
pgbench -n -c "$THREADS" -j 2 -T "$seconds" -f "$out/pgbench-hot.sql" "$pgdb" | tee "$out/pgbench-hot.txt"
psql -q -d postgres -c "drop database if exists $pgdb"

echo "== summary" | tee "$out/summary.txt"
for f in uncontended hot; do
  pairs=$(sed -n 's/.*= \([0-9.]*\) pairs\/s.*/\1/p' "$out/$f.txt")
  p50=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' "$out/$f.txt")
  p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$out/$f.txt")
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench-$f.txt" | head -1)
  ratio=$(python3 -c "print(f'{float(\"$pairs\") / float(\"$tps\"):.3f}')")
  printf '%-12s %9s pairs/s  p50 %7s ms  p99 %7s ms | pgbench %9s tps | ratio %s\n' \
    "$f" "$pairs" "$p50" "$p99" "$tps" "$ratio" | tee -a "$out/summary.txt"
done
echo "raw output: $out"
