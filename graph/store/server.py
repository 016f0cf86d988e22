"""The project's own Neo4j server (``scripts/neo4j.sh``): started, stopped and found
without exporting anything. ``govkg neo4j start`` runs it in ``GOVKG_NEO4J_DIR``
(default ``~/.cache/govkg/neo4j-run``), with Neo4j Browser on 127.0.0.1 styled as the
page (each label's colour, the name as caption); the URI, the pid and the Browser's
address are in ``DIR/neo4j.state``, a generated password in ``DIR/password``. Push,
query, ``build --neo4j`` and the notebooks use that server when no URI is given, and
its password when ``NEO4J_PASSWORD`` is not set: what is set always wins.
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..schema import COLORS, LABELS

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "neo4j.sh"


def home() -> Path:
    """The folder of the project's server."""
    if os.environ.get("GOVKG_NEO4J_DIR"):
        return Path(os.environ["GOVKG_NEO4J_DIR"]).expanduser()
    cache = Path(os.environ.get("GOVKG_CACHE") or Path.home() / ".cache" / "govkg").expanduser()
    return cache / "neo4j-run"


@dataclass
class Server:
    uri: str
    pid: int
    dir: Path
    browser: str | None

    @property
    def password_file(self) -> Path:
        return self.dir / "password"

    def password(self) -> str | None:
        try:
            return self.password_file.read_text("utf-8").strip() or None
        except OSError:
            return None


def running(folder: Path | None = None) -> Server | None:
    """The server running in ``folder`` (default ``home()``), or None."""
    folder = Path(folder) if folder else home()
    try:
        state = dict(line.split("=", 1) for line in (folder / "neo4j.state").read_text("utf-8").splitlines() if "=" in line)
        pid = int(state["PID"])
        os.kill(pid, 0)
    except (OSError, KeyError, ValueError):
        return None
    return Server(state["URI"], pid, folder, state.get("BROWSER") or None)


def browser_style() -> str:
    """Neo4j Browser's graph style (the JSON form of a .grass file): each label in the
    page's colour, captioned with the name; relationships by their type."""
    style = {"node": {"diameter": "50px", "color": "#A5ABB6", "caption": "{name}"},
             "relationship": {"caption": "<type>"}}
    for label in LABELS:
        style[f"node.{label}"] = {"color": COLORS[label], "border-color": COLORS[label], "caption": "{name}",
                                  "text-color-internal": "#FFFFFF"}
    return json.dumps(style, separators=(",", ":"))


def script(command: str, folder: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``scripts/neo4j.sh COMMAND DIR``."""
    return subprocess.run(["bash", str(SCRIPT), command, str(Path(folder) if folder else home())],
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def start(folder: Path | None = None) -> tuple[Server | None, str]:
    """Start (or find) the server; (the server, the script's messages)."""
    r = script("start", folder, {"NEO4J_BROWSER_STYLE": browser_style(), "NEO4J_BOLT_PORT": os.environ.get("NEO4J_BOLT_PORT", "")})
    return running(folder), r.stderr.strip()


def stop(folder: Path | None = None) -> str:
    return script("stop", folder).stderr.strip()
