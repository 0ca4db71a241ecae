"""Horizontal bar charts drawn on the server as SVG (no JavaScript, no inline styles: only SVG
attributes, so a strict Content-Security-Policy allows them). A chart is decoration beside its
table: the table carries the figures for screen readers and for copying; every bar is labelled
with its series name and value, so colour is never the only cue."""

from dataclasses import dataclass, field

LABEL_WIDTH = 240
BAR_AREA = 360
VALUE_WIDTH = 80
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
TOP = 8
PALETTE = ["#0b5394", "#2e6b30", "#7a3b00", "#5a3c8c", "#146e78", "#8c1c3c"]


@dataclass
class Bar:
    series: str
    value: float | None
    text: str
    y: int = 0
    width: int = 0
    colour: str = PALETTE[0]


@dataclass
class Group:
    label: str
    bars: list = field(default_factory=list)
    y: int = 0


@dataclass
class Chart:
    groups: list
    width: int = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    value_x: int = 0


def bar_chart(groups, *, series, maximum=100):
    """``groups``: ``[(label, {series_key: (value, text)})]``; ``series``: the series keys in
    order (each gets a colour). Values are 0…``maximum``; a missing value draws no bar."""
    colours = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(series)}
    y = TOP
    laid_out = []
    for label, values in groups:
        group = Group(label=label, y=y)
        for key in series:
            if key not in values:
                continue
            value, text = values[key]
            width = 0 if value is None else round(BAR_AREA * max(0, min(value, maximum)) / maximum)
            group.bars.append(
                Bar(series=key, value=value, text=text, y=y, width=width, colour=colours[key])
            )
            y += BAR_HEIGHT + BAR_GAP
        if not group.bars:
            y += BAR_HEIGHT + BAR_GAP
        laid_out.append(group)
        y += GROUP_GAP
    return Chart(groups=laid_out, height=y, value_x=LABEL_WIDTH + BAR_AREA + 6)
