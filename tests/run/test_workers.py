"""`wirecoder ingest --workers 2` writes the same database as one process."""
from __future__ import annotations

import pytest
from dbdump import dump

from wirecoder.serve.cli import main

from conftest import EXAMPLES


def test_two_workers_write_what_one_process_writes(tmp_path, capsys, nlp):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert main(["ingest", str(EXAMPLES), "--db", one]) == 0
    assert main(["ingest", str(EXAMPLES), "--db", two, "--workers", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == out[1] and out[1].endswith(" new, 0 already stored, 0 failed")
    first, second = dump(one), dump(two)
    assert first["stats"]["articles"] >= 15 and first["stats"]["events"] > 0
    assert second == first
    assert main(["ingest", str(EXAMPLES), "--db", two, "--workers", "2"]) == 0  # again: nothing new
    assert capsys.readouterr().out.strip().endswith(": 0 new, %d already stored, 0 failed"
                                                    % first["stats"]["articles"])


def test_workers_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", str(EXAMPLES), "--workers", "0"])
    assert exc.value.code == 2
    assert "--workers: not a positive number: '0'" in capsys.readouterr().err
