#!/usr/bin/env bash
# Downloads a whisper.cpp model into Verbatim's models folder, where the server finds it while it runs (engine
# whisper-<name>).
#   ./run.sh download-model small.en       ggml-small.en.bin into ${VERBATIM_DATA:-./data}/models
# The file comes from whisper.cpp's usual home on Hugging Face, to a temporary file first, and is moved into place
# only when its SHA-1 matches whisper.cpp's published list (models/README.md in whisper.cpp).
# VERBATIM_MODEL_BASE_URL replaces the download address (a mirror, or tests).
set -euo pipefail

# name → SHA-1, from whisper.cpp's models/README.md ("Available models").
declare -A SHA1=(
  [tiny]=bd577a113a864445d4c299885e0cb97d4ba92b5f
  [tiny.en]=c78c86eb1a8faa21b369bcd33207cc90d64ae9df
  [base]=465707469ff3a37a2b9b8d8f89f2f99de7299dac
  [base.en]=137c40403d78fd54d454da0f9bd998f78703390c
  [small]=55356645c2b361a969dfd0ef2c5a50d530afd8d5
  [small.en]=db8a495a91d927739e50b3fc1cc4c6b8f6c2d022
  [small.en-tdrz]=b6c6e7e89af1a35c08e6de56b66ca6a02a2fdfa1
  [medium]=fd9727b6e1217c2f614f9b698455c4ffd82463b4
  [medium.en]=8c30f0e44ce9560643ebd10bbe50cd20eafd3723
  [large-v1]=b1caaf735c4cc1429223d5a74f0f4d0b9b59a299
  [large-v2]=0f4c8e34f21cf1a914c59d8b3ce882345ad349d6
  [large-v2-q5_0]=00e39f2196344e901b3a2bd5814807a769bd1630
  [large-v3]=ad82bf6a9043ceed055076d0fd39f5f186ff8062
  [large-v3-q5_0]=e6e2ed78495d403bef4b7cff42ef4aaadcfea8de
  [large-v3-turbo]=4af2b29d7ec73d781377bfd1758ca957a807e941
  [large-v3-turbo-q5_0]=e050f7970618a659205450ad97eb95a18d69c9ee
)
ORDER="tiny tiny.en base base.en small small.en small.en-tdrz medium medium.en large-v1 large-v2 large-v2-q5_0 large-v3 large-v3-q5_0 large-v3-turbo large-v3-turbo-q5_0"

name="${1:-}"
if [[ -z "$name" || -z "${SHA1[$name]+known}" ]]; then
  [[ -n "$name" ]] && echo "Unknown whisper model \"$name\"." >&2
  echo "Usage: ./run.sh download-model <name>, where <name> is one of:" >&2
  for known in $ORDER; do echo "  $known" >&2; done
  echo "Smaller is faster, larger is more accurate; .en models are English only. See README.md, \"Whisper models\"." >&2
  exit 2
fi

cd "$(dirname "$0")/.."
models="${VERBATIM_DATA:-./data}/models"
file="ggml-$name.bin"
base_url="${VERBATIM_MODEL_BASE_URL:-https://huggingface.co/ggerganov/whisper.cpp/resolve/main}"
host="$(sed -E 's#^[a-z]+://([^/:]+).*#\1#' <<<"$base_url")"
mkdir -p "$models"
if [[ -f "$models/$file" ]]; then
  echo "$models/$file is already there."
  exit 0
fi

partial="$(mktemp "$models/.$file.XXXXXX")"
trap 'rm -f "$partial"' EXIT
echo "Downloading $file from $host into $models/ ..."
if ! curl --fail --location --progress-bar --connect-timeout 20 --retry 2 --output "$partial" "$base_url/$file"; then
  if ! curl --silent --head --connect-timeout 10 --output /dev/null "$base_url/" 2>/dev/null; then
    echo "Could not reach $host: this machine has no internet access (or $host is blocked). Download $file elsewhere and copy it into $models/." >&2
  else
    echo "The download of $file from $host failed. Try again later, or download it elsewhere and copy it into $models/." >&2
  fi
  exit 1
fi

actual="$(sha1sum "$partial" | cut -d' ' -f1)"
if [[ "$actual" != "${SHA1[$name]}" ]]; then
  echo "The downloaded $file is damaged (SHA-1 $actual, expected ${SHA1[$name]}); nothing was installed. Try again." >&2
  exit 1
fi

mv "$partial" "$models/$file"
trap - EXIT
echo "Installed $models/$file: the server offers it as whisper-$name (no restart needed)."
