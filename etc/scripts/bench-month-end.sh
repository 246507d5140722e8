#!/usr/bin/env bash
# Month-end run benchmark on PostgreSQL, against a Release build of the host as a separate process.
#
#   etc/scripts/bench-month-end.sh [scale]     scale 1 (default): 200 tenants x 25 clients x 40 approved entries
#                                              = 200,000 entries -> 5,000 invoices; scale 2 doubles the tenants.
#
# The host runs its in-process Hangfire server on PostgreSQL storage with the month-end scheduler firing every
# minute, exactly as in production (where it fires hourly): the scheduler creates one run per tenant for the month
# just closed and fans out one job per tenant. Measured:
#   * wall time from the first run starting to the last run finishing (from the runs' own timestamps),
#   * the host's peak resident memory (VmHWM) while doing it,
#   * a floor: one SQL statement computing the same invoice totals, timed in the same run; our time as a ratio of it,
#   * the host's log during the run: no Error line ("fail:") and exactly one summary line per run (issue 12).
# Results go to stdout and .artifacts/bench/month-end-x{scale}.txt. Targets (issue 4): <= 15 s, <= 400 MB, flat memory.
set -euo pipefail

scale="${1:-1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
port="${REGENTRA_PG_PORT:-55432}"
db="regentra_bench_monthend"
api="http://127.0.0.1:5097"
out="$root/.artifacts/bench"
mkdir -p "$out"
tenants=$((200 * scale)) clients=25 entries=40
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

"$root/etc/scripts/postgres.sh" start
psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
dotnet build host/Regentra.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
host() {
  # Warnings and errors from everything, and the month-end runner's own lines (its one summary per run) as well.
  env ASPNETCORE_URLS="$api" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "Logging__LogLevel__Regentra.Billing.Runs.MonthEndRunner=Information" \
    Database__Provider=PostgreSql Database__ConnectionString="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres;Maximum Pool Size=50" \
    BackgroundJobs__RunServer="$1" BackgroundJobs__Storage=PostgreSql Billing__SchedulerCron="$2" App__PublicUrl=https://bench.regentra.test \
    dotnet host/Regentra.Host/bin/Release/net10.0/Regentra.Host.dll >>"$out/month-end-host.log" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 90); do curl -sf "$api/health/ready" >/dev/null && return 0; sleep 1; done; echo "host did not start" >&2; exit 1; }

# 1. Schema: start the host once without jobs so it migrates, then stop it.
: >"$out/month-end-host.log"
pid=$(host false "0 0 1 1 *"); wait_ready; kill "$pid"; wait "$pid" 2>/dev/null || true

# 2. Data, straight into the tables: tenants (UTC, USD, 20% tax), clients with an hourly agreement that invoices
#    automatically, and approved billable entries in the month just closed.
month_start=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%F)
echo "Seeding $tenants tenants x $clients clients x $entries entries for the month starting $month_start..." >&2
psql_ -d "$db" <<SQL
INSERT INTO "SaasTenants" ("Id","Name","Slug","IsActive","CreationTime","ConcurrencyStamp")
SELECT md5('t'||t)::uuid, 'Bench tenant '||t, 'bench-'||t, true, '2026-01-01', md5('ts'||t) FROM generate_series(1, $tenants) t;
INSERT INTO "SaasTenantSettings" ("Id","TenantId","TimeZone","Currency","InvoicePrefix","PaymentTermsDays","TaxRatePercent","DefaultHourlyRate","AllowSelfApproval","CreationTime","ConcurrencyStamp")
SELECT md5('s'||t)::uuid, md5('t'||t)::uuid, 'UTC', 'USD', 'INV', 30, 20, 100, false, '2026-01-01', md5('ss'||t) FROM generate_series(1, $tenants) t;
INSERT INTO "PsaClients" ("Id","TenantId","Name","NormalizedName","BillingEmail","Currency","IsActive","CreationTime","ConcurrencyStamp")
SELECT md5('c'||t||'-'||c)::uuid, md5('t'||t)::uuid, 'Client '||c, 'CLIENT '||c, 'ap'||c||'@client.test', 'USD', true, '2026-01-01', md5('cs'||t||'-'||c)
FROM generate_series(1, $tenants) t, generate_series(1, $clients) c;
INSERT INTO "BillingAgreements" ("Id","TenantId","ClientId","Type","EffectiveFrom","Currency","HourlyRate","Rollover","RoundingIncrementMinutes","AutoInvoice","AutoSend","CreationTime","ConcurrencyStamp")
SELECT md5('a'||t||'-'||c)::uuid, md5('t'||t)::uuid, md5('c'||t||'-'||c)::uuid, 'Hourly', '2026-01-01', 'USD', 120, false, 15, true, false, '2026-01-01', md5('as'||t||'-'||c)
FROM generate_series(1, $tenants) t, generate_series(1, $clients) c;
INSERT INTO "PsaTimeEntries" ("Id","TenantId","TechnicianId","ClientId","WorkDate","DurationMinutes","Description","Billable","Status","TransitionCount","CreationTime","ConcurrencyStamp")
SELECT gen_random_uuid(), md5('t'||t)::uuid, md5('u'||t||'-'||(e % 5))::uuid, md5('c'||t||'-'||c)::uuid, DATE '$month_start' + (e % 28),
  10 + (e * 7 + c) % 170, 'Bench work '||e, true, 'Approved', 1, now(), md5(t||'-'||c||'-'||e)
FROM generate_series(1, $tenants) t, generate_series(1, $clients) c, generate_series(1, $entries) e;
VACUUM ANALYZE;
SQL

# 3. The floor: one statement computing every invoice's subtotal, tax and total (same rounding rules).
floor_out=$(psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qAt -c '\timing on' -c "
  SELECT count(*), sum(total) FROM (
    SELECT e.\"TenantId\", e.\"ClientId\", sum(round(a.\"HourlyRate\" * (ceil(e.\"DurationMinutes\" / 15.0) * 15) / 60, 2)) AS subtotal,
           round(sum(round(a.\"HourlyRate\" * (ceil(e.\"DurationMinutes\" / 15.0) * 15) / 60, 2)) * 1.2, 2) AS total
    FROM \"PsaTimeEntries\" e JOIN \"BillingAgreements\" a ON a.\"ClientId\" = e.\"ClientId\" AND a.\"TenantId\" = e.\"TenantId\"
    WHERE e.\"Status\" = 'Approved' AND e.\"Billable\" AND e.\"InvoiceId\" IS NULL
      AND e.\"WorkDate\" >= DATE '$month_start' AND e.\"WorkDate\" < DATE '$month_start' + INTERVAL '1 month'
    GROUP BY e.\"TenantId\", e.\"ClientId\") invoices")
floor_ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$floor_out")
floor_minor=$(awk -F'|' 'NR == 1 { printf "%.0f", $2 * 100 }' <<<"$floor_out")

# 4. The run: the scheduler fires within a minute and every tenant's job follows.
echo "Running the month end..." >&2
log_from=$(($(wc -l <"$out/month-end-host.log") + 1))
pid=$(host true "* * * * *"); wait_ready
# CPU seconds (all cores) of the whole machine and of the host process, to tell the host's share from PostgreSQL's.
machine_cpu() { awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / 100 }' /proc/stat; }
host_cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$pid/stat"; }
cpu0=$(machine_cpu); host0=$(host_cpu)
for _ in $(seq 1 600); do
  done_runs=$(psql_ -d "$db" -c "SELECT count(*) FROM \"BillingRuns\" WHERE \"Status\" IN ('Completed','CompletedWithErrors','Failed')")
  [[ "$done_runs" -ge "$tenants" ]] && break
  sleep 1
done
cpu1=$(machine_cpu); host1=$(host_cpu)
peak_kb=$(sed -n 's/^VmHWM:\s*\([0-9]*\) kB/\1/p' "/proc/$pid/status")
kill "$pid"; wait "$pid" 2>/dev/null || true

read -r wall invoices failed total <<<"$(psql_ -d "$db" -F ' ' -c "
  SELECT round(extract(epoch FROM max(\"FinishedAt\") - min(\"StartedAt\"))::numeric, 2),
         (SELECT count(*) FROM \"BillingInvoices\"), (SELECT count(*) FROM \"BillingRunItems\" WHERE \"Outcome\" = 'Failed'),
         (SELECT sum(\"TotalMinor\") FROM \"BillingInvoices\")
  FROM \"BillingRuns\"")"
run_log="$(tail -n "+$log_from" "$out/month-end-host.log")"
fail_lines=$(grep -c '^fail:' <<<"$run_log" || true)
summary_lines=$(grep -cE 'Month-end run [0-9a-f-]+ for the month starting .* finished ' <<<"$run_log" || true)
ratio=$(awk -v w="$wall" -v f="$floor_ms" 'BEGIN { printf "%.0f", (w * 1000) / f }')
{
  echo "Month-end benchmark x$scale, $(date -u +%F), $(nproc) cores, PostgreSQL $(psql_ -d postgres -c 'SHOW server_version')"
  echo "Data: $tenants tenants x $clients clients x $entries approved entries = $((tenants * clients * entries)) entries"
  echo "Runs: $invoices invoices, $failed failed clients, totals $total minor units"
  echo "Wall time, first run start to last run end: $wall s"
  echo "Host peak memory (VmHWM): $((peak_kb / 1024)) MB"
  awk -v m0="$cpu0" -v m1="$cpu1" -v h0="$host0" -v h1="$host1" \
    'BEGIN { printf "CPU while running: %.1f s in all, host %.1f s, rest of the machine (PostgreSQL) %.1f s\n", m1 - m0, h1 - h0, (m1 - m0) - (h1 - h0) }'
  echo "SQL floor (one statement, same totals): $floor_ms ms; our time is ${ratio}x the floor"
  [[ "$total" == "$floor_minor" ]] && echo "Invoice totals equal the floor's: $floor_minor minor units" \
    || echo "MISMATCH: invoices total $total minor units, the floor $floor_minor"
  echo "Host log during the runs: $fail_lines error lines (fail:), $summary_lines summary lines for $tenants runs"
} | tee "$out/month-end-x$scale.txt"
[[ "$total" == "$floor_minor" && "$fail_lines" == 0 && "$summary_lines" == "$tenants" ]]
