#!/usr/bin/python3
"""Checks coauthor's exports against the tools people open them with.

Usage: interop.py DIR...

Each DIR holds the outputs of `coauthor report` plus graph.gml, graph.net
and cmd.gexf written by `coauthor graph --format gml|pajek|gexf`, and
nodes.parquet and edges.parquet (--format parquet-nodes|parquet-edges)
when coauthor writes them. The
expected counts, weights and attribute values are those of the same run's
authors.csv and edges.csv. The Parquet tables are read by hyparquet and by
arrow-go (Apache Arrow's Go library, through the scripts/parquetcheck
binary, which compares them with the CSV files itself). Optional tools
come from the environment: GEXF_XSD (the GEXF 1.3 schema), NODE_PATH
(node_modules holding graphology, graphology-gexf and graphology-graphml),
HYPARQUET (the hyparquet package directory inside a node_modules),
PARQUETCHECK (the parquetcheck binary; else PARQUETCHECK_SKIP or
PARQUETCHECK_FAIL says why there is none), CHROMIUM (a Chromium binary)
and SHOTS (a directory for screenshots). Prints one PASS, FAIL or SKIP
line per check and "N passed, M failed" at the end; exits 1 on any
failure.
"""

import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}


def report(status, name, detail=""):
    counts[status] += 1
    print(f"{status} {name}" + (f": {detail}" if detail else ""), flush=True)


def check(name, func):
    """Runs func, which returns None or a string on success (a detail to
    print) and raises on failure; a Skip exception makes the check SKIP."""
    try:
        detail = func()
        report("PASS", name, detail or "")
    except Skip as e:
        report("SKIP", name, str(e))
    except Exception as e:  # every failure of a check is reported, not raised
        report("FAIL", name, f"{type(e).__name__}: {e}")


class Skip(Exception):
    pass


# Attribute types as the writers declare them (export/graphml.go,
# export/gexf.go, export/gml.go); the CSV columns of the same name must
# hold values of that type.
NODE_TYPES = {
    "papers": int, "first_year": int, "last_year": int, "degree": int, "core": int,
    "component": int, "community": int, "topic": int, "strength": float,
    "betweenness": float, "closeness": float, "harmonic": float, "eigenvector": float,
    "pagerank": float, "clustering": float, "affiliations": str,
}
EDGE_TYPES = {"weight": float, "distance": float, "joint_papers": int}


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


class Expected:
    """What a graph file must hold, read from authors.csv and edges.csv."""

    def __init__(self, d):
        with open(os.path.join(d, "authors.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(d, "edges.csv"), newline="", encoding="utf-8") as f:
            erows = list(csv.DictReader(f))
        self.names = {int(r["id"]): r["name"] for r in rows}
        self.nattrs = {}
        for col, typ in NODE_TYPES.items():
            if rows and col in rows[0]:
                self.nattrs[col] = {int(r["id"]): typed(r[col], typ, col) for r in rows if r[col] != ""}
        self.edges = {}
        self.eattrs = {c: {} for c in EDGE_TYPES if erows and c in erows[0]}
        for r in erows:
            key = tuple(sorted((int(r["source_id"]), int(r["target_id"]))))
            self.edges[key] = float(r["weight"])
            for c in self.eattrs:
                self.eattrs[c][key] = typed(r[c], EDGE_TYPES[c], c)
        self.n, self.m = len(self.names), len(self.edges)
        self.weight = math.fsum(self.edges.values())

    def counts(self, n, m, weight):
        if (n, m) != (self.n, self.m):
            raise AssertionError(f"{n} nodes, {m} edges, want {self.n}, {self.m}")
        if not close(weight, self.weight):
            raise AssertionError(f"total weight {weight!r}, want {self.weight!r}")
        return f"{n} nodes, {m} edges, total weight {weight:g}"


def typed(cell, typ, col):
    """cell converted to typ; raises when the CSV column does not hold typ."""
    if typ is int:
        v = int(cell)  # a float in an integer column raises here
    elif typ is float:
        v = float(cell)
    else:
        v = cell
    return v


def compare_nodes(exp, nodes, rename=None):
    """nodes maps CSV id to the attribute dict a reader gave. Checks names,
    types and values of every attribute in NODE_TYPES."""
    rename = rename or {}
    bad = []
    if set(nodes) != set(exp.names):
        raise AssertionError(f"node ids differ: {sorted(set(nodes) ^ set(exp.names))[:5]}")
    for u, attrs in nodes.items():
        label = attrs.get("label", attrs.get("name"))
        if label != exp.names[u]:
            bad.append(f"node {u} label {label!r}, want {exp.names[u]!r}")
        for col, want in exp.nattrs.items():
            got = attrs.get(rename.get(col, col))
            if u not in want:
                continue
            bad += value_errors(f"node {u} {col}", got, want[u], NODE_TYPES[col])
    if bad:
        raise AssertionError("; ".join(bad[:5]) + (f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""))
    return f"{len(exp.nattrs)} node attributes with types and values as in authors.csv"


def compare_edges(exp, edges, rename=None):
    """edges maps (u, v), u < v, to the attribute dict a reader gave."""
    rename = rename or {}
    if set(edges) != set(exp.edges):
        raise AssertionError(f"edge sets differ: {sorted(set(edges) ^ set(exp.edges))[:5]}")
    bad = []
    for key, attrs in edges.items():
        for col, want in exp.eattrs.items():
            bad += value_errors(f"edge {key} {col}", attrs.get(rename.get(col, col)), want[key], EDGE_TYPES[col])
    if bad:
        raise AssertionError("; ".join(bad[:5]))
    return f"{len(exp.eattrs)} edge attributes with types and values as in edges.csv"


def value_errors(what, got, want, typ):
    if got is None:
        return [f"{what} missing"]
    if typ is float and isinstance(got, int) and not isinstance(got, bool):
        return [f"{what} read as integer {got!r}, want a double"]
    if not isinstance(got, typ) or isinstance(got, bool):
        return [f"{what} read as {type(got).__name__} {got!r}, want {typ.__name__}"]
    if typ is float and not close(got, want) or typ is not float and got != want:
        return [f"{what} = {got!r}, want {want!r}"]
    return []


def nid(s):
    """CSV id of a node id as the XML formats write it ("n12")."""
    return int(str(s).lstrip("n"))


# --- XML ------------------------------------------------------------------

def xmllint_wellformed(path):
    run(["xmllint", "--noout", path])


def gexf_schema(path, xsd):
    if not xsd or not os.path.exists(xsd):
        raise Skip("no GEXF 1.3 schema (GEXF_XSD)")
    # The published GEXF 1.3 schema declares the viz elements in the main
    # namespace, so a file with viz:color or viz:size in the viz namespace
    # fails validation whatever it holds. Validate a copy without them.
    viz = "{http://gexf.net/1.3/viz}"
    tree = ET.parse(path)
    removed = 0
    for parent in tree.iter():
        for child in list(parent):
            if child.tag.startswith(viz):
                parent.remove(child)
                removed += 1
    ET.register_namespace("", "http://gexf.net/1.3")
    with tempfile.NamedTemporaryFile("wb", suffix=".gexf", delete=False) as f:
        tree.write(f, encoding="UTF-8", xml_declaration=True)
    try:
        run(["xmllint", "--noout", "--schema", xsd, f.name])
    finally:
        os.unlink(f.name)
    return f"valid against gexf.xsd once its {removed} viz elements are removed"


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}: {(p.stderr or p.stdout).strip()[:300]}")
    return p


# --- networkx -------------------------------------------------------------

def nx_graph(g, exp, id_of, rename=None):
    import networkx as nx
    if g.is_directed() or g.is_multigraph():
        raise AssertionError(f"read as directed={g.is_directed()} multigraph={g.is_multigraph()}")
    w = math.fsum(d.get("weight", 0) for _, _, d in g.edges(data=True))
    out = exp.counts(g.number_of_nodes(), g.number_of_edges(), w)
    nodes = {id_of(u): d for u, d in g.nodes(data=True)}
    edges = {tuple(sorted((id_of(u), id_of(v)))): d for u, v, d in g.edges(data=True)}
    out += "; " + compare_nodes(exp, nodes)
    out += "; " + compare_edges(exp, edges, rename)
    del nx
    return out


def nx_gexf(path, exp):
    import networkx as nx
    from networkx.readwrite.gexf import GEXF
    if "1.3" not in GEXF.versions:
        raise Skip(f"networkx {nx.__version__} reads GEXF versions {', '.join(GEXF.versions)} only, not 1.3")
    return nx_graph(nx.read_gexf(path, version="1.3"), exp, nid)


# --- igraph ---------------------------------------------------------------

def ig_graph(g, exp, id_of, rename=None, attrs=True):
    if g.is_directed():
        raise AssertionError("read as directed")
    w = math.fsum(g.es["weight"]) if "weight" in g.es.attributes() else 0.0
    out = exp.counts(g.vcount(), g.ecount(), w)
    if not attrs:
        names = {id_of(v): v["name"] for v in g.vs}
        wrong = [u for u in names if names[u] != exp.names.get(u)]
        if wrong:
            raise AssertionError(f"names differ at {wrong[:5]}")
        edges = {tuple(sorted((id_of(g.vs[e.source]), id_of(g.vs[e.target])))): e.attributes() for e in g.es}
        if set(edges) != set(exp.edges):
            raise AssertionError("edge sets differ")
        bad = [k for k, d in edges.items() if not close(d["weight"], exp.edges[k])]
        if bad:
            raise AssertionError(f"weights differ at {bad[:5]}")
        return out + "; names and weights as in the CSV files"
    nodes = {id_of(v): {k: clean(x, NODE_TYPES.get(k)) for k, x in v.attributes().items()} for v in g.vs}
    edges = {tuple(sorted((id_of(g.vs[e.source]), id_of(g.vs[e.target])))):
             {k: clean(x, EDGE_TYPES.get(k)) for k, x in e.attributes().items()} for e in g.es}
    return (out + "; " + compare_nodes(exp, nodes) + "; " + compare_edges(exp, edges, rename) +
            " (igraph keeps every number as a double: integer attributes compared as integral doubles)")


def clean(x, typ=None):
    """igraph fills a missing numeric attribute with NaN and a missing
    string with ""; both mean absent. igraph has one numeric attribute
    type, double: an integral double stands for an integer attribute."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or x == "":
        return None
    if typ is int and isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def ig_gml_nodes(exp, g):
    """igraph reads every GML number as a double: compare values, and
    report the types only through the GraphML check."""
    nodes = {int(v["id"]): v.attributes() for v in g.vs}
    for u, d in nodes.items():
        for col, want in exp.nattrs.items():
            if u in want and NODE_TYPES[col] is not str:
                got = clean(d.get(col))
                if got is None or not close(float(got), float(want[u])):
                    raise AssertionError(f"node {u} {col} = {got!r}, want {want[u]!r}")
    return f"{len(exp.nattrs)} node attribute values as in authors.csv (igraph reads GML numbers as doubles)"


# --- graphology -----------------------------------------------------------

GRAPHOLOGY_JS = r"""
const fs = require('fs');
const Graph = require('graphology');
const mod = require(process.argv[2] === 'gexf' ? 'graphology-gexf' : 'graphology-graphml');
const g = mod.parse(Graph, fs.readFileSync(process.argv[3], 'utf8'));
const nodes = {};
g.forEachNode((k, a) => { nodes[k] = a; });
const edges = [];
g.forEachEdge((k, a, s, t) => { edges.push([s, t, a]); });
process.stdout.write(JSON.stringify({type: g.type, multi: g.multi, nodes, edges}));
"""


def graphology(kind, path, exp, script):
    p = run(["node", script, kind, path])
    r = json.loads(p.stdout)
    if r["type"] != "undirected" or r["multi"]:
        raise AssertionError(f"read as type {r['type']}, multi {r['multi']}")
    w = math.fsum(e[2].get("weight", 0) for e in r["edges"])
    out = exp.counts(len(r["nodes"]), len(r["edges"]), w)
    nodes = {nid(k): a for k, a in r["nodes"].items()}
    edges = {tuple(sorted((nid(s), nid(t)))): a for s, t, a in r["edges"]}
    # JSON has one number type: integral doubles come back as integers.
    for d in list(nodes.values()) + list(edges.values()):
        for k, typ in list(NODE_TYPES.items()) + list(EDGE_TYPES.items()):
            if typ is float and isinstance(d.get(k), int):
                d[k] = float(d[k])
    return out + "; " + compare_nodes(exp, nodes) + "; " + compare_edges(exp, edges)


# --- hyparquet ------------------------------------------------------------

# The script is written beside the node_modules holding hyparquet, so that
# Node resolves the package name from there. INT64 cells come back as
# BigInt, which JSON cannot hold: they are written as numbers.
HYPARQUET_JS = r"""
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
const file = await asyncBufferFromFile(process.argv[2]);
const md = await parquetMetadataAsync(file);
const rows = await parquetReadObjects({ file });
const out = {
  created_by: md.created_by, num_rows: md.num_rows, row_groups: md.row_groups.length,
  columns: md.schema.slice(1).map((s) => s.name), rows,
};
process.stdout.write(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
"""

# The columns of nodes.parquet and edges.parquet in order
# (export/parquet.go); GraphFrames needs id, and src and dst.
PARQUET_NODE_COLUMNS = ["id", "name", "papers", "first_year", "last_year", "affiliations", "degree",
                        "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                        "core", "component", "community", "topic", "clustering", "effective_size",
                        "efficiency", "constraint"]
PARQUET_EDGE_COLUMNS = ["src", "dst", "weight", "distance", "joint_papers", "papers"]


def hyparquet(path, columns):
    """Reads path with hyparquet and checks its footer; returns the rows,
    with integral doubles of the typed columns made floats again."""
    pkg = os.environ.get("HYPARQUET", "")
    if not pkg:
        raise Skip("hyparquet not installed (npm unavailable or offline)")
    if not os.path.exists(path):
        raise Skip(f"{os.path.basename(path)} not written: coauthor graph has no parquet format")
    script = os.path.join(os.path.dirname(os.path.dirname(pkg)), "interop-parquet.mjs")
    with open(script, "w") as f:
        f.write(HYPARQUET_JS)
    r = json.loads(run(["node", script, path]).stdout)
    if r["columns"] != columns:
        raise AssertionError(f"columns {r['columns']}, want {columns}")
    if r["created_by"] != "coauthor" or r["num_rows"] != len(r["rows"]):
        raise AssertionError(f"created_by {r['created_by']!r}, num_rows {r['num_rows']} "
                             f"for {len(r['rows'])} rows read")
    for row in r["rows"]:
        for k, typ in list(NODE_TYPES.items()) + list(EDGE_TYPES.items()):
            if typ is float and isinstance(row.get(k), int):
                row[k] = float(row[k])
    return r["rows"]


def parquet_nodes(path, exp):
    rows = hyparquet(path, PARQUET_NODE_COLUMNS)
    if len(rows) != exp.n:
        raise AssertionError(f"{len(rows)} rows, want {exp.n} (authors.csv)")
    nodes = {r["id"]: {k: v for k, v in r.items() if v is not None} for r in rows}
    return f"{len(rows)} rows; " + compare_nodes(exp, nodes)


def parquet_edges(path, exp):
    rows = hyparquet(path, PARQUET_EDGE_COLUMNS)
    w = math.fsum(r["weight"] for r in rows)
    if len(rows) != exp.m or not close(w, exp.weight):
        raise AssertionError(f"{len(rows)} rows, total weight {w!r}; want {exp.m}, {exp.weight!r} (edges.csv)")
    edges = {(r["src"], r["dst"]): r for r in rows}
    return f"{len(rows)} rows, total weight {w:g}; " + compare_edges(exp, edges)


# --- arrow-go -------------------------------------------------------------

PARQUET_TABLES = ("nodes.parquet", "edges.parquet")

# A result line of parquetcheck: status, reader and version, table, detail.
PARQUETCHECK_LINE = re.compile(r"(PASS|FAIL) (arrow-go \S+) reads (\S+): (.*)")


def raising(exc):
    """A check function that raises exc."""
    def f():
        raise exc
    return f


def arrow_go(d):
    """Runs the parquetcheck binary (PARQUETCHECK) once on d's Parquet
    tables and CSV files. Returns, for each table file name, the reader
    that read it ("arrow-go v18.8.0") and a check function that passes
    with parquetcheck's detail or raises with it."""
    fail, skip = os.environ.get("PARQUETCHECK_FAIL", ""), os.environ.get("PARQUETCHECK_SKIP", "")
    binary = os.environ.get("PARQUETCHECK", "")
    if fail:
        return {t: ("arrow-go", raising(AssertionError(fail))) for t in PARQUET_TABLES}
    if not binary:
        return {t: ("arrow-go", raising(Skip(skip or "parquetcheck not built (PARQUETCHECK unset)")))
                for t in PARQUET_TABLES}
    if not os.path.exists(os.path.join(d, "nodes.parquet")):
        return {t: ("arrow-go", raising(Skip(f"{t} not written: coauthor graph has no parquet format")))
                for t in PARQUET_TABLES}
    p = lambda f: os.path.join(d, f)
    cmd = [binary, "--nodes", p("nodes.parquet"), "--authors-csv", p("authors.csv"),
           "--edges", p("edges.parquet"), "--edges-csv", p("edges.csv")]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except Exception as e:  # a checker that cannot run fails both checks
        return {t: ("arrow-go", raising(AssertionError(f"{type(e).__name__}: {e}"))) for t in PARQUET_TABLES}
    lines = {}
    for line in r.stdout.splitlines():
        m = PARQUETCHECK_LINE.fullmatch(line)
        if m and m.group(3) in PARQUET_TABLES:
            lines[m.group(3)] = m.groups()
    # parquetcheck exits 1 when a table fails; the other table's PASS stands.
    exit_ok = r.returncode == 0 or r.returncode == 1 and any(l[0] == "FAIL" for l in lines.values())
    out = {}
    for t in PARQUET_TABLES:
        if t not in lines:
            why = (r.stderr or r.stdout).strip()[-300:]
            msg = f"parquetcheck exited {r.returncode} with no line for {t}: {why}"
            out[t] = ("arrow-go", raising(AssertionError(msg)))
            continue
        status, reader, _, detail = lines[t]
        if status == "PASS" and exit_ok:
            out[t] = (reader, lambda detail=detail: detail)
        elif status == "PASS":
            out[t] = (reader, raising(AssertionError(f"parquetcheck exited {r.returncode} after: {detail}")))
        else:
            out[t] = (reader, raising(AssertionError(detail)))
    return out


# --- Chromium -------------------------------------------------------------

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars"]


def chromium(d, exp, name):
    binary = os.environ.get("CHROMIUM", "")
    if not binary:
        raise Skip("no Chromium (CHROMIUM unset: the package could not be installed)")
    page = os.path.abspath(os.path.join(d, "report.html"))
    if not os.path.exists(page):
        raise AssertionError("report.html missing: coauthor report did not write it")
    url = "file://" + page
    profile = tempfile.mkdtemp(prefix="interop-chromium-")
    try:
        p = subprocess.run([binary, *CHROME_FLAGS, "--user-data-dir=" + profile, "--enable-logging=stderr",
                            "--v=0", "--dump-dom", url], capture_output=True, text=True, timeout=120)
        dom, log = p.stdout, p.stderr
        if p.returncode != 0 or not dom:
            raise AssertionError(f"exit {p.returncode}: {log.strip()[-300:]}")
        for bad in ("Uncaught", "Refused to", "Content Security Policy"):
            for line in log.splitlines():
                if bad in line:
                    raise AssertionError(f"console: {line.strip()[:300]}")
        if 'data-script="ran"' not in dom:
            raise AssertionError("the page's script did not run (no data-script=\"ran\" on <html>)")
        rows = dom[dom.find('id="authors-table"'):].split("</table>")[0].count("<tr>") - 1
        want = min(exp.n, 2000)
        if rows != want:
            raise AssertionError(f"authors table has {rows} rows, want {want}")
        for section in ('id="summary"', 'id="methods"', "<svg"):
            if section not in dom:
                raise AssertionError(f"DOM lacks {section}")
        out = f"script ran, no console errors, authors table of {rows} rows"
        shots = os.environ.get("SHOTS", "")
        if shots:
            png = os.path.join(shots, name + "-report.png")
            subprocess.run([binary, *CHROME_FLAGS, "--user-data-dir=" + profile, "--window-size=1400,2000",
                            "--screenshot=" + png, url], capture_output=True, timeout=120)
            if not os.path.exists(png) or os.path.getsize(png) < 1000:
                raise AssertionError("no screenshot written")
            out += "; screenshot " + png
            if os.environ.get("SHOTS_REMOVED") == "1":
                out += " (removed at exit: KEEP=1 or SHOTS=DIR keeps it)"
        return out
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# --- main -----------------------------------------------------------------

def check_dir(d):
    name = os.path.basename(os.path.normpath(d))
    exp = Expected(d)
    p = lambda f: os.path.join(d, f)
    have = lambda tool: shutil.which(tool) is not None

    for f in ("graph.graphml", "graph.gexf", "cmd.gexf", "graph.svg"):
        check(f"{name} xmllint well-formed {f}",
              lambda f=f: xmllint_wellformed(p(f)) if have("xmllint") else (_ for _ in ()).throw(Skip("no xmllint")))
    check(f"{name} xmllint GEXF 1.3 schema graph.gexf", lambda: gexf_schema(p("graph.gexf"), os.environ.get("GEXF_XSD")))

    def same_gexf():
        if open(p("graph.gexf"), "rb").read() != open(p("cmd.gexf"), "rb").read():
            raise AssertionError("coauthor graph --format gexf differs from report's graph.gexf")
    check(f"{name} graph --format gexf equals report graph.gexf", same_gexf)

    import networkx as nx
    check(f"{name} networkx {nx.__version__} read_graphml", lambda: nx_graph(nx.read_graphml(p("graph.graphml")), exp, nid))
    check(f"{name} networkx read_gexf", lambda: nx_gexf(p("graph.gexf"), exp))
    check(f"{name} networkx read_gml", lambda: nx_graph(nx.read_gml(p("graph.gml"), label="id"), exp, int,
                                                          {"joint_papers": "joint"}))

    import igraph
    check(f"{name} igraph {igraph.__version__} Read_GraphML",
          lambda: ig_graph(igraph.Graph.Read_GraphML(p("graph.graphml")), exp, lambda v: nid(v["id"])))

    def ig_gml():
        g = igraph.Graph.Read_GML(p("graph.gml"))
        w = math.fsum(g.es["weight"])
        return exp.counts(g.vcount(), g.ecount(), w) + "; " + ig_gml_nodes(exp, g)
    check(f"{name} igraph Read_GML", ig_gml)
    check(f"{name} igraph Read_Pajek",
          lambda: ig_graph(igraph.Graph.Read_Pajek(p("graph.net")), exp, lambda v: v.index, attrs=False))

    script = os.environ.get("GRAPHOLOGY_JS", "")
    for kind, f in (("graphml", "graph.graphml"), ("gexf", "graph.gexf")):
        def gl(kind=kind, f=f):
            if not script or not os.environ.get("NODE_PATH"):
                raise Skip("graphology not installed (npm unavailable or offline)")
            return graphology(kind, p(f), exp, script)
        check(f"{name} graphology reads {f}", gl)

    check(f"{name} hyparquet reads nodes.parquet", lambda: parquet_nodes(p("nodes.parquet"), exp))
    check(f"{name} hyparquet reads edges.parquet", lambda: parquet_edges(p("edges.parquet"), exp))
    for t, (reader, func) in arrow_go(d).items():
        check(f"{name} {reader} reads {t}", func)

    check(f"{name} chromium opens report.html", lambda: chromium(d, exp, name))


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if os.environ.get("NODE_PATH"):
        fd, path = tempfile.mkstemp(suffix=".js")
        with os.fdopen(fd, "w") as f:
            f.write(GRAPHOLOGY_JS)
        os.environ["GRAPHOLOGY_JS"] = path
    for d in sys.argv[1:]:
        check_dir(d)
    if counts["SKIP"]:
        print(f"{counts['SKIP']} skipped")
    print(f"{counts['PASS']} passed, {counts['FAIL']} failed")
    sys.exit(1 if counts["FAIL"] else 0)


if __name__ == "__main__":
    main()
