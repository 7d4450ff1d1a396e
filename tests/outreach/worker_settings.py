"""Settings of the real worker in test_sending.py: the local settings, with the tasks the worker
itself publishes (outreach.deliver writes emails and queues notifications.send) going to the
test's private queue, which that worker consumes, rather than to the shared default queue."""

import os

from skillup.settings.local import *  # noqa: F403

CELERY_TASK_DEFAULT_QUEUE = os.environ["SKILLUP_TEST_QUEUE"]
