"""The read-only API at /api/v2/ (Wagtail's API v2), with the endpoints apps register."""
