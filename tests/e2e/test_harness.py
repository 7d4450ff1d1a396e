"""The harness catches what it is meant to catch: a green journey means something."""

import re

import pytest
from django.core.mail import send_mail


def test_smtp_sink_receives_what_django_sends_over_smtp(smtp_sink):
    send_mail(
        "Sink check",
        "Open https://example.eu/en/ask/?q=1 now.\n",
        "SkillUp <no-reply@skillup.example.eu>",
        ["Someone@Example.eu"],
    )
    message = smtp_sink.wait_for("someone@example.eu", timeout=5)
    assert message["Subject"] == "Sink check"
    assert smtp_sink.first_url(smtp_sink.text_of(message)) == "https://example.eu/en/ask/?q=1"
    with pytest.raises(AssertionError, match=re.escape("no email to someone@example.eu")):
        smtp_sink.wait_for("someone@example.eu", timeout=0.3)  # each message is returned once


def test_axe_check_fails_on_a_serious_violation(page, axe_check):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Bad form</title></head>'
        '<body><main><h1>Bad form</h1><form><input type="text" name="q"></form></main></body>'
        "</html>"
    )
    with pytest.raises(pytest.fail.Exception, match=r"\[critical\] label"):
        axe_check(page, "harness-selftest")


def test_csp_violations_are_recorded(page, site, csp_violations):
    page.goto(f"{site}/en/")
    page.evaluate(
        """() => {
             const s = document.createElement("script");
             s.textContent = "window.__inlineRan = true";
             document.body.append(s);
           }"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.__inlineRan") is None  # the policy blocked it
    page.wait_for_timeout(100)  # the report to Python is asynchronous
    assert [v["directive"] for v in csp_violations] == ["script-src-elem"], csp_violations
