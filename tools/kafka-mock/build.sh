#!/usr/bin/env bash
# Builds tools/kafka-mock/kafka-mock, an in-memory Kafka cluster (librdkafka's mock cluster).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v gcc >/dev/null 2>&1; then
  echo "kafka-mock: gcc not found: install a C compiler: apt-get install -y gcc" >&2
  exit 1
fi
# Check the header the way the compiler sees it (respects CPATH / distro include dirs).
if ! printf '#include <librdkafka/rdkafka.h>\n#include <librdkafka/rdkafka_mock.h>\n' | gcc -E -x c - >/dev/null 2>&1; then
  echo "kafka-mock: <librdkafka/rdkafka_mock.h> not found: install librdkafka-dev: apt-get install -y librdkafka-dev" >&2
  exit 1
fi

# Build to a temp name and rename, so a concurrent reader never sees a half-written binary.
tmp="$here/kafka-mock.tmp.$$"
gcc -O2 -Wall -Wextra -o "$tmp" "$here/kafka-mock.c" -lrdkafka
mv -f "$tmp" "$here/kafka-mock"
