"""Merging events across documents and scripts (pipeline/merge.py, `departures merge`)."""
import json

import pytest

from pipeline.cli import main
from pipeline.evaluate import load_jsonl, org_matches, person_matches
from pipeline.merge import STATUS_ORDER, is_linking_name, merge_events, parse_date, pick_date
from pipeline.resolve import event_id, fold


def ev(doc, person, org, aliases=(), date=None, status="confirmed", confidence=0.9, **extra):
    """An event line as `departures extract` writes it."""
    precision = parse_date(date).precision if date else None
    start = 10 * len(doc)
    line = {
        "event_id": event_id(doc, fold(person), fold(org)),
        "doc": doc,
        "person": person,
        "person_aliases": list(aliases),
        "org": org,
        "role": None,
        "date": date,
        "date_precision": precision,
        "destination": None,
        "reason": None,
        "status": status,
        "confidence": confidence,
        "sources": [{"start": start, "end": start + 12, "text": f"{person}离开{org}。", "alignment": "exact"}],
    }
    line.update(extra)
    return line


def merged(lines, previous=None):
    return [m.to_json() for m in merge_events(lines, previous).events]


def one(lines):
    out = merged(lines)
    assert len(out) == 1, [(m["person"], m["org"], m["date"]) for m in out]
    return out[0]


# --------------------------------------------------------------------------- people


def test_one_person_across_simplified_traditional_and_english():
    m = one([
        ev("en.txt", "Yuhuai (Tony) Wu", "xAI", ["Tony Wu", "Tony", "Wu", "Yuhuai Wu"], "2026-02-10"),
        ev("hant.txt", "吳宇懷", "xAI", ["Tony Wu"]),
        ev("hans.txt", "吴宇怀", "xAI", ["Tony Wu"]),
    ])
    assert m["docs"] == ["en.txt", "hant.txt", "hans.txt"]
    for surface in ("Tony Wu", "Yuhuai Wu", "吳宇懷", "吴宇怀"):
        assert surface in m["person_aliases"]
    assert m["person"] == "Yuhuai (Tony) Wu"  # every surface once: the first seen
    assert [x["doc"] for x in m["mentions"]] == m["docs"]


def test_scripts_alone_link_names_after_t2s():
    m = one([ev("a.txt", "杨格", "xAI"), ev("b.txt", "楊格", "xAI"), ev("c.txt", "Greg Yang", "xAI", ["楊格"])])
    assert m["person"] == "杨格"
    assert m["person_aliases"] == ["楊格", "Greg Yang"]


def test_alias_chains_link_through_a_bridging_article():
    m = one([
        ev("a.txt", "Greg Yang", "xAI", ["Greg", "Yang"]),
        ev("b.txt", "杨格", "xAI"),
        ev("c.txt", "楊格", "xAI", ["Greg Yang"]),  # the bridge
    ])
    assert set(m["docs"]) == {"a.txt", "b.txt", "c.txt"}


def test_person_shown_is_the_most_frequent_surface():
    m = one([ev("a.txt", "吴宇怀", "xAI"), ev("b.txt", "吳宇懷", "xAI"), ev("c.txt", "吳宇懷", "xAI")])
    assert m["person"] == "吳宇懷" and m["person_aliases"] == ["吴宇怀"]


def test_a_lone_given_name_or_surname_does_not_link_strangers():
    out = merged([
        ev("a.txt", "Tony Wu", "Apple", ["Tony", "Wu"]),
        ev("b.txt", "Tony Fadell", "Apple", ["Tony"]),
        ev("c.txt", "Lei Wu", "Apple", ["Wu"]),
    ])
    assert sorted(m["person"] for m in out) == ["Lei Wu", "Tony Fadell", "Tony Wu"]
    assert "Tony" in out[0]["person_aliases"]  # carried, just not a key


@pytest.mark.parametrize(
    "name, links",
    [("Tony Wu", True), ("Yuhuai (Tony) Wu", True), ("J. Smith", True), ("吴宇怀", True), ("楊格", True),
     ("Tony", False), ("Ba", False), ("吴", False)],
)
def test_which_aliases_link_across_articles(name, links):
    assert is_linking_name(name) is links


# --------------------------------------------------------------------------- organizations


@pytest.mark.parametrize(
    "names",
    [
        ["智谱", "智谱AI", "Zhipu AI", "智譜AI", "智谱 AI", "Z.ai"],
        ["月之暗面", "Moonshot AI"],
        ["Google DeepMind", "DeepMind", "谷歌DeepMind", "谷歌 DeepMind"],
        ["Meta", "Facebook", "臉書"],
        ["xAI", "xAI公司"],  # containment of a lexicon name
        ["深言科技", "深言科技公司"],  # containment among unknown names
    ],
)
def test_organization_aliases_are_one_organization(names):
    m = one([ev(f"{i}.txt", "张帆", name) for i, name in enumerate(names)])
    assert m["org"] == names[0]
    assert {fold(n) for n in names[1:]} <= {fold(a) for a in m["org_aliases"]}  # space/case variants show once


def test_different_lexicon_organizations_never_merge_by_containment():
    out = merged([ev("a.txt", "张帆", "Google"), ev("b.txt", "张帆", "Google DeepMind"), ev("c.txt", "张帆", "谷歌")])
    assert sorted((m["org"], len(m["docs"])) for m in out) == [("Google", 2), ("Google DeepMind", 1)]


def test_an_ambiguous_unknown_organization_stays_alone():
    out = merged([ev("a.txt", "张帆", "xAI"), ev("b.txt", "张帆", "OpenAI"), ev("c.txt", "张帆", "AI")])
    assert sorted(m["org"] for m in out) == ["AI", "OpenAI", "xAI"]


# --------------------------------------------------------------------------- dates, status


@pytest.mark.parametrize(
    "stated, value",
    [
        (["2026", "2026-02", "2026-02-11"], "2026-02-11"),
        (["2026-02-11", "2026"], "2026-02-11"),
        (["2026-01", "2026-02"], "2026"),
        (["2026-02-10", "2026-02-11", "2026-02"], "2026-02"),
        (["2025-Q1", "2025-02"], "2025-02"),
        (["2025-H1", "2025-Q2"], "2025-Q2"),
        (["2025-Q1", "2025-H2"], "2025"),
    ],
)
def test_the_most_precise_date_the_sources_agree_on(stated, value):
    assert pick_date([parse_date(s) for s in stated]).value == value


def test_nested_dates_merge_without_conflict():
    m = one([ev("a.txt", "Jimmy Ba", "xAI", date="2026"), ev("b.txt", "Jimmy Ba", "xAI", date="2026-02-11"),
             ev("c.txt", "Jimmy Ba", "xAI", date="2026-02")])
    assert (m["date"], m["date_precision"], m["conflict"], m["date_conflicts"]) == ("2026-02-11", "day", False, [])


def test_sources_giving_different_months_are_a_visible_conflict():
    m = one([ev("a.txt", "Greg Yang", "xAI", date="2026-01"), ev("b.txt", "Greg Yang", "xAI", date="2026-02"),
             ev("c.txt", "Greg Yang", "xAI", date="2026")])
    assert (m["date"], m["date_precision"], m["conflict"]) == ("2026", "year", True)
    listed = {(c["date"], tuple(c["docs"])) for c in m["date_conflicts"]}
    assert listed == {("2026-01", ("a.txt",)), ("2026-02", ("b.txt",))}
    assert all(c["event_ids"] for c in m["date_conflicts"])


def test_status_comes_from_the_strongest_source():
    assert STATUS_ORDER == ("confirmed", "reported", "planned", "rumored", "denied")
    for weaker, stronger in zip(STATUS_ORDER[1:], STATUS_ORDER):
        m = one([ev("a.txt", "王冠", "月之暗面", status=weaker), ev("b.txt", "王冠", "月之暗面", status=stronger)])
        assert m["status"] == stronger


def test_a_denial_next_to_a_report_is_kept_visible():
    m = one([ev("a.txt", "王冠", "月之暗面", status="reported"), ev("b.txt", "王冠", "月之暗面", status="denied")])
    assert m["status"] == "reported" and m["conflict"] is True
    assert [(c["status"], c["docs"]) for c in m["status_conflicts"]] == [("reported", ["a.txt"]), ("denied", ["b.txt"])]


def test_fields_role_destination_reason_and_confidence():
    m = one([
        ev("a.txt", "张帆", "智谱", role="研究员", destination="创业", confidence=0.6),
        ev("b.txt", "张帆", "智谱", role="首席运营官", reason="健康原因", destination="AI Agent领域创业", confidence=0.9),
    ])
    assert m["role"] == "首席运营官"  # the most senior title
    assert m["destination"] == "AI Agent领域创业"  # from the most confident source
    assert m["reason"] == "健康原因"
    assert m["confidence"] == pytest.approx(0.96)  # independent reports: 1 - 0.4 * 0.1
    assert [x["sources"] for x in m["mentions"]] == [
        ev("a.txt", "张帆", "智谱")["sources"], ev("b.txt", "张帆", "智谱")["sources"]]


# --------------------------------------------------------------------------- two departures


def test_two_departures_in_different_years_stay_two_events():
    out = merged([
        ev("a.txt", "Jan Leike", "OpenAI", date="2019"),
        ev("b.txt", "Jan Leike", "OpenAI", date="2024-05"),
        ev("c.txt", "Jan Leike", "OpenAI"),
    ])
    assert [(m["date"], m["docs"]) for m in out] == [("2019", ["a.txt"]), ("2024-05", ["b.txt", "c.txt"])]
    assert out[0]["merged_id"] != out[1]["merged_id"]


def test_undated_mentions_attach_to_the_latest_departure_whatever_the_order():
    out = merged([
        ev("c.txt", "Jan Leike", "OpenAI"),
        ev("b.txt", "Jan Leike", "OpenAI", date="2024"),
        ev("a.txt", "Jan Leike", "OpenAI", date="2019-03"),
    ])
    by_period = {m["period"]: m["docs"] for m in out}
    assert by_period == {"2019": ["a.txt"], "2024": ["c.txt", "b.txt"]}


def test_undated_mentions_attach_to_the_single_dated_one():
    m = one([ev("a.txt", "Jan Leike", "OpenAI"), ev("b.txt", "Jan Leike", "OpenAI", date="2024-05"),
             ev("c.txt", "Jan Leike", "OpenAI")])
    assert m["date"] == "2024-05" and len(m["docs"]) == 3


# --------------------------------------------------------------------------- ids


BASE = [
    ev("a.txt", "Greg Yang", "xAI", ["Greg", "Yang"], "2026-01"),
    ev("b.txt", "Jimmy Ba", "xAI", ["Ba"], "2026-02-11"),
    ev("c.txt", "张帆", "智谱"),
]


def ids_by_person(out):
    return {m["person"]: m["merged_id"] for m in out}


def id_of_doc(out, doc):
    return next(m["merged_id"] for m in out if doc in m["docs"])


def test_ids_are_deterministic_and_unique():
    first, second = merged(BASE), merged(list(BASE))
    assert ids_by_person(first) == ids_by_person(second)
    assert len({m["merged_id"] for m in first}) == len(first)
    assert all(m["merged_id"].startswith("mg_") for m in first)


def test_an_appended_article_with_a_new_alias_renames_nothing():
    before = ids_by_person(merged(BASE))
    after = merged(BASE + [ev("d.txt", "楊格", "xAI", ["Greg Yang", "杨格"]), ev("d.txt", "张帆", "智譜AI")])
    assert {m["merged_id"] for m in after} == set(before.values())


def test_with_the_previous_file_no_addition_renames_anything():
    previous = merged(BASE)
    before = ids_by_person(previous)
    new = [
        ev("0.txt", "杨格", "Zhipu AI"),  # first in input order, a new person at a known org
        ev("0.txt", "楊格", "xAI", ["Greg Yang"]),  # first in input order, a new alias that sorts first
        ev("0.txt", "张帆", "智谱AI", date="2025-06"),  # an undated departure becomes dated
    ]
    after = merged(new + BASE, previous=previous)
    kept = {m["merged_id"] for m in after}
    assert set(before.values()) <= kept
    zhang = next(m for m in after if m["person"] == "张帆")
    assert zhang["merged_id"] == before["张帆"] and zhang["period"] == "2025"
    # ... and again, from the file just written: ids survive chains of runs.
    again = merged(new + BASE + [ev("z.txt", "Greg Yang", "xAI", date="2026-01-20")], previous=after)
    assert {m["merged_id"] for m in again} == kept


def test_events_joined_by_a_bridging_article_keep_one_id_and_name_the_other():
    separate = merged([ev("a.txt", "Greg Yang", "xAI"), ev("a.txt", "Jimmy Ba", "xAI"), ev("b.txt", "楊格", "xAI")])
    assert len(separate) == 3
    greg, gege = separate[0]["merged_id"], separate[2]["merged_id"]
    joined = merged([ev("c.txt", "杨格", "xAI", ["Greg Yang"])] + [m for s in separate for m in s["mentions"]],
                    previous=separate)
    yang = next(m for m in joined if "a.txt" in m["docs"] and m["person"] != "Jimmy Ba")
    assert {yang["merged_id"], *yang["replaces"]} == {greg, gege}
    assert next(m for m in joined if m["person"] == "Jimmy Ba")["merged_id"] == separate[1]["merged_id"]


def test_a_fresh_event_never_reuses_an_earlier_id():
    previous = merged([ev("a.txt", "张帆", "智谱")])
    out = merged([ev("b.txt", "李施政", "百川智能")], previous=previous)
    assert out[0]["merged_id"] != previous[0]["merged_id"]


# --------------------------------------------------------------------------- CLI


def write_jsonl(path, lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_merge_command_keeps_ids_when_articles_are_added(tmp_path, capsys):
    first = write_jsonl(tmp_path / "a.jsonl", BASE)
    out = tmp_path / "out" / "events.merged.jsonl"
    assert main(["merge", str(first), "-o", str(out)]) == 0
    before = ids_by_person(load_jsonl(out))
    assert "merged 3 events of 3 documents into 3" in capsys.readouterr().err

    second = write_jsonl(tmp_path / "b.jsonl", [{"doc": "none.txt", "none": True}, ev("0.txt", "楊格", "xAI", ["Greg Yang"])])
    (tmp_path / "b.jsonl").write_text(second.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    assert main(["merge", str(second), str(first), "-o", str(out), "--quiet"]) == 0  # the output is the previous file
    after = load_jsonl(out)
    assert id_of_doc(after, "0.txt") == id_of_doc(after, "a.txt") == before["Greg Yang"]
    assert set(ids_by_person(after).values()) == set(before.values())

    assert main(["merge", str(second), str(first), "-o", str(out), "--no-previous", "--quiet"]) == 0
    assert id_of_doc(load_jsonl(out), "0.txt") != before["Greg Yang"]  # ids from the input alone: 楊格 is seen first

    assert main(["merge", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 2


def test_extract_merge_on_the_sample_corpus_matches_the_gold_groups(tmp_path, shared_dir):
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(shared_dir / "corpus"), "-o", str(out), "--merge", "--quiet"]) == 0
    events, result = load_jsonl(out), load_jsonl(tmp_path / "events.merged.jsonl")
    assert sum(len(m["mentions"]) for m in result) == len(events)
    assert {x["event_id"] for m in result for x in m["mentions"]} == {e["event_id"] for e in events}

    gold = [g for g in load_jsonl(shared_dir / "gold" / "seeds.jsonl") if not g.get("none")]
    groups = gold_groups(gold)
    found = 0
    for group in groups:
        matching = [m for m in result if any(person_matches(m, g) and org_matches(m, g) for g in group)]
        required = [g for g in group if not g.get("optional")]
        if not required and not matching:
            continue
        assert len(matching) == 1, (group[0]["person"], group[0]["org"], [m["docs"] for m in matching])
        assert {g["doc"] for g in required} <= set(matching[0]["docs"]), (group[0]["person"], matching[0]["docs"])
        found += 1
    assert found == len(result)  # every merged event is one gold departure

    def the(person, org):
        return next(m for m in result if person_matches(m, {"person": person}) and m["org"] == org)

    for person in ("Tony Wu", "Greg Yang"):
        m = the(person, "xAI")
        assert {"000_d06c58148ec3fd63.txt", "001_b338e6e645715489.txt"} <= set(m["docs"])
    assert "吳宇懷" in the("Tony Wu", "xAI")["person_aliases"] + [the("Tony Wu", "xAI")["person"]]
    assert "楊格" in the("Greg Yang", "xAI")["person_aliases"] + [the("Greg Yang", "xAI")["person"]]

    # A second run keeps every id (the merged file beside the events is the previous one).
    ids = [m["merged_id"] for m in result]
    assert main(["extract", str(shared_dir / "corpus"), "-o", str(out), "--merge", "--quiet"]) == 0
    assert [m["merged_id"] for m in load_jsonl(tmp_path / "events.merged.jsonl")] == ids


def gold_groups(gold):
    """Gold lines of all documents merged by the spec's matching: same person and same organization."""
    parent = list(range(len(gold)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(gold):
        for j in range(i):
            if person_matches(a, gold[j]) and org_matches(a, gold[j]):
                parent[find(i)] = find(j)
    groups = {}
    for i, g in enumerate(gold):
        groups.setdefault(find(i), []).append(g)
    return list(groups.values())
