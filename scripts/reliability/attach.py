"""Runs a scenario against a server this suite already started (e.g. after its start outlasted await_up's limit on
a loaded machine): attach.py <scenario> <name> <pid> <port> [suite options]."""
import os
import signal
import sys
import time

import common
import suite


class Attached:
    def __init__(self, pid):
        self.pid, self.returncode = pid, None

    def poll(self):
        try:
            os.kill(self.pid, 0)
            return None
        except ProcessLookupError:
            self.returncode = -9
            return self.returncode

    def send_signal(self, sig):
        os.kill(self.pid, sig)

    def wait(self, timeout=60):
        deadline = time.time() + timeout
        while self.poll() is None and time.time() < deadline:
            time.sleep(0.5)
        if self.poll() is None:
            raise TimeoutError


def main():
    scenario, name, pid, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    server = common.Server(name, data_dir=os.path.join(common.WORK, f"{name}-pg"))
    server.port, server.proc = port, Attached(pid)
    server.start = lambda: server
    suite.Server = lambda *args, **kwargs: server
    suite.fresh_dir = lambda dir_name: os.path.join(common.WORK, dir_name)
    sys.argv = [sys.argv[0], scenario] + sys.argv[5:]
    suite.main()


if __name__ == "__main__":
    main()
