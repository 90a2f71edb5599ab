"""Listing helpers for the campaign index and the resource library (filled in below)."""
