"""Background work in production: the periodic jobs (scheduled publishing every minute,
contributor-data erasure daily, …) and the one command that runs them with the task worker,
``manage.py run_worker``.

Each app registers its periodic jobs in ``home.registry.periodic_jobs`` (see
``schedule.Job``). The scheduler in ``run_worker`` queues a job once per time slot as a task
of the ``default`` task backend; any number of workers may run, because each slot is
claimed by inserting one row (``ScheduledRun``, unique per job and slot) and only the
process whose insert succeeds queues it.

Why our own: Django's task framework and django-tasks-db have no periodic tasks, and the
schedulers that exist either keep their state in one process (APScheduler: two workers
would publish twice) or bring their own queue and Redis (rq-scheduler); one table and a loop
on the queue we already run is less to operate.
"""
