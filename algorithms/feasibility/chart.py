"""The cumulative cash-flow chart: per phase and for the zone (PNG through matplotlib when importable, else SVG)."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd

__all__ = ["write_chart"]


def write_chart(phases_long: pd.DataFrame, quarterly: pd.DataFrame, path: str) -> str:
    """Cumulative net cash flow per phase and for the zone; PNG via matplotlib when importable, else SVG.

    Returns the path written (``.svg`` replaces another extension when matplotlib is missing).
    """
    series = {f"Phase {k} / 第{k}期": g["cumulative"].to_numpy() for k, g in phases_long.groupby("KFFQ")}
    series["Zone / 全区"] = quarterly["cumulative"].to_numpy()
    labels = list(quarterly["label"])
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        path = os.path.splitext(path)[0] + ".svg"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(_svg_chart(series, labels))
        return path
    if path.lower().endswith(".svg"):
        fmt = "svg"
    else:
        fmt = "png"
    fig = Figure(figsize=(9, 4.8), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(111)
    x = np.arange(len(labels))
    font = _cjk_font()            # Chinese and English where a CJK font is installed, else English (no boxes)
    for name, y in series.items():
        ax.plot(x, y, lw=2.4 if name.startswith("Zone") else 1.4, label=name if font else _ascii(name))
    ax.axhline(0, color="0.3", lw=0.8)
    step = max(1, len(labels) // 10)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
    family = font or "sans-serif"
    ax.set_ylabel(("累计净现金流（万元）/ " if font else "") + "Cumulative net cash flow (10k CNY)", fontfamily=family)
    ax.set_title(("分期累计现金流 / " if font else "") + "Cumulative cash flow per phase", fontfamily=family)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncol=2, prop={"family": font} if font else None)
    fig.tight_layout()
    from matplotlib import rc_context

    # the same figures give the same file: fixed ids in the SVG (matplotlib's are random) and no date stamp
    with rc_context({"svg.hashsalt": "zutuan"}):
        fig.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return path


def _ascii(name: str) -> str:
    """Chart labels in English only: a machine without a CJK font would draw the Chinese as boxes."""
    return name.split(" / ")[0]


def _svg_chart(series: dict, labels: list) -> str:
    W, H, L, R, Tm, B = 900, 480, 80, 20, 40, 70
    allv = np.concatenate([np.asarray(v, float) for v in series.values()] + [np.zeros(1)])
    lo, hi = float(allv.min()), float(allv.max())
    hi = hi if hi > lo else lo + 1.0
    n = max(len(labels) - 1, 1)

    def X(i):
        return L + (W - L - R) * i / n

    def Y(v):
        return Tm + (H - Tm - B) * (hi - v) / (hi - lo)

    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16">各期累计净现金流 / Cumulative cash flow per phase'
           f'（万元）</text>',
           f'<line x1="{L}" y1="{Y(0):.1f}" x2="{W - R}" y2="{Y(0):.1f}" stroke="#555"/>',
           f'<text x="{L - 6}" y="{Y(hi):.1f}" text-anchor="end" font-size="11">{hi:,.0f}</text>',
           f'<text x="{L - 6}" y="{Y(lo):.1f}" text-anchor="end" font-size="11">{lo:,.0f}</text>']
    step = max(1, len(labels) // 10)
    for i in range(0, len(labels), step):
        out.append(f'<text x="{X(i):.1f}" y="{H - B + 18}" text-anchor="middle" font-size="10">{labels[i]}</text>')
    for j, (name, ys) in enumerate(series.items()):
        col = "#000" if name.startswith("Zone") else colours[j % len(colours)]
        pts = " ".join(f"{X(i):.1f},{Y(float(v)):.1f}" for i, v in enumerate(ys))
        width = 2.5 if name.startswith("Zone") else 1.5
        out.append(f'<polyline fill="none" stroke="{col}" stroke-width="{width}" points="{pts}"/>')
        out.append(f'<text x="{L + 10 + 150 * (j % 5)}" y="{H - 18 - 16 * (j // 5)}" font-size="11" fill="{col}">'
                   f'{name}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _cjk_font():
    """A font family matplotlib can draw Chinese with, or None (the labels are then English only)."""
    from matplotlib import font_manager

    words = ("CJK", "Hei", "YaHei", "Song", "WenQuanYi", "Source Han", "Droid Sans Fallback", "PingFang")
    return next((f.name for f in font_manager.fontManager.ttflist if any(w in f.name for w in words)), None)


def _tornado_label(row, *, chinese: bool = True) -> str:
    from .sensitivity import FACTOR_LABELS

    zh, en = FACTOR_LABELS.get(row["factor"], (row["factor"], row["factor"]))
    span = f"{row['low_change']:+.0%} / {row['high_change']:+.0%}"
    return f"{zh} {en} ({span})" if chinese else f"{en} ({span})"


def write_tornado(tornado: pd.DataFrame, base_npv: float, path: str) -> str:
    """The tornado chart of the sensitivity: NPV (万元) at each factor's lowest and highest step, widest swing on
    top. SVG is written directly (labels Chinese and English); PNG through matplotlib, in Chinese and English when
    a CJK font is installed, else in English. Returns the path written (.svg when matplotlib is missing)."""
    if path.lower().endswith(".svg"):
        return _write(path, _svg_tornado(tornado, base_npv))
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        return _write(os.path.splitext(path)[0] + ".svg", _svg_tornado(tornado, base_npv))
    font = _cjk_font()
    fig = Figure(figsize=(9, 1.2 + 0.6 * max(len(tornado), 1)), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(111)
    y = np.arange(len(tornado))[::-1]
    ax.barh(y, tornado["low"], left=base_npv, color="#d62728", label="因素下调 / factor lower" if font else "factor lower")
    ax.barh(y, tornado["high"], left=base_npv, color="#2ca02c", label="因素上调 / factor higher" if font else "factor higher")
    ax.axvline(base_npv, color="0.2", lw=1)
    ax.set_yticks(y)
    ax.set_yticklabels([_tornado_label(r, chinese=bool(font)) for _, r in tornado.iterrows()],
                       fontfamily=font or "sans-serif", fontsize=9)
    title = "净现值敏感性（龙卷风图）/ NPV sensitivity (tornado)" if font else "NPV sensitivity (tornado)"
    ax.set_title(title, fontfamily=font or "sans-serif")
    ax.set_xlabel(("净现值（万元）/ " if font else "") + "NPV (10k CNY)", fontfamily=font or "sans-serif")
    ax.legend(fontsize=8, prop={"family": font} if font else None)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, format="png")
    return path


def _write(path: str, text: str) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def _svg_tornado(tornado: pd.DataFrame, base_npv: float) -> str:
    W, L, R, Tm, row = 900, 300, 40, 50, 34
    H = Tm + row * max(len(tornado), 1) + 50
    ends = np.concatenate([[base_npv], base_npv + tornado["low"].to_numpy(float),
                           base_npv + tornado["high"].to_numpy(float)])
    lo, hi = float(ends.min()), float(ends.max())
    hi = hi if hi > lo else lo + 1.0

    def X(v):
        return L + (W - L - R) * (v - lo) / (hi - lo)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16">净现值敏感性（龙卷风图）/ NPV sensitivity '
           f'(tornado)，万元</text>']
    for i, (_, r) in enumerate(tornado.iterrows()):
        y = Tm + i * row
        for key, colour in (("low", "#d62728"), ("high", "#2ca02c")):
            a, b = sorted((X(base_npv), X(base_npv + float(r[key]))))
            out.append(f'<rect x="{a:.1f}" y="{y + 4}" width="{max(b - a, 0.5):.1f}" height="{row - 10}" '
                       f'fill="{colour}" fill-opacity="0.8"><title>{key}: {base_npv + float(r[key]):,.0f}</title></rect>')
        out.append(f'<text x="{L - 8}" y="{y + row / 2 + 4}" text-anchor="end" font-size="12">'
                   f'{_tornado_label(r)}</text>')
    base_x = X(base_npv)
    out += [f'<line x1="{base_x:.1f}" y1="{Tm - 6}" x2="{base_x:.1f}" y2="{H - 40}" stroke="#222"/>',
            f'<text x="{base_x:.1f}" y="{H - 24}" text-anchor="middle" font-size="11">基准 base {base_npv:,.0f}</text>',
            f'<text x="{L}" y="{H - 8}" font-size="11">{lo:,.0f}</text>',
            f'<text x="{W - R}" y="{H - 8}" text-anchor="end" font-size="11">{hi:,.0f}</text>',
            f'<text x="{W - R}" y="{Tm - 12}" text-anchor="end" font-size="11" fill="#555">红 = 因素下调 factor '
            f'lower，绿 = 因素上调 factor higher</text>', "</svg>"]
    return "\n".join(out)
