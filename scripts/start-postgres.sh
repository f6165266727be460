#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (installed by scripts/setup.sh --test) and makes sure the test role exists.
# Prints the connection string the tests use; each test creates and drops databases of its own.
set -euo pipefail
version=$(ls /etc/postgresql | sort -V | tail -n 1)
[[ -n "$version" ]] || { echo "PostgreSQL is not installed" >&2; exit 1; }
[[ -d "/etc/postgresql/$version/main" ]] || pg_createcluster "$version" main >&2
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start >&2
port=$(pg_conftool -s "$version" main show port 2>/dev/null || echo 5432)
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'verbatim_test') THEN
    CREATE ROLE verbatim_test LOGIN CREATEDB PASSWORD 'verbatim_test';
  END IF;
END $$;
SQL
echo "Host=127.0.0.1;Port=$port;Username=verbatim_test;Password=verbatim_test;Database=postgres"
