"""A valid synthetic dataset of N events with the real schema, for benchmarks only.

`python -m bench.synth N DIR` writes DIR/{events,transfers,locations,actors,claims}.csv and
DIR/seeds/<article_id>.{txt,json}. Each generated article carries about 200 events; every
row's passage is a sentence of its article at the right offsets, every transfer (about one
per three events) cites its event's sentence, which states its figure verbatim. Deterministic
for a given N and seed, so `python -m dashboard validate DIR` passes and runs are comparable.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from dashboard.data.quantities import quantity_bounds
from dashboard.schema import ARTICLES, EVENT_TYPES, TABLES

EVENTS_PER_ARTICLE = 200
FIRST_DAY, LAST_DAY = date(2023, 9, 1), date(2025, 6, 30)
PEAK = (date(2024, 10, 1), date(2024, 12, 31))  # most reporting clusters here, as in the press

STATES = {
    "north-korea": ("North Korea", "KP"),
    "russia": ("Russia", "RU"),
    "south-korea": ("South Korea", "KR"),
    "ukraine": ("Ukraine", "UA"),
    "united-states": ("United States", "US"),
    "japan": ("Japan", "JP"),
}
UNDER = [  # (id, name, kind, parent)
    ("nk-troops", "North Korean troops", "armed_force", "north-korea"),
    ("kim-jong-un", "Kim Jong-un", "person", "north-korea"),
    ("choe-son-hui", "Choe Son-hui", "person", "north-korea"),
    ("russian-armed-forces", "Russian forces", "armed_force", "russia"),
    ("russian-airborne", "Russian Airborne Brigade", "unit", "russian-armed-forces"),
    ("vladimir-putin", "Vladimir Putin", "person", "russia"),
    ("sergey-lavrov", "Sergey Lavrov", "person", "russia"),
    ("nis", "National Intelligence Service (NIS)", "intelligence_agency", "south-korea"),
    ("jcs", "Joint Chiefs of Staff", "armed_force", "south-korea"),
    ("ukrainian-armed-forces", "Ukrainian Armed Forces (UAF)", "armed_force", "ukraine"),
    ("gur", "Ukraine’s military intelligence (HUR)", "intelligence_agency", "ukraine"),
    ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", "ukraine"),
    ("pentagon", "Pentagon", "ministry", "united-states"),
    ("us-state-department", "US State Department", "ministry", "united-states"),
    ("japan-mod", "Japan’s Ministry of Defense", "ministry", "japan"),
]
OUTLETS = [
    "Reuters",
    "Yonhap",
    "Financial Times",
    "The New York Times",
    "Kyiv Independent",
    "NK News",
    "Korea Herald",
    "Caliber.Az",
    "BBC",
    "Le Monde",
    "Meduza",
    "Nikkei Asia",
    "Associated Press",
    "Radio Free Asia",
    "The Guardian",
    "Der Spiegel",
]
PLACES = [  # (id, name, kind, country, lat, lon, geo_precision)
    ("north-korea", "North Korea", "country", "KP", 40.0, 127.0, "country"),
    ("russia", "Russia", "country", "RU", 60.0, 100.0, "country"),
    ("ukraine", "Ukraine", "country", "UA", 49.0, 32.0, "country"),
    ("kursk-oblast", "Kursk region", "region", "RU", 51.72689, 36.18457, "city_for_region"),
    (
        "krasnoyarsk-krai",
        "Krasnoyarsk region",
        "region",
        "RU",
        56.03742,
        92.93136,
        "city_for_region",
    ),
    ("belgorod-oblast", "Belgorod region", "region", "RU", 50.59, 36.58, "city_for_region"),
    ("primorsky-krai", "Primorsky region", "region", "RU", 43.8, 132.9, "region"),
    ("sudzha", "Sudzha", "city", "RU", 51.19, 35.27, "place"),
    ("moscow", "Moscow", "city", "RU", 55.75, 37.62, "place"),
    ("vladivostok", "Vladivostok", "city", "RU", 43.12, 131.89, "place"),
    ("khabarovsk", "Khabarovsk", "city", "RU", 48.48, 135.08, "place"),
    ("ussuriysk", "Ussuriysk", "city", "RU", 43.8, 131.95, "place"),
    ("khasan", "Khasan", "city", "RU", 42.43, 130.64, "place"),
    ("novosibirsk", "Novosibirsk", "city", "RU", 55.03, 82.92, "place"),
    ("irkutsk", "Irkutsk", "city", "RU", 52.29, 104.28, "place"),
    ("rostov-on-don", "Rostov-on-Don", "city", "RU", 47.24, 39.71, "place"),
    ("bryansk", "Bryansk", "city", "RU", 53.24, 34.36, "place"),
    ("pyongyang", "Pyongyang", "city", "KP", 39.03, 125.75, "place"),
    ("rajin", "Rajin", "city", "KP", 42.25, 130.3, "place"),
    ("chongjin", "Chongjin", "city", "KP", 41.8, 129.78, "place"),
    ("kharkiv", "Kharkiv", "city", "UA", 49.99, 36.23, "place"),
    ("donetsk-oblast", "Donetsk region", "region", "UA", 48.0, 37.8, "city_for_region"),
    ("zaporizhzhia", "Zaporizhzhia", "city", "UA", 47.84, 35.14, "place"),
]
CLAIMS = [
    "North Korea has delivered artillery to Russia",
    "North Korean troops are deployed in Russia",
    "North Korean troops take part in combat alongside Russian forces",
    "North Korean troops have suffered casualties",
    "North Korean troops have been trained on Russian soil",
    "North Korea has shipped ammunition to Russia by rail",
    "North Korean missiles were fired at Ukraine",
    "Russia has massed troops near Kursk",
    "Russian officials visited Pyongyang",
    "North Korea will send more troops",
    "Russia supplies air-defence systems to North Korea",
    "North Korean engineers work in occupied Ukraine",
]
EVENT_WEIGHTS = {
    "arms_transfer": 22,
    "troop_deployment": 12,
    "troop_buildup": 5,
    "combat": 14,
    "casualties": 6,
    "training": 4,
    "diplomatic_visit": 3,
    "diplomatic_meeting": 3,
    "report": 18,
    "denial": 5,
    "acknowledgement": 3,
    "expected_event": 5,
}
ACTORS_OF = {
    "arms_transfer": ["north-korea"],
    "troop_deployment": ["nk-troops", "north-korea"],
    "troop_buildup": ["russian-armed-forces", "russia"],
    "combat": ["nk-troops", "russian-armed-forces", "ukrainian-armed-forces"],
    "casualties": ["nk-troops"],
    "training": ["nk-troops"],
    "diplomatic_visit": ["choe-son-hui", "sergey-lavrov", "vladimir-putin"],
    "diplomatic_meeting": ["kim-jong-un", "vladimir-putin", "choe-son-hui"],
    "denial": ["north-korea", "russia", "sergey-lavrov"],
    "acknowledgement": ["vladimir-putin", "kim-jong-un", "north-korea"],
    "expected_event": ["kim-jong-un", "north-korea"],
}
STANCE_OF = {"denial": "denies", "acknowledgement": "acknowledges", "expected_event": "expects"}
SYSTEMS = [  # (as written, normalised name, category, calibre)
    (
        "M-1978 “Koksan” self-propelled howitzers",
        "Koksan 170 mm self-propelled gun",
        "self_propelled_howitzer",
        170,
    ),
    (
        "self-propelled howitzers",
        "self-propelled howitzer (type not stated)",
        "self_propelled_howitzer",
        None,
    ),
    (
        "240mm multiple rocket launchers",
        "240 mm multiple rocket launcher",
        "multiple_rocket_launcher",
        240,
    ),
    (
        "multiple rocket launchers",
        "multiple rocket launcher (type not stated)",
        "multiple_rocket_launcher",
        None,
    ),
    ("North Korean soldiers", "North Korean troops", "personnel", None),
    ("special forces troops", "North Korean troops", "personnel", None),
]
FIGURES = [
    "",
    "",
    "20",
    "nearly 50",
    "about 100",
    "over 10,000",
    "approximately 10,900",
    "some 3,000",
    "more than 60",
    "almost 200",
    "around 12,000",
    "36",
    "about 50,000",
]
VERBS = {
    "arms_transfer": "delivered",
    "troop_deployment": "deployed",
    "troop_buildup": "massed",
    "combat": "fought",
    "casualties": "lost",
    "training": "trained",
    "diplomatic_visit": "visited",
    "diplomatic_meeting": "met",
    "report": "were reported",
    "denial": "denied the reports",
    "acknowledgement": "acknowledged the reports",
    "expected_event": "will send more",
}


def _day(rng: random.Random) -> date:
    lo, hi = PEAK if rng.random() < 0.5 else (FIRST_DAY, LAST_DAY)
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


def _window(rng: random.Random, anchor: date | None, known: float) -> tuple[str, str, str, str]:
    """(start, end, precision, words) with the codebook's rules for each precision."""
    if anchor is None or rng.random() > known:
        return "", "", "unknown", rng.choice(["", "", "recently", "earlier this year"])
    kind = rng.choices(["day", "part_of_month", "month"], [6, 3, 1])[0]
    if kind == "day":
        return anchor.isoformat(), anchor.isoformat(), "day", f"on {anchor:%-d %B}"
    first = anchor.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if kind == "month":
        return first.isoformat(), last.isoformat(), "month", f"in {anchor:%B}"
    part = min((anchor.day - 1) // 10, 2)
    lo = first + timedelta(days=10 * part)
    hi = last if part == 2 else lo + timedelta(days=9)
    word = ["early", "mid-", "late"][part]
    return (
        lo.isoformat(),
        hi.isoformat(),
        "part_of_month",
        f"in {word} {anchor:%B}".replace("- ", "-"),
    )


def reference_tables() -> dict[str, list[dict]]:
    actors = [
        {"actor_id": a, "name": n, "kind": "state", "country": c} for a, (n, c) in STATES.items()
    ]
    country = {a: c for a, (_, c) in STATES.items()}
    for actor_id, name, kind, parent in UNDER:
        country[actor_id] = country[parent]
        actors.append(
            {
                "actor_id": actor_id,
                "name": name,
                "kind": kind,
                "country": country[parent],
                "parent_actor_id": parent,
                "role": "synthetic",
            }
        )
    for name in OUTLETS:
        slug = (
            "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-").replace("--", "-")
        )
        actors.append({"actor_id": f"outlet-{slug}", "name": name, "kind": "media_outlet"})
    locations = [
        dict(
            zip(
                ["location_id", "name", "kind", "country", "lat", "lon", "geo_precision"],
                p,
                strict=True,
            ),
            gazetteer="synthetic (bench.synth)",
        )
        for p in PLACES
    ]
    claims = [{"claim_id": f"claim-{i:02d}", "proposition": p} for i, p in enumerate(CLAIMS)]
    return {"actors": actors, "locations": locations, "claims": claims}


def _article(rng, a: int, count: int, ref, pub: date) -> tuple[str, list[dict], list[dict], dict]:
    """One article's text, its event and transfer rows, and its metadata."""
    actors = [r["actor_id"] for r in ref["actors"]]
    claimants = [r["actor_id"] for r in ref["actors"] if r["kind"] != "state"] + [
        "north-korea",
        "russia",
    ]
    names = {r["actor_id"]: r["name"] for r in ref["actors"]}
    places = [r["location_id"] for r in ref["locations"]]
    publisher = rng.choice(OUTLETS)
    parts = [f"{publisher} report no. {a}: North Korean arms and troops for Russia\n"]
    offset = len(parts[0])
    events, transfers = [], []
    for k in range(count):
        kind = rng.choices(list(EVENT_WEIGHTS), list(EVENT_WEIGHTS.values()))[0]
        earlier = [e["event_id"] for e in events[-20:] if e["stance"] in ("reports", "confirms")]
        if kind in ("denial", "acknowledgement") and not earlier:
            kind = "report"
        claimant = rng.choice(claimants)
        who = rng.sample(ACTORS_OF.get(kind, actors), 1) if rng.random() < 0.9 else []
        place = rng.choice(places) if rng.random() < 0.8 else ""
        day = _day(rng)  # only an expectation may lie after its article (the validator's rule)
        happened = _window(rng, day if kind == "expected_event" else min(day, pub), 0.45)
        report_day = min(
            pub,
            (date.fromisoformat(happened[1]) if happened[1] else pub)
            + timedelta(days=rng.randrange(15)),
        )
        reported = _window(rng, report_day, 0.6)
        transfer = None
        if kind in ("arms_transfer", "troop_deployment"):
            personnel = kind == "troop_deployment"
            system = rng.choice(SYSTEMS[4:] if personnel else SYSTEMS[:4])
            figure = rng.choice(FIGURES)
            transfer = (system, figure)
            what = f"{figure + ' ' if figure else ''}{system[0]}"
        else:
            what = "the matter"
        where = f" in {next(p[1] for p in PLACES if p[0] == place)}" if place else ""
        when = happened[3] or "at some point"
        sentence = (
            f"{when[0].upper()}{when[1:]}, {names[claimant]} said "
            f"{names[who[0]] if who else 'unnamed actors'} {VERBS[kind]} {what}{where} "
            f"(item {k + 1})."
        )
        event_id = f"s{a:05d}-ev{k + 1:03d}"
        common = {
            "article_id": f"syn_{a:05d}",
            "claimant_actor_id": claimant,
            "report_date_start": reported[0],
            "report_date_end": reported[1],
            "report_date_precision": reported[2],
            "report_date_text": reported[3],
            "year_inferred": rng.choice(["true", "false", "false"]),
            "passage": sentence,
            "passage_start": offset,
            "passage_end": offset + len(sentence),
        }
        responds = (
            rng.sample(earlier, min(len(earlier), rng.choice([1, 2])))
            if kind in STANCE_OF and kind != "expected_event"
            else []
        )
        events.append(
            common
            | {
                "event_id": event_id,
                "event_type": kind,
                "claim_id": f"claim-{rng.randrange(len(CLAIMS)):02d}",
                "summary": sentence[:-1],
                "attribution": rng.choices(["explicit", "contextual", "unattributed"], [7, 2, 1])[
                    0
                ],
                "stance": STANCE_OF.get(kind)
                or rng.choices(["reports", "confirms", "uncertain"], [6, 3, 1])[0],
                "claimant_cites_actor_id": rng.choice(actors) if rng.random() < 0.1 else "",
                "responds_to_event_ids": ";".join(responds),
                "actor_ids": ";".join(who),
                "partner_actor_ids": rng.choice(
                    ["", "", "russia", "russian-armed-forces;nk-troops"]
                ),
                "target_actor_ids": rng.choice(["", "", "", "ukrainian-armed-forces"]),
                "location_id": place,
                "date_start": happened[0],
                "date_end": happened[1],
                "date_precision": happened[2],
                "date_text": happened[3],
                "notes": rng.choice(["", "", "Synthetic row."]),
            }
        )
        if transfer:
            (written, name, category, calibre), figure = transfer
            qualifier, low, high = quantity_bounds(figure)
            transfers.append(
                common
                | {
                    "transfer_id": f"s{a:05d}-tr{k + 1:03d}",
                    "event_id": event_id,
                    "supplier_actor_id": "north-korea",
                    "recipient_actor_id": "russia",
                    "system_as_written": written,
                    "system_name": name,
                    "category": category,
                    "caliber_mm": calibre or "",
                    "caliber_basis": "stated" if calibre else "",
                    "quantity_as_stated": figure,
                    "quantity_qualifier": qualifier,
                    "quantity_low": "" if low is None else low,
                    "quantity_high": "" if high is None else high,
                    "quantity_bounds_basis": "rounding rule (dashboard.quantities)",
                    "status": rng.choice(["delivered", "in_transit", "observed", "deployed"]),
                    "origin_location_id": "north-korea" if rng.random() < 0.8 else "",
                    "destination_location_id": place
                    if place not in ("", "north-korea")
                    else "russia",
                    "sighting_location_id": rng.choice(["krasnoyarsk-krai", "khasan"])
                    if rng.random() < 0.05
                    else "",
                }
            )
        sep = "\n" if k % 6 == 5 else " "
        parts.append(sentence + sep)
        offset += len(sentence) + len(sep)
    meta = {
        "article_id": f"syn_{a:05d}",
        "title": parts[0].strip(),
        "publisher": publisher,
        "publisher_via": "",
        "author": f"Reporter {rng.randrange(1, 300)}",
        "date_published": pub.isoformat(),
        "date_published_precision": "day",
        "date_published_inferred": False,
        "date_published_basis": "synthetic (bench.synth)",
        "url": "",
        "url_basis": "synthetic article: no URL",
        "date_retrieved": "2025-07-01",
        "language": "en",
    }
    return "".join(parts), events, transfers, meta


def _writer(fh, table: str) -> csv.DictWriter:
    writer = csv.DictWriter(fh, TABLES[table].columns, restval="", lineterminator="\n")
    writer.writeheader()
    return writer


def _write_csv(path: Path, table: str, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        _writer(fh, table).writerows(rows)


def write_dataset(folder: Path | str, n_events: int, seed: int = 1) -> Path:
    """Write a valid dataset of `n_events` events (and about n/3 transfers) into `folder`.

    Rows are written article by article and only their ids kept, so a million events take
    about as little memory as ten thousand (the files are the same as when every row was kept).
    """
    folder = Path(folder)
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    assert set(EVENT_WEIGHTS) == set(EVENT_TYPES), "bench.synth is out of step with the codebook"
    rng = random.Random(seed)
    extra = random.Random(seed + 1_000_003)
    ref = reference_tables()
    for table, rows in ref.items():
        _write_csv(folder / f"{table}.csv", table, rows)
    event_ids, transfers = [], []  # transfers: (transfer_id, system_name)
    with (
        (folder / "events.csv").open("w", encoding="utf-8", newline="") as ev_fh,
        (folder / "transfers.csv").open("w", encoding="utf-8", newline="") as tr_fh,
    ):
        ev_out, tr_out = _writer(ev_fh, "events"), _writer(tr_fh, "transfers")
        for a in range(-(-n_events // EVENTS_PER_ARTICLE)):
            count = min(EVENTS_PER_ARTICLE, n_events - a * EVENTS_PER_ARTICLE)
            pub = LAST_DAY - timedelta(days=rng.randrange(120))
            text, ev, tr, meta = _article(rng, a, count, ref, pub)
            raw = text.encode("utf-8")
            (seeds / f"{meta['article_id']}.txt").write_bytes(raw)
            meta["sha256"] = hashlib.sha256(raw).hexdigest()
            meta |= _origin(extra, a)
            meta = {key: meta[key] for key in ARTICLES.columns if key in meta}
            (seeds / f"{meta['article_id']}.json").write_text(json.dumps(meta, indent=1), "utf-8")
            ev_out.writerows(ev)
            tr_out.writerows(tr)
            event_ids += [e["event_id"] for e in ev]
            transfers += [(t["transfer_id"], t["system_name"]) for t in tr]
    many = {
        "relations": _relations(extra, transfers),
        "reliability": _reliability(extra, ref),
        "credibility": _credibility(extra, event_ids + [t for t, _ in transfers]),
    }
    for table, rows in many.items():
        _write_csv(folder / f"{table}.csv", table, rows)
    return folder


# Many articles (issue 10). Drawn from a generator of their own, so the rows above stay as
# they were for a given N and seed.
COPY_SHARE = 0.1  # articles that copy or relay an earlier one
RELATED_SHARE = 0.1  # transfers related to an earlier transfer of the same system
CREDIBILITY_SHARE = 0.2  # rows a curator graded
GRADED = {"graded_by": "synthetic (bench.synth)", "graded_on": "2025-07-01"}


def _origin(rng: random.Random, a: int) -> dict:
    if a == 0 or rng.random() >= COPY_SHARE:
        return {}
    kind = rng.choice(["syndicated", "relayed"])
    return {
        "origin_article_id": f"syn_{rng.randrange(a):05d}",
        "origin_kind": kind,
        "origin_basis": f"synthetic: a {kind} copy (bench.synth)",
    }


def _relations(rng: random.Random, transfers: list[tuple[str, str]]) -> list[dict]:
    """A tenth of the transfers relate to an earlier one of the same system, each kind in turn."""
    kinds = ["overlaps", "same_as", "updates", "differs"]
    earlier: dict[str, list[str]] = {}
    out = []
    for transfer_id, system_name in transfers:
        seen = earlier.setdefault(system_name, [])
        if seen and rng.random() < RELATED_SHARE:
            out.append(
                {
                    "relation_id": f"rel-{len(out) + 1:06d}",
                    "from_row_id": transfer_id,
                    "to_row_id": rng.choice(seen[-50:]),
                    "kind": kinds[len(out) % 4],
                    "basis": "synthetic (bench.synth)",
                    "set_by": "synthetic curator",
                    "set_on": "2025-07-01",
                }
            )
        seen.append(transfer_id)
    return out


def _reliability(rng: random.Random, ref: dict) -> list[dict]:
    """Seven in ten actors graded A to F; the rest ungraded."""
    return [
        {
            "actor_id": r["actor_id"],
            "reliability": rng.choice("ABCDEF"),
            "basis": "synthetic (bench.synth)",
            **GRADED,
        }
        for r in ref["actors"]
        if rng.random() < 0.7
    ]


def _credibility(rng: random.Random, ids: list[str]) -> list[dict]:
    """A fifth of the rows (events first, then transfers) graded 1 to 6."""
    return [
        {
            "row_id": i,
            "credibility": rng.choice("123456"),
            "basis": "synthetic (bench.synth)",
            **GRADED,
        }
        for i in ids
        if rng.random() < CREDIBILITY_SHARE
    ]


if __name__ == "__main__":
    out = write_dataset(sys.argv[2], int(sys.argv[1]))
    print(f"wrote {sys.argv[1]} events to {out}")
