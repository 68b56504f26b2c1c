#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (Playwright's own browser download is
# not reachable here), CJK fonts (without them Chinese renders as boxes) and strace (the power-cut test
# records the web host's writes and fsyncs with it; without it that test is skipped with a warning).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v strace >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto.*CJK'; then
  echo "chromium, fonts-noto-cjk and strace already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk strace
