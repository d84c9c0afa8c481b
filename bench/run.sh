#!/bin/sh
# Benchmarks coauthor against igraph on generated corpora, side by side.
#
#   bench/run.sh [SIZE...]        default sizes: 10000 100000
#
# For each size it generates a corpus with `coauthor gen` (seed 1), then
# runs, in one process each, coauthor's steps (bench/steps) and igraph's
# (bench/igraph_steps.py under Debian's /usr/bin/python3) on the same
# JSON Lines, one after the other, never at the same time. Each step line
# gives wall seconds and the process's peak resident memory so far;
# /usr/bin/time -v gives the whole process's peak. Exact betweenness runs
# at sizes up to 10000 papers, sampled betweenness (coauthor only: igraph
# has none) above, with EPSILON (default 0.05) and delta 0.1.
#
# Work files go to $WORK (default /tmp/scale-work/bench); the table is
# printed and written to $WORK/table.md.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/scale-work/bench}
EPSILON=${EPSILON:-0.05}
SIZES=${*:-10000 100000}
PY=/usr/bin/python3
mkdir -p "$WORK"

if ! [ -x /usr/bin/time ]; then
	apt-get install -y time || { apt-get update && apt-get install -y time; }
fi
if ! $PY -c 'import igraph' 2>/dev/null; then
	apt-get update && apt-get install -y python3-igraph
fi

(cd "$ROOT" && go build -o "$WORK/coauthor" ./cmd/coauthor && go build -o "$WORK/steps" ./bench/steps)

for n in $SIZES; do
	corpus=$WORK/papers-$n.jsonl
	if [ -n "${SKIP_DONE:-}" ] && [ -s "$WORK/igraph-$n.tsv" ]; then
		continue
	fi
	[ -s "$corpus" ] || "$WORK/coauthor" gen --papers "$n" --seed 1 -o "$corpus"
	if [ "$n" -le 10000 ]; then bc=betweenness; else bc=approx; fi
	# graphml writes what igraph's file holds (author names as labels,
	# weights); graphml-all, coauthor's only, every attribute.
	steps=pagerank,components,kcore,clustering,louvain,leiden,$bc,graphml,graphml-all
	# Each tool starts with no file of the other's waiting to be written
	# out, which would slow its GraphML step, and with no GraphML of an
	# earlier run: opening one truncates it inside the timed step, and
	# freeing its cached pages costs time in proportion to its size.
	rm -f "$WORK/coauthor-$n.graphml" "$WORK/coauthor-$n-all.graphml" "$WORK/igraph-$n.graphml"
	sync
	echo "== $n papers: coauthor" >&2
	/usr/bin/time -v -o "$WORK/coauthor-$n.time" "$WORK/steps" --steps "$steps" \
		--epsilon "$EPSILON" --graphml "$WORK/coauthor-$n.graphml" --graphml-all "$WORK/coauthor-$n-all.graphml" "$corpus" | tee "$WORK/coauthor-$n.tsv" >&2
	sync
	echo "== $n papers: igraph" >&2
	/usr/bin/time -v -o "$WORK/igraph-$n.time" $PY "$ROOT/bench/igraph_steps.py" "$corpus" "$steps" \
		"$WORK/igraph-$n.graphml" | tee "$WORK/igraph-$n.tsv" >&2
done

$PY "$ROOT/bench/table.py" "$WORK" $SIZES | tee "$WORK/table.md"
