#!/usr/bin/env bash
# PSA benchmarks on PostgreSQL, against a Release build of the host over loopback.
#
#   etc/scripts/bench-psa.sh            (about 3 minutes; needs root or wrk already installed)
#
# Measures, in one run so the ratios are comparable:
#   * first page of the time-entry list and of the approval queue, with 100,000 entries in the tenant and
#     1,000,000 more across 20 other tenants (wrk, 4 connections): p50/p95/p99 and requests per second,
#     against GET /health/live as the floor of the HTTP stack;
#   * one bulk request of 1,000 entries (server time from the Server-Timing header, 15 requests),
#     against the same 1,000 rows inserted by a single SQL statement as the floor of the database.
# Results go to stdout and .artifacts/bench/psa.txt. Targets (issue 3): bulk <= 300 ms, lists p95 <= 20 ms.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
port="${REGENTRA_PG_PORT:-55432}"
api="http://127.0.0.1:5099"
db="regentra_bench"
out="$root/.artifacts/bench"
mkdir -p "$out"
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
json() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }

"$root/etc/scripts/postgres.sh" start
if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
dotnet build host/Regentra.Host -c Release -nologo -clp:ErrorsOnly >/dev/null

ASPNETCORE_URLS="$api" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider=PostgreSql Database__ConnectionString="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres" \
  BackgroundJobs__RunServer=false Saas__AnonymousRequestsPerMinute=100000 \
  dotnet host/Regentra.Host/bin/Release/net10.0/Regentra.Host.dll >"$out/host.log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$api/health/ready" >/dev/null && break; sleep 1; done

echo "Seeding..." >&2
post() { curl -sf -X POST "$api$1" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} -d "$2"; }
post /api/saas/signup '{"organizationName":"Bench IT","slug":"bench","adminEmail":"admin@bench.test","adminPassword":"Bench-pass-1"}' >/dev/null
TOKEN=$(post /api/account/token '{"organization":"bench","email":"admin@bench.test","password":"Bench-pass-1"}' | json accessToken)
admin=$(curl -sf "$api/api/app-config" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"currentUser":\{"id":"([^"]+)".*/\1/')
tenant=$(curl -sf "$api/api/app-config" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"currentTenant":\{"id":"([^"]+)".*/\1/')
client=$(post /api/psa/clients '{"name":"Bench Client"}' | json id)
ticket=$(post /api/psa/tickets "{\"clientId\":\"$client\",\"title\":\"Bench ticket\"}" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
invite=$(post /api/saas/invitations '{"email":"tech@bench.test","role":"Technician"}' | sed -E 's/.*token=([^"]+)".*/\1/')
TOKEN="" post /api/saas/invitations/accept "{\"token\":\"$invite\",\"name\":\"Bench Tech\",\"password\":\"Bench-pass-1\"}" >/dev/null
tech_token=$(TOKEN="" post /api/account/token '{"organization":"bench","email":"tech@bench.test","password":"Bench-pass-1"}' | json accessToken)

seed() { # $1 rows, $2 tenant expression, $3 technician expression, $4 client expression, $5 ticket expression
  psql_ -d "$db" -c "
    INSERT INTO \"PsaTimeEntries\" (\"Id\",\"TenantId\",\"TechnicianId\",\"TicketId\",\"ClientId\",\"WorkDate\",\"DurationMinutes\",
      \"Description\",\"Billable\",\"Status\",\"TransitionCount\",\"CreationTime\",\"ConcurrencyStamp\")
    SELECT gen_random_uuid(), $2, $3, $5, $4, CURRENT_DATE - (g % 730), 15 + g % 120, 'Seeded work ' || g, g % 5 <> 0,
      (ARRAY['Approved','Approved','Approved','Approved','Approved','Approved','Approved','Draft','Draft','Draft','Rejected','Rejected','Submitted'])[1 + g % 13],
      1, now() - make_interval(mins => g), md5(g::text)
    FROM generate_series(1, $1) g"
}
seed 100000 "'$tenant'::uuid" "'$admin'::uuid" "'$client'::uuid" "CASE WHEN g % 2 = 0 THEN '$ticket'::uuid END"
seed 1000000 "('00000000-0000-0000-0000-0000000000' || lpad((g % 20)::text, 2, '0'))::uuid" "gen_random_uuid()" "NULL::uuid" "NULL::uuid"
# Steady state: autovacuum keeps the visibility map current in production, so index-only counts stay cheap.
psql_ -d "$db" -c "VACUUM ANALYZE"

cat >"$out/wrk.lua" <<'LUA'
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f req/s, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
measure() { TOKEN="$2" wrk -t2 -c4 -d10s --latency -s "$out/wrk.lua" "$api$1" | tail -n 1; }

echo "Measuring..." >&2
health=$(measure /health/live "")
list=$(measure "/api/psa/time-entries?take=50" "$TOKEN")
queue=$(measure "/api/psa/approvals?take=50" "$TOKEN")

# Bulk: 1,000 rows of 15 minutes for the technician, 15 times, on dates spread so no day exceeds 24 hours.
bulk_ms=()
for run in $(seq 0 14); do
  rows=""
  for j in $(seq 0 999); do
    date=$(date -u -d "-$(( (run * 1000 + j) % 700 )) days" +%F)
    rows+="${rows:+,}{\"clientId\":\"$client\",\"workDate\":\"$date\",\"durationMinutes\":15,\"description\":\"Bulk $run-$j\"}"
  done
  timing=$(curl -sf -o /dev/null -D - -X POST "$api/api/psa/time-entries/bulk" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $tech_token" -d "{\"entries\":[$rows]}" | tr -d '\r' | sed -n 's/^[Ss]erver-[Tt]iming: app;dur=//p')
  bulk_ms+=("$timing")
done
sorted=$(printf '%s\n' "${bulk_ms[@]}" | sort -n)
bulk_median=$(sed -n '8p' <<<"$sorted"); bulk_max=$(tail -n 1 <<<"$sorted")
sql_ms=$(psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qAt -c '\timing on' -c "
  INSERT INTO \"PsaTimeEntries\" (\"Id\",\"TenantId\",\"TechnicianId\",\"ClientId\",\"WorkDate\",\"DurationMinutes\",\"Description\",\"Billable\",\"Status\",\"TransitionCount\",\"CreationTime\",\"ConcurrencyStamp\")
  SELECT gen_random_uuid(), '$tenant', gen_random_uuid(), '$client', CURRENT_DATE, 15, 'floor ' || g, true, 'Draft', 1, now(), md5(g::text)
  FROM generate_series(1, 1000) g" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')

{
  echo "PSA benchmark, $(date -u +%F), $(nproc) cores, PostgreSQL $(psql_ -d postgres -c 'SHOW server_version')"
  echo "Data: 100,000 time entries in the tenant, 1,000,000 across 20 other tenants"
  echo "GET /health/live (HTTP floor):               $health"
  echo "GET /api/psa/time-entries?take=50:           $list"
  echo "GET /api/psa/approvals?take=50:              $queue"
  echo "POST /api/psa/time-entries/bulk (1,000 rows): median $bulk_median ms, max $bulk_max ms server time (15 requests)"
  echo "SQL floor: one INSERT of 1,000 rows:          $sql_ms ms"
} | tee "$out/psa.txt"
