"""Child processes of a build. They end with it: a killed build leaves no workers or
writers."""
from __future__ import annotations

import os
import pickle
import signal
import traceback


def end_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG);
    elsewhere nothing happens."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    except Exception:
        pass


class Forked:
    """``fn()`` run in a forked child while the caller goes on; calling the object waits
    for the child and gives ``fn()``'s result (or raises its error). The build writes its
    two big files on two cores this way, and loads the analysis of a new day while it
    finds what changed. Without ``os.fork``, or when ``fork`` is false, ``fn`` runs at
    once."""

    def __init__(self, fn, fork: bool = True):
        self.pid = None
        if not fork or not hasattr(os, "fork"):
            self._result = fn()
            return
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:   # the child: never returns
            code = 0
            try:
                os.close(r)
                end_with_parent()
                try:
                    out = (True, fn())
                except BaseException:
                    out, code = (False, traceback.format_exc()), 1
                with os.fdopen(w, "wb") as f:
                    pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(code)   # no cleanup: the parent's open files are the parent's
        os.close(w)
        self.pid, self._pipe = pid, r

    def __call__(self):
        if self.pid is None:
            return self._result
        with os.fdopen(self._pipe, "rb") as f:
            data = f.read()
        os.waitpid(self.pid, 0)
        self.pid = None
        ok, value = pickle.loads(data) if data else (False, "the child process died")
        if not ok:
            raise RuntimeError(f"a child process failed:\n{value}")
        self._result = value
        return value

    def cancel(self) -> None:
        """End the child at once, its work not wanted."""
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.close(self._pipe)
            os.waitpid(self.pid, 0)
            self.pid, self._result = None, None
