"""Parsing typed numbers and formatting values into fixed-width columns."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nntui.core.numbers import NumberError, format_number, format_value, parse_finite

# --- parse_finite ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1.0),
        (" -2.5 ", -2.5),
        ("1e3", 1000.0),
        ("0.1", 0.1),
        ("+4", 4.0),
        ("\t7.25\n", 7.25),
        ("\u22123", -3.0),  # the Unicode minus sign
        ("0,5", 0.5),  # a comma as the decimal mark
        ("-1,25", -1.25),
        ("1_000", 1000.0),
        ("1e-300", 1e-300),
        ("1.7976931348623157e308", 1.7976931348623157e308),
    ],
)
def test_parse_finite_accepts(text: str, expected: float) -> None:
    """Plain, padded, signed, scientific, comma-decimal and Unicode-minus numbers parse."""
    value = parse_finite(text)
    assert isinstance(value, float)
    assert value == expected


@settings(max_examples=200, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False))
def test_parse_finite_round_trips_repr(x: float) -> None:
    """Any finite float's repr, even padded with spaces, parses back to the same float."""
    assert parse_finite(f"  {x!r} ") == x


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_parse_finite_rejects_empty(text: str) -> None:
    """Nothing typed: the message says it is empty and what to type instead."""
    with pytest.raises(NumberError) as info:
        parse_finite(text)
    message = str(info.value)
    assert message.startswith("empty")
    assert "type a number" in message


@pytest.mark.parametrize("text", ["abc", " 1.2.3 ", "1 2", "--1", "0x10", "1,2,3"])
def test_parse_finite_rejects_non_numbers(text: str) -> None:
    """Text that is not a number is quoted back (stripped) with 'is not a number'."""
    with pytest.raises(NumberError) as info:
        parse_finite(text)
    message = str(info.value)
    assert f'"{text.strip()}" is not a number' in message
    assert "type one such as" in message


@pytest.mark.parametrize("text", ["nan", "NaN", " -nan "])
def test_parse_finite_rejects_nan(text: str) -> None:
    """NaN is refused with a message naming NaN and asking for a finite number."""
    with pytest.raises(NumberError) as info:
        parse_finite(text)
    message = str(info.value)
    assert f'"{text.strip()}"' in message
    assert "NaN" in message
    assert "finite number" in message


@pytest.mark.parametrize("text", ["inf", "-inf", "Infinity", "1e999", "-1e400"])
def test_parse_finite_rejects_infinity(text: str) -> None:
    """Infinite or overflowing values are refused: 'too large', infinity, finite."""
    with pytest.raises(NumberError) as info:
        parse_finite(text)
    message = str(info.value)
    assert f'"{text}"' in message
    assert "too large" in message
    assert "infinity" in message
    assert "finite number" in message


def test_number_error_is_a_value_error() -> None:
    """Callers catching ValueError also catch NumberError."""
    assert issubclass(NumberError, ValueError)


# --- format_value ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # fixed point with as many of the 3 possible decimals as fit in 6
        (0.0, "+0.000"),
        (-0.0, "+0.000"),
        (0.75, "+0.750"),
        (-0.75, "-0.750"),
        (1.0, "+1.000"),
        (-12.345, "-12.35"),
        (99.99, "+99.99"),
        (999.3, "+999.3"),
        (-999.3, "-999.3"),
        (12345.0, "+12345"),
        (-12345.0, "-12345"),
        (0.001, "+0.001"),
        # too wide for fixed point: scientific, mantissa digits only if they fit
        (123456.0, "+1.2e5"),
        (-123456.0, "-1.2e5"),
        (1e300, "+1e300"),
        (-1e300, "-1e300"),
        (1.7976931348623157e308, "+2e308"),
        (-1.7976931348623157e308, "-2e308"),
        # below 0.001: scientific, right-aligned when shorter than the width
        (0.0005, " +5e-4"),
        (-2.4e-5, " -2e-5"),
        (1e-7, " +1e-7"),
        (-1e-99, "-1e-99"),
        # not numbers: a dash (the status line says why), never "nan" or "inf"
        (math.nan, "     —"),
        (math.inf, "     —"),
        (-math.inf, "     —"),
    ],
)
def test_format_value_width_6(value: float, expected: str) -> None:
    """Default width 6 (the layer view's): exact text for typical and extreme values."""
    assert format_value(value) == expected
    assert format_value(value, 6) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.75, "+0.7500"),
        (-12.345, "-12.345"),
        (0.0001, "+0.0001"),
        (123456.0, "+123456"),
        (-123456.0, "-123456"),
        (1234567.0, "+1.23e6"),
        (-1234567.0, "-1.23e6"),
        (1e300, " +1e300"),
        (-1e-100, "-1e-100"),
        (5e-324, "+5e-324"),
        (-5e-324, "-5e-324"),
        (2.5e-5, "+2.5e-5"),
        (math.nan, "      —"),
    ],
)
def test_format_value_width_7(value: float, expected: str) -> None:
    """Width 7 (the outputs panel's): one more digit of precision than width 6."""
    assert format_value(value, 7) == expected


def test_format_value_tiny_number_fits_width_6() -> None:
    """A sigmoid output like e^-570 (xor preset with inputs 15, 15) must fit 6 columns."""
    tiny = 2.8323395e-248
    text = format_value(tiny, 6)
    assert len(text) == 6, repr(text)
    assert text.strip().startswith("+")
    assert len(format_value(-1e-100, 6)) == 6, repr(format_value(-1e-100, 6))
    # Below 1e-99 no exponent fits in 6 columns: it shows as zero, never "-0.000".
    assert format_value(1e-100, 6) == "+0.000"
    assert format_value(-1e-100, 6) == "+0.000"
    assert format_value(-5e-324, 6) == "+0.000"
    assert format_value(1e-100, 7) == "+1e-100"


@pytest.mark.parametrize("width", [6, 7, 8, 10])
@settings(max_examples=300, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False))
def test_format_value_always_exactly_width(width: int, x: float) -> None:
    """Any finite value takes exactly ``width`` characters and keeps its sign, unless it shows as zero."""
    text = format_value(x, width)
    assert len(text) == width, repr(text)
    assert text == text.strip().rjust(width)
    assert text.strip()[0] == ("-" if x < 0 and float(text) != 0 else "+")


@pytest.mark.parametrize("width", [6, 7, 8])
@settings(max_examples=300, deadline=None)
@given(x=st.floats(min_value=-1e300, max_value=1e300, allow_nan=False))
def test_format_value_reads_back_close(width: int, x: float) -> None:
    """The text reads back with the right sign, off by at most rounding to one significant digit (≤ 1/3)."""
    shown = float(format_value(x, width))
    if x == 0.0:
        assert shown == 0.0
        return
    if width == 6 and abs(x) < 1e-99:
        assert shown == 0.0 and math.copysign(1.0, shown) == 1.0  # too small for any exponent in 6 columns
        return
    assert math.copysign(1.0, shown) == math.copysign(1.0, x)
    assert abs(shown - x) <= abs(x) / 3 + 1e-12 * abs(x)


@pytest.mark.parametrize("width", [6, 7])
def test_format_value_fixed_point_precision(width: int) -> None:
    """Values that fit in fixed point are accurate to half the last shown decimal."""
    for x in [0.123456, -0.98765, 3.14159, -27.1828, 512.125, -4096.7]:
        text = format_value(x, width)
        decimals = len(text.split(".")[1]) if "." in text else 0
        assert "e" not in text
        assert abs(float(text) - x) <= 0.5 * 10.0**-decimals + 1e-12
        # another decimal would not have fit (the first one also needs the point)
        assert len(text.strip()) + (1 if decimals else 2) > width


# --- format_number ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "spec", "expected"),
    [
        (0.5, ".3f", "0.500"),
        (-0.0001, ".3f", "0.000"),  # R² of a hair below 0: not "-0.000"
        (-0.0, ".4g", "0"),
        (-1e-7, ".2f", "0.00"),
        (-0.0006, ".3f", "-0.001"),
        (-1e-300, ".1e", "-1.0e-300"),
        (math.nan, ".3f", "—"),
        (math.inf, ".4g", "—"),
        (-math.inf, ".4g", "—"),
    ],
)
def test_format_number_never_shows_minus_zero_nan_or_inf(value: float, spec: str, expected: str) -> None:
    assert format_number(value, spec) == expected
