"""The files bench/run.py measures psoas on: routines, a long routine, histories.

Everything here is generated from a fixed seed, so two runs of the benchmarks
read the same bytes.
"""
import json
import os
import random
import time

# Steps like those of the built-in routines (routines/*.yaml): a figure, a
# get-ready time, a hold, sides, setup lines, cues, a source and a caution.
STEPS = [
    {"name": "Kneeling hip flexor stretch", "figure": "kneeling-lunge", "sides": "both", "side-label": "kneeling leg",
     "prepare": "10s", "switch": "10s", "hold": "30s",
     "source": "Lunge: sources 000 and 001. 30 s: source 001",
     "setup": ["Kneel on the leg shown, a cushion under that knee.", "Other foot flat in front, knee over the ankle.",
               "Tuck your tailbone under and squeeze the back buttock.", "Shift your weight forward a little."],
     "cues": ["Back flat, not arched", "Stretch at the front of the hip", "Breathe out and ease forward"],
     "caution": "Keep the front knee over the ankle; stop if the kneeling knee hurts."},
    {"name": "Butterfly", "figure": "butterfly", "prepare": "10s", "hold": "45s",
     "source": "Pose: source 002. 45 s: program's choice",
     "setup": ["Sit tall, soles of the feet together.", "Hold your ankles, heels drawn in as far as is easy.",
               "Let the knees fall toward the floor."],
     "cues": ["Sit up tall", "Knees sink slowly", "Slow breaths"]},
    {"name": "Butterfly forward lean", "figure": "butterfly-lean", "prepare": "5s", "hold": "30s", "reps": 2,
     "rest": "10s", "source": "Lean: source 002. 30 s: source 002's minimum",
     "setup": ["From butterfly, hinge forward from the hips.", "Keep the back long; elbows may rest on the knees."],
     "cues": ["Lead with the chest", "Do not round the back", "Breathe into the hips"],
     "caution": "Press the knees down with the elbows only gently, never by force."},
    {"name": "Bridge", "figure": "bridge", "prepare": "10s", "hold": "30s", "reps": 3, "rest": "15s",
     "source": "Setup: source 000. 3 holds: program's choice",
     "setup": ["Lie on your back, feet flat and hip-width apart.", "Arms by your sides, palms down.",
               "Lift the hips until knees, hips and shoulders line up."],
     "cues": ["Weight even in both feet", "Knees point ahead", "Keep breathing"],
     "caution": "If a knee drifts in or out, lower a little and line it up again."},
    {"name": "Pigeon pose", "figure": "pigeon", "sides": "both", "side-label": "back leg", "prepare": "15s",
     "switch": "15s", "hold": "45s", "source": "Pose: source 000. 45 s: program's choice",
     "setup": ["From all fours, bring one knee forward behind that wrist.", "Slide the other leg straight back.",
               "Square the hips and sit tall on your hands."],
     "cues": ["Hips level", "Front foot flexed", "Soften as you breathe out"],
     "caution": "If the front knee complains, bring that foot in closer or pad under the hip."},
    {"name": "Pigeon forward fold", "figure": "pigeon-fold", "sides": "both", "side-label": "back leg",
     "prepare": "5s", "switch": "15s", "hold": "45s", "source": "Fold: source 000. 45 s: program's choice",
     "setup": ["Stay in pigeon.", "Walk your hands forward and lower onto the forearms."],
     "cues": ["Fold from the hips", "Shoulders soft", "Sink a little with each breath"]},
    {"name": "Cobra", "figure": "cobra", "prepare": "10s", "hold": "20s", "reps": 3, "rest": "10s",
     "source": "Pose: source 003. 20 s: program's choice",
     "setup": ["Lie face down, hands under the shoulders.", "Press up slowly, hips staying on the mat."],
     "cues": ["Shoulders away from the ears", "Long neck", "Hips heavy"],
     "caution": "Come up only as far as the lower back is comfortable."},
    {"name": "Child's pose", "figure": "childs-pose", "prepare": "5s", "hold": "1m",
     "source": "Rest: source 003. 1 min: program's choice",
     "setup": ["Kneel, big toes together, knees apart.", "Sit back on your heels and fold forward.",
               "Rest your forehead on the mat or a cushion."],
     "cues": ["Let the back round", "Slow, deep breaths", "Arms long or by your sides"]},
    {"name": "Seated hip stretch", "figure": "seated-lean", "sides": "both", "side-label": "crossed leg",
     "prepare": "10s", "switch": "10s", "hold": "30s", "min-hold": "30s",
     "source": "Stretch: source 001. 30 s: source 001",
     "setup": ["Sit on the front of a chair, feet flat.", "Cross one ankle over the other knee.",
               "Lean forward with a long spine."],
     "cues": ["Long spine", "Lean from the hips", "Easy breathing"]},
    {"name": "March on the spot", "figure": "march", "prepare": "5s", "hold": "2m",
     "source": "Warm-up: sources 000 and 001. 2 min: program's choice",
     "setup": ["Stand up and march on the spot.", "Swing your arms.", "Lift the knees a little higher as you warm."],
     "cues": ["Easy pace", "Shoulders loose", "Breathe"]},
    {"name": "Straight leg raise", "figure": "leg-raise", "sides": "both", "side-label": "lifted leg",
     "prepare": "10s", "switch": "10s", "hold": "10s", "reps": 5, "rest": "5s",
     "source": "Raise: source 004. 10 s holds: program's choice",
     "setup": ["Lie on your back, one knee bent, that foot flat.", "Lift the straight leg to the other knee's height."],
     "cues": ["Thigh muscles tight", "Lower back stays down", "Breathe out as you lift"],
     "caution": "Lower the leg slowly; do not let it drop."},
    {"name": "Foam roller", "figure": "foam-roller", "sides": "both", "side-label": "rolled hip", "prepare": "15s",
     "switch": "15s", "hold": "1m", "source": "Rolling: source 005. 1 min: program's choice",
     "setup": ["Lie face down, the roller under the front of one hip.", "Forearms on the floor take some weight.",
               "Roll slowly a few centimetres up and down."],
     "cues": ["Slow rolls", "Pause on a tender spot", "Keep breathing"],
     "caution": "Never roll over the bony front of the pelvis or the belly."},
]

CAUTIONS = [
    "Warm up first with a few minutes of easy movement.",
    "Breathe slowly and steadily; never hold your breath.",
    "Move slowly and stay in control, with no bouncing or jerking.",
    "Stretch only to a mild, comfortable pull; sharp pain means stop.",
    "See a doctor or physiotherapist before you start if you have had an injury or surgery.",
    "\"If your hip clicks or snaps, see a clinician before you go on: stretching it may make it worse.\"",
    "Use a mat or another soft surface under your knees and back.",
    "Stretch after a workout or as a session of its own, not before sport.",
    "Stop if you feel dizzy, numb or tingling.",
]

NOTES = [
    "The setups follow sources 000 and 001; the hold times are this program's choice unless a step says otherwise.",
    "\"How often: source 000 makes stretching part of a daily routine.\"",
    "The side shown is the leg that is stretched; every two-sided step starts on the left.",
    "Rests between holds are short, to keep the muscles warm.",
    "The order goes from easy to deeper stretches, ending on a rest.",
]

TAGS = ["hips", "psoas", "stretch", "yoga", "desk", "quick", "strength", "evening", "morning", "release"]


def yaml_text(value):
    """A scalar as YAML: as it is, or double-quoted when it could be read as something else."""
    text = str(value)
    if text.startswith('"'):
        return text
    if any(c in text for c in ":#{}[],&*!|>'\"%@`") or text[0] in "-?":
        return json.dumps(text)
    return text


def routine_text(name, rng):
    """One routine file in the built-ins' block style, with 5 to 10 steps."""
    lines = [f"# {name}: generated for the benchmarks.", f"name: {name}",
             f"title: Hip routine {name.rsplit('-', 1)[-1]}", "summary: >",
             "  A generated routine like the built-in ones: a short warm-up, stretches for",
             "  the front of the hips held on each side, and a rest at the end.", "tags:"]
    lines += [f"  - {tag}" for tag in rng.sample(TAGS, 3)]
    lines += ["often: daily", "equipment:", "  - mat", "  - cushion", "cautions:"]
    lines += [f"  - {yaml_text(c)}" for c in rng.sample(CAUTIONS, rng.randint(6, 9))]
    lines += ["notes:"] + [f"  - {yaml_text(n)}" for n in rng.sample(NOTES, rng.randint(3, 5))]
    lines += ["steps:"]
    for step in rng.sample(STEPS, rng.randint(5, 10)):
        lines.append(f"  - name: {yaml_text(step['name'])}")
        for key in ("figure", "sides", "side-label", "prepare", "switch", "hold", "min-hold", "reps", "rest", "source"):
            if key in step:
                lines.append(f"    {key}: {yaml_text(step[key])}")
        for key in ("setup", "cues"):
            lines.append(f"    {key}:")
            lines += [f"      - {yaml_text(line)}" for line in step[key]]
        if "caution" in step:
            lines.append(f"    caution: {yaml_text(step['caution'])}")
        lines.append("")
    return "\n".join(lines)


def write_routines(folder, count, seed=17):
    """count routine files of 5 to 10 steps (about 3 to 6 KB each, like the built-ins) in folder."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        name = f"bench-routine-{i:05}"
        with open(os.path.join(folder, name + ".yaml"), "w") as out:
            out.write(routine_text(name, rng))


def write_long_routine(path, steps):
    """One routine of this many steps, in flow style (85 bytes a step: 10,000 fit in a routine's 1 MiB)."""
    with open(path, "w") as out:
        out.write("title: A long routine\nsteps:\n")
        for i in range(steps):
            out.write(f"  - {{name: Step {i}, hold: 30s, sides: both, reps: 2, rest: 5s, cues: [Breathe out]}}\n")


def write_countdown_routine(path, seconds):
    """A routine whose timeline is exactly `seconds` long, with no get-ready: a two-sided hold
    (with psoas's 5 s switch between the sides) and a one-sided hold."""
    hold = (seconds - 5) // 3
    last = seconds - 5 - 2 * hold
    with open(path, "w") as out:
        out.write(f"title: Countdown of {seconds} s\nsteps:\n"
                  f"  - {{name: Reach, hold: {hold}s, sides: both, cues: [Breathe]}}\n"
                  f"  - {{name: Fold, hold: {last}s}}\n")


def write_reminders(config_home):
    """Three reminders, as a user of `psoas today --short` has them."""
    os.makedirs(os.path.join(config_home, "psoas"), exist_ok=True)
    with open(os.path.join(config_home, "psoas", "reminders.yaml"), "w") as out:
        out.write("reminders:\n"
                  "  - {id: desk-break, routine: desk-break, every: 50m, between: 09:00-17:30, days: mon-fri}\n"
                  "  - {id: pigeon, routine: pigeon-routine, at: ['10:30', '15:00']}\n"
                  "  - {id: bridge, routine: bridge, at: ['08:00'], days: weekends}\n")


def session(i, ended):
    """One finished session, in the shape of `psoas log --json`."""
    def stamp(t):
        return time.strftime("%Y-%m-%dT%H:%M:%S.000+00:00", time.gmtime(t))
    return {"log_format": 1, "id": f"00000000-0000-4000-8000-{i:012}",
            "routine": ("desk-break", "pigeon-routine", "bridge")[i % 3], "title": "t",
            "content_hash": "", "started": stamp(ended - 200), "ended": stamp(ended),
            "planned_seconds": 200, "planned_hold_seconds": 150, "reached_hold_seconds": 150,
            "active_seconds": 200, "paused_seconds": 0, "segments_completed": 5,
            "segments_skipped": 0, "holds": 4, "holds_skipped": 0, "held_left_seconds": 75,
            "held_right_seconds": 75, "held_unsided_seconds": 0, "outcome": "finished",
            "stopped_at_step": None, "stopped_at_segment": None, "stopped_hold_seconds": 0,
            "resumed": 0, "speed": 1, "hold_override_seconds": None, "reps_override": None,
            "fit_seconds": None, "from_step": None, "tightness_left": None,
            "tightness_right": None, "tightness_overall": None}


def write_sessions(path, count, spacing_seconds):
    """count sessions ending every spacing_seconds back from now, as a JSON array for `psoas log --import`."""
    now = time.time()
    with open(path, "w") as out:
        out.write("[")
        for i in range(count):
            out.write(("," if i else "") + json.dumps(session(i, now - i * spacing_seconds)))
        out.write("]")
