"""The README's examples run: every ```python block (each on its own, in a temporary folder;
a block whose first line is ``# not run`` is skipped, e.g. one that needs GDELT files), and
every ``tension ...`` command in its ```bash blocks parses with the real command line."""

from __future__ import annotations

import re
import shlex
import warnings
from pathlib import Path

import pytest

from tension.cli.main import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [(text[:m.start()].count("\n") + 1, m.group(2)) for m in FENCE.finditer(text) if m.group(1) == language]


PYTHON = blocks("python")
RUNNABLE = [(line, code) for line, code in PYTHON if not code.lstrip().startswith("# not run")]


def test_the_readme_has_examples_and_most_run():
    assert len(PYTHON) >= 8
    assert len(RUNNABLE) >= len(PYTHON) - 3  # "# not run" stays the exception


def test_first_block_keeps_the_two_commands():
    first = README.read_text(encoding="utf-8").split("```bash\n", 1)[1].splitlines()
    assert first[0].startswith("pip install -e '.[all]' && tension demo")
    assert first[1].startswith("pip install -e '.[test]' && pytest")


@pytest.mark.parametrize("line, code", RUNNABLE, ids=[f"line {line}" for line, _ in RUNNABLE])
def test_python_block_runs(line, code, tmp_path, monkeypatch):
    if "plot_series" in code or "report(" in code:  # charts need the plot extra
        pytest.importorskip("matplotlib").use("Agg")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": f"readme_block_{line}"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, f"README.md, block at line {line}", "exec"), namespace)
    if "matplotlib.pyplot" in __import__("sys").modules:
        __import__("matplotlib.pyplot").pyplot.close("all")


def commands() -> list[tuple[int, list[str]]]:
    found = []
    for line, code in blocks("bash"):
        for offset, text in enumerate(code.splitlines()):
            text = text.split(" #", 1)[0].strip()
            for part in re.split(r"\|\|?|&&", text):
                words = shlex.split(part.split(">", 1)[0])
                if words and words[0] == "tension":
                    found.append((line + offset + 1, words[1:]))
    return found


@pytest.mark.parametrize("line, argv", commands(), ids=[f"line {line}" for line, _ in commands()])
def test_bash_command_parses(line, argv):
    parser = build_parser()
    args = parser.parse_args(argv)  # a wrong option or value exits 2 and fails the test
    assert argv[0].startswith("-") or args.command == argv[0]
