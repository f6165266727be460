#!/usr/bin/env bash
# Adds an EF Core migration for every database provider: ./scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --project src/WebApp --context "${provider}DbContext" --output-dir "Data/Migrations/$provider"
done
