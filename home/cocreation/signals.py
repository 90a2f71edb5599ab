"""What co-creation tells other apps about partner organisations, so that it needs to know
nothing about them (the partners app, which makes each organisation's own page, answers
these)."""

from django.dispatch import Signal

# Sent while an organisation is set up (after every save), with ``organisation`` and ``user``
# (who saved it, or None). A receiver may return the organisation's section page (found or
# made); set-up records the first one returned as ``organisation.section``.
organisation_set_up = Signal()

# Sent before organisations are deleted, in the deleting transaction, with ``organisations``
# (a queryset): receivers delete what must go with them.
organisations_deleting = Signal()
