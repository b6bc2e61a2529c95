#!/usr/bin/env bash
# Re-copies the vendored files from npm at the exact versions in package.json (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json "$work/"
(cd "$work" && npm install --save-exact --no-audit --no-fund)
n="$work/node_modules"
cp "$n/leaflet/dist/leaflet.js" "$n/leaflet/dist/leaflet.css" "$n/leaflet/LICENSE" leaflet/
cp "$n/milsymbol/dist/milsymbol.js" "$n/milsymbol/LICENSE" milsymbol/
cp "$n/world-atlas/countries-50m.json" "$n/world-atlas/LICENSE" world-atlas/
cp "$work/package-lock.json" .
