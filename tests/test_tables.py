"""Tables read through their header row."""
from conftest import by_person, run_text


def test_space_separated_table_after_org_context():
    text = (
        "天启实验室成立于 2021 年,创始团队已走了一半:\n"
        "姓名 原职责 离职时间 去向\n"
        "Alan Turner 基础设施负责人 2024 年中 加入 OpenAI\n"
        "Maria Lopez 研究(前 Google) 2025 年 2 月 未公开\n"
        "Wei Zhang 研究 2026 年 1 月 因健康原因休养\n"
    )
    events = by_person(run_text(text, published="2026-02-11"))
    assert set(events) == {"Alan Turner", "Maria Lopez", "Wei Zhang"}
    assert events["Alan Turner"].org == "天启实验室"
    assert (events["Alan Turner"].date, events["Alan Turner"].date_precision) == ("2024", "year")
    assert events["Alan Turner"].destination == "OpenAI"
    assert events["Maria Lopez"].role == "研究" and events["Maria Lopez"].destination is None
    assert events["Wei Zhang"].reason == "健康原因" and events["Wei Zhang"].date == "2026-01"


def test_tab_separated_table():
    text = "极光科技高管变动。\n姓名\t职务\t离职时间\t去向\n王立新\t首席运营官\t2025年3月\t京东\n周明\t副总裁\t2025年4月10日\t未知\n"
    events = by_person(run_text(text))
    assert events["王立新"].role == "首席运营官" and events["王立新"].destination == "京东"
    assert events["周明"].date == "2025-04-10" and events["周明"].destination is None
    assert {e.org for e in events.values()} == {"极光科技"}


def test_table_without_departure_column_is_not_read():
    text = "极光科技管理层。\n姓名 职务 入职时间\n王立新 首席运营官 2025年3月\n"
    assert run_text(text) == []


def test_taiwan_change_table_with_bars_reads_the_outgoing_holder():
    text = (
        "多家上市櫃公司今（14）日發布重大訊息,彙整如下:\n"
        "公司｜職稱｜原任者｜新任者｜異動原因｜生效日期\n"
        "青禾化學｜發言人｜杜明哲｜黃雅琪｜退休｜2025年8月31日\n"
        "晴川電機｜財務主管｜任佳慧｜待補｜辭職｜2025年8月13日\n"
    )
    events = by_person(run_text(text, published="2025-08-14", script="hant"))
    assert set(events) == {"杜明哲", "任佳慧"}
    assert (events["杜明哲"].org, events["杜明哲"].role, events["杜明哲"].status) == ("青禾化學", "發言人", "planned")
    assert (events["任佳慧"].org, events["任佳慧"].date, events["任佳慧"].status) == ("晴川電機", "2025-08-13", "confirmed")
