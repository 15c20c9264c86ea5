"""Synthetic Asterisk `queue_log` for the import benchmarks (deterministic, seeded numpy).

    python -m tests.benchmarks.generate_queue_log OUT [N]   # N primary visits, default 870,000

With the default N the file has about 4,000,000 lines (~280 MB) and about
890,000 caller visits. It looks like eleven days of one busy Asterisk 13+
queue server (field layout of /work/shared/data/asterisk-queue-log/README.md):

* 8 queues of unequal volume, arrivals from Monday 2025-11-17 00:00 UTC to
  Thursday 2025-11-27 14:30 UTC (when the log was copied), weekdays busier
  than weekends, the hourly shape of `generate_calls_csv` (two peaks, quiet
  nights); timestamps are epoch seconds (import with `--tz UTC`);
* every visit starts with `ENTERQUEUE||callerid|position` (newer layout;
  caller ids are fictitious `555…` numbers, about 3 % `anonymous`), then 1-4
  `RINGNOANSWER|<ms>` of other members (ring times in milliseconds, capped
  at a 15 s ring timeout, some 0 ms for unreachable devices), then one outcome:
  about 84 % answered (`CONNECT|holdtime|bridged-uniqueid|ringtime`, later
  `COMPLETEAGENT`/`COMPLETECALLER|holdtime|calltime|origposition`, 3 % of them
  `TRANSFER|ext|context|holdtime|calltime|origposition` instead), 10 %
  `ABANDON|position|origposition|waittime`, 4.5 % `EXITWITHTIMEOUT` after the
  queue's timeout and 1.5 % `EXITWITHKEY|key|position|origposition|waittime`;
  every outcome gives back the ENTERQUEUE second exactly (time - holdtime
  [- calltime]), as app_queue does;
* half of the timed-out callers overflow into queue `9000` with the same
  uniqueid (a re-entry: same callid, another queue, a new ENTERQUEUE);
* lines after the end of the log are cut off, so visits of the last minutes
  are still waiting (only ENTERQUEUE and perhaps some rings) and some answered
  calls have a CONNECT but no COMPLETE yet;
* uniqueids are `<epoch of the channel>.<sequence>`: the caller channel is
  created a few seconds (IVR) before ENTERQUEUE, the sequence counts every
  channel of the PBX (callers, rung and bridged members);
* about 180 members `PJSIP/2xxx` (interfaces, as with PJSIP phones), each in 1-3 queues, working
  8-hour shifts: `ADDMEMBER` / `REMOVEMEMBER` (callid `MANAGER`) per queue at
  the start and end, three `PAUSE|<reason>` / `UNPAUSE|` breaks per shift;
  a `QUEUESTART` first line, a few `CONFIGRELOAD` lines, and `JOINEMPTY` lines
  (about 0.2 %: callers who never entered, not visits);
* lines are written in time order, calls interleaved, except about 0.3 % that
  were flushed late (1-120 s after their own timestamp).

Not modelled: members' busy time (one member may be connected to two
callers at once), AGENTDUMP, RINGCANCELED, DID lines, Asterisk restarts.

Everything is vectorized with numpy 2 `StringDType`; the lines are built per
event type, sorted once, and written in chunks. The default file takes
about 13 s (peak RSS ~1.4 GB). `generate()` returns (and writes beside the
file, as OUT.json) what the import must find: the number of visits (stored
calls), lines, and the count of each outcome.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from numpy.dtypes import StringDType

from tests.benchmarks.generate_calls_csv import HOURLY, WEEKDAY

START = 1763337600  # Monday 2025-11-17 00:00:00 UTC
DAYS = 11
END = START + (DAYS - 1) * 86400 + 14 * 3600 + 1800  # 2025-11-27 14:30 UTC: the log was copied
SEED = 20251117
DEFAULT_VISITS = 870_000
# Bumped whenever the output changes, so a cached file is never stale.
VERSION = 1

QUEUES = ("billing", "support", "sales", "retention", "tech-l2", "vip", "spanish", "9000")
QUEUE_SHARE = np.array([0.24, 0.27, 0.15, 0.08, 0.09, 0.03, 0.09, 0.05])
QUEUE_MEAN_WAIT = np.array([30.0, 40.0, 15.0, 25.0, 60.0, 8.0, 35.0, 20.0])
QUEUE_TIMEOUT = np.array([600, 900, 300, 600, 1200, 300, 600, 900])
OVERFLOW = QUEUES.index("9000")
N_AGENTS = 180
PAUSE_REASONS = np.array(["Break", "Lunch", "Training", "Coaching", "Meeting"], dtype=StringDType())
S = StringDType()


@dataclass(frozen=True)
class QueueLogInfo:
    """What the generated file holds (the import must store `visits` calls)."""

    visits: int  # ENTERQUEUE lines = caller visits = calls an import stores
    lines: int
    bytes: int
    answered: int  # CONNECT written
    abandoned: int
    other: int  # EXITWITHTIMEOUT, EXITWITHKEY
    waiting: int  # no outcome in the file
    overflow_visits: int  # re-entries in queue 9000 with the uniqueid of a timed-out visit
    joinempty: int
    agent_lines: int
    version: int = VERSION


def _s(values) -> np.ndarray:
    return np.asarray(values).astype(S)


def _cat(*parts) -> np.ndarray:
    """Element-wise concatenation of StringDType arrays and str scalars."""
    out = parts[0] if not isinstance(parts[0], str) else _s([parts[0]])
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


class _Lines:
    """Lines gathered per event type: text, timestamp, sort keys."""

    def __init__(self) -> None:
        self.text, self.at, self.written, self.visit, self.step = [], [], [], [], []

    def add(self, at, callid, queue, agent, event: str, data, visit, step: int, end: int = END) -> int:
        at = np.asarray(at, dtype=np.int64)
        keep = at <= end
        at = at[keep]

        def pick(v):
            return v[keep] if isinstance(v, np.ndarray) and v.shape[:1] == keep.shape else v

        text = _cat(at.astype(S), "|", pick(callid), "|", pick(queue), "|", pick(agent), "|" + event + "|", pick(data))
        self.text.append(text)
        self.at.append(at)
        self.written.append(at.copy())
        visit = np.broadcast_to(np.asarray(visit, dtype=np.int64), keep.shape)[keep]
        self.visit.append(visit)
        self.step.append(np.broadcast_to(np.asarray(step, dtype=np.int64), keep.shape)[keep])
        return int(at.size)


def _arrivals(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted ENTERQUEUE epochs and the load factor (0..1) of their half hour."""
    day_weight = WEEKDAY[(np.arange(DAYS) + 0) % 7]  # day 0 is a Monday
    weight = (day_weight[:, None] * np.repeat(HOURLY, 2)[None, :]).ravel()[: (END - START) // 1800]
    slot = rng.choice(weight.size, size=n, p=weight / weight.sum())
    seconds = np.sort(slot * 1800 + rng.integers(0, 1800, size=n))
    return START + seconds, weight[seconds // 1800] / weight.max()


def _members(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Member names, each member's queues (bool matrix), and per queue its members (table, count)."""
    names = _s([f"PJSIP/{2001 + i}" for i in range(N_AGENTS)])
    home = rng.choice(len(QUEUES), size=N_AGENTS, p=QUEUE_SHARE)
    in_queue = np.zeros((N_AGENTS, len(QUEUES)), dtype=bool)
    in_queue[np.arange(N_AGENTS), home] = True
    extra = rng.random((N_AGENTS, len(QUEUES))) < 0.12  # ~1-3 queues each
    in_queue |= extra
    in_queue[:, OVERFLOW] |= rng.random(N_AGENTS) < 0.15
    counts = in_queue.sum(axis=0)
    table = np.zeros((len(QUEUES), counts.max()), dtype=np.int64)
    for q in range(len(QUEUES)):
        members = np.flatnonzero(in_queue[:, q])
        table[q, : members.size] = members
    return names, in_queue, table, counts


def _pick_member(rng, q: np.ndarray, table: np.ndarray, counts: np.ndarray) -> np.ndarray:
    return table[q, (rng.random(q.size) * counts[q]).astype(np.int64)]


def _outcomes(rng: np.random.Generator, q: np.ndarray, load: np.ndarray, overflow_ok: bool) -> dict:
    """Outcome kind (0 answered, 1 abandoned, 2 timeout, 3 key), wait and talk seconds of each visit."""
    n = q.size
    u = rng.random(n)
    kind = np.select([u < 0.84, u < 0.94, u < 0.985], [0, 1, 2], 3)
    timeout = QUEUE_TIMEOUT[q]
    wait = np.rint(rng.exponential(QUEUE_MEAN_WAIT[q] * (0.3 + 1.4 * load))).astype(np.int64)
    wait = np.where(kind == 1, np.rint(rng.exponential(45.0, n)).astype(np.int64), wait)
    wait = np.where(kind == 3, rng.integers(10, 120, n), wait)
    wait = np.minimum(wait, timeout - 1)
    wait = np.where(kind == 2, timeout + rng.integers(0, 2, n), wait)
    talk = np.rint(rng.lognormal(5.3, 0.6, n)).astype(np.int64) + 5
    return {
        "kind": kind, "wait": wait, "talk": talk,
        "transfer": (kind == 0) & (rng.random(n) < 0.03),
        "complete_agent": rng.random(n) < 0.45,
        "rings": rng.choice(np.arange(1, 5), size=n, p=[0.55, 0.25, 0.12, 0.08]),
        "origpos": 1 + rng.poisson(1.0 + 4.0 * load),
        "overflow": (kind == 2) & (q != OVERFLOW) & (rng.random(n) < 0.5) if overflow_ok else np.zeros(n, bool),
    }


def _visit_lines(rng, lines: _Lines, visit, enter, q, out, uid, seq, caller, names, table, counts) -> None:
    """All lines of the visits (ENTERQUEUE, rings, outcome); `visit` numbers them for the sort."""
    n = enter.size
    queue = _s(QUEUES)[q]
    kind, wait, talk = out["kind"], out["wait"], out["talk"]
    origpos = out["origpos"]
    lines.add(enter, uid, queue, "NONE", "ENTERQUEUE", _cat("|", caller, "|", origpos.astype(S)), visit, 0)
    # Rings: r of them, spread over the wait, each of another member.
    r = out["rings"]
    owner = np.repeat(np.arange(n), r)
    k = np.arange(owner.size) - np.repeat(np.cumsum(r) - r, r)
    ring_at = enter[owner] + (wait[owner] * (k + 1)) // (r[owner] + 1)
    gap = np.where(k == 0, ring_at - enter[owner], wait[owner] // (r[owner] + 1))
    ms = np.minimum(np.maximum(gap, 1), 15) * 1000
    ms = np.where(rng.random(owner.size) < 0.15, 0, ms)
    member = _pick_member(rng, q[owner], table, counts)
    lines.add(ring_at, uid[owner], queue[owner], names[member], "RINGNOANSWER", ms.astype(S), visit[owner], 1 + k)
    # Answered: CONNECT, then COMPLETEAGENT / COMPLETECALLER / TRANSFER.
    a = np.flatnonzero(kind == 0)
    agent = names[_pick_member(rng, q[a], table, counts)]
    connect = enter[a] + wait[a]
    ring = rng.integers(1, 15, a.size)
    bridged = _cat((connect - ring).astype(S), ".", (seq[a] + r[a] + 1).astype(S))
    wait_s = wait[a].astype(S)
    lines.add(connect, uid[a], queue[a], agent, "CONNECT", _cat(wait_s, "|", bridged, "|", ring.astype(S)), visit[a], 5)
    done = connect + talk[a]
    talk_s, pos_s = talk[a].astype(S), origpos[a].astype(S)
    for mask, event in (
        (~out["transfer"][a] & out["complete_agent"][a], "COMPLETEAGENT"),
        (~out["transfer"][a] & ~out["complete_agent"][a], "COMPLETECALLER"),
    ):
        lines.add(done[mask], uid[a][mask], queue[a][mask], agent[mask], event,
                  _cat(wait_s[mask], "|", talk_s[mask], "|", pos_s[mask]), visit[a][mask], 6)
    t = out["transfer"][a]
    ext = rng.integers(2001, 2001 + N_AGENTS, int(t.sum())).astype(S)
    lines.add(done[t], uid[a][t], queue[a][t], agent[t], "TRANSFER",
              _cat(ext, "|from-internal|", wait_s[t], "|", talk_s[t], "|", pos_s[t]), visit[a][t], 6)
    # Abandoned, timed out, key pressed: one line at enter + wait.
    position = 1 + (rng.random(n) * origpos).astype(np.int64)
    for kind_no, event in ((1, "ABANDON"), (2, "EXITWITHTIMEOUT"), (3, "EXITWITHKEY")):
        m = np.flatnonzero(kind == kind_no)
        data = _cat(position[m].astype(S), "|", origpos[m].astype(S), "|", wait[m].astype(S))
        if kind_no == 3:
            data = _cat(rng.choice(np.array(["1", "2", "0", "9"], dtype=S), m.size), "|", data)
        lines.add(enter[m] + wait[m], uid[m], queue[m], "NONE", event, data, visit[m], 5)


def _agent_lines(rng, lines: _Lines, names, in_queue) -> int:
    """Shifts of every member: ADDMEMBER/REMOVEMEMBER per queue, three paused breaks."""
    count = 0
    agent, day = np.meshgrid(np.arange(N_AGENTS), np.arange(DAYS), indexing="ij")
    agent, day = agent.ravel(), day.ravel()
    works = rng.random(agent.size) < np.where(day % 7 >= 5, 0.35, 0.75)
    agent, day = agent[works], day[works]
    start = START + day * 86400 + rng.choice(np.arange(6, 15), agent.size) * 3600 + rng.integers(-600, 600, agent.size)
    end = start + 8 * 3600 + rng.integers(0, 900, agent.size)
    shift, q = np.nonzero(in_queue[agent])  # one row per (shift, queue of its member)
    member, queue = names[agent[shift]], _s(QUEUES)[q]
    visit = np.full(shift.size, -1)  # agent lines sort before call lines of the same second
    count += lines.add(start[shift] + q, "MANAGER", queue, member, "ADDMEMBER", "", visit, 0)
    count += lines.add(end[shift] + q, "MANAGER", queue, member, "REMOVEMEMBER", "", visit, 0)
    for b in range(3):
        at = start + (2 + 2 * b) * 3600 + rng.integers(-1200, 1200, agent.size)
        back = at + rng.integers(600, 2700, agent.size)
        reason = PAUSE_REASONS[rng.integers(0, PAUSE_REASONS.size, agent.size)]
        count += lines.add(at[shift], "NONE", queue, member, "PAUSE", reason[shift], visit, 0)
        count += lines.add(back[shift], "NONE", queue, member, "UNPAUSE", "", visit, 0)
    return count


def generate(out: Path, n: int = DEFAULT_VISITS, seed: int = SEED, chunk_lines: int = 500_000) -> QueueLogInfo:
    """Write the queue_log of n primary visits to `out` (and OUT.json); return what it holds."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    names, in_queue, table, counts = _members(rng)
    lines = _Lines()

    # Arrivals: n visits plus JOINEMPTY callers (who never enter).
    n_join = max(1, n // 500)
    enter, load = _arrivals(rng, n + n_join)
    q = rng.choice(len(QUEUES), size=enter.size, p=QUEUE_SHARE)
    out_ = _outcomes(rng, q, load, overflow_ok=True)
    joinempty = np.zeros(enter.size, dtype=bool)
    joinempty[rng.choice(enter.size, n_join, replace=False)] = True
    # Channels: caller, each rung member, the bridged member; the sequence counts them all.
    channels = 1 + np.where(joinempty, 0, out_["rings"] + (out_["kind"] == 0))
    seq = 1000 + np.cumsum(channels) - channels
    ivr = np.minimum(rng.exponential(6.0, enter.size).astype(np.int64), 60)
    uid = _cat((enter - ivr).astype(S), ".", seq.astype(S))
    caller = _cat("555", rng.integers(1_000_000, 10_000_000, enter.size).astype(S))
    caller = np.where(rng.random(enter.size) < 0.03, _s(["anonymous"]), caller).astype(S)

    j = np.flatnonzero(joinempty)
    lines.add(enter[j], uid[j], _s(QUEUES)[q[j]], "NONE", "JOINEMPTY", _cat("1||", caller[j]), j, 0)
    v = np.flatnonzero(~joinempty)
    sub = {key: value[v] for key, value in out_.items()}
    _visit_lines(rng, lines, v, enter[v], q[v], sub, uid[v], seq[v], caller[v], names, table, counts)

    # Overflow: half the timed-out callers re-enter queue 9000 with their uniqueid.
    o = v[sub["overflow"]]
    o_enter = enter[o] + sub["wait"][sub["overflow"]] + rng.integers(0, 3, o.size)
    o = o[o_enter <= END]
    o_enter = o_enter[o_enter <= END]
    o_q = np.full(o.size, OVERFLOW)
    o_out = _outcomes(rng, o_q, load[o], overflow_ok=False)
    _visit_lines(rng, lines, enter.size + np.arange(o.size), o_enter, o_q, o_out, uid[o], seq[o] + 8, caller[o], names, table, counts)

    agent_lines = _agent_lines(rng, lines, names, in_queue)
    # System lines: QUEUESTART first, a few CONFIGRELOADs.
    reloads = np.sort(rng.integers(START, END, 5))
    lines.add(np.array([START - 300]), "NONE", "NONE", "NONE", "QUEUESTART", "", -2, 0)
    lines.add(reloads, "NONE", "NONE", "NONE", "CONFIGRELOAD", "", -2, 0)

    text = np.concatenate(lines.text)
    at = np.concatenate(lines.at)
    written = np.concatenate(lines.written)
    late = rng.random(written.size) < 0.003
    written[late] += rng.integers(1, 121, int(late.sum()))
    order = np.lexsort((np.concatenate(lines.step), np.concatenate(lines.visit), written))
    del written

    tmp = out.with_name(out.name + ".part")
    with open(tmp, "w", encoding="ascii", newline="\n") as fh:
        for i in range(0, order.size, chunk_lines):
            fh.write("\n".join(text[order[i : i + chunk_lines]].tolist()))
            fh.write("\n")
    tmp.replace(out)

    # What the file holds: a visit is stored whatever its outcome; cut-off outcomes are waiting.
    kind = np.concatenate((sub["kind"], o_out["kind"]))
    known = np.concatenate((enter[v] + sub["wait"], o_enter + o_out["wait"])) <= END  # outcome line written
    info = QueueLogInfo(
        visits=int(v.size + o.size), lines=int(at.size), bytes=out.stat().st_size,
        answered=int(((kind == 0) & known).sum()), abandoned=int(((kind == 1) & known).sum()),
        other=int(((kind >= 2) & known).sum()), waiting=int((~known).sum()), overflow_visits=int(o.size),
        joinempty=int(j.size), agent_lines=agent_lines,
    )
    info_path(out).write_text(json.dumps(asdict(info), indent=1) + "\n", encoding="utf-8")
    return info


def info_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".json")


def load_info(out: Path) -> QueueLogInfo | None:
    """The figures written beside a generated file, or None when they are missing or stale."""
    try:
        info = QueueLogInfo(**json.loads(info_path(out).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return info if info.version == VERSION and Path(out).exists() and Path(out).stat().st_size == info.bytes else None


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m tests.benchmarks.generate_queue_log OUT [N]", file=sys.stderr)
        return 2
    n = int(argv[1].replace("_", "").replace(",", "")) if len(argv) == 2 else DEFAULT_VISITS
    info = generate(Path(argv[0]), n)
    print(f"{argv[0]}: {info.lines:,} lines, {info.bytes / 1e6:.1f} MB, {info.visits:,} visits "
          f"({info.answered:,} answered, {info.abandoned:,} abandoned, {info.other:,} other, "
          f"{info.waiting:,} waiting; {info.overflow_visits:,} overflow re-entries), {info.joinempty:,} JOINEMPTY, "
          f"{info.agent_lines:,} member lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
