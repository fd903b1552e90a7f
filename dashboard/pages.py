"""The page registry: every page once (file, title, icon, URL path). No streamlit here.

The entry point, the AppTests, the browser tests, the screenshots script and the bench all
read this list; adding a page is one entry here and one file under dashboard/web/app_pages/.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent / "web"
ENTRY = WEB_DIR / "entry.py"  # the script each session runs; app.py serves it (st.App)


@dataclass(frozen=True)
class PageSpec:
    name: str  # module under dashboard/web/app_pages/
    title: str
    icon: str
    url_path: str
    default: bool = False
    chart: bool = False  # opens on a plotly chart: its address preloads plotly (web/preload.py)

    @property
    def script(self) -> str:
        """The page's file, relative to the entry point (as st.Page and AppTest take it)."""
        return f"app_pages/{self.name}.py"

    @property
    def url(self) -> str:
        """The path in the browser: the default page is served at the root."""
        return "" if self.default else self.url_path


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "Overview", ":material/dashboard:", "overview", default=True),
    PageSpec("timeline", "Timeline", ":material/timeline:", "timeline", chart=True),
    PageSpec("map", "Map", ":material/map:", "map", chart=True),
    PageSpec("equipment", "Equipment", ":material/train:", "equipment", chart=True),
    PageSpec(
        "figure_history", "Figure history", ":material/stacked_line_chart:", "history", chart=True
    ),
    PageSpec("sources", "Sources & claims", ":material/record_voice_over:", "sources"),
    PageSpec("tables", "Data", ":material/download:", "data"),
    PageSpec("row", "Row", ":material/article:", "row"),  # /row?id=000-tr03: one row in words
    PageSpec(
        "printview", "Print view", ":material/print:", "print", chart=True
    ),  # filters, figures, tables
)


# Pages that write (drafts, and the dataset through a validated merge). They are registered only
# when curation is on (`make curate`): the public app (`make run`) has no page, import or
# button that reaches a write.
CURATE_ENV = "DASHBOARD_CURATE"
CURATE_PAGES: tuple[PageSpec, ...] = (
    PageSpec("curate", "Curate", ":material/edit_note:", "curate"),
)
ALL_PAGES: tuple[PageSpec, ...] = PAGES + CURATE_PAGES


def curation_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Curation is on only when DASHBOARD_CURATE is exactly "1"."""
    return environ.get(CURATE_ENV, "") == "1"


def pages_for(curate: bool) -> tuple[PageSpec, ...]:
    return ALL_PAGES if curate else PAGES


def page_by_url(url_path: str) -> PageSpec:
    return next(p for p in ALL_PAGES if p.url_path == url_path)
