"""Exports: the control-indicator workbook and CSV (the 图则 print layout itself lives in plugin/printing/)."""
from .balance import BalanceAreas, balance_areas, land_balance
from .columns import COLUMNS, DEFAULT_COLUMNS, Column, resolve_columns
from .tables import prepare_plots, unit_cluster_summary
from .workbook import SHEETS, ExportResult, export_indicator_table, write_atomic

__all__ = ["COLUMNS", "DEFAULT_COLUMNS", "Column", "resolve_columns", "land_balance", "balance_areas",
           "BalanceAreas", "prepare_plots", "unit_cluster_summary", "SHEETS", "ExportResult",
           "export_indicator_table", "write_atomic"]
