#!/usr/bin/env bash
# Every test: typecheck, unit tests, production build, browser tests against the build.
# Run after `npm ci` (or use `npm run setup-and-test`). Needs a chromium: Debian's /usr/bin/chromium,
# installed here with apt when missing and possible; elsewhere set CHROMIUM_PATH, or Playwright's own is used.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "== no chromium at $chromium: Playwright will look for its own browser (npx playwright install chromium)"
  fi
fi

echo "== typecheck"
npx tsc --noEmit
echo "== unit tests"
npm run -s test:unit
echo "== build"
npm run -s build
echo "== browser tests"
npx playwright test
