"""Hand-built ladders for the handbook tests: a small clean one and one full of hostile content."""

from __future__ import annotations

from ladder_docs.model import Block, Dimension, Document, Item, Ladder, Level, Revision, Source, Track

REVISION = Revision(rev="v1.2.0", sha="0123456789abcdef0123456789abcdef01234567",
                    date="2024-06-01T12:00:00+00:00", dirty=False, version="v1.2.0", tag="v1.2.0")

# Every way content could try to escape its place, one per line.
HOSTILE = (
    "<script>alert('x')</script> I ship safely.",
    'I <img src=x onerror="alert(1)"> review <iframe src="https://evil.example"></iframe> code.',
    "I follow [the guide](javascript:alert(1)) and [data](data:text/html,<script>x</script>).",
    "I read [files](file:///etc/passwd) and ![secrets](/etc/passwd) and ![more](../../secret).",
    'I write #read("/etc/passwd") and #include "x.typ" and $x^2$ and @ref and <label>.',
    "I print {{ 7*7 }} and {% if true %}jinja{% endif %} literally.",
    "I know `{=openxml}` and \\<w:p\\> and `{=typst}` and `{=latex}` are code.",
)


def _items(*texts: str, line: int = 10) -> tuple[Item, ...]:
    return tuple(Item(t, line + i) for i, t in enumerate(texts))


def level(key: str, ident: str, title: str, comps: dict[str, tuple[str, ...]], *, summary: str = "",
          examples: tuple[str, ...] = (), notes: tuple[Block, ...] = ()) -> Level:
    track, slug = key.split("/")
    dims = tuple(
        Dimension(name, emoji, _items(*texts), _items(*examples) if i == 0 else (), 9 + 10 * i)
        for i, (name, texts) in enumerate(comps.items())
        for emoji in ["🦉" if i == 0 else "🌱"]
    )
    path = f"ladder/{track.capitalize()}/{ident}-{title.replace(' ', '-')}.md"
    return Level(key=key, slug=slug, id=ident, rank=(int(ident[1:]), 0, 0), title=title,
                 summary=summary, attributes=(("Planning horizon", "A quarter"), ("Impact radius", "Team")),
                 dimensions=dims, source=Source(path, "b" * 40), track=track, notes=notes)


def clean_ladder() -> Ladder:
    """Two levels of one track with a known set of changes, plus an overview document."""
    l1 = level("eng/l1-engineer", "L1", "Engineer", {
        "Domain expertise": ("I write tested code.", "I ask for help when stuck.",
                             "I know one language well."),
        "Teaching": ("I share what I learn.",)},
        summary="I learn the craft.", examples=("I fixed a bug.",))
    l2 = level("eng/l2-senior-engineer", "L2", "Senior Engineer", {
        "Domain expertise": ("I write tested code.", "I know two languages well.",
                             "I design services, like [L1](L1-Engineer.md) but bigger."),
        "Teaching": ("I mentor new engineers.",)},
        summary="I own **services** end to end.", examples=("I led a migration.",))
    overview = Document("eng/readme", "What engineers do", (
        Block("heading", "What engineers do", 1, depth=1),
        Block("para", "We build the product. See [L2](L2-Senior-Engineer.md).", 3),
        Block("heading", "Levels", 5, depth=3),
        Block("item", "L1 Engineer", 6), Block("item", "L2 Senior Engineer", 7),
        Block("item", "nested", 8, depth=1),
        Block("table", "", 10, rows=(("Level", "Title"), ("L1", "Engineer"))),
    ), Source("ladder/Eng/README.md", "c" * 40), "eng")
    track = Track("eng", "Engineering", "ladder/Eng", (l1, l2), (overview,))
    everyone = Document("everyone", "Everyone", (Block("para", "Values for all.", 1),),
                        Source("ladder/Everyone.md", "d" * 40), None)
    return Ladder("Acme Ladder", "ladder", REVISION, (track,), (everyone,))


def hostile_ladder() -> Ladder:
    """One track whose second level carries every hostile string (competency, example, summary)."""
    base = clean_ladder()
    l1 = base.tracks[0].levels[0]
    bad = level("eng/l2-senior-engineer", "L2", "Senior Engineer",
                {"Domain expertise": HOSTILE, "Teaching": ("I mentor.",)},
                summary='I <script>alert("s")</script> lead {{ 7*7 }} <a href="javascript:x" onclick="y">here</a>.',
                examples=HOSTILE[:3],
                notes=(Block("code", "```{=html}\n<script>raw()</script>\n```", 40),
                       Block("para", "{=openxml} <w:p/> #read(\"/etc/passwd\")", 44)))
    track = Track("eng", "Engineering", "ladder/Eng", (l1, bad), base.tracks[0].overview)
    return Ladder("Acme <Ladder> & {{ co }}", "ladder", REVISION, (track,), base.documents)
