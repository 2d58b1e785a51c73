"""Registry-wide checks of every algorithm of the provider (ids, constants, help, groups)."""
import re

import pytest
from qgis.core import QgsApplication

from conftest import PLUGIN  # noqa: F401  (the plugin is loaded by conftest)

CJK = re.compile(r"[\u4e00-\u9fff]")


def _algorithms():
    provider = QgsApplication.processingRegistry().providerById("zutuan")
    assert provider is not None
    return sorted(provider.algorithms(), key=lambda a: a.name())


def test_provider_has_algorithms():
    assert len(_algorithms()) >= 2


@pytest.mark.parametrize("alg", _algorithms(), ids=lambda a: a.name())
def test_algorithm_contract(alg):
    cls = type(alg)
    assert re.fullmatch(r"[a-z][a-z0-9]*", alg.name()), "ids are lowercase alphanumeric and stable forever"
    assert alg.groupId() in {"layout", "controls", "review", "export", "feasibility", "monitoring", "models"}
    assert CJK.search(alg.displayName()), "display names are Chinese first"
    help_text = alg.shortHelpString()
    assert CJK.search(help_text) and re.search(r"[A-Za-z]{4,} [a-z]+ [a-z]+", help_text), "help in Chinese and English"
    assert type(alg.createInstance()) is cls
    names = [p.name() for p in alg.parameterDefinitions()] + [o.name() for o in alg.outputDefinitions()]
    assert names, "an algorithm without parameters?"
    if alg.groupId() != "models":  # models are .model3 files: their parameter names are checked by their help
        for name in names:
            assert getattr(cls, name, None) == name, f"{cls.__name__}.{name} constant missing or different"
    for p in alg.parameterDefinitions():
        assert p.help(), f"parameter {p.name()} has no help"
        assert CJK.search(p.description()), f"parameter {p.name()} description is not Chinese"
