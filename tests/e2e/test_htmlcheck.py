"""The instruments of the page-state sweep (tests/e2e/htmlcheck.py) find what they look for: a
sweep whose checker found nothing because it checked nothing would pass for ever."""

VALID = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>'
    b'<body><main><h1>Fine</h1><p><time datetime="2026-12-06T18:00:00+01:00">6 December</time>'
    b"</p></main></body></html>"
)
INVALID = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>'
    b'<body><p id="x">One</p><p id="x">Two <time datetime="6 December">then</time></p>'
    b"</body></html>"
)


def test_html_checker_finds_no_error_in_valid_html(html_checker):
    assert html_checker.errors(VALID) == []


def test_html_checker_lists_each_error_with_its_line(html_checker):
    errors = html_checker.errors(INVALID)

    assert len(errors) == 2, errors
    assert errors[0].startswith("line 1: Duplicate ID “x”."), errors
    assert errors[1].startswith("line 1: Bad value “6 December” for attribute “datetime”"), errors


def test_phone_overflow_names_what_sticks_out(page):
    from tests.e2e.htmlcheck import phone_overflow

    page.set_content('<body style="margin:0"><p>Fits</p><div id="wide" style="width:500px">W</div>')

    problem = phone_overflow(page)

    assert problem is not None
    assert "it is 500 px wide" in problem
    assert '<div#wide> right edge 500 px "W"' in problem
    assert page.viewport_size == {"width": 1280, "height": 900}  # given back


def test_phone_overflow_accepts_a_wide_table_in_its_own_scrolling_box(page):
    from tests.e2e.htmlcheck import phone_overflow

    page.set_content(
        '<body style="margin:0"><div style="overflow-x:auto">'
        '<table style="width:900px"><tr><td>Wide</td></tr></table></div>'
    )

    assert phone_overflow(page) is None
