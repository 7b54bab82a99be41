#!/bin/sh
# Install the Debian packages the project needs that this machine lacks.
#   install-system-packages.sh run   what `make run` needs (PDF and translation tools)
#   install-system-packages.sh test  that, plus Chromium, poppler-utils, PostgreSQL and nginx
#   install-system-packages.sh bench that, plus Redis (compared with the database cache)
set -eu

purpose="${1:-run}"
missing=""

need() {  # need <command or library check> <debian package>
    if ! eval "$1" >/dev/null 2>&1; then
        missing="$missing $2"
    fi
}

need "command -v msgfmt" gettext
need "ldconfig -p | grep -q libpango-1.0.so" libpango-1.0-0
need "ldconfig -p | grep -q libpangoft2-1.0.so" libpangoft2-1.0-0
need "ldconfig -p | grep -q libharfbuzz-subset.so" libharfbuzz-subset0
if [ "$purpose" = "test" ] || [ "$purpose" = "bench" ]; then
    need "command -v chromium" chromium
    need "command -v pdftotext" poppler-utils
    need "ls /usr/lib/postgresql/*/bin/initdb" postgresql
    need "command -v runuser" util-linux
    need "command -v npm" npm
    # The deploy smoke test (tests/deploy) runs deploy/'s nginx site with a test certificate.
    need "test -x /usr/sbin/nginx" nginx
    # Brotli for pages and their static files, as in production (deploy/nginx/smh.conf).
    need "test -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so" libnginx-mod-http-brotli-filter
    need "test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so" libnginx-mod-http-brotli-static
    need "command -v openssl" openssl
fi
if [ "$purpose" = "bench" ]; then
    # benchmarks/bench_page_cache.py starts a throwaway redis-server of its own.
    need "command -v redis-server" redis-server
fi

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages:$missing" >&2
    echo "Install them as root: apt-get install$missing" >&2
    exit 1
fi

echo "Installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
apt-get install -y -qq --no-install-recommends $missing
