#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs, starts PostgreSQL for the PostgreSQL tests, prints
# "N passed, N failed" at the end. Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Upload).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
export VERBATIM_TEST_POSTGRES
VERBATIM_TEST_POSTGRES=$(scripts/start-postgres.sh)

results=$(mktemp -d)
status=0
dotnet test WebApp.sln -c Release --nologo --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?
python3 scripts/summarize-trx.py "$results"/*.trx
exit $status
