"""A real PostgreSQL 15 + PostGIS for the tests (Debian packages installed by scripts/setup.sh).

Starts the Debian cluster 15/main if it is down, creates a test role and database, writes a PostgreSQL service
file (credentials live there, never in connection strings) and loads layers with ogr2ogr.
"""
import os
import shutil
import subprocess
import time

SERVICE = "zutuan_test"
DB = "zutuan_test"
USER = "zutuan_test"
PASSWORD = "zt-secret-Pw-4711"  # a recognisable value: tests assert it never appears in any output


def _psql(sql, db="postgres"):
    return subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-d", db, "-tAc", sql],
                          capture_output=True, text=True, timeout=60)


def available():
    return shutil.which("pg_ctlcluster") is not None and shutil.which("runuser") is not None


def start():
    """Make sure the server runs; returns True when it does."""
    st = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if " online" not in st:   # another test process may start it meanwhile ("already running", status 2): polled below
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], timeout=60)
    for _ in range(50):
        if _psql("select 1").returncode == 0:
            return True
        time.sleep(0.2)
    return False


def stop(mode="fast"):
    subprocess.run(["pg_ctlcluster", "15", "main", "stop", "-m", mode], timeout=60)


def setup_database(tmpdir):
    """Role, database with PostGIS, and a service file; returns the env additions (PGSERVICEFILE)."""
    assert start(), "PostgreSQL did not start"
    if _psql(f"select 1 from pg_roles where rolname='{USER}'").stdout.strip() != "1":
        _psql(f"create role {USER} login password '{PASSWORD}'")
    if _psql(f"select 1 from pg_database where datname='{DB}'").stdout.strip() != "1":
        subprocess.run(["runuser", "-u", "postgres", "--", "createdb", "-O", USER, DB], check=True)
    _psql("create extension if not exists postgis", db=DB)
    _psql(f"alter role {USER} set log_statement = 'all'")
    path = os.path.join(str(tmpdir), "pg_service.conf")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"[{SERVICE}]\nhost=127.0.0.1\nport=5432\ndbname={DB}\nuser={USER}\npassword={PASSWORD}\n")
    os.environ["PGSERVICEFILE"] = path
    return {"PGSERVICEFILE": path}


def load(gpkg, layer, table, *, spatial_index=True, schema="yzt"):
    _psql(f"create schema if not exists {schema} authorization {USER}", db=DB)
    args = ["ogr2ogr", "-f", "PostgreSQL", f"PG:service={SERVICE}", gpkg, layer, "-nln", f"{schema}.{table}",
            "-overwrite", "-lco", "LAUNDER=NO", "-lco", f"SPATIAL_INDEX={'GIST' if spatial_index else 'NONE'}", "-lco", "FID=fid",
            "-preserve_fid"]
    subprocess.run(args, check=True, capture_output=True, env=dict(os.environ), timeout=120)
    return f"PG:service={SERVICE}|layername={schema}.{table}"


def server_log_tail(nbytes=200000):
    path = "/var/log/postgresql/postgresql-15-main.log"
    if not os.path.exists(path):
        return ""
    with open(path, "rb") as fh:
        fh.seek(max(0, os.path.getsize(path) - nbytes))
        return fh.read().decode("utf-8", "replace")
