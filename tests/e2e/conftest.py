"""Fixtures for the real-browser tests: the app as a subprocess (once per dataset per session),
one Chromium per session, a fresh browser context per test, and the console's known errors."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from dashboard.data.dataset import Dataset, load_dataset
from tests.e2e import support as s
from tests.fixtures import FIXTURE_DIR

# Console errors that are expected and harmless, each with its reason. Anything else fails.
_PAGE_PATHS = "|".join(path for _, path, _ in s.PAGES if path)
KNOWN_CONSOLE_ERRORS: list[tuple[str, re.Pattern, str]] = [
    (
        "deep-link health probe",
        re.compile(rf"/({_PAGE_PATHS})/_stcore/health$"),
        "Opening /<page> directly: the frontend first asks /<page>/_stcore/health (it guesses "
        "the app's base path from the URL), gets a 404, then uses /_stcore/health.",
    ),
    (
        "deep-link host-config probe",
        re.compile(rf"/({_PAGE_PATHS})/_stcore/host-config$"),
        "The same base-path guess for /<page>/_stcore/host-config: a 404, then /_stcore/host-config.",
    ),
]


def unknown_console_errors(rec: s.Recorder) -> list[str]:
    out = []
    for text, url in rec.console_errors:
        known = "404" in text and any(p.search(url) for _, p, _ in KNOWN_CONSOLE_ERRORS)
        if not known:
            out.append(f"{text} ({url})")
    return out + [f"uncaught: {e}" for e in rec.page_errors]


def assert_clean_console(rec: s.Recorder) -> None:
    errors = unknown_console_errors(rec)
    assert not errors, "unexpected browser console errors:\n" + "\n".join(errors)


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    pw = sync_playwright().start()
    try:
        b, message = None, ""
        try:
            b = s.launch_browser(pw)
        except FileNotFoundError:
            message = s.HOW_TO_GET_A_BROWSER
        except Exception as err:  # there is one, but it does not start
            message = f"{s.HOW_TO_GET_A_BROWSER} (launch failed: {str(err)[:500]})"
        if b is None:
            if os.environ.get("CI", "").lower() == "true":  # CI must not pass without e2e
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        yield b
        b.close()
    finally:
        pw.stop()


# --- the app -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def app_factory(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., s.AppServer]]:
    """start(name, data_dir=None) -> a running app, started once per name for the session."""
    servers: dict[str, s.AppServer] = {}
    logs = tmp_path_factory.mktemp("app-logs")

    def start(name: str, data_dir: Path | None = None) -> s.AppServer:
        if name not in servers:
            servers[name] = s.AppServer(data_dir, logs / f"{name}.log").start()
        return servers[name]

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def app(app_factory) -> s.AppServer:
    """The app on the repo's own datasets/."""
    return app_factory("datasets")


@pytest.fixture(scope="session")
def fixture_app(app_factory) -> s.AppServer:
    """The app on the synthetic fixture dataset (tests/fixtures/dataset/README.md)."""
    return app_factory("fixture", FIXTURE_DIR)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    """The real dataset with a formula, an iframe and an image beacon in free-text cells."""
    return s.build_dataset(tmp_path_factory.mktemp("hostile") / "datasets", s.HOSTILE_EDITS)


@pytest.fixture(scope="session")
def hostile_app(app_factory, hostile_dir) -> s.AppServer:
    return app_factory("hostile", hostile_dir)


@pytest.fixture(scope="session")
def broken_dir(tmp_path_factory) -> Path:
    """The real dataset with one impossible date: the validator must refuse it."""
    return s.build_dataset(tmp_path_factory.mktemp("broken") / "datasets", s.BROKEN_EDITS)


@pytest.fixture(scope="session")
def broken_app(app_factory, broken_dir) -> s.AppServer:
    return app_factory("broken", broken_dir)


# --- expectations from the pure functions --------------------------------------------------------


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(s.DATASETS)


@pytest.fixture(scope="session")
def fixture_dataset() -> Dataset:
    return load_dataset(FIXTURE_DIR)


@pytest.fixture(scope="session")
def hostile_dataset(hostile_dir) -> Dataset:
    return load_dataset(hostile_dir)


# --- a page per test -----------------------------------------------------------------------------


@dataclass
class Tab:
    page: Page
    rec: s.Recorder
    base: str

    def goto(self, path: str = "") -> None:
        s.goto(self.page, f"{self.base}/{path.lstrip('/')}")


@pytest.fixture
def new_tab(browser: Browser) -> Iterator[Callable[[s.AppServer], Tab]]:
    """new_tab(server) -> a page in a new browser context (own cookies, storage, downloads)."""
    contexts = []

    def make(server: s.AppServer, **context_args) -> Tab:
        args = {"viewport": s.VIEWPORT, "accept_downloads": True, **context_args}  # a phone's wins
        ctx = browser.new_context(**args)
        ctx.set_default_timeout(s.TIMEOUT_MS)
        contexts.append(ctx)
        page = ctx.new_page()
        rec = s.Recorder()
        rec.attach(page)
        return Tab(page, rec, server.url)

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def tab(new_tab, app) -> Tab:
    """A fresh page on the app over the repo's dataset, opened at the default page."""
    t = new_tab(app)
    t.goto("")
    return t
