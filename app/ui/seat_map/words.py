"""The seat map's codes worded for the supervisor: conflicts, reasons an agent was not placed, zone kinds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.seating import Conflict, ConflictKind, UnplacedReason, ZoneKind


def zone_kinds() -> dict[ZoneKind, str]:
    return {
        ZoneKind.NORMAL: QCoreApplication.translate("seat_map", "normal"),
        ZoneKind.TRAINING: QCoreApplication.translate("seat_map", "training"),
        ZoneKind.QUIET: QCoreApplication.translate("seat_map", "quiet"),
        ZoneKind.KEPT_APART: QCoreApplication.translate("seat_map", "kept apart"),
    }


def conflict_text(conflict: Conflict, names: dict[int, str], codes: dict[int, str]) -> str:
    who = ", ".join(names.get(a, "?") for a in conflict.agent_ids)
    seats = ", ".join(codes.get(s, "?") for s in conflict.seat_ids)
    texts = {
        ConflictKind.SHARED_SEAT: QCoreApplication.translate("seat_map", "Seat {seats} has two agents: {agents}"),
        ConflictKind.TWO_SEATS: QCoreApplication.translate("seat_map", "{agents} is on two seats: {seats}"),
        ConflictKind.ABSENT_SEATED: QCoreApplication.translate("seat_map", "{agents} is marked absent but seated at {seats}"),
        ConflictKind.OUT_OF_SERVICE_IN_USE: QCoreApplication.translate("seat_map", "Seat {seats} is out of service but used by {agents}"),
        ConflictKind.KEPT_APART_IN_USE: QCoreApplication.translate("seat_map", "Seat {seats} is in a kept-apart zone, used by {agents}"),
    }
    return texts[conflict.kind].format(seats=seats, agents=who)


def unplaced_text(reason: UnplacedReason, name: str, detail: str) -> str:
    texts = {
        UnplacedReason.NO_FREE_SEAT: QCoreApplication.translate("seat_map", "{name}: no free seat left"),
        UnplacedReason.NO_TRAINING_SEAT: QCoreApplication.translate("seat_map", "{name}: a trainee, and the training zone is full"),
        UnplacedReason.FIXED_SEAT_TAKEN: QCoreApplication.translate("seat_map", "{name}: fixed seat {seat} was taken, seated elsewhere"),
        UnplacedReason.FIXED_SEAT_UNUSABLE: QCoreApplication.translate("seat_map", "{name}: fixed seat {seat} cannot be used"),
    }
    return texts[reason].format(name=name, seat=detail)


def layout_problem(code: str, detail: str) -> str:
    words = {
        "missing_seat": QCoreApplication.translate("seat_map", "no seat code"),
        "bad_number": QCoreApplication.translate("seat_map", "not a number"),
        "duplicate_seat": QCoreApplication.translate("seat_map", "seat code used twice"),
        "bad_kind": QCoreApplication.translate("seat_map", "not a zone kind (normal, training, quiet, kept_apart)"),
    }
    word = words.get(code, code)
    return QCoreApplication.translate("seat_map", "{reason}: {detail}").format(reason=word, detail=detail) if detail else word
