"""Checking the audit trail and the signed handovers (`handover-console audit verify`).

`verify_trail` reads the whole trail in one snapshot of the database and reports:
- every record whose hash no longer matches its content, every broken link
  (prev_hash not the previous record's hash; the first one is named in the
  report), ids missing in the sequence, and records deleted at the end (the
  head row keeps the last id, its hash and the count);
- every row the trail wrote whose stored values differ from what the trail
  says it holds, that is gone though the trail never deleted it, or that is
  back though the trail deleted it (a row edited directly in the database);
  and every row newer than the trail's baseline that no record wrote (a row
  added with SQL);
- every signed (or outgoing-signed) handover whose snapshot or signatures no
  longer match their seal (`get_handover(...).verified`).

`acting_as(name)` names who writes in a block (the console's signed-in
supervisor), for services and the UI, which do not import storage.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.audit import GENESIS_HASH, ChainCheck, Finding, Head, Replay, genesis_hash
from app.services.console import Console
from app.services.handover import get_handover
from app.storage import audit as store
from app.storage.audit import acting_as

HANDOVERS = "handovers"


@dataclass(frozen=True)
class AuditReport:
    """What `verify_trail` found. `first_break`: the id of the first record where the chain breaks (None: none)."""

    records: int
    head: Head | None
    rows_compared: int
    handovers_checked: int
    first_break: int | None
    findings: tuple[Finding, ...]

    @property
    def intact(self) -> bool:
        return not self.findings


def verify_trail(console: Console) -> AuditReport:
    """Check the chain, the rows it wrote and the seals of the signed handovers; every problem is a finding."""
    replay = Replay()
    with console.db.transaction() as tx:
        store.consistent_read(tx)
        head = store.head(tx)
        baseline_text, baseline = store.baseline(tx)
        check = ChainCheck(GENESIS_HASH if baseline_text is None else genesis_hash(baseline_text))
        for record in store.records(tx):
            check.add(record)
            replay.add(record)
        findings = check.finish(head)
        compared = 0
        for table in sorted(set(replay.tables) | set(baseline)):
            stored = store.current_rows(tx, table)
            if stored is None:
                findings.append(Finding(table, "*", "the table the trail wrote to is gone"))
                continue
            compared += len(replay.rows.get(table, ()))
            findings.extend(replay.compare(table, stored))
            if table in baseline:
                findings.extend(replay.unwritten(table, stored, baseline[table]))
        sealed = store.sealed_handover_ids(tx)
    for handover_id in sealed:
        if not get_handover(console, handover_id).verified:
            findings.append(Finding(HANDOVERS, str(handover_id), "the signed snapshot or its signatures no longer "
                                                                 "match the seal (changed after signing)"))
    return AuditReport(check.seen, head, compared, len(sealed), check.first_break, tuple(findings))


__all__ = ["AuditReport", "acting_as", "verify_trail"]
