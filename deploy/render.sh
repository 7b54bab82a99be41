#!/bin/sh
# Write the deploy files with this server's paths, ports and names filled in.
#   deploy/render.sh <output folder>
# Reads the SMH_* variables below from the environment (each has a default for the layout
# the README describes); only these are replaced, so nginx's own $variables stay as they are.
# The output folder gets nginx/smh.conf, systemd/*.service|*.timer and smh.env.example, to
# copy to /etc/nginx/sites-available/, /etc/systemd/system/ and /etc/smh/smh.env.
set -eu

out="${1:?usage: deploy/render.sh <output folder>}"
here="$(cd "$(dirname "$0")" && pwd)"

export SMH_APP_DIR="${SMH_APP_DIR:-/srv/smh/app}"
export SMH_USER="${SMH_USER:-smh}"
export SMH_ENV_FILE="${SMH_ENV_FILE:-/etc/smh/smh.env}"
export SMH_SERVER_NAME="${SMH_SERVER_NAME:-hub.example.org}"
export SMH_HTTP_PORT="${SMH_HTTP_PORT:-80}"
export SMH_HTTPS_PORT="${SMH_HTTPS_PORT:-443}"
export SMH_TLS_CERTIFICATE="${SMH_TLS_CERTIFICATE:-/etc/letsencrypt/live/$SMH_SERVER_NAME/fullchain.pem}"
export SMH_TLS_CERTIFICATE_KEY="${SMH_TLS_CERTIFICATE_KEY:-/etc/letsencrypt/live/$SMH_SERVER_NAME/privkey.pem}"
export SMH_GUNICORN_BIND="${SMH_GUNICORN_BIND:-127.0.0.1:8001}"
# nginx's upstream: every app server's gunicorn, "host:port host:port ..." (one machine: this one).
export SMH_APP_SERVERS="${SMH_APP_SERVERS:-$SMH_GUNICORN_BIND}"
export SMH_GUNICORN_WORKERS="${SMH_GUNICORN_WORKERS:-3}"
export SMH_STATIC_ROOT="${SMH_STATIC_ROOT:-/srv/smh/static}"
export SMH_MEDIA_ROOT="${SMH_MEDIA_ROOT:-/srv/smh/media}"
export SMH_PRINTED_FILES_ROOT="${SMH_PRINTED_FILES_ROOT:-/srv/smh/printed}"
export SMH_IMPORT_FILES_ROOT="${SMH_IMPORT_FILES_ROOT:-/srv/smh/imports}"
export SMH_EXPORT_FILES_ROOT="${SMH_EXPORT_FILES_ROOT:-/srv/smh/exports}"
# nginx's copies of readers' pages (a few seconds' worth; nginx makes this folder in
# Debian's /var/lib/nginx, its owner www-data).
export SMH_NGINX_CACHE_ROOT="${SMH_NGINX_CACHE_ROOT:-/var/lib/nginx/smh-pages}"
# nginx's log of the handouts it answered from that cache, which smh-edge-downloads.timer
# counts (readable by the group adm, as Debian's nginx and logrotate make its logs).
export SMH_NGINX_DOWNLOAD_LOG="${SMH_NGINX_DOWNLOAD_LOG:-/var/log/nginx/smh-downloads.log}"
export SMH_BACKUP_ROOT="${SMH_BACKUP_ROOT:-/var/backups/smh}"
export SMH_BACKUP_KEEP="${SMH_BACKUP_KEEP:-14}"

SMH_UPSTREAM_SERVERS="$(for server in $SMH_APP_SERVERS; do
    printf '    server %s fail_timeout=0;\n' "$server"
done)"
export SMH_UPSTREAM_SERVERS

variables='$SMH_APP_DIR $SMH_USER $SMH_ENV_FILE $SMH_SERVER_NAME $SMH_HTTP_PORT $SMH_HTTPS_PORT
$SMH_TLS_CERTIFICATE $SMH_TLS_CERTIFICATE_KEY $SMH_GUNICORN_BIND $SMH_GUNICORN_WORKERS
$SMH_STATIC_ROOT $SMH_MEDIA_ROOT $SMH_PRINTED_FILES_ROOT $SMH_IMPORT_FILES_ROOT
$SMH_EXPORT_FILES_ROOT $SMH_BACKUP_ROOT $SMH_BACKUP_KEEP $SMH_UPSTREAM_SERVERS
$SMH_NGINX_CACHE_ROOT $SMH_NGINX_DOWNLOAD_LOG'

mkdir -p "$out/nginx" "$out/systemd"
envsubst "$variables" <"$here/nginx/smh.conf" >"$out/nginx/smh.conf"
for unit in "$here"/systemd/*; do
    envsubst "$variables" <"$unit" >"$out/systemd/$(basename "$unit")"
done
envsubst "$variables" <"$here/smh.env.example" >"$out/smh.env.example"
