"""Loading events into SQLite and a real PostgreSQL server: schema, upsert, queries.

Every test runs on both engines. PostgreSQL is a server of the test session's
own (see services.py); where its binaries are not installed these tests skip.
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sample_events as sample
import services
from pipeline.cli import main
from pipeline.db import LATEST_VERSION, MIGRATIONS, DatabaseError, connect, describe, migrate, parse_url, schema_version
from pipeline.eventfile import read_events, read_inputs, record_from_json
from pipeline.load import load_records
from pipeline.query import fetch_events

TABLES = ("schema_version", "documents", "people", "person_aliases", "organizations", "org_aliases", "events", "event_sources")


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = services.postgres_server()
    except LookupError as exc:
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'departures.db'}"
        return
    server = request.getfixturevalue("pg_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


def snapshot(db) -> dict[str, list]:
    """Every row of every table, in a stable order."""
    return {t: sorted(map(repr, db.query(f"SELECT * FROM {t}"))) for t in TABLES}


def _columns(db, table: str) -> set[str]:
    if db.dialect == "sqlite":
        return {row[1] for row in db.query(f"PRAGMA table_info({table})")}
    return {row[0] for row in db.query("SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))}


def load_file(url: str, path) -> tuple:
    with connect(url) as db:
        stats = load_records(db, read_events(path).records)
        return stats, snapshot(db)


def test_schema_is_created_with_versions_and_indexes(db_url):
    with connect(db_url) as db:
        assert schema_version(db) == LATEST_VERSION
        versions = db.query("SELECT version, description FROM schema_version ORDER BY version")
        assert [v for v, _ in versions] == [m.version for m in MIGRATIONS]
        if db.dialect == "sqlite":
            indexes = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        else:
            indexes = {r[0] for r in db.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
        assert {"events_person_idx", "events_org_idx", "events_date_idx", "events_merged_idx"} <= indexes
    with connect(db_url) as db:  # opening again applies nothing
        assert migrate(db) == []


def test_migrations_apply_in_order_and_keep_data(db_url):
    with connect(db_url, migrate_schema=False) as db:
        assert migrate(db, target=1) == [1]
        db.execute("INSERT INTO documents (doc, lang) VALUES (?, ?)", ("kept.txt", "zh"))
        assert schema_version(db) == 1
        assert "person_id" in _columns(db, "events") and "merged_id" not in _columns(db, "events")
    with connect(db_url) as db:  # brings it to the latest version
        assert schema_version(db) == LATEST_VERSION
        assert db.query("SELECT doc, lang FROM documents") == [("kept.txt", "zh")]
        assert {"merged_id", "extra"} <= _columns(db, "events")


def test_a_database_newer_than_the_program_is_refused(db_url):
    with connect(db_url) as db:
        db.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)", (99, "future", "x"))
    with pytest.raises(DatabaseError, match="schema version 99, newer"):
        connect(db_url)


def test_loading_twice_changes_nothing(db_url, tmp_path):
    path = sample.write_jsonl(tmp_path / "events.jsonl", sample.events())
    first, before = load_file(db_url, path)
    assert (first.inserted, first.updated, first.unchanged) == (5, 0, 0)
    second, after = load_file(db_url, path)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 5)
    assert after == before
    with connect(db_url) as db:
        counts = describe(db)
    assert counts["events"] == 5 and counts["documents"] == 3 and counts["event_sources"] == 5
    assert counts["people"] == 5 and counts["organizations"] == 3
    assert counts["person_aliases"] == 3  # Ba, Tony Wu, the injection string


def test_a_newer_run_updates_changed_events_replaces_their_sources_and_keeps_the_rest(db_url, tmp_path):
    old = sample.events()
    load_file(db_url, sample.write_jsonl(tmp_path / "old.jsonl", old))
    new = copy.deepcopy(old[:3])  # ev_c1 and ev_c2 are not in the newer run
    new[0]["role"] = "联合创始人兼研究员"
    new[0]["sources"] = [{"start": 0, "end": 6, "text": "xAI 动荡。"}, new[0]["sources"][0]]
    new[1]["person_aliases"] = ["Yuhuai Wu"]
    new.append(dict(old[3], event_id="ev_d1", doc="d.txt", person="王五"))
    stats, _ = load_file(db_url, sample.write_jsonl(tmp_path / "new.jsonl", new))
    assert (stats.inserted, stats.updated, stats.unchanged) == (1, 2, 1)
    with connect(db_url) as db:
        got = {r.event_id: r for r in fetch_events(db)}
        assert set(got) == {"ev_a1", "ev_a2", "ev_b1", "ev_c1", "ev_c2", "ev_d1"}
        assert got["ev_a1"].role == "联合创始人兼研究员"
        assert [s.text for s in got["ev_a1"].sources] == ["xAI 动荡。", old[0]["sources"][0]["text"]]
        assert got["ev_a2"].person_aliases == ["Yuhuai Wu"]  # the old alias went with the old version
        assert got["ev_c1"].role == "首席运营官"
        assert db.query("SELECT COUNT(*) FROM event_sources WHERE event_id = ?", ("ev_a1",)) == [(2,)]


def test_quotes_semicolons_and_sql_are_stored_verbatim(db_url, tmp_path):
    path = sample.write_jsonl(tmp_path / "events.jsonl", sample.events())
    load_file(db_url, path)
    with connect(db_url) as db:
        assert db.table_exists("events")
        row = db.query("SELECT person, org, role, reason FROM events WHERE event_id = ?", ("ev_b1",))[0]
        assert row == (sample.EVIL_PERSON, sample.EVIL_ORG, "\"chief\" officer", sample.INJECTION)
        text = db.query("SELECT text FROM event_sources WHERE event_id = ?", ("ev_b1",))[0][0]
        assert sample.INJECTION in text and "? $1 %s" in text and text == sample.events()[2]["sources"][0]["text"]
        assert db.query("SELECT alias FROM person_aliases WHERE alias = ?", (sample.INJECTION,)) == [(sample.INJECTION,)]
        # Everything comes back as it went in.
        back = {r.event_id: r.to_json() for r in fetch_events(db)}
    for original in sample.events():
        got = back[original["event_id"]]
        for key, value in original.items():
            assert got[key] == value, key


def test_queries_match_names_as_the_scorer_does(db_url, tmp_path):
    load_file(db_url, sample.write_jsonl(tmp_path / "events.jsonl", sample.events()))
    with connect(db_url) as db:
        assert {r.event_id for r in fetch_events(db, org="XAI")} == {"ev_a1", "ev_a2"}
        assert [r.event_id for r in fetch_events(db, person="吴宇怀")] == ["ev_a2"]  # simplified finds traditional
        assert [r.event_id for r in fetch_events(db, person="tony wu")] == ["ev_a2"]  # by alias
        assert [r.event_id for r in fetch_events(db, org="智谱", statuses=["rumored"])] == ["ev_c2"]
        assert fetch_events(db, org="Nobody Inc") == []
        people = db.query(
            "SELECT p.name, o.name FROM events e JOIN people p ON p.person_id = e.person_id "
            "JOIN organizations o ON o.org_id = e.org_id WHERE e.date >= ? ORDER BY e.date",
            ("2026-02",),
        )
        assert people == [(sample.EVIL_PERSON, sample.EVIL_ORG), ("吳宇懷", "xAI"), ("Jimmy Ba", "xAI")]


def test_merged_output_loads_with_its_merged_ids(db_url, tmp_path):
    rows = sample.events()
    events_path = sample.write_jsonl(tmp_path / "events.jsonl", rows)
    merged = [
        {"merged_id": "m_xai_ba", "person": "Jimmy Ba", "person_aliases": ["Ba"], "org": "xAI", "org_aliases": ["X.AI"],
         "status": "confirmed", "conflict": False, "docs": ["a.txt"], "mentions": [rows[0]]},
        {"merged_id": "m_zhipu_zhang", "person": "张帆", "org": "智谱", "docs": ["c.txt"],
         "mentions": [{"event_id": "ev_c1", "doc": "c.txt", "person": "张帆", "org": "智谱", "role": "首席运营官",
                       "date": "2025-06", "date_precision": "month", "status": "confirmed", "confidence": 0.95,
                       "sources": rows[3]["sources"], "rule": "zh.leave", "lang": "zh", "new_field": [1, 2]}]},
    ]
    sample.write_jsonl(tmp_path / "events.merged.jsonl", merged)
    events = read_inputs([events_path])  # finds events.merged.jsonl beside it
    assert [p.name for p in events.paths] == ["events.jsonl", "events.merged.jsonl"]
    with connect(db_url) as db:
        stats = load_records(db, events.records)
        assert (stats.inserted, stats.unchanged) == (5, 0)
        ids = dict(db.query("SELECT event_id, merged_id FROM events"))
        assert ids == {"ev_a1": "m_xai_ba", "ev_a2": None, "ev_b1": None, "ev_c1": "m_zhipu_zhang", "ev_c2": None}
        extra = db.query("SELECT extra FROM events WHERE event_id = ?", ("ev_c1",))[0][0]
        assert json.loads(extra) == {"new_field": [1, 2]}
        again = load_records(db, read_inputs([events_path]).records)
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)


def test_ten_thousand_events(db_url, tmp_path):
    rows = sample.synthetic(10_000)
    path = sample.write_jsonl(tmp_path / "big.jsonl", rows)
    stats, _ = load_file(db_url, path)
    assert stats.inserted == 10_000
    with connect(db_url) as db:
        assert describe(db)["event_sources"] == 20_000
        rows[5]["status"] = "denied"
        again = load_records(db, read_events(sample.write_jsonl(tmp_path / "big2.jsonl", rows)).records)
        assert (again.updated, again.unchanged) == (1, 9_999)
        assert db.query("SELECT status FROM events WHERE event_id = ?", ("ev_syn_000005",)) == [("denied",)]


# --- SQLite-only: URLs and the command line


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://root@localhost/x", "unsupported --db URL"),
        ("departures.db", "did you mean sqlite:///departures.db"),
        ("sqlite:/x.db", "bad --db URL"),
        ("sqlite://x.db", "three slashes"),
        ("postgresql://user@localhost", "name the database"),
    ],
)
def test_bad_urls_say_what_would_work(url, message):
    with pytest.raises(DatabaseError, match=message) as info:
        parse_url(url)
    assert "sqlite:///" in str(info.value)


def test_urls():
    assert parse_url("sqlite:///output/departures.db").target == "output/departures.db"
    assert parse_url("sqlite:////tmp/d.db").target == "/tmp/d.db"
    assert parse_url("sqlite://").target == ":memory:"
    assert parse_url("postgresql://me:secret@host:5433/db").shown == "postgresql://me:***@host:5433/db"


def test_unreachable_postgres_is_explained():
    with pytest.raises(DatabaseError, match="cannot connect to --db postgresql://me:\\*\\*\\*@127.0.0.1:1/x") as info:
        connect("postgresql://me:secret@127.0.0.1:1/x")
    assert "secret" not in str(info.value)


def test_cli_load_reports_and_skips_bad_lines(tmp_path, capsys, caplog):
    rows = sample.events()
    path = tmp_path / "events.jsonl"
    sample.write_jsonl(path, rows)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
        handle.write(json.dumps({"doc": "x.txt", "org": "no person"}) + "\n")
        handle.write(json.dumps({"doc": "e.txt", "none": True}) + "\n")
    url = f"sqlite:///{tmp_path / 'out' / 'd.db'}"
    assert main(["load", str(path), "--db", url]) == 1
    err = capsys.readouterr().err
    assert f"{path}:6: not JSON" in caplog.text and f"{path}:7: no person" in caplog.text
    assert "2 lines skipped" in err
    assert "5 events read: 5 new" in err
    assert main(["load", str(path), "--db", url, "-q"]) == 1
    with connect(url) as db:
        assert describe(db)["events"] == 5
    assert main(["load", str(tmp_path / "missing.jsonl"), "--db", url]) == 2
    assert "no such events file" in capsys.readouterr().err
    assert main(["load", str(path), "--db", "oracle://x"]) == 2
    assert "unsupported --db URL 'oracle://x'" in capsys.readouterr().err


# --- any text at all comes back as it went in

_text = st.text(max_size=40)
_name = _text.filter(lambda s: s.strip() != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(person=_name, org=_text, role=_text, reason=_text, aliases=st.lists(_name, max_size=3), quote=_name)
def test_any_text_round_trips(db_url, person, org, role, reason, aliases, quote):
    record = record_from_json({
        "event_id": "ev_any", "doc": "any.txt", "person": person, "person_aliases": aliases, "org": org,
        "role": role, "reason": reason, "sources": [{"start": 0, "end": len(quote), "text": quote}],
    })
    with connect(db_url) as db:
        load_records(db, [record])
        (back,) = fetch_events(db, doc="any.txt")
        stored = (back.person, back.org, back.role, back.reason, back.sources[0].text, set(back.person_aliases))
    expected = (record.person, record.org, record.role, record.reason, quote, set(record.person_aliases))
    if db_url.startswith("postgresql"):  # PostgreSQL text cannot hold NUL; the loader stores U+FFFD
        expected = tuple(_no_nul(v) for v in expected)
    assert stored == expected


def _no_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, set):
        return {_no_nul(v) for v in value}
    return value
