"""Socket Lab's tracer: reports a real Python program's select() calls to the lab.

Python imports `sitecustomize` at start-up from the first directory on
PYTHONPATH that has one, so putting this directory first loads the tracer into
any program without editing it. It does nothing unless the lab started the
program: SOCKETLAB_TRACE_FD names the descriptor of the lab's channel (a socket
pair the lab made; nothing else can connect to it).

What it reports, one JSON object per line: every `select.select()`,
`select.poll().poll()` and `select.epoll().poll()` call — so `selectors` and
asyncio's default loop too — with the interest passed in (as select()'s three
lists) and the sets returned or the exception raised; `accept`, `recv`,
`send`, `sendall` and `close` on the program's sockets (byte counts, peers,
exceptions); and an uncaught exception (the crash that ends the program).

With SOCKETLAB_TRACE_STEP=1 the program waits before each select() for the
lab's word: {"cmd": "go"} runs it, {"cmd": "probe"} answers what it would
return now without running it (select() with a zero timeout changes nothing),
{"cmd": "run"} stops waiting from then on.

The channel moves to the highest descriptor the process may open, so the
program's own descriptors are numbered as in an untraced run (the listening
socket is 3, as in a fresh process). Standard library only; Python 3.8+.
"""
import json
import os
import select as _select_module
import socket as _socket_module
import sys

# One encoder for every event: json.dumps with separators builds a new one per call.
_encode = json.JSONEncoder(separators=(',', ':')).encode

# Taken before the tracer wraps it: the channel's own waits are not the program's.
_REAL_POLL = getattr(_select_module, 'poll', None)
_CHANNEL_ENV = 'SOCKETLAB_TRACE_FD'
_STEP_ENV = 'SOCKETLAB_TRACE_STEP'


def _open_channel():
    raw = os.environ.pop(_CHANNEL_ENV, None)
    if raw is None:
        return None
    try:
        inherited = int(raw)
        import fcntl
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        # The highest number allowed: the program's own numbering stays as untraced.
        highest = soft - 1 if soft != resource.RLIM_INFINITY and soft > 64 else 4095
        fd = fcntl.fcntl(inherited, fcntl.F_DUPFD_CLOEXEC, highest)
        if fd != inherited:
            os.close(inherited)
        return fd
    except (ValueError, OSError):
        return None


class _Channel:
    """JSON lines to the lab, and its commands back, on a non-blocking descriptor.

    Writes wait when the lab reads slower than the program talks: the program slows
    down rather than anything growing. Commands are read as they come: a blocking
    wait only while the program is halted at a select() (Step mode).
    """

    def __init__(self, fd, stepping):
        self.fd = fd
        self.stepping = stepping
        self.dead = False
        # Lines wait here until the program's next select() call, then go in one write: a
        # syscall per pass of its loop, not per call. Before the first select() (or in a
        # program with none), each goes at once.
        self.outbox = []
        self.outbox_bytes = 0
        self.batching = False
        self.pending = b''
        self.commands = []
        os.set_blocking(fd, False)
        self.waiter = _REAL_POLL()
        self.waiter.register(fd, _select_module.POLLIN)

    def send(self, event):
        self.line(_encode(event))

    def line(self, text):
        """One event already written as JSON: the calls a loop makes most (recv, send) are formatted
        from their integers directly, at a fraction of a dict's encoding."""
        if self.dead:
            return
        self.outbox.append(text)
        self.outbox_bytes += len(text)
        if not self.batching or self.outbox_bytes > 65536:
            self.flush()

    def flush(self):
        if self.dead or not self.outbox:
            return
        data = ('\n'.join(self.outbox) + '\n').encode()
        self.outbox = []
        self.outbox_bytes = 0
        while data:
            try:
                data = data[os.write(self.fd, data):]
            except BlockingIOError:
                waiter = _REAL_POLL()
                waiter.register(self.fd, _select_module.POLLOUT)
                waiter.poll()
            except OSError:
                # The lab stopped listening: the program runs on, untraced.
                self.dead = True
                self.stepping = False
                return

    def _read(self, block):
        while not self.dead:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                if not block or self.commands:
                    return
                self.waiter.poll()
                continue
            except OSError:
                chunk = b''
            if not chunk:
                # The lab is gone: run untraced from here on.
                self.dead = True
                self.stepping = False
                self.commands.append({'cmd': 'run'})
                return
            self.pending += chunk
            while b'\n' in self.pending:
                line, self.pending = self.pending.split(b'\n', 1)
                try:
                    self.commands.append(json.loads(line))
                except ValueError:
                    pass
            if self.commands:
                return

    def poll_commands(self):
        """Run mode: takes a `step` (halt from now on) sent while the program ran, without waiting."""
        self._read(False)
        while self.commands and not self.stepping:
            if self.commands.pop(0).get('cmd') == 'step':
                self.stepping = True

    def command(self):
        self._read(True)
        return self.commands.pop(0) if self.commands else {'cmd': 'run'}


def _fd(item):
    return item if isinstance(item, int) else item.fileno()


def _fds(items):
    try:
        return [_fd(item) for item in items]
    except Exception:
        return []


def _errno_name(error):
    import errno

    return errno.errorcode.get(getattr(error, 'errno', None) or 0, '')


def _raised(channel, call, fd, error):
    channel.send({
        'ev': 'raise',
        'call': call,
        'fd': fd,
        'exc': type(error).__name__,
        'errno': _errno_name(error),
        'msg': str(error),
    })


_POLLIN = getattr(_select_module, 'POLLIN', 1)
_POLLPRI = getattr(_select_module, 'POLLPRI', 2)
_POLLOUT = getattr(_select_module, 'POLLOUT', 4)
_POLLERR = getattr(_select_module, 'POLLERR', 8)
_POLLHUP = getattr(_select_module, 'POLLHUP', 16)
_STDLIB = os.path.dirname(os.__file__)
_HERE = os.path.abspath(__file__)


def _caller():
    """The program's own line that asked: the first frame outside the standard library and this file."""
    frame = sys._getframe(2)
    while frame is not None:
        name = os.path.abspath(frame.f_code.co_filename)
        if name != _HERE and not name.startswith(_STDLIB):
            return [name, frame.f_lineno]
        frame = frame.f_back
    return None


def _interest(masks):
    """poll()/epoll() registrations as select()'s three lists."""
    r = [fd for fd, mask in masks.items() if mask & _POLLIN]
    w = [fd for fd, mask in masks.items() if mask & _POLLOUT]
    x = [fd for fd, mask in masks.items() if mask & _POLLPRI]
    return r, w, x


def _ready(events, masks):
    """poll()/epoll() results as select()'s three sets: an error or a hang-up reads as readable and writable."""
    r, w, x = [], [], []
    for fd, flags in events:
        mask = masks.get(fd, 0)
        if flags & (_POLLIN | _POLLHUP | _POLLERR) and mask & _POLLIN:
            r.append(fd)
        if flags & (_POLLOUT | _POLLERR) and mask & _POLLOUT:
            w.append(fd)
        if flags & _POLLPRI:
            x.append(fd)
    return r, w, x


def _install(channel):
    real_select = _select_module.select
    real_poll = _REAL_POLL
    real_epoll = getattr(_select_module, 'epoll', None)
    base = _socket_module.socket
    base_recv, base_send = base.recv, base.send

    def wait(api, interest, probe, run):
        """One call of the program's select(), poll() or epoll.poll(): the interest, the lab's word, the result."""
        r, w, x = interest
        channel.poll_commands()
        channel.send({'ev': 'select', 'api': api, 'r': r, 'w': w, 'x': x, 'at': _caller()})
        # The lab hears of this pass's calls, and of this call, before the program may block in it.
        channel.flush()
        channel.batching = True
        while channel.stepping:
            command = channel.command().get('cmd')
            if command == 'go':
                break
            if command == 'run':
                channel.stepping = False
            elif command == 'probe':
                try:
                    pr, pw, px = probe()
                    channel.send({'ev': 'probe', 'r': pr, 'w': pw, 'x': px})
                except Exception as error:
                    channel.send({'ev': 'probe', 'exc': type(error).__name__, 'msg': str(error)})
                channel.flush()
        try:
            result, (rr, rw, rx) = run()
        except Exception as error:
            _raised(channel, api, -1, error)
            raise
        channel.send({'ev': 'ready', 'r': rr, 'w': rw, 'x': rx})
        return result

    def traced_select(rlist, wlist, xlist, *timeout):
        def probe():
            r, w, x = real_select(rlist, wlist, xlist, 0)
            return _fds(r), _fds(w), _fds(x)

        def run():
            r, w, x = real_select(rlist, wlist, xlist, *timeout)
            return (r, w, x), (_fds(r), _fds(w), _fds(x))

        return wait('select', (_fds(rlist), _fds(wlist), _fds(xlist)), probe, run)

    class _Registrations:
        """What poll() and epoll() objects watch, by descriptor, kept beside the real object."""

        def __init__(self, real):
            self._real = real
            self._masks = {}

        def register(self, fd, *mask):
            fd = _fd(fd)
            self._real.register(fd, *mask)
            self._masks[fd] = mask[0] if mask else (_POLLIN | _POLLPRI | _POLLOUT)

        def modify(self, fd, mask):
            fd = _fd(fd)
            self._real.modify(fd, mask)
            self._masks[fd] = mask

        def unregister(self, fd):
            fd = _fd(fd)
            self._real.unregister(fd)
            self._masks.pop(fd, None)

        def _wait(self, api, timeout_args):
            real = self._real

            def probe():
                return _ready(real.poll(0), self._masks)

            def run():
                events = real.poll(*timeout_args)
                return events, _ready(events, self._masks)

            return wait(api, _interest(self._masks), probe, run)

    class TracedPoll(_Registrations):
        def poll(self, *timeout):
            return self._wait('poll', timeout)

    class TracedEpoll(_Registrations):
        def __init__(self, *args, **kwargs):
            super().__init__(real_epoll(*args, **kwargs))

        def poll(self, *args, **kwargs):
            if kwargs:
                args = (kwargs.get('timeout', -1), kwargs.get('maxevents', -1))
            return self._wait('epoll', args)

        def fileno(self):
            return self._real.fileno()

        def close(self):
            self._real.close()

        @property
        def closed(self):
            return self._real.closed

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

    class TracedSocket(base):
        """The program's sockets: socket.socket itself, reporting what each call did."""

        __slots__ = ()

        def listen(self, *backlog):
            super().listen(*backlog)
            host, port = self.getsockname()[:2]
            channel.send({
                'ev': 'listen',
                'fd': self.fileno(),
                'host': host,
                'port': port,
                'backlog': backlog[0] if backlog else None,
            })

        def accept(self):
            fd = self.fileno()
            try:
                connection, address = super().accept()
            except OSError as error:
                _raised(channel, 'accept', fd, error)
                raise
            channel.send({'ev': 'accept', 'fd': fd, 'new': connection.fileno(), 'peer': list(address[:2])})
            return connection, address

        def recv(self, size, *flags):
            fd = self.fileno()
            try:
                data = base_recv(self, size, *flags)
            except OSError as error:
                _raised(channel, 'recv', fd, error)
                raise
            channel.line('{"ev":"recv","fd":%d,"size":%d,"n":%d}' % (fd, size, len(data)))
            return data

        def send(self, data, *flags):
            fd = self.fileno()
            try:
                sent = base_send(self, data, *flags)
            except OSError as error:
                _raised(channel, 'send', fd, error)
                raise
            channel.line('{"ev":"send","fd":%d,"size":%d,"n":%d}' % (fd, len(data), sent))
            return sent

        def sendall(self, data, *flags):
            fd = self.fileno()
            try:
                super().sendall(data, *flags)
            except OSError as error:
                _raised(channel, 'sendall', fd, error)
                raise
            channel.send({'ev': 'send', 'fd': fd, 'size': len(data), 'n': len(data)})

        def close(self):
            fd = self.fileno()
            super().close()
            if fd >= 0:
                channel.send({'ev': 'close', 'fd': fd})

    # The program sees socket.socket, in reprs and tracebacks too.
    TracedSocket.__name__ = TracedSocket.__qualname__ = 'socket'
    TracedSocket.__module__ = 'socket'
    # socket.accept() builds the new socket from the module's global `socket`: this is it now.
    _socket_module.socket = TracedSocket
    _select_module.select = traced_select
    traced_poll = lambda: TracedPoll(real_poll())  # noqa: E731
    if real_poll is not None:
        _select_module.poll = traced_poll
    if real_epoll is not None:
        _select_module.epoll = TracedEpoll
    # selectors (and so asyncio) took these when it was imported, and `import socket` imports it.
    import selectors

    selectors.SelectSelector._select = staticmethod(traced_select)
    if hasattr(selectors, 'PollSelector'):
        selectors.PollSelector._selector_cls = staticmethod(traced_poll)
    if hasattr(selectors, 'EpollSelector'):
        selectors.EpollSelector._selector_cls = TracedEpoll

    previous_hook = sys.excepthook

    def crash_hook(kind, error, trace):
        import traceback

        text = ''.join(traceback.format_exception(kind, error, trace))
        try:
            channel.send({'ev': 'crash', 'exc': kind.__name__, 'msg': str(error), 'traceback': text})
            channel.flush()
        except OSError:
            pass
        previous_hook(kind, error, trace)

    sys.excepthook = crash_hook
    import atexit

    atexit.register(channel.flush)


def _chain_next_sitecustomize():
    """Runs the sitecustomize this one shadows, if there is one further along the path."""
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    path = [entry for entry in sys.path if os.path.abspath(entry or '.') != here]
    spec = importlib.machinery.PathFinder.find_spec('sitecustomize', path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def _main():
    fd = _open_channel()
    if fd is not None:
        channel = _Channel(fd, os.environ.pop(_STEP_ENV, '') == '1')
        channel.send({'ev': 'hello', 'pid': os.getpid(), 'python': sys.version.split()[0]})
        _install(channel)
    _chain_next_sitecustomize()


_main()
