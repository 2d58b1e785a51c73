"""Writing xlsx files: atomic replacement of the target (whole or not at all) and the cell styles and helpers
shared by the sheets of the control-indicator workbook."""
from __future__ import annotations

import math
import os
import tempfile
from copy import copy
from typing import Callable, Optional

import numpy as np
import pandas as pd

from ..errors import InputError

__all__ = ["check_not_locked", "write_atomic", "Styles", "cell_value", "page_setup", "title_row", "two_row_header",
           "note_row", "style_key", "style_cell", "write_rows", "reason_runs", "merge_reasons"]

# ------------------------------------------------------------------------------------ atomic writing
def check_not_locked(path: str) -> None:
    """Refuse a target that an office program holds open (LibreOffice / Excel lock files beside it)."""
    folder, name = os.path.split(os.path.abspath(path))
    for lock, app in ((f".~lock.{name}#", "LibreOffice"), (f"~${name}", "Excel"), (f"~${name[2:]}", "Excel")):
        if len(lock) > 2 and os.path.exists(os.path.join(folder, lock)):
            raise InputError("E_FILE_LOCKED", path=path, app=app, lock=lock)


def write_atomic(path: str, writer: Callable[[str], None]) -> str:
    """Call ``writer(tmp)`` for a temporary file beside ``path``, then move it onto ``path``.

    The target is untouched and no temporary file is left behind if anything fails.
    """
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise InputError("E_WRITE", path=path, reason="目录不存在 / folder does not exist")
    if os.path.isdir(path):
        raise InputError("E_WRITE", path=path, reason="目标是一个文件夹 / the target is a folder")
    if not os.access(folder, os.W_OK):
        raise InputError("E_WRITE", path=path, reason="目录不可写 / folder is not writable")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise InputError("E_WRITE", path=path, reason="文件只读 / the file is read-only")
    check_not_locked(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".zutuan-", suffix=os.path.splitext(path)[1], dir=folder)
        os.close(fd)
    except OSError as err:
        raise InputError("E_WRITE", path=path, reason=str(err)) from None
    try:
        writer(tmp)
        _copy_mode(tmp, path)
        os.replace(tmp, path)
    except PermissionError as err:
        _unlink(tmp)
        raise InputError("E_FILE_LOCKED", path=path, app="?", lock=str(err)) from None
    except OSError as err:
        _unlink(tmp)
        raise InputError("E_WRITE", path=path, reason=str(err)) from None
    except BaseException:
        _unlink(tmp)
        raise
    return path


def _copy_mode(tmp, path):
    """mkstemp makes 0600 files: give the result the target's mode, or the usual one (0666 minus umask)."""
    if os.name != "posix":
        return
    if os.path.exists(path):
        mode = os.stat(path).st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _unlink(p):
    try:
        os.unlink(p)
    except OSError:
        pass


# ------------------------------------------------------------------------------------------ styles
class Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.font = Font(name="SimSun", size=10)
        self.bold = Font(name="SimSun", size=10, bold=True)
        self.title = Font(name="SimHei", size=14, bold=True)
        self.note = Font(name="SimSun", size=9, italic=True)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center")
        self.wrap = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.head_fill = PatternFill("solid", fgColor="D9E1F2")
        self.unit_fill = PatternFill("solid", fgColor="F2F2F2")
        self.cluster_fill = PatternFill("solid", fgColor="E2EFDA")
        self.total_fill = PatternFill("solid", fgColor="FFF2CC")
        self.reason = Font(name="SimSun", size=9, color="595959")
        self.reason_align = Alignment(horizontal="center", vertical="center", wrap_text=True)


def cell_value(v):
    """A cell value, or None for missing (NaN/None/empty) so that the cell stays empty."""
    if v is None:
        return None
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, str):
        return v if v.strip() else None
    if pd.isna(v):
        return None
    return v


def page_setup(ws, header_rows: str, ncols: int):
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"


def title_row(ws, st, text, ncols):
    ws.cell(row=1, column=1, value=text).font = st.title
    ws.cell(row=1, column=1).alignment = st.center
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 26


def two_row_header(ws, st, headers: list[tuple[str, str]], widths: list[float], row: int = 2):
    """Row ``row``: group names merged across equal neighbours; row ``row+1``: sub-names / units."""
    from openpyxl.utils import get_column_letter

    n = len(headers)
    j = 0
    while j < n:
        group, sub = headers[j]
        k = j
        if sub:
            while k + 1 < n and headers[k + 1][0] == group and headers[k + 1][1]:
                k += 1
        for c in range(j, k + 1):
            for r in (row, row + 1):
                cell = ws.cell(row=r, column=c + 1)
                cell.font, cell.alignment, cell.border, cell.fill = st.bold, st.center, st.border, st.head_fill
            if headers[c][1]:
                ws.cell(row=row + 1, column=c + 1, value=headers[c][1])
        ws.cell(row=row, column=j + 1, value=group)
        if not sub:
            ws.merge_cells(start_row=row, start_column=j + 1, end_row=row + 1, end_column=j + 1)
        elif k > j:
            ws.merge_cells(start_row=row, start_column=j + 1, end_row=row, end_column=k + 1)
        j = k + 1
    for c, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = w
    ws.row_dimensions[row].height = 20
    ws.row_dimensions[row + 1].height = 20


def note_row(ws, st, row, text, ncols):
    from openpyxl.utils import get_column_letter

    cell = ws.cell(row=row, column=1, value=text)
    cell.font, cell.alignment = st.note, st.wrap
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    width = sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(1, ncols + 1))
    units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) * 0.9   # CJK characters are double width
    ws.row_dimensions[row].height = 13 * max(1, math.ceil(units / max(width, 1))) + 4


def style_key(v, fmt: str, kind: str, reason_prefix: Optional[str]) -> tuple:
    """The style of a cell holding ``v`` (as :func:`cell_value` gives it) in a column of number format ``fmt`` on a
    row of ``kind``: (kind, number format or None, is a 未赋值 reason). A text starting with ``reason_prefix`` in a
    number column of a plot row (a 未赋值 reason) gets the reason style."""
    number = fmt if fmt != "@" else ("@" if v is not None else None)
    reason = (reason_prefix is not None and kind == "plot" and fmt != "@" and isinstance(v, str)
              and v.startswith(reason_prefix))
    return kind, number, reason


def style_cell(cell, st, key: tuple) -> None:
    """Give a fresh cell the style of ``key`` (:func:`style_key`)."""
    kind, number, reason = key
    fills = {"unit": st.unit_fill, "cluster": st.cluster_fill, "total": st.total_fill}
    cell.border = st.border
    cell.font = st.reason if reason else (st.font if kind == "plot" else st.bold)
    if kind != "plot" and fills.get(kind) is not None:
        cell.fill = fills[kind]
    if reason:
        cell.alignment = st.reason_align
    if number is not None:
        cell.number_format = number


def write_rows(ws, st, rows: list[list], fmts: list[str], kinds: list[str], start: int,
               reason_prefix: Optional[str] = None):
    """Append ``rows`` (lists of values) from row ``start``; ``kinds`` per row: plot/unit/cluster/total.

    Styles by :func:`style_key`. Each distinct style is built once and copied onto the other cells (assigning
    fonts and borders cell by cell hashes the style objects every time: the slow part of a large table).
    """
    cache: dict = {}
    r = start
    for values, kind in zip(rows, kinds):
        for c, (v, fmt) in enumerate(zip(values, fmts), start=1):
            v = cell_value(v)
            cell = ws.cell(row=r, column=c, value=v) if v is not None else ws.cell(row=r, column=c)
            key = style_key(v, fmt, kind, reason_prefix)
            if key in cache:
                cell._style = copy(cache[key])
                continue
            style_cell(cell, st, key)
            cache[key] = copy(cell._style)
        r += 1
    return r


def reason_runs(rows: list[list], fmts: list[str], kinds: list[str], prefix: str):
    """(row position, first column, last column), 1-based columns: on plot rows, the runs of neighbouring
    number-column cells holding the same reason (text starting with ``prefix``), merged so that a reason is read
    once per plot."""
    for k, (values, kind) in enumerate(zip(rows, kinds)):
        if kind != "plot":
            continue
        c = 0
        while c < len(values):
            v = values[c]
            e = c
            if isinstance(v, str) and v.startswith(prefix) and fmts[c] != "@":
                while e + 1 < len(values) and values[e + 1] == v and fmts[e + 1] != "@":
                    e += 1
            if e > c:
                yield k, c + 1, e + 1
            c = e + 1


def merge_reasons(ws, rows: list[list], fmts: list[str], kinds: list[str], start: int, prefix: str) -> int:
    """Merge the :func:`reason_runs` of ``rows`` written from row ``start``. Returns the number of merged ranges."""
    merged = 0
    for k, first, last in reason_runs(rows, fmts, kinds, prefix):
        _merge(ws, start + k, first, last)
        merged += 1
    return merged


def _merge(ws, row: int, first: int, last: int) -> None:
    """Merge columns ``first``–``last`` of ``row``. ``ws.merge_cells`` scans every existing range for overlaps
    (quadratic over thousands of plot rows) and rebuilds borders cell by cell; these runs never overlap and their
    cells are already styled, so the range goes straight into the set and the covered cells keep their style."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    ws.merged_cells.ranges.add(MergedCellRange(ws, f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"))
    for col in range(first + 1, last + 1):
        covered = MergedCell(ws, row=row, column=col)
        covered._style = copy(ws._cells[(row, col)]._style)
        ws._cells[(row, col)] = covered
