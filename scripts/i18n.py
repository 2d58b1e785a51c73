#!/usr/bin/env python3
"""Extract the plugin's user-visible strings into plugin/i18n/zutuan_{en,zh_CN}.ts and compile them (.qm).

The plugin's strings are written in Chinese. English translations are kept in zutuan_en.ts; new strings are filled
automatically where the English is known (an algorithm's HELP_EN for its HELP_ZH, the part after " / " of a
"中文 / English" string) and are otherwise left "unfinished" for a translator. zh_CN is the identity.

  python3 scripts/i18n.py            update the .ts files
  python3 scripts/i18n.py --check    exit 1 when a .ts file is out of date or an English translation is missing
  python3 scripts/i18n.py --compile  also build the .qm files with lrelease (done by scripts/setup.sh and package.sh)
  python3 scripts/i18n.py --prune    drop the English of strings no longer in the code (otherwise kept as "vanished",
                                     so a string that comes back keeps its translation)
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


def _call_name(node):
    fn = node.func
    return fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None


def _forwarders(trees):
    """{function name: {positional index or parameter name}} of functions that pass a parameter on to tr().

    ``def add(p, help_text): p.setHelp(self.tr(help_text))`` makes the second argument of ``add(...)`` a translatable
    literal; found transitively (``field(key, label, help)`` → ``add(..., help)``). Methods called as ``self.f(...)``
    count without ``self``.
    """
    fwd = {name: {0} for name in MARKERS}
    funcs = [fn for tree in trees for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))]
    # ``add = self.add_param``: the local name forwards what the method forwards
    aliases = [(st.targets[0].id, st.value.attr if isinstance(st.value, ast.Attribute) else st.value.id)
               for tree in trees for st in ast.walk(tree)
               if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
               and isinstance(st.value, (ast.Attribute, ast.Name))]
    changed = True
    while changed:
        changed = False
        for name, target in aliases:
            if target in fwd and not fwd[target] <= fwd.setdefault(name, set()):
                fwd[name] |= fwd[target]
                changed = True
        for fn in funcs:
            params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
            shift = 1 if params[:1] in (["self"], ["cls"]) else 0
            for node in ast.walk(fn):
                if not isinstance(node, ast.Call) or _call_name(node) not in fwd:
                    continue
                slots = fwd[_call_name(node)]
                passed = [a for i, a in enumerate(node.args) if i in slots]
                passed += [k.value for k in node.keywords if k.arg in slots]
                for arg in passed:
                    if isinstance(arg, ast.Name) and arg.id in params and arg.id not in ("self", "cls"):
                        new = {params.index(arg.id) - shift, arg.id}
                        if not new <= fwd.setdefault(fn.name, set()):
                            fwd[fn.name] |= new
                            changed = True
    return fwd


def _module_literals(tree):
    """{name: value node} of module- and class-level assignments (for loops over a named table like ACTIONS)."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef)):
            for st in node.body:
                if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                    out[st.targets[0].id] = st.value
    return out


def _loop_strings(target, iterable, name, named):
    """String literals bound to ``name`` when ``for target in iterable`` runs over a literal table."""
    if isinstance(iterable, ast.Name) and iterable.id in named:
        iterable = named[iterable.id]
    if isinstance(iterable, ast.Subscript):  # TABLE[1:]
        return _loop_strings(target, iterable.value, name, named)
    if isinstance(iterable, ast.Attribute) and iterable.attr in named:  # self.TABLE
        iterable = named[iterable.attr]
    if isinstance(iterable, ast.BinOp):  # [a] + [b, c]
        return _loop_strings(target, iterable.left, name, named) + _loop_strings(target, iterable.right, name, named)
    if not isinstance(iterable, (ast.Tuple, ast.List, ast.Set)):
        return []
    out = []
    for elt in iterable.elts:
        if isinstance(target, ast.Name) and target.id == name:
            out.append(elt)
        elif isinstance(target, ast.Tuple) and isinstance(elt, (ast.Tuple, ast.List)):
            for t, e in zip(target.elts, elt.elts):
                if isinstance(t, ast.Name) and t.id == name:
                    out.append(e)
    strings = []
    for e in out:
        if isinstance(e, ast.Call) and e.args:  # N_("…") in the table
            e = e.args[0]
        if _const(e):
            strings.append(_const(e))
    return strings


def extract():
    """{source string: English hint or None}, in a stable order.

    Literals passed to tr()/N_() (directly or through a function that forwards its argument to tr()), the literal
    tables a loop variable given to tr() runs over, and each algorithm class's DISPLAY and HELP_ZH (with
    DISPLAY_EN / HELP_EN as the English).
    """
    paths = sorted(glob.glob(os.path.join(ROOT, "plugin", "**", "*.py"), recursive=True))
    trees = [ast.parse(open(path, encoding="utf-8").read(), path) for path in paths]
    fwd = _forwarders(trees)
    found = {}
    shared = {}  # tables imported from another module of the plugin
    for tree in trees:
        for k, v in _module_literals(tree).items():
            shared.setdefault(k, v)
    for tree in trees:
        named = {**shared, **_module_literals(tree)}
        loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.comprehension))]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in fwd:
                slots = fwd[_call_name(node)]
                args = [a for i, a in enumerate(node.args) if i in slots]
                args += [k.value for k in node.keywords if k.arg in slots]
                for arg in args:
                    if _const(arg):
                        found.setdefault(_const(arg), None)
                    elif isinstance(arg, ast.Name):
                        for loop in loops:
                            for s in _loop_strings(loop.target, loop.iter, arg.id, named):
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
        if src is not None and tr is not None and tr.get("type") not in ("unfinished", "obsolete") and tr.text:
            out[src] = tr.text
    return out


def render_ts(lang, entries):
    ts = ET.Element("TS", version="2.1", language=lang, sourcelanguage="zh_CN")
    ctx = ET.SubElement(ts, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for src, trans, *vanished in entries:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = src
        t = ET.SubElement(msg, "translation")
        if trans:
            t.text = trans
        if not trans or vanished:
            t.set("type", "vanished" if vanished else "unfinished")
    ET.indent(ts)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(ts, encoding="unicode") + "\n"


def build(prune=False):
    found = extract()
    old_en = read_ts(os.path.join(I18N, "zutuan_en.ts"))
    en = [(s, old_en.get(s) or _auto_english(s, h)) for s, h in found.items()]
    missing = [s for s, t in en if not t]
    if not prune:  # translations of strings no longer in the code stay as "vanished" (lrelease skips them)
        en += [(s, t, True) for s, t in old_en.items() if s not in found]
    zh = [(s, s) for s in found]
    return {"zutuan_en.ts": render_ts("en", en), "zutuan_zh_CN.ts": render_ts("zh_CN", zh)}, missing


def main(argv):
    os.makedirs(I18N, exist_ok=True)
    files, missing = build(prune="--prune" in argv)
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
