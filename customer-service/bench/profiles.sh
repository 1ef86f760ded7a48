#!/usr/bin/env bash
# customer-service benchmark: seeds 100,000 customers and 1,000,000 purchase lines (500,000
# purchases of 2 lines) by SQL, then reports
#   1. profile read throughput and latency (wrk --latency): GET /api/v1/customers/{id} by a supervisor
#      (each read also writes its access-log row), the member-code search GET /api/v1/customers?memberCode=,
#      and a customer reading their own profile;
#   2. the time to recompute RFM, lifecycle stage, top categories and CLV for all customers
#      (POST /api/v1/customers/insight/recompute, twice: first insert, then update of every row);
#   3. EXPLAIN ANALYZE of the read by id and by member code (both must be index scans).
# It runs the packaged app in prod profile on its own database (customer_bench), trusting the
# platform's TEST-ONLY signing key instead of Keycloak (see bench/README.md). Raw output goes to
# bench-results/customer-<time>/.
#   customer-service/bench/profiles.sh
#   CUSTOMERS=10000 PURCHASES=50000 DURATION=10s customer-service/bench/profiles.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
CUSTOMERS="${CUSTOMERS:-100000}"
PURCHASES="${PURCHASES:-500000}"   # two lines each
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18081}"
DB="${DB:-customer_bench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
out="$root/bench-results/customer-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
jar="customer-service/target/quarkus-app/quarkus-run.jar"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)"; exit 1; }
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -pl customer-service package -DskipTests
fi

echo "== database $DB"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== starting $jar on port $PORT"
QUARKUS_HTTP_PORT="$PORT" \
MOTCRM_DB_NAME="$DB" \
QUARKUS_OIDC_AUTH_SERVER_URL= \
QUARKUS_OIDC_PUBLIC_KEY="$(bench/test-public-key.sh)" \
QUARKUS_OIDC_TOKEN_ISSUER=https://motcrm.test/realms/motcrm \
QUARKUS_REST_CLIENT_LOYALTY_API_URL=http://127.0.0.1:9 \
QUARKUS_REST_CLIENT_FEEDBACK_API_URL=http://127.0.0.1:9 \
MOTCRM_INSIGHT_SCHEDULE=off \
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

echo "== seeding $CUSTOMERS customers and $PURCHASES purchases ($((PURCHASES * 2)) lines)"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL | tee "$out/seed.txt"
-- Member codes as the service makes them: 9 Crockford base32 symbols and a Luhn mod 32 check symbol.
create function pg_temp.b32(n bigint, len int) returns text language sql immutable as \$\$
  select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((n / (32::bigint ^ (len - k))::bigint) % 32)::int + 1, 1), '' order by k)
  from generate_series(1, len) k
\$\$;
create function pg_temp.check_symbol(payload text) returns text language plpgsql immutable as \$\$
declare
  alphabet text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; factor int := 2; total int := 0; addend int;
begin
  for i in reverse length(payload)..1 loop
    addend := factor * (position(substr(payload, i, 1) in alphabet) - 1);
    factor := case when factor = 2 then 1 else 2 end;
    total := total + addend / 32 + addend % 32;
  end loop;
  return substr(alphabet, (32 - total % 32) % 32 + 1, 1);
end \$\$;

insert into customer (id, member_code, referral_code, name, email, phone, birth_date, locale, preferred_channel,
                      status, created_at, updated_at)
select gen_random_uuid(), p || pg_temp.check_symbol(p), pg_temp.b32(i + 1000000, 8), 'Bench Customer ' || i,
       'bench' || i || '@example.com', '+8210' || lpad(i::text, 8, '0'), date '1970-01-01' + (i % 15000),
       'ko-KR', 'EMAIL', 'ACTIVE', now() - (i % 730) * interval '1 day', now()
from (select i, pg_temp.b32(i * 7919, 9) as p from generate_series(1, $CUSTOMERS) i) g;

create temporary table n_customer as select row_number() over (order by id) as n, id from customer;
create index on n_customer (n);

-- Skewed like real buyers: a few customers buy often, many once or twice, some never (prospects);
-- purchase times spread over 400 days, more of them recent.
select setseed(0.42);
create temporary table n_purchase as
select g.n, gen_random_uuid() as id, c.id as customer_id, g.occurred_at
from (select g as n, 1 + floor($CUSTOMERS * power(random(), 2.2))::int as pick,
             now() - power(random(), 1.6) * interval '400 days' as occurred_at
      from generate_series(1, $PURCHASES) g) g
join n_customer c on c.n = least(g.pick, $CUSTOMERS);

insert into purchase (id, customer_id, source, external_order_id, occurred_at, channel, touchpoint_code, total_minor,
                      returned_minor, request_hash, recorded_at)
select id, customer_id, 'bench', 'order-' || n, occurred_at,
       (array['STORE','WEB','APP','CALL_CENTRE','DELIVERY','CHAT'])[1 + n % 6], 'tp-' || (n % 200),
       (1 + (n + 1) % 3) * (((n * 7 + 13) % 1000 + 1) * 100) + (1 + (n + 2) % 3) * (((n * 7 + 26) % 1000 + 1) * 100),
       0, 'bench', now()
from n_purchase;

insert into purchase_line (purchase_id, line_no, sku, category, quantity, unit_price_minor)
select p.id, k, 'SKU-' || ((p.n * 31 + k * 977) % 5000), 'cat-' || ((p.n * 31 + k * 977) % 5000 % 40),
       1 + (p.n + k) % 3, ((p.n * 7 + 13 * k) % 1000 + 1) * 100
from n_purchase p cross join generate_series(1, 2) k;

analyze;
select (select count(*) from customer) as customers, (select count(*) from purchase) as purchases,
       (select count(*) from purchase_line) as purchase_lines;
SQL
echo "seeded in $(( $(date +%s) - start )) s" | tee -a "$out/seed.txt"

psql -At -d "$DB" -c "select id from customer order by random() limit 10000" > "$out/ids.txt"
psql -At -d "$DB" -c "select member_code from customer order by random() limit 10000" > "$out/codes.txt"
one_id=$(head -1 "$out/ids.txt")
one_code=$(head -1 "$out/codes.txt")
supervisor=$(bench/token.sh bench-supervisor supervisor)
admin=$(bench/token.sh bench-admin admin)
customer=$(bench/token.sh "bench-$one_id" customer "{\"customer_id\":\"$one_id\"}")

cat > "$out/by-id.lua" <<LUA
local ids = {}
function init(args)
  for line in io.lines("$out/ids.txt") do ids[#ids + 1] = line end
end
request = function()
  return wrk.format("GET", "/api/v1/customers/" .. ids[math.random(#ids)], {
    ["Authorization"] = "Bearer $supervisor", ["X-Access-Purpose"] = "benchmark" })
end
LUA
cat > "$out/by-code.lua" <<LUA
local codes = {}
function init(args)
  for line in io.lines("$out/codes.txt") do codes[#codes + 1] = line end
end
request = function()
  return wrk.format("GET", "/api/v1/customers?memberCode=" .. codes[math.random(#codes)], {
    ["Authorization"] = "Bearer $supervisor", ["X-Access-Purpose"] = "benchmark" })
end
LUA
cat > "$out/own.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/customers/$one_id", { ["Authorization"] = "Bearer $customer" })
end
LUA

# Warm up (JIT, connection pool), then measure.
curl -fs -o /dev/null -H "Authorization: Bearer $supervisor" -H "X-Access-Purpose: benchmark" \
  "http://127.0.0.1:$PORT/api/v1/customers/$one_id"
curl -fs -H "Authorization: Bearer $supervisor" -H "X-Access-Purpose: benchmark" \
  "http://127.0.0.1:$PORT/api/v1/customers?memberCode=$one_code" | grep -q "\"totalItems\":1" \
  || { echo "member code search does not find $one_code"; exit 1; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$out/by-id.lua" "http://127.0.0.1:$PORT" > "$out/warmup.txt"

for run in by-id by-code own; do
  echo "== wrk $run: $THREADS threads, $CONNECTIONS connections, $DURATION"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$out/$run.lua" "http://127.0.0.1:$PORT" \
    | tee "$out/wrk-$run.txt"
done
non2xx=$(grep -h "Non-2xx" "$out"/wrk-*.txt || true)
[ -z "$non2xx" ] || echo "WARNING: $non2xx"
logged=$(psql -At -d "$DB" -c "select count(*) from profile_access")

echo "== recompute insight for all customers (twice)"
for attempt in 1 2; do
  t0=$(date +%s%N)
  curl -fs -X POST -H "Authorization: Bearer $admin" "http://127.0.0.1:$PORT/api/v1/customers/insight/recompute" \
    | tee "$out/recompute-$attempt.json"
  echo "  (wall $(( ($(date +%s%N) - t0) / 1000000 )) ms)" | tee -a "$out/recompute-$attempt.json"
done
psql -d "$DB" -c "select lifecycle_stage, count(*), round(avg(lifetime_value_minor)) as avg_clv from customer_insight group by 1 order by 1" \
  | tee "$out/stages.txt"

echo "== query plans"
psql -d "$DB" <<SQL | tee "$out/explain.txt"
explain analyze select * from customer where id = '$one_id';
explain analyze select * from customer where member_code = '$one_code' order by lower(name), id limit 20;
explain analyze select count(*) from customer where member_code = '$one_code';
SQL

summary() {
  local f="$out/wrk-$1.txt"
  printf '%-8s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$f")" \
    "$(awk '$1 == "50%" {print $2}' "$f")" "$(awk '$1 == "99%" {print $2}' "$f")"
}
{
  echo "== summary ($CUSTOMERS customers, $((PURCHASES * 2)) purchase lines; $THREADS threads, $CONNECTIONS connections, $DURATION each)"
  summary by-id
  summary by-code
  summary own
  echo "access-log rows written by the staff reads: $logged"
  echo "recompute: $(tr -d '\n' < "$out/recompute-1.json")"
  echo "recompute again: $(tr -d '\n' < "$out/recompute-2.json")"
  grep -E "Index Scan|Index Only Scan|Seq Scan" "$out/explain.txt" | sed 's/^ */plan: /'
  echo "raw output: $out"
} | tee "$out/summary.txt"
