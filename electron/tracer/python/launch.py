"""Starts a program for Socket Lab's tracer with the descriptors of a fresh process.

  python3 -S launch.py program.py [args...]

A process the lab starts can inherit stray descriptors from it (a pipe without
close-on-exec in Node or Electron, say), and they would shift the numbers the
program's sockets get. This closes every descriptor but 0, 1, 2 and the lab's
channel (SOCKETLAB_TRACE_FD), then becomes `python3 program.py args...`, which
loads the tracer (sitecustomize.py, beside this file, on PYTHONPATH). Run it
with -S, so that it does not load the tracer itself.
"""
import os
import sys

channel = int(os.environ.get('SOCKETLAB_TRACE_FD', '-1'))
try:
    import resource

    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if limit == resource.RLIM_INFINITY or limit > 1 << 20:
        limit = 1 << 20
except ImportError:
    limit = 4096
if channel >= 3:
    os.closerange(3, channel)
    os.closerange(channel + 1, limit)
else:
    os.closerange(3, limit)
os.execv(sys.executable, [sys.executable] + sys.argv[1:])
