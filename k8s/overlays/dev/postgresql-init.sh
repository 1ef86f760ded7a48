#!/bin/bash
# DEV ONLY. Runs once, when the PostgreSQL data volume is empty: one role and one database per
# service, with the credentials of the dev Secrets customer-db-app, feedback-db-app and
# loyalty-db-app. Production databases are created by CloudNativePG (../prod).
set -euo pipefail

create_database() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=db="$1" --set=owner="$2" --set=password="$3" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create_database customer_db "$CUSTOMER_DB_USER" "$CUSTOMER_DB_PASSWORD"
create_database feedback_db "$FEEDBACK_DB_USER" "$FEEDBACK_DB_PASSWORD"
create_database loyalty_db "$LOYALTY_DB_USER" "$LOYALTY_DB_PASSWORD"
