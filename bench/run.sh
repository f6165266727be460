#!/usr/bin/env bash
# Runs the benchmark in Release. With no arguments, every section; otherwise the named ones (see --list),
# e.g. bench/run.sh machine engine --minutes 5
set -euo pipefail
cd "$(dirname "$0")/.."
# The bench uses the test tools (voices, sox, autocannon, chromium): installed here as for the tests, idempotently.
scripts/setup.sh --test >&2
exec dotnet run --configuration Release --project bench/Bench.csproj -- "$@"
