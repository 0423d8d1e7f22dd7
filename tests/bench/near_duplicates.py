#!/usr/bin/env python3
"""Near-duplicate part of scripts/bench: reads RESULTS (hyperfine JSON
neardup-N.round-*.json, rss.tsv, planted-N.tsv, planted-report-N.json) for each N and
prints a Markdown table of time, peak memory, precision and recall; with
--docs FILE, puts it between the bench markers of FILE."""
import glob
import json
import os
import sys

from hyperfine_results import pooled


def main():
    args = sys.argv[1:]
    docs = None
    if "--docs" in args:
        at = args.index("--docs")
        docs = args[at + 1]
        del args[at:at + 2]
    results, sizes = args[0], [int(n) for n in args[1:]]
    rss = {}
    with open(os.path.join(results, "rss.tsv")) as rows:
        for row in rows:
            name, kib = row.rstrip("\n").split("\t")
            rss[name] = int(kib) / 1024
    lines = ["| N | planted | keep | mark | drop | mark − keep, CPU time per article | "
             "peak RSS keep / mark | precision | recall |", "|---|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        measured = pooled(glob.glob(os.path.join(results, f"neardup-{n}.round-*.json")))
        runs = {name.split("|")[0]: r["median"] for name, r in measured.items()}
        # CPU time (user + system, mean): steadier than wall time on a shared machine.
        cpu = {name.split("|")[0]: r["user"] + r["system"] for name, r in measured.items()}
        keep = runs["docconv --near-duplicates keep"]
        mark = runs["docconv --near-duplicates mark"]
        drop = runs["docconv --near-duplicates drop"]
        extra_cpu = cpu["docconv --near-duplicates mark"] - cpu["docconv --near-duplicates keep"]
        truth = {}
        with open(os.path.join(results, f"planted-{n}.tsv")) as planted:
            for row in planted:
                copy, original, _kind = row.rstrip("\n").split("\t")
                truth[copy] = original
        with open(os.path.join(results, f"planted-report-{n}.json")) as source:
            found = json.load(source)["near_duplicates"]["found"]
        predicted = {os.path.basename(f["source"]): os.path.basename(f["original"]["source"])
                     for f in found}
        correct = sum(1 for copy, original in predicted.items() if truth.get(copy) == original)
        precision = correct / len(predicted) if predicted else 1.0
        recall = correct / len(truth) if truth else 1.0
        name = "docconv --near-duplicates {}|markdown|" + str(n)
        keep_rss, mark_rss = rss[name.format("keep")], rss[name.format("mark")]
        lines.append(
            f"| {n:,} | {len(truth):,} | {keep * 1000:.0f} ms | {mark * 1000:.0f} ms | "
            f"{drop * 1000:.0f} ms | {extra_cpu / n * 1e6:.1f} µs | "
            f"{keep_rss:.1f} / {mark_rss:.1f} MB ({(mark_rss - keep_rss) * 1024 * 1024 / n:.0f} "
            f"bytes per article) | {precision:.4f} | {recall:.4f} |")
    table = "\n".join(lines)
    print(table)
    if docs:
        start, end = "<!-- bench:near-duplicates -->", "<!-- /bench:near-duplicates -->"
        with open(docs) as source:
            text = source.read()
        if start not in text or end not in text:
            sys.exit(f"{docs}: no {start} ... {end} markers")
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        with open(docs, "w") as target:
            target.write(f"{before}{start}\n{table}\n{end}{after}")


if __name__ == "__main__":
    main()
