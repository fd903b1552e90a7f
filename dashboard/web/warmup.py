"""Work done once per server process, in a background thread, before the first visitor needs it.

`app.py` starts it as soon as the server is up, while the first browser is still loading the
front end (about a second). What it does is exactly what the first script run would do, done
earlier: import the modules, load and validate the dataset into the loader's cache (same
content key, same validator: nothing is served that the script run would not serve), compute
the default view, and build each heavy kind of element once so that plotly's and pydeck's
lazily imported parts are in memory. A failure here is ignored: the script run then does the
work itself and reports any problem as it always does.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

THREAD_NAME = "dashboard-warmup"
SWITCH_INTERVAL_S = 0.0005
_LOG = logging.getLogger(__name__)
_started = threading.Event()
done = threading.Event()  # set when warm() has finished (tests and the bench wait on it)


class _NoContextWarning(logging.Filter):
    """Streamlit warns once per call that a cache was used outside a script run; from this
    thread that is the point, so those lines are dropped (other threads' are kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD_NAME


def _streamlit_first_use() -> None:
    # One-off costs Streamlit pays on the first script run of a process, measured there:
    # st.set_page_config's emoji icon imports streamlit.emojis and compiles its pattern
    # (≈ 0.3 s), and the first element sent walks every module with inspect.stack() to decide
    # whether to print a "use streamlit run" hint (≈ 0.2 s with pandas and plotly loaded).
    from streamlit import delta_generator, string_util

    string_util.is_emoji("🛰️")
    first_use = getattr(delta_generator, "_maybe_print_use_warning", None)
    if first_use is not None:
        first_use()


def _default_view() -> None:
    """The dataset, the sidebar's options and the unfiltered view, cached as the first run
    would cache them, the Timeline's figure and the Map's picture with them."""
    from dashboard.views import filters as flt
    from dashboard.views import geo
    from dashboard.web import analyses, figures, frame, loading, map_panel, sidebar

    ds, _problems, links = loading.load()
    if ds is None:
        return
    span, labels, *_ = sidebar._options(ds.version, ds)
    f = flt.Filters()  # what the sidebar yields with every widget at its default
    view = frame._view(ds.version, f, ds, links)
    ctx = frame.Context(ds, view, f, span, labels)
    analyses.overview_metrics(ctx)  # as the Overview page asks for them: the same cache entries
    analyses.contested(ctx)
    frame.cached(geo.places_frame, ctx)
    frame.cached(geo.arcs_frame, ctx)
    frame.cached(geo.sightings_frame, ctx)
    # The Timeline's default figure, into the cache its page reads (same function and key).
    frame.cached(figures.timeline_chart, ctx, "event_type", None)
    # The Map opens on a plotly picture: its default figure, built here into the cache the page
    # reads (same function and key), with plotly's scatter parts and the country outlines loaded.
    frame.cached(map_panel.picture, ctx, True, map_panel.PICTURE_TITLE + frame.filter_line(ctx))


def warm() -> None:
    t0 = time.perf_counter()
    # While this thread holds the GIL the server's event loop, which is sending the browser the
    # front end's ~60 files, waits up to one switch interval (5 ms) for each turn: shorter turns
    # for as long as the warm-up runs.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        _streamlit_first_use()
        _default_view()
    except Exception:  # the script run will meet the same problem and report it properly
        _LOG.debug("warm-up failed", exc_info=True)
    finally:
        sys.setswitchinterval(interval)
        done.set()
    _LOG.info("warm-up done in %.2f s", time.perf_counter() - t0)


def start() -> None:
    """Start warm() once per process, in a daemon thread."""
    if _started.is_set():
        return
    _started.set()
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        _NoContextWarning()
    )
    threading.Thread(target=warm, name=THREAD_NAME, daemon=True).start()
