from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only API at /api/v2/: Wagtail's API v2 over the endpoints apps register in
    home.registry.api_endpoints, and the cross-origin header of the API and the feeds."""

    name = "home.api"
    label = "openly_api"
