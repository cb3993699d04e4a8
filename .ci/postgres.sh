#!/usr/bin/env bash
# Throw-away PostgreSQL clusters for the tests of examples/httpservice.
#
#   source .ci/postgres.sh        start one cluster, export BEIAN_TEST_POSTGRES
#                                 (its DSN) and stop it when the shell exits
#   bash .ci/postgres.sh start    start another; print its directory, then its DSN
#   bash .ci/postgres.sh stop DIR stop the cluster in DIR (pg_ctl stop -m fast)
#   bash .ci/postgres.sh remove DIR  stop it if running and delete DIR
#
# The server runs as the unprivileged user pgtest (created when missing, as
# initdb refuses root), listens on no TCP port, only on a Unix socket in the
# cluster's temporary directory, trusts local connections and is tuned for
# tests (no fsync). Without PostgreSQL's binaries (PG_BIN, by default
# /usr/lib/postgresql/15/bin) nothing is started and the tests that need a
# database skip, saying how to run them.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=${PG_USER:-pgtest}

beian_pg_available() {
	[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]
}

# beian_pg_as runs a command as the cluster's user.
beian_pg_as() {
	if [ "$(id -un)" = "$PG_USER" ]; then
		"$@"
	elif [ "$(id -u)" = 0 ]; then
		runuser -u "$PG_USER" -- "$@"
	else
		sudo -n -u "$PG_USER" -- "$@"
	fi
}

# beian_pg_start starts a cluster in a new temporary directory and prints
# the directory and the DSN, one a line.
beian_pg_start() {
	if [ "$(id -u)" = 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER" >/dev/null
	fi
	local dir
	dir=$(mktemp -d "${TMPDIR:-/tmp}/beian-pg.XXXXXX") || return 1
	chmod 755 "$dir"
	mkdir "$dir/data" "$dir/sock"
	if [ "$(id -u)" = 0 ]; then chown "$PG_USER" "$dir/data" "$dir/sock"; fi
	beian_pg_as "$PG_BIN/initdb" -D "$dir/data" -U "$PG_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
	beian_pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/sock/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories=$dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >"$dir/start.log" 2>&1 || { cat "$dir/start.log" "$dir/sock/server.log" >&2; return 1; }
	echo "$dir"
	echo "postgres://$PG_USER@/postgres?host=$dir/sock&sslmode=disable"
}

beian_pg_stop() {
	local dir=$1
	[ -n "$dir" ] && [ -d "$dir/data" ] || return 0
	beian_pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

beian_pg_remove() {
	beian_pg_stop "$1"
	case $1 in "${TMPDIR:-/tmp}"/beian-pg.*) rm -rf "$1" ;; esac
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	# Sourced: one cluster for the whole run.
	if beian_pg_available; then
		if beian_pg_out=$(beian_pg_start); then
			BEIAN_TEST_POSTGRES_DIR=$(sed -n 1p <<<"$beian_pg_out")
			BEIAN_TEST_POSTGRES=$(sed -n 2p <<<"$beian_pg_out")
			export BEIAN_TEST_POSTGRES BEIAN_TEST_POSTGRES_DIR
			trap 'beian_pg_remove "$BEIAN_TEST_POSTGRES_DIR"' EXIT
			echo "postgres: cluster in $BEIAN_TEST_POSTGRES_DIR; BEIAN_TEST_POSTGRES=$BEIAN_TEST_POSTGRES"
		else
			echo "postgres: could not start a cluster; the PostgreSQL tests will skip" >&2
		fi
		unset beian_pg_out
	else
		echo "postgres: no PostgreSQL binaries in $PG_BIN; the PostgreSQL tests will skip"
	fi
else
	set -euo pipefail
	case ${1:-} in
	start) beian_pg_available || { echo "no PostgreSQL binaries in $PG_BIN" >&2; exit 1; }; beian_pg_start ;;
	stop) beian_pg_stop "${2:?directory}" ;;
	remove) beian_pg_remove "${2:?directory}" ;;
	*) echo "usage: source .ci/postgres.sh | bash .ci/postgres.sh start | stop DIR | remove DIR" >&2; exit 2 ;;
	esac
fi
