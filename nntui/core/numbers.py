"""Turning text a person typed into a number, with a message they can act on."""

from __future__ import annotations

import math

from nntui.core.locations import shortened
from nntui.i18n import t


class NumberError(ValueError):
    """Raised when text is not a finite number; the message says why."""


def parse_finite(text: str) -> float:
    """Parse ``text`` as a finite float, accepting '−' and ',' as a decimal mark.

    >>> parse_finite(" -2.5 ")
    -2.5
    """
    shown = shortened(text.strip())  # as quoted in a message
    cleaned = text.strip().replace("\u2212", "-").replace("_", "")
    if not cleaned:
        raise NumberError(t("core.number.empty"))
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # 0,5 as written in French
    try:
        value = float(cleaned)
    except ValueError:
        raise NumberError(t("core.number.not_a_number", text=shown)) from None
    if math.isnan(value):
        raise NumberError(t("core.number.nan", text=shown))
    if math.isinf(value):
        raise NumberError(t("core.number.infinite", text=shown))
    return value


NOT_A_VALUE = "—"  # shown for nan and ±inf: what happened is said beside it, never "nan" or "inf"


def format_number(value: float, spec: str) -> str:
    """``format(value, spec)`` as a learner reads it: a negative number that rounds to zero is
    zero (never "-0.000"), and a value that is not a number is NOT_A_VALUE.

    >>> format_number(-0.0001, ".3f"), format_number(float("nan"), ".4g")
    ('0.000', '—')
    """
    if not math.isfinite(value):
        return NOT_A_VALUE
    text = format(value + 0.0, spec)  # + 0.0: -0.0 is 0.0
    if text.startswith("-") and not any(digit in "123456789" for digit in text.split("e")[0]):
        return text[1:]
    return text


def format_value(value: float, width: int = 6) -> str:
    """A signed number in exactly ``width`` characters, for columns of values.

    Fixed point with as many decimals as fit, scientific notation when the
    number is too large or too small to show that way.

    >>> format_value(0.75), format_value(-12.345), format_value(123456.0)
    ('+0.750', '-12.35', '+1.2e5')
    """
    if not math.isfinite(value):
        return NOT_A_VALUE.rjust(width)
    sign = "-" if value < 0 else "+"
    magnitude = abs(value)
    smallest_shown = 10.0 ** -(width - 3)
    if magnitude == 0 or magnitude >= smallest_shown:
        for decimals in range(width - 3, -1, -1):
            text = f"{sign}{magnitude:.{decimals}f}"
            if len(text) <= width:
                return text.rjust(width)
    for decimals in range(width, -1, -1):
        mantissa, exponent = f"{magnitude:.{decimals}e}".split("e")
        text = f"{sign}{mantissa}e{int(exponent)}"
        if len(text) <= width:
            return text.rjust(width)
    if int(f"{magnitude:e}".split("e")[1]) < 0:
        # Too small even for an exponent of three digits: it shows as zero, so with no minus.
        return f"+{0:.{max(width - 3, 0)}f}"[:width].rjust(width)
    return f"{sign}{magnitude:.0e}"


def nudge(value: float, delta: float) -> float:
    """``value + delta`` without float noise: 0.1 + 0.2 gives 0.3, not 0.30000000000000004."""
    return float(f"{value + delta:.12g}")
