"""Customer numbers on paper and in files: the last four characters only, separators kept; copies, never the
stored values."""

from app.domain.privacy import mask, masked_snapshot


def test_numbers_and_ids_keep_their_last_characters():
    assert mask("13800138000") == "*******8000"
    assert mask("138 0013 8000") == "*** **** 8000"
    assert mask("VIP-2024-00017") == "***-****-*0017"
    assert mask("C-778") == "*-**8"  # four signs or fewer: all but the last
    assert mask("") == "" and mask(None) == ""
    assert mask("客户A12345") == "****2345"  # letters of any script count


def test_a_snapshot_is_masked_in_a_copy():
    snapshot = {"items": [{"id": 1, "customer_ref": "13800138000", "customer_name": "李先生"}, {"id": 2}]}
    shown = masked_snapshot(snapshot)
    assert shown["items"][0] == {"id": 1, "customer_ref": "*******8000", "customer_name": "李先生"}
    assert snapshot["items"][0]["customer_ref"] == "13800138000" and masked_snapshot(None) is None
