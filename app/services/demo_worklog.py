"""The demo's on-site work log: the last three shifts up to the one running now, in the chosen language.

Written through the work-log services in the order it happened, so the
demo holds what a real floor would: business notices, staffing moves,
incidents, system problems, work items and customer follow-ups; one entry
corrected (a second revision), one withdrawn with a reason; follow-ups done
or cancelled with a closing remark and several still open across the
shifts (one overdue by now, one due within the current shift, one in
progress). The shift before the current one acknowledged every item carried
into it (handing one to a department at the handover); the current shift
has acknowledged some of its carried items, not all. Every event lies
inside its shift and before `now`; the shifts' supervisors alternate (see
_duties). Also four templates and two saved filters. The texts are at the
end of the module, one table per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.notices import Priority
from app.domain.shifts import ShiftSlot, ShiftStatus
from app.domain.worklog import Category, Draft, ItemStatus, LogFilter
from app.services import people, shifts, worklog
from app.services.console import Console
from app.services.demo_roster import HEADCOUNT, SHIFTS, SUPERVISORS, TEAMS

NOTICE, STAFFING, WORK = Category.BUSINESS_NOTICE, Category.STAFFING, Category.WORK_ITEM
FOLLOW_UP, INCIDENT, SYSTEM, OTHER = Category.FOLLOW_UP, Category.INCIDENT, Category.SYSTEM_PROBLEM, Category.OTHER
HIGH, URGENT, LOW = Priority.HIGH, Priority.URGENT, Priority.LOW


@dataclass(frozen=True)
class DemoLog:
    """What the demo's log holds: entries written, open items in the current shift's log, the three shifts."""

    entries: int
    open_items: int
    instance_ids: tuple[int, ...]


class _Shift:
    """One of the three shifts: its instance, supervisor's name, and instants inside it before `now`."""

    def __init__(self, console: Console, slot: ShiftSlot, supervisor, now: datetime) -> None:
        instance = shifts.ensure_instance(console, slot.day, slot.definition.id)
        if supervisor is not None:
            instance = shifts.set_supervisor(console, instance.id, supervisor.id)
        if instance.status is ShiftStatus.PLANNED:
            running = slot.end > now
            instance = shifts.set_status(console, instance.id, ShiftStatus.OPEN if running else ShiftStatus.HANDED_OVER)
        self.slot, self.instance, self.now = slot, instance, now
        self.by = supervisor.name if supervisor is not None else "?"
        self.start, self.last = slot.start, min(slot.end, now)
        self.agents: list[str] = []

    def agent(self, n: int) -> str:
        """The n-th agent of this shift's roster group (agents are numbered by shift in demo_roster)."""
        return self.agents[n % len(self.agents)] if self.agents else "?"

    def at(self, fraction: float) -> datetime:
        """The instant at `fraction` of the shift's time before now, to the minute (never after now)."""
        t = self.start + (self.last - self.start) * fraction
        return max(self.start, min(self.now, t.replace(second=0, microsecond=0)))


def _slots(console: Console, now: datetime) -> list[ShiftSlot]:
    """The three last shifts that started by `now`, oldest first; the last is the current one."""
    local = now.date()
    started = [s for offset in range(-3, 1) for s in shifts.slots_for(console, local + timedelta(days=offset))
               if s.start <= now]
    current = shifts.current_shift(console, now).slot
    if current is not None:
        started = [s for s in started if s.start < current.start] + [current]
    return sorted(started, key=lambda s: s.start)[-3:]


def _duties(sups: dict[str, object], key: str) -> tuple:
    """Who ran the three shifts: the current one has the first supervisor (as on the demo's sheet), the one
    before it the second, the oldest the first again, so each handover is between two people."""
    first, second = (sups.get(names[key]) for names, _role in SUPERVISORS[:2])
    return first, second, first


def build_demo_log(console: Console, lang: str, now: datetime) -> DemoLog:
    """Write the demo's log of the three last shifts (aware `now`, in the site's zone) and its templates and filters."""
    key = "zh_CN" if lang == "zh_CN" else "en"
    t = texts(key)
    slots = _slots(console, now)
    if len(slots) < 3:
        return DemoLog(0, 0, ())
    sups = {s.name: s for s in people.list_supervisors(console)}
    leaders = [SUPERVISORS[i][0][key] for i in (2, 3)]
    agents = [a.name for a in sorted(people.list_agents(console), key=lambda a: a.employee_no)]
    loans = next(names[key] for k, names, _c, _l in TEAMS if k == "loans")
    old, prev, cur = (_Shift(console, s, duty, now) for s, duty in zip(slots, _duties(sups, key)))
    for shift in (old, prev, cur):
        group = next((k for k, (names, _s, _e) in SHIFTS.items() if names[key] == shift.slot.definition.name),
                     "morning")
        first = sum(HEADCOUNT[k] for k in list(HEADCOUNT)[:list(HEADCOUNT).index(group)])
        shift.agents = agents[first:first + HEADCOUNT[group]] or agents
    written = 0

    def add(shift: _Shift, fraction: float, category: Category, text: str, by: str | None = None,
            late: int = 4, **fields) -> object:
        nonlocal written
        event = shift.at(fraction)
        entry = worklog.add_entry(console, shift.instance.id, Draft(category, text, event_at=event, **fields),
                                  by or shift.by, min(now, event + timedelta(minutes=late)))
        written += 1
        return entry

    def hm(at: datetime) -> str:
        return at.strftime("%H:%M")

    # --- the oldest shift ---
    fee_day = first_of_next_month(now.date())
    add(old, 0.03, NOTICE, t["fee_notice"].format(day=t["date"](fee_day)), priority=HIGH, tags=t["tags_fee"])
    login_at = old.at(0.12)
    add(old, 0.12, INCIDENT, t["acd_login"].format(start=hm(login_at), end=hm(login_at + timedelta(minutes=15))),
        priority=URGENT, late=18, tags=("ACD",))
    move = old.at(0.3)
    add(old, 0.28, STAFFING, t["move_agents"].format(a=old.agent(4), b=old.agent(7),
                                                      start=hm(move), end=hm(move + timedelta(hours=2))))
    crm = add(old, 0.4, SYSTEM, t["crm_slow"], status=ItemStatus.IN_PROGRESS, owner=t["it_desk"],
              ticket="INC-" + old.slot.day.strftime("%Y%m%d") + "-0412", priority=HIGH, tags=("CRM",))
    double = add(old, 0.46, FOLLOW_UP, t["double_charge"], customer_ref="6222 **** **** 4417",
                 customer_name=t["cust_double"], ticket=_ticket(old, 153), promise=t["double_promise"],
                 due=old.at(0.8), owner=old.by, priority=HIGH)
    overdue_due = _five(now - timedelta(minutes=45))
    fee = add(old, 0.55, FOLLOW_UP, t["prepay_fee"].format(amount=120), customer_ref="138****5521",
              customer_name=t["cust_prepay"], ticket=_ticket(old, 178), promise=t["prepay_promise"].format(
                  due=t["when"](overdue_due)), due=overdue_due, owner=old.by, tags=t["tags_loan"])
    # the amount was wrong: corrected ten minutes later (revision 2)
    fee = worklog.edit_entry(console, fee.id, {"text": t["prepay_fee"].format(amount=150)}, old.by,
                             min(now, fee.written_at + timedelta(minutes=10)), expected_revision=1)
    statement = add(old, 0.62, FOLLOW_UP, t["statement"], customer_ref="6259 **** **** 0086",
                    customer_name=t["cust_statement"], promise=t["statement_promise"],
                    due=_five(prev.at(0.5) + timedelta(hours=12)), owner=leaders[0], priority=LOW)
    report = add(old, 0.7, WORK, t["complaints"], owner=leaders[0], due=_five(cur.slot.end + timedelta(days=2)),
                 by=leaders[0])
    worklog.set_status(console, double.id, ItemStatus.DONE, t["double_done"], old.by, old.at(0.78), 1)

    # --- the shift before the current one: takes over every carried item, one handed to the loans team ---
    for n, item in enumerate((crm, fee, statement, report)):
        at = min(now, prev.at(0.01) + timedelta(minutes=2 * n))
        worklog.acknowledge(console, item.id, prev.instance.id, prev.by, at, new_owner=loans if item is fee else None)
    add(prev, 0.04, OTHER, t["handover_note"].format(by=old.by))
    sick = prev.at(0.2)
    sent_home = t["sent_home"].format(name=prev.agent(5), at=hm(sick), cover=prev.agent(9))
    add(prev, 0.2, STAFFING, sent_home, tags=t["tags_staff"])
    dup = add(prev, 0.21, STAFFING, sent_home, late=6)  # written twice by mistake
    worklog.withdraw(console, dup.id, t["dup_reason"], prev.by, min(now, dup.written_at + timedelta(minutes=3)))
    sms = add(prev, 0.35, FOLLOW_UP, t["sms_code"], customer_ref="139****0761", customer_name=t["cust_sms"],
              ticket=_ticket(prev, 41), promise=t["sms_promise"], due=_five(cur.at(0.6) + timedelta(minutes=5)),
              owner=prev.by, tags=("SMS",))
    peak = prev.at(0.45)
    add(prev, 0.45, INCIDENT, t["peak"].format(start=hm(peak), end=hm(peak + timedelta(minutes=40))),
        priority=HIGH, late=45, tags=t["tags_peak"])
    soon = _soon(cur, now)
    frozen = add(prev, 0.6, FOLLOW_UP, t["frozen_card"], customer_ref="6225 **** **** 3390",
                 customer_name=t["cust_frozen"], ticket=_ticket(prev, 87), promise=t["frozen_promise"].format(
                     due=hm(soon)), due=soon, owner=leaders[1], priority=URGENT, tags=t["tags_fraud"])
    worklog.set_status(console, statement.id, ItemStatus.CANCELLED, t["statement_cancel"], prev.by, prev.at(0.7),
                       statement.revision)
    add(prev, 0.8, OTHER, t["aircon"], priority=LOW)

    # --- the current shift: some carried items taken over, not yet all ---
    for n, item in enumerate((frozen, crm, sms)):
        worklog.acknowledge(console, item.id, cur.instance.id, cur.by, min(now, cur.at(0.02) + timedelta(minutes=n)))
    add(cur, 0.05, NOTICE, t["briefing"].format(day=t["date"](fee_day)), tags=t["tags_fee"])
    add(cur, 0.15, STAFFING, t["absent_today"].format(name=cur.agent(3), trainee=cur.agent(-1)))
    sms_done = worklog.get_entry(console, sms.id)
    worklog.set_status(console, sms.id, ItemStatus.DONE, t["sms_done"], cur.by, cur.at(0.3), sms_done.revision)
    add(cur, 0.35, SYSTEM, t["recording"], priority=Priority.NORMAL, tags=t["tags_rec"])
    add(cur, 0.5, FOLLOW_UP, t["fee_question"], customer_ref="6222 **** **** 1208", customer_name=t["cust_fee"],
        promise=t["fee_question_promise"], due=_five(cur.slot.end + timedelta(hours=18)), owner=cur.by,
        tags=t["tags_fee"])
    add(cur, 0.65, WORK, t["quality"], status=ItemStatus.IN_PROGRESS, owner=leaders[1], by=leaders[1],
        due=_five(cur.slot.end - timedelta(minutes=30)) if cur.slot.end - timedelta(minutes=30) > now else None)
    add(cur, 0.8, INCIDENT, t["softphone"], late=2)

    _templates_and_filters(console, t, now)
    log = worklog.shift_log(console, cur.instance.id, now)
    return DemoLog(written, log.counts.open, (old.instance.id, prev.instance.id, cur.instance.id))


def _templates_and_filters(console: Console, t: dict, now: datetime) -> None:
    for name, category, text, tags in t["templates"]:
        worklog.save_template(console, name, category, text, tags)
    open_name, incidents_name = t["filters"]
    worklog.save_filter(console, open_name, LogFilter(categories=(FOLLOW_UP,),
                                                      statuses=(ItemStatus.OPEN, ItemStatus.IN_PROGRESS)))
    monday = now.date() - timedelta(days=now.weekday())
    worklog.save_filter(console, incidents_name, LogFilter(first=monday, categories=(INCIDENT, SYSTEM)))


def _ticket(shift: _Shift, n: int) -> str:
    return f"GD{shift.slot.day:%Y%m%d}-{n:04d}"


def _five(at: datetime) -> datetime:
    """Down to the five minutes (a promise names a round time)."""
    return at.replace(minute=at.minute - at.minute % 5, second=0, microsecond=0)


def _soon(cur: _Shift, now: datetime) -> datetime:
    """A due time later in the current shift: halfway to its end, on a round time when one fits."""
    half = now + (cur.slot.end - now) / 2
    rounded = _five(half) + timedelta(minutes=5)
    return rounded if now < rounded < cur.slot.end else half.replace(microsecond=0) if half > now else cur.slot.end


def first_of_next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def texts(key: str) -> dict:
    """The demo log's words in `key` (zh_CN or en): what supervisors on a floor would write."""
    return TEXTS_ZH if key == "zh_CN" else TEXTS_EN


TEXTS_ZH = {
    "date": lambda d: f"{d.month}月{d.day}日",
    "when": lambda at: f"{at.month}月{at.day}日 {at:%H:%M}",
    "fee_notice": "信用卡年费减免新规自{day}起执行：金卡一年刷卡满 10 次（原为 6 次）免次年年费，白金卡改为年消费满 20 万元"
                  "免年费。客户询问时先核实卡种，再说明新条件和生效日期。已在班前会传达。",
    "acd_login": "{start} 起约 15 名坐席无法登录 ACD，软电话提示“分机未注册”。已电话报 IT 值班，{end} 重启网关后全部恢复；"
                 "期间来电自动溢出到贷款队列，没有丢失来电。",
    "move_agents": "{a}、{b} 临时从贷款队列调到信用卡队列支援（{start}–{end}），期间不接贷款来电，结束后回原队列。",
    "crm_slow": "CRM 客户信息查询很慢，打开客户页面要 10–20 秒，坐席只能先安抚客户再查询。已报 IT 服务台，"
                "IT 反馈在排查数据库连接，暂无恢复时间。",
    "it_desk": "IT 服务台",
    "double_charge": "客户来电称一笔 3,280 元的消费收到两条扣款短信，怀疑重复扣款，情绪比较激动。",
    "cust_double": "陈女士",
    "double_promise": "核实后本班内回电说明",
    "double_done": "已核实：一笔是预授权，一笔是正式扣款，预授权已于当天释放。已回电向客户说明，客户表示认可。",
    "prepay_fee": "客户办理贷款提前还款，认为手续费多扣了 {amount} 元，要求说明计算方式并退还差额。",
    "cust_prepay": "王先生",
    "prepay_promise": "{due} 前回电告知核实结果",
    "statement": "客户要求补寄 10 月份纸质对账单到公司地址。",
    "cust_statement": "李先生",
    "statement_promise": "登记补寄申请后短信告知客户",
    "complaints": "整理本周客户投诉工单（共 32 张），按问题类型分类后交质检组。",
    "handover_note": "接班时与{by}逐条核对了遗留事项，均已确认接手；CRM 查询慢的问题 IT 仍在处理。",
    "sent_home": "{name} {at} 反映发烧头痛，已安排回家休息并登记病假；其队列由 {cover} 顶上。",
    "dup_reason": "重复记录，与上一条人员安排相同",
    "sms_code": "客户反映手机银行登录收不到短信验证码，已确认手机号正确、手机未欠费。",
    "cust_sms": "赵女士",
    "sms_promise": "短信平台排查后回电",
    "peak": "{start}–{end} 来电量突增到预测的 1.6 倍，排队最长等待超过 90 秒。已启动话务高峰预案：暂停外呼回访，"
            "培训组 3 人上线接听简单咨询，{end} 后恢复正常。",
    "frozen_card": "客户的信用卡因异地大额消费被风控冻结，客户已确认是本人消费，要求尽快解冻。已提交风控复核。",
    "cust_frozen": "周先生",
    "frozen_promise": "风控复核后 {due} 前回电确认解冻",
    "statement_cancel": "客户来电表示已在手机银行下载电子对账单，不再需要补寄，补寄申请已撤销。",
    "aircon": "二区空调温度偏高，坐席反映闷热，已报物业，物业答复明早检修。",
    "briefing": "班前会再次讲解了{day}起执行的年费减免新规，重点是金卡 10 次的条件，附属卡同样适用；话术已更新到知识库。",
    "absent_today": "{name} 今天请事假未到岗，从培训组调 {trainee} 到零售队列，由组长陪同接听。",
    "sms_done": "短信平台确认该号段通道拥堵，已切换备用通道。已回电客户，验证码现在能正常收到。",
    "recording": "质检反馈录音系统回放偶发失败（约十分之一的录音打不开），已报 IT；先记录无法回放的录音编号。",
    "fee_question": "客户对年费减免新规有异议，认为金卡一年刷卡 10 次的门槛太高，要求主管回电解释。",
    "cust_fee": "孙女士",
    "fee_question_promise": "明天上午由主管回电解释",
    "quality": "抽听本班 20 通录音，重点检查年费新规的话术是否讲清楚。",
    "softphone": "3 号座席软电话频繁掉线，已让坐席换到备用座席 B-12，报 IT 检查网线。",
    "tags_fee": ("年费", "信用卡"),
    "tags_loan": ("贷款", "投诉"),
    "tags_staff": ("病假",),
    "tags_peak": ("话务高峰",),
    "tags_fraud": ("风控", "信用卡"),
    "tags_rec": ("录音",),
    "templates": (
        ("ACD 登录失败", INCIDENT, "__:__ 起 __ 名坐席无法登录 ACD，提示：……。已报 IT（工单号 ……），__:__ 恢复。", ("ACD",)),
        ("承诺回电", FOLLOW_UP, "客户来电反映……，已承诺在 __:__ 前回电。", ("回电",)),
        ("话务高峰", INCIDENT, "__:__–__:__ 来电量达到预测的 __ 倍，最长等待 __ 秒。已启动话务高峰预案：……", ("话务高峰",)),
        ("坐席病假离岗", STAFFING, "____ __:__ 身体不适，已安排回家并登记病假；其队列由 ____ 顶上。", ("病假",)),
    ),
    "filters": ("未完成的跟进", "本周事件"),
}

TEXTS_EN = {
    "date": lambda d: f"{d.day} {d:%b}",
    "when": lambda at: f"{at.day} {at:%b %H:%M}",
    "fee_notice": "New credit-card annual fee waiver rules from {day}: the gold card fee is waived after 10 purchases "
                  "a year (was 6), platinum after 200,000 spent in the year. Check the card type first, then explain "
                  "the new condition and the start date. Briefed at the shift meeting.",
    "acd_login": "From {start} about 15 agents could not log in to the ACD (softphone said 'extension not "
                 "registered'). Called IT on-call; gateway restarted, everyone back in by {end}. Calls overflowed to "
                 "the loans queue meanwhile, none lost.",
    "move_agents": "Moved {a} and {b} from loans to the card queue {start}–{end} to help with the backlog; no loans "
                   "calls for them meanwhile, back to their queue afterwards.",
    "crm_slow": "CRM customer search very slow: 10–20 s to open a customer record, agents have to keep the caller "
                "talking while it loads. Reported to the IT service desk; they are looking at the database "
                "connections, no fix time yet.",
    "it_desk": "IT service desk",
    "double_charge": "Customer got two debit texts for one purchase of 3,280 and thinks she was charged twice; "
                     "quite upset.",
    "cust_double": "Ms Chen",
    "double_promise": "Check and call her back within this shift",
    "double_done": "Checked: one was a pre-authorisation, released the same day, the other the actual charge. Called "
                   "her back and explained; she is happy with that.",
    "prepay_fee": "Customer repaid his loan early and says the early-repayment fee was {amount} too high; wants the "
                  "calculation explained and the difference refunded.",
    "cust_prepay": "Mr Wang",
    "prepay_promise": "Call back by {due} with the outcome",
    "statement": "Customer asks for a paper copy of his October statement, sent to his office address.",
    "cust_statement": "Mr Li",
    "statement_promise": "Log the request and confirm by text",
    "complaints": "Sort this week's complaint tickets (32) by issue type and hand them to the QA team.",
    "handover_note": "Went through the open items with {by} at the handover, all taken over; IT is still on the slow "
                     "CRM.",
    "sent_home": "{name} reported a fever and headache at {at}; sent home, sick leave booked. {cover} covers the "
                 "queue.",
    "dup_reason": "Duplicate of the staffing entry just above",
    "sms_code": "Customer does not receive the SMS login codes for mobile banking; number checked and correct, "
                "phone account in credit.",
    "cust_sms": "Ms Zhao",
    "sms_promise": "Call back once the SMS gateway is checked",
    "peak": "{start}–{end}: calls at 1.6 times the forecast, longest wait over 90 s. Ran the traffic-peak plan: "
            "outbound callbacks paused, 3 trainees took simple enquiries. Back to normal after {end}.",
    "frozen_card": "Card blocked by the fraud team after a large purchase out of town; customer confirms it was him "
                   "and wants it unblocked quickly. Sent to the fraud team for review.",
    "cust_frozen": "Mr Zhou",
    "frozen_promise": "Call back by {due} to confirm the unblock",
    "statement_cancel": "Customer called back: downloaded the statement in the app, no paper copy needed any more. "
                        "Request withdrawn.",
    "aircon": "Zone 2 too warm, agents complaining. Reported to facilities; they will look at the air conditioning "
              "tomorrow morning.",
    "briefing": "Went over the fee waiver rules (from {day}) again at the pre-shift meeting: 10 purchases for gold, "
                "supplementary cards included. Script updated in the knowledge base.",
    "absent_today": "{name} off today (personal leave). Moved {trainee} from the trainees to the retail queue, with "
                    "the team leader listening in.",
    "sms_done": "SMS provider confirmed congestion on that number range and switched to the backup route. Called "
                "her back: the codes arrive now.",
    "recording": "QA reports call recordings sometimes fail to play back (about 1 in 10). Reported to IT; noting the "
                 "IDs of the ones that fail meanwhile.",
    "fee_question": "Customer disagrees with the new fee waiver rules (10 purchases a year is too many for her) and "
                    "wants a supervisor to call her back.",
    "cust_fee": "Ms Sun",
    "fee_question_promise": "Supervisor calls back tomorrow morning",
    "quality": "Listen to 20 of this shift's calls, checking the new fee script is explained clearly.",
    "softphone": "Seat 3's softphone keeps dropping calls; agent moved to spare seat B-12, IT asked to check the "
                 "cable.",
    "tags_fee": ("fees", "cards"),
    "tags_loan": ("loans", "complaint"),
    "tags_staff": ("sick",),
    "tags_peak": ("traffic peak",),
    "tags_fraud": ("fraud", "cards"),
    "tags_rec": ("recordings",),
    "templates": (
        ("ACD login failure", INCIDENT, "From __:__ __ agents could not log in to the ACD; message: .... Reported "
         "to IT (ticket ...); fixed at __:__.", ("ACD",)),
        ("Callback promised", FOLLOW_UP, "Customer called about ...; promised a call back by __:__.", ("callback",)),
        ("Traffic peak", INCIDENT, "__:__–__:__ calls at __ times the forecast, longest wait __ s. Ran the "
         "traffic-peak plan: ...", ("traffic peak",)),
        ("Agent sent home sick", STAFFING, "____ unwell at __:__, sent home, sick leave booked; ____ covers the "
         "queue.", ("sick",)),
    ),
    "filters": ("Open follow-ups", "Incidents this week"),
}
