"""A member's attempt at a quiz: the server's clock rules (an answer after the limit is refused, a
reload does not restart it), each member gets their own order of questions and choices, and the
key is nowhere in what the phone receives before the attempt is handed in."""

import re

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.jobs.scheduler import run_due
from handbook.quiz import attempts as attempts_service
from handbook.quiz import messages as msg
from handbook.quiz.models import Attempt, AttemptItem, Choice
from tests import quiz_factories as qf
from tests.conftest import text_of, without_csrf


def _remaining(html: str) -> int:
    return int(re.search(r'data-remaining="(\d+)"', html).group(1))


def test_a_member_answers_hands_in_and_reads_the_article_behind_a_wrong_answer(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), count=5)
    auth.login("dangvien")
    home = text_of(client.get("/"))
    assert "Bài kiểm tra đang mở" in home and "Kiểm tra thử" in home
    attempt_id = qf.start(client, quiz)
    page = client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)
    assert len(qf.shown_questions(page)) == 5
    for position in range(1, 6):
        letters = qf.key_letters(attempt_id, position) if position > 1 else [qf.wrong_letter(attempt_id, 1)]
        answer = client.post(f"/quiz/attempts/{attempt_id}/answers/{position}", data={f"a{position}": letters},
                             headers=qf.HTMX)
        assert answer.status_code == 200 and f"Đã lưu câu {position}" in answer.get_data(as_text=True)
    done = client.post(f"/quiz/attempts/{attempt_id}/submit", data={"answers": "1", **{
        f"a{p}": letters for p in range(1, 6)
        for letters in [qf.key_letters(attempt_id, p) if p > 1 else [qf.wrong_letter(attempt_id, 1)]]}})
    assert done.headers["Location"].endswith(f"/quiz/attempts/{attempt_id}/results")
    results = client.get(f"/quiz/attempts/{attempt_id}/results")
    shown = text_of(results)
    assert "4/5 câu đúng" in shown and "(đáp án đúng)" in shown
    wrong = re.search(r'<section class="card result wrong" id="cau-1">.*?</section>', results.get_data(as_text=True),
                      re.S).group(0)
    item = db.session.scalar(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id,
                                                       AttemptItem.position == 1))
    anchor = f"dieu-{item.question.anchor.split('-')[1]}"
    assert f'href="/library/quy-dinh-on-tap?muc={anchor}#{anchor}"' in wrong
    assert client.get(f"/library/quy-dinh-on-tap?muc={anchor}").status_code == 200
    assert db.session.get(Attempt, attempt_id).score == 4


def test_an_answer_after_the_time_limit_is_refused_and_the_attempt_is_handed_in(client, auth, world, monkeypatch):
    clock = qf.Clock(monkeypatch)
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), count=5, minutes=10)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    client.post(f"/quiz/attempts/{attempt_id}/answers/1", data={"a1": qf.key_letters(attempt_id, 1)},
                headers=qf.HTMX)
    clock.advance(minutes=10, seconds=30)
    late = client.post(f"/quiz/attempts/{attempt_id}/answers/2", data={"a2": qf.key_letters(attempt_id, 2)},
                       headers=qf.HTMX)
    assert late.status_code == 409
    assert late.headers["HX-Redirect"] == f"/quiz/attempts/{attempt_id}/results"
    stored = qf.attempt(attempt_id)
    assert stored.submitted_at == stored.deadline and stored.auto_submitted and stored.score == 1
    assert [item.chosen != "" for item in stored.items] == [True, False, False, False, False]
    assert "câu trả lời vừa chọn không được ghi" in text_of(client.get(late.headers["HX-Redirect"]))
    # Handing in by hand now changes nothing either.
    client.post(f"/quiz/attempts/{attempt_id}/submit", data={"answers": "1", "a3": qf.key_letters(attempt_id, 3)})
    assert qf.attempt(attempt_id).score == 1 and qf.attempt(attempt_id).items[2].chosen == ""


def test_an_answer_sent_as_the_clock_runs_out_still_counts(client, auth, world, monkeypatch):
    clock = qf.Clock(monkeypatch)
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), count=5, minutes=10)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    clock.advance(minutes=10, seconds=3)  # on its way over a slow line when the page said 0:00
    assert client.post(f"/quiz/attempts/{attempt_id}/answers/1", data={"a1": qf.key_letters(attempt_id, 1)},
                       headers=qf.HTMX).status_code == 200
    assert qf.attempt(attempt_id).items[0].correct


def test_a_reload_or_a_second_start_does_not_restart_the_clock(client, auth, world, monkeypatch):
    clock = qf.Clock(monkeypatch)
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), count=5, minutes=10)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    deadline = qf.attempt(attempt_id).deadline
    assert _remaining(client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)) == 600
    clock.advance(minutes=4)
    assert _remaining(client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)) == 360
    assert qf.start(client, quiz) == attempt_id  # "Bắt đầu" again: the same attempt, the same deadline
    assert _remaining(client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)) == 360
    assert qf.attempt(attempt_id).deadline == deadline
    saved = client.post(f"/quiz/attempts/{attempt_id}/answers/1", data={"a1": "A"}, headers=qf.HTMX)
    assert saved.headers["X-Quiz-Remaining"] == "360"
    clock.advance(minutes=7)  # the page reloaded after the deadline: handed in, not restarted
    page = client.get(f"/quiz/attempts/{attempt_id}")
    assert page.headers["Location"].endswith("/results") and qf.attempt(attempt_id).auto_submitted


def test_each_member_gets_their_own_order_of_questions_and_choices_kept_on_reload(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"], questions=12), count=12)
    pages = {}
    for username in ("dangvien", "dangvien2"):
        auth.login(username)
        attempt_id = qf.start(client, quiz)
        first = client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)
        again = client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)
        assert qf.shown_questions(first) == qf.shown_questions(again)
        assert qf.shown_choices(first) == qf.shown_choices(again)
        pages[username] = first
        auth.logout()
    one, two = qf.shown_questions(pages["dangvien"]), qf.shown_questions(pages["dangvien2"])
    assert sorted(one) == sorted(two) and one != two
    by_question = {}
    for html in pages.values():
        for block in re.findall(r"<fieldset.*?</fieldset>", html, re.S):
            by_question.setdefault(qf.shown_questions(block)[0], []).append(qf.shown_choices(block))
    assert any(first != second for first, second in by_question.values())
    assert all(sorted(first) == sorted(second) for first, second in by_question.values())


def _flip_the_key(bank_id: int) -> None:
    """Another key for the same questions: the right choice moves from C to B (A and C becomes B and D)."""
    for choice in db.session.scalars(select(Choice).join(Choice.question).where(Choice.question.has(bank_id=bank_id))):
        choice.correct = not choice.correct if choice.question.kind == "multiple" else choice.position == 1
    db.session.commit()


def test_the_key_is_not_in_anything_the_phone_gets_before_handing_in(client, auth, world, monkeypatch):
    qf.Clock(monkeypatch)  # a still clock: the pages differ only if what they carry differs
    bank = qf.bank(world["cell1"], questions=8)
    quiz = qf.quiz(world["cell1"], bank, count=8)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    url = f"/quiz/attempts/{attempt_id}"
    client.post(f"{url}/answers/1", data={"a1": "A"}, headers=qf.HTMX)
    before = client.get(url)
    saved_before = client.post(f"{url}/answers/2", data={"a2": "D"}, headers=qf.HTMX)
    client.post(f"{url}/answers/2", data={"a2": "B"}, headers=qf.HTMX)
    quiz_page = client.get(f"/quiz/{quiz.id}")
    _flip_the_key(bank.id)
    after = client.post(f"{url}/answers/2", data={"a2": "D"}, headers=qf.HTMX)
    assert after.get_data() == saved_before.get_data() and after.headers["X-Quiz-Remaining"] == \
        saved_before.headers["X-Quiz-Remaining"]
    assert without_csrf(client.get(url)).replace('value="D" checked', 'value="D"') == \
        without_csrf(before).replace('value="D" checked', 'value="D"')
    assert without_csrf(client.get(f"/quiz/{quiz.id}")) == without_csrf(quiz_page)
    before = before.get_data(as_text=True)
    # A choice carries only the letter it is shown with: no id of the bank, no attribute of its own.
    assert set(re.findall(r'<input type="(?:radio|checkbox)" name="a\d+" value="([^"]*)"', before)) == set("ABCD")
    assert set(re.findall(r"<label[^>]*>", before)) == {'<label class="choice">'}
    for word in ("correct", "đúng", "dung", "key", "right", "score"):
        assert not re.search(rf"<[^>]*\b{word}\b[^>]*>", before, re.I), f"a tag names {word!r}"
    assert client.get(f"{url}/results").headers["Location"].endswith(url)  # no results before handing in


def test_one_attempt_open_at_a_time(client, auth, world):
    bank = qf.bank(world["cell1"])
    first = qf.quiz(world["cell1"], bank, title="Bài thứ nhất")
    second = qf.quiz(world["cell1"], bank, title="Bài thứ hai")
    auth.login("dangvien")
    attempt_id = qf.start(client, first)
    refused = client.post(f"/quiz/{second.id}/start", follow_redirects=True)
    assert msg.OTHER_ATTEMPT_OPEN.format(title="Bài thứ nhất") in text_of(refused)
    client.post(f"/quiz/attempts/{attempt_id}/submit", data={"answers": "1"})
    assert qf.start(client, second) != attempt_id


def test_two_starts_at_the_same_moment_make_one_attempt(client, auth, world, monkeypatch):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), attempts=2)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    found = attempts_service.open_attempt
    calls = []

    def not_yet_committed(user):  # the other request's attempt is not visible when this one looks
        calls.append(user)
        return None if len(calls) == 1 else found(user)

    monkeypatch.setattr(attempts_service, "open_attempt", not_yet_committed)
    assert qf.start(client, quiz) == attempt_id
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_attempts_are_limited_to_what_the_setter_allowed(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), attempts=2)
    auth.login("dangvien")
    for _ in range(2):
        client.post(f"/quiz/attempts/{qf.start(client, quiz)}/submit", data={"answers": "1"})
    refused = client.post(f"/quiz/{quiz.id}/start", follow_redirects=True)
    assert msg.NO_ATTEMPTS_LEFT.format(allowed=2) in text_of(refused)
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 2


def test_a_quiz_is_started_only_while_it_is_open(client, auth, world):
    from datetime import timedelta

    bank = qf.bank(world["cell1"])
    later = qf.quiz(world["cell1"], bank, opens_in=timedelta(days=1), closes_in=timedelta(days=2))
    over = qf.quiz(world["cell1"], bank, opens_in=timedelta(days=-3), closes_in=timedelta(days=-1))
    auth.login("dangvien")
    assert "Bài kiểm tra mở lúc" in text_of(client.post(f"/quiz/{later.id}/start", follow_redirects=True))
    assert "Bài kiểm tra đã đóng lúc" in text_of(client.post(f"/quiz/{over.id}/start", follow_redirects=True))
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_an_attempt_is_its_members_alone(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]))
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    auth.logout()
    auth.login("dangvien2")
    for method, path in (("GET", ""), ("GET", "/results"), ("POST", "/answers/1"), ("POST", "/submit")):
        assert client.open(f"/quiz/attempts/{attempt_id}{path}", method=method, data={"a1": "A"}).status_code == 404
    assert qf.attempt(attempt_id).items[0].chosen == "" and qf.attempt(attempt_id).submitted_at is None


def test_a_quiz_for_leaders_is_neither_shown_nor_started_by_other_members(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), leaders_only=True, title="Dành cho lãnh đạo")
    auth.login("dangvien")
    assert "Dành cho lãnh đạo" not in text_of(client.get("/"))
    assert client.post(f"/quiz/{quiz.id}/start").status_code == 404
    auth.logout()
    auth.login("bithu")  # holds a leadership post
    assert "Dành cho lãnh đạo" in text_of(client.get("/"))
    qf.start(client, quiz)


def test_a_choice_the_page_did_not_offer_is_refused_and_nothing_is_saved(client, auth, world):
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"], multiple_every=0), count=3)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    url = f"/quiz/attempts/{attempt_id}/answers/1"
    bad = client.post(url, data={"a1": "Z"}, headers=qf.HTMX)
    assert bad.status_code == 422 and msg.BAD_CHOICE.format(position=1) in bad.get_data(as_text=True)
    two = client.post(url, data={"a1": ["A", "B"]}, headers=qf.HTMX)
    assert two.status_code == 422 and msg.ONE_CHOICE.format(position=1) in two.get_data(as_text=True)
    assert client.post(f"/quiz/attempts/{attempt_id}/answers/9", data={"a9": "A"}).status_code == 404
    assert qf.attempt(attempt_id).items[0].chosen == ""


def test_an_attempt_left_open_is_handed_in_by_the_scheduler(client, auth, world, monkeypatch):
    clock = qf.Clock(monkeypatch)
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), minutes=5)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    client.post(f"/quiz/attempts/{attempt_id}/answers/1", data={"a1": qf.key_letters(attempt_id, 1)},
                headers=qf.HTMX)
    clock.advance(minutes=6)
    run_due(clock.now)
    run_due(clock.now)  # safe to run twice
    stored = qf.attempt(attempt_id)
    assert stored.auto_submitted and stored.score == 1 and stored.submitted_at == stored.deadline
    assert attempts_service.finish_expired(clock.now) == 0


def test_an_attempt_started_near_the_closing_ends_when_the_quiz_closes(client, auth, world):
    from datetime import timedelta

    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), minutes=30, closes_in=timedelta(minutes=10))
    auth.login("dangvien")
    assert "bắt đầu bây giờ thì phải nộp trước" in text_of(client.get(f"/quiz/{quiz.id}"))
    attempt_id = qf.start(client, quiz)
    assert qf.attempt(attempt_id).deadline == quiz.closes_at
    assert _remaining(client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)) <= 600
