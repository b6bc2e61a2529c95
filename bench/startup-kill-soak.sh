#!/usr/bin/env bash
# Soak for the dashboard's start-up: kills a real dashboard process (SIGKILL) at random moments of its start-up,
# half of them just after EF Core takes its migration lock, and checks that every restart is healthy within 10 s with
# the SQLite store's integrity check `ok`. The same test runs 20 cycles in the suite; this runs more.
#   bench/startup-kill-soak.sh [CYCLES=200] [SEED=1]
set -euo pipefail
cd "$(dirname "$0")/.."
RESOLUTE_KILL_CYCLES="${1:-200}" RESOLUTE_KILL_SEED="${2:-1}" \
  dotnet test tests/Resolute.Web.Tests --filter "FullyQualifiedName~StartupKillTests" --logger "console;verbosity=detailed"
