"""Counts for the impact dashboard: registrations survive erasure as rows without personal
data, so these counts stay right after the registrants' details are gone."""

from django.db.models import Count
from django.db.models.functions import TruncMonth

from events.registration.models import Registrant


def registrations_by_month_and_country():
    """[(month (a date, the 1st), country code or "", registrations)] of every registration
    ever made (cancelled ones left out), in one query."""
    rows = (
        Registrant.objects.exclude(status=Registrant.Status.CANCELLED)
        .annotate(month=TruncMonth("created_at"))
        .values_list("month", "setup__event__country")
        .annotate(total=Count("pk"))
        .order_by("month", "setup__event__country")
    )
    return [
        (month.date() if hasattr(month, "date") else month, country or "", total)
        for month, country, total in rows
    ]
