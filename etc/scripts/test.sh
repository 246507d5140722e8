#!/usr/bin/env bash
# The one test command (README "Quick start"; CI runs it through .ci/run).
# Installs what is missing (PostgreSQL, Chromium, nginx, the web app's npm packages), starts a private PostgreSQL, builds
# the web app and the .NET solution once, runs every .NET suite on SQLite and on PostgreSQL, the web app's unit
# tests (Vitest), its browser tests (Playwright against the real host on a fresh SQLite database, with the Stripe
# stand-in for payments), and two hosts behind nginx on one PostgreSQL database.
# Ends with one line: "tests: N passed, N failed[, N skipped]"; exits non-zero on any failure.
# No suite is optional: one that cannot start fails the run instead of being skipped.
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

# Adds the counts of Vitest's JUnit report to the totals.
count_junit() {
  local label="$1" file="$2" root t f e s
  root="$(grep -o '<testsuites [^>]*>' "$file" | head -1)"
  t=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$root"); f=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$root")
  e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$root")
  s=$(grep -c '<skipped' "$file" || true)
  local p=$(( ${t:-0} - ${f:-0} - ${e:-0} - ${s:-0} ))
  passed=$((passed + p)); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${s:-0}))
  summary+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "$label" "$p" "$((${f:-0} + ${e:-0}))" "${s:-0}")")
}

# Adds the counts of Playwright's JSON report (stats) to the totals.
count_playwright() {
  local label="$1" file="$2" counts p f s
  counts="$(node -e 'const s=require(process.argv[1]).stats; console.log(s.expected, s.unexpected + s.flaky, s.skipped)' "$file")" || return 1
  read -r p f s <<<"$counts"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  summary+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "$label" "$p" "$f" "$s")")
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)."; crashed=1; finish; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "Node.js 20+ with npm is required for the web app (https://nodejs.org)."; crashed=1; finish; }
web="$root/angular"
e2e_artifacts="$root/.artifacts/e2e"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NG_CLI_ANALYTICS=false

step "Chromium for the browser tests (installs Debian's chromium package if missing)"
if [[ ! -x /usr/bin/chromium ]]; then
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "Debian's chromium package could not be installed; the browser tests cannot run, so the run fails."
    crashed=1; finish
  fi
fi
/usr/bin/chromium --version 2>/dev/null || true

step "The web app's packages (npm ci when package-lock.json changed)"
if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  if ! (cd "$web" && npm ci --no-audit --no-fund); then
    echo "npm ci failed; the web app cannot be built or tested."
    crashed=1; finish
  fi
fi

step "Building the web app"
if ! (cd "$web" && npx ng build); then
  echo "The web app's build failed."
  crashed=1; finish
fi

step "Starting PostgreSQL (installs Debian's postgresql package if missing)"
if ! "$root/etc/scripts/postgres.sh" start; then
  echo "PostgreSQL could not be started; the PostgreSQL suites cannot run, so the run fails."
  crashed=1; finish
fi
export REGENTRA_TEST_PG="Host=127.0.0.1;Port=${REGENTRA_PG_PORT:-55432};Username=postgres;Include Error Detail=true"

step "Building"
# The web app was built above; the host's own web build step is skipped.
if ! dotnet build Regentra.sln -nologo -clp:ErrorsOnly -p:RegentraSkipWebBuild=true; then
  echo "The build failed."
  crashed=1; finish
fi

# Every database-backed suite runs on both providers; the architecture rules do not touch a database.
for project in test/*/*Tests.csproj; do
  run_dotnet_suite "$project" Sqlite
  [[ "$project" == *ArchitectureTests* ]] || run_dotnet_suite "$project" PostgreSql
done

step "Web app unit tests (Vitest)"
rm -f "$results/vitest-junit.xml"
(cd "$web" && npx ng test --watch=false)
if [[ -f "$results/vitest-junit.xml" ]]; then
  count_junit "Web app unit tests (Vitest)" "$results/vitest-junit.xml"
else
  crashed=$((crashed + 1)); summary+=("Web app unit tests (Vitest): did not complete (see output above)")
fi

# The real host on a fresh SQLite database in a temp folder, with its mail pickup folder there too; next to it the
# Stripe stand-in (test/Regentra.StripeStandIn: Stripe's API, its hosted checkout page and webhooks, on loopback), which
# the host calls as Stripe. A host operator is created at start-up with a password made for this run.
step "Web app browser tests (Playwright, Chromium, real host on a fresh SQLite database, Stripe stand-in)"
rm -rf "$e2e_artifacts" && mkdir -p "$e2e_artifacts"
e2e_tmp="$(mktemp -d)"
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port="$(free_port)"
base_url="http://127.0.0.1:$port"
standin_url="http://127.0.0.1:$(free_port)"
host_admin_email="ops@e2e.regentra.test"
host_admin_password="Ops-$(node -e 'console.log(require("crypto").randomBytes(9).toString("hex"))')-E2e9"
# The stand-in reads its appsettings.json (demo accounts, delivery settings) from its project folder, its content root.
dotnet "$root/test/Regentra.StripeStandIn/bin/Debug/net10.0/Regentra.StripeStandIn.dll" \
  --contentRoot "$root/test/Regentra.StripeStandIn" --urls "$standin_url" \
  >"$e2e_artifacts/stripe-standin.log" 2>&1 &
standin_pid=$!
ASPNETCORE_ENVIRONMENT=Testing \
  Database__Provider=Sqlite Database__ConnectionString="Data Source=$e2e_tmp/regentra.db" \
  Email__PickupDirectory="$e2e_tmp/mail" App__PublicUrl="$base_url" Saas__AnonymousRequestsPerMinute=100000 \
  Spa__RootPath="$web/dist/regentra/browser" Stripe__ApiBase="$standin_url" \
  HostAdmin__Email="$host_admin_email" HostAdmin__Password="$host_admin_password" \
  dotnet "$root/host/Regentra.Host/bin/Debug/net10.0/Regentra.Host.dll" --contentRoot "$root/host/Regentra.Host" --urls "$base_url" \
  >"$e2e_artifacts/host.log" 2>&1 &
host_pid=$!
ready=0 standin_ready=0
for _ in $(seq 1 120); do
  (( standin_ready == 1 )) || { curl -fsS "$standin_url/" >/dev/null 2>&1 && standin_ready=1; }
  if (( standin_ready == 1 )) && curl -fsS "$base_url/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$host_pid" 2>/dev/null && kill -0 "$standin_pid" 2>/dev/null || break
  sleep 0.5
done
if (( ready == 1 )); then
  (cd "$web" && REGENTRA_E2E_BASE_URL="$base_url" REGENTRA_E2E_MAIL="$e2e_tmp/mail" REGENTRA_E2E_ARTIFACTS="$e2e_artifacts" \
    REGENTRA_E2E_SCREENSHOTS="$e2e_artifacts/screenshots" REGENTRA_E2E_STRIPE="$standin_url" \
    REGENTRA_E2E_HOST_EMAIL="$host_admin_email" REGENTRA_E2E_HOST_PASSWORD="$host_admin_password" npx playwright test)
  if [[ -f "$e2e_artifacts/results.json" ]] && count_playwright "Web app browser tests (Playwright)" "$e2e_artifacts/results.json"; then :; else
    crashed=$((crashed + 1)); summary+=("Web app browser tests (Playwright): did not complete (see output above)")
  fi
elif (( standin_ready == 0 )); then
  echo "The Stripe stand-in did not become ready at $standin_url; its log:"; tail -40 "$e2e_artifacts/stripe-standin.log"
  crashed=$((crashed + 1)); summary+=("Web app browser tests (Playwright): the Stripe stand-in did not start (see $e2e_artifacts/stripe-standin.log)")
else
  echo "The host did not become ready at $base_url; its log:"; tail -40 "$e2e_artifacts/host.log"
  crashed=$((crashed + 1)); summary+=("Web app browser tests (Playwright): the host did not start (see $e2e_artifacts/host.log)")
fi
kill "$host_pid" "$standin_pid" 2>/dev/null; wait "$host_pid" "$standin_pid" 2>/dev/null
rm -rf "$e2e_tmp"

# The README's scaling-out set-up as an operator runs it: two hosts on a fresh PostgreSQL database behind nginx with
# etc/nginx/regentra.conf (installs Debian's nginx-light if missing); each check counts as a test.
step "Two hosts behind nginx (etc/nginx/regentra.conf, one PostgreSQL database)"
"$root/etc/scripts/two-hosts-behind-nginx.sh" | tee "$results/two-hosts-behind-nginx.txt"
smoke="$(grep -E '^two hosts behind nginx: [0-9]+ passed, [0-9]+ failed$' "$results/two-hosts-behind-nginx.txt" | tail -1)"
if [[ -n "$smoke" ]]; then
  sp="$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$smoke")" sf="$(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$smoke")"
  passed=$((passed + sp)); failed=$((failed + sf))
  summary+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "Two hosts behind nginx" "$sp" "$sf" 0)")
else
  crashed=$((crashed + 1)); summary+=("Two hosts behind nginx: did not complete (see output above)")
fi

finish
