"""Public pages of calls and published practices. (Placeholder: being written.)"""

from django.contrib.syndication.views import Feed
from django.http import Http404


def _todo(*args, **kwargs):
    raise Http404


call_detail = practice_list = practice_detail = practice_contact = practice_attachment = _todo


class PracticeFeed(Feed):
    title = "SkillUp"
    link = "/"

    def items(self):
        return []
