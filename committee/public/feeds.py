"""The Atom feed: new public records and newly published progress, newest first.

Feeds are fetched by readers that carry no session and are shared freely, so the feed holds
public records only, whoever asks. Its language is ``?lang=`` when given, else the request's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from committee.agreements.models import Agreement
from committee.meetings.models import Meeting
from committee.recommendations.models import ProgressUpdate, Recommendation
from committee.subcommittees.models import Body

PER_KIND = 20
ITEMS = 40


def requested_language(request: HttpRequest) -> str:
    wanted = request.GET.get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return wanted if wanted in codes else translation.get_language() or "en"


@dataclass(frozen=True)
class Entry:
    title: str
    description: str
    link: str
    guid: str
    published: dt.datetime
    kind: str


def entries(host: str) -> list[Entry]:
    """Entries with ``tag:`` ids that stay the same in every language of the feed."""
    found: list[Entry] = []
    for recommendation in Recommendation.objects.public().order_by("-created_at")[:PER_KIND]:
        found.append(
            Entry(
                _("New recommendation %(reference)s") % {"reference": recommendation.reference},
                str(recommendation.text),
                recommendation.get_absolute_url(),
                f"tag:{host},2013:recommendation-{recommendation.pk}",
                recommendation.created_at,
                str(_("Recommendation")),
            )
        )
    for meeting in Meeting.objects.public().order_by("-created_at")[:PER_KIND]:
        found.append(
            Entry(
                str(meeting.title) or str(meeting),
                str(meeting.theme) or str(meeting.get_kind_display()),
                meeting.get_absolute_url(),
                f"tag:{host},2013:meeting-{meeting.pk}",
                meeting.created_at,
                str(_("Meeting")),
            )
        )
    for body in Body.objects.public().order_by("-created_at")[:PER_KIND]:
        found.append(
            Entry(
                str(body.name),
                str(body.mandate),
                body.get_absolute_url(),
                f"tag:{host},2013:body-{body.pk}",
                body.created_at,
                str(_("Body")),
            )
        )
    for agreement in Agreement.objects.public().order_by("-created_at")[:PER_KIND]:
        found.append(
            Entry(
                str(agreement.title),
                str(agreement.subject),
                agreement.get_absolute_url(),
                f"tag:{host},2013:agreement-{agreement.pk}",
                agreement.created_at,
                str(_("Agreement")),
            )
        )
    updates = (
        ProgressUpdate.objects.public()
        .published()
        .select_related("recommendation")
        .order_by("-published_at")[:PER_KIND]
    )
    for update in updates:
        assert update.published_at is not None  # published() guarantees it
        found.append(
            Entry(
                _("Progress on %(reference)s (%(side)s)")
                % {"reference": update.recommendation.reference, "side": update.get_side_display()},
                str(update.narrative),
                f"{update.recommendation.get_absolute_url()}#progress-{update.pk}",
                f"tag:{host},2013:progress-{update.pk}",
                update.published_at,
                str(_("Progress")),
            )
        )
    found.sort(key=lambda entry: (entry.published, entry.guid), reverse=True)
    return found[:ITEMS]


class PlainTextAtomFeed(Atom1Feed):
    """Atom whose summaries are ``type="text"``: the words members wrote, escaped by the XML
    writer, which feed readers show as text. Django's own says ``type="html"``, and readers would
    render whatever markup a member typed."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestFeed(Feed):  # type: ignore[type-arg]
    feed_type = PlainTextAtomFeed
    login_required = False  # public: LoginRequiredMiddleware reads this

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override(requested_language(request)):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return request.get_host().split(":")[0]

    def title(self) -> str:
        return _("Security cooperation committee: latest records and progress")

    def subtitle(self) -> str:
        return _("New public records and published progress of the Moroccan–Spanish committee.")

    def link(self) -> str:
        return "/"

    def items(self, obj: str) -> list[Entry]:
        return entries(obj)

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> dt.datetime:
        return item.published

    def item_categories(self, item: Entry) -> list[str]:
        return [item.kind]
