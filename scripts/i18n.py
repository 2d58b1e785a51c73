#!/usr/bin/env python3
"""Extract the plugin's user-visible strings into plugin/i18n/zutuan_{en,zh_CN}.ts and compile them (.qm).

The plugin's strings are written in Chinese. English translations are kept in zutuan_en.ts; new strings are filled
automatically where the English is known (an algorithm's HELP_EN for its HELP_ZH, the part after " / " of a
"中文 / English" string) and are otherwise left "unfinished" for a translator. zh_CN is the identity.

  python3 scripts/i18n.py            update the .ts files
  python3 scripts/i18n.py --check    exit 1 when a .ts file is out of date or an English translation is missing
  python3 scripts/i18n.py --compile  also build the .qm files with lrelease (done by scripts/setup.sh and package.sh)
"""
import ast
import glob
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
I18N = os.path.join(ROOT, "plugin", "i18n")
CONTEXT = "zutuan"
MARKERS = {"tr", "N_"}


def _const(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract():
    """{source string: English hint or None}, in a stable order."""
    found = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "plugin", "**", "*.py"), recursive=True)):
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None
                s = _const(node.args[0])
                if name in MARKERS and s:
                    found.setdefault(s, None)
            if isinstance(node, ast.ClassDef):
                attrs = {}
                for st in node.body:
                    if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                        v = _const(st.value)
                        if v:
                            attrs[st.targets[0].id] = v
                if attrs.get("DISPLAY"):
                    found.setdefault(attrs["DISPLAY"], attrs.get("DISPLAY_EN"))
                if attrs.get("HELP_ZH"):
                    found[attrs["HELP_ZH"]] = attrs.get("HELP_EN")
    return found


def _auto_english(source, hint):
    if hint:
        return hint
    if " / " in source:
        tail = source.rsplit(" / ", 1)[1].strip()
        if tail and all(ord(ch) < 0x3000 for ch in tail):
            return tail
    if all(ord(ch) < 0x2E80 for ch in source):
        return source  # nothing Chinese in it
    return None


def read_ts(path):
    if not os.path.exists(path):
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src is not None and tr is not None and tr.get("type") != "unfinished" and tr.text:
            out[src] = tr.text
    return out


def render_ts(lang, entries):
    ts = ET.Element("TS", version="2.1", language=lang, sourcelanguage="zh_CN")
    ctx = ET.SubElement(ts, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for src, trans in entries:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = src
        t = ET.SubElement(msg, "translation")
        if trans:
            t.text = trans
        else:
            t.set("type", "unfinished")
    ET.indent(ts)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(ts, encoding="unicode") + "\n"


def build():
    found = extract()
    old_en = read_ts(os.path.join(I18N, "zutuan_en.ts"))
    en = [(s, old_en.get(s) or _auto_english(s, h)) for s, h in found.items()]
    zh = [(s, s) for s in found]
    return {"zutuan_en.ts": render_ts("en", en), "zutuan_zh_CN.ts": render_ts("zh_CN", zh)}, \
        [s for s, t in en if not t]


def main(argv):
    os.makedirs(I18N, exist_ok=True)
    files, missing = build()
    if "--check" in argv:
        stale = [n for n, text in files.items()
                 if not os.path.exists(os.path.join(I18N, n)) or open(os.path.join(I18N, n), encoding="utf-8").read() != text]
        for n in stale:
            print(f"out of date: plugin/i18n/{n} (run python3 scripts/i18n.py)")
        for s in missing:
            print(f"no English translation: {s[:80]!r}")
        return 1 if stale or missing else 0
    for n, text in files.items():
        with open(os.path.join(I18N, n), "w", encoding="utf-8") as fh:
            fh.write(text)
    print(f"{len(files)} .ts files, {len(missing)} strings without English")
    if "--compile" in argv:
        for ts in glob.glob(os.path.join(I18N, "*.ts")):
            subprocess.run(["lrelease", "-silent", ts, "-qm", ts[:-3] + ".qm"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
