"""Background jobs: inline without Redis, RQ with it (a real Redis, a worker in burst), bounded
retries, and what the scheduler enqueues."""

from datetime import timedelta

from sqlalchemy import func, select, update

from handbook.auth.models import LoginSession
from handbook.extensions import db
from handbook.jobs import enqueue, queue_depth
from handbook.jobs.queue import get_queue
from handbook.jobs.scheduler import run_due
from handbook.meetings.models import Notification
from handbook.models_base import utcnow
from tests.jobs_helpers import TEST_REDIS_URL, run_worker
from tests.meetings.factories import meeting

ATTEMPTS_KEY = "test:attempts"


def failing_job(tag: str) -> None:
    """A job that fails every time, counting its attempts in Redis (or in the database inline)."""
    from redis import Redis

    Redis.from_url(TEST_REDIS_URL).incr(ATTEMPTS_KEY)
    raise RuntimeError(tag)


def noting_job(user_id: int, message: str) -> None:
    db.session.add(Notification(user_id=user_id, kind="calendar", message=message))


def notifications(user, kind=None) -> list[str]:
    query = select(Notification.message).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    db.session.expire_all()
    return list(db.session.scalars(query))


def publish(client, auth, m):
    auth.login("bithu")
    assert client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"}).status_code == 302


def test_without_redis_the_fan_out_is_done_within_the_request(client, auth, world):
    m = meeting(world["cell1"], title="Họp tháng không cần Redis")
    publish(client, auth, m)
    assert any("Họp tháng không cần Redis" in text for text in notifications(world["users"]["dangvien"], "published"))
    assert notifications(world["users"]["bithu"], "published") == []  # not the one who published


def test_an_inline_job_that_fails_is_logged_and_undone_alone(world, log_lines):
    member = world["users"]["dangvien"]
    db.session.add(Notification(user_id=member.id, kind="calendar", message="việc của người gọi"))
    enqueue(failing_job, "hỏng")
    enqueue(noting_job, member.id, "việc sau vẫn chạy")
    db.session.commit()
    assert sorted(notifications(member)) == ["việc của người gọi", "việc sau vẫn chạy"]
    failed = [line for line in log_lines() if line["event"] == "job.failed"]
    assert failed and failed[0]["job"] == "tests.test_jobs:failing_job" and failed[0]["mode"] == "inline"


def test_with_redis_the_request_only_enqueues_and_the_worker_tells_the_cell(app, client, auth, world, rq_mode):
    m = meeting(world["cell1"], title="Họp tháng qua hàng đợi")
    publish(client, auth, m)
    member = world["users"]["dangvien"]
    assert notifications(member) == []
    assert queue_depth(app) == 1
    run_worker(app)
    assert queue_depth(app) == 0
    assert any("Họp tháng qua hàng đợi" in text for text in notifications(member, "published"))
    assert notifications(world["users"]["dangvien3"]) == []  # another cell


def test_a_job_asked_for_in_a_transaction_that_rolls_back_is_never_sent(app, world, rq_mode):
    enqueue(noting_job, world["users"]["dangvien"].id, "không được gửi")
    db.session.rollback()
    db.session.commit()
    assert queue_depth(app) == 0


def test_a_failing_job_is_retried_three_times_then_left_failed_and_logged(app, world, rq_mode, log_lines):
    enqueue(failing_job, "lần nào cũng hỏng")
    db.session.commit()
    run_worker(app)
    assert int(rq_mode.get(ATTEMPTS_KEY)) == 4  # the first run and three retries
    queue = get_queue(app)
    assert queue.failed_job_registry.count == 1
    failed = [line for line in log_lines() if line["event"] == "job.failed"]
    assert [line["retries_left"] for line in failed] == [3, 2, 1, 0]


def test_metrics_show_the_queue_depth(app, client, world, rq_mode):
    enqueue(noting_job, world["users"]["dangvien"].id, "đang chờ")
    enqueue(noting_job, world["users"]["dangvien"].id, "đang chờ nữa")
    db.session.commit()
    assert "handbook_job_queue_depth 2.0" in client.get("/metrics").get_data(as_text=True)


def test_the_scheduler_purges_expired_sessions_and_old_notifications(app, world):
    member = world["users"]["dangvien"]
    now = utcnow()
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    db.session.add_all([
        LoginSession(token_hash="a" * 64, user_id=member.id, created_at=now - idle * 3, last_seen_at=now - idle * 2),
        LoginSession(token_hash="b" * 64, user_id=member.id, created_at=now - idle, last_seen_at=now),
        Notification(user_id=member.id, kind="calendar", message="cũ", created_at=now - timedelta(days=200)),
        Notification(user_id=member.id, kind="calendar", message="mới", created_at=now - timedelta(days=2)),
    ])
    db.session.commit()
    run_due(now)
    db.session.expire_all()
    assert db.session.scalars(select(LoginSession.token_hash)).all() == ["b" * 64]
    assert notifications(member) == ["mới"]


def test_the_scheduler_forgets_import_previews_never_confirmed(app, world):
    from handbook.admin.previews import PREFIX
    from handbook.storage import StoredFile, store

    now = utcnow()
    store.put(PREFIX + "cu", "Họ và tên\n".encode())
    store.put(PREFIX + "moi", "Họ và tên\n".encode())
    db.session.execute(update(StoredFile).where(StoredFile.key == PREFIX + "cu")
                       .values(created_at=now - timedelta(hours=2)))
    db.session.commit()
    run_due(now)
    db.session.expire_all()
    assert db.session.scalars(select(StoredFile.key).where(StoredFile.key.startswith(PREFIX))).all() == [PREFIX + "moi"]


def test_the_commands_refuse_a_worker_without_redis_and_run_due_work_inline(app, world):
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["jobs", "worker", "--burst"])
    assert refused.exit_code != 0 and "REDIS_URL" in refused.output
    done = runner.invoke(args=["jobs", "scheduler", "--once"])
    assert done.exit_code == 0 and "inline" in done.output
    assert db.session.scalar(select(func.count(Notification.id))) is not None


def test_when_redis_is_down_the_job_runs_here_rather_than_being_lost(app, client, auth, world, monkeypatch,
                                                                     log_lines):
    monkeypatch.setitem(app.config, "REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens there
    m = meeting(world["cell1"], title="Họp khi Redis khởi động lại")
    publish(client, auth, m)
    assert any("Họp khi Redis khởi động lại" in text for text in notifications(world["users"]["dangvien"]))
    assert any(line["event"] == "job.enqueue_failed" and line["fallback"] == "inline" for line in log_lines())
    assert "handbook_job_queue_depth" not in client.get("/metrics").get_data(as_text=True)  # no false zero
