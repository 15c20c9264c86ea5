"""The Chinese catalog is complete, keeps every placeholder, and lupdate finds nothing new in the code."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "handover_zh_CN.ts"


def messages():
    for context in ET.parse(TS).getroot().findall("context"):
        for m in context.findall("message"):
            yield context.find("name").text, m.find("source").text, m.find("translation")


def test_every_message_is_translated_with_its_placeholders():
    count = 0
    for context, source, translation in messages():
        count += 1
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        assert translation.text and translation.text.strip(), (context, source)
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", translation.text)), source
    assert count > 100


def test_the_catalog_holds_every_string_of_the_code(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for folder in ("ui", "printing") for p in (ROOT / "app" / folder).rglob("*.py"))
    subprocess.run([str(lupdate), *files, "-ts", str(fresh), "-no-obsolete", "-silent"], check=True, cwd=ROOT)
    wanted = {
        (c.find("name").text, m.find("source").text)
        for c in ET.parse(fresh).getroot().findall("context")
        for m in c.findall("message")
    }
    have = {(context, source) for context, source, _ in messages()}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings"
