"""The cheaper context build gives what the straightforward one gave: same trees, pairs, digests.

Oracles are the straightforward versions, kept here: inline trees from markdown-it's full
parseInline, "What changes" pairs from diffmatch.pair_similar with a per-pair score, fingerprints
from a full walk of the context.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from ladder_docs import diffmatch, inline, level_changes
from ladder_docs.context import Contexts
from ladder_docs.diffmatch import MOVE_THRESHOLD, REWORD_THRESHOLD, fold, pair_exact, pair_similar, similarity
from ladder_docs.level_changes import Evolved, LevelChanges, Placed, compare
from ladder_docs.model import Dimension, Item, Ladder, Level, Source
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

# ---- oracles -------------------------------------------------------------------------------------


def reference_tree(text: str) -> list[inline.Node]:
    """Every text through markdown-it's parseInline (core rules included), as parsing always did."""
    root: list[inline.Node] = []
    stack = [root]
    for tok in inline._md.parseInline(text.replace("\r\n", "\n").replace("\r", "\n"))[0].children or []:
        kind = tok.type
        if kind.endswith("_open"):
            base = kind[: -len("_open")]
            node: inline.Node = {"t": inline._CONTAINERS.get(base, "rawlink"), "c": []}
            if base == "link":
                node["href"] = str(tok.attrs.get("href", ""))
            stack[-1].append(node)
            stack.append(node["c"])
        elif kind.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        elif kind == "code_inline":
            stack[-1].append({"t": "code", "v": tok.content})
        elif kind == "hardbreak":
            stack[-1].append({"t": "break"})
        elif kind == "softbreak":
            inline._add_text(stack[-1], " ")
        elif kind == "image":
            inline._add_text(stack[-1], "".join(c.content for c in tok.children or []))
        else:
            inline._add_text(stack[-1], tok.content)
    return inline._linkify(root)


def same_tree(text: str) -> bool:
    """Our cached tree is the oracle's, keys in the same order (the context JSON shows them)."""
    nodes, links = inline._parse_cached(text)
    want = reference_tree(text)
    has_links = any(n["t"] == "rawlink" for n in inline._walk(want))
    return json.dumps(list(nodes)) == json.dumps(want) and links == has_links


def reference_compare(before: Level, after: Level) -> LevelChanges:
    """Pairs as diffmatch.pair_similar makes them with a per-pair score."""
    def bag(text: str) -> tuple[frozenset[tuple[str, int]], int]:
        seen: dict[str, int] = {}
        out = set()
        for w in fold(text).lower().split():
            seen[w] = seen.get(w, 0) + 1
            out.add((w, seen[w]))
        return frozenset(out), len(out)

    def score(a: Placed, b: Placed) -> float:
        limit = REWORD_THRESHOLD if a.dimension == b.dimension else MOVE_THRESHOLD
        (wa, na), (wb, nb) = bag(a.item.text), bag(b.item.text)
        if na + nb and 2.0 * len(wa & wb) / (na + nb) < limit:
            return -1.0
        s = similarity(a.item.text, b.item.text)
        return s if s >= limit else -1.0

    old = [Placed(d.name, it) for d in before.dimensions for it in d.competencies]
    cur = [Placed(d.name, it) for d in after.dimensions for it in d.competencies]
    taken_old: set[int] = set()
    taken_cur: set[int] = set()
    exact = pair_exact(old, cur, [lambda p: fold(p.item.text).lower()], taken_old, taken_cur)
    pairs = {j: i for i, j in pair_similar(old, cur, score, taken_old, taken_cur)}
    evolved = tuple(Evolved(old[i], cur[j], round(similarity(old[i].item.text, cur[j].item.text), 3))
                    for j, i in sorted(pairs.items()))
    return LevelChanges(tuple(cur[j] for j in range(len(cur)) if j not in taken_cur), evolved,
                        tuple(old[i] for i in range(len(old)) if i not in taken_old),
                        tuple(cur[j] for _i, j in sorted(exact, key=lambda p: p[1])))


def reference_fingerprint(contexts: Contexts, context: dict[str, Any]) -> str:
    """Every dict and list walked; each level's data stands as the sha256 of its JSON."""
    def dump(obj: Any) -> bytes:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()

    levels = {id(contexts.level_data(lv)): lv.key for lv in contexts.ladder.levels}

    def shrink(obj: Any) -> Any:
        if isinstance(obj, dict):
            if id(obj) in levels:
                return {"@level": hashlib.sha256(dump(obj)).hexdigest()}
            return {k: shrink(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [shrink(v) for v in obj]
        return obj

    return hashlib.sha256(dump(shrink(context))).hexdigest()


# ---- inline parsing ------------------------------------------------------------------------------

PLAIN = ["", " ", "  two  spaces  ", "\t tab", "a # heading? no", "- not a list", "1. not a list", "> no quote",
         "Key: value = 5 + 3 @ 100% {x} $y ^z", "R&D and Q&A", "a & b", "&nbsp without semicolon", "1 < 2",
         "2 > 1", "wow!", "x]", "café naïve", "\u00a0nbsp\u00a0", "line\u2028sep", "see https://example.com/a.",
         "mail me: mailto:x@y.z"]
SYNTAX = ["a ~ b", "[done] no", "see https://example.com/a_b.", "**bold** text", "*em*", "_em_", "snake_case_name",
          "`code`", "~~gone~~", "a\nb", "a  \nb", "a\\*b", "&amp; &#65; &#x41;", "&copy;", "<http://example.com>",
          "<a@b.co>", "1 <2> 3", "![alt](x.png)", "a\rb", "a\r\nb", "nul\0char", "[a][b]", "[a]"]
LINKS = ["[a](b)", "see [L2](../L2.md) and [L3](../L3.md#x).", "[https://x.y](https://x.y)", "[a](b)(c)",
         "[a b](http://e.com/a_b*c~d)", "x] [a](b)", "[a!](b)", "[ spaced ](b)", "[a](%zz)", "[a](b'c\"d)"]
NOT_PLAIN_LINKS = ["![a](b)", "x![a](b)", "[a]( b)", "[a](b c)", "[a](<b>)", '[a](b "t")', "[a]()", "[](b)",
                   "[a](b(c))", "[a](b\\)c)", "[a](b&amp;c)", "[*a*](b)", "[a](b) *c*", "[a](b) [c]", "[a](`b`)",
                   "[a](b)\n", "R&D [a](b)", "[a](b) <c>"]


def test_plain_text_skips_markdown_it_with_the_same_tree() -> None:
    assert [t for t in PLAIN if inline._SYNTAX.search(t)] == []
    assert [t for t in SYNTAX if not inline._SYNTAX.search(t)] == []
    assert all(same_tree(t) for t in PLAIN + SYNTAX)
    assert inline._parse_cached("R&D and Q&A") == (({"t": "text", "v": "R&D and Q&A"},), False)
    assert inline._parse_cached("") == ((), False)


def test_plain_links_built_without_markdown_it_as_it_builds_them() -> None:
    assert [t for t in LINKS if inline._plain_links(t) is None] == []
    assert [t for t in NOT_PLAIN_LINKS if inline._plain_links(t) is not None] == []
    assert all(same_tree(t) for t in LINKS + NOT_PLAIN_LINKS)
    assert inline._plain_links("see [L2](../L2.md).") == [
        {"t": "text", "v": "see "}, {"t": "rawlink", "c": [{"t": "text", "v": "L2"}], "href": "../L2.md"},
        {"t": "text", "v": "."}]
    assert list(inline._parse_cached("[a](b%zz)")[0]) == [
        {"t": "rawlink", "c": [{"t": "text", "v": "a"}], "href": "b%25zz"}]  # as markdown-it encodes it


def test_parse_and_parse_unlinked_agree() -> None:
    for text in PLAIN + SYNTAX + LINKS:
        nodes, links = inline._parse_cached(text)
        unlinked = inline.parse_unlinked(text)
        assert (unlinked is None) == links
        if unlinked is not None:
            assert unlinked == inline.parse(text) == list(nodes)
    assert inline.parse_unlinked("see [L2](../L2.md)") is None


@pytest.mark.parametrize("seed", [1, 2])
def test_fuzzed_text_gets_the_oracles_tree(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [*"ab :-#=+@{}$%^().,/'\"|\t!]~<>&;\\*_[`\n\r\0é", "\u00a0", "http://x.y/", "&amp;", "&#65;",
              "<http://a.b>", "[a](b)", "[x y](http://a.b/c_d)", "](", "**", "~~", "R&D", "mailto:a@b", "../L2.md"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(4000)]
    assert [t for t in texts if not same_tree(t)] == []
    # Both shortcuts were exercised, not only markdown-it.
    assert sum(1 for t in texts if not inline._SYNTAX.search(t)) > 100
    assert sum(1 for t in texts if inline._SYNTAX.search(t) and inline._plain_links(t) is not None) > 50


def parsed_texts(ladder: Ladder) -> set[str]:
    """Every text a build's contexts parse (level data and the whole ladder)."""
    contexts = Contexts(ladder)
    seen: set[str] = set()
    real = inline.parse_unlinked

    def spy(text: str) -> list[inline.Node] | None:
        seen.add(text)
        return real(text)

    inline.parse_unlinked = spy
    try:
        for lv in ladder.levels:
            contexts.level_data(lv)
        contexts.whole()
    finally:
        inline.parse_unlinked = real
    return seen


@pytest.mark.corpus
def test_corpus_texts_of_many_revisions_get_the_oracles_tree(corpus: Path) -> None:
    repo = Repository.open(corpus)
    head = parsed_texts(read_ladder(repo, "HEAD"))
    assert len(head) == 1490
    assert sum(1 for t in head if not inline._SYNTAX.search(t)) == 1353
    assert sum(1 for t in head if inline._SYNTAX.search(t) and inline._plain_links(t) is not None) == 59
    revs = subprocess.run(["git", "-C", str(corpus), "rev-list", "--all"], capture_output=True, text=True,
                          check=True).stdout.split()
    texts = set(head)
    for rev in revs[::25]:
        texts |= parsed_texts(read_ladder(repo, rev))
    assert len(texts) > 2000
    assert [t for t in sorted(texts) if not same_tree(t)] == []


# ---- word matching -------------------------------------------------------------------------------


def test_ascii_fold_is_the_pattern_fold() -> None:
    rng = random.Random(3)
    texts = ["".join(chr(rng.randrange(128)) for _ in range(rng.randrange(30))) for _ in range(20000)]
    slow = re.compile(r"[\W_]+")
    assert [t for t in texts if fold(t) != " ".join(slow.sub(" ", unicodedata.normalize("NFKC", t)).split())] == []
    assert fold("I *own* the_roadmap;\tfor  Q3!") == "I own the roadmap for Q3"
    assert fold("ﬁnal café") == "final café"  # not ASCII: NFKC, as before


def test_similarity_to_gives_similarity() -> None:
    texts = ["I lead the team", "I lead the whole team and the roadmap", "", "the the the", "Team lead, I",
             "I own delivery", "the roadmap"]
    for b in texts:
        score = diffmatch.similarity_to(b)
        assert [score(a) for a in texts] == [similarity(a, b) for a in texts]


def level(key: str, dims: dict[str, list[str]]) -> Level:
    dimensions = tuple(Dimension(name, "", tuple(Item(t, n) for n, t in enumerate(texts, 1)), (), 1)
                       for name, texts in dims.items())
    return Level(key, key, None, (1, 0, 0), key, "", (), dimensions, Source(f"{key}.md", None), "t")


def test_compare_pairs_as_pair_similar_did() -> None:
    before = level("a", {"Craft": ["I write code and I review code and I test code", "I fix bugs",
                                   "I document the API for the team", "I join the on-call rota"],
                         "Team": ["I mentor juniors in the team", "I share what I learn with the team"]})
    after = level("b", {"Craft": ["I write code and review code and test code for the team", "I fix bugs",
                                  "I design systems"],
                        "Team": ["I document the API for the whole team", "I mentor juniors and peers in the team",
                                 "I join the on-call rota"]})
    got = compare(before, after)
    assert repr(got) == repr(reference_compare(before, after))
    assert [(e.before.item.text, e.after.item.text, e.score) for e in got.evolved] == [
        ("I write code and I review code and I test code", "I write code and review code and test code for the team",
         0.783),
        ("I document the API for the team", "I document the API for the whole team", 0.933),
        ("I mentor juniors in the team", "I mentor juniors and peers in the team", 0.857)]
    assert [p.item.text for p in got.unchanged] == ["I fix bugs", "I join the on-call rota"]
    assert [p.item.text for p in got.new] == ["I design systems"]
    assert [p.item.text for p in got.dropped] == ["I share what I learn with the team"]


@pytest.mark.corpus
def test_corpus_levels_compare_as_before(corpus: Path) -> None:
    ladder = read_ladder(Repository.open(corpus), "HEAD")
    pairs = [(t.levels[i - 1], t.levels[i]) for t in ladder.tracks for i in range(1, len(t.levels))]
    results = [compare(a, b) for a, b in pairs]
    assert [repr(r) for r in results] == [repr(reference_compare(a, b)) for a, b in pairs]
    assert len(pairs) == 36
    assert sum(len(r.evolved) for r in results) == 44


def test_word_bags_count_repeats() -> None:
    level_changes._bag.cache_clear()
    bag, size = level_changes._bag("The team, the TEAM and the roadmap")
    assert size == 7
    assert bag == frozenset({"the", "team", "and", "roadmap", "the\0" + "2", "the\0" + "3", "team\0" + "2"})


# ---- contexts ------------------------------------------------------------------------------------


def contexts_json(contexts: Contexts) -> dict[str, str]:
    ladder = contexts.ladder
    out = {f"level:{lv.key}": contexts.level(lv.key) for lv in ladder.levels}
    out.update({f"track:{t.key}": contexts.track(t.key) for t in ladder.tracks})
    out.update({"ladder": contexts.whole(), "index": contexts.index()})
    return {k: json.dumps(v, sort_keys=True) for k, v in out.items()}


def test_contexts_do_not_depend_on_the_order_levels_are_made(example_repo: Path) -> None:
    ladder = read_ladder(Repository.open(example_repo), "HEAD")
    forward, backward = Contexts(ladder), Contexts(ladder)
    for lv in ladder.levels:
        forward.level_data(lv)
    for lv in reversed(ladder.levels):  # each level before the one it is compared with
        backward.level_data(lv)
    assert contexts_json(forward) == contexts_json(backward)
    assert forward.problems == backward.problems
    assert len(ladder.levels) == 12


def test_fingerprints_and_shared_data(example_repo: Path) -> None:
    ladder = read_ladder(Repository.open(example_repo), "HEAD")
    contexts = Contexts(ladder)
    track = ladder.tracks[0]
    whole = contexts.whole()
    assert whole["tracks"][0] is contexts.track_data(track) is contexts.track(track.key)["track"]
    assert json.dumps(whole, sort_keys=True) == json.dumps(Contexts(ladder).whole(), sort_keys=True)
    pdf_levels = {"meta": contexts.meta, "track": contexts.level(track.levels[0].key)["track"],
                  "levels": [contexts.level_data(lv) for lv in track.levels]}
    for ctx in [whole, contexts.index(), contexts.track(track.key), contexts.level(track.levels[1].key), pdf_levels,
                {**contexts.index(), "formats": ["html"]}]:
        assert contexts.fingerprint(ctx) == reference_fingerprint(contexts, ctx)
