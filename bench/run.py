#!/usr/bin/python3
"""psoas benchmarks: start-up, scaling, memory and the runner's timing.

Run by hand, on a quiet machine, after building (cmake --build build):

    bench/run.py                # everything, about 13 minutes
    bench/run.py --quick        # without the 10-minute run at real speed

Each figure is a median over repeated runs, measured in this one run
against a C program that only returns 0. bench/RESULTS.md keeps the figures.
"""
import argparse
import fcntl
import json
import os
import pty
import resource
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


MEASURE = None  # the measure helper, compiled in main()


def spawn_and_wait(argv, env):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run, output discarded."""
    out = subprocess.run([MEASURE] + argv, env=env, capture_output=True, text=True, check=True).stdout.split()
    wall_ns, cpu_us, rss_kb, status = (int(x) for x in out)
    if status not in (0, 1):
        raise RuntimeError(f"{argv} exited with {status}")
    return wall_ns / 1e9, cpu_us / 1e6, rss_kb


def median_run(argv, env, runs, warmup=3):
    for _ in range(warmup):
        spawn_and_wait(argv, env)
    samples = [spawn_and_wait(argv, env) for _ in range(runs)]
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
            max(s[2] for s in samples))


def write_routines(folder, count):
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        with open(os.path.join(folder, f"routine-{i:05}.yaml"), "w") as out:
            out.write(f"title: Generated routine {i}\ntags: [bench]\ncautions: [Warm up first.]\nsteps:\n"
                      "  - {name: Reach, hold: 30s, sides: both, reps: 2, rest: 5s, cues: [Breathe]}\n"
                      "  - {name: Fold, hold: 45s}\n")


def write_long_routine(path, steps):
    with open(path, "w") as out:
        out.write("title: A long routine\nsteps:\n")
        for i in range(steps):
            out.write(f"  - {{name: Step {i}, hold: 30s, sides: both, reps: 2, rest: 5s, cues: [Breathe out]}}\n")


def write_reminders_and_history(psoas, work, env):
    """Three reminders, and a history of 1,000 sessions over the last 100 days, for `today --short`."""
    os.makedirs(os.path.join(work, "config", "psoas"), exist_ok=True)
    with open(os.path.join(work, "config", "psoas", "reminders.yaml"), "w") as out:
        out.write("reminders:\n"
                  "  - {id: desk-break, routine: desk-break, every: 50m, between: 09:00-17:30, days: mon-fri}\n"
                  "  - {id: pigeon, routine: pigeon-routine, at: ['10:30', '15:00']}\n"
                  "  - {id: bridge, routine: bridge, at: ['08:00'], days: weekends}\n")
    now = time.time()
    sessions = []
    for i in range(1000):
        ended = now - i * 8640
        stamp = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000+00:00", time.gmtime(t))
        sessions.append({"log_format": 1, "id": f"00000000-0000-4000-8000-{i:012}",
                         "routine": ("desk-break", "pigeon-routine", "bridge")[i % 3], "title": "t",
                         "content_hash": "", "started": stamp(ended - 200), "ended": stamp(ended),
                         "planned_seconds": 200, "planned_hold_seconds": 150, "reached_hold_seconds": 150,
                         "active_seconds": 200, "paused_seconds": 0, "segments_completed": 5,
                         "segments_skipped": 0, "holds": 4, "holds_skipped": 0, "held_left_seconds": 75,
                         "held_right_seconds": 75, "held_unsided_seconds": 0, "outcome": "finished",
                         "stopped_at_step": None, "stopped_at_segment": None, "stopped_hold_seconds": 0,
                         "resumed": 0, "speed": 1, "hold_override_seconds": None, "reps_override": None,
                         "fit_seconds": None, "from_step": None, "tightness_left": None,
                         "tightness_right": None, "tightness_overall": None})
    path = os.path.join(work, "sessions.json")
    with open(path, "w") as out:
        json.dump(sessions, out)
    subprocess.run([psoas, "log", "--import", path], env=dict(env, TZ="UTC"), check=True, capture_output=True)


def run_on_pty(argv, env, report, columns=80, rows=24):
    """Runs argv on a pseudo-terminal to its end: wall and CPU seconds, peak RSS, bytes written, status."""
    pid, master = pty.fork()
    if pid == 0:
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(MEASURE, [MEASURE, "--tty", report] + argv, env)
    written = 0
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        written += len(data)
    os.waitpid(pid, 0)
    os.close(master)
    with open(report) as figures:
        wall_ns, cpu_us, rss_kb, status = (int(x) for x in figures.read().split())
    return wall_ns / 1e9, cpu_us / 1e6, rss_kb, written, status


def audio_track(psoas, work, env):
    """export --audio of psoas-release (21 min 47 s) in every format, and of an hour-long run."""
    print("\n## Audio track (target: a 20-minute routine in at most 5 s and 100 MB, every format)\n")
    print("| track | format | median of 3 | CPU | × real time | peak RSS | target |\n|---|---|---|---|---|---|---|")
    for label, extra, minutes in [("psoas-release", [], 21.8), ("psoas-release --hold 5m", ["--hold", "5m"], 72.3)]:
        for extension in (["ogg", "opus", "mp3", "flac", "wav"] if not extra else ["ogg", "wav"]):
            out = os.path.join(work, "track." + extension)
            wall, cpu, rss = median_run([psoas, "export", "psoas-release", "--audio", out] + extra, env, 3, 1)
            verdict = "" if extra else ("met" if wall <= 5.0 and rss <= 100 * 1024 else "MISSED")
            print(f"| {label}, {minutes:.0f} min | {extension} | {wall:.2f} s | {cpu:.2f} s | "
                  f"{minutes * 60 / wall:.0f}× | {rss / 1024:.1f} MB | {verdict} |")
            os.remove(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--quick", action="store_true", help="leave out the 10-minute run at real speed")
    parser.add_argument("--runs", type=int, default=200, help="runs per start-up figure")
    parser.add_argument("--startup", action="store_true", help="only the start-up figures")
    parser.add_argument("--audio", action="store_true", help="only the audio track figures")
    args = parser.parse_args()

    psoas = os.path.join(args.build, "psoas")
    work = tempfile.mkdtemp(prefix="psoas-bench-")
    empty = os.path.join(work, "empty")
    subprocess.run(["cc", "-O2", "-o", empty, os.path.join(ROOT, "bench", "empty.c")], check=True)
    global MEASURE
    MEASURE = os.path.join(work, "measure")
    subprocess.run(["cc", "-O2", "-o", MEASURE, os.path.join(ROOT, "bench", "measure.c")], check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
           "XDG_STATE_HOME": os.path.join(work, "state"), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    print(f"# psoas benchmarks, {time.strftime('%Y-%m-%d')}\n")
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, Linux {os.uname().release}\n")

    if args.audio:
        audio_track(psoas, work, env)
        return

    print("## Start-up (median wall time of", args.runs, "runs; `list` with its cache warm)\n")
    print("| command | median | × C main | CPU | peak RSS |\n|---|---|---|---|---|")
    base = median_run([empty], env, args.runs)
    cold_env = dict(env, XDG_CACHE_HOME=os.path.join(work, "no-cache"))
    write_reminders_and_history(psoas, work, env)
    for label, argv, run_env in [("C main returning 0", [empty], env), ("psoas --version", [psoas, "--version"], env),
                                 ("psoas list (built-ins)", [psoas, "list"], env),
                                 ("psoas list (built-ins), no cache", [psoas, "list"], cold_env),
                                 ("psoas today --short (3 reminders, 1,000 sessions)", [psoas, "today", "--short"],
                                  env)]:
        if run_env is cold_env:
            shutil.rmtree(os.path.join(work, "no-cache"), ignore_errors=True)
            wall, cpu, rss = median_run(argv + ["--names"], run_env, 1, 0)  # nothing cached by --names
            samples = []
            for _ in range(max(args.runs // 10, 5)):
                shutil.rmtree(os.path.join(work, "no-cache"), ignore_errors=True)
                samples.append(spawn_and_wait(argv, run_env))
            wall, cpu, rss = (statistics.median(x[0] for x in samples), statistics.median(x[1] for x in samples),
                              max(x[2] for x in samples))
        else:
            wall, cpu, rss = base if argv == [empty] else median_run(argv, run_env, args.runs)
        print(f"| `{label}` | {wall * 1000:.2f} ms | {wall / base[0]:.1f} | {cpu * 1000:.2f} ms | {rss / 1024:.1f} MB |")

    if args.startup:
        return

    print("\n## Scaling\n")
    print("| command | size | median | per item | peak RSS |\n|---|---|---|---|---|")
    for count in (10, 100, 1000, 10000):
        folder = os.path.join(work, f"routines-{count}")
        write_routines(folder, count)
        for cache in ("cold", "warm"):
            list_env = dict(env, PSOAS_PATH=folder, XDG_CACHE_HOME=os.path.join(work, f"cache-{count}"))
            runs = 20 if count <= 1000 else 5
            if cache == "cold":
                samples = []
                for _ in range(runs):
                    shutil.rmtree(os.path.join(work, f"cache-{count}"), ignore_errors=True)
                    samples.append(spawn_and_wait([psoas, "list"], list_env))
                wall, rss = statistics.median(x[0] for x in samples), max(x[2] for x in samples)
            else:
                wall, _, rss = median_run([psoas, "list"], list_env, runs, 1)
            print(f"| `psoas list`, {cache} cache | {count} files | {wall * 1000:.1f} ms | {wall / count * 1e6:.0f} µs "
                  f"| {rss / 1024:.1f} MB |")
    for steps in (10, 100, 1000, 10000):
        path = os.path.join(work, f"long-{steps}.yaml")
        write_long_routine(path, steps)
        wall, _, rss = median_run([psoas, "check", path], env, 20 if steps <= 1000 else 5, 1)
        print(f"| `psoas check` | {steps} steps | {wall * 1000:.1f} ms | {wall / steps * 1e6:.0f} µs | {rss / 1024:.1f} MB |")

    print("\n## Pictures (target: `card --format pdf` of the longest built-in under 300 ms)\n")
    print("| command | median | peak RSS | target |\n|---|---|---|---|")
    pdf = os.path.join(work, "wall.pdf")
    for label, argv, target in [
            ("psoas card psoas-release --format pdf", [psoas, "card", "psoas-release", "--format", "pdf", "-o", pdf], 0.3),
            ("psoas card psoas-release --format png", [psoas, "card", "psoas-release", "--format", "png", "-o",
                                                       os.path.join(work, "wall.png")], None),
            ("psoas figure pigeon", [psoas, "figure", "pigeon"], None)]:
        wall, _, rss = median_run(argv, env, 20, 2)
        verdict = "" if target is None else ("met" if wall <= target else f"MISSED ({target * 1000:.0f} ms)")
        print(f"| `{label}` | {wall * 1000:.1f} ms | {rss / 1024:.1f} MB | {verdict} |")

    audio_track(psoas, work, env)

    print("\n## The runner, on a pseudo-terminal (80×24 unless it says)\n")
    print("| routine | speed | planned | late by | CPU | CPU per minute of countdown | bytes written | per minute | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    one_minute = os.path.join(work, "one-minute.yaml")
    with open(one_minute, "w") as out:
        out.write("title: One minute\nsteps:\n  - {name: Reach, hold: 20s, sides: both, cues: [Breathe]}\n"
                  "  - {name: Fold, hold: 15s}\n")  # 20 + 5 (switch) + 20 + 15 = 60 s
    ten_minutes = os.path.join(work, "ten-minutes.yaml")
    with open(ten_minutes, "w") as out:
        out.write("title: Ten minutes\nsteps:\n"
                  "  - {name: Reach, hold: 1m, sides: both, reps: 2, rest: 10s, prepare: 10s}\n"
                  "  - {name: Fold, hold: 2m, reps: 2, rest: 15s}\n"
                  "  - {name: Lunge, hold: 45s, sides: both, switch: 15s}\n"
                  "  - {name: Rest, hold: 20s}\n")  # 10+60+10+60+5+60+10+60 + 120+15+120 + 45+15+45 + 20 = 655 s
    # The same minute with a figure on every step, at a size that shows it, and without.
    with_figures = os.path.join(work, "one-minute-figures.yaml")
    with open(with_figures, "w") as out:
        out.write("title: One minute\nsteps:\n"
                  "  - {name: Reach, hold: 20s, sides: both, cues: [Breathe], figure: kneeling-lunge}\n"
                  "  - {name: Fold, hold: 15s, figure: childs-pose}\n")
    cases = [("60 s", one_minute, 1, 60.0, (80, 24)), ("10 min 55 s", ten_minutes, 60, 655.0, (80, 24)),
             ("60 s at 120×40", one_minute, 1, 60.0, (120, 40)),
             ("60 s at 120×40, figures", with_figures, 1, 60.0, (120, 40))]
    if not args.quick:
        cases.append(("10 min 55 s", ten_minutes, 1, 655.0, (80, 24)))
    for label, path, speed, planned, (columns, rows) in cases:
        wall, cpu, rss, written, status = run_on_pty(
            [psoas, "run", path, "--yes", "--quiet", "--no-log", "--speed", str(speed)], env,
            os.path.join(work, "report"), columns, rows)
        countdown_minutes = planned / speed / 60
        print(f"| {label} | {speed} | {planned / speed:.1f} s | {(wall - planned / speed) * 1000:.1f} ms "
              f"| {cpu:.3f} s | {cpu / countdown_minutes:.4f} s | {written} | {written / countdown_minutes:.0f} "
              f"| {rss / 1024:.1f} MB |")
        if status != 0:
            print(f"(the run exited with {status})")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
