from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/extra.typ'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '// ladder-docs handbook helpers on top of the base preamble (ld-*): contents, changes, documents.\n\n#let hb-new = ld-ins-ink\n#let hb-evolved = rgb("#8a5a00")\n#let hb-dropped = ld-del-ink\n\n// A small caps-style label above a list ("New at this level").\n#let hb-kind(color, body) = block(above: 10pt, below: 5pt, sticky: true,\n  text(size: 7.5pt, weight: 700, fill: color, tracking: 0.06em, upper(body)))\n\n// A list whose markers say what happened: + new, ~ evolved, − dropped.\n#let hb-change-list(color, symbol, ..items) = {\n  set list(marker: text(fill: color, weight: 700, symbol), body-indent: 6pt, spacing: 0.7em)\n  list(..items.pos())\n}\n\n// "9 new · 8 evolved · 9 no longer listed" as outlined pills.\n#let hb-tally(color, body) = box(\n  stroke: 0.6pt + color, radius: 6pt, inset: (x: 5pt, y: 2pt), baseline: 2pt,\n  text(size: 8pt, weight: 600, fill: color, body))\n\n// A group name inside a dimension\'s competencies.\n#let hb-group(body) = block(above: 9pt, below: 4pt, sticky: true, text(weight: 600, body))\n\n// A quoted paragraph of an overview document.\n#let hb-quote(body) = block(inset: (left: 10pt, y: 2pt), stroke: (left: 2pt + ld-rule),\n  text(fill: ld-muted, body))\n\n// Table of an overview document: header row tinted.\n#let hb-table(columns, ..cells) = block(below: 12pt, table(\n  columns: columns, inset: (x: 6pt, y: 5pt),\n  fill: (col, row) => if row == 0 { ld-accent-soft } else { none },\n  stroke: (x, y) => (bottom: 0.5pt + ld-rule),\n  ..cells.pos(),\n))\n\n// The cover of a track or ladder handbook: title block and contents on the first page.\n#let hb-contents() = {\n  show outline.entry.where(level: 1): it => { v(6pt, weak: true); strong(it) }\n  outline(title: [Contents], depth: 2, indent: 1.2em)\n}\n'

blocks = {}
debug_info = ''

# Generated from the built-in template 'typst/extra.typ'; do not edit.
