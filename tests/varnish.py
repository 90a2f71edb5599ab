"""Start a real varnishd with the repository's VCL (deploy/varnish/openly.vcl) in front of a
local backend, for the Varnish tests and the throughput benchmark.

The two files an operator edits are written for the run: the backend (without its health
probe, unless asked for) and no purger besides this machine. varnishd runs in the
foreground on a free 127.0.0.1 port in a temporary working folder and is stopped afterwards.
"""

import contextlib
import shutil
import socket
import subprocess
import time
from pathlib import Path

VCL_DIR = Path(__file__).resolve().parents[1] / "deploy" / "varnish"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, name, output=None, seconds=30):
    """Wait until the local program ``name`` (started as ``process``) listens on ``port``;
    if it stops first, say so with what ``output()`` returns (else its exit status)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = output() if output else f"exit {process.returncode}"
            raise RuntimeError(f"{name} stopped: {said}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not start listening")


def stop(process, seconds=10):
    """Stop a local program started for a test: asked first, killed if it has not gone
    after ``seconds``."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _backend_with_probe(backend_host, backend_port):
    """The repository's own openly-backend.vcl (with its /health/ probe), pointed at the
    given backend."""
    text = (VCL_DIR / "openly-backend.vcl").read_text()
    pointed = text.replace('.host = "127.0.0.1";', f'.host = "{backend_host}";', 1)
    pointed = pointed.replace('.port = "8000";', f'.port = "{backend_port}";', 1)
    if f'"{backend_port}"' not in pointed:
        raise RuntimeError("deploy/varnish/openly-backend.vcl no longer names port 8000")
    return pointed


@contextlib.contextmanager
def running_varnish(folder, backend_host, backend_port, memory="32m", probe=False):
    """varnishd in front of ``backend_host:backend_port``; yields the port it listens on.
    With ``probe``, the backend is the repository's file with its health probe (a backend
    that fails it is sick: Varnish then serves stale copies or 503)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "openly-backend.vcl").write_text(
        _backend_with_probe(backend_host, backend_port)
        if probe
        else f'backend default {{ .host = "{backend_host}"; .port = "{backend_port}"; }}\n'
    )
    (folder / "openly-purgers.vcl").write_text("acl openly_purgers {\n}\n")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [VARNISHD, "-F", "-j", "none", "-n", str(folder / "work"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(VCL_DIR / "openly.vcl"), "-p", f"vcl_path={folder}:{VCL_DIR}"]
        + ["-s", f"malloc,{memory}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, process, "varnishd", process.stdout.read)
        yield port
    finally:
        stop(process)
