"""Reading the shipped standards files: CSV with '#' provenance header lines, YAML with line numbers."""
from __future__ import annotations

import csv
import os
from typing import Any

from ..errors import StandardError_

__all__ = ["STANDARDS_DIR", "standards_path", "read_table", "read_header", "load_yaml_lines"]

#: resources/standards/ of the plugin (the repository root is the plugin folder)
STANDARDS_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources", "standards"))


def standards_path(name: str) -> str:
    """Absolute path of a shipped standards file, or ``name`` itself when it is already a path."""
    if os.path.isabs(name) or os.path.exists(name):
        return name
    return os.path.join(STANDARDS_DIR, name)


def read_header(path: str) -> list[str]:
    """The '#' provenance lines at the top of a standards CSV, without the '# ' prefix."""
    out = []
    with open(standards_path(path), encoding="utf-8-sig") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            out.append(line[1:].strip())
    return out


def read_table(path: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a standards CSV as (file line number, row dict); '#' lines are provenance and skipped."""
    path = standards_path(path)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise StandardError_("E_READ", path=path, reason=str(exc)) from None
    numbered = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise StandardError_("E_STANDARD", path=path, line=1, field="-", reason_zh="文件没有表头",
                             reason_en="the file has no header row")
    reader = csv.reader([ln for _, ln in numbered])
    header = [h.strip() for h in next(reader)]
    rows = []
    for (lineno, _), values in zip(numbered[1:], reader):
        if len(values) != len(header):
            raise StandardError_("E_STANDARD", path=path, line=lineno, field="-",
                                 reason_zh=f"应有 {len(header)} 列，实际 {len(values)} 列",
                                 reason_en=f"expected {len(header)} columns, found {len(values)}")
        rows.append((lineno, {h: v.strip() for h, v in zip(header, values)}))
    return rows


def load_yaml_lines(path: str) -> tuple[Any, dict[tuple, int]]:
    """Parse a YAML file; return (data, {key path tuple: 1-based line}) so messages can name the line."""
    import yaml

    path = standards_path(path)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except OSError as exc:
        raise StandardError_("E_READ", path=path, reason=str(exc)) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise StandardError_("E_STANDARD", path=path, line=line, field="-",
                             reason_zh=f"YAML 语法错误：{problem}", reason_en=f"YAML syntax error: {problem}") from None
    lines: dict[tuple, int] = {}
    if node is None:
        return {}, lines
    constructor = yaml.SafeLoader("")

    def walk(n, keypath):
        lines.setdefault(keypath, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            out = {}
            for k, v in n.value:
                key = constructor.construct_object(k, deep=True)
                key = str(key)
                lines[keypath + (key,)] = k.start_mark.line + 1
                out[key] = walk(v, keypath + (key,))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [walk(v, keypath + (i,)) for i, v in enumerate(n.value)]
        return constructor.construct_object(n, deep=True)

    return walk(node, ()), lines
