"""Office holders named after their office: "South Korea summoned Russia's ambassador ...
Ambassador Georgy Zinoviev answered that ...".

News often names an office first, with its state, and the holder's name later with the bare
title. A person of no stated country whose title is the office last mentioned before them is
that office's holder, of its state, when that last mention was the office itself (a role of a
known country) and not another named person of that title.
"""

from __future__ import annotations

from .entity import Link


def named_after_office(links: list[Link]) -> None:
    """Give such persons the state of the office named before them (links in text order)."""
    last: dict[str, Link] = {}
    for link in links:
        f, e = link.found, link.entity
        if e is None or f.role != "actor" or f.plural or f.kind not in ("person", "role"):
            continue
        title = f.title or e.title
        if not title:
            continue
        before = last.get(title)
        if f.kind == "person" and not (e.country or e.org) and before is not None:
            office = before.entity
            if office is not None and office.kind == "role" and office.country:
                e.settle(office.country)
                link.reason = None
        last[title] = link
