#!/usr/bin/env bash
# Prints a bearer token signed with the platform's TEST-ONLY key, for benchmarks that run an
# application with the test key trusted (see bench/README.md). Never trusted by a real deployment.
#   bench/token.sh SUBJECT ROLE[,ROLE...] [EXTRA_CLAIMS_JSON] [VALID_SECONDS]
#   bench/token.sh bench-agent agent
#   bench/token.sh c-1 customer '{"customer_id":"0f8e..."}'
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
key="$here/../platform/src/test/resources/motcrm-test-signing-key.pem"
subject="$1"; roles="$2"; extra="${3:-{\}}"; valid="${4:-7200}"
now=$(date +%s)
roles_json=$(printf '%s' "$roles" | awk -F, '{for(i=1;i<=NF;i++){printf "%s\"%s\"", (i>1?",":""), $i}}')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
base=$(printf '{"iss":"https://motcrm.test/realms/motcrm","sub":"%s","preferred_username":"%s","iat":%d,"exp":%d,"realm_access":{"roles":[%s]}}' \
  "$subject" "$subject" "$((now - 5))" "$((now + valid))" "$roles_json")
# Merge the extra claims into the payload (both are flat JSON objects).
payload=$(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); a.update(json.loads(sys.argv[2])); print(json.dumps(a,separators=(",",":")))' "$base" "$extra" | tr -d '\n' | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
