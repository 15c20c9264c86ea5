"""The handover-quality view: the site's shift changes of the last 30 days."""
