"""Socket Lab's tracer: reports a real Python program's select() calls to the lab.

Python imports `sitecustomize` at start-up from the first directory on
PYTHONPATH that has one, so putting this directory first loads the tracer into
any program without editing it. It does nothing unless the lab started the
program: SOCKETLAB_TRACE_FD names the descriptor of the lab's channel (a socket
pair the lab made; nothing else can connect to it).

What it reports, one JSON object per line: `select.select()` (the lists passed
in, then the sets returned or the exception raised), and `accept`, `recv`,
`send`, `sendall` and `close` on the program's sockets (byte counts, peers,
exceptions), and an uncaught exception (the crash that ends the program).

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
        os.set_blocking(fd, True)
        return fd
    except (ValueError, OSError):
        return None


class _Channel:
    def __init__(self, fd, stepping):
        self.fd = fd
        self.stepping = stepping
        self.pending = b''

    def send(self, event):
        data = (json.dumps(event, separators=(',', ':')) + '\n').encode()
        while data:
            written = os.write(self.fd, data)
            data = data[written:]

    def command(self):
        while b'\n' not in self.pending:
            chunk = os.read(self.fd, 4096)
            if not chunk:
                # The lab is gone: run untraced from here on.
                self.stepping = False
                return {'cmd': 'run'}
            self.pending += chunk
        line, self.pending = self.pending.split(b'\n', 1)
        try:
            return json.loads(line)
        except ValueError:
            return {'cmd': 'run'}


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


def _install(channel):
    real_select = _select_module.select
    base = _socket_module.socket

    def traced_select(rlist, wlist, xlist, *timeout):
        channel.send({'ev': 'select', 'r': _fds(rlist), 'w': _fds(wlist), 'x': _fds(xlist)})
        while channel.stepping:
            command = channel.command().get('cmd')
            if command == 'go':
                break
            if command == 'run':
                channel.stepping = False
            elif command == 'probe':
                try:
                    r, w, x = real_select(rlist, wlist, xlist, 0)
                    channel.send({'ev': 'probe', 'r': _fds(r), 'w': _fds(w), 'x': _fds(x)})
                except Exception as error:
                    channel.send({'ev': 'probe', 'exc': type(error).__name__, 'msg': str(error)})
        try:
            r, w, x = real_select(rlist, wlist, xlist, *timeout)
        except Exception as error:
            _raised(channel, 'select', -1, error)
            raise
        channel.send({'ev': 'ready', 'r': _fds(r), 'w': _fds(w), 'x': _fds(x)})
        return r, w, x

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
                data = super().recv(size, *flags)
            except OSError as error:
                _raised(channel, 'recv', fd, error)
                raise
            channel.send({'ev': 'recv', 'fd': fd, 'size': size, 'n': len(data)})
            return data

        def send(self, data, *flags):
            fd = self.fileno()
            try:
                sent = super().send(data, *flags)
            except OSError as error:
                _raised(channel, 'send', fd, error)
                raise
            channel.send({'ev': 'send', 'fd': fd, 'size': len(data), 'n': sent})
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

    # socket.accept() builds the new socket from the module's global `socket`: this is it now.
    _socket_module.socket = TracedSocket
    _select_module.select = traced_select

    previous_hook = sys.excepthook

    def crash_hook(kind, error, trace):
        import traceback

        text = ''.join(traceback.format_exception(kind, error, trace))
        try:
            channel.send({'ev': 'crash', 'exc': kind.__name__, 'msg': str(error), 'traceback': text})
        except OSError:
            pass
        previous_hook(kind, error, trace)

    sys.excepthook = crash_hook


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
