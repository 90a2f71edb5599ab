"""Wagtail hooks of the core."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Remember which page answers the request, for the cache policy (home.http_cache)."""
    request.openly_page = page
