#!/usr/bin/env bash
# Debian's chromium for test/browser.test.ts (the HTML claim driven headless), plus a Korean
# font so `--lang ko` reports render glyphs instead of boxes. Skipped when chromium is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: /usr/bin/chromium present, skipping"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-nanum
