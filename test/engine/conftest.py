import os, sys; sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))  # noqa: E401,E702
import algorithms  # noqa: E402,F401  (sets the PROJ data directory before any test imports pyproj)
