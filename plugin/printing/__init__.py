"""QGIS print layouts of the plugin (the 地块图则 atlas)."""
