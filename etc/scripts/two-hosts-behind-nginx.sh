#!/usr/bin/env bash
# Two Regentra hosts behind nginx on one PostgreSQL database, the way the README's "Scaling out" runs them, driven
# as an operator and a client would drive them: everything goes through nginx with etc/nginx/regentra.conf as it is
# in the repo (only its ports are changed to free ones).
#
#   etc/scripts/two-hosts-behind-nginx.sh      (the test command runs it after the other suites)
#
# Needs the built host (dotnet build), a PostgreSQL server (etc/scripts/postgres.sh start; REGENTRA_TEST_PG names
# it) and nginx (installs Debian's nginx-light when missing). Prints "ok"/"not ok" per check and ends with
# "two hosts behind nginx: N passed, N failed"; exits non-zero on any failure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host_dll="${REGENTRA_HOST_DLL:-$root/host/Regentra.Host/bin/Debug/net10.0/Regentra.Host.dll}"
server="${REGENTRA_TEST_PG:-Host=127.0.0.1;Port=${REGENTRA_PG_PORT:-55432};Username=postgres}"
work="$(mktemp -d)"
passed=0 failed=0 n=0 detail=""
pids=()
chmod 755 "$work"

ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [[ -n "${2:-}" ]] && sed 's/^/    /' <<<"$2" | head -20; }
check() { local name="$1"; shift; if "$@"; then ok "$name"; else not_ok "$name" "${detail:-}"; fi; detail=""; }
finish() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  if (( failed > 0 )); then
    for log in "$work"/*.log; do echo "--- last lines of $(basename "$log")"; tail -15 "$log"; done
  fi
  rm -rf "$work"
  local psql; psql="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
  [[ -n "${database:-}" && -x "$psql" ]] && "$psql" "host=127.0.0.1 port=${REGENTRA_PG_PORT:-55432} user=postgres dbname=postgres" -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1
  echo "two hosts behind nginx: $passed passed, $failed failed"
  (( failed == 0 ))
  exit
}
trap finish EXIT
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || { not_ok "nginx is installed (Debian's nginx-light could not be installed)"; exit 1; }
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -f "$host_dll" ]] || { not_ok "the host is built ($host_dll is missing: run dotnet build)"; exit 1; }

# The database does not exist yet: the first host creates and migrates it.
database="smoke_$(node -e 'console.log(require("crypto").randomBytes(6).toString("hex"))')"
connection="$server;Database=$database"
port_a="$(free_port)" port_b="$(free_port)" port_lb="$(free_port)"
lb="http://127.0.0.1:$port_lb"

start_host() { # name port
  ASPNETCORE_ENVIRONMENT=Production Database__Provider=PostgreSql Database__ConnectionString="$connection" \
    Http__TrustForwardedHeaders=true Email__PickupDirectory="$work/mail-$1" \
    Logging__LogLevel__Default=Warning \
    dotnet "$host_dll" --contentRoot "$root/host/Regentra.Host" --urls "http://127.0.0.1:$2" >"$work/host-$1.log" 2>&1 &
  pids+=($!)
  disown $! # killing it is part of the script, not news
}
wait_ready() { # url
  for _ in $(seq 1 180); do curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}

start_host a "$port_a"
wait_ready "http://127.0.0.1:$port_a" || { not_ok "host A starts on a database that does not exist yet" "$(tail -20 "$work/host-a.log")"; exit 1; }
pid_a="${pids[0]}"
start_host b "$port_b"
wait_ready "http://127.0.0.1:$port_b" || { not_ok "host B starts on the same database" "$(tail -20 "$work/host-b.log")"; exit 1; }
ok "two hosts start on one PostgreSQL database that did not exist before"

# nginx with the repo's example, its upstream ports and listen port swapped for free ones; an access log that names
# the host that answered each request.
mkdir -p "$work/nginx" && chmod 777 "$work/nginx"
sed -e "s/127\.0\.0\.1:5001/127.0.0.1:$port_a/" -e "s/127\.0\.0\.1:5002/127.0.0.1:$port_b/" -e "s/listen 80;/listen 127.0.0.1:$port_lb;/" \
  "$root/etc/nginx/regentra.conf" >"$work/nginx/regentra.conf"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '\$status \$upstream_addr \$request';
  access_log $work/nginx-access.log upstream;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  include $work/nginx/regentra.conf;
}
EOF
if ! "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx-start.log"; then
  not_ok "nginx starts with etc/nginx/regentra.conf" "$(cat "$work/nginx-start.log" "$work/nginx-error.log" 2>/dev/null)"; exit 1
fi
check "nginx answers /health/ready from the hosts" wait_ready "$lb"

# An organisation signs up through nginx and works with a bearer token; both hosts answer its requests.
slug="smoke-$(node -e 'console.log(require("crypto").randomBytes(4).toString("hex"))')"
email="ada@$slug.test" password="Smoke-test-2026"
status="$(curl -s -o "$work/signup.json" -w '%{http_code}' -H 'Content-Type: application/json' "$lb/api/saas/signup" \
  -d "{\"organizationName\":\"Smoke $slug\",\"slug\":\"$slug\",\"adminEmail\":\"$email\",\"adminPassword\":\"$password\",\"adminName\":\"Ada Admin\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")"
detail="$(cat "$work/signup.json")"; check "an organisation signs up through nginx (201)" test "$status" = 201
token="$(curl -s -H 'Content-Type: application/json' "$lb/api/account/token" -d "{\"organization\":\"$slug\",\"email\":\"$email\",\"password\":\"$password\"}" | jq -r '.accessToken // empty')"
detail="no accessToken in the answer"; check "its admin gets a bearer token through nginx" test -n "$token"
auth=(-H "Authorization: Bearer $token")
statuses="$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{http_code} ' "${auth[@]}" "$lb/api/saas/settings"; done)"
detail="$statuses"; check "ten reads through nginx all succeed" test "$statuses" = "$(printf '200 %.0s' $(seq 1 10))"
answered="$(grep 'GET /api/saas/settings' "$work/nginx-access.log" | awk '{print $2}' | sort -u | tr '\n' ' ')"
detail="answered by: $answered"
check "nginx spreads them over both hosts (no sticky sessions needed)" bash -c "[[ '$answered' == *':$port_a'* && '$answered' == *':$port_b'* ]]"

# Settings saved through nginx are what both hosts serve at once (cache changes travel by LISTEN/NOTIFY).
settings="$(curl -s "${auth[@]}" "$lb/api/saas/settings")"
update="$(jq -c '{organizationName: "Renamed \(.organizationName)", address, timeZone, currency, invoicePrefix, paymentTermsDays, taxRatePercent, defaultHourlyRate, allowSelfApproval, concurrencyStamp}' <<<"$settings")"
status="$(curl -s -o "$work/put.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' "${auth[@]}" "$lb/api/saas/settings" -d "$update")"
detail="$(cat "$work/put.json")"; check "settings are saved through nginx" test "$status" = 200
names="$(for port in "$port_a" "$port_b"; do curl -s "${auth[@]}" "http://127.0.0.1:$port/api/saas/settings" | jq -r '.organizationName'; done | sort -u)"
detail="the hosts serve: $names"; check "both hosts serve the saved settings straight away" test "$names" = "Renamed Smoke $slug"

# Links carry the address the browser used: the hosts honour X-Forwarded-Proto/Host from nginx.
invite="$(curl -s "${auth[@]}" -H 'Content-Type: application/json' "$lb/api/saas/invitations" -d "{\"email\":\"tom@$slug.test\",\"role\":\"Technician\"}" | jq -r '.acceptUrl // empty')"
detail="acceptUrl: $invite"; check "an invitation link points at nginx's address, not a host's" bash -c "[[ '$invite' == '$lb/'* ]]"

# The anonymous limit (Saas:AnonymousRequestsPerMinute, 20) holds across both hosts, per client address as nginx
# saw it. Requests come from loopback addresses of their own so earlier calls do not count; clock-aligned minute
# windows, so start early in a minute.
(( $(date +%-S) > 40 )) && sleep $((61 - $(date +%-S)))
attempts="$(for _ in $(seq 1 25); do curl -s --interface 127.0.0.7 -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
  "$lb/api/account/token" -d "{\"organization\":\"$slug\",\"email\":\"$email\",\"password\":\"Wrong-password-1\"}"; done)"
refused="$(grep -c '^429$' <<<"$attempts")"
limited_hosts="$(grep 'POST /api/account/token' "$work/nginx-access.log" | tail -25 | awk '{print $2}' | sort -u | wc -l)"
detail="$(sort <<<"$attempts" | uniq -c | tr '\n' ' ')"
check "25 sign-in attempts from one address through both hosts: 20 answered, 5 refused (429)" test "$refused" = 5
detail="$limited_hosts host(s) answered"; check "those attempts were spread over both hosts" test "$limited_hosts" = 2
other="$(curl -s --interface 127.0.0.8 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' "$lb/api/account/token" \
  -d "{\"organization\":\"$slug\",\"email\":\"$email\",\"password\":\"Wrong-password-1\"}")"
detail="answered $other"; check "another client address has its own allowance (401, not 429)" test "$other" = 401

# A host dies: nginx passes its requests to the other one, and nobody notices.
kill -9 "$pid_a"
statuses="$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{http_code} ' "${auth[@]}" "$lb/api/saas/settings"; done)"
detail="$statuses"; check "with host A killed, ten reads through nginx all succeed" test "$statuses" = "$(printf '200 %.0s' $(seq 1 10))"
status="$(curl -s -o /dev/null -w '%{http_code}' "$lb/health/ready")"
detail="answered $status"; check "nginx still reports ready through host B" test "$status" = 200
