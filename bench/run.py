#!/usr/bin/python3
"""psoas benchmarks that say what a user gets, side by side with what else there is.

Measures the psoas the README's Quick start builds (build/, RelWithDebInfo:
the build type is read from build/CMakeCache.txt and a warning printed when it
is another), by hand, after `cmake --build build -j2`. Every figure is taken
in alternating rounds (one run of each contender, then the next round, the
first contender rotating), and reported as a median with its min–max; ratios
come first, since they are what reproduces on another machine; absolute
times are this machine's. The report (markdown) goes to stdout once
everything is measured, progress to stderr.

Sections:

- Targets: every target of issue 17 measured in this run, with a verdict.
- Countdown: a 60 s countdown at 80×24 on a pseudo-terminal, psoas against
  the C reference countdown (../shared/peers/cdown.c, compiled here with
  `cc -O2`), antonmedv/countdown (Go) and termdown (Python, when a python3
  here can import click, dateutil and pyfiglet with its `big` font). psoas
  runs as a user runs it: `psoas run FILE --yes` (`--yes` only skips the
  briefing), bells on, history on: each run gets a fresh XDG_STATE_HOME
  copied from one made by an earlier run, so it writes to a history of one
  session, as a user's first real run after trying psoas out would; each run
  is then checked to have added its session. A `--no-log` row compares.
  Figures, from the spawn: how late the end was shown (psoas: its end bell,
  rung with its last frame; the others: their last byte on the terminal),
  how late the last byte came (psoas: its summary line, printed after the
  history is written) and the process exited; CPU seconds per minute and
  peak RSS of the whole process tree (wait4); bytes written to the terminal
  per minute. bench/measure.c runs each one on the pseudo-terminal and
  timestamps what arrives. Each program's file is first dropped from the
  page cache and read back, as an installed program's is: a freshly
  linked one maps more of itself into each run (see settle_page_cache).
- Start-up: a C `main` returning 0 (bench/empty.c), `psoas --version`,
  `psoas list` with its cache warm (and, for comparison, with none), and
  `psoas today --short` with 3 reminders and 1,000 sessions.
- Scale: `psoas list` over 1,000 realistic routines (5 to 10 steps, with
  cautions, notes, setups and cues like the built-ins; bench/workloads.py)
  with no cache, `psoas check` of a 10,000-step routine, and `log --json`,
  `log --csv` and `stats` over 100,000 sessions (imported once per run with
  `psoas log --import`: about 10 s and 1 GB), with wall time and peak RSS.
- Pictures: `psoas card --format pdf/png`, `psoas figure`.
- Audio track (full run and --audio only): `psoas export --audio` in every format.

Options:

    bench/run.py                 everything: about 30 minutes (5 rounds of 60 s for 5 timers)
    bench/run.py --quick         20 s countdowns (CPU and bytes scaled to a minute; lateness
                                 is not scaled), 3 rounds, 50 start-up rounds, 5 runs per
                                 scale figure, no 100,000-session history, no audio: ~6 minutes
    bench/run.py --quick --history   the same, with the 100,000-session history: ~8 minutes
    bench/run.py --check         measures what the targets need (no --no-log row, no audio)
                                 and exits 1, naming them, when any target is missed; with
                                 --quick, quicker and noisier, and without the history targets
    --rounds N                   rounds of the countdown (default 5, 3 with --quick)
    --seconds S                  length of the countdown (default 60, 20 with --quick)
    --runs N                     rounds of the start-up figures (default 200, 50 with --quick)
    --history / --no-history     measure over 100,000 sessions or not (default: not with --quick)
    --startup                    only the start-up figures (and their targets)
    --audio                      only the audio track figures
    --build DIR                  the build to measure (default: build, the Quick start's)
    --peers DIR                  where the peer timers are (default: ../shared/peers)

Needs Python 3 and cc; Linux (pseudo-terminals, pidfd). Leaves nothing behind:
everything is made in one temporary folder, removed at the end.
"""
import argparse
import dataclasses
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Callable, Optional

sys.dont_write_bytecode = True  # no bench/__pycache__ left behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS, ROWS = 80, 24


# ---------------------------------------------------------------------------
# Running and measuring one command


@dataclasses.dataclass
class Command:
    label: str
    argv: list
    env: dict
    before: Optional[Callable[[], None]] = None    # run before each measured run (e.g. remove a cache)
    after: Optional[Callable[[dict], Optional[str]]] = None  # after each: a problem, or None
    end_bell: bool = False   # a countdown whose end is shown with a bell (psoas), not by its last byte


class Bench:
    """What every section needs: the work folder, the launcher, psoas, the environment."""

    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.psoas = settle_page_cache(os.path.join(args.build, "psoas"))
        self.measure_path = compile_c(os.path.join(ROOT, "bench", "measure.c"), os.path.join(work, "measure"))
        self.empty = compile_c(os.path.join(ROOT, "bench", "empty.c"), os.path.join(work, "empty"))
        self.env = {"PATH": "/usr/bin:/bin", "HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
                    "XDG_STATE_HOME": os.path.join(work, "state"), "XDG_CACHE_HOME": os.path.join(work, "cache"),
                    "TERM": "xterm-256color", "LANG": "C.UTF-8", "TZ": "UTC"}
        self.notes = []      # what a reader of the report must know: failures, warnings
        self.results = {}    # figures the targets are judged on
        self.peers_line = ""  # the countdowns measured, for the header
        self.failed_runs = 0  # runs left out of the figures (see the notes)
        self.built = binary_time(self.psoas)
        self.started = time.strftime("%Y-%m-%d %H:%M %Z")
        self.machine = machine_line()

    def measure(self, argv, env, pty=False):
        """One run of argv through bench/measure.c: a dict of its figures (see measure.c).
        A failed exec (psoas being relinked by a build) is retried for up to two minutes."""
        launcher = [self.measure_path] + (["--pty", str(COLUMNS), str(ROWS)] if pty else [])
        for _ in range(25):
            done = subprocess.run(launcher + argv, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"measure failed on {argv}: {done.stderr.strip()}")
            figures = {key: int(value) for key, value in
                       (pair.split("=") for pair in done.stdout.split())}
            if figures["status"] != 127 or "exec failed" not in done.stderr:
                return figures
            progress(f"  cannot start {argv[0]} ({done.stderr.strip()}); retrying in 5 s")
            time.sleep(5)
        raise RuntimeError(f"{argv[0]} could not be started: {done.stderr.strip()}")

    def alternate(self, commands, rounds, warmup=0, pty=False, what=""):
        """Runs each command once per round, round after round, the first one rotating;
        returns {label: [figures of each run that exited 0]}; failures go to the notes."""
        runs = {command.label: [] for command in commands}
        for number in range(warmup + rounds):
            order = commands[number % len(commands):] + commands[:number % len(commands)]
            if what:
                phase, count, of = (("warm-up", number + 1, warmup) if number < warmup
                                    else ("round", number + 1 - warmup, rounds))
                progress(f"  {what}: {phase} {count}/{of}")
            for command in order:
                if command.before:
                    command.before()
                figures = self.measure(command.argv, command.env, pty)
                problem = f"exited with {figures['status']}" if figures["status"] != 0 else None
                if command.after:
                    problem = command.after(figures) or problem
                if problem:
                    self.notes.append(f"{command.label}, round {number + 1}: {problem}; left out")
                    self.failed_runs += 1
                elif number >= warmup:
                    runs[command.label].append(figures)
        return runs

    def run_psoas(self, arguments, env, **kwargs):
        """psoas run for its output (not measured), retried while the binary is being relinked."""
        for attempt in range(25):
            try:
                return subprocess.run([self.psoas] + arguments, env=env, capture_output=True, text=True,
                                      check=True, **kwargs)
            except (OSError, subprocess.CalledProcessError) as error:
                if isinstance(error, subprocess.CalledProcessError) or attempt == 24:
                    raise
                progress(f"  cannot start psoas ({error}); retrying in 5 s")
                time.sleep(5)


def compile_c(source, output):
    subprocess.run(["cc", "-O2", "-o", output, source], check=True)
    return settle_page_cache(output)


def settle_page_cache(path):
    """Puts a program's file in the page cache as an installed one is (dropped, then read back), not as
    its linker left it: on this kernel (6.18) a fault maps the whole folio around it, and a
    freshly linked psoas maps about 0.9 MB more code into every run than the same file read back."""
    try:
        with open(path, "rb") as program:
            os.posix_fadvise(program.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while program.read(1 << 20):
                pass
    except OSError:
        pass  # not built: said where it is run
    return path


def progress(text):
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Statistics and formatting


def median(runs, key, scale=1.0):
    return statistics.median(run[key] * scale for run in runs) if runs else None


def spread(runs, key, scale=1.0, digits=1):
    """'median (min–max)' of one figure over runs."""
    if not runs:
        return "–"
    values = [run[key] * scale for run in runs]
    return (f"{statistics.median(values):,.{digits}f} "
            f"({min(values):,.{digits}f}–{max(values):,.{digits}f})")


def ratio(a, b, digits=2):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:,.{digits}f}×"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def megabytes(kib):
    """ru_maxrss is in KiB; a MB here is 10^6 bytes."""
    return kib * 1024 / 1e6


# ---------------------------------------------------------------------------
# The build and the machine


def build_type(build):
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as cache:
            found = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", cache.read(), re.M)
            return found.group(1) if found else ""
    except OSError:
        return None


def quick_start_build_type():
    """The build type the Quick start gets: CMakeLists.txt's default (it passes none)."""
    with open(os.path.join(ROOT, "CMakeLists.txt")) as lists:
        found = re.search(r"set\(CMAKE_BUILD_TYPE\s+(\w+)\s+CACHE", lists.read())
    return found.group(1) if found else "RelWithDebInfo"


def machine_line():
    model = ""
    try:
        with open("/proc/cpuinfo") as cpus:
            model = next((line.split(":", 1)[1].strip() for line in cpus if line.startswith("model name")), "")
        with open("/proc/meminfo") as memory:
            total = int(memory.readline().split()[1]) / 1024 / 1024
    except (OSError, ValueError):
        total = 0
    load = os.getloadavg()
    return (f"{os.cpu_count()} cores ({model or os.uname().machine}), {total:.0f} GiB, "
            f"Linux {os.uname().release}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the start")


def binary_stamp(path):
    try:
        status = os.stat(path)
        return status.st_mtime_ns, status.st_size
    except OSError:
        return None


def binary_time(path):
    try:
        return time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(os.stat(path).st_mtime))
    except OSError:
        return "at an unknown time"


def git_commit():
    done = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %cs"], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


# ---------------------------------------------------------------------------
# Countdown: psoas and the peers, 80×24 on a pseudo-terminal


def peer_commands(bench, seconds):
    """The C reference, then the peers people use, those that are here."""
    peers = bench.args.peers
    commands = []
    cdown_source = os.path.join(peers, "cdown.c")
    if os.path.exists(cdown_source):
        cdown = compile_c(cdown_source, os.path.join(bench.work, "cdown"))
        commands.append(Command("C reference (cdown.c)", [cdown, str(seconds)], bench.env))
    else:
        bench.notes.append(f"no C reference countdown: {cdown_source} is missing")
    go = os.path.join(peers, "countdown-bin")
    if os.access(go, os.X_OK):
        settle_page_cache(go)
        commands.append(Command("Go countdown (antonmedv)", [go, f"{seconds}s"], bench.env))
    else:
        bench.notes.append(f"no Go countdown: {go} is missing")
    termdown = os.path.join(peers, "termdown.py")
    python = termdown_python()
    if os.path.exists(termdown) and python:
        commands.append(Command("termdown 1.18 (Python)", [python, termdown, "-f", "big", str(seconds)], bench.env))
    else:
        bench.notes.append("no termdown: needs termdown.py and a python3 with click, dateutil and pyfiglet "
                           "(Debian: python3-click python3-dateutil python3-pyfiglet figlet)")
    return commands


def termdown_python():
    for python in dict.fromkeys([sys.executable, "/usr/bin/python3"]):
        probe = subprocess.run([python, "-c", "import click, dateutil, pyfiglet; pyfiglet.Figlet(font='big')"],
                               capture_output=True)
        if probe.returncode == 0:
            return python
    return None


def countdown_routine(bench, seconds):
    """The routine psoas counts down: exactly `seconds`, no get-ready, checked with --dry-run."""
    path = os.path.join(bench.work, f"countdown-{seconds}s.yaml")
    workloads.write_countdown_routine(path, seconds)
    timeline = bench.run_psoas(["run", path, "--dry-run"], bench.env).stdout
    total = re.search(r"^\s*(\d+):(\d\d)\s+total", timeline, re.M)
    if not total or int(total.group(1)) * 60 + int(total.group(2)) != seconds:
        raise RuntimeError(f"the countdown routine is not {seconds} s long:\n{timeline}")
    return path


def sessions_in(bench, env):
    return len(json.loads(bench.run_psoas(["log", "--json"], env).stdout or "[]"))


def psoas_commands(bench, seconds, with_no_log):
    """psoas as a user runs it (history and bells on), and, to compare, with --no-log."""
    routine = countdown_routine(bench, seconds)
    template = os.path.join(bench.work, "state-one-session")
    env = dict(bench.env, XDG_STATE_HOME=template)
    # The earlier run that made the history: the same routine, 60 times faster, recorded.
    bench.measure([bench.psoas, "run", routine, "--yes", "--quiet", "--speed", "60", "--log"], env, pty=True)
    if sessions_in(bench, env) != 1:
        raise RuntimeError("the earlier run did not make a history of one session")
    fresh = os.path.join(bench.work, "state-run")
    run_env = dict(bench.env, XDG_STATE_HOME=fresh)

    def copy_history():
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(template, fresh)

    def check_recorded(figures):
        problems = []
        if figures["status"] == 0 and sessions_in(bench, run_env) != 2:
            problems.append("did not record its session")
        if figures["bells"] == 0:
            problems.append("rang no bell")
        shutil.rmtree(fresh, ignore_errors=True)
        return "; ".join(problems) or None

    commands = [Command("psoas (history, bells)", [bench.psoas, "run", routine, "--yes"], run_env,
                        copy_history, check_recorded, end_bell=True)]
    if with_no_log:
        commands.append(Command("psoas --no-log", [bench.psoas, "run", routine, "--yes", "--no-log"], bench.env,
                                end_bell=True))
    return commands


COUNTDOWN_FIGURES = [  # key, label, unit, digits
    ("shown_late_ms", "end shown late", "ms", 1),
    ("last_byte_late_ms", "last byte late", "ms", 1),
    ("exit_late_ms", "exit late", "ms", 1),
    ("cpu_per_minute", "CPU per minute", "s", 4),
    ("rss_mb", "peak RSS", "MB", 2),
    ("bytes_per_minute", "bytes per minute", "B", 0),
]


def countdown_figures(figures, seconds, end_bell):
    """Per-run figures of a countdown: lateness in ms, CPU and bytes per minute of countdown.
    The end is shown when the end bell rings for psoas (with its last frame, before the history is
    written and the summary line printed), when the last byte arrives for the others."""
    per_minute = 60.0 / seconds
    late = lambda ns: (ns / 1e9 - seconds) * 1000
    return dict(figures,
                exit_late_ms=late(figures["wall_ns"]),
                last_byte_late_ms=late(figures["last_byte_ns"]),
                shown_late_ms=late(figures["bell_ns"] if end_bell and figures["bells"] else figures["last_byte_ns"]),
                first_byte_ms=figures["first_byte_ns"] / 1e6,
                cpu_per_minute=figures["cpu_us"] / 1e6 * per_minute,
                rss_mb=megabytes(figures["maxrss_kb"]),
                bytes_per_minute=figures["bytes"] * per_minute)


def countdown_section(bench, report, seconds, rounds, with_no_log):
    progress(f"countdown: {rounds} rounds of {seconds} s per timer")
    psoas = psoas_commands(bench, seconds, with_no_log)
    peers = peer_commands(bench, seconds)
    runs = bench.alternate(psoas + peers, rounds, pty=True, what="countdown")
    bench.peers_line = "; ".join(f"{command.label}: `{' '.join(os.path.basename(a) for a in command.argv)}`"
                                 for command in psoas + peers)
    bells = {command.label: command.end_bell for command in psoas + peers}
    runs = {label: [countdown_figures(run, seconds, bells[label]) for run in figures]
            for label, figures in runs.items()}
    user, reference = psoas[0].label, peers[0].label if peers and peers[0].label.startswith("C ") else None
    people = [command.label for command in peers if command.label != reference]
    bench.results["countdown"] = {"runs": runs, "psoas": user, "reference": reference, "peers": people}

    scaled = "" if seconds == 60 else f" ({seconds} s countdowns; CPU and bytes scaled to a minute, lateness not)"
    rows = []
    for key, label, unit, digits in COUNTDOWN_FIGURES:
        mine = median(runs[user], key)
        best = min(people, key=lambda peer: median(runs[peer], key) if runs[peer] else float("inf"), default=None)
        rows.append([label, ratio(mine, median(runs[reference], key)) if reference else "–",
                     ratio(mine, median(runs[best], key)) if best and runs[best] else "–",
                     best or "–", f"{mine:,.{digits}f} {unit}" if mine is not None else "–"])
    report.append(f"## Countdown: psoas as a ratio{scaled}\n\n"
                  f"A {seconds} s countdown at {COLUMNS}×{ROWS} on a pseudo-terminal, {rounds} alternating rounds; "
                  "medians. psoas as a user runs it: `psoas run FILE --yes` (`--yes` skips the briefing), bells and "
                  "history on (a fresh copy of a one-session history each run). End shown: psoas's end bell, the "
                  "others' last byte (see the next table). Lower is better: below 1× psoas is ahead.\n\n" +
                  table(["figure", "psoas ÷ C reference", "psoas ÷ best peer", "best peer", "psoas"], rows))

    rows = []
    for label in [command.label for command in psoas + peers]:
        rows.append([label, spread(runs[label], "shown_late_ms"), spread(runs[label], "last_byte_late_ms"),
                     spread(runs[label], "exit_late_ms"), spread(runs[label], "first_byte_ms"),
                     spread(runs[label], "cpu_per_minute", digits=4),
                     spread(runs[label], "rss_mb", digits=2), spread(runs[label], "bytes_per_minute", digits=0),
                     len(runs[label])])
    report.append(f"## Countdown: every timer (absolute: this machine's){scaled}\n\n"
                  "Median (min–max). Late: milliseconds after the planned end, counted from the spawn. End shown: "
                  "for psoas when its end bell reached the terminal (written with the last frame; psoas then "
                  "writes its history, prints a summary line and exits), for the others when their last byte did. "
                  "Last byte: the last byte on the terminal (psoas: its summary line). Exit: when the process "
                  "exited. First byte: when the first frame began to arrive. CPU seconds and peak RSS of the "
                  "process tree (wait4); bytes written to the terminal. Per minute of countdown; start-up is "
                  "included, so a shorter countdown inflates them.\n\n" +
                  table(["timer", "end shown late (ms)", "last byte late (ms)", "exit late (ms)", "first byte (ms)",
                         "CPU (s/min)", "peak RSS (MB)", "bytes/min", "runs"], rows))


# ---------------------------------------------------------------------------
# Start-up


def make_history(bench, state_home, count, spacing_seconds):
    """A history of count sessions, imported with `psoas log --import`: the figures of the import."""
    path = os.path.join(bench.work, f"sessions-{count}.json")
    workloads.write_sessions(path, count, spacing_seconds)
    figures = bench.measure([bench.psoas, "log", "--import", path], dict(bench.env, XDG_STATE_HOME=state_home))
    os.remove(path)
    if figures["status"] != 0:
        raise RuntimeError(f"psoas log --import of {count} sessions exited with {figures['status']}")
    return figures


def startup_section(bench, report, rounds):
    progress(f"start-up: {rounds} rounds")
    workloads.write_reminders(bench.env["XDG_CONFIG_HOME"])
    today_env = dict(bench.env, XDG_STATE_HOME=os.path.join(bench.work, "state-1000"))
    make_history(bench, today_env["XDG_STATE_HOME"], 1000, 8640)
    time.sleep(1.1)  # psoas caches only files changed more than a second ago
    bench.run_psoas(["list"], bench.env)  # fills the cache
    no_cache = os.path.join(bench.work, "no-cache")
    cold_env = dict(bench.env, XDG_CACHE_HOME=no_cache)
    commands = [Command("C main returning 0", [bench.empty], bench.env),
                Command("psoas --version", [bench.psoas, "--version"], bench.env),
                Command("psoas list (built-ins, warm cache)", [bench.psoas, "list"], bench.env),
                Command("psoas today --short (3 reminders, 1,000 sessions)", [bench.psoas, "today", "--short"],
                        today_env),
                Command("psoas list (built-ins, no cache)", [bench.psoas, "list"], cold_env,
                        lambda: shutil.rmtree(no_cache, ignore_errors=True))]
    runs = bench.alternate(commands, rounds, warmup=3, what="start-up")
    base = median(runs["C main returning 0"], "wall_ns")
    bench.results["startup"] = {label: (median(figures, "wall_ns") / base if figures and base else None)
                                for label, figures in runs.items()}
    base_cpu = median(runs["C main returning 0"], "cpu_us")
    rows = [[f"`{c.label}`", ratio(median(runs[c.label], "wall_ns"), base, 1),
             ratio(median(runs[c.label], "cpu_us"), base_cpu, 1), spread(runs[c.label], "wall_ns", 1e-6, 2),
             spread(runs[c.label], "cpu_us", 1e-3, 2),
             f"{megabytes(max((r['maxrss_kb'] for r in runs[c.label]), default=0)):.1f}"] for c in commands]
    report.append(f"## Start-up: × a C main\n\n{rounds} alternating rounds after 3 of warm-up; output to "
                  "/dev/null. × C main is the ratio of the medians (the target is on wall time; CPU time is less "
                  "disturbed by a busy machine); times are this machine's, median (min–max).\n\n" +
                  table(["command", "× C main", "× C main (CPU)", "wall (ms)", "CPU (ms)",
                         "peak RSS, largest (MB)"], rows))


# ---------------------------------------------------------------------------
# Scale


def scale_section(bench, report, runs, with_history):
    progress("scale: writing 1,000 routines and a 10,000-step routine")
    folder = os.path.join(bench.work, "routines-1000")
    workloads.write_routines(folder, 1000)
    checked = subprocess.run([bench.psoas, "check"] + sorted(glob.glob(os.path.join(folder, "*.yaml"))),
                             env=bench.env, capture_output=True, text=True)
    if checked.returncode != 0:
        raise RuntimeError("the generated routines do not check:\n" + checked.stdout[-2000:] + checked.stderr)
    routines_bytes = sum(os.path.getsize(path) for path in glob.glob(os.path.join(folder, "*.yaml")))
    long_routine = os.path.join(bench.work, "long-10000.yaml")
    workloads.write_long_routine(long_routine, 10000)
    cold_cache, warm_cache = os.path.join(bench.work, "cache-cold"), os.path.join(bench.work, "cache-warm")
    warm_env = dict(bench.env, PSOAS_PATH=folder, XDG_CACHE_HOME=warm_cache)
    time.sleep(1.1)  # psoas caches only files changed more than a second ago
    bench.run_psoas(["list"], warm_env)
    commands = [
        Command("psoas list, no cache", [bench.psoas, "list"], dict(warm_env, XDG_CACHE_HOME=cold_cache),
                lambda: shutil.rmtree(cold_cache, ignore_errors=True)),
        Command("psoas list, warm cache", [bench.psoas, "list"], warm_env),
        Command("psoas check", [bench.psoas, "check", long_routine], bench.env)]
    workload = {"psoas list, no cache": f"1,000 routines of 5–10 steps ({routines_bytes / 1e6:.1f} MB) "
                                        "+ the built-ins",
                "psoas list, warm cache": "the same",
                "psoas check": f"10,000 steps ({os.path.getsize(long_routine) / 1e6:.2f} MB)"}
    import_figures = None
    if with_history:
        progress("scale: importing 100,000 sessions (about 10 s and 1 GB)")
        history_env = dict(bench.env, XDG_STATE_HOME=os.path.join(bench.work, "state-100000"))
        import_figures = make_history(bench, history_env["XDG_STATE_HOME"], 100000, 3000)
        for label, argv in [("psoas log --json", ["log", "--json"]), ("psoas log --csv", ["log", "--csv"]),
                            ("psoas stats", ["stats"])]:
            commands.append(Command(label, [bench.psoas] + argv, history_env))
            workload[label] = "100,000 sessions"
    results = bench.alternate(commands, runs, warmup=1, what="scale")
    bench.results["scale"] = {label: (median(figures, "wall_ns", 1e-6),
                                      megabytes(max((r["maxrss_kb"] for r in figures), default=0)))
                              for label, figures in results.items() if figures}
    rows = [[f"`{c.label}`", workload[c.label], spread(results[c.label], "wall_ns", 1e-6),
             spread(results[c.label], "cpu_us", 1e-3),
             f"{megabytes(max((r['maxrss_kb'] for r in results[c.label]), default=0)):.1f}"] for c in commands]
    if import_figures:
        rows.append(["`psoas log --import` (once)", "100,000 sessions", f"{import_figures['wall_ns'] / 1e6:,.1f}",
                     f"{import_figures['cpu_us'] / 1e3:,.1f}", f"{megabytes(import_figures['maxrss_kb']):.1f}"])
    history_note = "" if with_history else " The 100,000-session history was not made (--quick or --no-history)."
    report.append(f"## Scale (absolute: this machine's)\n\n{runs} alternating rounds after 1 of warm-up; "
                  f"median (min–max).{history_note}\n\n" +
                  table(["command", "workload", "wall (ms)", "CPU (ms)", "peak RSS, largest (MB)"], rows))


# ---------------------------------------------------------------------------
# Pictures and the audio track


def pictures_section(bench, report, runs):
    progress("pictures")
    commands = [Command("psoas card psoas-release --format pdf",
                        [bench.psoas, "card", "psoas-release", "--format", "pdf", "-o",
                         os.path.join(bench.work, "wall.pdf")], bench.env),
                Command("psoas card psoas-release --format png",
                        [bench.psoas, "card", "psoas-release", "--format", "png", "-o",
                         os.path.join(bench.work, "wall.png")], bench.env),
                Command("psoas figure pigeon", [bench.psoas, "figure", "pigeon"], bench.env)]
    results = bench.alternate(commands, runs, warmup=1, what="pictures")
    bench.results["pdf_ms"] = median(results[commands[0].label], "wall_ns", 1e-6)
    rows = [[f"`{c.label}`", spread(results[c.label], "wall_ns", 1e-6),
             f"{megabytes(max((r['maxrss_kb'] for r in results[c.label]), default=0)):.1f}"] for c in commands]
    report.append(f"## Pictures (absolute: this machine's)\n\n{runs} alternating rounds; median (min–max).\n\n" +
                  table(["command", "wall (ms)", "peak RSS, largest (MB)"], rows))


def audio_section(bench, report):
    """export --audio of psoas-release (21 min 47 s) in every format, and of an hour-long run."""
    progress("audio track")
    rows, met, worst = [], True, None
    for label, extra, minutes in [("psoas-release", [], 21.8), ("psoas-release --hold 5m", ["--hold", "5m"], 72.3)]:
        formats = ["ogg", "opus", "mp3", "flac", "wav"] if not extra else ["ogg", "wav"]
        commands = [Command(extension, [bench.psoas, "export", "psoas-release", "--audio",
                                        os.path.join(bench.work, "track." + extension)] + extra, bench.env)
                    for extension in formats]
        results = bench.alternate(commands, 3, warmup=1, what=f"audio, {label}")
        for command in commands:
            wall = median(results[command.label], "wall_ns", 1e-9)
            rss = megabytes(max((r["maxrss_kb"] for r in results[command.label]), default=0))
            if not extra:
                met = met and wall is not None and wall <= 5.0 and rss <= 100
                if wall is not None and (worst is None or wall > worst[0]):
                    worst = (wall, command.label, rss)
            rows.append([f"{label}, {minutes:.0f} min", command.label,
                         f"{minutes * 60 / wall:.0f}×" if wall else "–",
                         spread(results[command.label], "wall_ns", 1e-9, 2),
                         spread(results[command.label], "cpu_us", 1e-6, 2), f"{rss:.1f}"])
    bench.results["audio"] = (met, worst)
    report.append("## Audio track (absolute: this machine's)\n\n3 alternating rounds after 1 of warm-up; "
                  "median (min–max).\n\n" +
                  table(["track", "format", "× real time", "wall (s)", "CPU (s)", "peak RSS, largest (MB)"], rows))


# ---------------------------------------------------------------------------
# Targets


def targets(bench):
    """Rows [target, limit, measured, measured ÷ limit, verdict]: every target of issue 17 this run measured."""
    rows = []

    def add(target, limit, shown, ok, share=None):
        verdict = "not measured" if ok is None else ("met" if ok else "MISSED")
        rows.append([target, limit, shown, f"{share:.2f}" if share is not None else "–", verdict])

    def at_most(target, value, limit, unit, digits=1, strictly=False):
        if value is None:
            return add(target, f"{limit:,g}{unit}", "–", None)
        ok = value < limit if strictly else value <= limit
        add(target, f"{limit:,g}{unit}", f"{value:,.{digits}f}{unit}", ok, value / limit)

    countdown = bench.results.get("countdown")
    if countdown:
        runs, psoas = countdown["runs"], countdown["psoas"]
        value = lambda label, key: median(runs[label], key)
        at_most("countdown ends ≤ 8 ms late (end shown: the end bell)", value(psoas, "shown_late_ms"), 8, " ms")
        exit_late = value(psoas, "exit_late_ms")
        rows.append(["(for information) psoas exits, its history written", "–",
                     f"{exit_late:.1f} ms" if exit_late is not None else "–", "–", "–"])
        at_most("CPU ≤ 0.015 s per minute", value(psoas, "cpu_per_minute"), 0.015, " s", 4)
        at_most("peak RSS ≤ 4 MB", value(psoas, "rss_mb"), 4, " MB", 2)
        go = next((peer for peer in countdown["peers"] if peer.startswith("Go") and runs[peer]), None)
        if go:
            at_most("bytes per minute ≤ the Go countdown's at 80×24", value(psoas, "bytes_per_minute"),
                    value(go, "bytes_per_minute"), "", 0)
        else:
            add("bytes per minute ≤ the Go countdown's at 80×24", "–", "–", None)
        peers = [peer for peer in countdown["peers"] if runs[peer]]
        for key, label, unit, digits in [("shown_late_ms", "lateness (end shown)", " ms", 1),
                                         ("cpu_per_minute", "CPU per minute", " s", 4),
                                         ("rss_mb", "peak RSS", " MB", 2),
                                         ("bytes_per_minute", "bytes per minute", "", 0)]:
            mine = value(psoas, key)
            if not peers or mine is None:
                add(f"ahead of every peer: {label}", "–", "–", None)
                continue
            best = min(peers, key=lambda peer: value(peer, key))
            add(f"ahead of every peer: {label}", f"{value(best, key):,.{digits}f}{unit} ({best.split(' (')[0]})",
                f"{mine:,.{digits}f}{unit}", mine < value(best, key),
                mine / value(best, key) if value(best, key) else None)

    startup = bench.results.get("startup")
    if startup:
        for label, name in [("psoas --version", "`psoas --version`"),
                            ("psoas list (built-ins, warm cache)", "`psoas list`, warm cache,"),
                            ("psoas today --short (3 reminders, 1,000 sessions)", "`psoas today --short`")]:
            at_most(f"{name} ≤ 2.5× C main", startup.get(label), 2.5, "×", 2)

    scale = bench.results.get("scale")
    if scale is not None:
        for label, target, limit_ms, limit_mb in [
                ("psoas list, no cache", "`list` of 1,000 files, no cache, ≤ 250 ms", 250, None),
                ("psoas check", "`check` of 10,000 steps ≤ 200 ms", 200, None),
                ("psoas log --json", "`log --json`, 100,000 sessions, < 500 ms and < 20 MB", 500, 20),
                ("psoas log --csv", "`log --csv`, 100,000 sessions, < 500 ms and < 20 MB", 500, 20),
                ("psoas stats", "`stats`, 100,000 sessions, < 100 ms", 100, None)]:
            wall, rss = scale.get(label, (None, None))
            if limit_mb is None:
                at_most(target, wall, limit_ms, " ms", strictly=label == "psoas stats")
            elif wall is None:
                add(target, f"{limit_ms} ms, {limit_mb} MB", "–", None)
            else:
                add(target, f"{limit_ms} ms, {limit_mb} MB", f"{wall:,.1f} ms, {rss:.1f} MB",
                    wall < limit_ms and rss < limit_mb, max(wall / limit_ms, rss / limit_mb))

    if bench.results.get("pdf_ms") is not None:
        at_most("`card --format pdf` of psoas-release ≤ 300 ms", bench.results["pdf_ms"], 300, " ms")
    if "audio" in bench.results:
        met, (wall, extension, rss) = bench.results["audio"]
        add("audio track of a 20-minute routine ≤ 5 s and ≤ 100 MB, every format", "5 s, 100 MB",
            f"slowest: {wall:.2f} s ({extension}), {rss:.1f} MB", met, wall / 5)
    return rows


# ---------------------------------------------------------------------------


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="the build to measure (default: build)")
    parser.add_argument("--peers", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "peers")),
                        help="where cdown.c, countdown-bin and termdown.py are (default: ../shared/peers)")
    parser.add_argument("--quick", action="store_true", help="20 s countdowns, fewer rounds, no 100,000-session "
                                                             "history, no audio")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--rounds", type=int, help="rounds of the countdown (default 5, 3 with --quick)")
    parser.add_argument("--seconds", type=int, help="length of the countdown (default 60, 20 with --quick)")
    parser.add_argument("--runs", type=int, help="rounds of the start-up figures (default 200, 50 with --quick)")
    parser.add_argument("--history", action=argparse.BooleanOptionalAction,
                        help="measure log and stats over 100,000 sessions (default: not with --quick)")
    parser.add_argument("--startup", action="store_true", help="only the start-up figures")
    parser.add_argument("--audio", action="store_true", help="only the audio track figures")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.rounds = args.rounds or (3 if args.quick else 5)
    args.seconds = args.seconds or (20 if args.quick else 60)
    args.runs = args.runs or (50 if args.quick else 200)
    if args.history is None:
        args.history = not args.quick
    if args.seconds < 10:
        parser.error("--seconds: at least 10")
    return args


def header(bench):
    args = bench.args
    lines = [f"# psoas benchmarks, {bench.started}", "",
             f"- machine: {bench.machine}",
             f"- psoas: {bench.psoas}, built {bench.built}; the source is at commit {git_commit()} "
             "(the binary may hold changes not committed)"]
    found, wanted = build_type(args.build), quick_start_build_type()
    if found == wanted:
        lines.append(f"- build type: {found}, the Quick start's")
    else:
        lines.append(f"- build type: {found or 'unknown'}. **Warning: not the Quick start's ({wanted}); "
                     "these figures are not what a user gets.**")
    if args.audio:
        sections = "the audio track only"
    elif args.startup:
        sections = f"start-up only, {args.runs} rounds"
    else:
        sections = (f"countdowns of {args.seconds} s, {args.rounds} rounds; start-up {args.runs} rounds; "
                    f"{'with' if args.history else 'without'} the 100,000-session history")
    lines.append(f"- run: `{' '.join(['bench/run.py'] + sys.argv[1:])}`: {sections}")
    if bench.peers_line:
        lines.append(f"- countdowns: {bench.peers_line}")
    lines.append("- Ratios reproduce across machines; absolute times, CPU and memory are this machine's and "
                 "labelled so. Every figure comes from alternating runs measured by bench/measure.c.")
    return "\n".join(lines)


def main():
    args = parse_arguments()
    if not os.access(os.path.join(args.build, "psoas"), os.X_OK):
        sys.exit(f"no psoas in {args.build}: build it first (the README's Quick start)")
    work = tempfile.mkdtemp(prefix="psoas-bench-")
    try:
        bench = Bench(args, work)
        stamp = binary_stamp(bench.psoas)
        report = []
        if args.audio:
            audio_section(bench, report)
        else:
            if not args.startup:
                countdown_section(bench, report, args.seconds, args.rounds, with_no_log=not args.check)
            startup_section(bench, report, args.runs)
            if not args.startup:
                scale_section(bench, report, 5 if args.quick else 10, args.history)
                pictures_section(bench, report, 5 if args.quick else 20)
                if not args.quick and not args.check:
                    audio_section(bench, report)
        if binary_stamp(bench.psoas) != stamp:
            bench.notes.append("**the psoas binary changed during this run (rebuilt): the figures may mix two "
                               "builds; run again**")
        rows = targets(bench)
        load = os.getloadavg()
        bench.notes.append(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")
        print(header(bench) + "\n")
        print("## Targets (issue 17)\n\nmeasured ÷ limit: below 1 is within the target.\n")
        print(table(["target", "limit", "measured (median)", "measured ÷ limit", "verdict"], rows) + "\n")
        for section in report:
            print(section + "\n")
        print("## Notes\n\n" + "\n".join(f"- {note}" for note in bench.notes))
        missed = [row[0] for row in rows if row[-1] == "MISSED"]
        unmeasured = [row[0] for row in rows if row[-1] == "not measured"]
        if args.check:
            if unmeasured:
                progress("\nnot measured: " + "; ".join(unmeasured))
            if bench.failed_runs:
                missed.append(f"{bench.failed_runs} runs failed (see the notes)")
            if missed:
                progress("\nmissed: " + "; ".join(missed))
                sys.exit(1)
            progress("\nevery target measured is met")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
