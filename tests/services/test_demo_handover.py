"""The demo's handover and meetings: the previous shift's handover signed by both supervisors, its post-shift
meeting with tomorrow's topic, the next shift's agenda prepared with one edit; both languages, both databases."""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.calls import FeedFormat
from app.domain.handover import STEPS, HandoverStatus, StepState
from app.domain.handover_quality import signed_on_time
from app.domain.meetings import DEFAULT_MINUTES, PartKind, WarmupKind
from app.domain.shifts import ShiftStatus
from app.domain.worklog import Category
from app.services import handover, meetings, people, playbooks, shifts, worklog
from app.services.console import Console, machine_zone
from app.services.demo import DEMO_SOURCE, build_demo, site_name
from app.services.demo_feed import demo_cut, demo_feed_tick, write_day
from app.services.demo_handover import TEXTS_EN, TEXTS_ZH, build_demo_handover
from app.services.demo_playbooks import build_demo_playbooks
from app.services.demo_roster import SUPERVISORS, build_demo_sheet
from app.services.demo_worklog import build_demo_log
from app.services.import_common import ImportRequest
from app.services.live import add_live_source, poll

TZ = ZoneInfo(machine_zone())
# Late morning of the demo day: the morning shift (07:00-15:30) runs, the night shift before it handed over at
# 07:00, the afternoon shift (15:00) is next.
NOW = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)


def _texts(lang):
    return TEXTS_ZH if lang == "zh_CN" else TEXTS_EN


def _check(console, lang, now, instance_ids, built):
    """What every demo holds, read back through the services."""
    key = "zh_CN" if lang == "zh_CN" else "en"
    t = _texts(lang)
    prev_id, cur_id = instance_ids
    prev_log, cur_log = (worklog.shift_log(console, i, now) for i in (prev_id, cur_id))
    change = cur_log.start
    sups = {s.name: s for s in people.list_supervisors(console)}
    outgoing, incoming = (sups[SUPERVISORS[i][0][key]] for i in (1, 0))
    assert (prev_log.instance.supervisor_name, cur_log.instance.supervisor_name) == (outgoing.name, incoming.name)

    # the previous shift's handover: signed by its supervisor, then the current one's, verified
    ho = handover.get_handover(console, built.handover_id, strict=True)
    assert ho.id == handover.handover_of(console, prev_id).id
    assert (ho.outgoing.id, ho.incoming.id) == (prev_id, cur_id)
    assert ho.status is HandoverStatus.SIGNED and ho.signed and ho.verified
    assert ho.outgoing_signature.supervisor_name == outgoing.name
    assert ho.incoming_signature.supervisor_name == incoming.name
    assert ho.outgoing_signature.at == min(now, change + timedelta(minutes=10))
    assert ho.incoming_signature.at == min(now, change + timedelta(minutes=12))
    assert ho.created_at == change - timedelta(minutes=10) <= ho.outgoing_signature.at <= ho.incoming_signature.at
    assert signed_on_time(change, ho.incoming_signature.at)
    assert ho.outgoing_signature.checksum != ho.incoming_signature.checksum  # the incoming seal covers both
    assert ho.talk_done and ho.note == t["talk_note"]
    assert [name for name, _state in ho.steps] == list(STEPS)
    long_calls = ho.snapshot["long_calls"]
    assert dict(ho.steps) == {name: StepState.SKIPPED if name == "long_calls" and not long_calls else StepState.DONE
                              for name in STEPS}
    # the snapshot is the one the outgoing supervisor saw when signing
    snap = ho.snapshot
    assert snap["built_at"] == ho.outgoing_signature.at.astimezone(TZ).isoformat()
    assert (snap["outgoing"]["instance_id"], snap["incoming"]["instance_id"]) == (prev_id, cur_id)
    (closed,) = playbooks.runs_of_shift(console, prev_id)  # the demo's finished run of the night
    assert [(r["key"], r["id"]) for r in snap["playbooks"]["finished"]] == [(closed.playbook.key, closed.id)]
    assert snap["service_level"] and snap["service_level"][0]["intervals"]
    assert worklog.shift_log(console, prev_id, now).instance.status is ShiftStatus.HANDED_OVER
    # the current shift has no handover yet: the window's handover view opens it for the next shift
    assert handover.handover_of(console, cur_id) is None

    # the post-shift meeting of the previous shift: three minutes after the handover, its incident reviewed
    post = meetings.get_post_shift(console, prev_id)
    started = ho.incoming_signature.at + timedelta(minutes=3)
    if started + timedelta(minutes=15) > now:
        assert post is None and built.post_shift_id is None
    else:
        assert post.id == built.post_shift_id and post.revision == 1
        assert (post.started_at, post.ended_at, post.minutes) == (started, started + timedelta(minutes=15), 15)
        assert post.saved_by == outgoing.name and post.saved_at == post.ended_at
        assert (post.summary_text, post.notes, post.tomorrow_topic) == (t["summary"], t["notes"], t["topic"])
        case = worklog.get_entry(console, post.case_entry_id)
        assert case.category is Category.INCIDENT and case.instance_id == prev_id
        assert post.summary == meetings.shift_summary(console, prev_id, post.ended_at)
        assert post.summary.scheduled > 0 and post.summary.intervals

    # the next shift's agenda: built, two minutes more for the notices, the first notice's place named, saved
    nxt = shifts.current_shift(console, now).next
    next_id = shifts.ensure_instance(console, nxt.day, nxt.definition.id).id
    assert built.agenda_instance_id == next_id and built.agenda_revision == 1
    agenda = meetings.get_agenda(console, next_id)
    assert agenda.revision == 1 and agenda.saved_by == incoming.name and agenda.saved_at == now
    assert [rev for rev, _by, _at in meetings.agenda_revisions(console, next_id)] == [1]
    assert agenda.shift_start == nxt.start and agenda.meeting_end == nxt.start
    assert agenda.meeting_start == nxt.start - timedelta(minutes=sum(DEFAULT_MINUTES.values()) + 2)
    assert agenda.language == key
    fresh = meetings.build_agenda(console, next_id, now, key)  # what the automatic agenda would be
    notices = agenda.part(PartKind.NOTICES)
    automatic = fresh.part(PartKind.NOTICES).notices
    assert notices.minutes == DEFAULT_MINUTES[PartKind.NOTICES] + 2 == fresh.part(PartKind.NOTICES).minutes + 2
    fee = min(notices.notices, key=lambda n: n.notice_id)
    assert ("年费" if key == "zh_CN" else "fee") in fee.title and fee.where == t["where"]
    assert [n.notice_id for n in notices.notices] == [n.notice_id for n in automatic]
    others = [n for n in automatic if n.notice_id != fee.notice_id]
    assert [n for n in notices.notices if n.notice_id != fee.notice_id] == others  # untouched
    assert next(n for n in automatic if n.notice_id == fee.notice_id).where != t["where"]
    edited = [replace(p, minutes=fresh.part(p.kind).minutes, notices=fresh.part(p.kind).notices)
              for p in agenda.parts]
    assert tuple(edited) == fresh.parts  # nothing else changed
    warmup = agenda.warmup
    if post is not None:  # tomorrow's topic of the post-shift meeting picks experience sharing
        assert warmup.kind is WarmupKind.SHARING and agenda.part(PartKind.WARMUP).topic == t["topic"]
    else:
        assert warmup.kind is not WarmupKind.SHARING and agenda.part(PartKind.WARMUP).topic == ""
    assert warmup.language == key
    return ho, post, agenda


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_demo_has_a_signed_handover_a_post_shift_meeting_and_a_prepared_agenda(tmp_path, lang):
    built = build_demo(lang, now=NOW, db_path=tmp_path / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        ho, post, agenda = _check(console, lang, NOW, built.log.instance_ids[1:], built.handover)
    assert post is not None and ho.outgoing.definition.name == ("夜班" if lang == "zh_CN" else "Night")
    assert (ho.outgoing_signature.at.astimezone(TZ).strftime("%H:%M"),
            ho.incoming_signature.at.astimezone(TZ).strftime("%H:%M")) == ("07:10", "07:12")
    assert (post.started_at.astimezone(TZ).strftime("%H:%M"), post.ended_at.astimezone(TZ).strftime("%H:%M")) == \
        ("07:15", "07:30")
    assert agenda.shift_name == ("中班" if lang == "zh_CN" else "Afternoon")
    assert agenda.meeting_start.astimezone(TZ).strftime("%H:%M") == "14:43"
    if lang == "zh_CN":
        assert agenda.warmup.name == "经验分享" and "年费" in agenda.part(PartKind.WARMUP).topic
        assert any(n.where.startswith("知识库 › 信用卡") and "附属卡" in n.where
                   for n in agenda.part(PartKind.NOTICES).notices)
    else:
        assert agenda.warmup.name == "Experience sharing"


@pytest.mark.parametrize("hour, minute", [(7, 0), (23, 5)])
def test_at_a_shift_start_the_handover_is_signed_at_now_and_no_post_shift_meeting_yet(tmp_path, hour, minute):
    """Just at the morning shift's start and five minutes into the night shift: both signatures at now, the
    previous shift's post-shift meeting not held yet, the next shift's agenda prepared all the same."""
    now = datetime(2026, 11, 27, hour, minute, tzinfo=TZ)
    built = build_demo("en", now=now, db_path=tmp_path / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        ho, post, agenda = _check(console, "en", now, built.log.instance_ids[1:], built.handover)
    assert ho.outgoing_signature.at == ho.incoming_signature.at == now and post is None
    assert agenda.day == (now.date() if hour == 7 else now.date() + timedelta(days=1))


def test_the_demo_handover_on_both_databases(db_url, tmp_path):
    """Written through the services only: the same handover, meeting and agenda on PostgreSQL as on SQLite."""
    feed = write_day(tmp_path / "feed", NOW.date(), TZ, "zh_CN")
    demo_feed_tick(feed, demo_cut(NOW))
    with Console.open(db_url, default_site=(site_name("zh_CN"), machine_zone())) as console:
        add_live_source(console, ImportRequest(path=feed, format=FeedFormat.QUEUE_LOG, source=DEMO_SOURCE))
        poll(console, DEMO_SOURCE, now=demo_cut(NOW))
        build_demo_sheet(console, tmp_path / "sheet", "zh_CN", NOW)
        log = build_demo_log(console, "zh_CN", NOW)
        build_demo_playbooks(console, "zh_CN", NOW, DEMO_SOURCE)
        built = build_demo_handover(console, "zh_CN", NOW)
        ho, post, agenda = _check(console, "zh_CN", NOW, log.instance_ids[1:], built)
        assert post is not None and agenda.warmup.kind is WarmupKind.SHARING
        # the signed handover stays as signed: a later edit of the work log does not touch its snapshot
        entry = next(e for e in worklog.shift_log(console, log.instance_ids[1], NOW).entries if e.withdrawn is None)
        worklog.edit_entry(console, entry.id, {"text": entry.text + "（补充）"}, ho.outgoing_signature.supervisor_name,
                           NOW, expected_revision=entry.revision)
        again = handover.get_handover(console, ho.id, strict=True)
        assert again.snapshot == ho.snapshot and again.verified


def test_the_texts_have_the_same_keys_in_both_languages():
    assert set(TEXTS_ZH) == set(TEXTS_EN)
    assert all(TEXTS_ZH[k].strip() and TEXTS_EN[k].strip() for k in TEXTS_EN)
