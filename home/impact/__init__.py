"""The impact dashboard (issue #18): what the coalition achieved, in figures only, at
/<lang>/impact/ and on the admin dashboard.

Apps contribute their figures as impact series (``home.impact.series.ImpactSeries``)
registered in ``home.registry.impact_series`` from their ``AppConfig.ready()``: pledge
signatures, commitments, stories, events held, actions done and open. Each series is one
aggregate query (grouped by month or year, country and part), never a row per item and
never personal data. Charts are drawn as SVG by the project's own templates (no script),
each with a table of its figures and a CSV download."""
