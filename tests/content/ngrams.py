"""No run of 8 or more words is shared between psoas's own text and a source article.

The built-in routines, the README and the man page are written in psoas's
own words; the articles they are based on (the "seeds") are only sources.
This reads every routines/*.yaml (its raw text, comments included, and each
of its YAML strings), README.md and man/psoas.1 (roff macros stripped
crudely), normalises the words (lowercase; letters, digits and apostrophes
only) and fails, listing each shared 8-gram with its file and its seed, when
any 8 consecutive words also occur in a seed.

Usage: ngrams.py SOURCE_ROOT SEEDS_FOLDER
"""
import os
import pathlib
import re
import sys

import yaml

N = 8

# mdoc macros that may stand first on a line or be called inside one.
MDOC_MACROS = set(
    "Ac Ad An Ao Ap Aq Ar At Bc Bd Bf Bk Bl Bo Bq Brc Bro Brq Bsx Bt Bx Cd Cm D1 Db Dc Dd Dl Do Dq Dt "
    "Dv Dx Ec Ed Ef Ek El Em En Eo Er Es Ev Ex Fa Fc Fd Fl Fn Fo Fr Ft Fx Hf Ic In It Lb Li Lk Lp Ms Mt "
    "Nd Nm No Ns Nx Oc Oo Op Os Ot Ox Pa Pc Pf Po Pp Pq Qc Ql Qo Qq Re Rs Rv Sc Sh Sm So Sq Ss St Sx Sy "
    "Ta Tn Ud Ux Va Vt Xc Xo Xr".split()
)

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text):
    """Lowercase words of letters, digits and inner apostrophes; everything else separates."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return WORD.findall(text)


def ngrams(tokens):
    return {tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1)}


def strip_roff(text):
    """Crudely turns roff/mdoc into running text: macro names, escapes and comments go."""
    out = []
    for line in text.splitlines():
        if line.startswith('.\\"') or line.startswith("'\\\""):
            continue
        line = re.sub(r"\\\([A-Za-z]{2}", " ", line)   # \(em, \(md
        line = re.sub(r"\\\[[^\]]*\]", " ", line)      # \[em]
        line = re.sub(r"\\f[BIRP]", "", line)          # font changes
        line = line.replace("\\&", "").replace("\\e", "\\").replace("\\-", "-")
        if line.startswith(".") or line.startswith("'"):
            line = " ".join(token for token in line[1:].split() if token not in MDOC_MACROS)
        out.append(line)
    return "\n".join(out)


def yaml_strings(node):
    """Every string in a parsed YAML document, keys and values."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from yaml_strings(key)
            yield from yaml_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from yaml_strings(item)


def texts_of(root):
    """(name shown, list of texts) for every file of psoas's own words."""
    files = []
    for path in sorted((root / "routines").glob("*.yaml")):
        raw = path.read_text(encoding="utf-8")
        texts = [raw]
        try:
            texts.extend(yaml_strings(yaml.safe_load(raw)))
        except yaml.YAMLError as error:
            print(f"{path}: not YAML ({error}); checking its raw text only", file=sys.stderr)
        files.append((path.relative_to(root), texts))
    readme = root / "README.md"
    files.append((readme.relative_to(root), [readme.read_text(encoding="utf-8")]))
    man = root / "man" / "psoas.1"
    files.append((man.relative_to(root), [strip_roff(man.read_text(encoding="utf-8"))]))
    return files


def main(argv):
    if len(argv) != 3:
        print("usage: ngrams.py SOURCE_ROOT SEEDS_FOLDER", file=sys.stderr)
        return 2
    root, seeds_folder = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    if not seeds_folder.is_dir():
        # A clone on its own has no seeds: skipped, loudly, unless CI asks for the check.
        required = os.environ.get("PSOAS_REQUIRE_SEEDS") == "1"
        print(f"ngrams: {'FAILED' if required else 'SKIPPED'}: the seeds folder {seeds_folder} does not "
              "exist; the check needs the source articles to compare with", file=sys.stderr)
        return 1 if required else 77
    seeds = sorted(path for path in seeds_folder.iterdir() if path.is_file())
    if not seeds:
        print(f"ngrams: the seeds folder {seeds_folder} holds no files", file=sys.stderr)
        return 1
    seed_grams = {}
    for seed in seeds:
        text = seed.read_text(encoding="utf-8", errors="replace")
        for gram in ngrams(words(text)):
            seed_grams.setdefault(gram, []).append(seed.name)

    shared = []
    for name, texts in texts_of(root):
        found = set()
        for text in texts:
            found |= {gram for gram in ngrams(words(text)) if gram in seed_grams}
        for gram in sorted(found):
            for seed in seed_grams[gram]:
                shared.append(f"{name}: \"{' '.join(gram)}\" is also in {seed}")

    if shared:
        print(f"{len(shared)} run(s) of {N} words shared with the sources; say it in your own words:")
        for line in shared:
            print(f"  {line}")
        return 1
    print(f"ngrams: no run of {N} words shared with {len(seeds)} source(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
