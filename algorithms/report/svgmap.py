"""Small SVG maps of the review report, drawn from the geometries (metre CRS): an overview of the zone with every
constraint layer and the conflicting plots, and one map per conflicting plot with its neighbours, the constraint
boundaries and the conflict parts. Every map has a north arrow and a scale bar; text is the page's font.
"""
from __future__ import annotations

import html
import warnings
from typing import Sequence

import numpy as np
import shapely
import shapely.errors

from ..geometry import polygonal
from ..threads import split_map
from .svgpath import bulk_path

__all__ = ["View", "svg_map", "overview_svg", "plot_svg", "boxed", "LAYER_COLOURS", "bulk_path"]

#: rule id → (fill, stroke) of a constraint layer; others take the last entry
LAYER_COLOURS = {"MP-ECO": ("#2e9e5b", "#1d6b3c"), "MP-FARM": ("#e0b000", "#a07a00"),
                 "MP-UGB": ("none", "#9c27b0"), "MP-ZONE": ("none", "#607d8b"), "*": ("#5c8ee6", "#2f5bb7")}


class View:
    """A bounding box (metres) drawn into ``width`` px, y up → y down, with ``pad`` px around."""

    def __init__(self, bounds, width: int = 330, pad: int = 6):
        x0, y0, x1, y1 = bounds
        self.x0, self.y0 = x0, y0
        self.w, self.h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
        self.pad = pad
        self.s = (width - 2 * pad) / self.w
        self.width, self.height = int(width), int(self.h * self.s + 2 * pad)

    @property
    def box(self):
        return shapely.box(self.x0, self.y0, self.x0 + self.w, self.y0 + self.h)

    def xy(self, x, y):
        return (x - self.x0) * self.s + self.pad, (self.y0 + self.h - y) * self.s + self.pad

    def path(self, geom) -> str:
        """SVG path data of polygons and lines (other parts ignored)."""
        out = []
        for part in shapely.get_parts(geom):
            rings = ([part.exterior, *part.interiors] if part.geom_type == "Polygon"
                     else [part] if part.geom_type in ("LineString", "LinearRing") else [])
            for ring in rings:
                xy = np.asarray(ring.coords)[:, :2]
                if len(xy) < 2:
                    continue
                pts = " L".join(f"{(x - self.x0) * self.s + self.pad:.1f},{(self.y0 + self.h - y) * self.s + self.pad:.1f}"
                                for x, y in xy)
                out.append("M" + pts + (" Z" if part.geom_type == "Polygon" else ""))
        return " ".join(out)


def _e(v) -> str:
    return html.escape(str(v))


def _shape(view, geom, *, fill="none", stroke="#555", width=1.0, opacity=1.0, hatch=False) -> str:
    if geom is None or shapely.is_empty(geom):
        return ""
    d = view.path(geom)
    if not d:
        return ""
    fill_attr = "url(#hatch)" if hatch else fill
    return (f'<path d="{d}" fill="{fill_attr}" fill-opacity="{opacity}" stroke="{stroke}" stroke-width="{width}"'
            ' fill-rule="evenodd"/>')


def _north_arrow(view) -> str:
    x, y = view.width - 22, 6
    return (f'<g transform="translate({x},{y})"><rect x="-2" y="-1" width="20" height="30" fill="#fff" stroke="#000"'
            ' stroke-width="0.6"/><path d="M8 10 L14 26 L8 22 L2 26 Z" fill="#fff" stroke="#000" stroke-width="0.8"/>'
            '<path d="M8 10 L8 22 L2 26 Z" fill="#000"/><path d="M5 8 L5 1 L11 8 L11 1" fill="none" stroke="#000"'
            ' stroke-width="1.3"/></g>')


def _scale_bar(view) -> str:
    target = view.w / 4
    step = 10 ** np.floor(np.log10(target))
    length = next(m * step for m in (5, 2, 1) if m * step <= target)
    px = length * view.s
    y = view.height - 8
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    return (f'<rect x="4" y="{y - 11}" width="{px + 48:.1f}" height="15" fill="#fff" fill-opacity="0.85"/>'
            f'<line x1="6" y1="{y}" x2="{6 + px:.1f}" y2="{y}" stroke="#000" stroke-width="2.5"/>'
            f'<line x1="6" y1="{y - 4}" x2="6" y2="{y}" stroke="#000"/><line x1="{6 + px:.1f}" y1="{y - 4}" '
            f'x2="{6 + px:.1f}" y2="{y}" stroke="#000"/><text x="{9 + px:.1f}" y="{y + 2}" font-size="9">{label}</text>')


def _svg(view, body: Sequence[str], before: str = "", after: str = "") -> str:
    """The SVG of ``body`` with the north arrow and the scale bar, between ``before`` and ``after``: joined once
    (an overview is megabytes of text)."""
    defs = ('<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="5" stroke="#d92d20" stroke-width="2"/>'
            '</pattern></defs>')
    return "".join([before, f'<svg xmlns="http://www.w3.org/2000/svg" width="{view.width}" height="{view.height}" '
                    f'viewBox="0 0 {view.width} {view.height}">{defs}<rect width="100%" height="100%" fill="#fff"/>',
                    *(b for b in body if b), _north_arrow(view), _scale_bar(view), "</svg>", after])


def _label(view, geom, text, size=8, colour="#222") -> str:
    if geom is None or shapely.is_empty(geom):
        return ""
    p = shapely.point_on_surface(geom)
    x, y = view.xy(p.x, p.y)
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="middle" fill="{colour}" '
            f'stroke="#fff" stroke-width="2.5" paint-order="stroke">{_e(text)}</text>')


def _clip(geoms, view):
    """``geoms`` cut to the view's rectangle (repaired first when GEOS refuses a broken ring)."""
    try:
        return shapely.clip_by_rect(geoms, view.x0, view.y0, view.x0 + view.w, view.y0 + view.h)
    except shapely.errors.GEOSException:
        return shapely.intersection(shapely.make_valid(geoms), view.box)


def _present(geoms) -> np.ndarray:
    """``geoms`` (a list or an array) as an object array without the missing ones (a list is copied without numpy
    looking into every geometry)."""
    if not isinstance(geoms, np.ndarray):
        geoms = np.fromiter(geoms, dtype=object, count=len(geoms))
    return geoms[~shapely.is_missing(geoms)] if len(geoms) else geoms.astype(object)


def boxed(geoms) -> tuple:
    """(``geoms`` without the missing ones as an object array, their bounding boxes): what :func:`_local` takes
    as ``known`` where the same geometries are drawn in several maps."""
    arr = _present(geoms)
    return arr, shapely.bounds(arr)


def _side(geoms, view, bounds=None) -> np.ndarray:
    """Per geometry, from its bounding box (``bounds`` where known): 1 inside the view's rectangle (edge included:
    covered by it), 0 apart from it, −1 across its edge (or empty). A geometry is covered by a rectangle exactly
    when its box is."""
    b = shapely.bounds(geoms) if bounds is None else bounds
    x1, y1 = view.x0 + view.w, view.y0 + view.h              # the corners of View.box
    inside = (b[:, 0] >= view.x0) & (b[:, 1] >= view.y0) & (b[:, 2] <= x1) & (b[:, 3] <= y1)
    apart = (b[:, 0] > x1) | (b[:, 1] > y1) | (b[:, 2] < view.x0) | (b[:, 3] < view.y0)
    return np.where(inside, 1, np.where(apart, 0, -1))


def _local(geoms, view, simplify: bool = True, known=None) -> tuple:
    """(``geoms`` that meet the view (simplified to a pixel where ``simplify``), not cut; their bounding boxes).
    ``known``: :func:`boxed` of ``geoms``, taken once for several maps."""
    arr, b = boxed(geoms) if known is None else known
    if not len(arr):
        return arr, b
    side = _side(arr, view, b)
    meet = side == 1
    edge = np.flatnonzero(side == -1)                      # only these need GEOS
    meet[edge] = shapely.intersects(arr[edge], view.box)
    arr, b = arr[meet], b[meet]
    if not simplify:                # what meets the view is not empty (an empty geometry's box is NaN: it meets none)
        return arr, b
    big = np.flatnonzero(shapely.get_num_coordinates(arr) > 32)        # plots of a few vertices gain nothing from it
    arr[big] = split_map(lambda g: shapely.simplify(g, 0.6 / view.s, preserve_topology=False), arr[big],
                         min_size=2)                                    # Douglas–Peucker: for drawing, topology may go
    b[big] = shapely.bounds(arr[big])
    gone = big[shapely.is_empty(arr[big])]                              # simplified away
    return (np.delete(arr, gone), np.delete(b, gone, axis=0)) if len(gone) else (arr, b)


def _areas(view, local, *, fill, stroke, width, opacity=1.0, dash="") -> str:
    """Polygons cut to the view as two paths (inside filled, own boundary stroked — never the cut edges), in one
    ``scale(0.1)`` group; rings oriented alike so that overlapping polygons fill with the nonzero rule and holes
    stay holes. ``local``: (present geometries, their bounding boxes) as :func:`_local` gives them. ``dash``: the
    stroke's dash pattern in px."""
    geoms, bounds = local
    if not len(geoms):
        return ""
    cut = _side(geoms, view, bounds) != 1
    line = f'stroke="{stroke}" stroke-width="{10 * width:g}"'
    if dash:
        line += f' stroke-dasharray="{",".join(f"{10 * float(v):g}" for v in dash.split(","))}"'
    out = ['<g transform="scale(0.1)">']
    tid = None if cut.any() else shapely.get_type_id(geoms)
    if tid is not None and np.isin(tid, (3, 6)).all():
        # nothing cut: the polygons' own rings carry the fill and the outline (one path instead of two), or the
        # outline alone as the boundary would (rings drawn open); none missing, the types known
        if fill != "none":
            out += _paths(bulk_path(view, geoms, orient=True, tid=tid), f'fill="{fill}" fill-opacity="{opacity}" {line}')
        else:
            out += _paths(bulk_path(view, geoms, outline=True, tid=tid), f'fill="none" {line}')
        return "".join(out + ["</g>"])
    inner, edge = geoms.copy(), shapely.boundary(geoms)
    if cut.any():
        inner[cut], edge[cut] = _clip(geoms[cut], view), _clip(edge[cut], view)
    if fill != "none":
        out += _paths(bulk_path(view, polygonal(inner), orient=True),
                      f'fill="{fill}" fill-opacity="{opacity}" stroke="none"')
    out += _paths(bulk_path(view, edge), f'fill="none" {line}')
    return "".join(out + ["</g>"])


def _paths(data, attrs: str) -> list:
    """``<path d="…" attrs/>`` of each path data as pieces to join (the data, megabytes in an overview, not copied
    into a string of its own)."""
    out = []
    for d in data:
        out += ['<path d="', d, f'" {attrs}/>']
    return out


def _layer_style(rule_id):
    return LAYER_COLOURS.get(rule_id, LAYER_COLOURS["*"])


def _swatch(fill, stroke, name, line="solid") -> str:
    """A legend entry of a constraint layer: its fill and its outline (``line``: solid, or dashed as the plot maps
    draw it)."""
    return (f'<span class="lg"><i style="background:{fill if fill != "none" else "#fff"};'
            f'border:2px {line} {stroke}"></i>{_e(name)}</span>')


def overview_svg(plots, layers, conflicted, *, width: int = 680) -> str:
    """The zone: every plot grey, each constraint layer ((rule id, name, geometries[, :func:`boxed` of them]))
    in its colour, the conflicting plots (``conflicted``, geometries) outlined red; a legend below."""
    plots, boxes = boxed(plots)
    if not len(plots):
        return ""
    with warnings.catch_warnings():             # as shapely.total_bounds: empty geometries' NaN boxes left out
        warnings.simplefilter("ignore", RuntimeWarning)
        (x0, y0), (x1, y1) = np.nanmin(boxes[:, :2], axis=0), np.nanmax(boxes[:, 2:], axis=0)
    pad = 0.06 * max(x1 - x0, y1 - y0)
    view = View((x0 - pad, y0 - pad, x1 + pad, y1 + pad), width)
    body = [_areas(view, _local(plots, view, known=(plots, boxes)), fill="#eeeeee", stroke="#999", width=0.3)]
    legend = []
    for rule_id, name, geoms, *known in layers:
        fill, stroke = _layer_style(rule_id)
        body.append(_areas(view, _local(geoms, view, known=known[0] if known else None), fill=fill, stroke=stroke,
                           width=1.0, opacity=0.35))
        legend.append(_swatch(fill, stroke, name))
    body.append(_areas(view, _local(conflicted, view, simplify=False), fill="none", stroke="#d92d20", width=1.6))
    legend.append('<span class="lg"><i style="border:2px solid #d92d20"></i>有冲突的地块</span>'
                  '<span class="lg"><i style="background:#eee;border:1px solid #999"></i>其他地块</span>')
    return _svg(view, body, '<figure class="overview">', f'<figcaption>{"".join(legend)}</figcaption></figure>')


def plot_svg(code, plot, neighbours, layers, conflicts, *, width: int = 330, caption: str = "") -> str:
    """One conflicting plot: its neighbours ((code, geometry)) outlined and named, the constraint boundaries
    ((rule id, name, geometries[, :func:`boxed` of them])), the conflict parts hatched red, the plot outlined
    black."""
    if plot is None or shapely.is_empty(plot):
        return ""
    x0, y0, x1, y1 = plot.bounds
    pad = 0.45 * max(x1 - x0, y1 - y0, 20.0)
    view = View((x0 - pad, y0 - pad, x1 + pad, y1 + pad), width)
    body = []
    near = [(c, g) for c, g in neighbours if g is not None and g.intersects(view.box)]
    body.append(_areas(view, boxed([g for _, g in near]), fill="#f4f4f4", stroke="#aaa", width=0.6))
    legend = []
    for rule_id, name, geoms, *known in layers:
        fill, stroke = _layer_style(rule_id)
        local = _local(geoms, view, simplify=False, known=known[0] if known else None)
        body.append(_areas(view, local, fill=fill, stroke=stroke, width=1.4, opacity=0.25, dash="5,3"))
        if len(local[0]):               # named in the legend, not on the map, where it would cover plot codes
            legend.append(_swatch(fill, stroke, name, "dashed"))
    body.append(_shape(view, plot, fill="#ffffff", stroke="#000", width=1.8, opacity=0.0))
    body += [_shape(view, g, stroke="#b42318", width=0.8, hatch=True) for g in conflicts]
    body += [_label(view, _clip(g, view), c, 7, "#666") for c, g in near[:25]]
    body.append(_label(view, plot, code, 9, "#000"))
    if legend and conflicts:
        legend.append('<span class="lg"><i style="border:1px solid #b42318;background:repeating-linear-gradient('
                      '45deg,#b42318 0 1px,#fff 1px 4px)"></i>冲突部分</span>')
    text = _e(caption) + (f'<br>{"".join(legend)}' if legend else "")
    return _svg(view, body, "<figure>", f"<figcaption>{text}</figcaption></figure>")


def svg_map(plot, conflict, *, size: int = 290, caption: str = "") -> str:
    """A small SVG of one conflict: the plot outlined, the conflict hatched red, north arrow and scale bar."""
    geoms = [g for g in (plot, conflict) if g is not None and not shapely.is_empty(g)]
    if not geoms:
        return ""
    return plot_svg("", plot if plot is not None else conflict, [], [], [conflict] if conflict is not None else [],
                    width=size, caption=caption)
