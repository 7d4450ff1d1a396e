"""The reviewers' list of practices, rendered a hundred rows at a time.

Django's result_list resolves every cell through lookup_field, label and empty-value lookups:
with 100 rows and 13 columns that is about 1,300 cells and most of the page's time. This tag
works out once per column what a cell needs, then renders each row with the same functions
the admin uses (display_for_value, display_for_field) and the same markup, so the page looks
and behaves exactly like the stock list (action checkboxes, links with preserved filters). The
action checkbox is written directly, as the stock CheckboxInput renders it, not through the
form renderer's templates (a third of the rows' time).
"""

import datetime
from decimal import Decimal

from django import template
from django.contrib.admin import ModelAdmin, helpers
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value
from django.db import models
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()

_STOCK_CHECKBOX = ModelAdmin.action_checkbox
# the stock column's label, translated by Django's own admin catalogue (a variable, so that
# makemessages does not copy it into ours)
_SELECT_LABEL = "Select this object for an action - {}"
_MEMO_TYPES = (str, int, float, Decimal, type(None))  # hashable values shown by value alone


@register.inclusion_tag("admin/change_list_results.html")
def fast_result_list(cl):
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": list(_rows(cl)),
    }


def _columns(cl) -> list[tuple]:
    """(name, how to read it, css class, boolean, empty display) per column, once."""
    model_admin = cl.model_admin
    default_empty = model_admin.get_empty_value_display()
    columns = []
    for name in cl.list_display:
        attr = getattr(model_admin, name, None) if isinstance(name, str) else name
        if name == "action_checkbox" and type(model_admin).action_checkbox is _STOCK_CHECKBOX:
            columns.append((name, ("checkbox", None), "action-checkbox", False, default_empty))
            continue
        if callable(attr):
            boolean = getattr(attr, "boolean", False)
            empty = getattr(attr, "empty_value_display", default_empty)
            css = "action-checkbox" if name == "action_checkbox" else f"field-{name}"
            columns.append((name, ("method", attr), css, boolean, empty))
            continue
        field = cl.lookup_opts.get_field(name)
        css = f"field-{name}"
        if isinstance(field, (models.DateField, models.TimeField, models.ForeignKey)):
            css += " nowrap"
        columns.append((name, ("field", field), css, False, default_empty))
    return columns


def _rows(cl):
    if cl.formset or cl.is_popup or cl.to_field or cl.list_display_links is None:
        yield from results(cl)  # the stock path for what this list never uses
        return
    columns = _columns(cl)
    links = set(cl.list_display_links)
    # the filters to come back to, worked out once: the same query ends every row's link
    preserved = add_preserved_filters(
        {"preserved_filters": cl.preserved_filters, "opts": cl.opts}, "/"
    )
    query = preserved.partition("?")[2]
    suffix = f"?{query}" if query else ""
    select_label = gettext(_SELECT_LABEL)
    # Within one page the same labels and numbers come back row after row: each lazy label is
    # translated, and each value shown, once (by the same functions as the stock list).
    translated: dict[int, str] = {}
    displayed: dict[tuple, str] = {}
    for result in cl.result_list:
        cells = []
        first = True
        for name, (kind, reader), css, boolean, empty in columns:
            if kind == "checkbox":
                shown = format_html(
                    '<input type="checkbox" name="{}" value="{}" class="action-select"'
                    ' aria-label="{}">',
                    helpers.ACTION_CHECKBOX_NAME,
                    str(result.pk),
                    format_html(select_label, str(result)),
                )
            elif kind == "method":
                value = reader(result)
                if isinstance(value, Promise):
                    # a lazy label: translate it once, not in each comparison that follows
                    key = id(value)
                    if key not in translated:
                        translated[key] = str(value)
                    value = translated[key]
                if isinstance(value, str) and not value.strip():
                    value = ""
                if isinstance(value, (datetime.date, datetime.time)):
                    shown = display_for_value(value, empty, boolean)
                    css += " nowrap"
                elif not isinstance(value, _MEMO_TYPES):
                    shown = display_for_value(value, empty, boolean)
                else:
                    key = (type(value), value, boolean, empty)
                    if key not in displayed:
                        displayed[key] = display_for_value(value, empty, boolean)
                    shown = displayed[key]
            elif isinstance(reader.remote_field, models.ManyToOneRel):
                related = getattr(result, reader.name)
                shown = empty if related is None else related
            else:
                shown = display_for_field(
                    getattr(result, reader.attname), reader, empty, avoid_link=name in links
                )
            if name in links:
                url = f"{cl.url_for_result(result)}{suffix}"
                tag = "th" if first else "td"
                first = False
                link = '<{} class="{}"><a href="{}">{}</a></{}>'
                cells.append(format_html(link, tag, css, url, shown, tag))
            else:
                cells.append(format_html('<td class="{}">{}</td>', css, shown))
        yield ResultList(None, cells)
