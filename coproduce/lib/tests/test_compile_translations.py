"""compile_translations: .po to .mo with polib, only when the catalogue changed."""

import os
from io import StringIO

import polib
from django.core.management import call_command

from coproduce.lib.management.commands import compile_translations


def catalogue(path, msgstr):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "cy"}
    po.append(polib.POEntry(msgid="Save", msgstr=msgstr))
    path.parent.mkdir(parents=True)
    po.save(str(path))


def test_compiles_a_changed_catalogue_once(tmp_path, monkeypatch):
    po_path = tmp_path / "coproduce" / "x" / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    catalogue(po_path, "Cadw")
    monkeypatch.setattr(compile_translations, "catalogues", lambda: [po_path])
    out = StringIO()
    call_command("compile_translations", stdout=out)
    assert "1 translation catalogue(s) compiled" in out.getvalue()
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    assert mo.find("Save").msgstr == "Cadw"
    call_command("compile_translations", stdout=out)
    assert "0 translation catalogue(s) compiled" in out.getvalue()
    later = po_path.stat().st_mtime + 10
    os.utime(po_path, (later, later))
    call_command("compile_translations", stdout=out)
    assert out.getvalue().count("1 translation catalogue(s) compiled") == 2
