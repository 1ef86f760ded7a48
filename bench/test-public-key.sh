#!/usr/bin/env bash
# Prints the public half of the platform's TEST-ONLY signing key (base64 DER), for QUARKUS_OIDC_PUBLIC_KEY.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
openssl pkey -in "$here/../platform/src/test/resources/motcrm-test-signing-key.pem" -pubout | grep -v -- '-----' | tr -d '\n'
