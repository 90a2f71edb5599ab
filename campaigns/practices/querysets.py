"""Named queries of the practice library (the index's facets call them by name, see
campaigns.practices.facets)."""

from django.db.models import Prefetch
from wagtail.models import PageManager

from home.querysets import PublicPageQuerySet, TaggedQuerySetMixin


class PracticePageQuerySet(TaggedQuerySetMixin, PublicPageQuerySet):
    """Practices filtered by the countries and stages of their case studies."""

    def with_countries(self, codes):
        """Practices with a case study in any of the given countries (ISO codes)."""
        return self._with_case_studies("country__in", codes)

    def with_stages(self, stages):
        """Practices with a case study at any of the given stages of implementation."""
        return self._with_case_studies("stage__in", stages)

    def _with_case_studies(self, lookup, values):
        if not values:
            return self
        relation = self.model._meta.get_field("case_studies")
        studies = relation.related_model.objects.filter(**{lookup: values})
        return self.filter(pk__in=studies.values("practice_id"))

    def alphabetical(self):
        return self.order_by("title", "pk")

    def for_cards(self):
        """Everything a practice card shows (owner, and the countries of its case studies)
        in a fixed number of queries, however many practices there are."""
        relation = self.model._meta.get_field("case_studies")
        studies = relation.related_model.objects.only("pk", "practice_id", "country", "stage")
        return self.select_related("organisation", "locale").prefetch_related(
            Prefetch("case_studies", queryset=studies.order_by("country", "pk"))
        )


PracticePageManager = PageManager.from_queryset(PracticePageQuerySet)
