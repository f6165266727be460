#!/usr/bin/env bash
# Starts Verbatim on its embedded defaults: SQLite and files under ./data, the local speech engine.
#   ./run.sh                                  serve on http://localhost:5000
#   ./run.sh --urls http://127.0.0.1:5055     any argument passes through to the app
#   ./run.sh create-api-key --email ann@example.com
#   ./run.sh download-model small.en          a whisper model into data/models (scripts/download-model.sh)
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "download-model" ]]; then
  shift
  exec scripts/download-model.sh "$@"
fi
scripts/setup.sh
dotnet publish src/WebApp/WebApp.csproj -c Release -o .build/app --nologo -v quiet -p:TreatWarningsAsErrors=false >&2
exec dotnet .build/app/WebApp.dll --contentRoot "$PWD/.build/app" "$@"
