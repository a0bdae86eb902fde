#!/usr/bin/env bash
# Chromium (task-pane tests), LibreOffice (summary checked in a real spreadsheet app) and
# poppler (PDF -> PNG for the docs) come from Debian's packages; install them only when missing,
# so a fresh CI machine gets them and a warm one does not pay twice.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test tools from Debian: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
