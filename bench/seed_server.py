"""The tutorial's select() echo server, ported to Python 3 for `npm run bench`.

The loop below is the seed line for line (`queue` for Python 2's `Queue`), bugs
included: the ignored `send()` return, the KeyError when a socket is both
readable-EOF and writable, `listen(5)`. Only the harness around it differs, so
the benchmark can run it next to the engine:

  python3 bench/seed_server.py [port] [--nodelay] [--backlog=N]

binds 127.0.0.1 (the seed's 'localhost', without a name lookup) on `port`
(default 50000, as in the seed; 0 = any), prints "listening <port>" once bound,
and with --nodelay (off by default, as in the seed) sets TCP_NODELAY on each
accepted socket, so the bench can show what Nagle's algorithm costs the seed. --backlog=N
(5 by default, as in the seed) lets the bench admit all its clients at once when it measures
something other than listen(5) (what the tracer costs).
"""
import queue, select, socket, sys

port = int(next((a for a in sys.argv[1:] if not a.startswith('--')), '50000'))
nodelay = '--nodelay' in sys.argv[1:]
backlog = int(next((a.split('=', 1)[1] for a in sys.argv[1:] if a.startswith('--backlog=')), '5'))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setblocking(0)
server.bind(('127.0.0.1', port))
server.listen(backlog)
print('listening %d' % server.getsockname()[1], flush=True)
inputs = [server]
outputs = []
message_queues = {}

while inputs:
    readable, writable, exceptional = select.select(inputs, outputs, inputs)
    for s in readable:
        if s is server:
            connection, client_address = s.accept()
            connection.setblocking(0)
            if nodelay:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            inputs.append(connection)
            message_queues[connection] = queue.Queue()
        else:
            data = s.recv(1024)
            if data:
                message_queues[s].put(data)
                if s not in outputs:
                    outputs.append(s)
            else:
                if s in outputs:
                    outputs.remove(s)
                inputs.remove(s)
                s.close()
                del message_queues[s]

    for s in writable:
        try:
            next_msg = message_queues[s].get_nowait()
        except queue.Empty:
            outputs.remove(s)
        else:
            s.send(next_msg)

    for s in exceptional:
        inputs.remove(s)
        if s in outputs:
            outputs.remove(s)
        s.close()
        del message_queues[s]
