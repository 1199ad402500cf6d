"""One event per real event: group event mentions from many reports.

Mentions are blocked by (type, actor pair) — unordered for symmetric types — so the
work stays near-linear in corpus size; inside a block, mentions whose dates overlap
(one day of slack for day-precision dates, which outlets in other time zones shift)
are one event. Planned and hypothetical mentions merge with reports of the thing having
happened only when other reports told them on an earlier day (`_join_announced`): in one
report, or told after the fact, a plan stays a plan. Conflicting details are kept as
`conflicts`, not overwritten.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .records import state_of

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
FACTUAL = frozenset({"asserted", "reported", "denied", "negated"})
DAY = dt.timedelta(days=1)
MAX_WEEKS = 6  # a mention dated more vaguely joins no finer group of another report


@dataclass(slots=True)
class MentionRow:
    """What dedup needs to know of one event mention."""

    mention_id: str
    article_id: str
    event_type: str
    source: str | None
    target: str | None
    modality: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    outlet: str | None
    original_article: str  # the article itself, or the one it is a near-duplicate of
    published: dt.date | None
    confidence: float = 0.5
    date_source: str | None = None


@dataclass(slots=True)
class Cluster:
    event_id: str
    members: list[MentionRow] = field(default_factory=list)

    @property
    def num_articles(self) -> int:
        return len({m.original_article for m in self.members})

    @property
    def num_outlets(self) -> int:
        return len({m.outlet or f"article:{m.original_article}" for m in self.members})

    def conflicts(self) -> dict[str, list[str]]:
        """Details the reports disagree on (dates, modality), each value listed once."""
        found: dict[str, list[str]] = {}
        days = sorted({str(m.date_start) for m in self.members if m.date_precision == "day"})
        if len(days) > 1:
            found["date"] = days
        modalities = sorted({m.modality for m in self.members})
        if len(modalities) > 1:
            found["modality"] = modalities
        return found


def block_key(m: MentionRow) -> tuple:
    phase = "factual" if m.modality in FACTUAL else m.modality
    if m.event_type in SYMMETRIC_TYPES:
        pair = tuple(sorted((m.source or "", m.target or "")))
        return (m.event_type, phase, *pair)
    return (m.event_type, phase, m.source or "", m.target or "")


PUBLICATION_WINDOW = dt.timedelta(days=6)


def _window(row: MentionRow) -> tuple[dt.date, dt.date]:
    """The dates a mention can match. A date taken only from the article's publication date
    says the event happened by then, most likely in the week before."""
    if row.date_source == "published":
        return row.date_start - PUBLICATION_WINDOW, row.date_end
    return row.date_start, row.date_end


def _slack(row: MentionRow) -> dt.timedelta:
    return (
        DAY if row.date_precision == "day" and row.date_source != "published" else dt.timedelta(0)
    )


@dataclass(slots=True)
class _Group:
    """Mentions of one event. Matching compares with the group's first (most precise) date
    range, the anchor, never with a range widened by later members: that would chain
    reports a day apart into one long event."""

    start: dt.date
    end: dt.date
    members: list[MentionRow]


def _cluster_block(rows: list[MentionRow]) -> list[list[MentionRow]]:
    """Interval grouping, most precise dates first; undated rows join the group of their own
    article, else the only dated group, else stand alone."""
    dated = sorted(
        (r for r in rows if r.date_start is not None),
        key=lambda r: (
            r.date_source == "published",
            (r.date_end - r.date_start).days,
            r.date_start,
            r.mention_id,
        ),
    )
    groups: list[_Group] = []
    starts: list[tuple[dt.date, int]] = []  # anchors sorted by start, for a bisect lookup
    longest = dt.timedelta(0)
    for row in dated:
        start, end = _window(row)
        slack = _slack(row)
        first = None  # the earliest-made group that overlaps: the most precise anchor
        i = bisect.bisect_right(starts, (end + slack, len(groups)))
        while i > 0:
            i -= 1
            anchor_start, index = starts[i]
            if anchor_start < start - slack - longest:
                break
            group = groups[index]
            if group.start <= end + slack and start <= group.end + slack:
                first = index if first is None else min(first, index)
        found = groups[first] if first is not None else None
        if found is None:
            found = _Group(start, end, [])
            bisect.insort(starts, (start, len(groups)))
            groups.append(found)
            longest = max(longest, end - start)
        found.members.append(row)
    result = [g.members for g in groups]
    by_article = {m.article_id: g for g in result for m in g}
    lone: list[list[MentionRow]] = []
    for row in (r for r in rows if r.date_start is None):
        target = by_article.get(row.article_id) or (result[0] if len(result) == 1 else None)
        if target is None:
            target = [row]
            lone.append(target)
            by_article[row.article_id] = target
        else:
            target.append(row)
    return result + lone


def event_id_for(members: list[MentionRow]) -> str:
    first = min(m.mention_id for m in members)
    return "ev_" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


def cluster(rows: Iterable[MentionRow]) -> list[Cluster]:
    blocks: dict[tuple, list[MentionRow]] = defaultdict(list)
    for row in rows:
        blocks[block_key(row)].append(row)
    groups = [members for key in sorted(blocks) for members in _cluster_block(blocks[key])]
    clusters = []
    for members in _join_announced(_join_vaguer(groups)):
        members.sort(key=lambda m: m.mention_id)
        clusters.append(Cluster(event_id_for(members), members))
    return clusters


def _phase(m: MentionRow) -> str:
    return "factual" if m.modality in FACTUAL else m.modality


def _sides(m: MentionRow) -> tuple[str | None, str | None]:
    return m.source, m.target


def _join_vaguer(groups: list[list[MentionRow]]) -> list[list[MentionRow]]:
    """A group vaguer than another of the same type and phase at overlapping dates joins it
    when that other is the only one: a side left unnamed ("postponing our meeting" beside
    "postponed a state visit to Denmark", in one article; "Washington's accusations" in one
    report beside "Pompeo blamed Iran" in another) or named only as the state of the
    other's person or body ("flew to Saudi Arabia" beside "met the Saudi crown prince";
    "Russia signed with Armenia" in one report, "Putin and the Armenian leader signed" in
    another). Candidates are looked up by article (for unnamed sides), by the states of
    the two sides and by the state of a lone side, in each week, so the work stays
    near-linear; a finer group of the same report is preferred."""
    one_sided = {
        k
        for members in groups
        for m in members
        if m.source is None or m.target is None
        for k in _side_keys(m)
    }
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for gi, members in enumerate(groups):
        for key in {k for m in members for k in _join_keys(m, finer=one_sided)}:
            by_key[key].append(gi)
    beyond_article = any(key[0] != "article" for key in by_key)
    merged: dict[int, int] = {}
    for gi, members in enumerate(groups):
        keys = [
            (m, k) for m in members for k in _join_keys(m, states=beyond_article) if k in by_key
        ]
        for kind in ("article", "states", "side"):  # a finer group of the same report first
            fits = _finer_groups(groups, gi, [(m, by_key[k]) for m, k in keys if k[0] == kind])
            if fits:
                break
        if len(fits) == 1:
            merged[gi] = fits.pop()
    out = [list(members) for members in groups]
    for gi in merged:
        target = merged[gi]
        seen = {gi}
        while target in merged and target not in seen:  # joined in turn to a finer group
            seen.add(target)
            target = merged[target]
        out[target].extend(groups[gi])
    return [members for gi, members in enumerate(out) if gi not in merged]


def _finer_groups(
    groups: list[list[MentionRow]], gi: int, candidates: list[tuple[MentionRow, list[int]]]
) -> set[int]:
    """The groups finer than group `gi` at overlapping dates, among the candidates found for
    each of its mentions; two are enough to know it joins none."""
    fits: set[int] = set()
    for m, indices in candidates:
        for fi in indices:
            if fi == gi or fi in fits or not _overlap(m, groups[fi]):
                continue
            if _refines(groups[fi][0], m, _offices(m, groups[fi])):
                fits.add(fi)
                if len(fits) > 1:
                    return fits
    return fits


def _offices(m: MentionRow, members: list[MentionRow]) -> bool:
    """May an unnamed office in `m` stand for a named person of `members`? Across reports,
    yes (one report's "the Armenian leader" is another's "Pashinyan"); in one report only
    when `m` names both sides ("the leaders of Ethiopia and Eritrea signed" in the lead,
    "Abiy and Isaias signed" below): with a side missing, an office beside any person of
    its state says too little ("the deputy minister said" is not the president's talks)."""
    apart = all(other.original_article != m.original_article for other in members)
    return apart or bool(m.source and m.target)


def _join_keys(m: MentionRow, finer: set[tuple] | None = None, states: bool = True) -> list[tuple]:
    """The keys under which a group can meet a finer one: its article (a side left unnamed)
    and, in each week the mention's dates reach (so that a busy pair of states over years
    is never compared in full), the states of its two sides or the state of its one side.
    `finer`: the keys to file a group under as a possible finer one, given the side keys
    of the one-sided mentions (by states a side more precise than a state is needed, by
    one side both sides named); `states=False`: the article key only."""
    keys: list[tuple] = [("article", m.original_article, m.event_type, _phase(m))]
    if not states:
        return keys
    if finer is None:
        sides = _side_keys(m) if m.source is None or m.target is None else []
    else:
        sides = [k for k in _side_keys(m, both=True) if k in finer] if finer else []
    by_states = m.source and m.target and (finer is None or "/" in m.source + m.target)
    if not (sides or by_states):
        return keys
    weeks = _weeks(m)
    keys += [(*key, week) for key in sides for week in weeks]
    if not by_states:
        return keys
    pair = (state_of(m.source), state_of(m.target))
    if m.event_type in SYMMETRIC_TYPES:
        pair = tuple(sorted(pair))
    return keys + [("states", m.event_type, _phase(m), *pair, week) for week in weeks]


def _side_keys(m: MentionRow, both: bool = False) -> list[tuple]:
    """Keys (without the week) by which a mention naming one side only meets a group of
    another report naming that side and the other: the state of its one side, in its place
    (either place for a symmetric type); with `both`, those of a mention naming both sides,
    one per side."""
    if (m.source is not None and m.target is not None) != both:
        return []
    symmetric = m.event_type in SYMMETRIC_TYPES
    return [
        ("side", m.event_type, _phase(m), "either" if symmetric else place, state_of(actor))
        for place, actor in (("source", m.source), ("target", m.target))
        if actor is not None
    ]


def _weeks(m: MentionRow) -> list[int]:
    """The week numbers (days since 1 January 1 AD, over seven) a mention's dates reach;
    none for an undated mention or one vaguer than a month."""
    if m.date_start is None:
        return []
    start, end = _window(m)
    first, last = start.toordinal() // 7, end.toordinal() // 7
    return list(range(first, last + 1)) if last - first <= MAX_WEEKS else []


def _refines(whole: MentionRow, vague: MentionRow, offices: bool = False) -> bool:
    """`whole` names every side `vague` names, and one of them more precisely; with
    `offices` (see `_offices` for when), a named person also refines an unnamed office of
    the same state (one report's "the Armenian leader" is another's "Pashinyan")."""
    pairs = [(whole.source, whole.target)]
    if vague.event_type in SYMMETRIC_TYPES:
        pairs.append((whole.target, whole.source))
    return any(
        (vague.source, vague.target) != pair
        and _at_least(pair[0], vague.source, offices)
        and _at_least(pair[1], vague.target, offices)
        for pair in pairs
    )


def _at_least(precise: str | None, vague: str | None, offices: bool = False) -> bool:
    """The same actor, or a more precise one: named where the other is not, a person or
    body of the state the other is ("SAU/person/..." for "SAU"), or, with `offices`, a
    named person of the state whose unnamed office or body the other is ("ARM/person/..."
    for "ARM/role/leader"; "ESP/person/..." for "ESP/foreign-ministry": one report's
    "the foreign ministry summoned" is another's "the foreign minister summoned")."""
    if vague is None:
        return precise is not None
    if precise is None:
        return False
    if precise == vague or "/" not in vague and precise.startswith(vague + "/"):
        return True
    state, _, rest = vague.partition("/")
    return (
        offices
        and (rest.startswith("role/") or "/" not in rest)
        and state_of(vague) == state
        and precise.startswith(f"{state}/person/")
    )


def _join_announced(groups: list[list[MentionRow]]) -> list[list[MentionRow]]:
    """A planned or hypothetical group joins the one factual group of the same type that
    later reports give: one report's "X will meet Y on Tuesday" (or "troops were authorised
    to fire") published before another's "X met Y on Tuesday" is the same event, told before
    and after it happened. Their dates overlap, a side named by both is the same actor (or
    one names it more precisely), and every report of the plan appeared on an earlier day
    than the first report of the fact. In one report a plan beside a fact stays apart ("they
    met on Monday and will sign on Friday"). Candidates are looked up by type, state and
    week, so the work stays near-linear."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for gi, members in enumerate(groups):
        if _phase(members[0]) == "factual":
            for key in {k for m in members for k in _announce_keys(m)}:
                by_key[key].append(gi)
    merged: dict[int, int] = {}
    for gi, members in enumerate(groups):
        if _phase(members[0]) == "factual":
            continue
        fits = {
            fi
            for key in _announce_keys(members[0])
            for fi in by_key.get(key, ())
            if _announces(members, groups[fi])
        }
        if len(fits) == 1:
            merged[gi] = fits.pop()
    out = [list(members) for members in groups]
    for gi, target in merged.items():
        out[target].extend(groups[gi])
    return [members for gi, members in enumerate(out) if gi not in merged]


def _announce_keys(m: MentionRow) -> list[tuple]:
    """Type, the state of each named side, and each week the mention's dates reach."""
    states = {state_of(actor) for actor in (m.source, m.target) if actor is not None}
    return [(m.event_type, state, week) for state in states for week in _weeks(m)]


def _announces(early: list[MentionRow], facts: list[MentionRow]) -> bool:
    """Was group `early` (planned or hypothetical) told before the factual group `facts`, by
    other reports, at overlapping dates and of the same sides? See `_join_announced`."""
    told = [m.published for m in early]
    happened = [m.published for m in facts]
    if None in told or None in happened or max(told) >= min(happened):
        return False
    if {m.original_article for m in early} & {m.original_article for m in facts}:
        return False
    anchor, fact = early[0], facts[0]
    if anchor.event_type != fact.event_type or not _overlap(anchor, facts):
        return False
    pairs = [(fact.source, fact.target)]
    if fact.event_type in SYMMETRIC_TYPES:
        pairs.append((fact.target, fact.source))
    return any(
        _same_side(anchor.source, source) and _same_side(anchor.target, target)
        for source, target in pairs
    )


def _same_side(one: str | None, other: str | None) -> bool:
    """The same actor, or one side named more precisely or only by one of the reports."""
    return one == other or _at_least(one, other, True) or _at_least(other, one, True)


def _overlap(row: MentionRow, members: list[MentionRow]) -> bool:
    if row.date_start is None:
        return True
    start, end = _window(row)
    return any(
        m.date_start is not None and start <= _window(m)[1] and _window(m)[0] <= end
        for m in members
    )


def representative_date(
    members: list[MentionRow],
) -> tuple[dt.date | None, dt.date | None, str | None]:
    """The most precise date the reports give; ties go to the one most reports agree on."""
    dated = [m for m in members if m.date_start is not None]
    if not dated:
        return None, None, None
    votes = Counter((m.date_start, m.date_end, m.date_precision) for m in dated)
    best = min(votes, key=lambda k: ((k[1] - k[0]).days, -votes[k], k[0]))
    return best


def representative_modality(members: list[MentionRow]) -> str:
    """A denial by any report makes the event `denied` (a claim that was refuted); otherwise
    asserted wins over reported. The disagreement is kept in `conflicts` either way."""
    modalities = {m.modality for m in members}
    for choice in ("denied", "asserted", "negated", "reported", "planned", "hypothetical"):
        if choice in modalities:
            return choice
    return members[0].modality
