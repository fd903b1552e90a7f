"""Write dashboard/static/countries.geojson: country outlines for a map with no internet.

Source: the `countryinfo` package (MIT licence), whose per-country files carry outlines from
johan/world.geo.json, itself derived from Natural Earth 1:110m (public domain). 173 of 255
countries have shapes; microstates and small islands are missing. Run:

    .venv/bin/pip install countryinfo && .venv/bin/python scripts/make_countries_geojson.py
"""

import json
from pathlib import Path

import countryinfo

OUT = Path(__file__).resolve().parents[1] / "dashboard" / "web" / "static" / "countries.geojson"


def round_coords(coords, digits=2):
    if isinstance(coords[0], (int, float)):
        return [round(c, digits) for c in coords]
    return [round_coords(c, digits) for c in coords]


def main() -> None:
    data_dir = Path(countryinfo.__file__).parent / "data"
    features = []
    for path in sorted(data_dir.glob("*.json")):
        info = json.loads(path.read_text("utf-8"))
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature["geometry"]
            geometry["coordinates"] = round_coords(geometry["coordinates"])
            properties = {"name": info["name"], "iso2": info.get("ISO", {}).get("alpha2")}
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    collection = {
        "type": "FeatureCollection",
        "source": "countryinfo 1.0.1 (MIT) <- johan/world.geo.json <- Natural Earth 1:110m (public domain)",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(features)} countries to {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
