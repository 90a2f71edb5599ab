"""Demo commitments (filled in below)."""


def load(demo):
    """Nothing yet."""
