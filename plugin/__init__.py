"""The QGIS layer of 小组团 Planner (everything that talks to QGIS or Qt)."""
