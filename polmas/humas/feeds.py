"""RSS, Atom and JSON Feed of published press releases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from polmas.humas.models import PressRelease
from polmas.humas.selectors import published_releases

FEED_SIZE = 30
FEED_TITLE = "Berita Polmas"
FEED_DESCRIPTION = "Siaran pers kegiatan pemolisian masyarakat"


class LatestReleasesRss(Feed):  # type: ignore[type-arg]
    title = FEED_TITLE
    description = FEED_DESCRIPTION

    def link(self) -> str:
        return reverse("humas:news_list")

    def items(self) -> list[PressRelease]:
        return list(published_releases()[:FEED_SIZE])

    def item_title(self, item: PressRelease) -> str:
        return item.title

    def item_description(self, item: PressRelease) -> str:
        return item.lead

    def item_link(self, item: PressRelease) -> str:
        return reverse("humas:news_detail", args=[item.slug])

    def item_pubdate(self, item: PressRelease) -> dt.datetime | None:
        return item.published_at

    def item_author_name(self, item: PressRelease) -> str:
        return item.unit.name


class LatestReleasesAtom(LatestReleasesRss):
    feed_type = Atom1Feed
    subtitle = FEED_DESCRIPTION


def json_feed(request: HttpRequest) -> JsonResponse:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items: list[dict[str, Any]] = []
    for release in published_releases()[:FEED_SIZE]:
        url = request.build_absolute_uri(reverse("humas:news_detail", args=[release.slug]))
        items.append(
            {
                "id": url,
                "url": url,
                "title": release.title,
                "content_text": release.body,
                "summary": release.lead,
                "date_published": release.published_at.isoformat()
                if release.published_at
                else None,
                "authors": [{"name": release.unit.name}],
            }
        )
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": FEED_TITLE,
        "description": FEED_DESCRIPTION,
        "home_page_url": request.build_absolute_uri(reverse("humas:news_list")),
        "feed_url": request.build_absolute_uri(reverse("humas:json_feed")),
        "language": "id",
        "items": items,
    }
    return JsonResponse(
        data, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False}
    )
