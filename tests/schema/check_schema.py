"""Checks the routine JSON Schema against routine files.

Every built-in routine and every valid test routine must pass it; every
invalid test routine whose first line is `# schema: invalid` (a fault the
schema can judge) must fail it. Usage: check_schema.py SCHEMA ROUTINES TESTS
"""
import pathlib
import sys

import jsonschema
import yaml


def load(path):
    with open(path, "rb") as stream:
        return yaml.safe_load(stream)


def main(schema_path, routines, corpus):
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

    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"schema: {len(valid)} valid routines pass, {judged} invalid ones fail")
    if judged < 30:
        print("schema: fewer invalid routines judged than expected", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
