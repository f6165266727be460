#!/usr/bin/env bash
# Starts a Verbatim cluster on this machine, to try scale-out: PostgreSQL (Debian's, via scripts/start-postgres.sh),
# Redis, two web nodes and two workers, all sharing one data directory. compose.yaml describes the same cluster for
# Docker; keep the two in step.
#   scripts/cluster.sh                                   web nodes on http://127.0.0.1:5001 and :5002; Ctrl-C stops all
#   scripts/cluster.sh create-api-key --email a@b.c      any other argument runs the app once with the cluster's settings
# Logs are in .cluster/logs, the shared data directory is .cluster/data.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.cluster"
redis_port=6380
mkdir -p "$root/data" "$root/logs"

scripts/setup.sh --cluster
dotnet publish src/WebApp/WebApp.csproj -c Release -o .build/app --nologo -v quiet -p:TreatWarningsAsErrors=false >&2
postgres=$(scripts/start-postgres.sh | tail -n 1)

# What every node shares: the database (jobs are in Quartz's clustered store there), Redis (live status and SignalR's
# backplane) and the data directory (uploads, Data Protection keys).
export Verbatim__DataDirectory="$root/data"
export Verbatim__Database__Provider=Postgres
export Verbatim__Database__ConnectionString="${postgres/Database=postgres/Database=verbatim_cluster}"
export Verbatim__Cluster__Redis="127.0.0.1:$redis_port"
app=(dotnet .build/app/WebApp.dll --contentRoot "$PWD/.build/app")

if (($#)); then
  exec "${app[@]}" "$@"
fi

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$root/logs/redis.log" 2>&1 &
pids+=($!)

# launch NAME ROLE PORT: one node in the background, logging to .cluster/logs/NAME.log.
launch() {
  Verbatim__Cluster__Role="$2" "${app[@]}" --urls "http://127.0.0.1:$3" >"$root/logs/$1.log" 2>&1 &
  pids+=($!)
}

# healthy NAME PORT: waits until the node answers /health.
healthy() {
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1 && { echo "$1 up on http://127.0.0.1:$2"; return; }
    sleep 1
  done
  echo "$1 did not start; see $root/logs/$1.log" >&2
  exit 1
}

# The first node migrates the database and makes the Data Protection key; the others then start on both.
launch web-a Web 5001
healthy web-a 5001
launch web-b Web 5002
launch worker-1 Worker 5011
launch worker-2 Worker 5012
healthy web-b 5002
healthy worker-1 5011
healthy worker-2 5012
echo "Cluster up: browsers and API clients use http://127.0.0.1:5001 or :5002 (workers serve only /health)."
echo "An API key: scripts/cluster.sh create-api-key --email you@example.com. Ctrl-C stops the cluster."
wait
