"""What the production smoke test (tests/deploy/smoke.py) does inside Openly, as an editor
would: run with ``manage.py shell -c`` in the smoke test's own virtual environment (runtime
lock only, so nothing here may import a test tool). Each prints one line ``SMOKE <json>``.

The code is kept here as text so that the smoke test ships it to ``manage.py shell`` as is.
"""

# A home page with a picture (uploaded to the media storage) as the site's root, a standard
# page under it for the purge test, and an administrator for the admin test.
CREATE = """
import io, json
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from home.models import HomePage, StandardPage

buffer = io.BytesIO()
Picture.new("RGB", (1200, 800), (40, 110, 90)).save(buffer, format="JPEG")
image = get_image_model()(title="Smoke test picture")
image.file = ImageFile(buffer, name="smoke-test-picture.jpg")
image.save()

root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(
    title="Openly", slug="smoke-home", hero_heading="{heading}",
    hero_image=image, hero_image_alt="A green field",
))
home.save_revision().publish()
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
page = home.add_child(instance=StandardPage(title="About", slug="about", body=[]))
page.save_revision().publish()
get_user_model().objects.create_superuser("smoke-admin", "admin@example.invalid", "{password}")
print("SMOKE " + json.dumps({{"home": home.pk, "page": page.pk, "image": image.file.name}}))
"""

# A change to the home page's heading, scheduled a few seconds ahead: Wagtail keeps it
# waiting (approved_go_live_at) until publish_scheduled, run by the worker, publishes it.
SCHEDULE = """
import json
from datetime import timedelta
from django.utils import timezone
from home.models import HomePage

home = HomePage.objects.get(pk={home})
home.hero_heading = "{heading}"
home.go_live_at = timezone.now() + timedelta(seconds={seconds})
revision = home.save_revision()
revision.publish()
revision.refresh_from_db()
home.refresh_from_db()
print("SMOKE " + json.dumps({{
    "go_live_at": revision.approved_go_live_at.timestamp(),
    "still_live": home.hero_heading,
}}))
"""

# A publication by the application's own code path, timed around the publish alone.
PUBLISH = """
import json, time
from home.models import StandardPage

page = StandardPage.objects.get(pk={page})
page.title = "About the coalition"
revision = page.save_revision()
started = time.monotonic()
revision.publish()
print("SMOKE " + json.dumps({{"seconds": time.monotonic() - started}}))
"""

# When a scheduled change is late: where it stands in the database (the page, its waiting
# revision, the periodic runs and the background tasks, with their times), for the report.
SCHEDULE_REPORT = """
import json
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision
from home.jobs.models import ScheduledRun
from home.models import HomePage

home = HomePage.objects.get(pk={home})
def when(moment):
    return moment.isoformat(timespec="milliseconds") if moment else None
waiting = Revision.page_revisions.filter(object_id=str(home.pk)).exclude(approved_go_live_at=None)
print("SMOKE " + json.dumps({{
    "now": when(timezone.now()),
    "live heading": home.hero_heading,
    "last published": when(home.last_published_at),
    "waiting revisions": [when(r.approved_go_live_at) for r in waiting],
    "runs": [
        [r.job, when(r.slot), when(r.queued_at)]
        for r in ScheduledRun.objects.order_by("queued_at")
    ],
    "tasks": [
        [t.task_path.rsplit(".", 1)[-1], t.status, when(t.enqueued_at), when(t.started_at),
         when(t.finished_at), str(t.args_kwargs)[:80]]
        for t in DBTaskResult.objects.order_by("enqueued_at")
    ],
}}))
"""
