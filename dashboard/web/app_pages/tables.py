"""Data: the filtered tables, and downloads that carry their filter and a citation."""

from datetime import date

import streamlit as st

from dashboard.builders import export
from dashboard.web import frame, links, sidebar

ctx = frame.page(
    "Data",
    "The rows under the current filters. Downloads hold every filtered row and cite the dataset version.",
)

SHOWN = 1_000  # the grid shows at most this many rows; downloads hold them all
DATES = {c: st.column_config.DateColumn(format="YYYY-MM-DD") for c in
         ("date_start", "date_end", "report_date_start", "report_date_end")}  # fmt: skip
TEXT = {
    c: st.column_config.TextColumn(width="large") for c in ("passage", "summary", "notes", "note")
}
f = ctx.filters
names = dict(zip(ctx.ds.actors["actor_id"], ctx.ds.actors["name"], strict=True))
other = bool(f.event_types or f.claimants or f.stances or not f.include_undated)
cite = export.citation(ctx.ds.version, sidebar.filter_summary(ctx), date.today(),
                       "North Korean arms transfers to Russia: curated claims")  # fmt: skip
GEO = {"events": "location_id", "transfers": "destination_location_id", "locations": "location_id"}
KEYS = {"events": "event_id", "transfers": "transfer_id", "locations": "location_id"}

for table, tab in zip(GEO, st.tabs(["Events", "Transfers", "Locations"]), strict=True):
    frame = getattr(ctx.view, table)
    stem = export.file_stem(table, f.start, f.end, [names[a] for a in f.actors], other)
    with tab:
        st.caption(
            f"{len(frame):,} row(s)"
            + (f"; the first {SHOWN:,} are shown" if len(frame) > SHOWN else "")
        )
        grid, link = links.with_row_links(frame.head(SHOWN), KEYS[table])
        st.dataframe(grid, hide_index=True, width="stretch", key=f"table_{table}",
                     column_config=DATES | TEXT | link, row_height=60)  # fmt: skip
        c1, c2, c3, c4 = st.columns(4)
        c1.download_button("CSV", data=lambda fr=frame: export.to_csv_bytes(fr), file_name=f"{stem}.csv",
                           mime="text/csv", on_click="ignore", key=f"csv_{table}", icon=":material/download:")  # fmt: skip
        c2.download_button("Citation for the CSV", data=export.citation_text(cite), file_name=f"{stem}.citation.txt",
                           mime="text/plain", on_click="ignore", key=f"cite_{table}")  # fmt: skip
        c3.download_button("XLSX (with citation sheet)", data=lambda fr=frame, t=table: export.to_xlsx_bytes(fr, cite, t),
                           file_name=f"{stem}.xlsx", on_click="ignore", key=f"xlsx_{table}", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")  # fmt: skip
        c4.download_button("GeoJSON (located rows)", file_name=f"{stem}.geojson", mime="application/geo+json",
                           data=lambda fr=frame, col=GEO[table]: export.to_geojson_bytes(fr, ctx.ds.locations, cite, col),
                           on_click="ignore", key=f"geojson_{table}", icon=":material/download:")  # fmt: skip
