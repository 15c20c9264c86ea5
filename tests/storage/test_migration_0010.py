"""Migration 0010 (reminder times per site, the signers' names and seal version) as the models declare it, down
and up again keeping the sites."""

from tests.storage.migration_checks import up_down_up


def test_0010_up_down_up(db_url):
    up_down_up(db_url, "0009",
               lambda i: "reminder_settings" in i.get_table_names()
               and "seal_version" in {c["name"] for c in i.get_columns("handovers")},
               "SELECT count(*) FROM reminder_settings")
