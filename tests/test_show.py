"""`departures show`: a table that stays aligned with Chinese text and hostile names."""
from __future__ import annotations

import pytest

import sample_events as sample
from pipeline.cli import main
from pipeline.eventfile import read_events
from pipeline.show import display_width, fit, format_table, printable, select


def test_widths_count_wide_characters_twice_and_marks_not_at_all():
    assert display_width("xAI") == 3
    assert display_width("智谱") == 4
    assert display_width("ＡＢ") == 4  # full-width Latin
    assert display_width("e\u0301") == 1  # e + combining acute
    assert display_width("吳宇懷 Tony") == 11


@pytest.mark.parametrize("text, width", [("联合创始人兼首席科学家", 7), ("Jimmy Ba", 5), ("智谱AI", 4), ("短", 6)])
def test_fit_is_exactly_the_width(text, width):
    out = fit(text, width)
    assert display_width(out) == width
    if display_width(text) > width:
        assert out.rstrip().endswith("…")


def test_control_characters_cannot_reach_the_terminal():
    assert printable("a\x1b[2Jb\nc") == "a\\x1b[2Jb\\nc"


def test_table_columns_line_up_in_display_columns(tmp_path):
    records = read_events(sample.write_jsonl(tmp_path / "e.jsonl", sample.events())).records
    table = format_table(records).splitlines()
    header = table[0]
    starts = [display_width(header[: header.index(h)]) for h in ("organization", "role", "date", "status")]
    for line in table[2:]:
        # Each cell is followed by two spaces: the character before each start column is a space,
        # and the character at the start is not (every row has person/org/date/status set or padded).
        cols, pos = [], 0
        for char in line:
            cols.append(pos)
            pos += display_width(char)
        for start in starts:
            assert start in cols, (line, start)
            assert line[cols.index(start) - 1] == " "


def test_a_narrow_terminal_truncates_with_an_ellipsis(tmp_path):
    records = read_events(sample.write_jsonl(tmp_path / "e.jsonl", sample.events())).records
    lines = format_table(records, width=90).splitlines()
    assert all(display_width(line) <= 90 for line in lines)
    assert any("…" in line for line in lines)


def test_filters_match_names_as_the_scorer_does(tmp_path):
    records = read_events(sample.write_jsonl(tmp_path / "e.jsonl", sample.events())).records
    assert [r.event_id for r in select(records, org="xai")] == ["ev_a1", "ev_a2"]
    assert [r.event_id for r in select(records, person="吴宇怀")] == ["ev_a2"]
    assert [r.event_id for r in select(records, statuses=["rumored", "reported"])] == ["ev_b1", "ev_c2"]
    assert [r.event_id for r in select(records, lang="en")] == ["ev_b1"]


def test_cli_show_from_a_file_and_from_the_database(tmp_path, capsys):
    path = sample.write_jsonl(tmp_path / "events.jsonl", sample.events())
    assert main(["show", str(path), "--org", "智谱", "--evidence", "--sort", "confidence"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["person", "organization", "role", "date"]
    assert lines[2].startswith("张帆") and lines[4].startswith("李四")
    assert "“智谱首席运营官张帆于本月离职。”" in lines[3]
    assert err.strip() == "2 events"

    url = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["show", "--db", url]) == 2
    assert "no such database file" in capsys.readouterr().err
    assert main(["load", str(path), "--db", url, "-q"]) == 0
    assert main(["show", "--db", url, "--person", "Tony Wu"]) == 0
    out, err = capsys.readouterr()
    assert "吳宇懷" in out and err.strip() == "1 event"
    assert main(["show"]) == 2
    assert "give events files or --db" in capsys.readouterr().err
