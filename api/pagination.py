"""Page-number pagination with a maximum page size, links to the next and previous pages and
the count; a page past the end is a 404 with a message (never the last page in disguise)."""

from django.core.paginator import InvalidPage, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class _CountedPaginator(Paginator):
    """A paginator told its count (the practices' facet index knows it): no COUNT query."""

    def __init__(self, object_list, per_page, *, count: int | None) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        if self._known_count is None:
            return super().count
        return self._known_count


class ApiPagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = "A page number (1 to the last page; beyond it: a 404)."
    page_size_query_description = (
        f"Results per page: {PAGE_SIZE} unless asked, at most {MAX_PAGE_SIZE}."
    )

    def get_page_size(self, request) -> int:
        """`page_size` when given: a whole number from 1 to MAX_PAGE_SIZE, else a 400 (DRF
        would quietly use the default: a program would not know it got fewer)."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        return _whole_number(self.page_size_query_param, value, maximum=self.max_page_size)

    def paginate(self, object_list, request, *, count: int | None = None) -> list:
        """This request's page of `object_list` (a queryset or a list); `count`, when known,
        saves the COUNT query."""
        self.request = request
        paginator = _CountedPaginator(object_list, self.get_page_size(request), count=count)
        value = request.query_params.get(self.page_query_param)
        number = 1 if value is None else _whole_number(self.page_query_param, value)
        try:
            self.page = paginator.page(number)
        except InvalidPage as exc:
            raise NotFound(
                _("Page %(page)s does not exist: %(reason)s")
                % {"page": str(number)[:20], "reason": exc}
            ) from exc
        return list(self.page.object_list)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


def _whole_number(name: str, value: str, *, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1 or (maximum is not None and number > maximum):
        if maximum is None:
            message = _("Give a whole number, 1 or more.")
        else:
            message = _("Give a whole number from 1 to %(maximum)s.") % {"maximum": maximum}
        raise ValidationError({name: [message]})
    return number
