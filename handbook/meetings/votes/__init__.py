"""Votes at a meeting (biểu quyết): opening, casting by phone, secret ballots, the show of hands,
counting by the party's rules, annulling (service.py, rules.py, secret_ballot.py, box.py).

What other features may call, and nothing else of the part: `open_vote` opens a vote (a
member's rating, say), `result` reads its outcome once closed, `votes_on` lists the closed
votes about a member.
"""

from handbook.meetings.votes.service import open_vote, result, votes_on

# Reached only through the names above (tests/import_contracts.py reads this).
PUBLIC = ()
__all__ = ["open_vote", "result", "votes_on"]
