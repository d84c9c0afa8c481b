"""Print the Markdown table of bench/run.sh from its step files."""
import os
import re
import sys


def steps(path):
    out, notes = {}, []
    for line in open(path):
        if line.startswith("#"):
            notes.append(line[1:].strip())
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) == 3:
            out[f[0]] = (float(f[1]), float(f[2]))
    return out, notes


def peak(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) / 1024 if m else float("nan")


def main():
    work, sizes = sys.argv[1], sys.argv[2:]
    print("| papers | step | coauthor s | coauthor peak MiB | igraph s | igraph peak MiB | time coauthor/igraph |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for n in sizes:
        c, cn = steps(os.path.join(work, "coauthor-%s.tsv" % n))
        i, inotes = steps(os.path.join(work, "igraph-%s.tsv" % n))
        # Reading and building: coauthor's read, resolve and build against
        # igraph's read and build.
        ct = sum(c[s][0] for s in ("read", "resolve", "build") if s in c)
        it = sum(i[s][0] for s in ("read", "build") if s in i)
        rows = [("read + build", ct, c.get("build", (0, 0))[1], it, i.get("build", (0, 0))[1])]
        for s in c:
            if s in ("read", "resolve", "build"):
                continue
            name = {"approx": "betweenness (sampled)", "betweenness": "betweenness (exact)",
                    "graphml": "graphml (labels and weights)",
                    "graphml-all": "graphml, every attribute of the graph (no measures)"}.get(s, s)
            ii = i.get(s)
            rows.append((name, c[s][0], c[s][1], ii[0] if ii else None, ii[1] if ii else None))
        # The pipeline: every step both tools ran, read and build included.
        both = [r for r in rows if r[1] is not None and r[3] is not None]
        rows.append(("pipeline (the steps both ran)", sum(r[1] for r in both), None,
                     sum(r[3] for r in both), None))
        rows.append(("whole process (peak)", None, peak(os.path.join(work, "coauthor-%s.time" % n)),
                     None, peak(os.path.join(work, "igraph-%s.time" % n))))
        for name, ct, cm, it, im in rows:
            fmt = lambda x, f: "-" if x is None else f % x
            ratio = "-" if not ct or not it else "%.2f" % (ct / it)
            print("| %s | %s | %s | %s | %s | %s | %s |" % (n, name, fmt(ct, "%.3f"), fmt(cm, "%.0f"),
                                                         fmt(it, "%.3f"), fmt(im, "%.0f"), ratio))
        print("| %s | graph | %s | | %s | | |" % (n, "; ".join(cn), "; ".join(inotes)))


if __name__ == "__main__":
    main()
