"""The demo's emergency handover playbooks: the shipped six, the center's contacts, two runs and today's alerts.

Written through the playbook services in the chosen language (zh_CN or en):
the six shipped playbooks; a contact for every role they name that is not a
floor role (IT duty by day and by night, the telephony vendor's 24-hour
hotline, facilities, the duty manager by day and by night, WFM, QA); in the
shift before the current one (the shifts as `demo_worklog` finds them) a
finished run of "acd-login-failure" at its start, every step done but one
skipped with a reason, one note, closed with an outcome; in the current
shift a run of "crm-down" started about 25 minutes before now with its
first three steps done and one note. Each run writes its work-log entry in
its shift (start_run does), in the language's words (WORDS_ZH below: the
same placeholders as app.domain.playbooks.DEFAULT_WORDS, which English
uses). Today's alerts are raised the way the window's feed poll raises them:
`check_rules` at the end of each half hour of today up to now, then at now;
the oldest alert is dismissed with a reason, the others stay open (none at
all before the first bad half hour of the demo day, about 07:00). The texts
are at the end of the module, one table per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from app.domain.playbooks import DEFAULT_WORDS, Playbook, StepState
from app.domain.shifts import ShiftSlot
from app.services import playbook_alerts, playbooks, shifts
from app.services.console import Console
from app.services.demo_roster import SUPERVISORS
from app.services.demo_worklog import _slots

HALF_HOUR = timedelta(minutes=30)


@dataclass(frozen=True)
class DemoPlaybooks:
    """What the demo's playbooks hold: playbooks, active contacts, runs written, alerts left open today."""

    playbooks: int
    contacts: int
    runs: int
    open_alerts: int


def words(lang: str) -> dict[str, str]:
    """The run log's words in `lang` (zh_CN or en): the format strings of app.domain.playbooks.DEFAULT_WORDS."""
    return dict(WORDS_ZH if lang == "zh_CN" else DEFAULT_WORDS)


def build_demo_playbooks(console: Console, lang: str, now: datetime, source: str) -> DemoPlaybooks:
    """Install the playbooks, add the contacts, write the two runs and raise today's alerts on `source`
    (aware `now`, in the site's zone)."""
    key = "zh_CN" if lang == "zh_CN" else "en"
    t = TEXTS_ZH if key == "zh_CN" else TEXTS_EN
    w = words(key)
    playbooks.install_defaults(console, key, now=now)
    for role, name, phone, when, on_from, on_until in t["contacts"]:
        playbooks.save_contact(console, role, name, phone, when, on_from, on_until)
    by_key = {p.key: p for p in playbooks.list_playbooks(console)}
    duties = _duties(console, now, key)
    runs = 0
    if len(duties) >= 2:
        (prev, prev_by), (cur, cur_by) = duties[-2:]
        _login_failure_run(console, by_key["acd-login-failure"], prev, prev_by, now, t, w)
        _crm_down_run(console, by_key["crm-down"], cur, cur_by, now, t, w)
        runs = 2
    _alerts(console, source, now, duties, t)
    midnight = datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)
    return DemoPlaybooks(len(by_key), len(playbooks.list_contacts(console)), runs,
                         len(playbook_alerts.open_alerts(console, midnight)))


def _duties(console: Console, now: datetime, key: str) -> list[tuple[tuple[ShiftSlot, int], str]]:
    """The last shifts up to the current one as the demo's log has them: (slot, instance id, supervisor)."""
    out = []
    for slot in _slots(console, now):
        instance = shifts.ensure_instance(console, slot.day, slot.definition.id)
        out.append(((slot, instance.id), instance.supervisor_name or SUPERVISORS[0][0][key]))
    return out


def _login_failure_run(console: Console, playbook: Playbook, shift: tuple[ShiftSlot, int], by: str, now: datetime,
                       t: dict, w: dict) -> None:
    """At the start of the previous shift: the seat test (step 2) did not work, so the run went on at the
    account-or-ACD branch (step 4; the seat-fault step 3 was not needed); every later step done, one note, closed."""
    slot, instance_id = shift
    at = slot.start + timedelta(minutes=4)
    run = playbooks.start_run(console, playbook.id, instance_id, by, at, w)
    failed, bypassed, noted = 2, 3, 4
    for step in range(1, len(playbook.steps) + 1):
        if step == bypassed:
            continue
        at += timedelta(minutes=2 if step < 6 else 6)
        if step == failed:
            playbooks.mark_step(console, run.id, step, StepState.FAILED, by, at, w, note=t["login_skip"])
        else:
            playbooks.mark_step(console, run.id, step, StepState.DONE, by, at, w,
                                note=t["login_note"] if step == noted else "")
    playbooks.close_run(console, run.id, t["login_outcome"], by, min(now, at + timedelta(minutes=3)), w)


def _crm_down_run(console: Console, playbook: Playbook, shift: tuple[ShiftSlot, int], by: str, now: datetime,
                  t: dict, w: dict) -> None:
    """In the current shift, about 25 minutes ago (never before the shift's start): three steps done, a note."""
    slot, instance_id = shift
    start = max(slot.start, (now - timedelta(minutes=25)).replace(second=0, microsecond=0))
    span = now - start

    def at(fraction: float) -> datetime:
        return min(now, start + span * fraction)

    run = playbooks.start_run(console, playbook.id, instance_id, by, start, w)
    playbooks.mark_step(console, run.id, 1, StepState.DONE, by, at(0.15), w, note=t["crm_scope"])
    playbooks.mark_step(console, run.id, 2, StepState.DONE, by, at(0.35), w)
    playbooks.mark_step(console, run.id, 3, StepState.DONE, by, at(0.6), w)
    playbooks.add_note(console, run.id, 2, t["crm_note"], by, at(0.8), w)


def _alerts(console: Console, source: str, now: datetime, duties: list, t: dict) -> None:
    """Check the rules at the end of every half hour of today up to now, then at now (as the feed poll does all
    day); dismiss the oldest alert, by the supervisor of the shift it fired in."""
    midnight = datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)
    fired = []
    at = midnight + HALF_HOUR - timedelta(minutes=1)
    while at < now:
        fired.extend(playbook_alerts.check_rules(console, source, at))
        at += HALF_HOUR
    fired.extend(playbook_alerts.check_rules(console, source, now))
    if not fired:
        return
    oldest = min(fired, key=lambda a: (a.fired_at, a.id))
    by = next((name for (slot, _id), name in reversed(duties) if slot.start <= oldest.fired_at),
              duties[0][1] if duties else t["dismiss_by"])
    playbook_alerts.dismiss_alert(console, oldest.id, t["dismiss"].get(oldest.rule, t["dismiss_other"]), by,
                                  min(now, oldest.fired_at + timedelta(minutes=6)))


# --- the words ---

# The run log in Chinese: app.domain.playbooks.DEFAULT_WORDS with the same placeholders (services cannot call Qt's
# translate; the window gives the same words from app.ui.playbook.view.run_log_words()).
WORDS_ZH = {
    "log.started": "{by} 于 {time} 启动应急预案“{title}”（第 {version} 版）。",
    "log.trigger": "由规则 {rule} 建议：数据源 {source}，时段 {interval}（{level}）。",
    "log.progress": "共 {total} 步，已完成 {done} 步，跳过 {skipped} 步，{failed} 步未奏效；已用时 {minutes} 分钟。",
    "log.step": "{time} 第 {step} 步由 {by} 完成：{text}",
    "log.failed": "{time} 第 {step} 步未奏效（{by}）：{text}",
    "log.skipped": "{time} 第 {step} 步被 {by} 跳过：{text}（原因：{reason}）",
    "log.note": "{time} {by} 在第 {step} 步备注：{note}",
    "log.open": "尚未处理的步骤：{steps}。",
    "log.closed": "{by} 于 {time} 结束处置：{outcome}",
}

TEXTS_ZH = {
    "contacts": (  # role, name, phone, when to call, on duty from, until (None: always)
        ("it_duty", "陈建国（IT 白班值班）", "138 1762 4405",
         "坐席无法登录、CRM 或知识库打不开、网络中断时先打；报受影响人数、报错内容和开始时间，索取工单号。",
         time(8, 0), time(20, 0)),
        ("it_duty", "林晓峰（IT 夜班值班）", "139 0571 2286",
         "夜间系统故障先打此号；15 分钟内未回电再打一次，仍无人接听时上报值班经理。", time(20, 0), time(8, 0)),
        ("telephony_vendor", "讯联通信 7×24 技术支持热线", "400-820-3366",
         "IT 值班确认是 ACD 或话务系统本身故障后拨打；报合同编号 XL-2024-0318 和 IT 的工单号，询问预计修复时间。",
         None, None),
        ("facilities", "物业中控室（黄师傅）", "137 6128 9034",
         "停电、空调、门禁、漏水等楼宇问题；24 小时有人值守。", None, None),
        ("duty_manager", "王海燕（白班值班经理）", "136 2189 7750",
         "故障超过 15–30 分钟、需要转备份场地或对外发布通知时上报。", time(8, 0), time(20, 0)),
        ("duty_manager", "郑国强（夜班值班经理）", "135 8806 1127",
         "夜间重大故障、需要启用备份场地或临时加班时上报。", time(20, 0), time(8, 0)),
        ("wfm", "许静（排班组）", "133 1856 4290",
         "话务量明显高于预测、需要临时加人或调整休息时间时联系（工作日 08:30–17:30）。", time(8, 30), time(17, 30)),
        ("qa", "梁雪（质检组）", "131 2047 6683",
         "需要临时统一话术、或交接班时长通话需要质检跟进时联系（09:00–18:00）。", time(9, 0), time(18, 0)),
    ),
    "login_skip": "不是座位故障：两名坐席换到其他座位后仍无法登录，是账号或 ACD 的问题。",
    "login_note": "IT 值班工单 INC-7731；14 名接班坐席登录时提示“分机号无效”，早先已登录的坐席不受影响。",
    "login_outcome": "厂商重启 ACD 登录服务后 14 名坐席全部签入，共影响约 35 分钟；期间排队提示和预约回呼已开启，"
                     "未丢失来电，6 个回呼已交给下一班。",
    "crm_scope": "各排坐席和值班长电脑都打不开客户页面，影响全场。",
    "crm_note": "IT 值班回复：CRM 数据库连接池耗尽，正在重启应用服务器，预计 20 分钟内恢复；工单 INC-7765。",
    "dismiss": {
        "login_gap": "接班坐席还在陆续到岗签入，几分钟后全部登录，无需处置。",
        "sl_below_target": "短时波动，人员按计划在岗，继续观察下一个时段。",
        "sl_below_target_twice": "已安排培训组上线支援，继续观察。",
        "traffic_peak": "营销短信引起的短时高峰，已提前告知，继续观察。",
        "oldest_wait": "一通转接中的来电等待较久，已处理。",
    },
    "dismiss_other": "已确认，无需处置。",
    "dismiss_by": SUPERVISORS[0][0]["zh_CN"],
}

TEXTS_EN = {
    "contacts": (
        ("it_duty", "Sanjay Mehta (IT duty, days)", "07700 900412",
         "Agents cannot log in, CRM or knowledge base down, network out: call first. Say how many agents, the "
         "error shown and since when; ask for a ticket number.", time(8, 0), time(20, 0)),
        ("it_duty", "Chloe Evans (IT duty, nights)", "07700 900587",
         "Any system fault at night. No call back within 15 minutes: call again, then the duty manager.",
         time(20, 0), time(8, 0)),
        ("telephony_vendor", "Voxline support hotline (24 h)", "020 7946 0388",
         "Once IT duty confirms the ACD or phone system itself is at fault. Quote contract VX-20418 and IT's "
         "ticket number; ask for an estimated time to repair.", None, None),
        ("facilities", "Building control room (Kevin O'Neill)", "020 7946 0912",
         "Power, air conditioning, door access, leaks; staffed around the clock.", None, None),
        ("duty_manager", "Helen Carter (duty manager, days)", "07700 900236",
         "A fault lasting more than 15–30 minutes, moving calls to the backup site, or a message to customers.",
         time(8, 0), time(20, 0)),
        ("duty_manager", "Marcus Reid (duty manager, nights)", "07700 900871",
         "A major fault at night, the backup site, or overtime to call in.", time(20, 0), time(8, 0)),
        ("wfm", "Anna Kowalski (workforce planning)", "07700 900158",
         "Calls well above the forecast: extra staff, breaks moved (weekdays 08:30–17:30).",
         time(8, 30), time(17, 30)),
        ("qa", "Rachel Moore (quality)", "07700 900693",
         "A script to change on the spot, or long calls at the shift change to follow up (09:00–18:00).",
         time(9, 0), time(18, 0)),
    ),
    "login_skip": "Not a seat fault: the two agents could not log in on other seats either, so account or ACD.",
    "login_note": "IT duty ticket INC-7731; 14 incoming agents get 'invalid extension', agents logged in earlier "
                  "are fine.",
    "login_outcome": "The vendor restarted the ACD login service and all 14 agents were in; about 35 minutes "
                     "affected. Queue announcement and callbacks were on, no calls lost; 6 callbacks handed to the "
                     "next shift.",
    "crm_scope": "Customer records will not open on any row nor at the supervisor's desk: the whole floor.",
    "crm_note": "IT duty: the CRM database connection pool is exhausted, they are restarting the application "
                "server, back within 20 minutes; ticket INC-7765.",
    "dismiss": {
        "login_gap": "Agents still arriving for the shift; all logged in a few minutes later, nothing to do.",
        "sl_below_target": "A short dip; staffing is as planned, watching the next half hour.",
        "sl_below_target_twice": "Trainees put on the phones to help; watching.",
        "traffic_peak": "Short peak after the marketing text, announced beforehand; watching.",
        "oldest_wait": "One transferred call waited long; dealt with.",
    },
    "dismiss_other": "Checked, nothing to do.",
    "dismiss_by": SUPERVISORS[0][0]["en"],
}
