"""The demo's handover and meetings: the last handover signed, a post-shift record, the next shift's agenda prepared.

Written through the handover and meeting services in the chosen language
(zh_CN or en), after the work log and the playbooks (their shifts as
`demo_worklog` finds them: the previous shift hands over to the current one):

- the previous shift's handover, opened ten minutes before the current shift
  starts, its checklist gone through (every step done, the long calls
  skipped when nobody was on one), the face-to-face talk done with a note,
  signed by the previous shift's supervisor ten minutes into the current
  shift and by the current shift's supervisor two minutes later (every
  demo PIN is DEMO_PIN), so both signed within a quarter of an hour of the
  change;
- the post-shift meeting of the previous shift, the quarter of an hour from
  three minutes after the handover was signed (07:15-07:30 when the morning
  shift takes over, the end of the overlap), recorded by its supervisor with
  the shift's figures, a summary text, its incident reviewed as the case,
  notes and tomorrow's topic; none when that quarter of an hour is not over
  by `now`;
- the agenda of the next shift, built (so the topic above picks experience
  sharing as its warm-up) and saved by the current shift's supervisor with
  one edit: the notices' time box two minutes longer (the meeting starts two
  minutes earlier, still ending at the shift's start) and where to find the
  fee rules (the demo's first notice) named more precisely.

Never an instant after `now`: a step of the handover that would come later
happens at now. The texts are at the end of the module, one table per language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.domain.handover import STEPS, Handover, StepState
from app.domain.meetings import Agenda, PartKind, PostShiftMeeting
from app.domain.people import Role, Supervisor
from app.domain.worklog import Category
from app.services import handover, meetings, people, shifts, worklog
from app.services.console import Console
from app.services.demo_roster import DEMO_PIN, SUPERVISORS
from app.services.demo_worklog import _slots
from app.services.playbook_alerts import long_calls_at_shift_change
from app.services.sources import list_sources

OPENED_BEFORE = timedelta(minutes=10)  # the handover is opened before the incoming shift starts
SIGN_OUT_AFTER = timedelta(minutes=10)  # the outgoing supervisor signs after the incoming shift starts
SIGN_IN_AFTER = timedelta(minutes=12)
MEETING_AFTER = timedelta(minutes=3)  # the outgoing team meets this long after the handover is signed
MEETING = timedelta(minutes=15)  # for a quarter of an hour (07:15-07:30 when the morning shift takes over)
NOTICES_LONGER = 2  # minutes added to the notices part of the prepared agenda


@dataclass(frozen=True)
class DemoHandover:
    """What the demo's handover and meetings hold: the signed handover (previous to current shift), the
    post-shift meeting of the previous shift and the prepared agenda of the next (None / 0 when not written)."""

    handover_id: int | None
    post_shift_id: int | None
    agenda_instance_id: int | None
    agenda_revision: int


def build_demo_handover(console: Console, lang: str, now: datetime) -> DemoHandover:
    """Sign the previous shift's handover, record its post-shift meeting and prepare the next shift's agenda
    (aware `now`, in the site's zone)."""
    key = "zh_CN" if lang == "zh_CN" else "en"
    t = TEXTS_ZH if key == "zh_CN" else TEXTS_EN
    slots = _slots(console, now)
    if len(slots) < 2:
        return DemoHandover(None, None, None, 0)
    prev_slot, cur_slot = slots[-2:]
    prev, cur = (shifts.ensure_instance(console, s.day, s.definition.id) for s in (prev_slot, cur_slot))
    sups = {s.name: s for s in people.list_supervisors(console)}
    outgoing = sups.get(prev.supervisor_name or "") or sups[SUPERVISORS[1][0][key]]
    incoming = sups.get(cur.supervisor_name or "") or sups[SUPERVISORS[0][0][key]]
    if incoming.id == outgoing.id:
        incoming = next(s for s in sups.values() if s.id != outgoing.id and s.role is not Role.VIEWER)
    signed = _handover(console, prev.id, cur_slot.start, outgoing, incoming, now, t)
    post = _post_shift(console, prev.id, signed.incoming_signature.at, outgoing.name, now, t)
    nxt = shifts.current_shift(console, now).next
    agenda = None
    if nxt is not None:
        instance = shifts.ensure_instance(console, nxt.day, nxt.definition.id)
        agenda = _agenda(console, instance.id, incoming.name, now, key, t)
    return DemoHandover(signed.id, post.id if post is not None else None,
                        agenda.instance_id if agenda is not None else None,
                        agenda.revision if agenda is not None else 0)


def _handover(console: Console, outgoing_id: int, change: datetime, outgoing: Supervisor, incoming: Supervisor,
              now: datetime, t: dict) -> Handover:
    """Opened before the change, gone through, signed by both just after it."""

    def at(offset: timedelta) -> datetime:
        return min(now, change + offset)

    draft = handover.open_handover(console, outgoing_id, at(-OPENED_BEFORE))
    sign_out = at(SIGN_OUT_AFTER)
    states = {name: StepState.DONE for name in STEPS}
    sources = [s.name for s in list_sources(console) if s.site.id == draft.site_id]
    if not any(long_calls_at_shift_change(console, name, sign_out) for name in sources):
        states["long_calls"] = StepState.SKIPPED  # nobody was on a long call at the change (as step 6 shows)
    handover.save_progress(console, draft.id, states, True, t["talk_note"], at(SIGN_OUT_AFTER - timedelta(minutes=2)))
    handover.sign_outgoing(console, draft.id, outgoing.id, DEMO_PIN, sign_out, talk_done=True)
    return handover.sign_incoming(console, draft.id, incoming.id, DEMO_PIN, at(SIGN_IN_AFTER))


def _post_shift(console: Console, instance_id: int, handed_over: datetime, by: str, now: datetime,
                t: dict) -> PostShiftMeeting | None:
    """A quarter of an hour from a few minutes after the handover was signed (None when that is not over by
    now); the shift's incident is the case reviewed."""
    started = handed_over + MEETING_AFTER
    ended = started + MEETING
    if ended > now:
        return None
    log = worklog.shift_log(console, instance_id, now)
    case = next((e for e in log.entries
                 if e.instance_id == instance_id and e.category is Category.INCIDENT and e.withdrawn is None), None)
    return meetings.save_post_shift(console, instance_id, started, ended, t["summary"],
                                    case.id if case is not None else None, t["notes"], t["topic"], by, ended)


def _agenda(console: Console, instance_id: int, by: str, now: datetime, lang: str, t: dict) -> Agenda:
    """Built, the notices part two minutes longer (the meeting starts earlier), the place of the fee rules (the
    demo's oldest notice to explain) named more precisely."""
    built = meetings.build_agenda(console, instance_id, now, lang)
    parts = []
    for part in built.parts:
        if part.kind is PartKind.NOTICES:
            fee = min((n.notice_id for n in part.notices), default=None)
            notices = tuple(replace(n, where=t["where"]) if n.notice_id == fee else n for n in part.notices)
            part = replace(part, minutes=part.minutes + NOTICES_LONGER, notices=notices)
        parts.append(part)
    edited = replace(built, parts=tuple(parts), meeting_start=built.meeting_start - timedelta(minutes=NOTICES_LONGER))
    return meetings.save_agenda(console, edited, by, now)


# --- the words ---

TEXTS_ZH = {
    "talk_note": "当面逐项交接：CRM 查询慢 IT 仍在处理；风控冻结卡的客户要在本班内回电；二区空调已报物业，"
                 "明早检修。遗留事项已逐项过目，接班主管在日志中逐条确认接手。",
    "summary": "本班整体平稳。话务高峰期间服务水平低于目标，启动高峰预案后恢复；一名坐席病假离岗，已安排顶岗。",
    "notes": "话务高峰预案执行顺利，培训组支援效果好；下次高峰提前十分钟暂停外呼回访。",
    "topic": "如何安抚对年费新规不满的客户",
    "where": "知识库 › 信用卡 › 年费政策 2026 › 金卡减免条件（附属卡同样适用）",
}

TEXTS_EN = {
    "talk_note": "Went through every step face to face: IT still on the slow CRM; the customer with the blocked card "
                 "must be called back this shift; facilities will look at zone 2's air conditioning tomorrow "
                 "morning. The open items were gone through one by one; the incoming supervisor takes each over in "
                 "the log.",
    "summary": "A steady shift overall. Service level fell below target in the traffic peak and recovered once the "
               "peak plan ran; one agent went home sick and was covered.",
    "notes": "The traffic-peak plan worked and the trainees helped well; next time pause the outbound callbacks ten "
             "minutes earlier.",
    "topic": "Calming customers who are unhappy with the new fee rules",
    "where": "Knowledge base › Cards › Fees 2026 › Gold card waiver (supplementary cards too)",
}
