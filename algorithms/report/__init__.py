"""Reports of the compliance checks (HTML, printable to PDF)."""
from .html import render_report, svg_map, write_report

__all__ = ["render_report", "write_report", "svg_map"]
