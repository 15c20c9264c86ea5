"""Customer numbers in prints and exports: masked unless a supervisor shows them, for a while.

File › Show customer numbers in prints… asks a supervisor's PIN (role
supervisor; team leaders and viewers cannot); for SHOW_FOR the window's prints
and exports carry the numbers whole, then they are masked again by
themselves. The data are masked by app.domain.privacy before the printing and
export code sees them.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from app.domain.privacy import masked_entries, masked_log, masked_snapshot

SHOW_FOR = timedelta(minutes=15)


def showing(context) -> bool:
    """Whether customer numbers print whole now."""
    until = getattr(context, "personal_until", None)
    return until is not None and context.now() < until


def for_print_log(context, log):
    return log if showing(context) else masked_log(log)


def for_export(context, entries):
    return tuple(entries) if showing(context) else masked_entries(entries)


def for_print_handover(context, handover):
    from dataclasses import replace

    return handover if showing(context) else replace(handover, snapshot=masked_snapshot(handover.snapshot))


def ask_to_show(window) -> None:
    """The PIN dialog; a supervisor's PIN shows the numbers whole in prints and exports for SHOW_FOR."""
    from app.domain.people import Role
    from app.services import people
    from app.ui.errors import describe, report_error
    from app.ui.pin_dialog import PinDialog

    context = window.context
    console = context.console
    if console is None:
        return

    def show(all_supervisors) -> None:
        supervisors = tuple(s for s in all_supervisors if s.role is Role.SUPERVISOR)
        dialog = PinDialog(QCoreApplication.translate("privacy", "Show customer numbers in prints"),
                           QCoreApplication.translate("privacy", "Prints and exports show customer numbers and ids "
                                                      "by their last four characters. A supervisor's PIN shows them "
                                                      "whole for 15 minutes."), supervisors, None, window)
        dialog.setObjectName("show_personal_dialog")

        def verified(supervisor) -> None:
            if supervisor.role is not Role.SUPERVISOR:
                dialog.failed(QCoreApplication.translate("privacy", "Only a supervisor may show customer numbers."))
                return
            context.personal_until = context.now() + SHOW_FOR
            dialog.accept()
            context.status(QCoreApplication.translate("privacy", "Customer numbers print whole until {time} "
                                                      "({name}).").format(time=f"{context.personal_until:%H:%M}",
                                                                          name=supervisor.name))

        dialog.submitted.connect(lambda supervisor_id, pin: context.runner.run(
            people.verify_supervisor, console, supervisor_id, pin, on_done=verified,
            on_error=lambda exc: dialog.failed(describe(exc))))
        dialog.open()
        window.personal_dialog = dialog

    context.runner.run(people.list_supervisors, console, on_done=show, on_error=report_error)
