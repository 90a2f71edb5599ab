"""Demo content (placeholder)."""


def load(demo):
    """Nothing yet."""
