"""CASE 2021 Task 2 (fine-grained event snippets, ACLED sub-types plus DIPLO): does the
PLOVER coder find the kind of event each snippet was labelled with?

    python benchmarks/bench_case.py           # prints a table
    run() -> list[dict]                       # rows: benchmark, metric, value, n, note

The set has no actors, dates or CAMEO codes, only one label per snippet (1-3 sentences), so
it is a coarse check. Labels are mapped to the PLOVER types that code them (MAPPING below);
labels without a clear PLOVER counterpart (OTHER, ATTRIB, HQ_ESTABLISHED, DISR_WEAP,
PROPERTY_DISTRUCT, CHANGE_TO_GROUP_ACT, territory changes) are not scored. Per group:
- hit rate: snippets where some coded event (any modality) has one of the mapped types;
- top-type accuracy: the snippet's main event (bench_events._top) has one of them;
- coverage: snippets with any coded event at all.
For the disaster and crime labels (NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME) the
coverage is the share of snippets on which the coder found some interaction; such snippets
can report real interactions (aid, arrests), so it is an upper bound on spurious events.
The coder was never tuned on this set. Its licence is not stated: evaluation only.
"""

from __future__ import annotations

import csv

from benchmarks.bench_events import SHARED, _pipeline, _row, _top

DATA = SHARED / "case2021-task2-finegrained" / "test_set_final_release_with_labels.tsv"
NOTE = "CASE 2021 task 2 test set, labels mapped to PLOVER; never tuned on"
VERBAL = frozenset(
    {
        "CONSULT", "AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "SANCTION",
    }
)  # fmt: skip
VIOLENT = (
    "ARMED_CLASH", "ATTACK", "AIR_STRIKE", "ART_MISS_ATTACK", "SUIC_BOMB", "GRENADE",
    "REM_EXPLOS", "CHEM_WEAP", "MOB_VIOL", "SEX_VIOL", "ABDUCT_DISSAP",
)  # fmt: skip
GROUPS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "DIPLO": (("DIPLO",), VERBAL),  # diplomacy in CASE spans talks, sanctions, expulsions
    "AGREEMENT": (("AGREEMENT",), frozenset({"AGREE"})),
    "violence": (VIOLENT, frozenset({"ASSAULT", "COERCE"})),
    "protest": (("PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"), frozenset({"PROTEST"})),
    "repression": (("ARREST", "FORCE_AGAINST_PROTEST"), frozenset({"COERCE", "ASSAULT"})),
}
NON_POLITICAL = ("NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME")


def load() -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["EventSnippet"], r["SubType"]) for r in rows]


def run() -> list[dict]:
    if not DATA.exists():
        return [
            {
                "benchmark": "case2021",
                "metric": "skipped",
                "value": "no data",
                "n": 0,
                "note": f"{DATA} not present",
            }
        ]
    snippets = load()
    code = _pipeline()
    coded = [events for events, _ in code([text for text, _ in snippets])]
    rows = []
    for group, (labels, types) in GROUPS.items():
        picked = [i for i, (_, label) in enumerate(snippets) if label in labels]
        hits = sum(any(e.event_type in types for e in coded[i]) for i in picked)
        tops = sum(_top(coded[i]) in types for i in picked)
        found = sum(bool(coded[i]) for i in picked)
        note = f"{NOTE}; {'+'.join(labels) if len(labels) < 4 else f'{len(labels)} labels'} -> {'/'.join(sorted(types)) if len(types) < 4 else 'any verbal type'}"
        rows += [
            _row("case2021", f"{group}: hit rate", hits / len(picked), len(picked), note),
            _row("case2021", f"{group}: top-type accuracy", tops / len(picked), len(picked), note),
            _row("case2021", f"{group}: coverage", found / len(picked), len(picked), note),
        ]
    other = [i for i, (_, label) in enumerate(snippets) if label in NON_POLITICAL]
    rows.append(
        _row(
            "case2021",
            "disaster/crime snippets with some event",
            sum(bool(coded[i]) for i in other) / len(other),
            len(other),
            f"{NOTE}; {'+'.join(NON_POLITICAL)}: upper bound on spurious events",
        )
    )
    return rows


def main() -> None:
    for r in run():
        print(f"{r['benchmark']:<10} {r['metric']:<42} {r['value']!s:>8}  n={r['n']}  {r['note']}")


if __name__ == "__main__":
    main()
