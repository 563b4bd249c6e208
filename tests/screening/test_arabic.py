"""Theophoric "Abd al-X" compounds joined to one token, and Muslim honorifics stripped from names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.screening.arabic import join_theophoric, strip_honorifics, strip_part_honorifics


def toks(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@pytest.mark.parametrize(
    "written",
    ["abd al aziz", "abdul aziz", "abdel aziz", "abdelaziz", "abdulaziz", "abd el aziz", "abdil aziz",
     "abdoul aziz", "abdoulaziz", "abd alaziz", "abdiaziz", "abd ul aziz"],
)  # fmt: skip
def test_abd_al_aziz_is_one_token_however_written(written: str) -> None:
    assert join_theophoric(toks(written)) == ("abdulaziz",)


@pytest.mark.parametrize(
    "written",
    ["abd ul rahman", "abdur rahman", "abdurrahman", "abd ar rahman", "abd al rahman", "abdul rahman",
     "abdel rahman", "abdelrahman", "abdurahman", "abdirahman", "abd arrahman", "abd alrahman",
     "abd ur rahman", "abd er rahman"],
)  # fmt: skip
def test_sun_letter_assimilation_of_the_article(written: str) -> None:
    assert join_theophoric(toks(written)) == ("abdulrahman",)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("abd el kader", "abdulkader"),
        ("abdelkader", "abdulkader"),
        ("abdul qadir", "abdulqadir"),
        ("abd as salam", "abdulsalam"),
        ("abdus salam", "abdulsalam"),
        ("abdussalam", "abdulsalam"),
        ("abdessalam", "abdulsalam"),
        ("abdusalam", "abdulsalam"),
        ("abdush shakur", "abdulshakur"),
        ("abdushakur", "abdulshakur"),
        ("abd an nur", "abdulnur"),
        ("abdun nur", "abdulnur"),
        ("abdunnur", "abdulnur"),
        ("abduz zahir", "abdulzahir"),
        ("abd az zahir", "abdulzahir"),
        ("abd at tawwab", "abdultawwab"),
        ("abd ad dayyan", "abduldayyan"),
        ("abd adh dhahir", "abduldhahir"),
        ("abd ath thabit", "abdulthabit"),
        ("abderrahmane", "abdulrahmane"),
        ("abdol reza", "abdulreza"),
        ("abdolreza", "abdulreza"),
        ("abdorrahim", "abdulrahim"),
        ("abdoul karim", "abdulkarim"),
        ("abdoulkarim", "abdulkarim"),
        ("abdourahmane", "abdulrahmane"),
        ("abdikarim", "abdulkarim"),
        ("abdujabbar", "abduljabbar"),
        ("abdrabbuh", "abdulrabbuh"),
        ("abd rabbuh", "abdulrabbuh"),
        ("abdelilah", "abdulilah"),
        ("abdellatif", "abdullatif"),
        ("abdurakhmanov", "abdulrakhmanov"),
    ],
)
def test_theophoric_spellings(written: str, canonical: str) -> None:
    assert join_theophoric(toks(written)) == (canonical,)


@pytest.mark.parametrize("written", ["abd allah", "abd ullah", "abd al lah", "abdul lah"])
def test_split_abd_allah_becomes_abdullah(written: str) -> None:
    assert join_theophoric(toks(written)) == ("abdullah",)


@pytest.mark.parametrize(
    "word",
    ["abdullah", "abdallah", "abdellah", "abdollah", "abdulla", "abdalla", "abdullahi", "abdillahi",
     "abdallahi", "abdulle", "abdulai", "abdullo", "abdulloh", "abdoulaye", "abdoulahi", "abdi", "abdo",
     "abdou", "abdu", "abduh", "abdon", "abdiel", "abdias", "abdiev", "abdiyev", "abdulov", "abdullaev",
     "abdul", "abdel", "abd", "abdal", "abdoul"],
)  # fmt: skip
def test_standalone_names_starting_with_abd_are_kept(word: str) -> None:
    assert join_theophoric((word,)) == (word,)


def test_family_name_particle_is_left_alone() -> None:
    assert join_theophoric(toks("abd al aziz al nuristani")) == ("abdulaziz", "al", "nuristani")
    assert join_theophoric(toks("abdul aziz nooristani")) == ("abdulaziz", "nooristani")
    assert join_theophoric(toks("abdul al nuristani")) == toks("abdul al nuristani")


def test_lone_abd_element_stays() -> None:
    assert join_theophoric(toks("mohammed abdul")) == toks("mohammed abdul")
    assert join_theophoric(toks("abd al")) == toks("abd al")
    assert join_theophoric(toks("abdul bin ahmad")) == toks("abdul bin ahmad")
    assert join_theophoric(toks("abdul a rahman")) == toks("abdul a rahman")  # an initial


def test_compounds_inside_longer_names() -> None:
    assert join_theophoric(toks("muhammad ibn abd al wahhab")) == ("muhammad", "ibn", "abdulwahhab")
    assert join_theophoric(toks("salman bin abdulaziz al saud")) == toks("salman bin abdulaziz al saud")
    assert join_theophoric(toks("salman bin abd al aziz")) == ("salman", "bin", "abdulaziz")
    assert join_theophoric(toks("abd al karim abd ar rahim")) == ("abdulkarim", "abdulrahim")


def test_sun_prefix_needs_its_letter_next() -> None:
    # "Abdur" announces an r: a following word that does not start with r is not its name of God.
    assert join_theophoric(toks("abdur kareem")) == toks("abdur kareem")
    assert join_theophoric(toks("abd ar kareem")) == toks("abd ar kareem")


def test_west_african_abdou_is_a_name_of_its_own() -> None:
    assert join_theophoric(toks("abdou diouf")) == toks("abdou diouf")
    assert join_theophoric(toks("abdoulaye wade")) == toks("abdoulaye wade")


@pytest.mark.parametrize("written", ["kim jong un", "osama bin laden", "abu bakr al baghdadi", "x"])
def test_names_without_abd_are_unchanged(written: str) -> None:
    assert join_theophoric(toks(written)) == toks(written)


# --- honorifics


@pytest.mark.parametrize(
    ("written", "stripped"),
    [
        ("shaikh isa", "isa"),
        ("sheikh isa bin ali", "isa bin ali"),
        ("shaykh isa", "isa"),
        ("haji khairullah", "khairullah"),
        ("hajji abdul sattar", "abdul sattar"),
        ("alhaji umaru", "umaru"),
        ("al haj umar", "umar"),
        ("el hadj omar", "omar"),
        ("mullah omar", "omar"),
        ("maulana masood azhar", "masood azhar"),
        ("maulvi abdul kabir", "abdul kabir"),
        ("mawlawi abdul kabir", "abdul kabir"),
        ("qari zia", "zia"),
        ("mufti nizamuddin", "nizamuddin"),
        ("ayatollah ali khamenei", "ali khamenei"),
        ("hojjat al islam ali", "ali"),
        ("eng ali", "ali"),
        ("gen kim yong chol", "kim yong chol"),
        ("col ali", "ali"),
        ("lt col ali", "ali"),
        ("major general ri", "ri"),
        ("vice marshal kim", "kim"),
        ("comrade kim yo jong", "kim yo jong"),
        ("premier pak pong ju", "pak pong ju"),
    ],
)
def test_leading_honorifics_are_dropped(written: str, stripped: str) -> None:
    assert strip_honorifics(toks(written)) == toks(stripped)


def test_rigour_titles_interleaved_with_islamic_ones() -> None:
    assert strip_honorifics(toks("haji mullah dr ali")) == ("ali",)
    assert strip_honorifics(toks("sheikh dr eng ali")) == ("ali",)
    assert strip_honorifics(toks("dr sheikh ali")) == ("ali",)


@pytest.mark.parametrize(
    "written",
    ["amir khan", "emir kusturica", "imam samudra", "sayyid qutb", "syed salahuddin", "hafiz saeed",
     "hafez al assad", "sheikha moza", "cheikh anta diop", "mirza aslam beg", "shah mahmood", "major john",
     "kari nordmann", "al sheikh ahmed", "isa al sheikh", "kim jong un"],
)  # fmt: skip
def test_given_names_and_family_names_are_kept(written: str) -> None:
    assert strip_honorifics(toks(written)) == toks(written)


def test_the_last_token_is_never_dropped() -> None:
    assert strip_honorifics(("sheikh",)) == ("sheikh",)
    assert strip_honorifics(("sheikh", "haji")) == ("haji",)
    assert strip_honorifics(("dr",)) == ("dr",)
    assert strip_honorifics(()) == ()


def test_multi_token_titles_go_whole_or_not_at_all() -> None:
    assert strip_honorifics(("al", "haj")) == ("al", "haj")
    assert strip_honorifics(("sheikh", "al", "haj")) == ("al", "haj")


def test_titles_after_the_first_name_word_stay() -> None:
    # Tokens carry no comma: "AL BEN ALI, Shaikh Isa" needs strip_part_honorifics on the raw string.
    assert strip_honorifics(toks("al ben ali shaikh isa")) == toks("al ben ali shaikh isa")
    assert strip_honorifics(toks("khairullah haji sattar")) == toks("khairullah haji sattar")


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("AL BEN ALI, Shaikh Isa", "AL BEN ALI, Isa"),
        ("Sheikh Dr. Ali", "Ali"),
        ("Al-Haj Umar", "Umar"),
        ("Shaikh Isa bin Ali AL KHALIFA", "Isa bin Ali AL KHALIFA"),
        ("AL KHALIFA, Sheikh", "AL KHALIFA, Sheikh"),
        ("OMAR, Mullah Mohammad", "OMAR, Mohammad"),
        ("Mawlawi Abdul Kabir", "Abdul Kabir"),
        ("Ḥājjī ʿAbd al-Sattār", "ʿAbd al-Sattār"),
        ("Dr.Ali", "Dr.Ali"),
        ("Sheikh", "Sheikh"),
        ("", ""),
        ("Amir Khan, Imam", "Amir Khan, Imam"),
    ],
)
def test_part_honorifics_on_raw_names(text: str, stripped: str) -> None:
    assert strip_part_honorifics(text) == stripped


# --- properties

_WORDS = st.sampled_from(
    ["abd", "al", "el", "ul", "ar", "as", "an", "abdul", "abdel", "abdur", "abdus", "abdoul", "abdol",
     "aziz", "rahman", "salam", "nur", "allah", "lah", "abdullah", "abdoulaye", "abdi", "bin", "sheikh",
     "haji", "dr", "haj", "mullah", "amir", "ali", "x"]
)  # fmt: skip
_TOKEN = _WORDS | st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True)
_NAMEY = st.lists(_TOKEN, max_size=8).map(tuple)


@settings(max_examples=400)
@given(_NAMEY)
def test_both_functions_are_idempotent(tokens: tuple[str, ...]) -> None:
    joined = join_theophoric(tokens)
    assert join_theophoric(joined) == joined
    stripped = strip_honorifics(tokens)
    assert strip_honorifics(stripped) == stripped


@settings(max_examples=300)
@given(_NAMEY)
def test_stripping_keeps_a_suffix_and_a_token(tokens: tuple[str, ...]) -> None:
    stripped = strip_honorifics(tokens)
    assert tokens[len(tokens) - len(stripped) :] == stripped
    assert bool(stripped) == bool(tokens)


@settings(max_examples=300)
@given(st.lists(st.text(), max_size=6).map(tuple))
def test_never_raise_on_any_strings(tokens: tuple[str, ...]) -> None:
    assert isinstance(join_theophoric(tokens), tuple)
    assert isinstance(strip_honorifics(tokens), tuple)


@settings(max_examples=300)
@given(st.text())
def test_part_honorifics_never_raise(text: str) -> None:
    assert isinstance(strip_part_honorifics(text), str)
