"""The screen and compare commands, run as the installed ``tamis`` program.

The store is a real SQLite file holding real list files (UN, OFAC non-SDN,
Canada, DoD), so the commands do not load every bundled list.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TAMIS = str(Path(sys.executable).parent / "tamis")
IMPORTS = {"un": "un", "ofac_cons": "ofac_cons", "canada": "canada_sema", "dod": "dod_ccmc"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "TAMIS_HOME": str(home)}
    env.pop("TAMIS_DATABASE_URL", None)
    script = (
        "from pathlib import Path\n"
        "from tamis.store import open_store\n"
        "store = open_store()\n"
        f"for source, directory in {IMPORTS!r}.items():\n"
        f"    store.import_source(source, Path({str(DATA / 'lists')!r}) / directory)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=600)
    return home


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TAMIS_HOME": str(home)}
    env.pop("TAMIS_DATABASE_URL", None)
    return subprocess.run(
        [TAMIS, *args], input=stdin, capture_output=True, text=True, env=env, timeout=600
    )


def test_screen_huawei_json(home):
    result = run(home, "screen", "Huawei Technologies", "--json", "--explain")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    cmic = [h for h in hits if "ofac_cons" in h["lists"]]
    assert cmic and cmic[0]["caption"] == "HUAWEI TECHNOLOGIES CO., LTD."
    assert "CMIC-EO13959" in cmic[0]["programs"]
    assert cmic[0]["listed_on"] == "2021-06-03"
    assert cmic[0]["explanations"][0]["feature"] == "name"


def test_screen_xiaomi_as_of(home):
    before = run(home, "screen", "Xiaomi", "--as-of", "2021-03-01", "--json")
    assert before.returncode == 0, before.stderr
    assert [h["caption"] for h in json.loads(before.stdout)][:1] == ["Xiaomi Corporation"]
    after = run(home, "screen", "Xiaomi", "--as-of", "2021-06-01")
    assert after.returncode == 0, after.stderr
    assert "No hit" in after.stdout
    assert "ZHANG" not in after.stdout


def test_screen_putin_in_cyrillic_with_explanations(home):
    result = run(home, "screen", "Владимир Путин", "--explain")
    assert result.returncode == 0, result.stderr
    assert "PUTIN" in result.stdout
    assert "Name '" in result.stdout


def test_screen_common_words_raise_nothing(home):
    for word in ("CORP", "Bank"):
        result = run(home, "screen", word, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "   "], "empty"),
        (["screen", "Putin", "--birth-date", "2021-02-30"], "does not exist"),
        (["screen", "Putin", "--schema", "Spaceship"], "unknown schema"),
        (["screen", "Putin", "--algorithm", "nope"], "unknown algorithm"),
        (["screen", "Putin", "--threshold", "2"], "between 0 and 1"),
    ],
)
def test_screen_bad_input_exits_2(home, args, message):
    result = run(home, *args)
    assert result.returncode == 2
    assert message in result.stderr


def _pairs(n: int) -> str:
    lines = (DATA / "eval" / "name_bench.jsonl").read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[:n]) + "\n"


def test_compare(home):
    result = run(home, "compare", stdin=_pairs(3))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["nb-0", "nb-4", "nb-7"]
    assert all(set(r) == {"id", "score", "match"} for r in rows)
    assert rows[0]["match"] is True  # Olaf Scholze ~ Olaf Scholz
    assert rows[1]["match"] is False  # Angelo Mercaz ~ Angela Merkel


def test_compare_explain_and_algorithm(home):
    result = run(home, "compare", "--explain", "--algorithm", "ofac-sls", stdin=_pairs(1))
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["explanations"] and row["explanations"][0]["feature"] == "ofac_name"


def test_compare_bad_line_names_the_line(home):
    result = run(home, "compare", stdin=_pairs(1) + "{not json\n")
    assert result.returncode == 2
    assert "line 2" in result.stderr
    missing = run(home, "compare", stdin='{"id": "x", "query": {"schema": "Person"}}\n')
    assert missing.returncode == 2
    assert "line 1" in missing.stderr
