"""Open a local page in headless Debian chromium and record what it did, over the DevTools protocol.

Every request the page starts (Network.requestWillBeSent), every console error, uncaught
exception and browser log error is recorded. The browser also runs behind a proxy address
that refuses connections, so a request that slipped past the record still could not leave
the machine.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Flags from ../shared/STACK.md: headless as root, and none of the browser's own traffic.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
         "--disable-extensions", "--mute-audio",
         # nothing listens on port 9 (discard): any proxied request fails at once, locally
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "chrome:", "devtools:")
_DEVTOOLS_URL = re.compile(r"DevTools listening on (ws://\S+)")
STARTUP_SECONDS = 60
LOAD_SECONDS = 60


@dataclass
class PageVisit:
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    results: dict[str, object] = field(default_factory=dict)  # expression -> value

    @property
    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


class _DevTools:
    def __init__(self, websocket_url: str) -> None:
        from websockets.sync.client import connect

        self.socket = connect(websocket_url, max_size=None, open_timeout=STARTUP_SECONDS)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, session: str | None = None, timeout: float = LOAD_SECONDS, **params: object) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = LOAD_SECONDS) -> None:
        if any(event.get("method") == method for event in self.events):
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            self.events.append(event)
            if event.get("method") == method:
                return
        raise TimeoutError(f"no {method} within {timeout} s")

    def drain(self, seconds: float) -> None:
        """Collect events for a little longer (late script errors, deferred requests)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self.events.append(json.loads(self.socket.recv(timeout=left)))
            except TimeoutError:
                return


def visit(page: Path, evaluate: list[str], screenshot: Path | None = None, settle_seconds: float = 1.0) -> PageVisit:
    """Load page, evaluate each JavaScript expression after the load event, optionally save a PNG."""
    profile = Path(tempfile.mkdtemp(prefix="newswire-chromium-"))
    process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                "--window-size=1280,2000", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        websocket_url = _devtools_url(process)
        tools = _DevTools(websocket_url)
        target = tools.call("Target.createTarget", url="about:blank")["targetId"]
        session = tools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            tools.call(f"{domain}.enable", session)
        url = page.resolve().as_uri()
        tools.call("Page.navigate", session, url=url)
        tools.wait_for("Page.loadEventFired")
        tools.drain(settle_seconds)
        result = PageVisit(url)
        for expression in evaluate:
            value = tools.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
            result.results[expression] = value.get("result", {}).get("value")
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = tools.call("Page.captureScreenshot", session, format="png", captureBeyondViewport=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        _record(tools.events, result)
        tools.socket.close()
        return result
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(profile, ignore_errors=True)


def _devtools_url(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    seen = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if match := _DEVTOOLS_URL.search(line):
            # keep reading, or chromium blocks once its log fills the pipe
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return match.group(1)
    raise RuntimeError("chromium did not start its DevTools endpoint:\n" + "".join(seen[-20:]))


def _record(events: list[dict], result: PageVisit) -> None:
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            result.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            result.errors.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            result.errors.append("console: " + " ".join(str(arg.get("value", arg.get("description")))
                                                          for arg in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            result.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            result.errors.append(f"failed request: {params.get('errorText')} (request {params.get('requestId')})")
