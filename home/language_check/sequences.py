"""Finding the sequences of a sentence's candidate rules in its words (``matcher`` says
which sentences and which sequences; this reads the words): each sequence's first word
place is looked for among the words whose bits it needs, then the next places within their
gaps; a rule's parts are kept when they use different words."""

import itertools
from itertools import compress, islice

SEPARABLE_REACH = 12
MATCHES_KEPT = 4  # matches of one part of a rule kept per sentence


VETOED = object()  # a rule found, but kept from applying by an "unless" wording


def find(plans, tokens, candidates, vetoed=None):
    """[(plan, [token indexes])] for every rule found in one sentence. The parts of a
    context rule must be found in different words. ``candidates`` come rule by rule, each
    rule's parts in order and its exceptions last (``patterns.read_rule``), so a rule is
    given up at its first part found nowhere, or at its first exception found. The plans of
    rules found but kept from applying by an exception are added to ``vetoed`` (a list) when
    it is given."""
    token_bits = [token[2] for token in tokens]
    results = []
    for owner, group in itertools.groupby(candidates, key=_owner):
        plan = plans[owner]
        found = _parts_found(group, plan.parts, tokens, token_bits)
        if found is VETOED:
            if vetoed is not None:
                vetoed.append(plan)
            continue
        if found is None:
            continue
        if plan.parts == 1:
            # One part: its earliest match, the longest first (a match's indexes rise).
            results.append((plan, list(min(found[0], key=_earliest_longest))))
            continue
        # The earliest matches of each part, the longest first where several start at
        # one word ("asile de fous" before "asile"), whichever alternatives found them:
        # the wording a finding names never depends on the order they were tried in.
        parts = [
            sorted(set(map(tuple, matches)), key=_earliest_longest)[:MATCHES_KEPT]
            for matches in found
        ]
        used = _disjoint(parts)
        if used:
            results.append((plan, used))
    return results


def _parts_found(sequences, count, tokens, token_bits):
    """The matches of each of a rule's ``count`` parts (from its candidate ``sequences``),
    None when one part is found nowhere, VETOED when an exception is found (the exceptions
    come last: every part was found)."""
    found = [[] for _part in range(count)]
    current = 0
    for compiled in sequences:
        part = compiled.part
        if part != current:
            if current >= 0 and not found[current]:
                return None
            current = part
        if part >= 0:
            _collect(compiled, tokens, token_bits, found[part])
            continue
        exception = []
        _collect(compiled, tokens, token_bits, exception)
        if exception:
            return VETOED
    if current >= 0 and not found[current]:
        return None
    return found


def _owner(compiled):
    return compiled.owner


def _collect(compiled, tokens, token_bits, matches):
    """Add the first matches of one sequence (at most ``MATCHES_KEPT``) to ``matches``."""
    head = compiled.steps[0].bit
    starts = compress(range(len(token_bits)), map(head.__and__, token_bits))
    if compiled.single:
        # One word place that needs no particle: every word with its bit is a match.
        matches.extend([index] for index in islice(starts, MATCHES_KEPT))
        return
    kept = 0
    for index in starts:
        used = _match(compiled.steps, tokens, index)
        if used:
            matches.append(used)
            kept += 1
            if kept == MATCHES_KEPT:
                return


def _fits(step, tokens, index):
    token = tokens[index]
    if not token[2] & step.bit:
        return False
    if not step.separable:
        return True
    keys = token[1]
    if step.slot.keys & keys:
        return True
    for verb, particle in step.separable:
        if verb in keys and _particle_after(tokens, index, particle):
            return True
    return False


def _match(steps, tokens, index):
    if not _fits(steps[0], tokens, index):
        return None
    return _rest(steps, 1, tokens, [index])


def _rest(steps, number, tokens, used):
    """``used`` with the words of steps ``number`` onwards, or None. Each step takes the
    nearest word that lets the steps after it be found too: in "nahm sich wegen der
    Insolvenz das Leben", "der" (also read as a form of "das") must not hide the "das" of
    "das Leben" further on."""
    if number == len(steps):
        return used
    step = steps[number]
    start = used[-1] + 1
    for position in range(start, min(start + step.gap + 1, len(tokens))):
        if _fits(step, tokens, position):
            found = _rest(steps, number + 1, tokens, [*used, position])
            if found:
                return found
    return None


def _particle_after(tokens, index, particle):
    clause = tokens[index][0].clause
    marker = "=" + particle
    for word, keys, _bits in tokens[index + 1 : index + 1 + SEPARABLE_REACH]:
        if word.clause != clause:
            return False
        if marker in keys:
            return True
    return False


def _earliest_longest(match):
    """Sort key of one match (its token indexes): where it starts, then the longest."""
    return (match[0], -len(match), match)


def _disjoint(parts):
    """Token indexes of one match per part with no word shared, or None."""
    for combination in itertools.product(*parts):
        taken = set()
        for used in combination:
            if taken.intersection(used):
                break
            taken.update(used)
        else:
            return sorted(taken)
    return None
