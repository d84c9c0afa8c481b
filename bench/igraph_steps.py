"""Time igraph on the steps bench/steps times for coauthor.

Reads the JSON Lines written by `coauthor gen`, joins authors by exact
name, builds the weighted co-authorship graph (weight = joint papers),
then runs the steps named on the command line. Prints one line per step,
tab-separated: step, wall seconds, peak resident MiB so far. Read and
build run once; every later step runs up to five times while its runs
total under a second, and its line gives the fastest.
"""
import json
import os
import resource
import sys
import time

import igraph


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(step, f):
    t = time.perf_counter()
    out = f()
    print("%s\t%.6f\t%.0f" % (step, time.perf_counter() - t, peak_mib()), flush=True)
    return out


def best(step, f):
    """Like timed, but runs f again while the runs total under a second,
    at most five runs in all, and prints the fastest, as bench/steps
    does: a step of a few milliseconds varies by more than its length."""
    fastest, total, runs = float("inf"), 0.0, 0
    while runs < 5 and total < 1:
        t = time.perf_counter()
        out = f()
        sec = time.perf_counter() - t
        fastest, total, runs = min(fastest, sec), total + sec, runs + 1
    print("%s\t%.6f\t%.0f" % (step, fastest, peak_mib()), flush=True)
    return out


def read(path):
    ids = {}
    edges = []
    papers = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            papers += 1
            team = []
            for name in rec["authors"]:
                i = ids.setdefault(name, len(ids))
                if i not in team:
                    team.append(i)
            for x in range(len(team)):
                for y in range(x + 1, len(team)):
                    edges.append((team[x], team[y]))
    return papers, ids, edges


def build(n, edges):
    g = igraph.Graph(n=n, edges=edges)
    g.es["weight"] = 1.0
    g.simplify(combine_edges="sum")
    return g


def main():
    path, steps, graphml = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
    papers, ids, edges = timed("read", lambda: read(path))
    g = timed("build", lambda: build(len(ids), edges))
    del edges
    print("# papers %d authors %d edges %d" % (papers, g.vcount(), g.ecount()))
    w = g.es["weight"]
    for s in steps:
        if s == "pagerank":
            best(s, lambda: g.pagerank(weights=w))
        elif s == "components":
            best(s, lambda: g.connected_components())
        elif s == "kcore":
            best(s, lambda: g.coreness())
        elif s == "clustering":
            best(s, lambda: g.transitivity_local_undirected(mode="zero"))
        elif s == "louvain":
            p = best(s, lambda: g.community_multilevel(weights=w))
            print("# modularity %.4f" % g.modularity(p.membership, weights=w))
        elif s == "leiden":
            p = best(s, lambda: g.community_leiden(objective_function="modularity", weights=w, n_iterations=2))
            print("# leiden modularity %.4f" % g.modularity(p.membership, weights=w))
        elif s == "betweenness":
            g.es["dist"] = [1.0 / x for x in w]
            best(s, lambda: g.betweenness(weights="dist"))
            # The GraphML step writes labels and weights only.
            del g.es["dist"]
        elif s == "graphml":
            # The names go in as labels, untimed, so that the file says
            # who each node is, as coauthor's does.
            g.vs["label"] = list(ids)
            best(s, lambda: g.write_graphml(graphml))
            print("# graphml bytes %d" % os.path.getsize(graphml))
        elif s in ("", "approx", "graphml-all"):
            pass  # igraph has no sampled betweenness with a bound, and
            # its GraphML only what the graph holds
        else:
            sys.exit("unknown step " + s)


if __name__ == "__main__":
    main()
