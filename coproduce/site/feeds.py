from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from .models import Update


class UpdateFeed(Feed):
    """An Atom feed of published updates, for feed readers."""

    feed_type = Atom1Feed

    def title(self):
        return gettext("%(organisation)s: co-production updates") % {
            "organisation": settings.COPRODUCE_ORGANISATION_NAME
        }

    def subtitle(self):
        return gettext("News from our co-production journey.")

    def link(self):
        return reverse("site:update_list")

    def items(self):
        return Update.objects.published().select_related("author")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.name if item.author else None
