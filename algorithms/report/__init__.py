"""Reports of the compliance checks (HTML, printable to PDF), the net area in conflict and the suggested action per
finding."""
from .actions import BOUNDARY_VERIFY, action_for, load_actions
from .html import render_report, save_report, svg_map, write_report
from .sections import net_areas, row_result

__all__ = ["render_report", "write_report", "save_report", "svg_map", "action_for", "load_actions", "BOUNDARY_VERIFY",
           "net_areas", "row_result"]
