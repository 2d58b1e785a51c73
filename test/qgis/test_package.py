"""The installable zip: built from git, top-level zutuan/, no tests or dev files; installs into a clean profile."""
import os
import subprocess
import zipfile

from conftest import ROOT


def test_zip_installs_into_a_clean_profile_and_runs(tmp_path):
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts", "package.sh")], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    path = os.path.join(ROOT, out.stdout.strip().splitlines()[-1])
    names = zipfile.ZipFile(path).namelist()
    assert all(n.startswith("zutuan/") for n in names)
    assert "zutuan/metadata.txt" in names and "zutuan/__init__.py" in names
    assert not [n for n in names if n.startswith(("zutuan/test/", "zutuan/bench/", "zutuan/.ci/", "zutuan/scripts/"))]
    assert any(n.endswith(".qm") for n in names), "compiled translations are part of the package"
    assert any(n.startswith("zutuan/resources/standards/") for n in names)
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(path).extractall(plugins)
    env = {k: v for k, v in os.environ.items() if k != "QGIS_PLUGINPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    r = subprocess.run(["qgis_process.bin", "plugins", "enable", "zutuan"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    listing = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=120).stdout
    assert "zutuan:calcarea" in listing and "zutuan:checkmasterplan" in listing
    sample = str(plugins / "zutuan" / "resources" / "sample" / "data" / "sample_zone.gpkg")
    r = subprocess.run(["qgis_process.bin", "run", "zutuan:calcarea", "--", f"INPUT={sample}|layername=zutuan",
                        f"OUTPUT={tmp_path / 'a.gpkg'}"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and (tmp_path / "a.gpkg").exists(), r.stdout[-2000:] + r.stderr[-2000:]
