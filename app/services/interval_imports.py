"""Use case: import a vendor interval report (`interval-csv`) through a mapping file.

The rows go straight into the source's intervals (one transaction for the
whole report); a row for a (queue, interval) already stored replaces it. The
vendor's own rules (threshold, `<` or `<=`, arrival or completion interval)
are recorded with the source and shown with its figures. A `--threshold`
other than the report's own T is refused: counts "within 30 s" cannot be
turned into counts within another T.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.errors import InputFileError, InvalidSettingError
from app.domain.intervals import INTERVAL_SECONDS, zone
from app.domain.service_level import SlSettings
from app.feeds.base import COVERAGE_GAP_SECONDS
from app.feeds.interval_csv import read
from app.feeds.interval_mapping import load_interval_mapping
from app.services.console import Console, machine_zone
from app.services.import_common import SHOWN_REJECTS, ImportRequest, ImportSummary, check_source, pick_site, write_report
from app.storage import calls as call_store
from app.storage import imports as run_store
from app.storage import sites as site_store


def import_report(console: Console, request: ImportRequest) -> ImportSummary:
    if request.mapping is None:
        raise InvalidSettingError(
            "--mapping", None, "an interval-csv report is read through a mapping file (--mapping FILE); "
            "resources/mappings/ holds those for Avaya CMS and Amazon Connect"
        )
    mapping = load_interval_mapping(request.mapping)
    if request.threshold_seconds is not None and request.threshold_seconds != mapping.threshold_seconds:
        raise InvalidSettingError(
            "threshold", request.threshold_seconds,
            f"the report counts calls answered within {mapping.threshold_seconds:g} s "
            f"({mapping.vendor}); its figures cannot be recounted for another threshold",
        )
    if request.tz is not None:
        zone(request.tz)
    with console.db.transaction() as tx:
        existing = site_store.find_source(tx, request.source)
        site = existing.site if existing else pick_site(tx, request)
    check_source(existing, request)
    if existing and existing.vendor_rule and existing.vendor_rule != mapping.rule_text:
        raise InvalidSettingError(
            "mapping", str(request.mapping),
            f"source {request.source!r} holds figures counted by another rule ({existing.vendor_rule}); "
            "import this report into a source of its own",
        )
    tz_name = request.tz or (site.timezone if site else machine_zone())
    batch = read(request.path, zone(tz_name), mapping)
    if not batch.rows:
        if batch.lines_read == 0 or not batch.rejected:
            raise InputFileError(str(request.path), "the report has a header but no interval rows")
        first = batch.rejected[0]
        raise InputFileError(
            str(request.path),
            f"no row could be used ({len(batch.rejected)} rejected; first: line {first.line_no}: {first.reason})",
        )
    site_created = site is None
    with console.db.transaction() as tx:
        if site is None:
            site = site_store.add_site(tx, request.site, request.tz or machine_zone())
        settings = SlSettings(threshold_seconds=mapping.threshold_seconds)
        if request.sl_definition is not None:
            settings = replace(settings, definition=request.sl_definition)
        source = existing or site_store.add_source(tx, request.source, site, request.format.value, settings)
        site_store.set_vendor_rule(tx, source.id, mapping.rule_text)
        if existing and request.sl_definition is not None and request.sl_definition != existing.settings.definition:
            site_store.update_source_settings(tx, source.id, replace(existing.settings, definition=request.sl_definition))
        run_id = run_store.start_run(tx, source.id, str(request.path), request.format.value)
        replaced = call_store.replace_intervals(tx, source.id, mapping.threshold_seconds, batch.rows)
        starts = [s for _, s, _ in batch.rows]
        call_store.add_coverage(tx, source.id, min(starts), max(starts) + INTERVAL_SECONDS - 1, COVERAGE_GAP_SECONDS)
        run_store.record_batch(
            tx, run_id, lines_read=batch.lines_read, offset=batch.end_offset, new=len(batch.rows) - replaced,
            known=replaced, updated=replaced, waiting=0, ignored=batch.ignored, rejected=batch.rejected,
        )
        run_store.finish_run(tx, run_id)
        source = site_store.find_source(tx, request.source)
    rejected = list(batch.rejected)
    report = write_report(request, rejected) if rejected else None
    return ImportSummary(
        source=source.name, site=source.site.name, path=str(request.path), format=request.format.value,
        source_created=existing is None, site_created=site_created,
        lines_read=batch.lines_read, calls=0, new=len(batch.rows) - replaced, known=replaced, updated=replaced,
        waiting=0, ignored=dict(batch.ignored), rejected=len(rejected), first_rejected=tuple(rejected[:SHOWN_REJECTS]),
        report_path=str(report) if report else None, settings_change=None, batches=1,
        intervals_written=len(batch.rows), covered=(min(starts), max(starts) + INTERVAL_SECONDS - 1),
        vendor_rule=mapping.rule_text, missing_columns=tuple(mapping.columns[f] for f in batch.missing_columns),
    )
