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
WARMUP="${WARMUP:-90s}"        # the JIT compiles Hibernate and JTA paths for minutes at this rate (bench/README.md)
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
  java ${JAVA_OPTS:-} -jar "$jar" > "$out/app.log" 2>&1 &
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

SQL
psql -q -v ON_ERROR_STOP=1 -v prefix=B -v customers="$CUSTOMERS" -v codes="$CODES" -d "$DB" \
  -f loyalty-service/bench/accounts.sql | tee -a "$out/seed.txt"
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL | tee -a "$out/seed.txt"
select (select count(*) from account where type = 'CUSTOMER') as customer_accounts,
       (select count(*) from redemption_code) as codes;
SQL
psql -At -d "$DB" -c "select code from redemption_code where code like 'BU%' order by random()" > "$out/codes-uncontended.txt"
psql -At -d "$DB" -c "select code from redemption_code where code like 'BH%' order by code" > "$out/codes-hot.txt"
partner=$(bench/token.sh bench-partner-backend partner '{"partner_id":"bench-partner"}')

cp loyalty-service/bench/pairs.lua "$out/pairs.lua"

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
