"""Colour arithmetic for label palettes: how a label looks as painted, and how far
apart two colours look (CIEDE2000). Pure Python, no Qt.

The article view paints a label's colour with an alpha over the page, so what the
annotator sees is the blend, not the colour in the schema; palettes are judged on
the blend (tests/core/test_schema.py).
"""
from __future__ import annotations

import math

__all__ = ["LABEL_FILL_ALPHA", "PAGE_BACKGROUNDS", "painted", "parse_hex", "to_hex", "blend", "luminance", "contrast", "to_lab", "delta_e76",
           "delta_e2000", "delta_e2000_lab", "simulate_cvd", "CVD_TYPES"]

RGB = tuple[float, float, float]   # 0..255 each

# How the article view paints an entity: its label colour with this alpha (0..255)
# over the page, so the text on it stays black on a light tint and the selected
# claim's tint, painted under it, still shows through. ui/article_view.py uses it.
LABEL_FILL_ALPHA = 200
# The article page in each theme (ui/themes.py): light in both, a dimmed paper in the dark one.
PAGE_BACKGROUNDS = {"light": "#ffffff", "dark": "#e4dfd3"}


def parse_hex(colour: str) -> RGB:
    """``#rrggbb`` -> (r, g, b) in 0..255."""
    colour = colour.lstrip("#")
    return tuple(float(int(colour[i:i + 2], 16)) for i in (0, 2, 4))


def _rgb(colour: str | RGB) -> RGB:
    return parse_hex(colour) if isinstance(colour, str) else colour


def to_hex(rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def blend(colour: str | RGB, background: str | RGB, alpha: float) -> RGB:
    """``colour`` painted with ``alpha`` (0..1, or 0..255 when above 1) over
    ``background``: source-over in sRGB, as QPainter does on an opaque surface."""
    if alpha > 1:
        alpha /= 255
    return tuple(alpha * f + (1 - alpha) * b for f, b in zip(_rgb(colour), _rgb(background)))


def painted(colour: str, background: str, alpha: float = LABEL_FILL_ALPHA) -> RGB:
    """A label colour as the article view paints it on ``background``."""
    return blend(colour, background, alpha)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str | RGB) -> float:
    """WCAG relative luminance, 0 (black) .. 1 (white)."""
    r, g, b = (_linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str | RGB, b: str | RGB) -> float:
    """WCAG contrast ratio, 1 .. 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_WHITE = (0.95047, 1.0, 1.08883)   # D65


def to_lab(colour: str | RGB) -> tuple[float, float, float]:
    """sRGB (D65) -> CIELAB."""
    r, g, b = (_linear(c) for c in _rgb(colour))
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e76(a, b) -> float:
    """Euclidean distance in CIELAB (ΔE*ab 1976)."""
    return math.dist(to_lab(a), to_lab(b))


def delta_e2000(a, b) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1.
    About 1 is a just noticeable difference side by side; categorical palettes
    want 10 or more between any two colours."""
    return delta_e2000_lab(to_lab(a), to_lab(b))


def delta_e2000_lab(lab1, lab2) -> float:
    """CIEDE2000 between two CIELAB triples."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    Lp_bar, Cp_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30)) + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6)) - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(Cp_bar ** 7 / (Cp_bar ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (Lp_bar - 50) ** 2 / math.sqrt(20 + (Lp_bar - 50) ** 2)
    sc = 1 + 0.045 * Cp_bar
    sh = 1 + 0.015 * Cp_bar * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh))


# Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
_CVD = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
CVD_TYPES = tuple(_CVD)


def simulate_cvd(colour: str | RGB, kind: str) -> RGB:
    """How ``colour`` looks to a reader with full ``kind`` colour blindness
    (one of CVD_TYPES), as sRGB 0..255."""
    lin = [_linear(c) for c in _rgb(colour)]
    out = []
    for row in _CVD[kind]:
        v = max(0.0, min(1.0, sum(m * c for m, c in zip(row, lin))))
        v = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
        out.append(255 * v)
    return tuple(out)
