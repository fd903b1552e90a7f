"""Write docs/screenshots/curate.png: the Curate page on a synthetic wire-copy article freshly
drafted by `python -m dashboard ingest` (tests/fixtures/articles/wire_copy.txt), one
candidate's passage focused in the article.

    python -m tests.e2e.curate_screenshot
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

from playwright.sync_api import sync_playwright

from tests.curate_fixture import copy_dataset
from tests.e2e import support as s

OUT = s.REPO / "docs" / "screenshots" / "curate.png"
ARTICLE = s.REPO / "tests" / "fixtures" / "articles" / "wire_copy.txt"
INGEST = [
    "--publisher",
    "Synthetic Wire",
    "--published",
    "2024-11-20",
    "--title",
    "North Korea sent more artillery to Russia, Seoul says",
]


def ingest(folder: Path, article: Path = ARTICLE, args: list[str] = INGEST) -> str:
    """`python -m dashboard ingest` into the folder; the new draft's article id."""
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(article), *args, "--data", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    drafts = sorted(p.name for p in (folder / "drafts").iterdir())
    assert drafts, done.stdout + done.stderr
    return drafts[-1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_dataset(Path(tmp) / "datasets")
        ingest(folder)
        with mock.patch.dict(
            os.environ, {"DASHBOARD_CURATE": "1", "DASHBOARD_CURATOR": "A. Curator"}
        ):
            server = s.AppServer(folder).start()
        try:
            with sync_playwright() as pw:
                browser = s.launch_browser(pw)
                page = browser.new_context(viewport={"width": 1400, "height": 1300}).new_page()
                s.goto(page, f"{server.url}/curate")
                chooser = page.get_by_test_id("stSelectbox").filter(
                    has_text="Show a candidate's passage"
                )
                chooser.get_by_role("combobox").click()
                page.keyboard.type("tr01")
                page.keyboard.press("Enter")
                s.wait_for_app_run(page)
                page.evaluate(
                    "() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))"
                )
                page.screenshot(path=OUT, full_page=True)
                browser.close()
        finally:
            server.stop()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
