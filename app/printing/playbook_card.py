"""A playbook printed as a one-page A4 card for the supervisor's desk (应急预案卡).

`build_card_html` words a domain Playbook as HTML: the title large, the
severity, the situation and how to recognise it side by side, the numbered
steps each with a box to tick on paper, who does it (the role, and for a
role the contact list covers the contact on duty at print time with the
phone: "IT duty: 王磊 138…"), the expected minutes and "if this fails →
step N"; at the bottom the contact list (the playbook's roles first, the one
on duty in bold). The page header holds the site, the playbook's key and
version, and the print time. `print_card_pdf` writes the PDF, `paint_card`
paints it on a printer (print preview); both shrink the type (10 pt down to
7 pt) until the card fits one page. Times are wall-clock times of the
site's zone (`tz_name`). `card_words` holds every printed word keyed by code.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.domain.playbooks import Contact, Playbook, Severity, contact_for, roles_of
from app.printing.document import PageHeader, PrintError, _document, body_rect, paint, pdf_writer

CHECKBOX = "\u25a1"  # □ (in the shipped font)
ARROW = "\u2192"  # →
POINT_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # tried in turn until the card fits one page
SEVERITY_COLOURS = {Severity.CRITICAL: "#b00020", Severity.WARNING: "#b35c00", Severity.INFO: "#333333"}


def card_words() -> dict[str, str]:
    """Every word of the card in the current language, keyed by code (roles as role.<key>)."""
    words = {
        "card": QCoreApplication.translate("playbook_card", "Emergency playbook"),
        "header.shift": QCoreApplication.translate("playbook_card", "Playbook {key} · version {version}"),
        "printed": QCoreApplication.translate("playbook_card", "Printed {time}"),
        "severity": QCoreApplication.translate("playbook_card", "Severity"),
        "severity.info": QCoreApplication.translate("playbook_card", "INFO"),
        "severity.warning": QCoreApplication.translate("playbook_card", "WARNING"),
        "severity.critical": QCoreApplication.translate("playbook_card", "CRITICAL"),
        "version": QCoreApplication.translate("playbook_card", "version {version}, {date}"),
        "roles": QCoreApplication.translate("playbook_card", "Roles"),
        "label": QCoreApplication.translate("playbook_card", "{label}: {value}"),
        "list_sep": QCoreApplication.translate("playbook_card", ", "),
        "situation": QCoreApplication.translate("playbook_card", "Situation"),
        "recognise": QCoreApplication.translate("playbook_card", "How to recognise it"),
        "steps": QCoreApplication.translate("playbook_card", "Steps"),
        "col.done": QCoreApplication.translate("playbook_card", "Done"),
        "col.step": QCoreApplication.translate("playbook_card", "Step"),
        "col.text": QCoreApplication.translate("playbook_card", "What to do"),
        "col.who": QCoreApplication.translate("playbook_card", "Who"),
        "col.minutes": QCoreApplication.translate("playbook_card", "Min"),
        "col.if_fails": QCoreApplication.translate("playbook_card", "If this fails"),
        "goto": QCoreApplication.translate("playbook_card", "{arrow} step {step}"),
        "who.contact": QCoreApplication.translate("playbook_card", "{role}: {name} {phone}"),
        "total_minutes": QCoreApplication.translate("playbook_card", "Expected time for every step: {minutes} min."),
        "contacts": QCoreApplication.translate("playbook_card", "Contacts"),
        "col.role": QCoreApplication.translate("playbook_card", "Role"),
        "col.name": QCoreApplication.translate("playbook_card", "Name"),
        "col.phone": QCoreApplication.translate("playbook_card", "Phone"),
        "col.on_duty": QCoreApplication.translate("playbook_card", "On duty"),
        "col.when": QCoreApplication.translate("playbook_card", "When to call"),
        "always": QCoreApplication.translate("playbook_card", "always"),
        "from": QCoreApplication.translate("playbook_card", "from {time}"),
        "until": QCoreApplication.translate("playbook_card", "until {time}"),
        "no_contacts": QCoreApplication.translate("playbook_card", "No contacts yet: add them in the playbooks' contact list."),
        "contacts.note": QCoreApplication.translate("playbook_card",
                           "Names in the steps: on duty at {time}, when the card was printed; at another hour "
                           "call the one on duty in this list."),
        "role.supervisor": QCoreApplication.translate("playbook_card", "supervisor"),
        "role.team_leader": QCoreApplication.translate("playbook_card", "team leader"),
        "role.agents": QCoreApplication.translate("playbook_card", "agents"),
        "role.it_duty": QCoreApplication.translate("playbook_card", "IT duty"),
        "role.telephony_vendor": QCoreApplication.translate("playbook_card", "telephony vendor"),
        "role.facilities": QCoreApplication.translate("playbook_card", "facilities"),
        "role.duty_manager": QCoreApplication.translate("playbook_card", "duty manager"),
        "role.wfm": QCoreApplication.translate("playbook_card", "WFM"),
        "role.qa": QCoreApplication.translate("playbook_card", "QA"),
    }
    return words


def _e(text: object) -> str:
    return html.escape(str(text) if text is not None else "")


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in (text or "").splitlines())


def _keep(text: str) -> str:
    """`text` escaped, its spaces not to be broken (a phone number stays on one line)."""
    return _e(text).replace(" ", "&nbsp;")


def _role(role: str, w: Mapping[str, str]) -> str:
    return w.get(f"role.{role.strip()}", role.strip())


def _label(w: Mapping[str, str], key: str, value_html: str) -> str:
    """ "Label: value" with the language's punctuation (`value_html` is HTML already)."""
    return _e(w["label"].format(label="\0", value="\1")).replace("\0", _e(w[key])).replace("\1", value_html)


def _duty(c: Contact, w: Mapping[str, str]) -> str:
    hm = lambda t: t.strftime("%H:%M")  # noqa: E731
    if c.on_from is None and c.on_until is None or c.on_from == c.on_until:
        return w["always"]
    if c.on_until is None:
        return w["from"].format(time=hm(c.on_from))
    if c.on_from is None:
        return w["until"].format(time=hm(c.on_until))
    return f"{hm(c.on_from)}–{hm(c.on_until)}"


def card_contacts(playbook: Playbook, contacts: Iterable[Contact]) -> list[Contact]:
    """The active contacts, those of the playbook's roles first (in its role order), then the others by role."""
    active = [c for c in contacts if c.active]
    order = {r.casefold(): i for i, r in enumerate(roles_of(playbook))}
    return sorted(active, key=lambda c: (order.get(c.role.strip().casefold(), len(order)), c.role, c.id))


def _who(step_role: str, contacts: list[Contact], local: time, w: Mapping[str, str]) -> str:
    contact = contact_for(step_role, contacts, local)
    role = _role(step_role, w)
    if contact is None:
        return _e(role)
    text = _e(w["who.contact"].format(role="\0", name="\1", phone="\2"))
    return text.replace("\0", _e(role)).replace("\1", f"<b>{_e(contact.name)}</b>").replace(
        "\2", f"<b>{_keep(contact.phone)}</b>")


def _steps_table(playbook: Playbook, contacts: list[Contact], local: time, w: Mapping[str, str]) -> str:
    headers = [(w["col.done"], 6), (w["col.step"], 5), (w["col.text"], 50), (w["col.who"], 23),
               (w["col.minutes"], 6), (w["col.if_fails"], 10)]
    head = "".join(f'<th width="{width}%">{_e(title)}</th>' for title, width in headers)
    rows = []
    for n, step in enumerate(playbook.steps, start=1):
        goto = f"<b>{_e(w['goto'].format(arrow=ARROW, step=step.if_fails_goto))}</b>" if step.if_fails_goto else ""
        rows.append(f'<tr><td align="center"><span style="font-size: 13pt;">{CHECKBOX}</span></td>'
                    f'<td align="center"><b>{n}</b></td><td>{_lines(step.text)}</td>'
                    f"<td>{_who(step.role, contacts, local, w)}</td>"
                    f'<td align="center">{step.minutes}</td><td>{goto}</td></tr>')
    return (f'<table width="100%" cellspacing="0" cellpadding="4" style="margin-bottom: 4px;">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _contacts_table(contacts: list[Contact], local: time, w: Mapping[str, str]) -> str:
    if not contacts:
        return f"<p>{_e(w['no_contacts'])}</p>"
    headers = [(w["col.role"], 16), (w["col.name"], 14), (w["col.phone"], 17), (w["col.on_duty"], 13),
               (w["col.when"], 40)]
    head = "".join(f'<th width="{width}%">{_e(title)}</th>' for title, width in headers)
    on_duty = {c.id for c in (contact_for(r, contacts, local) for r in {c.role for c in contacts}) if c}
    rows = []
    for c in contacts:
        cells = [_e(_role(c.role, w)), _e(c.name), _keep(c.phone), _e(_duty(c, w)), _lines(c.when_to_call)]
        if c.id in on_duty:
            cells = [f"<b>{cell}</b>" for cell in cells[:4]] + cells[4:]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (f'<table width="100%" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def build_card_html(playbook: Playbook, contacts: Iterable[Contact], words: Mapping[str, str] | None,
                    tz_name: str, at: datetime) -> str:
    """The card as HTML for document.paint; `at`: the print time (aware), which picks the contacts on duty."""
    w = dict(words) if words is not None else card_words()
    tz = ZoneInfo(tz_name)
    local = at.astimezone(tz)
    listed = card_contacts(playbook, contacts)
    severity = Severity(playbook.severity)
    colour = SEVERITY_COLOURS[severity]
    roles = w["list_sep"].join(_role(r, w) for r in roles_of(playbook))
    version = w["version"].format(version=playbook.version,
                                  date=playbook.created_at.astimezone(tz).strftime("%Y-%m-%d"))
    facts = [
        _label(w, "severity", f'<b style="color: {colour};">{_e(w["severity." + severity.value])}</b>'),
        _e(playbook.key) + " · " + _e(version),
        _label(w, "roles", _e(roles)),
    ]
    total = sum(s.minutes for s in playbook.steps)
    parts = [
        f'<p class="muted" style="margin-bottom: 0;">{_e(w["card"])}</p>',
        f'<h1 style="font-size: 20pt; color: {colour if severity is Severity.CRITICAL else "#000"};">'
        f"{_e(playbook.title)}</h1>",
        "<p>" + " &nbsp;·&nbsp; ".join(facts) + "</p>",
        '<table width="100%" cellspacing="0" cellpadding="5" style="margin-top: 4px; margin-bottom: 4px;"><tr>'
        f'<td width="50%"><b>{_e(w["situation"])}</b><br/>{_lines(playbook.situation)}</td>'
        f'<td width="50%"><b>{_e(w["recognise"])}</b><br/>{_lines(playbook.recognise)}</td></tr></table>',
        f"<h2>{_e(w['steps'])}</h2>",
        _steps_table(playbook, listed, local.time(), w),
        f'<p class="muted">{_e(w["total_minutes"].format(minutes=total))}</p>',
        f"<h2>{_e(w['contacts'])}</h2>",
        _contacts_table(listed, local.time(), w),
    ]
    if listed:
        parts.append(f'<p class="muted">{_e(w["contacts.note"].format(time=local.strftime("%H:%M")))}</p>')
    return "\n".join(parts)


def card_header(playbook: Playbook, site: str, printed_at: datetime, tz_name: str,
                words: Mapping[str, str] | None = None) -> PageHeader:
    """The page header: site, "Playbook <key> · version N", print time in the site's zone."""
    w = words if words is not None else card_words()
    printed = printed_at.astimezone(ZoneInfo(tz_name)).strftime("%Y-%m-%d %H:%M")
    return PageHeader(site, w["header.shift"].format(key=playbook.key, version=playbook.version),
                      w["printed"].format(time=printed))


def fitting_size(device: QPagedPaintDevice, html_text: str, font_family: str) -> float:
    """The largest of POINT_SIZES at which the card lays out on one page of `device` (the smallest if none)."""
    body = body_rect(device).size()
    for size in POINT_SIZES:
        if _document(device, html_text, font_family, size, body).pageCount() <= 1:
            return size
    return POINT_SIZES[-1]


def paint_card(device: QPagedPaintDevice, playbook: Playbook, contacts: Iterable[Contact], font_family: str,
               tz_name: str, site: str = "", printed_at: datetime | None = None,
               words: Mapping[str, str] | None = None) -> int:
    """Paint the card on a printer or other paged device (its page layout as set); returns the pages."""
    w = dict(words) if words is not None else card_words()
    printed_at = printed_at or datetime.now(ZoneInfo(tz_name))
    text = build_card_html(playbook, tuple(contacts), w, tz_name, printed_at)
    return paint(device, text, card_header(playbook, site, printed_at, tz_name, w), font_family,
                 point_size=fitting_size(device, text, font_family))


def print_card_pdf(playbook: Playbook, contacts: Iterable[Contact], path: str | Path, font_family: str,
                   tz_name: str, site: str = "", printed_at: datetime | None = None,
                   words: Mapping[str, str] | None = None) -> int:
    """Write the card to an A4 portrait PDF; returns the page count (PrintError when it cannot be written)."""
    w = dict(words) if words is not None else card_words()
    writer = pdf_writer(path, title=f"{w['card']} · {playbook.title}")
    try:
        return paint_card(writer, playbook, contacts, font_family, tz_name, site, printed_at, w)
    except PrintError:
        raise PrintError(str(path), "the file cannot be written") from None
