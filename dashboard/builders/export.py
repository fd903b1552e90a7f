"""Downloads that are safe to open in a spreadsheet, named after their filter, and citable."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from datetime import date

import pandas as pd

# A cell starting with one of these (after leading blanks) is read as a formula by some
# spreadsheet (OWASP CSV injection; NUL per ASVS).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\0")
# Skipped before the first visible character: every Unicode space (Zs: U+2002 and kin, NBSP,
# ideographic space), line and paragraph separators, and format characters (Cf: U+200B,
# U+FEFF, the bidi controls), which a spreadsheet may drop or show as nothing.
INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf"})


def _starts_a_formula(value: str) -> bool:
    for char in value:
        category = unicodedata.category(char)
        if category == "Cc":  # TAB, CR, LF, NUL, VT, FF and every other control character
            return True
        if category in INVISIBLE_CATEGORIES:
            continue
        # Compatibility forms of a trigger (full-width ＝, small ﹦, ﹢, ﹣, ﹫) normalise to it.
        return unicodedata.normalize("NFKC", char)[:1] in FORMULA_TRIGGERS
    return False


def neutralise(value):
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if not isinstance(value, str) or not value:
        return value
    return "'" + value if _starts_a_formula(value) else value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Neutralise text columns and headers; numbers and dates stay typed (so -5 stays -5)."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _for_export(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Every field quoted, formulas neutralised, UTF-8 with a BOM so Excel reads the accents."""
    text = neutralise_frame(_for_export(df)).to_csv(
        index=False, quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )
    return text.encode("utf-8-sig")


def to_xlsx_bytes(
    df: pd.DataFrame,
    citation: dict[str, str],
    sheet: str = "data",
    codebook: pd.DataFrame | None = None,
) -> bytes:
    """A 'citation' sheet first (and a 'codebook' sheet beside it when given), then the data
    with real date cells, a frozen header row, an autofilter and readable column widths; no
    string becomes a formula or a link."""
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(
        buf,
        engine="xlsxwriter",
        engine_kwargs={"options": options},
        datetime_format="yyyy-mm-dd",
        date_format="yyyy-mm-dd",
    ) as xw:
        cite = pd.DataFrame({"field": list(citation), "value": list(citation.values())})
        _sheet(xw, neutralise_frame(cite), "citation")
        if codebook is not None:
            _sheet(xw, neutralise_frame(codebook), "codebook")
        _sheet(xw, neutralise_frame(df), sheet[:31])
    return buf.getvalue()


XLSX_WIDTH = (8, 60)  # narrowest and widest column, in characters


def _sheet(xw: pd.ExcelWriter, df: pd.DataFrame, name: str) -> None:
    """Write one sheet: frozen header, autofilter over the data, widths from the content."""
    df.to_excel(xw, sheet_name=name, index=False)
    ws = xw.sheets[name]
    ws.freeze_panes(1, 0)
    if len(df.columns):
        ws.autofilter(0, 0, max(len(df), 1), len(df.columns) - 1)
    for i, column in enumerate(df.columns):
        sample = df[column].head(200).map(lambda v: len(str(v)) if pd.notna(v) else 0)
        longest = max([len(str(column)) + 3, *sample.tolist()])
        if pd.api.types.is_datetime64_any_dtype(df[column]):
            longest = 12
        ws.set_column(i, i, min(max(longest, XLSX_WIDTH[0]), XLSX_WIDTH[1]))


def to_zip_bytes(
    stem: str, df: pd.DataFrame, citation: dict[str, str], codebook: pd.DataFrame
) -> bytes:
    """Plain files in one ZIP: the rows as CSV, the citation as text, the codebook as CSV."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{stem}.csv", to_csv_bytes(df))
        z.writestr(f"{stem}.citation.txt", citation_text(citation))
        z.writestr(f"{stem}.codebook.csv", to_csv_bytes(codebook))
    return buf.getvalue()


def to_geojson_bytes(
    rows: pd.DataFrame, locations: pd.DataFrame, citation: dict[str, str], location_column: str
) -> bytes:
    """A FeatureCollection of the rows that have a place, at their place's point."""
    located = rows.merge(
        locations[["location_id", "lat", "lon", "geo_precision"]],
        left_on=location_column,
        right_on="location_id",
        how="inner",
        suffixes=("", "_place"),
    )
    features = []
    for record in _for_export(located).to_dict(orient="records"):
        lon, lat = record.pop("lon"), record.pop("lat")
        props = {k: neutralise(None if pd.isna(v) else v) for k, v in record.items()}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    collection = {"type": "FeatureCollection", "citation": citation, "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def file_stem(
    table: str, start: date | None, end: date | None, actors: list[str], other: bool
) -> str:
    """'transfers_2024-11-01_2024-11-30_north-korea' — the filter travels with the file."""
    parts = [table]
    if start or end:
        parts += [start.isoformat() if start else "start", end.isoformat() if end else "end"]
    if actors:
        parts.append(
            "+".join(slug(a) for a in actors[:3])
            + (f"+{len(actors) - 3}-more" if len(actors) > 3 else "")
        )
    if other:
        parts.append("filtered")
    return "_".join(parts)


def citation(version: str, filters: dict[str, str], accessed: date, title: str) -> dict[str, str]:
    """What a download cites: the dataset version and its filter. The articles its rows come
    from are added by builders.downloads.cited (analyst.articles_cited: one wording)."""
    return {
        "title": title,
        "dataset_version": version,
        "filters": "; ".join(f"{k}={v}" for k, v in filters.items() if v) or "none",
        "accessed": accessed.isoformat(),
        "cite_as": f"{title}, dataset version {version}, accessed {accessed.isoformat()}",
    }


def citation_text(cite: dict[str, str]) -> bytes:
    return "".join(f"{k}: {v}\n" for k, v in cite.items()).encode("utf-8")
