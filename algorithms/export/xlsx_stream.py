"""The data rows of a large sheet written as sheet XML of our own and spliced into the workbook openpyxl saves.

openpyxl builds a Cell object per cell and serialises each through lxml: about 12 µs a cell, 30 s for the 2.5 M
cells of 100,000 plots. Here openpyxl still builds everything else — the styles, the title, header and note rows,
their merges, column widths, freeze panes, page setup, print titles and the other sheets — and the data rows
become the XML openpyxl itself would write for them: every cell of a row, styled (``s`` = the style id openpyxl
gives that style, registered in the order its writer would meet the cells), numbers as ``"%.16g"``, text as inline
strings with non-ASCII characters as character references (lxml's output). A value that is not a plain number or plain text
(a text looking like a formula or an error code, with control characters or surrounding spaces; a date, a bool,
an infinite number …) is written by openpyxl's own cell writer. The saved file is, part for part, the one
openpyxl writes from cells, except the order of the <mergeCell> entries (a set in openpyxl).
"""
from __future__ import annotations

import io
import re
import zipfile
from copy import copy
from typing import Optional

from .xlsx import cell_value, merge_reasons, reason_runs, style_cell, style_key, write_rows

__all__ = ["RowWriter", "StreamedRows", "stream_rows", "save_workbook"]

_EMPTY = ' t="n"></c>'
_NUMBER = ' t="n"><v>'
#: characters that make a text "not plain" (written by openpyxl): controls, surrogates, non-characters
_NOT_PLAIN = re.compile("[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHUNK = 2000   # rows per encoded block


class StreamedRows:
    """The data rows of ``ws`` (rows ``start`` … ``end`` - 1) as encoded sheet XML, and their merged ranges."""

    def __init__(self, ws, start: int, end: int, blocks: list[bytes], merges: list[str]):
        self.ws, self.start, self.end, self.blocks, self.merges = ws, start, end, blocks, merges

    def splice(self, xml: bytes) -> tuple[bytes, bytes]:
        """(head, tail) of the sheet XML openpyxl wrote without the data rows: the rows go between the two.

        The rows below them (the notes) are openpyxl's, so its <dimension> already spans the data rows."""
        found = re.search(rb'<row r="%d"[ >]' % self.end, xml)
        at = found.start() if found else xml.index(b"</sheetData>")
        head, tail = xml[:at], xml[at:]
        if self.merges:
            opened = re.search(rb'<mergeCells count="(\d+)">', tail)
            if opened is None:      # data merges need two columns, and then the title row is merged
                raise ValueError("sheet without <mergeCells>: cannot add the merged reason cells")
            close = tail.index(b"</mergeCells>")
            refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in self.merges).encode("ascii")
            count = b'<mergeCells count="%d">' % (int(opened.group(1)) + len(self.merges))
            tail = tail[:opened.start()] + count + tail[opened.end():close] + refs + tail[close:]
        return head, tail


class _StyleIds:
    """Style key (:func:`~.xlsx.style_key`) → the cell style id openpyxl's writer gives it.

    The writer numbers styles as it meets them, sheet by sheet, row by row: the styled cells of the sheets before
    and of the rows above come first, then the data rows' styles in order of first use, so the ids (and
    styles.xml) are those of a workbook of cells. The sheets before must be finished."""

    def __init__(self, ws, st, start: int):
        for sheet in ws.parent.worksheets:
            for (row, _), cell in sorted(sheet._cells.items()):
                if sheet is ws and row >= start:
                    break
                if cell.has_style:
                    cell.style_id                   # noqa: B018  (registers the style, as the writer does)
            if sheet is ws:
                break
        self.ws, self.st, self.ids, self.arrays = ws, st, {}, {}

    def __call__(self, key) -> int:
        sid = self.ids.get(key)
        if sid is None:
            from openpyxl.cell.cell import Cell

            cell = Cell(self.ws)
            style_cell(cell, self.st, key)
            self.arrays[key] = cell._style
            sid = self.ids[key] = cell.style_id
        return sid

    def openpyxl_xml(self, row: int, col: int, value, key) -> str:
        """The XML of one cell as openpyxl's writer makes it (raises what openpyxl raises for a bad value). The
        value is set before the style, as write_rows does: a date sets (and registers) a date format first."""
        from openpyxl.cell._writer import write_cell
        from openpyxl.cell.cell import Cell
        from openpyxl.xml.functions import xmlfile

        cell = Cell(self.ws, row=row, column=col, value=value)
        self(key)
        cell._style = copy(self.arrays[key])
        out = io.BytesIO()
        with xmlfile(out) as xf:
            write_cell(xf, self.ws, cell, cell.has_style)
        return out.getvalue().decode("ascii")


def _text(v: str):
    """(value, XML after the style id) of a text cell; XML None: not plain, written by openpyxl."""
    stripped = v.strip()
    if not stripped:
        return None, _EMPTY                     # blank text: an empty cell (cell_value)
    if stripped != v or v[0] in "=#" or len(v) > 32767 or _NOT_PLAIN.search(v):
        return v, None
    text = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if "&" in v or "<" in v or ">" in v else v
    if not text.isascii():                      # once per distinct text, not once per cell
        text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return v, f' t="inlineStr"><is><t>{text}</t></is></c>'


def _cells(reason_prefix: Optional[str]):
    """cell(v) → (value as :func:`~.xlsx.cell_value` gives it, XML after the style id or None for openpyxl's
    writer, state: 0 empty, 1 a value, 2 a text starting with ``reason_prefix``). The style of a cell
    (:func:`~.xlsx.style_key`) depends on its value only through the state."""
    texts: dict = {}

    def state(v):
        return 0 if v is None else 2 if isinstance(v, str) and reason_prefix and v.startswith(reason_prefix) else 1

    def cell(v):
        t = type(v)
        if t is str:
            hit = texts.get(v)
            if hit is None:
                value, xml = _text(v)
                hit = texts[v] = (value, xml, state(value))
            return hit
        if t is float:
            if v != v:
                return None, _EMPTY, 0
            return (v, f'{_NUMBER}{"%.16g" % v}</v></c>', 1) if v - v == 0 else (v, None, 1)   # inf - inf: NaN
        if v is None:
            return None, _EMPTY, 0
        if t is int:
            return v, f'{_NUMBER}{"%.16g" % v}</v></c>', 1
        v = cell_value(v)
        if type(v) in (float, int, str):            # numpy scalars and the like
            return cell(v)
        return (None, _EMPTY, 0) if v is None else (v, None, state(v))

    return cell


def stream_rows(ws, st, rows: list[list], fmts: list[str], kinds: list[str], start: int,
                reason_prefix: Optional[str] = None) -> StreamedRows:
    """What :func:`~.xlsx.write_rows` and :func:`~.xlsx.merge_reasons` (when ``reason_prefix``) do to ``ws``, as
    XML to splice in when the workbook is saved (:func:`save_workbook`). Call it after the rows above ``start`` are
    written and before any row below."""
    from openpyxl.utils import get_column_letter

    ids, cell = _StyleIds(ws, st, start), _cells(reason_prefix)
    letters = [get_column_letter(c) for c in range(1, max(map(len, rows), default=0) + 1)]
    runs = [] if reason_prefix is None else list(reason_runs(rows, fmts, kinds, reason_prefix))
    covered: dict = {}                  # row position → columns (0-based) inside a merged run, after its first
    for k, first, last in runs:
        covered.setdefault(k, set()).update(range(first, last))
    sids = {kind: [[None] * 3 for _ in fmts] for kind in set(kinds)}      # kind → column → state → style id
    blocks, block = [], []
    for k, (values, kind) in enumerate(zip(rows, kinds)):
        r, by_col = start + k, sids[kind]
        rs, inside = str(r), covered.get(k, ())
        parts = [f'<row r="{rs}">']
        for j, v in enumerate(values):
            v, xml, state = cell(v)
            if j in inside:                 # covered by a merge: the style of its own value, no value
                xml = _EMPTY
            elif xml is None:
                parts.append(ids.openpyxl_xml(r, j + 1, v, style_key(v, fmts[j], kind, reason_prefix)))
                continue
            sid = by_col[j][state]
            if sid is None:
                sid = by_col[j][state] = ids(style_key(v, fmts[j], kind, reason_prefix))
            parts.append(f'<c r="{letters[j]}{rs}" s="{sid}"{xml}')
        parts.append("</row>")
        block.append("".join(parts))
        if len(block) == _CHUNK:
            blocks.append("".join(block).encode("ascii", "xmlcharrefreplace"))
            block = []
    blocks.append("".join(block).encode("ascii", "xmlcharrefreplace"))
    merges = [f"{letters[first - 1]}{start + k}:{letters[last - 1]}{start + k}" for k, first, last in runs]
    return StreamedRows(ws, start, start + len(rows), blocks, merges)


def save_workbook(wb, path: str, streamed: list[StreamedRows]) -> None:
    """Save ``wb`` to ``path`` with the ``streamed`` rows in their sheets: openpyxl writes the workbook, then its
    parts are copied into ``path`` with the rows spliced in (same names, order and compression)."""
    buf = io.BytesIO()
    wb.save(buf)
    by_part = {s.ws.path.lstrip("/"): s for s in streamed}
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            rows = by_part.get(info.filename)
            if rows is None:
                zout.writestr(info, data)
                continue
            head, tail = rows.splice(data)
            size = len(head) + len(tail) + sum(map(len, rows.blocks))
            with zout.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as fh:
                fh.write(head)
                for block in rows.blocks:
                    fh.write(block)
                fh.write(tail)


class RowWriter:
    """The data rows of the sheets of one workbook: streamed (:func:`stream_rows`, then :meth:`save`), or with
    ``stream`` False as openpyxl cells (:func:`~.xlsx.write_rows`, :func:`~.xlsx.merge_reasons`): the reference."""

    def __init__(self, stream: bool = True):
        self.stream, self.streamed = stream, []

    def rows(self, ws, st, rows: list[list], fmts: list[str], kinds: list[str], start: int,
             reason_prefix: Optional[str] = None) -> int:
        """Write ``rows`` from row ``start`` (see :func:`~.xlsx.write_rows`); runs of the same 未赋值 reason are
        merged when ``reason_prefix`` is given. Returns the row after the last."""
        if self.stream:
            self.streamed.append(stream_rows(ws, st, rows, fmts, kinds, start, reason_prefix))
            return self.streamed[-1].end
        end = write_rows(ws, st, rows, fmts, kinds, start, reason_prefix)
        if reason_prefix is not None:
            merge_reasons(ws, rows, fmts, kinds, start, reason_prefix)
        return end

    def save(self, wb, path: str) -> None:
        if self.streamed:
            save_workbook(wb, path, self.streamed)
        else:
            wb.save(path)
