"""Migration 0012 (the live-feed poll lease) as the models declare it, down and up again keeping the sites."""

from tests.storage.migration_checks import up_down_up


def test_0012_up_down_up(db_url):
    up_down_up(db_url, "0011", lambda i: {"poll_holder", "poll_lease_until"}
               <= {c["name"] for c in i.get_columns("feed_sources")},
               "SELECT count(*) FROM feed_sources WHERE poll_holder IS NOT NULL")
