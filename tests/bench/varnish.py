"""Start Varnish with the repository's VCL in front of a local backend (benchmarks)."""

import contextlib
import re
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "openly.vcl"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def vcl_for_backend(port):
    """The repository's VCL with its backend pointed at 127.0.0.1:``port``."""
    text = VCL.read_text()
    text = re.sub(r'(\.host\s*=\s*)"[^"]*"', r'\1"127.0.0.1"', text, count=1)
    return re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{port}"', text, count=1)


@contextlib.contextmanager
def running_varnish(folder, backend_port, memory="256m"):
    """varnishd in the foreground on a free 127.0.0.1 port; yields the port."""
    work = Path(tempfile.mkdtemp(prefix="varnish-", dir=folder))
    work.chmod(0o755)
    vcl = work / "openly.vcl"
    vcl.write_text(vcl_for_backend(backend_port))
    port = _free_port()
    process = subprocess.Popen(
        ["varnishd", "-F", "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-n", str(work / "n")]
        + ["-s", f"malloc,{memory}", "-T", "none"],
        stdout=subprocess.DEVNULL,
        stderr=(work / "varnishd.log").open("w"),
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if process.poll() is not None:
                raise RuntimeError("varnishd stopped while starting")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
