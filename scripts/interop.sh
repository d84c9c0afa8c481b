#!/bin/sh
# interop.sh checks that the files coauthor writes open in the tools people
# use with them: networkx and igraph (Debian's Python), graphology (Node),
# hyparquet (a Parquet reader in JavaScript) and arrow-go (Apache Arrow's
# Go library, the Parquet reader of Apache's implementation, run through
# scripts/parquetcheck, a Go module of its own) for the Parquet tables,
# xmllint (well-formedness and the GEXF 1.3 schema) and headless Chromium
# (report.html). It builds coauthor and scripts/parquetcheck, writes the
# outputs of `coauthor report` and `coauthor graph --format
# gml|pajek|gexf|parquet-nodes|parquet-edges` for testdata/profile-page.txt
# and testdata/net/karate.gml into a temporary directory and runs
# scripts/interop.py on them.
#
# Missing Debian packages are installed with apt-get when run as root.
# Chromium, graphology, hyparquet and arrow-go are optional: when they
# cannot be installed (or, for arrow-go, its module cannot be downloaded)
# their checks print SKIP, as do the Parquet checks while `coauthor graph`
# has no parquet-nodes format. Prints PASS, FAIL and SKIP lines and ends
# with "N passed, M failed"; exits 1 on any failure.
#
# Environment: KEEP=1 keeps the temporary directory; SHOTS=DIR writes the
# Chromium screenshots of report.html there (default: the temporary
# directory, printed at the end).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-interop.XXXXXX")
if [ "${KEEP:-}" != 1 ] && [ -z "${SHOTS:-}" ]; then
	trap 'rm -rf "$work"' EXIT
fi
py=/usr/bin/python3
asroot=no
[ "$(id -u)" = 0 ] && asroot=yes

say() { printf '%s\n' "$*"; }

# apt installs Debian packages when run as root; it fails otherwise.
apt() {
	[ "$asroot" = yes ] || return 1
	if [ ! -f "$work/.apt-updated" ]; then
		apt-get update -qq >"$work/apt.log" 2>&1 || return 1
		touch "$work/.apt-updated"
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$work/apt.log" 2>&1
}

# Required: Debian's Python with networkx and igraph, and xmllint.
if ! [ -x "$py" ] || ! "$py" -c 'import networkx, igraph' 2>/dev/null || ! command -v xmllint >/dev/null; then
	apt python3 python3-networkx python3-igraph libxml2-utils ||
		say "setup: could not install python3-networkx python3-igraph libxml2-utils (not root or apt failed)"
fi
if ! [ -x "$py" ] || ! "$py" -c 'import networkx, igraph' 2>/dev/null; then
	say "FAIL setup: $py with networkx and igraph is missing"
	say "0 passed, 1 failed"
	exit 1
fi

# Optional: Chromium.
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	apt chromium && chromium=$(command -v chromium || true)
fi

# Optional: graphology, installed with npm into the temporary directory.
nodepath=
hyparquet=
if ! command -v npm >/dev/null; then
	apt nodejs npm || true
fi
if command -v npm >/dev/null && command -v node >/dev/null; then
	if (cd "$work" && npm install --no-audit --no-fund --silent --prefix "$work/npm" \
		graphology graphology-gexf graphology-graphml >"$work/npm.log" 2>&1); then
		nodepath=$work/npm/node_modules
	fi
	# hyparquet has no dependencies and decodes Snappy itself.
	if (cd "$work" && npm install --no-audit --no-fund --silent --prefix "$work/npm" \
		hyparquet >>"$work/npm.log" 2>&1); then
		hyparquet=$work/npm/node_modules/hyparquet
	fi
fi

# Optional: arrow-go, built into the parquetcheck binary from its own
# module. A module that cannot be downloaded makes its checks SKIP; a
# checker that does not build makes them FAIL.
parquetcheck=
parquetcheck_skip=
parquetcheck_fail=
pqdir=$root/scripts/parquetcheck
if ! (cd "$pqdir" && go mod download) >"$work/parquetcheck.log" 2>&1; then
	parquetcheck_skip="arrow-go module not downloaded: $(tail -1 "$work/parquetcheck.log")"
elif ! (cd "$pqdir" && go build -o "$work/parquetcheck" .) >>"$work/parquetcheck.log" 2>&1; then
	parquetcheck_fail="go build in scripts/parquetcheck failed: $(tail -3 "$work/parquetcheck.log")"
else
	parquetcheck=$work/parquetcheck
fi

# Build and run coauthor.
failed=0
bin=$work/coauthor
if ! (cd "$root" && go build -o "$bin" ./cmd/coauthor) >"$work/build.log" 2>&1; then
	say "FAIL build coauthor: $(tail -3 "$work/build.log")"
	say "0 passed, 1 failed"
	exit 1
fi
run() {
	name=$1
	shift
	out=$work/$name
	if ! "$bin" report -o "$out" "$@" >"$work/$name.log" 2>&1 ||
		! "$bin" graph --format gml -o "$out/graph.gml" "$@" >>"$work/$name.log" 2>&1 ||
		! "$bin" graph --format pajek -o "$out/graph.net" "$@" >>"$work/$name.log" 2>&1 ||
		! "$bin" graph --format gexf -o "$out/cmd.gexf" "$@" >>"$work/$name.log" 2>&1; then
		say "FAIL coauthor on $*: $(tail -3 "$work/$name.log")"
		failed=1
		return
	fi
	# The Parquet tables, once coauthor graph lists their formats.
	if "$bin" graph --help 2>&1 | grep -q parquet-nodes; then
		if ! "$bin" graph --format parquet-nodes -o "$out/nodes.parquet" "$@" >>"$work/$name.log" 2>&1 ||
			! "$bin" graph --format parquet-edges -o "$out/edges.parquet" "$@" >>"$work/$name.log" 2>&1; then
			say "FAIL coauthor graph --format parquet-nodes|parquet-edges on $*: $(tail -3 "$work/$name.log")"
			failed=1
		fi
	fi
	# The CSV files the Parquet tables are compared with; `coauthor
	# report` writes them, so this only fills a gap.
	if [ -f "$out/nodes.parquet" ]; then
		for t in authors edges; do
			[ -f "$out/$t.csv" ] ||
				"$bin" graph --format "$t-csv" -o "$out/$t.csv" "$@" >>"$work/$name.log" 2>&1 ||
				{
					say "FAIL coauthor graph --format $t-csv on $*: $(tail -3 "$work/$name.log")"
					failed=1
				}
		done
	fi
	dirs="${dirs:-} $out"
}
run profile --as-of 2026-12-03 "$root/testdata/profile-page.txt"
run karate "$root/testdata/net/karate.gml"

shots=${SHOTS:-$work}
removed=0
if [ "${KEEP:-}" != 1 ] && [ -z "${SHOTS:-}" ]; then
	removed=1
fi
mkdir -p "$shots"
# shellcheck disable=SC2086 # dirs holds paths without spaces under mktemp's name
GEXF_XSD=$root/testdata/schemas/gexf-1.3/gexf.xsd NODE_PATH=$nodepath HYPARQUET=$hyparquet CHROMIUM=$chromium SHOTS=$shots SHOTS_REMOVED=$removed \
	PARQUETCHECK=$parquetcheck PARQUETCHECK_SKIP=$parquetcheck_skip PARQUETCHECK_FAIL=$parquetcheck_fail \
	"$py" "$root/scripts/interop.py" ${dirs:-}
status=$?
if [ "${KEEP:-}" = 1 ] || [ -n "${SHOTS:-}" ]; then
	say "outputs kept in $work"
fi
if [ "$failed" = 1 ] && [ "$status" = 0 ]; then
	status=1
fi
exit "$status"
