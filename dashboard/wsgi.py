"""The production entry point for gunicorn: `gunicorn dashboard.wsgi:server`."""

from dashboard.app import create_app, quiet_driver_notifications
from geokg.settings import Settings

quiet_driver_notifications()
server = create_app(Settings()).server
