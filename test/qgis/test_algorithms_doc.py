"""docs/algorithms.md is generated from the live registry and current; every algorithm's help link lands on it."""
import os
import re
import subprocess

from qgis.core import QgsApplication

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOC = os.path.join(ROOT, "docs", "algorithms.md")
PY = os.path.join(ROOT, ".venv", "bin", "python")


def _generate(path):
    proc = subprocess.run([PY, os.path.join(ROOT, "scripts", "algorithms_doc.py"), "--output", str(path)],
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    return path.read_text(encoding="utf-8")


def test_doc_is_current(tmp_path):
    fresh = _generate(tmp_path / "algorithms.md")
    with open(DOC, encoding="utf-8") as fh:
        current = fh.read()
    assert current == fresh, "docs/algorithms.md is out of date: run .venv/bin/python scripts/algorithms_doc.py"


def test_every_algorithm_documented(plugin):
    with open(DOC, encoding="utf-8") as fh:
        doc = fh.read()
    sections = dict(re.findall(r"^## (\S+)\n(.*?)(?=^## |\Z)", doc, flags=re.M | re.S))
    algs = QgsApplication.processingRegistry().providerById("zutuan").algorithms()
    assert {a.name() for a in algs} == set(sections)
    assert sum(1 for a in algs if hasattr(a, "HELP_ZH")) >= 8
    for alg in algs:
        body = sections[alg.name()]
        assert f"`zutuan:{alg.name()}`" in body
        if hasattr(alg, "HELP_ZH"):  # a ZutuanAlgorithm (the shipped models carry their own help)
            assert alg.helpUrl().endswith(f"/docs/algorithms.md#{alg.name()}"), alg.helpUrl()
            assert alg.HELP_ZH and alg.HELP_ZH in body and alg.HELP_EN in body, alg.name()
        # one table row per visible parameter and per output, in order
        rows = re.findall(r"^\| `([^`]+)` \|", body, flags=re.M)
        params = [p.name() for p in alg.parameterDefinitions() if not p.flags() & p.FlagHidden]
        outputs = [o.name() for o in alg.outputDefinitions()]
        assert rows == params + outputs, (alg.name(), rows)
