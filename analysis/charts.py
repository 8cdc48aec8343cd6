"""Charts drawn on the server as SVG by pygal: no JavaScript, each beside a table of its figures.

Pages show a chart as an image with a text alternative; the same figures are always in a
data table next to it, so nothing is conveyed by the picture alone.
"""

from __future__ import annotations

import sys
from typing import Any

import pygal
from pygal.etree import etree
from pygal.style import Style
from starlette.responses import Response

# pygal appends a legacy import hook for its map plugins (which we do not use) to
# sys.meta_path; every later failed import then warns. Take it out again.
sys.meta_path[:] = [hook for hook in sys.meta_path if type(hook).__module__ != "pygal"]

# Dark, distinct colours on white (contrast above 4.5:1); values are printed on every bar.
CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#1d70b8", "#00703c", "#4c2c92", "#d4351c", "#505a5f", "#912b88"),
    font_family="system-ui, 'Noto Sans', Arial, sans-serif",
    value_font_size=14,
    label_font_size=14,
    major_label_font_size=14,
    title_font_size=18,
)
# The SVG carries its own stylesheet and no script; as an image it cannot run any.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def bar_chart(title: str, bars: list[tuple[str, int]], *, horizontal: bool = True) -> bytes:
    """Bars with their value printed on them, in the order given."""
    chart_type = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = chart_type(
        js=[],
        style=CHART_STYLE,
        show_legend=False,
        print_values=True,
        width=720,
        height=max(240, 60 + 44 * len(bars)) if horizontal else 360,
        x_label_rotation=0 if horizontal else 30,
        truncate_label=-1,
    )
    chart.title = title
    chart.x_labels = [label for label, _ in bars]
    chart.add(title, [value for _, value in bars])
    return without_scripts(chart.render_tree())


def without_scripts(tree: Any) -> bytes:
    """The SVG minus pygal's tooltip script: the chart is a picture and runs nothing."""
    for parent in list(tree.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    svg: bytes = etree.tostring(tree, xml_declaration=True, encoding="utf-8")
    return svg


def svg_response(svg: bytes) -> Response:
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": SVG_POLICY, "Cache-Control": "private, no-store"},
    )
