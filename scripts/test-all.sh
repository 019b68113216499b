#!/usr/bin/env bash
# The whole test suite, one stage after another, each stage's duration printed (CI has a hard time limit).
set -euo pipefail
cd "$(dirname "$0")/.."

overall=$SECONDS
stage() {
  local name=$1; shift
  local start=$SECONDS
  echo "::: stage ${name} — started $(date -u +%H:%M:%S)"
  if "$@"; then
    echo "::: stage ${name} — passed in $((SECONDS - start)) s"
  else
    local code=$?
    echo "::: stage ${name} — FAILED after $((SECONDS - start)) s (exit ${code})"
    exit "$code"
  fi
}

stage typecheck npm run --silent typecheck
stage lint-and-format npm run --silent lint
stage unit-and-integration npm run --silent test:unit
stage end-to-end npm run --silent test:e2e
echo "::: all stages passed in $((SECONDS - overall)) s"
