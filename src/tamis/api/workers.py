"""Worker processes of the HTTP service, with connections dealt out by the supervisor.

uvicorn's workers share one listening socket, and whichever is first to wake accepts
every connection waiting at that moment: when fifty keep-alive clients connect at once,
one worker may take forty-six of them and keep them for good, and its queue, not the
machine, then sets the latency. A socket per worker sharing the port (``SO_REUSEPORT``)
lets the kernel spread connections by a hash of their addresses, which is fair only on
average: fifty clients split 23/27 or worse, and the worker with the larger share is
the one that falls behind first under load.

Here the supervisor alone listens. It accepts each connection and passes it, as a file
descriptor over a Unix socket (``SCM_RIGHTS``), to the next worker in turn whose app is
ready (the scheme Node.js's cluster module uses by default), and each
worker serves what it is handed on its own event loop. Connections are dealt out
evenly, and none waits for a worker that is still loading its index while another is
ready. The supervisor is otherwise uvicorn's (health checks, restarts, signals).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import sys
import threading
import time
from collections.abc import Callable

from uvicorn import Config, Server
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process, logger

from tamis.errors import InputError

#: the key under which an app's lifespan state may hold a callable telling whether the
#: app is ready to serve (its index built)
READY_STATE_KEY = "tamis.ready"

#: how long the supervisor waits to pass a connection to a worker whose channel is
#: full (a hung worker) before trying the next one
HANDOFF_TIMEOUT_SECONDS = 2.0


def balanced_workers_supported() -> bool:
    """Whether connections can be passed between processes as this module does
    (Unix sockets of the ``SOCK_SEQPACKET`` kind carrying descriptors: Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "send_fds")


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    """A TCP socket listening on ``host:port``; :class:`InputError` if that address
    cannot be had (in use, not this machine's)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


# -- in each worker ------------------------------------------------------------------
class _Handoff:
    """A worker's end of its channel, standing in the server's list of listeners so that
    uvicorn's shutdown stops taking connections from it as it would close a listener."""

    def __init__(
        self, channel: socket.socket, create_protocol: Callable[[], asyncio.Protocol]
    ) -> None:
        self.channel = channel
        self.create_protocol = create_protocol
        self.loop = asyncio.get_running_loop()
        self.open = True
        self.connecting: set[asyncio.Task] = set()  # the loop keeps only weak references
        channel.setblocking(False)
        self.loop.add_reader(channel.fileno(), self._receive)

    def _receive(self) -> None:
        while self.open:
            try:
                message, fds, _, _ = socket.recv_fds(self.channel, 1, 1)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                self.close()
                return
            if not message and not fds:  # the supervisor is gone
                self.close()
                return
            for fd in fds:
                task = self.loop.create_task(self._serve(socket.socket(fileno=fd)))
                self.connecting.add(task)
                task.add_done_callback(self.connecting.discard)

    async def _serve(self, connection: socket.socket) -> None:
        try:
            await self.loop.connect_accepted_socket(self.create_protocol, connection)
        except OSError:  # the client left before it was served
            connection.close()

    def close(self) -> None:
        if self.open:
            self.open = False
            self.loop.remove_reader(self.channel.fileno())

    async def wait_closed(self) -> None:
        return None


class HandedServer(Server):
    """A uvicorn server that serves the connections arriving on its channel (the one
    socket it is given) instead of listening itself.

    It reports itself started (to the supervisor's health check) only once the app
    says it is ready, when the app's lifespan state holds a :data:`READY_STATE_KEY`
    callable: until then the supervisor hands connections to the workers that are."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app's start-up, no listener
        if not self.started:
            return
        ready = self.lifespan.state.get(READY_STATE_KEY)
        if ready is not None and not ready():
            self.started = False
            self._readiness = asyncio.create_task(self._started_when(ready))
        config = self.config

        def create_protocol(_loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Protocol:
            return config.http_protocol_class(  # type: ignore[call-arg]
                config=config,
                server_state=self.server_state,
                app_state=self.lifespan.state,
                _loop=_loop,
            )

        for channel in sockets or []:
            self.servers.append(_Handoff(channel, create_protocol))  # type: ignore[arg-type]

    async def _started_when(self, ready: Callable[[], bool]) -> None:
        while not ready() and not self.should_exit:
            await asyncio.sleep(0.2)
        self.started = True


class HandedProcess(Process):
    """A uvicorn worker process running a :class:`HandedServer`."""

    @property
    def server(self) -> Server:
        if self._server is None:
            self._server = HandedServer(config=self.config)
        return self._server


# -- in the supervisor ---------------------------------------------------------------
class HandingMultiprocess(Multiprocess):
    """uvicorn's supervisor, accepting connections itself and dealing them out to the
    workers in turn, each over a channel of its own."""

    def __init__(self, config: Config, listener: socket.socket) -> None:
        super().__init__(config, sockets=[])
        self.listener = listener
        self.channels: list[socket.socket | None] = [None] * self.processes_num
        self.ready = [False] * self.processes_num

    # -- workers
    def _spawn(self) -> tuple[Process, socket.socket]:
        """A new worker and the supervisor's end of its channel."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        ours.settimeout(HANDOFF_TIMEOUT_SECONDS)
        process = HandedProcess(self.config, [theirs])
        process.start()
        theirs.close()  # the worker has its own copy now
        return process, ours

    def _start(self, slot: int) -> Process:
        process, channel = self._spawn()
        self.ready[slot] = False
        old, self.channels[slot] = self.channels[slot], channel
        if old is not None:
            old.close()
        return process

    def init_processes(self) -> None:
        for slot in range(self.processes_num):
            self.processes.append(self._start(slot))
        threading.Thread(target=self._deal, name="tamis-handoff", daemon=True).start()

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for slot, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                if not self.ready[slot]:
                    self.ready[slot] = process.is_ready(timeout=1)
                continue
            self.ready[slot] = False
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
        """Replaces each worker, the new one in service before the old one retires (its
        connections close as they finish their requests; clients reconnect)."""
        for slot, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new, ours = self._spawn()
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                ours.close()
                if not self.should_exit.is_set():
                    logger.error(f"Worker [{new.pid}] was not ready in time; restart aborted.")
                return
            retired, self.channels[slot] = self.channels[slot], ours
            self.processes[slot] = new
            self.ready[slot] = True
            old.terminate()
            old.join()
            if retired is not None:
                retired.close()

    def terminate_all(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.listener.close()
        super().terminate_all()

    def handle_ttin(self) -> None:
        logger.info("Received SIGTTIN: the number of workers is fixed by --workers.")

    def handle_ttou(self) -> None:
        logger.info("Received SIGTTOU: the number of workers is fixed by --workers.")

    # -- connections
    def _deal(self) -> None:
        """Accepts connections and hands each to the next ready worker (any worker
        while none is ready: it serves the connection once it is)."""
        turns = itertools.cycle(range(self.processes_num))
        while not self.should_exit.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                if self.should_exit.is_set() or self.listener.fileno() < 0:
                    return
                time.sleep(0.05)  # out of descriptors, say: let some close first
                continue
            with contextlib.closing(connection):
                try:
                    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    self._hand(connection, turns)
                except OSError:  # the client is gone already
                    continue
                except Exception:  # never let one connection stop the dealing
                    logger.exception("Could not hand a connection to a worker.")

    def _hand(self, connection: socket.socket, turns: itertools.cycle) -> None:
        anyone = not any(self.ready)
        for _ in range(2 * self.processes_num):
            slot = next(turns)
            channel = self.channels[slot]
            if channel is None or not (anyone or self.ready[slot]):
                continue
            try:
                socket.send_fds(channel, [b"c"], [connection.fileno()])
            except OSError:  # the worker is gone or stuck: the next one takes it
                continue
            return
        logger.warning("No worker could take a connection; closing it.")


def run_balanced(config: Config, listener: socket.socket) -> None:
    """Serves ``config`` (its app given as an import string) with ``config.workers``
    workers, the supervisor dealing out the connections ``listener`` accepts."""
    try:
        HandingMultiprocess(config, listener).run()
    finally:
        listener.close()
