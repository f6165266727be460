#!/usr/bin/env bash
# Runs the benchmark in Release. With no arguments, every section; otherwise the named ones (see --list),
# e.g. bench/run.sh machine engine --minutes 5
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --configuration Release --project bench/Bench.csproj -- "$@"
