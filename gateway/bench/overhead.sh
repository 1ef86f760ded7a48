#!/usr/bin/env bash
# Gateway overhead: throughput and p50/p99 latency of one read (loyalty-service's balance read) made
#   1. directly against loyalty-service,
#   2. through the gateway (token verified, rate-limited, routed, streamed), and
#   3. through nginx (Debian package) proxying the same route,
# with the ratios gateway/direct and gateway/nginx. Runs the packaged applications in prod mode on a
# separate database (loyalty_gateway_bench), trusting the platform's test-only key instead of Keycloak
# (bench/README.md). Raw output goes to bench-results/gateway-overhead-<time>/.
#
#   gateway/bench/overhead.sh       # 15 s warm-up, then 2 rounds of 15 s per target; 2 threads, 32 connections
#   DURATION=30s CONNECTIONS=64 gateway/bench/overhead.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-15s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
LOYALTY_PORT="${LOYALTY_PORT:-28183}"
GATEWAY_PORT="${GATEWAY_PORT:-28180}"
NGINX_PORT="${NGINX_PORT:-28190}"
DB_NAME=loyalty_gateway_bench
out="$root/bench-results/gateway-overhead-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

for port in "$LOYALTY_PORT" "$GATEWAY_PORT" "$NGINX_PORT"; do
  if ss -ltn "( sport = :$port )" | grep -q LISTEN; then
    echo "Port $port is taken; choose others with LOYALTY_PORT, GATEWAY_PORT, NGINX_PORT" >&2
    exit 1
  fi
done
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk; then apt-get install -y wrk >/dev/null; fi
if ! need nginx && [ ! -x /usr/sbin/nginx ]; then apt-get install -y nginx-light >/dev/null || apt-get install -y nginx >/dev/null; fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# Packaged applications (built only if missing; REBUILD=1 forces it).
if [ "${REBUILD:-0}" = 1 ] || [ ! -f loyalty-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -pl loyalty-service package -DskipTests
fi
if [ "${REBUILD:-0}" = 1 ] || [ ! -f gateway/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -pl gateway package -DskipTests
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$out/nginx/nginx.pid" ]; then kill "$(cat "$out/nginx/nginx.pid")" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$out/loyalty-app" "$out/gateway-app"
}
trap cleanup EXIT

# Run copies, so that a rebuild of either module during the run cannot pull the jars away.
cp -r loyalty-service/target/quarkus-app "$out/loyalty-app"
cp -r gateway/target/quarkus-app "$out/gateway-app"

# A database of its own, fresh each run.
export PGPASSWORD="${PGPASSWORD:-postgres}"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB_NAME" >/dev/null


export QUARKUS_OIDC_AUTH_SERVER_URL=
export QUARKUS_OIDC_PUBLIC_KEY="$(bench/test-public-key.sh)"
export QUARKUS_OIDC_TOKEN_ISSUER=https://motcrm.test/realms/motcrm
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"

QUARKUS_HTTP_PORT=$LOYALTY_PORT MOTCRM_DB_NAME=$DB_NAME QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java $JAVA_OPTS -jar "$out/loyalty-app/quarkus-run.jar" >"$out/loyalty-service.log" 2>&1 &
pids+=($!)
# The gateway with the bench client's rate limit out of the way (the limiter still runs on every request).
QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  QUARKUS_REST_CLIENT_LOYALTY_API_URL=http://127.0.0.1:$LOYALTY_PORT \
  MOTCRM_GATEWAY_RATE_USER_BURST=100000000 MOTCRM_GATEWAY_RATE_USER_PER_SECOND=100000000 \
  java $JAVA_OPTS ${GATEWAY_JAVA_OPTS:-} -jar "$out/gateway-app/quarkus-run.jar" >"$out/gateway.log" 2>&1 &
pids+=($!)

mkdir -p "$out/nginx"
cat >"$out/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nginx/body;
  proxy_temp_path $out/nginx/proxy;
  fastcgi_temp_path $out/nginx/fastcgi;
  uwsgi_temp_path $out/nginx/uwsgi;
  scgi_temp_path $out/nginx/scgi;
  upstream loyalty { server 127.0.0.1:$LOYALTY_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /api/v1/loyalty/ {
      proxy_pass http://loyalty;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_read_timeout 10s;
    }
  }
}
CONF
"$NGINX" -c "$out/nginx/nginx.conf" -p "$out/nginx"

wait_up() {
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "Not ready on port $1; see $out" >&2
  exit 1
}
wait_up "$LOYALTY_PORT"
wait_up "$GATEWAY_PORT"

# One customer with a points account (the welcome bonus), registered the way customer-service does it.
customer=$(python3 -c 'import uuid; print(uuid.uuid4())')
service_token=$(bench/token.sh bench-customer-service service)
curl -fs -o /dev/null -X POST "http://127.0.0.1:$LOYALTY_PORT/internal/v1/events/customer-registered" \
  -H "Authorization: Bearer $service_token" -H "Idempotency-Key: bench-$customer" -H 'Content-Type: application/json' \
  -d "{\"customerId\":\"$customer\",\"memberCode\":\"BENCH1\",\"registeredAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
token=$(bench/token.sh bench-customer customer "{\"customer_id\":\"$customer\"}")
path="/api/v1/loyalty/customers/$customer/balance"
for port in "$LOYALTY_PORT" "$GATEWAY_PORT" "$NGINX_PORT"; do
  status=$(curl -s -o "$out/check-$port.json" -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
  if [ "$status" != 200 ]; then echo "GET $path on port $port answered $status: $(cat "$out/check-$port.json")" >&2; exit 1; fi
done

# Warm each target up (JIT, connection pools, database cache), then measure in ROUNDS interleaved rounds,
# so that a burst of load from elsewhere on the machine does not land on one target only.
ROUNDS="${ROUNDS:-2}"
targets=("direct:$LOYALTY_PORT" "gateway:$GATEWAY_PORT" "nginx:$NGINX_PORT")
for target in "${targets[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "http://127.0.0.1:${target#*:}$path" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${targets[@]}"; do
    echo "== round $round: ${target%%:*}"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" \
      "http://127.0.0.1:${target#*:}$path" | tee "$out/wrk-${target%%:*}-$round.txt"
  done
done

python3 - "$out" "$ROUNDS" <<'PY' | tee "$out/summary.txt"
import re, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
def figures(name, round_):
    text = open(f"{out}/wrk-{name}-{round_}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return rps, p50, p99, int(non2xx.group(1)) if non2xx else 0
print(f"{'target':<8} {'round':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
best = {}
for name in ("direct", "gateway", "nginx"):
    for round_ in range(1, rounds + 1):
        row = figures(name, round_)
        print(f"{name:<8} {round_:>5} {row[0]:>10.0f} {row[1]:>8.2f} {row[2]:>8.2f} {row[3]:>8}")
        if name not in best or row[0] > best[name][0]:
            best[name] = row
d, g, n = best["direct"], best["gateway"], best["nginx"]
print("ratios from each target's best round:")
print(f"gateway/direct: throughput {g[0]/d[0]:.2f}x, p50 {g[1]/d[1]:.2f}x, p99 {g[2]/d[2]:.2f}x")
print(f"nginx/direct:   throughput {n[0]/d[0]:.2f}x, p50 {n[1]/d[1]:.2f}x, p99 {n[2]/d[2]:.2f}x")
print(f"gateway/nginx:  throughput {g[0]/n[0]:.2f}x, p50 {g[1]/n[1]:.2f}x, p99 {g[2]/n[2]:.2f}x")
PY
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "Raw output: $out"
