#!/usr/bin/env bash
# Installs what Verbatim needs on this kind of machine (Debian + .NET SDK), idempotently.
#   scripts/setup.sh            what the app needs to run
#   scripts/setup.sh --cluster  also PostgreSQL and Redis, for scripts/cluster.sh
#   scripts/setup.sh --test     also what the test suite and bench need (the cluster's servers included)
set -euo pipefail
cd "$(dirname "$0")/.."

# libgomp1: OpenMP, which whisper.cpp's native library (Whisper.net.Runtime) links against.
packages=(ffmpeg pocketsphinx pocketsphinx-en-us libpocketsphinx3 espeak-ng libgomp1)
if [[ "${1:-}" == "--test" || "${1:-}" == "--cluster" ]]; then
  packages+=(postgresql redis-server)
fi
if [[ "${1:-}" == "--test" ]]; then
  packages+=(sox flite pocketsphinx-testdata chromium)
  # aiosmtpd: a real SMTP server, run as a sink for the invite-mail tests.
  packages+=(python3-aiosmtpd)
  # festival and every Debian festvox voice that runs (the Hindi, Marathi and Telugu ones lack their phone sets):
  # speakers for the diarization bench's evaluation set.
  packages+=(festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts festvox-ca-ona-hts festvox-italp16k festvox-itapc16k
    festvox-czech-dita festvox-czech-krb festvox-czech-machac festvox-czech-ph festvox-ru festvox-suopuhe-lj festvox-suopuhe-mv)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
dotnet tool restore >/dev/null

if [[ "${1:-}" == "--test" ]]; then
  command -v npm >/dev/null || { echo "Node.js and npm are required for the JavaScript SDK tests." >&2; exit 1; }
  # The official AssemblyAI JavaScript SDK, used as a real client of /v2, and autocannon, the bench's load generator.
  (cd tests/js && { [[ -d node_modules/assemblyai && -d node_modules/autocannon ]] || npm install --no-audit --no-fund --silent; })
fi
