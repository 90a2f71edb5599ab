"""Co-creation: partner organisations, roles and permissions, the review workflows,
translation review and the wagtail-localize overrides (a Django app, label "cocreation")."""
