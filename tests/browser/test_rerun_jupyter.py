"""A reader reruns the custody chapter in JupyterLab and uses its calculator widget.

End to end, as a reader would: a real JupyterLab server (this virtual environment, on
127.0.0.1, a free port and a token of its own, the repository as its root) opens
notebooks/custody-clock.ipynb in Chromium, runs every cell in a live kernel, and the
calculator widget is used: a new arrest time is typed into its "Arrested" field, and the
deadlines the widget then shows must be those of ``catbook.custody.deadlines()``.

The server is always shut down, autosave is off and the notebook file is checked to be
unchanged afterwards (the reader's session must not rewrite the stored outputs).
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from catbook.custody import audit, deadlines, scenario
from catbook.custody.moments import format_moment

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "notebooks/custody-clock.ipynb"
CASE = scenario("foreign-national-consulate-late")  # the case the chapter's calculator starts from
NEW_ARREST = "2012-07-15 10:30"                      # typed into the widget: before every recorded act
START_TIMEOUT_S = 90
RUN_TIMEOUT_MS = 120_000

#: JupyterLab user settings for the test: no autosave (the notebook file must stay as
#: committed), every cell rendered (no virtual scrolling), no update/news checks.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"checkForUpdates": False,
                                                                         "fetchNews": "false"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory):
    """A JupyterLab server for the module: (base URL, token). Always stopped, with its kernels."""
    home = tmp_path_factory.mktemp("jupyter")
    settings = home / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"), "JUPYTER_PLATFORM_DIRS": "1"}
    port, token = free_port(), secrets.token_hex(24)
    log_path = home / "server.log"
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--port-retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
               "--allow-root", "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False"]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if server.poll() is not None:
                pytest.fail(f"jupyter lab exited ({server.returncode}):\n{log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer in {START_TIMEOUT_S} s:\n"
                            f"{log_path.read_text(errors='replace')}")
            time.sleep(0.5)
        yield base, token
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM to the server's own process group (it and its kernels), then SIGKILL if needed."""
    if server.poll() is None:
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            try:
                os.killpg(server.pid, sig)
            except ProcessLookupError:
                break
            try:
                server.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
    # kernels started by the server share its process group: make sure none is left
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture
def notebook_unchanged():
    path = ROOT / NOTEBOOK
    before = path.read_bytes()
    yield
    after = path.read_bytes()
    if after != before:
        path.write_bytes(before)
        pytest.fail(f"{NOTEBOOK} was rewritten during the browser session (restored)")


RUN_ALL = """async (timeoutMs) => {
  const within = (promise, what) => Promise.race([promise, new Promise((_, reject) =>
      setTimeout(() => reject(new Error('timed out: ' + what)), timeoutMs))]);
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await within(panel.context.ready, 'notebook load');
  await within(panel.sessionContext.ready, 'kernel start');
  const ok = await within(app.commands.execute('notebook:run-all-cells'), 'run all cells');
  const cells = panel.content.widgets.filter(cell => cell.model.type === 'code').map(cell => ({
    count: cell.model.executionCount,
    errors: cell.model.outputs.toJSON().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
  }));
  return {ok, kernel: panel.sessionContext.kernelDisplayName, cells};
}"""

WIDGET_TABLE = """() => {
  const tables = Array.from(document.querySelectorAll('.jp-OutputArea .widget-html table'));
  const table = tables.find(t => t.textContent.includes('court-72h') && t.textContent.includes('done at'));
  if (!table) return null;
  const head = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
  return Array.from(table.querySelectorAll('tbody tr')).map(tr => Object.fromEntries(
      Array.from(tr.querySelectorAll('td')).map((td, i) => [head[i], td.textContent.trim()])));
}"""


def test_custody_chapter_reruns_in_jupyterlab_and_its_calculator_answers(jupyter_lab, browser, notebook_unchanged):
    base, token = jupyter_lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    try:
        page = context.new_page()
        page.goto(f"{base}/lab/tree/{NOTEBOOK}?reset&token={token}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                               " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=90_000)
        run = page.evaluate(RUN_ALL, RUN_TIMEOUT_MS)
        assert run["ok"], run
        assert run["cells"] and all(cell["count"] for cell in run["cells"]), run["cells"]
        assert [cell["errors"] for cell in run["cells"] if cell["errors"]] == []

        # The calculator widget, rendered by the live kernel: type a new arrest time.
        arrested = page.locator(".jp-OutputArea .widget-text").filter(has_text="Arrested").locator("input")
        arrested.wait_for()
        assert arrested.input_value() == CASE.inputs["arrested_at"]
        page.wait_for_function(f"() => ({WIDGET_TABLE})() !== null")
        before = page.evaluate(WIDGET_TABLE)
        arrested.fill(NEW_ARREST)
        arrested.press("Enter")
        page.wait_for_function(f"before => JSON.stringify(({WIDGET_TABLE})()) !== JSON.stringify(before)",
                               arg=before, timeout=60_000)
        shown = {row["rule"]: row for row in page.evaluate(WIDGET_TABLE)}

        events = CASE.inputs["events"]
        expected = deadlines(NEW_ARREST, tz=CASE.inputs["tz"], foreigner=CASE.inputs["foreigner"],
                             protocol_at=events["protocol-3h"])
        assert set(shown) == {d.rule for d in expected}
        for deadline in expected:
            assert shown[deadline.rule]["due"] == format_moment(deadline.due), deadline.rule
        verdicts = audit(NEW_ARREST, events, tz=CASE.inputs["tz"], now=CASE.inputs["now"],
                         foreigner=CASE.inputs["foreigner"])
        assert {rule: row["status"] for rule, row in shown.items()} == {f.rule: f.status for f in verdicts}
    finally:
        context.close()
