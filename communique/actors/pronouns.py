"""Pronouns (a part of `Resolver`): "he"/"she" is a person named before, "it" the state or
body the sentence before is about, "they" the group introduced last (see `resolve`)."""

from __future__ import annotations

from . import owners
from .entity import Entity, Link
from .found import Found


class PronounRules:
    """Mixed into `Resolver`: uses its found mentions, entities, groups and batches."""

    def _neuter(self, f: Found) -> list[Link]:
        """ "Poland expelled ... It also recalled ...": the state, body or organisation that is
        the first subject of the sentence before; else no mention."""
        before = [g for g in self.found if g.sent == f.sent - 1 and g.subject]
        before = [g for g in before if g.role == "actor" and not g.quoted]
        e = self.by_found.get(id(before[0])) if before else None
        if e is None or e.kind not in owners.OWNERS or before[0].plural:
            return []
        self.by_found[id(f)] = e
        return [Link(f, e)]

    def _pronoun(self, f: Found) -> list[Link]:
        if f.gender == "n":
            return self._neuter(f)
        if f.plural:
            batch = self._recent_batch(f.start)
            if batch:
                self.groups[id(f)] = batch
                return [Link(f, e) for e in batch]
            return [Link(f, None, "no earlier group for a plural pronoun")]
        entity = self._antecedent(f)
        if entity is None:
            return [Link(f, None, "no earlier person to refer to")]
        self._learn_gender(f, entity)
        return [Link(f, entity)]

    def _learn_gender(self, f: Found, entity: Entity) -> None:
        """ "Zorgath Varnuk arrived. She said ...": a person of unknown gender who is the only
        earlier person a "he"/"she" can mean takes its gender (a hint, like a given name's),
        unless an office nobody is named for ("the minister") could be meant instead."""
        if not f.gender or entity.gender:
            return
        earlier = self._earlier(f.start)
        people = {id(self.by_found[id(g)]) for g in earlier if self._is_person(g, f.gender)}
        unnamed_office = any(
            g.kind == "role" and not g.plural and not self._is_person(g, "") for g in earlier
        )
        if people == {id(entity)} and not unnamed_office:
            entity.gender, entity.named = f.gender, True

    def _antecedent(self, f: Found) -> Entity | None:
        earlier = [g for g in self._earlier(f.start) if self._is_person(g, f.gender)]
        if not f.quoted:  # a name in the quoted words is no antecedent of "he said"
            earlier = [g for g in earlier if not g.quoted]
        same = [g for g in earlier if g.sent == f.sent]
        if same:
            return self.by_found[id(same[-1])]
        subjects = [g for g in earlier if g.subject]
        pick = subjects[-1] if subjects else (earlier[-1] if earlier else None)
        return self.by_found.get(id(pick)) if pick else None

    def _is_person(self, g: Found, gender: str) -> bool:
        e = self.by_found.get(id(g))
        if e is None or e.kind != "person" or g.kind == "pronoun":
            return False
        return not (gender and e.gender and gender != e.gender)
