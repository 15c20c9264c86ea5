"""Adding a feed through the dialog, and per-queue settings, as a supervisor does it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.calls import FeedFormat
from app.domain.service_level import SlDefinition
from tests.conftest import JANUARY


def test_import_a_file_through_the_dialog(desktop, qtbot, tmp_path):
    window = desktop.window
    window.add_feed()
    dialog = window.add_feed_dialog
    bad = tmp_path / "bank.txt"
    raw = JANUARY.read_bytes().split(b"\r\n")
    bad.write_bytes(b"\r\n".join(raw[:200]) + b"\r\nthis line is cut\r\n" + b"\r\n".join(raw[200:400]) + b"\r\n")
    dialog.path_edit.setText(str(bad))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(FeedFormat.ANONYMOUS_BANK.value))
    dialog.source_edit.setText("bank")
    dialog.site_box.setCurrentText("Anonymous Bank")
    dialog.zone_box.setCurrentText("Asia/Jerusalem")
    dialog.threshold_box.setValue(30)
    dialog.definition_box.setCurrentIndex(dialog.definition_box.findData(SlDefinition.ANSWERED.value))
    dialog.target_box.setValue(85)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    s = dialog.summary
    assert s is not None, dialog.result.text()
    assert (s.source, s.lines_read, s.rejected) == ("bank", 400, 1)  # 199 + the cut line + 200
    assert dialog.progress.value() == 1000
    assert dialog.rejected.rowCount() == 1
    assert dialog.rejected.item(0, 0).text() == "201"
    assert "expected 17 tab-separated fields" in dialog.rejected.item(0, 1).text()
    assert dialog.rejected_text().startswith("201\texpected 17")
    saved = dialog.save_rejected(str(tmp_path / "rejected.tsv"))
    assert (tmp_path / "rejected.tsv").read_text().startswith("201\t")
    assert saved.endswith("rejected.tsv")
    # The window now shows the new source with its settings.
    assert [src.name for src in window.sources] == ["bank"]
    bank = window.sources[0]
    assert (bank.settings.threshold_seconds, bank.settings.target_percent, bank.settings.definition) == (30, 85, SlDefinition.ANSWERED)
    assert bank.site.name == "Anonymous Bank" and bank.site.timezone == "Asia/Jerusalem"


def test_a_bad_file_shows_the_reason_in_the_dialog(desktop, tmp_path):
    window = desktop.window
    window.add_feed()
    dialog = window.add_feed_dialog
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    dialog.path_edit.setText(str(empty))
    dialog.source_edit.setText("x")
    dialog.start_import()
    assert "the file is empty" in dialog.result.text() and str(empty) in dialog.result.text()
    assert dialog.import_button.isEnabled() and dialog.summary is None
    assert window.sources == ()


def test_queue_settings_recompute_the_figures(desktop):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    ps_before = [s for s in sl.current.all_queues]
    assert "PS" in ps_before
    dialog = sl.open_queue_settings()
    row = [r[0] for r in dialog.rows].index("PS")
    _, use, threshold, target, definition = dialog.rows[row]
    use.setChecked(True)
    threshold.setValue(60)
    target.setValue(90)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert "intervals recomputed" in dialog.result_label.text()
    sl.set_queues(("PS",))
    assert sl.current.threshold_seconds == 60 and sl.current.target_percent == 90
    ten_thirty = [s.label for s in sl.current.slots].index("10:30")
    within_60 = sl.current.slots[ten_thirty].figures.answered_within
    dialog.rows[row][1].setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    sl.set_queues(("NE",))
    sl.set_queues(("PS",))
    assert sl.current.threshold_seconds == 20
    assert sl.current.slots[ten_thirty].figures.answered_within < within_60


def test_add_a_live_feed_through_the_dialog(desktop, tmp_path):
    from tests.conftest import SHARED_DATA

    log = tmp_path / "queue_log"
    kata = (SHARED_DATA / "asterisk-queue-log" / "logvisualiserkata_input.queue_log").read_text().splitlines()
    log.write_text("\n".join(kata[:100]) + "\n")
    window = desktop.window
    window.add_feed()
    dialog = window.add_feed_dialog
    dialog.path_edit.setText(str(log))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(FeedFormat.QUEUE_LOG.value))
    dialog.source_edit.setText("pbx")
    dialog.site_box.setCurrentText("Main site")
    dialog.zone_box.setCurrentText("")
    dialog.live_box.setChecked(True)
    dialog.start_import()
    assert "pbx is live: 100 lines read" in dialog.result.text(), dialog.result.text()
    assert window.live.plan[0] == ("pbx",)
    with open(log, "a") as fh:
        fh.write("\n".join(kata[100:]) + "\n")
    window.live.poll_now()
    assert window.live.results["pbx"].lines_read == len(kata) - 100


def test_naming_an_existing_source_keeps_its_settings(desktop, tmp_path):
    window = desktop.window
    window.load_demo()
    window.add_feed()
    dialog = window.add_feed_dialog
    dialog.source_edit.setText("demo-acd")
    request = dialog.request()
    demo = window.sources[0]
    assert request.format.value == demo.format == "queue-log"
    assert request.threshold_seconds == demo.settings.threshold_seconds
    assert request.sl_definition is demo.settings.definition
    assert request.tz is None and request.site == demo.site.name  # the site's own zone
    assert dialog.target_box.value() == demo.settings.target_percent
