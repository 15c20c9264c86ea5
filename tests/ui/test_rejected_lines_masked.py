"""The add-feed dialog shows rejected lines with their caller numbers masked (a real queue_log with broken lines
added), for an import and for a live source's first poll; copied and saved as shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.calls import FeedFormat
from tests.conftest import SHARED_DATA

QUEUE_LOG = SHARED_DATA / "asterisk-queue-log" / "asterisk2slack_fixture.queue_log"
ADDED = ("2018-12-28 17:0x|1546027700.761300|201|NONE|ENTERQUEUE||+55511455399|1\n"
         "cut by the ACD +55511455388\n")
SHOWN = ["2018-12-28 17:0x|1546027700.761300|201|NONE|ENTERQUEUE||+*******5399|1", "cut by the ACD +*******5388"]


def _add(qtbot, window, path, source: str, live: bool):
    window.add_feed()
    dialog = window.add_feed_dialog
    dialog.path_edit.setText(str(path))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(FeedFormat.QUEUE_LOG.value))
    dialog.source_edit.setText(source)
    dialog.zone_box.setCurrentText("Etc/UTC")
    dialog.live_box.setChecked(live)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary is not None, dialog.result.text()
    return dialog


def test_rejected_lines_show_masked_caller_numbers(desktop, qtbot, tmp_path):
    path = tmp_path / "queue_log"
    path.write_text(QUEUE_LOG.read_text(encoding="utf-8").rstrip("\n") + "\n" + ADDED, encoding="utf-8")
    lines = len(path.read_text().splitlines())
    for source, live in (("pbx", False), ("pbx-live", True)):
        dialog = _add(qtbot, desktop.window, path, source, live)
        table = dialog.rejected
        assert table.rowCount() == 2
        assert [table.item(r, 0).text() for r in range(2)] == [str(lines - 1), str(lines)]
        assert [table.item(r, 2).text() for r in range(2)] == SHOWN
        copied = dialog.rejected_text()
        assert "55511455399" not in copied and "55511455388" not in copied
        saved = tmp_path / f"{source}.tsv"
        dialog.save_rejected(str(saved))
        assert "+*******5399" in saved.read_text(encoding="utf-8")
        dialog.close()
