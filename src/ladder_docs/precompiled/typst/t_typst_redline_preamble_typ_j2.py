from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/redline-preamble.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '// Redline helpers on top of the base preamble (ld-ins, ld-del, ld-changed) and typst/extra.typ.\n\n// Who made a change: a small muted line under the changed text.\n#let rl-who(body) = block(above: 3pt, below: 1pt, text(size: 7.2pt, fill: ld-muted, style: "normal", body))\n\n// The range and counts under the title.\n#let rl-range(body) = block(above: 0pt, below: 8pt, text(size: 8.5pt, fill: ld-muted, body))\n\n// A note about the whole level (new, removed, moved), with a coloured edge.\n#let rl-banner(color, body) = block(width: 100%, above: 4pt, below: 6pt, inset: (x: 8pt, y: 5pt),\n  stroke: (left: 2.2pt + color), fill: rgb("#f6f8fa"), text(size: 9pt, body))\n\n// What the marks mean.\n#let rl-legend() = block(width: 100%, above: 6pt, below: 14pt, inset: (x: 8pt, y: 6pt), radius: 3pt,\n  stroke: 0.5pt + ld-rule, text(size: 8.5pt, fill: ld-muted)[\n    #ld-ins[Inserted text] #h(1.2em) #ld-del[Deleted text] #h(1.2em)\n    #box(stroke: (left: 2.2pt + ld-bar), inset: (left: 5pt))[Changed item] #h(1.2em)\n    #text(fill: ld-ink)[#raw("sha") author, date, PR]: the commits that made it\n  ])\n\n// Examples with their label marked as a whole (`mark`: ld-ins, ld-del, or the identity).\n#let rl-examples(mark, ..items) = {\n  let items = items.pos()\n  set text(size: 8.8pt, fill: ld-muted)\n  set list(marker: text(fill: ld-muted)[–], spacing: 0.5em, indent: 0pt, body-indent: 5pt)\n  block(above: 4pt, below: 2pt, inset: (left: 2pt))[\n    #mark(text(style: "italic")[For example])\n    #list(..items)\n  ]\n}\n'

blocks = {}
debug_info = ''

# Generated from the built-in template 'typst/redline-preamble.typ.j2'; do not edit.
