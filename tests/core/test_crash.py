"""Kill the store's writer with SIGKILL at random moments, 200 times: nothing acknowledged is lost.

The child drives the same Store methods the GUI calls and acknowledges each
action after the method returns. The parent checks the file after every kill:
integrity is ok, and the spans present are exactly those of the acknowledged
actions, plus at most the one action that was in flight.
"""
import os
import random
import signal
import time

from annotator.core.model import Document, Span
from annotator.core.store import open_project

KILLS = 200
WORD = "كلمة "


def effect(numbers) -> set[int]:
    """Spans present after actions ``numbers``: n adds span n, except every third deletes n-2."""
    present = set()
    for n in numbers:
        if n % 3 == 2:
            present.discard(n - 2)
        else:
            present.add(n)
    return present


def act(store, n: int) -> None:
    if n % 3 == 2:
        victim = next((s for s in store.spans("doc") if s.attributes.get("n") == n - 2), None)
        if victim is not None:
            store.delete_span(victim.id)
    else:
        store.add_span(Span(doc_id="doc", start=n * 5, end=n * 5 + 4, label="PERS", attributes={"n": n}))
        if n % 10 == 0:
            store.set_status("doc", "in_progress" if n % 20 else "done")


def child(path, first: int, pipe: int) -> None:
    store = open_project(path, annotator="crash")
    n = first
    while True:
        act(store, n)
        os.write(pipe, f"{n}\n".encode())
        n += 1


def test_no_acknowledged_action_is_lost_across_200_kills(tmp_path):
    path = tmp_path / "crash.db"
    setup = open_project(path)
    setup.add_document(Document(id="doc", text=WORD * 20_000))
    setup.close()
    rng = random.Random(1234)
    history: list[int] = []
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:                       # the child never returns into pytest
            os.close(read_end)
            try:
                child(path, len(history), write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end) as acks:
            acknowledged = [int(line) for line in acks.read().split()]
        assert acknowledged == list(range(len(history), len(history) + len(acknowledged)))
        history += acknowledged
        store = open_project(path)
        try:
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            present = {s.attributes["n"] for s in store.spans("doc")}
        finally:
            store.close()
        in_flight = len(history)
        if present == effect(history + [in_flight]) and present != effect(history):
            history.append(in_flight)      # committed, killed before it could say so
        assert present == effect(history)
    assert len(history) > KILLS            # the children really got work done between kills
    print(f"{len(history)} actions acknowledged across {KILLS} kills")
