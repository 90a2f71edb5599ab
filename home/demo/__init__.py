"""The demo framework (app label "demo"): `manage.py load_demo`, the building blocks the
apps' demo loaders share, and the demo of the site skeleton itself.

Each app registers its loader in ``home.registry.demo_loaders`` from its ``ready()``; a
loader is Python logic only and reads its prose and translations from a data file beside it
(see ``home.demo.loading.read_data``)."""
