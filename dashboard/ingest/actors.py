"""Find the actors a sentence names: the dataset's actors by name or alias, and new ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.ingest.matching import Lexicon, Match, alias_forms, name_forms

TITLES = (
    r"(?:President|Prime\s+Minister|(?:Foreign|Defen[cs]e|Deputy|Vice)\s+(?:Foreign\s+)?Minister|Minister"
    r"|[Ss]pokes(?:man|woman|person)|[Ll]awmaker|Senator|Sen\.|Rep\.|Gen\.|General|Lt\.?\s+Gen\.?"
    r"|Col\.|Colonel|Admiral|Ambassador|Secretary|Chairman|Director|Commander|[Cc]ommander"
    r"|[Aa]nalyst|[Oo]fficial|[Ll]eader|Chief|MP)"
)
_TOKEN = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_NAME = rf"{_TOKEN}(?:\s{_TOKEN}){{0,2}}"
PERSON = re.compile(rf"\b{TITLES}\s+(?P<name>{_NAME})\b")
ORG_HEADS = (
    "Ministry|Department|Agency|Service|Office|Council|Committee|Command|Staff|Directorate"
    "|Intelligence|Army|Navy|Forces|Force|Guard|Times|News|Post|Herald|Journal|Telegraph"
    "|Guardian|Institute|Center|Centre|Government|Parliament|Assembly|Bureau|Corps|Brigade"
    "|Division|Regiment|Battalion|Kremlin|Pentagon|Reuters|Yonhap|TASS|KCNA|Interfax|Bloomberg"
    "|AFP|CNN|BBC|Press"
)
_CAP = r"(?:[A-Z][\w.&-]*|of|for|the|on)"
ORG = re.compile(
    rf"\b(?P<name>(?:(?:[A-Z][\w.&-]*\s+)(?:{_CAP}\s+){{0,6}}(?:{ORG_HEADS})|(?:{ORG_HEADS}))"
    rf"(?:\s+of(?:\s+(?:the\s+)?[A-Z][\w-]*)+)*)\b"
)
GROUP = re.compile(
    r"\b(?P<name>(?:[A-Z][\w.-]+(?:['’]s)?\s+(?:and\s+)?){0,3}"
    r"(?:(?:senior|military|defen[cs]e|government|security|intelligence|administration|western"
    r"|foreign|local|unnamed|anonymous|diplomatic|senior|western|intelligence)\s+){0,2}"
    r"(?:officials|sources|experts|analysts|diplomats|observers|lawmakers"
    r"|intelligence(?:\s+(?:services?|agency))?))\b"
)
MEDIA = re.compile(
    r"\b(?P<name>Reuters|Yonhap(?:\s+News\s+Agency)?|TASS|KCNA|Interfax|AFP|AP|Associated\s+Press|Bloomberg|RIA\s+Novosti)\b"
)
DEMONYMS = {
    "North Korea": "KP",
    "North Korean": "KP",
    "Pyongyang": "KP",
    "South Korea": "KR",
    "South Korean": "KR",
    "Seoul": "KR",
    "Russia": "RU",
    "Russian": "RU",
    "Kremlin": "RU",
    "Moscow": "RU",
    "Ukraine": "UA",
    "Ukrainian": "UA",
    "Kyiv": "UA",
    "United States": "US",
    "US": "US",
    "U.S.": "US",
    "American": "US",
    "Pentagon": "US",
    "Washington": "US",
    "Britain": "GB",
    "British": "GB",
    "UK": "GB",
    "China": "CN",
    "Chinese": "CN",
    "Japan": "JP",
    "Japanese": "JP",
    "Belarus": "BY",
    "Belarusian": "BY",
    "Iran": "IR",
    "Iranian": "IR",
    "Germany": "DE",
    "German": "DE",
    "France": "FR",
    "French": "FR",
    "Poland": "PL",
    "Polish": "PL",
    "NATO": "",
}
_DEMONYM = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True)) + r")\b"
)
# Other names of a state, and capitals used for their governments ("Pyongyang denied ...");
# a capital counts as the state only where it is not a place ("in Moscow").
STATE_NAMES = {
    "KP": ("DPRK", "Democratic People's Republic of Korea", "Pyongyang"),
    "KR": ("Republic of Korea", "ROK", "Seoul"),
    "RU": ("Russian Federation", "Moscow"),
    "UA": ("Kyiv",),
    "US": ("Washington", "United States", "U.S."),
    "CN": ("Beijing",),
}
CAPITALS = frozenset({"Pyongyang", "Seoul", "Moscow", "Kyiv", "Washington", "Beijing"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|into|via|through|outside|around)\s+$")
NOT_ACTORS = frozenset({"The", "However", "But", "In", "On", "While", "During", "This", "These"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str | None  # None: not in the dataset (a new actor is drafted)
    match: Match | None
    kind: str  # the dataset's kind, or a guess for a new actor
    country: str

    def explain(self) -> str:
        if self.match:
            return self.match.explain(self.text)
        return f'"{self.text}" → new actor ({self.kind}; actors rule: not in the dataset)'


def actor_lexicon(actors: pd.DataFrame) -> Lexicon:
    entries = []
    for row in actors.itertuples():
        if row.kind == "state":
            entries += [(name, row.actor_id) for name in STATE_NAMES.get(row.country, ())]
        for form in name_forms(row.name) + alias_forms(
            row.aliases if isinstance(row.aliases, str) else ""
        ):
            entries.append((form, row.actor_id))
    return Lexicon(entries)


def _known_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    forms = sorted({s for s in lexicon.surfaces()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.IGNORECASE
    )


def country_of(words: str, context: str = "") -> str:
    """The country a name's own words give, else the nearest before it ("South Korea's")."""
    m = _DEMONYM.search(words)
    if not m:
        before = list(_DEMONYM.finditer(context))
        m = before[-1] if before else None
    return DEMONYMS[m.group(1)] if m else ""


def _kind_guess(name: str, rule: str) -> str:
    if rule == "person":
        return "person"
    if rule == "media" or re.search(
        r"\b(?:Times|News|Post|Herald|Journal|Telegraph|Guardian|Press)\b", name
    ):
        return "media_outlet"
    if re.search(r"Intelligence|intelligence|Agency|Service\b|Directorate", name):
        return "intelligence_agency"
    if re.search(r"Ministry|Department|Pentagon|Office|Kremlin|Government", name):
        return "ministry"
    if re.search(r"Corps|Brigade|Division|Regiment|Battalion", name):
        return "unit"
    if re.search(r"Army|Navy|Forces|Force|Guard|Staff", name):
        return "armed_force"
    if re.search(r"officials", name):
        return "officials"
    return "group"


class ActorFinder:
    """Finds actor mentions; built once per dataset, used on every sentence."""

    def __init__(self, actors: pd.DataFrame):
        self.lexicon = actor_lexicon(actors)
        self._known = _known_pattern(self.lexicon)
        self._kinds = dict(zip(actors["actor_id"], actors["kind"], strict=True))
        self._countries = dict(zip(actors["actor_id"], actors["country"].fillna(""), strict=True))

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self._known:
            for m in self._known.finditer(text):
                match = self.lexicon.match(m.group(0), fuzzy=False)
                if (
                    match
                    and match.surface in CAPITALS
                    and (m.group(0) != match.surface or _LOCATIVE_BEFORE.search(text[: m.start()]))
                ):
                    continue  # "arrived in Moscow" is a place, "SEOUL, Dec. 4" a dateline
                if match:
                    aid = match.key
                    found.append(
                        Mention(
                            m.start(),
                            m.end(),
                            m.group(0),
                            aid,
                            match,
                            self._kinds[aid],
                            self._countries[aid],
                        )
                    )
        for rule, rx in (("person", PERSON), ("media", MEDIA), ("org", ORG), ("group", GROUP)):
            for m in rx.finditer(text):
                s, e = m.start("name"), m.end("name")
                words = m.group("name")
                if words.split()[0] in NOT_ACTORS and rule != "org":
                    continue
                if rule == "group" and len(words.split()) < 2:
                    continue  # "officials said": nobody named
                if words.startswith("The "):
                    s, words = s + 4, words[4:]
                inside = [f for f in found if s < f.end and f.start < e]
                if any(f.start <= s and e <= f.end for f in inside):
                    continue  # already read, whole
                if inside and (rule == "person" or any(f.kind != "state" for f in inside)):
                    continue  # "NIS intelligence" is the NIS; "Ukraine's military intelligence" is not Ukraine
                # a longer organisation's name wins over the state it contains
                found = [f for f in found if f not in inside]
                found.append(self._new(words, s, e, rule, text))
        return sorted(found, key=lambda f: f.start)

    def _new(self, words: str, s: int, e: int, rule: str, text: str) -> Mention:
        country = country_of(words, text[max(0, s - 50) : s])
        match = self.lexicon.match(words)
        if match and country and self._countries[match.key] not in ("", country):
            match = None  # 'US officials' is no spelling of 'Russian officials'
        if match and match.how == "fuzzy":
            aid = match.key
            return Mention(s, e, words, aid, match, self._kinds[aid], self._countries[aid])
        return Mention(s, e, words, None, match, _kind_guess(words, rule), country)
