"""hyperfine's JSON exports, read the one way scripts/bench's reports need:
the runs of one command in every round (scripts/bench, `measure`) pooled."""
import json
import pathlib
import statistics


def pooled(paths):
    """Every command of the hyperfine JSON files `paths`, by name: the median
    of all its runs in all the files, its mean user and system time (seconds)
    and how many runs there were."""
    times, user, system = {}, {}, {}
    for path in sorted(paths):
        for result in json.loads(pathlib.Path(path).read_text())["results"]:
            name, runs = result["command"], len(result["times"])
            times.setdefault(name, []).extend(result["times"])
            user.setdefault(name, []).append((result["user"], runs))
            system.setdefault(name, []).append((result["system"], runs))

    def mean(weighted):
        return sum(value * runs for value, runs in weighted) / sum(runs for _, runs in weighted)

    return {name: {"median": statistics.median(runs), "runs": len(runs),
                   "user": mean(user[name]), "system": mean(system[name])}
            for name, runs in times.items()}
