#!/usr/bin/env bash
# Make sure a headless-capable Chromium exists for the browser (e2e) tests.
# We use Debian's `chromium` package driven by playwright-core; no Playwright
# browser download is ever needed. Idempotent; prints exactly one line.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: present ($("$CHROMIUM" --version 2>/dev/null | head -n1 || echo "$CHROMIUM"))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM missing and not root; skipping install (browser tests will be skipped)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM missing and apt-get unavailable; skipping install (browser tests will be skipped)"
  exit 0
fi

log=$(mktemp)
if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1 \
   && [ -x "$CHROMIUM" ]; then
  rm -f "$log"
  echo "ensure-chromium: installed ($("$CHROMIUM" --version 2>/dev/null | head -n1 || echo "$CHROMIUM"))"
else
  echo "ensure-chromium: apt-get install chromium FAILED (see $log)" >&2
  exit 1
fi
