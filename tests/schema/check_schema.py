"""Checks the routine JSON Schema against routine files.

Every built-in routine and every valid test routine must pass it; every
invalid test routine whose first line is `# schema: invalid` (a fault the
schema can judge) must fail it. Given psoas itself, every duration of a
list of edge cases and random ones must be judged by the schema as psoas
judges it. Usage: check_schema.py SCHEMA ROUTINES TESTS [PSOAS]
"""
import json
import pathlib
import random
import subprocess
import sys
import tempfile

import jsonschema
import yaml


def load(path):
    with open(path, "rb") as stream:
        return yaml.safe_load(stream)


def duration_candidates():
    """Durations at the edges of every form, and random strings built from their characters."""
    edges = [
        "0", "1", "45", "086400", "86400", "86401", "0s", "00s", "45s", "86400s", "86401s",
        "1m", "2m", "1m30s", "1m59s", "1m60s", "1m005s", "1439m59s", "1440m", "1440m0s", "1440m1s", "1441m",
        "1h", "1h5m", "1h30s", "1h59m59s", "1h60m", "23h59m59s", "24h", "24h0m", "24h00m00s", "24h1s", "25h",
        "0h0m0s", "1:30", "0:45", "1:2", "1:60", "0:00", "1439:59", "1440:00", "1440:01", "1:02:03",
        "23:59:59", "24:00:00", "24:00:01", "0:00:00", "1:2:3", "1:02:3", "1:02:03:04", "1s1m", "1m1h",
        "1h1h", "h", "m", "s", "1", "1ms", "1.5m", "-5s", " 45s", "45s ", "\t0s ", "45 s", "30 secs", "abc", "",
        ":30", "1:", "１", "4５s",
    ]
    rng = random.Random(2026)
    alphabet = "0123456789hms:"
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(600)]
    return edges + randoms


def check_durations(validator, psoas):
    """Each duration as a hold (more than zero) and as a rest (zero allowed), judged by both."""
    cases = []
    for text in duration_candidates():
        quoted = json.dumps(text, ensure_ascii=False)  # a YAML string whatever it looks like
        cases.append((f"hold {quoted}", f"title: T\nsteps:\n  - name: S\n    hold: {quoted}\n"))
        cases.append((f"rest {quoted}", f"title: T\nsteps:\n  - name: S\n    hold: 1\n    reps: 2\n    rest: {quoted}\n"))
    for number in (0, 1, 86400, 86401):
        cases.append((f"hold {number}", f"title: T\nsteps:\n  - name: S\n    hold: {number}\n"))
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, (_, text) in enumerate(cases):
            path = pathlib.Path(folder, f"d{index}.yaml")
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        result = subprocess.run([psoas, "check", "--json", *files], capture_output=True, text=True, check=False)
        verdicts = [entry["valid"] for entry in json.loads(result.stdout)["files"]]
        for (what, text), path, by_psoas in zip(cases, files, verdicts):
            by_schema = validator.is_valid(load(path))
            if by_schema != by_psoas:
                failures.append(f"duration {what}: psoas says {'valid' if by_psoas else 'invalid'}, "
                                f"the schema {'valid' if by_schema else 'invalid'}")
    if not failures:
        print(f"schema: {len(cases)} durations judged as psoas judges them")
    return failures


def main(schema_path, routines, corpus, psoas=None):
    schema = load(schema_path)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = []

    valid = sorted(pathlib.Path(routines).glob("*.yaml")) + sorted(pathlib.Path(corpus, "valid").glob("*.y*ml"))
    for path in valid:
        errors = [error.message for error in validator.iter_errors(load(path))]
        if errors:
            failures.append(f"{path}: should pass the schema, but: {errors[0]}")

    judged = 0
    for path in sorted(pathlib.Path(corpus, "invalid").glob("*.yaml")):
        with open(path, "rb") as stream:
            if stream.readline().strip() != b"# schema: invalid":
                continue
        judged += 1
        if validator.is_valid(load(path)):
            failures.append(f"{path}: should fail the schema, but passes")

    if psoas:
        failures += check_durations(validator, psoas)

    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"schema: {len(valid)} valid routines pass, {judged} invalid ones fail")
    if judged < 30:
        print("schema: fewer invalid routines judged than expected", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
