"""Lockstep TCP clients for the differential tests (Linux only).

Reads one JSON command per line on stdin, does it, waits until the server's
kernel holds the result, and answers one JSON line on stdout. Waiting on the
kernel, not on time, is what makes a script mean the same thing to every
server: when a command is answered, the server's next select() sees it.

  {"op": "connect", "names": [...], "port": P}  connect each; wait until each
        is established with the server's side in its accept queue, or has its
        SYN dropped by a full queue (SYN_SENT): answers their states and ports
  {"op": "send", "name": n, "text": "hello"} or {"size": 3000}
        send all; wait until the server's kernel acknowledged every byte
  {"op": "shutdown", "name": n}   shut the write side; wait until the FIN is acknowledged
  {"op": "close", "name": n}      close; wait until the FIN is acknowledged (FIN_WAIT2)
  {"op": "reset", "name": n}      close with SO_LINGER 0 (an RST); wait until
                                   the server's side of the connection is gone
  {"op": "recv", "name": n, "size": N}  read exactly N bytes (the echo)
  {"op": "listen_queue", "port": P}     connections in P's accept queue, and
        how many of our clients wait past it
  {"op": "wait_listen_queue", "port": P, "at_least": N}
  {"op": "quit"}
"""
import json
import socket
import struct
import sys
import time

STATE = {'ESTABLISHED': 0x01, 'SYN_SENT': 0x02, 'SYN_RECV': 0x03, 'FIN_WAIT2': 0x05, 'LISTEN': 0x0A}
DEADLINE_S = 10.0
SIOCOUTQ = 0x5411  # TIOCOUTQ: bytes sent and not yet acknowledged

clients = {}


def tcp_table():
    """(local port, remote port) -> (state, tx queue, rx queue), from /proc/net/tcp and tcp6."""
    table = {}
    for path in ('/proc/net/tcp', '/proc/net/tcp6'):
        try:
            with open(path) as f:
                lines = f.read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local = int(fields[1].split(':')[1], 16)
            remote = int(fields[2].split(':')[1], 16)
            tx, rx = (int(x, 16) for x in fields[4].split(':'))
            table[(local, remote)] = (int(fields[3], 16), tx, rx)
    return table


def tcp_state(sock):
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0]


def unacked(sock):
    import fcntl

    return struct.unpack('i', fcntl.ioctl(sock.fileno(), SIOCOUTQ, b'\0\0\0\0'))[0]


def wait_until(condition, what):
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError('timed out waiting for ' + what)
        time.sleep(0.001)


def connect(names, port):
    opened = []
    for name in names:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(('127.0.0.1', port))
        clients[name] = sock
        opened.append((name, sock))

    def settled():
        table = tcp_table()
        listener = table.get((port, 0))
        # A listener's tx_queue is its backlog in /proc/net/tcp, its rx_queue the connections
        # waiting: past backlog + 1 the kernel drops SYNs, so a client in SYN_SENT then is
        # settled (it waits for its retry). Otherwise its SYN is just not answered yet.
        full = listener is not None and listener[2] > listener[1]
        for _name, sock in opened:
            state = tcp_state(sock)
            if state == STATE['SYN_SENT'] and full:
                continue
            if state != STATE['ESTABLISHED']:
                return False
            server_side = table.get((port, sock.getsockname()[1]))
            if server_side is None or server_side[0] != STATE['ESTABLISHED']:
                return False
        return True

    wait_until(settled, 'the connections to settle')
    states = {}
    for name, sock in opened:
        states[name] = 'syn-sent' if tcp_state(sock) == STATE['SYN_SENT'] else 'established'
        sock.setblocking(True)
    return {'states': states, 'ports': {name: sock.getsockname()[1] for name, sock in opened}}


def send(name, data):
    sock = clients[name]
    sock.sendall(data)
    wait_until(lambda: unacked(sock) == 0, 'the server to acknowledge the bytes')
    return {}


def shutdown(name):
    sock = clients[name]
    sock.shutdown(socket.SHUT_WR)
    wait_until(lambda: tcp_state(sock) == STATE['FIN_WAIT2'], 'the server to acknowledge the FIN')
    return {}


def close(name):
    sock = clients.pop(name)
    ends = sock.getsockname()[1], sock.getpeername()[1]
    sock.close()

    def acknowledged():
        entry = tcp_table().get(ends)
        # Closed with unread bytes, it sent an RST instead and is gone at once.
        return entry is None or entry[0] == STATE['FIN_WAIT2']

    wait_until(acknowledged, 'the server to acknowledge the close')
    return {}


def reset(name):
    sock = clients.pop(name)
    local, remote = sock.getsockname()[1], sock.getpeername()[1]
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    sock.close()
    wait_until(lambda: (remote, local) not in tcp_table(), 'the reset to reach the server')
    return {}


def recv(name, size):
    sock = clients[name]
    sock.settimeout(DEADLINE_S)
    data = b''
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return {'n': len(data), 'text': data[:64].decode('latin-1')}


def listen_queue(port):
    """The accept queue's length, and how many of our clients the server's kernel holds past it.

    Past it: a client still in SYN_SENT (its SYN was dropped), or one whose final ACK
    was dropped (the server holds only a request for it, in SYN_RECV).
    """
    table = tcp_table()
    listeners = [v for (local, _r), v in table.items() if local == port and v[0] == STATE['LISTEN']]
    past = 0
    for sock in clients.values():
        server_side = table.get((port, sock.getsockname()[1]))
        if server_side is None or server_side[0] != STATE['ESTABLISHED']:
            past += 1
    return {'queued': listeners[0][2] if listeners else None, 'waiting': past}


def wait_listen_queue(port, at_least):
    wait_until(lambda: (listen_queue(port)['queued'] or 0) >= at_least, 'connections in the accept queue')
    return listen_queue(port)


def handle(command):
    op = command['op']
    if op == 'connect':
        return connect(command['names'], command['port'])
    if op == 'send':
        data = command['text'].encode() if 'text' in command else bytes(i % 251 for i in range(command['size']))
        return send(command['name'], data)
    if op == 'shutdown':
        return shutdown(command['name'])
    if op == 'close':
        return close(command['name'])
    if op == 'reset':
        return reset(command['name'])
    if op == 'recv':
        return recv(command['name'], command['size'])
    if op == 'listen_queue':
        return listen_queue(command['port'])
    if op == 'wait_listen_queue':
        return wait_listen_queue(command['port'], command['at_least'])
    raise ValueError('unknown op ' + op)


def main():
    for line in sys.stdin:
        command = json.loads(line)
        if command['op'] == 'quit':
            break
        try:
            answer = dict(handle(command), ok=True)
        except Exception as error:
            answer = {'ok': False, 'error': '%s: %s' % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
