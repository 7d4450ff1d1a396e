"""The SkillUp project package: settings, URLs, the Celery app and project-wide checks.

The Celery app is loaded by NotificationsConfig.ready() rather than here, so that importing
`skillup.wsgi` keeps its own settings default (production) instead of celery.py's (local).
"""
