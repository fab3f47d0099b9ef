"""One vocabulary: month and weekday names of many languages, zone words shared by all."""

from __future__ import annotations

from datetime import date

import pytest

from parsers import parse_text
from parsers.dates import generate_names, names_data
from parsers.dates.grammar import WEEKDAY_RE
from parsers.dates.names import LANGUAGES, month_number
from parsers.dates.vocabulary import LONG_ZONES, ZONE_ABBREVIATIONS
from parsers.dating import home_zone, zone_statement
from parsers.separators import scan, select
from parsers.timestamps import parse_stamp

MARCH_5 = date(2024, 3, 5)

# (language, a date as that language's pages print it, the same with a time of 14:30)
DATES = [
    ("en", "Tuesday, March 5, 2024", "March 5th 2024, 2:30 p.m."),
    ("de", "Dienstag, 5. März 2024", "5. März 2024, 14:30 Uhr"),
    ("fr", "mardi 5 mars 2024", "5 mars 2024 à 14h30"),
    ("es", "martes, 5 de marzo de 2024", "5 de marzo de 2024, 14:30"),
    ("it", "martedì 5 marzo 2024", "5 marzo 2024 ore 14:30"),
    ("pt", "terça-feira, 5 de março de 2024", "5 de março de 2024 14h30"),
    ("nl", "dinsdag 5 maart 2024", "5 maart 2024 14:30"),
    ("ru", "вторник, 5 марта 2024", "5 марта 2024 г., 14:30"),
    ("uk", "вівторок, 5 березня 2024", "5 березня 2024 14:30"),
    ("ar", "الثلاثاء 5 مارس 2024", "5 مارس 2024 - 2:30 م"),
    ("hi", "मंगलवार, 5 मार्च 2024", "5 मार्च 2024, 14:30"),
    ("ja", "2024年3月5日 火曜日", "2024年3月5日 午後2時30分"),
    ("zh", "2024年3月5日 星期二", "2024年3月5日 下午2:30"),
    ("ko", "2024년 3월 5일 화요일", "2024년 3월 5일 오후 2:30"),
    ("tr", "5 Mart 2024 Salı", "5 Mart 2024 14:30"),
    ("pl", "wtorek, 5 marca 2024", "5 marca 2024, 14:30"),
    ("id", "Selasa, 5 Maret 2024", "5 Maret 2024 14.30 WIB"),
    ("sv", "tisdag 5 mars 2024", "5 mars 2024 kl. 14.30"),
    ("nb", "tirsdag 5. mars 2024", "5. mars 2024 14:30"),
    ("da", "tirsdag den 5. marts 2024", "5. marts 2024 kl. 14.30"),
    ("fi", "tiistaina 5. maaliskuuta 2024", "5. maaliskuuta 2024 klo 14.30"),
    ("cs", "úterý 5. března 2024", "5. března 2024 14:30"),
    ("el", "Τρίτη 5 Μαρτίου 2024", "5 Μαρτίου 2024, 14:30"),
    ("he", "שלישי, 5 במרץ 2024", "5 במרץ 2024 14:30"),
    ("ro", "marți, 5 martie 2024", "5 martie 2024, ora 14:30"),
    ("hu", "2024. március 5., kedd", "2024. március 5. 14:30"),
    ("ms", "Selasa, 5 Mac 2024", "5 Mac 2024 14:30"),
    ("bn", "মঙ্গলবার, 5 মার্চ 2024", "5 মার্চ 2024 14:30"),
    ("fa", "سه‌شنبه 5 مارس 2024", "5 مارس 2024 14:30"),
    ("th", "วันอังคาร 5 มีนาคม 2024", "5 มีนาคม 2024 14:30"),
]


def test_every_included_language_is_walked() -> None:
    assert {language for language, _, _ in DATES} == set(LANGUAGES)


def test_committed_names_agree_with_the_installed_dateparser_data() -> None:
    """Fails after a dateparser upgrade: run ``python -m parsers.dates.generate_names``."""
    assert names_data.NAMES == generate_names.extract()
    assert generate_names.render(generate_names.extract()) == generate_names.TARGET.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(("language", "day", "timed"), DATES, ids=[d[0] for d in DATES])
def test_a_date_in_each_language_walks_through_the_grammar(
    language: str, day: str, timed: str
) -> None:
    stamp = parse_stamp(day)
    assert stamp is not None and stamp.date() == MARCH_5, day
    assert not stamp.has_time
    stamp = parse_stamp(timed)
    assert stamp is not None and stamp.date() == MARCH_5, timed
    assert (stamp.hour, stamp.minute) == (14, 30), timed


@pytest.mark.parametrize(
    "line", [d[1] for d in DATES if d[0] not in ("ja", "zh", "ko", "tr", "hu", "he", "fa")]
)
def test_weekday_names_are_known(line: str) -> None:
    assert WEEKDAY_RE.search(line) is not None, line


def test_month_lookup_takes_any_case_and_accent_free_french() -> None:
    assert month_number("MÄRZ") == 3
    assert month_number("Sept.") == 9
    assert month_number("fevrier") == 2
    assert month_number("Marc") is None  # accent-free Hungarian "márc" is a name, not March


def test_weekday_words_that_are_everyday_words_are_left_out() -> None:
    assert WEEKDAY_RE.search("die Kanzlerin") is None
    assert WEEKDAY_RE.search("on to the next") is None


def _page(zone: str) -> str:
    return (
        "Live: talks in Kyiv\n\nThursday 10 March 2022\n\n"
        f"14:31 {zone}\nTalks resume\nDelegations met again.\n\n"
        f"13:05 {zone}: Delegations arrive at the venue in the morning.\n\n"
        f"13:02 {zone}: Security is tight around the building.\n\n"
        f"12:40 {zone}\nFirst statements\nThe minister spoke briefly.\n"
    )


@pytest.mark.parametrize("zone", ["GMT", "EET", "EEST", "MSK", "WIB"])
def test_every_zone_word_separates_like_gmt(zone: str) -> None:
    """A zone the zone module knows is known to the separator scan too (EET gave none)."""
    lines = _page(zone).split("\n")
    seps = select(scan(lines), lines)
    assert [lines[s.line][:5] for s in seps] == ["14:31", "13:05", "13:02", "12:40"]
    document = parse_text(_page(zone), "kyiv.txt")
    assert [e.published.at.strftime("%H:%M %Z") if e.published else None
            for e in document.entries][:1] == [f"14:31 {_tzname(zone)}"]


def _tzname(zone: str) -> str:
    return {"GMT": "UTC", "EET": "EET", "EEST": "EET", "MSK": "MSK", "WIB": "WIB"}[zone]


def test_the_grammar_never_loads_dateparser() -> None:
    """Names come from the generated module: parsing a dated page in several scripts does
    not import dateparser (it costs about a second at start-up)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from parsers import parse_text\n"
        "from parsers.timestamps import parse_stamp\n"
        "for day, timed in [('5 марта 2024', '5 марта 2024 14:30'),"
        " ('2024年3月5日', '2024年3月5日 午後2時30分')]:\n"
        "    assert parse_stamp(day) and parse_stamp(timed)\n"
        "page = 'Live\\n\\nTuesday 5 March 2024\\n\\n14:30\\nA\\nB.\\n\\n13:00\\nC\\nD.\\n'\n"
        "parse_text(page, 'x')\n"
        "print('dateparser' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_every_name_in_the_data_reads_as_its_month_or_weekday() -> None:
    """Each spelling of each language, not only the ones the walk above prints."""
    wrong = []
    for language, parts in names_data.NAMES.items():
        for month, spellings in enumerate(parts["months"], start=1):
            for word in filter(None, spellings.split("|")):
                for printed in (word, word.upper(), word.title()):
                    stamp = parse_stamp(f"5 {printed} 2024")
                    if stamp is None or stamp.date() != date(2024, month, 5):
                        wrong.append((language, printed))
        for spellings in parts["weekdays"]:
            for word in filter(None, spellings.split("|")):
                if word not in ("die", "tu", "ma", "to", "on", "ti"):
                    if WEEKDAY_RE.search(f"{word.upper()}, 5") is None:
                        wrong.append((language, word))
    assert wrong == []


def _every_position(zone: str) -> str:
    return (
        "Live: talks\n\nThursday 10 March 2022\n\n"
        f"14:31 {zone}\nTalks resume\nDelegations met again.\n\n"
        f"13:05 {zone}: Delegations arrive at the venue in the morning.\n\n"
        f"13:02 {zone}: Security is tight around the building.\n\n"
        f"12:40 {zone}\nFirst statements\nThe minister spoke briefly.\n\n"
        f"Minister speaks again 12:10 {zone}\nHe repeated the earlier statement.\n\n"
        f"Crowds gather outside 11:55 {zone}\nHundreds gathered outside the venue.\n"
    )


@pytest.mark.parametrize(
    "zone", [w for w in ZONE_ABBREVIATIONS if len(w) > 1] + [w.title() for w in LONG_ZONES]
)
def test_every_zone_word_works_in_every_stamp_position(zone: str) -> None:
    """Own line, lead (``13:05 EET: …``) and suffix (``Title 12:10 EET``): one vocabulary."""
    lines = _every_position(zone).split("\n")
    assert len(select(scan(lines), lines)) == 6
    document = parse_text(_every_position(zone), "zones.txt")
    assert [e.published.zone.value if e.published else None for e in document.entries] == [
        "stated"
    ] * 6


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("All times are EET", "Europe/Kyiv"),
        ("All times are Moscow time", "Europe/Moscow"),
        ("All times in Eastern", "America/New_York"),
        ("Times in WIB", "Asia/Jakarta"),
    ],
)
def test_a_zone_statement_knows_every_zone_word(line: str, zone: str) -> None:
    assert zone_statement(line)
    assert home_zone(line).name == zone
