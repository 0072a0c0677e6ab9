"""The secretary's last rating and "Chốt xếp loại" sent at the same moment (two phones, two
requests in two threads on the same database): the finished year still holds the cap on
"xuất sắc" — the rating either lands before the count, or is refused after the lock."""

import threading

from sqlalchemy import event, select

from handbook.extensions import db
from handbook.year.access import this_year
from handbook.year.levels import over_cap
from handbook.year.models import CellYear, Rating
from tests.conftest import Auth
from tests.year_factories import rating_data

YEAR = this_year()
PATIENCE = 30  # seconds a thread waits for the other before giving up; never reached when it works


def in_thread(app, name, request, results):
    def run():
        try:
            with app.app_context():
                results[name] = request().status_code
        except Exception as error:  # noqa: BLE001 - reported by the test, not lost in the thread
            results[name] = error

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


def test_a_rating_sent_with_finish_cannot_lift_the_finished_year_over_the_cap(app, client, auth, world):
    users, cell = world["users"], world["cell1"]
    auth.login("bithu")
    for name in ("bithu", "dangvien", "dangvien2"):
        client.post(f"/year/{YEAR}/cells/{cell.id}/ratings", data=rating_data(users[name], "good"))
    finisher = app.test_client()
    Auth(finisher).login("bithu")
    db.session.rollback()
    rating_checked, finish_reached_the_year = threading.Event(), threading.Event()

    def interleave(conn, cursor, statement, parameters, context, executemany):
        """The rating waits, its checks done, until finish has counted and reaches the cell's
        year (to mark it, or to wait for the rating's lock on it)."""
        sql, who = statement.lstrip().upper(), threading.current_thread().name
        if who == "rate" and sql.startswith(("UPDATE RATING", "INSERT INTO RATING")) and not rating_checked.is_set():
            rating_checked.set()
            finish_reached_the_year.wait(PATIENCE)
        elif who == "finish" and "CELL_YEAR" in sql and (sql.startswith(("INSERT", "UPDATE")) or "FOR UPDATE" in sql):
            finish_reached_the_year.set()

    results = {}
    event.listen(db.engine, "before_cursor_execute", interleave)
    try:
        rating = in_thread(app, "rate", lambda: client.post(
            f"/year/{YEAR}/cells/{cell.id}/ratings",
            data=rating_data(users["dangvien"], "excellent")), results)
        assert rating_checked.wait(PATIENCE)
        finishing = in_thread(app, "finish", lambda: finisher.post(f"/year/{YEAR}/cells/{cell.id}/finish"), results)
        finish_reached_the_year.wait(PATIENCE)
        rating.join()
        finishing.join()
    finally:
        finish_reached_the_year.set()
        event.remove(db.engine, "before_cursor_execute", interleave)
    assert results == {"rate": 302, "finish": 302}
    db.session.expire_all()
    levels = list(db.session.scalars(select(Rating.level).where(Rating.cell_id == cell.id, Rating.year == YEAR)))
    done = db.session.scalar(select(CellYear.finished_at).where(CellYear.cell_id == cell.id, CellYear.year == YEAR))
    assert sorted(levels) == ["excellent", "good", "good"]  # the rating was kept ...
    assert done is None or not over_cap(levels.count("excellent"), levels.count("good"),
                                           app.config["YEAR_EXCELLENT_CAP_PERCENT"])
    assert done is None  # ... so the finish, which came second, was refused
