"""Registration for events on this site: places, a waiting list, private cancel links, and
the registrants' personal data kept apart and erased after the event (app label
`registration`)."""
