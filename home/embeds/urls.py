"""/<lang>/embed/<name>/…: each registered embed (home.registry.embeds), and an embeddable
404 for any other address under /<lang>/embed/."""

from django.urls import path, re_path

from home.embeds.views import embed_view, not_found
from home.registry import embeds

app_name = "embeds"


def build_patterns():
    """One pattern per registered embed (the registry is full: URLs load after every app
    is ready), then the 404 for the rest."""
    patterns = [
        path(f"{name}/{entry.route}", embed_view(entry.view), name=name)
        for name, entry in embeds.items()
    ]
    patterns.append(re_path(r"^.*$", embed_view(not_found), name="not_found"))
    return patterns


urlpatterns = build_patterns()
