"""The member's two papers of the year — the commitment and the self-review: found or started,
saved without losing a word (the version check of handbook/versioning.py, as notes use it),
submitted once. Services flush; views commit."""

import functools
import json
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import bindparam, select

from handbook.domain import DomainError
from handbook.editing import store
from handbook.editing.kinds import TextKind, register
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.notes.models import Note
from handbook.orgs.models import Organization
from handbook.timefmt import vn_datetime
from handbook.versioning import both_texts
from handbook.year import messages as msg
from handbook.year import scoring, settings
from handbook.year.facts import facts_for, prefill, year_bounds
from handbook.year.models import Commitment, CommitmentEvidence, SelfReview, YearTemplate

TEXTS = (*msg.REVIEW_PARTS_366, "body")  # what a conflict keeps both versions of
PROPOSED = {group: f"proposed_{group}" for group in scoring.GROUPS}  # group -> the paper's column
PROPOSAL_FIELDS = (*PROPOSED.values(), "proposed_beyond")
MAX_TEXT = 20000


def _texts_of(paper) -> dict[str, str]:
    return {key: getattr(paper, key) or "" for key in TEXTS if hasattr(paper, key)}


def _write_texts(paper, texts: dict[str, str]) -> None:
    _editable(paper)
    for key, text in texts.items():
        if key in TEXTS and hasattr(paper, key):
            setattr(paper, key, text[:MAX_TEXT])
    paper.updated_at = utcnow()


# The papers' place in the shared editor (handbook/editing).
COMMITMENT = register(TextKind(name="commitment", label="bản cam kết", texts=_texts_of, write=_write_texts))
REVIEW = register(TextKind(name="review", label="bản kiểm điểm", texts=_texts_of, write=_write_texts,
                           labels=lambda paper: parts_for(paper)))


def kind_of_paper(paper) -> TextKind:
    return COMMITMENT if isinstance(paper, Commitment) else REVIEW


def _own(model, user, year: int):
    return db.session.scalar(select(model).where(model.user_id == user.id, model.year == year))


def find_commitment(user, year: int) -> Commitment | None:
    return _own(Commitment, user, year)


def find_review(user, year: int) -> SelfReview | None:
    return _own(SelfReview, user, year)


def review_status(user, year: int) -> str | None:
    """The state of the member's self-review of `year` (None: not begun): the home card's one
    question, built once and bound per member (building it cost more than asking it)."""
    # On the session's connection: one column needs none of the ORM's per-statement work.
    return db.session.connection().execute(_review_status(), {"user_id": user.id, "year": year}).scalar()


@functools.cache
def _review_status():
    return select(SelfReview.status).where(SelfReview.user_id == bindparam("user_id"),
                                           SelfReview.year == bindparam("year"))


def papers_of(user_ids: list[int], year: int) -> dict[int, tuple]:
    """(commitment, self-review) per member, in two queries for a whole cell."""
    found = {model: {p.user_id: p for p in db.session.scalars(
        select(model).where(model.user_id.in_(user_ids or [0]), model.year == year))}
        for model in (Commitment, SelfReview)}
    return {uid: (found[Commitment].get(uid), found[SelfReview].get(uid)) for uid in user_ids}


def template_text(user) -> str:
    """The nearest committee's template above the member's cell, else the app's own."""
    if user.cell is None:
        return msg.DEFAULT_COMMITMENT
    ids = user.cell.ancestor_ids()
    rows = {t.org_id: t.commitment_body for t in db.session.scalars(
        select(YearTemplate).where(YearTemplate.org_id.in_(ids)))}
    return next((rows[i] for i in reversed(ids) if rows.get(i, "").strip()), msg.DEFAULT_COMMITMENT)


def new_commitment(user, year: int) -> Commitment:
    if user.cell_id is None:
        raise DomainError(msg.NO_CELL)
    return Commitment(user_id=user.id, year=year, cell_id=user.cell_id, body=template_text(user), status="draft",
                      version=0)


def new_review(user, year: int) -> SelfReview:
    if user.cell_id is None:
        raise DomainError(msg.NO_CELL)
    return SelfReview(user_id=user.id, year=year, cell_id=user.cell_id, status="draft", version=0,
                      rule=scoring.RULE_366, kind=scoring.default_kind(user.holds_leadership_post),
                      **prefill(facts_for(user, year)))


def kind_of(review: SelfReview) -> str:
    return review.kind if review.kind in scoring.KINDS else scoring.default_kind(review.user.holds_leadership_post)


def parts_for_kind(kind: str) -> dict[str, str]:
    """The parts of a paper of `kind` under Quy định 366-QĐ/TW, and their titles."""
    parts = {key: label for key, label in msg.REVIEW_PARTS_366.items() if key != "leadership" or kind == "2B"}
    if kind == "2C":
        parts["tasks"] = msg.TASKS_OUTSIDE
    return parts


def parts_for(review: SelfReview) -> dict[str, str]:
    """The paper's parts and their titles: those of its rule, and under 366 of its kind."""
    return msg.REVIEW_PARTS if review.rule == scoring.RULE_124 else parts_for_kind(kind_of(review))


@dataclass
class Proposal:
    """The points a member proposes, and the level they would give with the app's figures."""

    points: dict
    beyond: int | None
    total: Decimal | None  # None until every group has a valid number
    level: str | None
    problem: str | None  # the first thing wrong, as the member reads it
    field: str | None


def proposal(review: SelfReview, facts: dict) -> Proposal:
    """`facts`: the paper's figures (YearFacts.as_dict(), or as frozen at submission)."""
    weights = settings.weights()
    points, bad = scoring.read_points({g: getattr(review, column) for g, column in PROPOSED.items()}, weights)
    beyond = scoring.parse_percent(review.proposed_beyond)
    if bad is not None:
        return Proposal(points, beyond, None, None, msg.BAD_POINTS.format(group=scoring.GROUPS[bad],
                                                                          most=weights[bad]), PROPOSED[bad])
    if beyond is None:
        return Proposal(points, None, sum(points.values()), None, msg.BAD_BEYOND, "proposed_beyond")
    total = sum(points.values())
    late = scoring.share(facts.get("tasks_late", 0), facts.get("tasks_on_time", 0) + facts.get("tasks_late", 0))
    return Proposal(points, beyond, total, settings.level_for(total, late, scoring.share(beyond, 100)), None, None)


def _editable(paper) -> None:
    if paper.status == "submitted":
        raise DomainError(msg.ALREADY_SUBMITTED.format(time=vn_datetime(paper.submitted_at)), status=409)


def save(paper, values: dict[str, str], base_version: int) -> tuple[str, dict[str, str]]:
    """Writes `values` typed on `base_version`: ("saved" | "unchanged", {}) or, on a stale
    version, ("conflict", each differing text holding both) with the paper unchanged and the
    texts sent kept in the shared conflict store for the member's choice."""
    _editable(paper)
    # A form posted by the browser sends its lines ended "\r\n", an autosave "\n": the same text.
    values = {key: (value or "").replace("\r\n", "\n")[:MAX_TEXT] for key, value in values.items()}
    changed = {key: value for key, value in values.items() if getattr(paper, key) != value}
    if not changed:
        return "unchanged", {}
    if paper.id is not None and base_version != paper.version:
        texts = {key: value for key, value in values.items() if key in TEXTS}
        store.keep_conflict(kind_of_paper(paper), paper, texts, base_version, paper.user_id)
        # Texts that differ hold both; a choice (the self-rating) keeps what was just picked.
        return "conflict", {key: both_texts(getattr(paper, key), value)
                            if key in TEXTS and getattr(paper, key) and getattr(paper, key) != value else value
                            for key, value in values.items()}
    for key, value in changed.items():
        setattr(paper, key, value)
    paper.version += 1
    paper.updated_at = utcnow()
    if paper.id is None:
        db.session.add(paper)
    db.session.flush()
    return "saved", {}


def submit_commitment(commitment: Commitment) -> None:
    _editable(commitment)
    if not commitment.body.strip():
        raise DomainError(msg.EMPTY_COMMITMENT, field="body")
    commitment.status, commitment.submitted_at = "submitted", utcnow()
    commitment.version += 1


def submit_review(review: SelfReview, user) -> None:
    """Every part written and every point proposed, the paper goes to the cell under Quy định
    366-QĐ/TW: its kind and its figures frozen, the level the proposal gives as the member's own."""
    _editable(review)
    for key, label in parts_for(review).items():
        if not (getattr(review, key) or "").strip():
            raise DomainError(msg.REVIEW_PART_EMPTY.format(part=label), field=key)
    facts = facts_for(user, review.year).as_dict()
    proposed = proposal(review, facts)
    if proposed.problem:
        raise DomainError(proposed.problem, field=proposed.field)
    review.rule, review.kind, review.self_level = scoring.RULE_366, kind_of(review), proposed.level
    review.facts = json.dumps(facts, ensure_ascii=False)
    review.status, review.submitted_at = "submitted", utcnow()
    review.version += 1


def own_meeting_notes(user, year: int) -> list[Note]:
    """The member's notes on meetings of the year, to copy evidence from."""
    start, end = year_bounds(year)
    return list(db.session.scalars(select(Note).where(Note.owner_id == user.id, Note.meeting_id.is_not(None),
                                                      Note.updated_at >= start, Note.updated_at < end + timedelta(
                                                          days=31)).order_by(Note.updated_at.desc()).limit(50)))


def own_note_for_evidence(user, note_id: int) -> Note:
    """The member's own meeting note to copy from. Another member's note and a note that does not
    exist are refused with the same sentence: the answer must not tell which ids are notes."""
    note = db.session.scalar(select(Note).where(Note.id == note_id, Note.owner_id == user.id,
                                                Note.meeting_id.is_not(None))) if note_id > 0 else None
    if note is None:
        raise DomainError(msg.EVIDENCE_NOT_YOUR_NOTE, field="note_id")
    return note


def add_evidence(commitment: Commitment | None, month: int | None, text: str, note: Note | None = None
                 ) -> CommitmentEvidence:
    """Evidence may be added all year, after submission too: that is what it is for. From a
    note, the text is copied (the part typed, else the whole note): the note stays private."""
    if commitment is None or commitment.id is None:
        raise DomainError(msg.EVIDENCE_NEEDS_COMMITMENT)
    if month is None or not 1 <= month <= 12:
        raise DomainError(msg.EVIDENCE_MONTH, field="month")
    if note is not None:
        if note.owner_id != commitment.user_id:
            raise DomainError(msg.EVIDENCE_NOT_YOUR_NOTE, field="note_id")
        text = f"{(text or '').strip() or note.body.strip()} (từ ghi chép: {note.context_title})"
    text = (text or "").strip()[:2000]
    if not text:
        raise DomainError(msg.EVIDENCE_EMPTY, field="text")
    evidence = CommitmentEvidence(commitment=commitment, month=month, text=text)
    db.session.add(evidence)
    return evidence


def set_template(org: Organization, body: str) -> YearTemplate:
    template = db.session.scalar(select(YearTemplate).where(YearTemplate.org_id == org.id))
    if template is None:
        template = YearTemplate(org_id=org.id)
        db.session.add(template)
    template.commitment_body = (body or "")[:MAX_TEXT]
    return template


def review_facts(review: SelfReview) -> dict:
    return json.loads(review.facts) if review.facts else {}


def template_for_org(org: Organization) -> str:
    template = db.session.scalar(select(YearTemplate).where(YearTemplate.org_id == org.id))
    return template.commitment_body if template and template.commitment_body.strip() else msg.DEFAULT_COMMITMENT
