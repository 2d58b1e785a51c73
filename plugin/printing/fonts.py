"""The CJK font of the printed pages, chosen so that the PDF's text layer holds the real characters.

Qt's PDF writer (QFontSubset::getReverseMap, used by QGIS's layout export) writes each embedded glyph's ToUnicode
entry as the *lowest* BMP code point that maps to the glyph. CJK fonts such as Noto Sans CJK / Source Han Sans
share one glyph between a unified ideograph and its compatibility twin (用 U+7528 and the Kangxi radical ⽤ U+2F64,
〈 U+3008 and U+2329 …), so the PDF says ⽤地面积 and a search for 用地面积 finds nothing.

The fix: a copy of the font whose cmap no longer lists those compatibility code points — each is a code point whose
NFKC form is another single character mapped to the same glyph — so the glyph's lowest code point is the unified
one. Nothing else changes (outlines, metrics, other tables are copied as they are). The copy is made once with
fontTools (a dependency of matplotlib, shipped with QGIS on Debian, OSGeo4W and the macOS bundle) into the QGIS
profile folder and registered for this session under :data:`DERIVED_FAMILY`. Only fonts under the SIL Open Font
License (Noto Sans CJK, Source Han Sans) are copied. Without such a font or without fontTools the pages are drawn
with the system's CJK font and :func:`page_font` says why the text layer may hold look-alikes.
"""
import os
import unicodedata

FAMILY = "Noto Sans CJK SC"
DERIVED_FAMILY = "Zutuan Noto Sans CJK SC"
#: font files (name pattern with {w} = Regular / Bold, family inside a collection) that may be copied (SIL OFL)
SOURCES = (("NotoSansCJK-{w}.ttc", "Noto Sans CJK SC"), ("NotoSansCJKsc-{w}.otf", "Noto Sans CJK SC"),
           ("SourceHanSans-{w}.ttc", "Source Han Sans SC"), ("SourceHanSansSC-{w}.otf", "Source Han Sans SC"),
           ("SourceHanSansCN-{w}.otf", "Source Han Sans CN"))
WEIGHTS = ("Regular", "Bold")
#: version of the copy's recipe (part of its file name: a changed recipe makes a new copy)
FORMAT = 2
_state = {}


def font_dirs():
    """Folders where fonts are installed on Linux, macOS and Windows (those that exist)."""
    home = os.path.expanduser("~")
    dirs = ["/usr/share/fonts", "/usr/local/share/fonts", os.path.join(home, ".local", "share", "fonts"),
            os.path.join(home, ".fonts"), "/Library/Fonts", os.path.join(home, "Library", "Fonts"),
            os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")]
    if os.environ.get("LOCALAPPDATA"):
        dirs.append(os.path.join(os.environ["LOCALAPPDATA"], "Microsoft", "Windows", "Fonts"))
    return [d for d in dirs if os.path.isdir(d)]


def find_source(dirs=None):
    """{weight: (path, family)} of the first OFL CJK font found with a Regular face (Bold when present)."""
    files = {}
    for d in dirs if dirs is not None else font_dirs():
        for root, _, names in os.walk(d):
            for n in names:
                files.setdefault(n.lower(), os.path.join(root, n))
    for pattern, family in SOURCES:
        found = {w: (files[pattern.format(w=w).lower()], family) for w in WEIGHTS
                 if pattern.format(w=w).lower() in files}
        if "Regular" in found:
            return found
    return {}


#: radicals and strokes: code points that share a glyph with an ideograph but are not the character meant in text
#: (CJK Radicals Supplement ⻚ U+2EDA for 页 has no NFKC mapping, so the blocks are named)
RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0x31C0, 0x31EF))
IDEOGRAPHS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def _in(cp, blocks):
    return any(a <= cp <= b for a, b in blocks)


def compatibility_twins(cmap):
    """Code points (BMP) to drop from ``cmap`` ({code point: glyph name}) so that each shared glyph's lowest code
    point is the character meant: a radical or stroke on a glyph that an ideograph also uses, or a code point whose
    NFKC form is another single character on the same glyph (〈 U+2329 → U+3008)."""
    by_glyph = {}
    for cp, glyph in cmap.items():
        if cp < 0x10000:
            by_glyph.setdefault(glyph, []).append(cp)
    drop = set()
    for cps in by_glyph.values():
        if len(cps) < 2:
            continue
        same = set(cps)
        ideograph = any(_in(cp, IDEOGRAPHS) for cp in cps)
        for cp in sorted(cps):
            canon = unicodedata.normalize("NFKC", chr(cp))
            if (ideograph and _in(cp, RADICAL_BLOCKS)) or (len(canon) == 1 and ord(canon) != cp and ord(canon) in same):
                drop.add(cp)
            else:
                break                   # the lowest remaining code point is the one meant: Qt will use it
    return drop


def derive(path, family, weight, folder):
    """The copy of ``family`` (a face of ``path``) without its compatibility twins, renamed :data:`DERIVED_FAMILY`,
    written to ``folder`` (once per source file and size); returns its path."""
    from fontTools.ttLib import TTCollection, TTFont

    st = os.stat(path)
    out = os.path.join(folder, f"zutuan-cjk-{FORMAT}-{weight}-{st.st_size}-{int(st.st_mtime)}.otf")
    if os.path.isfile(out):
        return out
    index = 0
    if path.lower().endswith(".ttc"):
        faces = TTCollection(path, lazy=True).fonts
        index = next((k for k, f in enumerate(faces) if f["name"].getDebugName(1) == family), 0)
    font = TTFont(path, fontNumber=index, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    drop = compatibility_twins(font.getBestCmap())
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in drop:
                table.cmap.pop(cp, None)
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = rec.toUnicode().replace(family, DERIVED_FAMILY)
        elif rec.nameID in (3, 6):            # unique id, PostScript name
            rec.string = "Zutuan" + rec.toUnicode()
    os.makedirs(folder, exist_ok=True)
    tmp = out + ".tmp"
    font.save(tmp)
    os.replace(tmp, out)
    return out


def cache_folder():
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "zutuan", "fonts")


def page_font():
    """(family, note): the family the pages use and, when it is not the derived copy, why (Chinese / English).
    Registered once per session."""
    if "family" in _state:
        return _state["family"], _state["note"]
    from qgis.PyQt.QtGui import QFontDatabase

    family, note = FAMILY, ""
    sources = find_source()
    if not sources:
        note = ("未找到 Noto Sans CJK / 思源黑体字体文件，PDF 文字层中个别汉字可能为部首字符（如⽤），检索时请安装该字体 / "
                "no Noto Sans CJK or Source Han Sans font file found: the PDF's text may hold radical look-alikes "
                "(⽤ for 用); install the font for a searchable text layer")
    else:
        try:
            for weight, (path, fam) in sources.items():
                fid = QFontDatabase.addApplicationFont(derive(path, fam, weight, cache_folder()))
                if fid >= 0 and DERIVED_FAMILY in QFontDatabase.applicationFontFamilies(fid):
                    family = DERIVED_FAMILY
        except (ImportError, OSError, KeyError, ValueError) as err:
            note = (f"字体处理失败（{err}），PDF 文字层中个别汉字可能为部首字符 / could not prepare the font ({err}): the "
                    "PDF's text may hold radical look-alikes")
    _state.update(family=family, note=note)
    return family, note
