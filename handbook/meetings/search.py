"""Meetings in the one search index: a meeting's agenda and its final minutes as entries,
and the search page's meetings source."""

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import aliased

from handbook.extensions import db
from handbook.meetings.access import own_meeting_cells, visible_meeting_facets
from handbook.meetings.minutes.models import Minutes, MinutesOpinion, MinutesStatus
from handbook.meetings.models import AgendaItem, Meeting
from handbook.meetings.status import Status
from handbook.orgs.models import Organization
from handbook.search import ranking
from handbook.search.index import Watch, facet_text, index_text, indexer, meeting_key, path_facets
from handbook.search.query import usable
from handbook.search.registry import SearchHit
from handbook.vietnamese import highlight


def _meetings_below(org: Organization):
    """Meetings of the cells under `org`, by its path as stored now (a move rewrites paths)."""
    moved = aliased(Organization)
    path = select(moved.path).where(moved.id == org.id).scalar_subquery()
    return select(Meeting.id).join(Organization, Organization.id == Meeting.cell_id).where(
        Organization.path.startswith(path))


def _texts(ids, with_minutes: bool = True) -> tuple[list, dict[int, str], dict[int, str]]:
    """Meetings (id, title, status, starts_at, cell path), their agenda items' text and their
    final minutes' text, as the index holds them and as the search highlights them (a search
    that found no minutes reads none: `with_minutes` False)."""
    meetings = db.session.execute(
        select(Meeting.id, Meeting.title, Meeting.status, Meeting.starts_at, Organization.path)
        .join(Organization, Organization.id == Meeting.cell_id).where(Meeting.id.in_(ids))).all()
    items: dict[int, list[str]] = {}
    for meeting_id, title, description, presenter in db.session.execute(
        select(AgendaItem.meeting_id, AgendaItem.title, AgendaItem.description, AgendaItem.presenter)
        .where(AgendaItem.meeting_id.in_(ids)).order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
    ):
        items.setdefault(meeting_id, []).append(f"{title} {description} {presenter}")
    agendas = {m: " ".join(parts) for m, parts in items.items()}
    if not with_minutes:
        return meetings, agendas, {}
    minutes = {row.meeting_id: " ".join([row.conclusions, row.resolution, row.item_notes])
               for row in db.session.execute(
                   select(Minutes.meeting_id, Minutes.conclusions, Minutes.resolution, Minutes.item_notes)
                   .where(Minutes.status == MinutesStatus.FINAL, Minutes.meeting_id.in_(ids)))}
    # What each speaker said is part of the final minutes too.
    for meeting_id, speaker, said in db.session.execute(
            select(Minutes.meeting_id, MinutesOpinion.speaker_name, MinutesOpinion.text)
            .join(Minutes, Minutes.id == MinutesOpinion.minutes_id)
            .where(Minutes.status == MinutesStatus.FINAL, Minutes.meeting_id.in_(ids)).order_by(MinutesOpinion.id)):
        minutes[meeting_id] = f"{minutes[meeting_id]} {speaker}: {said}"
    return meetings, agendas, minutes


@indexer("meeting", kinds=("agenda", "minutes"), all_ids=lambda: select(Meeting.id), watches=[
    Watch(Meeting, lambda m: [m.id], ("title", "status", "starts_at", "cell_id")),
    Watch(AgendaItem, lambda i: [i.meeting_id], ("title", "description", "presenter", "position", "meeting_id")),
    Watch(Minutes, lambda x: [x.meeting_id], ("status", "conclusions", "resolution", "item_notes")),
    Watch(MinutesOpinion, lambda o: select(Minutes.meeting_id).where(Minutes.id == o.minutes_id),
          ("speaker_name", "text", "minutes_id")),
    Watch(Organization, _meetings_below, ("parent_id",)),
])
def meeting_entries(ids: list[int]) -> list[dict]:
    """The agenda (title, then every item's title, description and presenter) and, once
    final, the minutes; both carry the cell's place in the tree and whether it is a draft."""
    meetings, items, minutes = _texts(ids)
    rows = []
    for meeting_id, title, status, starts_at, path in meetings:
        # A draft's entries carry its status as a facet, the others "pub": members ask for "pub".
        facets = facet_text(path_facets(path) + [Status.DRAFT.value if status == Status.DRAFT else "pub"])
        rows.append({"id": meeting_key(meeting_id, starts_at, agenda=True), "kind": "agenda", "ref_id": meeting_id,
                     "title": index_text(title), "body": index_text(items.get(meeting_id, "")), "ref": "",
                     "facets": facets})
        if meeting_id in minutes:
            rows.append({"id": meeting_key(meeting_id, starts_at, agenda=False), "kind": "minutes",
                         "ref_id": meeting_id, "title": "", "body": index_text(minutes[meeting_id]), "ref": "",
                         "facets": facets})
    return rows


def search_meetings(user, terms: list[str], limit: int) -> list[SearchHit]:
    """Agendas and final minutes of the meetings the user may see (visible_meetings is the
    rule, as index facets), newest meeting first, however old."""
    terms = usable(terms)
    if not terms:
        return []
    cells = own_meeting_cells(user)
    # A member sees a few dozen meetings: their entries are read by id and tested (the facets
    # still decide what is found), instead of every match of the words in the province.
    within = f"SELECT m.id FROM meeting m WHERE m.cell_id IN ({','.join(str(int(c)) for c in cells)})" \
        if cells else ""
    found = ranking.newest_meeting_entries(terms, visible_meeting_facets(user), limit, within=within)
    if not found:
        return []
    meetings, items, minutes = _texts({meeting_id for _kind, meeting_id in found},
                                      with_minutes=any(kind == "minutes" for kind, _id in found))
    by_id = {m.id: m for m in meetings}
    hits = []
    for kind, meeting_id in found:
        meeting = by_id.get(meeting_id)
        if meeting is None:
            continue
        url = url_for("meetings.show", meeting_id=meeting_id)
        if kind == "agenda":
            agenda = " ".join([meeting.title] + ([items[meeting_id]] if meeting_id in items else []))
            hits.append(SearchHit("Chương trình họp", meeting.title, url, highlight(agenda, terms),
                                  rank=ranking.AGENDA_RANK, when=meeting.starts_at))
        elif meeting_id in minutes:
            hits.append(SearchHit("Biên bản họp", f"Biên bản: {meeting.title}", url + "#bien-ban",
                                  highlight(minutes[meeting_id], terms), rank=ranking.MINUTES_RANK,
                                  when=meeting.starts_at))
    return hits
