"""Migration 0013 (privacy settings per site) as the models declare it, down and up again keeping the sites."""

from tests.storage.migration_checks import up_down_up


def test_0013_up_down_up(db_url):
    up_down_up(db_url, "0012", lambda i: "privacy_settings" in i.get_table_names(),
               "SELECT count(*) FROM privacy_settings")
