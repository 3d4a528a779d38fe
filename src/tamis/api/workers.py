"""Worker processes of the HTTP service, each listening on a socket of its own.

uvicorn's workers share one listening socket, and whichever is first to wake accepts
every connection waiting at that moment: when fifty keep-alive clients connect at once,
one worker may take forty-six of them and keep them for good, and its queue, not the
machine, then sets the latency. Here each worker gets its own socket on the same address
(``SO_REUSEPORT``), and the kernel spreads new connections over the sockets by a hash of
their addresses, so each worker serves about its share.

The supervisor is uvicorn's (health checks, restarts, signals), with each worker slot
tied to its socket.
"""

from __future__ import annotations

import socket
import sys

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process, logger


def balanced_workers_supported() -> bool:
    """Whether the kernel spreads connections over sockets sharing a port (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    """A socket listening on ``host:port`` that other such sockets may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class BalancedMultiprocess(Multiprocess):
    """uvicorn's supervisor, with worker ``k`` always serving ``sockets[k]``."""

    def _start(self, slot: int) -> Process:
        process = Process(self.config, [self.sockets[slot]])
        process.start()
        return process

    def init_processes(self) -> None:
        for slot in range(self.processes_num):
            self.processes.append(self._start(slot))

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for slot, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()  # hung: kill it
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                # broken app or settings: every restart would fail the same way
                logger.error(f"Worker [{process.pid}] failed to start, stopping.")
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            logger.info(f"Worker [{process.pid}] died, starting another")
            self.processes[slot] = self._start(slot)

    def restart_all(self) -> None:
        """Replaces each worker, the new one in service before the old one retires."""
        for slot, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new = self._start(slot)
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                if not self.should_exit.is_set():
                    logger.error(f"Worker [{new.pid}] was not ready in time; restart aborted.")
                return
            old.terminate()
            old.join()
            self.processes[slot] = new

    def handle_ttin(self) -> None:
        logger.info("Received SIGTTIN: the number of workers is fixed by --workers.")

    def handle_ttou(self) -> None:
        logger.info("Received SIGTTOU: the number of workers is fixed by --workers.")


def run_balanced(config: Config) -> None:
    """Serves ``config`` (its app given as an import string) with ``config.workers``
    workers, one listening socket each."""
    sockets = [
        listening_socket(config.host, config.port, config.backlog) for _ in range(config.workers)
    ]
    try:
        BalancedMultiprocess(config, sockets=sockets).run()
    finally:
        for sock in sockets:
            sock.close()
