#!/usr/bin/env bash
# Creates Concierge's roles and database in the postgres:15 container on first start
# (mounted into /docker-entrypoint-initdb.d/; runs once, when the data volume is empty).
# Same shape as scripts/services.sh's bootstrap and the contract in docs/operations.md:
#   concierge_owner  LOGIN CREATEDB NOSUPERUSER     owns the database, runs migrations
#   concierge_app    LOGIN NOSUPERUSER NOBYPASSRLS  what the services connect as (RLS applies)
#   database concierge OWNER concierge_owner
# Passwords come from DB_OWNER_PASSWORD / DB_APP_PASSWORD (defaults: the role names; set
# real ones for anything but local use, URL-safe since they go into connection URLs).
# The image's entrypoint may source this file rather than execute it: no `exit`, and
# strict mode only when executed.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then set -euo pipefail; fi

psql -v ON_ERROR_STOP=1 --no-psqlrc \
    --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v owner_password="${DB_OWNER_PASSWORD:-concierge_owner}" \
    -v app_password="${DB_APP_PASSWORD:-concierge_app}" <<'SQL'
SET password_encryption = 'scram-sha-256';
SELECT 'CREATE ROLE concierge_owner LOGIN CREATEDB NOSUPERUSER'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'concierge_owner') \gexec
SELECT 'CREATE ROLE concierge_app LOGIN NOSUPERUSER NOBYPASSRLS'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'concierge_app') \gexec
ALTER ROLE concierge_owner WITH LOGIN CREATEDB NOSUPERUSER PASSWORD :'owner_password';
ALTER ROLE concierge_app WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
SELECT 'CREATE DATABASE concierge OWNER concierge_owner ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'concierge') \gexec
ALTER DATABASE concierge OWNER TO concierge_owner;
SQL
