"""Every view of the window rendered to DIR/<view>.png (for the README and for looking)."""

from __future__ import annotations

from pathlib import Path


def render_all(desktop, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window = desktop.window
    window.resize(1400, 900)
    written = []

    def shot(name: str, widget=None) -> None:
        desktop.wait_idle()
        path = folder / f"{name}.png"
        (widget or window).grab().save(str(path))
        written.append(path)

    has_data = bool(window.sources)
    if not has_data:
        window.show_view("welcome")
        shot("welcome")
    else:
        sl = window.service_level
        window.show_view("service_level")
        sl.tabs.setCurrentIndex(0)
        shot("service_level")
        sl.tabs.setCurrentIndex(1)
        shot("service_level_week")
        sl.tabs.setCurrentIndex(2)
        shot("service_level_definitions")
        sl.tabs.setCurrentIndex(0)
        abandoned_calls(desktop, sl, shot)
        window.show_view("now")
        shot("now")
        board = window.now.open_wallboard()
        board.showNormal()  # a 1920 x 1080 floor screen, whatever the offscreen screen is
        board.resize(1920, 1080)
        shot("wallboard", board)
        board.close()
        window.show_view("service_level")
    sheet = window.shift_sheet
    window.show_view("shift_sheet")
    for index, name in enumerate(("shift_sheet", "shift_sheet_notices", "shift_sheet_acd_check")):
        sheet.side.setCurrentIndex(index)
        shot(name)
    sheet.side.setCurrentIndex(0)
    if sheet.sheet is not None:
        sheet.actions.setup()
        setup = sheet.actions.dialog
        setup.tabs.setCurrentIndex(4)
        shot("shift_setup", setup)
        setup.close()
        roster_file = demo_roster_file(desktop)
        if roster_file is not None:
            sheet.actions.import_roster()
            dialog = sheet.actions.dialog
            dialog.preview(roster_file)
            shot("roster_import", dialog)
            dialog.close()
    window.show_view("seat_map")
    shot("seat_map")
    work_log(desktop, window, shot)
    playbooks(desktop, window, shot)
    handover_and_meetings(desktop, window, shot)
    window.add_feed()
    dialog = window.add_feed_dialog
    shot("add_feed", dialog)
    dialog.close()
    desktop.preferences()
    shot("preferences", window.preferences_dialog)
    window.preferences_dialog.close()
    sign_in_page(desktop, window, shot)
    return written


def sign_in_page(desktop, window, shot) -> None:
    """The page that asks who is at the desk (the desktop application shows it once a supervisor exists)."""
    from app.services import people

    console = desktop.context.console
    if console is None:
        return
    page = window.signing.page
    page.fill(people.list_supervisors(console, active_only=True))
    page.show_reason("start")
    window.show_locked(True)
    shot("sign_in")
    window.show_locked(False)


def abandoned_calls(desktop, sl, shot) -> None:
    """The abandoned calls of the finished interval that lost the most, with one turned into a callback follow-up."""
    view = sl.table_model.view
    done = [s for s in (view.slots if view else ()) if s.figures is not None and not s.provisional]
    if not done:
        return
    worst = max(done, key=lambda s: s.figures.abandoned or 0)
    if not worst.figures.abandoned:
        return
    sl._select_slot(worst.start)
    dialog = sl.open_abandoned_calls()
    desktop.wait_idle()
    if dialog is None:
        return
    dialog.resize(900, 480)
    shot("abandoned_calls", dialog)
    dialog.close()


def work_log(desktop, window, shot) -> None:
    """The shift's log with its carried items, the search of open items, and the history of a corrected entry."""
    log = window.work_log
    window.show_view("work_log")
    log.tabs.setCurrentIndex(0)
    if log.carried_model.rowCount():
        log.carried.setCurrentIndex(log.carried_model.index(0, 0))
    shot("work_log")
    edited = [e for e in (log.log.entries if log.log else ()) if e.revision > 1 and e.withdrawn is None]
    if not edited and log.log is not None:
        edited = [c.entry for c in log.log.carried if c.entry.revision > 1]
    if edited:
        log.show_history(edited[0])
        desktop.wait_idle()
        shot("work_log_history", log.dialog)
        log.dialog.close()
    log.tabs.setCurrentIndex(1)
    log.search.status.setCurrentIndex(log.search.status.findData("open_items"))
    log.search.run()
    shot("work_log_search")
    log.search.status.setCurrentIndex(0)
    log.tabs.setCurrentIndex(0)


def playbooks(desktop, window, shot) -> None:
    """The runs (the active one as a checklist), a playbook with tonight's contacts, its editor, the contacts."""
    view = window.playbook
    window.show_view("playbook")
    desktop.wait_idle()
    view.tabs.setCurrentIndex(0)
    active = [i for i, r in enumerate(view.runs) if r.status.value == "active"]
    if active:
        view.runs_list.setCurrentRow(active[0])
    shot("playbook")
    view.tabs.setCurrentIndex(1)
    shot("playbook_detail")
    view.tabs.setCurrentIndex(0)
    if view.selected_playbook() is not None:
        view.edit_selected()
        editor = view.dialog
        editor.resize(980, 640)
        shot("playbook_editor", editor)
        editor.close()
    contacts = view.open_contacts()
    desktop.wait_idle()
    contacts.resize(900, 420)
    shot("playbook_contacts", contacts)
    contacts.close()


def handover_and_meetings(desktop, window, shot) -> None:
    """The handover of the shift now (its first step and its service level), the agenda of the next shift, the
    post-shift meeting, and the handover quality of the last 30 days."""
    handover = window.handover
    window.show_view("handover")
    desktop.wait_idle()
    handover.steps.setCurrentRow(0)
    shot("handover")
    handover.steps.setCurrentRow(4)  # the service level of the outgoing shift
    shot("handover_service_level")
    handover.steps.setCurrentRow(0)
    meetings = window.meetings
    window.show_view("meetings")
    desktop.wait_idle()
    meetings.tabs.setCurrentIndex(0)
    shot("meetings_agenda")
    meetings.tabs.setCurrentIndex(1)
    shot("meetings_post_shift")
    meetings.tabs.setCurrentIndex(0)
    window.show_view("handover_quality")
    desktop.wait_idle()
    shot("handover_quality")


def demo_roster_file(desktop) -> str | None:
    """The demo's schedule export, when there is one."""
    from app.services.demo_roster import demo_roster_file as find

    return find()
