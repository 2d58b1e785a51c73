"""GUI parts of the plugin: the 小组团 dock and its helpers."""
