#!/usr/bin/env python3
"""Turns the measurements of scripts/bench into one table.

usage: report.py RESULTS [--docs docs/performance.md --plot docs/images/performance.svg]

RESULTS holds hyperfine's JSON files (one per round of each group of commands
timed side by side; a command's runs in every round are pooled), rss.tsv
(command name, peak resident KiB) and corpus-N.txt (what the generator wrote). Command names are "tool|format|N". Prints the table; with
--docs, replaces the part of the document between the bench markers with the
table and the machine, and draws the plot with gnuplot.
"""

import argparse
import os
import pathlib
import platform
import subprocess
import tempfile

from hyperfine_results import pooled

BEGIN = "<!-- bench:begin (written by scripts/bench; edits here are lost) -->"
END = "<!-- bench:end -->"


def load(results):
    rows = {}
    # The near-duplicate runs read corpora of their own: near_duplicates.py
    # reports them.
    groups = [path for path in results.glob("*.round-*.json")
              if not path.name.startswith("neardup-")]
    for name, measured in pooled(groups).items():
        tool, fmt, n = name.split("|")
        rows[name] = {"tool": tool, "format": fmt, "n": int(n), "median": measured["median"],
                      "runs": measured["runs"], "rss_kib": None}
    for line in (results / "rss.tsv").read_text().splitlines():
        name, kib = line.split("\t")
        if name in rows:
            rows[name]["rss_kib"] = int(kib)
    return rows


def floor_of(row, rows):
    if row["format"] == "floor" or row["format"] == "plugins":
        return None
    floor = "zip -r -6" if row["format"] == "epub" else "cat"
    return rows.get(f"{floor}|floor|{row['n']}")


def pandoc_of(row, rows):
    if row["tool"] == "pandoc" or row["format"] in ("floor", "plugins"):
        return None
    return rows.get(f"pandoc|{row['format']}|{row['n']}")


def seconds(value):
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows):
    order = {"floor": 0, "reader": 1, "epub": 2, "tei": 3, "markdown": 4, "pandoc-json": 5,
             "plugins": 6}
    lines = ["| tool | format | N | median time | peak RSS | × floor | Pandoc ÷ this |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for row in sorted(rows.values(), key=lambda r: (r["n"], order.get(r["format"], 9),
                                                     r["tool"] == "pandoc", r["tool"])):
        floor = floor_of(row, rows)
        pandoc = pandoc_of(row, rows)
        fmt = "(start-up)" if row["format"] == "plugins" else row["format"]
        tool = "docconv plugins" if row["format"] == "plugins" else row["tool"]
        rss = f"{row['rss_kib'] / 1024:.1f} MB" if row["rss_kib"] else "?"
        lines.append("| {} | {} | {} | {} | {} | {} | {} |".format(
            tool, fmt, f"{row['n']:,}" if row["n"] else "–", seconds(row["median"]), rss,
            f"{row['median'] / floor['median']:.2f}" if floor else "",
            f"{pandoc['median'] / row['median']:.1f}" if pandoc else ""))
    return "\n".join(lines)


def reading_table(results):
    """The reader against a baseline revision (scripts/bench --reader-baseline)."""
    path = results / "reading-instructions.tsv"
    if not path.exists():
        return ""
    lines = ["| N | instructions per article, {0} | this version | this ÷ {0} |",
             "|---:|---:|---:|---:|"]
    name = ""
    for line in path.read_text().splitlines():
        n, name, before, now = line.split("\t")
        n, before, now = int(n), int(before), int(now)
        lines.append(f"| {n:,} | {before / n / 1000:.0f} k | {now / n / 1000:.0f} k | "
                     f"{now / before:.2f}× |")
    lines[0] = lines[0].format(name)
    return ("The news-text reader against revision {} (instructions inside "
            "`read_documents`: survey and reading, no output; callgrind):\n\n{}".format(
                name, "\n".join(lines)))


def machine():
    cpu = "unknown"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kib = 0
    for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])

    def version(command, starting=""):
        try:
            out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
        except OSError:
            return "?"
        lines = [line.strip() for line in out.splitlines() if line.strip().startswith(starting)]
        return lines[0] if lines else "?"

    # Other work on the machine skews the timings (parallel ones most): say how busy it was.
    load = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    return (f"{os.cpu_count()} cores (nproc), {cpu}, {memory_kib / 1024 / 1024:.1f} GiB memory, "
            f"load average {' / '.join(load)} (1 / 5 / 15 min) when the run ended, "
            f"Linux {platform.release()}; {version(['pandoc', '--version'])}, "
            f"{version(['zip', '-v'], 'This is Zip').split(' (')[0].replace('This is ', '')}, "
            f"{version(['hyperfine', '--version'])}")


def corpus_sizes(results):
    sizes = []
    for path in sorted(results.glob("corpus-*.txt"), key=lambda p: int(p.stem.split("-")[1])):
        sizes.append(path.read_text().strip())
    return "; ".join(sizes)


def plot(rows, svg):
    series = {}
    for row in rows.values():
        if row["n"] == 0:
            continue
        series.setdefault(f"{row['tool']} {row['format']}", []).append(row)
    with tempfile.TemporaryDirectory() as tmp:
        plots_time, plots_rss = [], []
        colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                   "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8"]
        for index, (name, points) in enumerate(sorted(series.items())):
            data = pathlib.Path(tmp) / f"{index}.dat"
            data.write_text("".join(f"{p['n']} {p['median']} {(p['rss_kib'] or 0) / 1024}\n"
                                    for p in sorted(points, key=lambda p: p["n"])))
            dashed = " dt 2" if name.startswith("pandoc") or "floor" in name else ""
            style = f"with linespoints{dashed} lw 2 lc rgb '{colours[index % len(colours)]}'"
            plots_time.append(f"'{data}' using 1:2 {style} title '{name}'")
            plots_rss.append(f"'{data}' using 1:3 {style} title '{name}'")
        sizes = sorted({row["n"] for row in rows.values() if row["n"]})
        script = f"""
set terminal svg size 1100,620 dynamic font 'sans,11'
set output '{svg}'
set multiplot layout 1,2 margins 0.07,0.98,0.34,0.93 spacing 0.08
set logscale xy
set grid
set xrange [{sizes[0] / 1.5}:{sizes[-1] * 1.5}]
set key at screen 0.5,0.12 center center maxrows 4 font ',10' width 2
set xlabel 'articles (N)'
set ylabel 'median wall-clock time (s)'
set title 'Time'
plot {', '.join(plots_time)}
set ylabel 'peak resident memory (MB)'
set title 'Memory'
unset key
plot {', '.join(plots_rss)}
unset multiplot
"""
        subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results", type=pathlib.Path)
    parser.add_argument("--docs", type=pathlib.Path)
    parser.add_argument("--plot", type=pathlib.Path)
    args = parser.parse_args()
    rows = load(args.results)
    text = table(rows)
    if reading := reading_table(args.results):
        text += "\n\n" + reading
    print(text)
    if args.plot:
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        plot(rows, args.plot.resolve())
    if args.docs:
        doc = args.docs.read_text()
        start, end = doc.index(BEGIN), doc.index(END)
        block = (f"{BEGIN}\n\nMachine: {machine()}.\n\nCorpora: {corpus_sizes(args.results)}.\n\n"
                 f"{text}\n\n![Time and peak memory against N](images/{args.plot.name})\n\n")
        args.docs.write_text(doc[:start] + block + doc[end:])


if __name__ == "__main__":
    main()
