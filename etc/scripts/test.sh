#!/usr/bin/env bash
# The one test command (README "Quick start"; CI runs it through .ci/run).
# Installs what is missing, starts a private PostgreSQL, builds once, then runs every suite on SQLite and
# on PostgreSQL. Ends with one line: "tests: N passed, N failed[, N skipped]"; exits non-zero on any failure.
# PostgreSQL is never optional: if it cannot be started the run fails instead of skipping those tests.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/.artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

passed=0 failed=0 skipped=0 crashed=0
summary=()
step() { printf '\n==> %s\n' "$*"; }
finish() {
  (( ${#summary[@]} > 0 )) && { printf '\n'; printf '%s\n' "${summary[@]}"; }
  local line="tests: $passed passed, $((failed + crashed)) failed"
  (( skipped > 0 )) && line+=", $skipped skipped"
  printf '\n%s\n' "$line"
  (( failed + crashed == 0 )) || exit 1
  exit 0
}

# Adds the counters of one TRX file to the totals and prints the suite's line.
count_trx() {
  local label="$1" file="$2"
  local counters p f e n
  counters="$(grep -o '<Counters [^>]*>' "$file")"
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
  summary+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "$label" "${p:-0}" "$((${f:-0} + ${e:-0}))" "${n:-0}")")
}

# Runs one .NET test project with REGENTRA_TEST_DB=$2; a run that fails without a failing test (crash, hang) still fails.
run_dotnet_suite() {
  local project="$1" provider="$2" name label trx
  name="$(basename "$project" .csproj)"; label="$name ($provider)"; trx="$name-$provider.trx"
  step "$label"
  local before=$((failed))
  if REGENTRA_TEST_DB="$provider" dotnet test "$project" --no-build --results-directory "$results" \
      --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" --blame-hang-timeout 10m; then
    count_trx "$label" "$results/$trx"
  else
    if [[ -f "$results/$trx" ]]; then count_trx "$label" "$results/$trx"; fi
    if (( failed == before )); then crashed=$((crashed + 1)); summary+=("$label: did not complete (see output above)"); fi
  fi
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)."; crashed=1; finish; }

step "Starting PostgreSQL (installs Debian's postgresql package if missing)"
if ! "$root/etc/scripts/postgres.sh" start; then
  echo "PostgreSQL could not be started; the PostgreSQL suites cannot run, so the run fails."
  crashed=1; finish
fi
export REGENTRA_TEST_PG="Host=127.0.0.1;Port=${REGENTRA_PG_PORT:-55432};Username=postgres;Include Error Detail=true"

step "Building"
if ! dotnet build Regentra.sln -nologo -clp:ErrorsOnly; then
  echo "The build failed."
  crashed=1; finish
fi

# Every database-backed suite runs on both providers; the architecture rules do not touch a database.
for project in test/*/*Tests.csproj; do
  run_dotnet_suite "$project" Sqlite
  [[ "$project" == *ArchitectureTests* ]] || run_dotnet_suite "$project" PostgreSql
done

finish
