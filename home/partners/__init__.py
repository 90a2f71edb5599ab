"""The coalition on the public site: the "Our partners" index and each partner
organisation's own page (a Django app, label "partners")."""
