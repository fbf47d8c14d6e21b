from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changelog.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_sections = resolve('sections')
    l_0_per_revision = resolve('per_revision')
    l_0_total = missing
    try:
        t_1 = environment.filters['diff']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'diff' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="ladder-docs">\n<title>'
    yield escape((undefined(name='name') if l_0_name is missing else l_0_name))
    yield ' · what changed</title>\n<style>\n'
    template = environment.get_template('html/style.css', 'changelog.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'total': l_0_total}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '.cl-section { margin-top: 2.5rem; }\n.cl-section > h2 { font-size: 1.25rem; }\n.cl-level { margin: 1.25rem 0 1.75rem; }\n.cl-level > h3 { margin: 0 0 0.1rem; }\n.cl-level .path { margin: 0 0 0.5rem; font-size: 0.85rem; color: var(--muted); }\n.cl-changes { list-style: none; padding: 0; margin: 0; }\n.cl-changes > li { padding: 0.6rem 0.9rem; margin: 0.5rem 0; border: 1px solid var(--rule);\n  border-left: 4px solid var(--rule); border-radius: 0 6px 6px 0; background: var(--paper); }\n.cl-changes > li.sev-major { border-left-color: var(--dropped); }\n.cl-changes > li.sev-minor { border-left-color: var(--evolved); }\n.cl-changes > li.sev-patch { border-left-color: var(--accent); }\n.cl-head { font-size: 0.92rem; }\n.cl-head .where { color: var(--muted); }\n.sev, .bump { display: inline-block; font-size: 0.72rem; font-weight: 700; text-transform: uppercase;\n  letter-spacing: 0.06em; border-radius: 999px; padding: 0 0.55rem; margin-right: 0.35rem;\n  border: 1px solid currentColor; vertical-align: 0.1em; }\n.sev-major .sev, .bump-major { color: var(--dropped); }\n.sev-minor .sev, .bump-minor { color: var(--evolved); }\n.sev-patch .sev, .bump-patch, .bump-none { color: var(--accent); }\n.cl-text { margin: 0.35rem 0 0; }\n.cl-text code { word-break: break-all; }\n.commits { margin: 0.35rem 0 0; font-size: 0.82rem; color: var(--muted); }\n.commits code { font-size: 0.95em; }\n.empty { color: var(--muted); font-style: italic; }\n@media print { .cl-changes > li { break-inside: avoid; } }\n</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to content</a>\n<header class="site-header">\n  <div class="bar"><span>'
    yield escape((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '</span><span>Changelog</span></div>\n</header>\n<div class="layout'
    if (t_2((undefined(name='sections') if l_0_sections is missing else l_0_sections)) > 1):
        pass
        yield ' with-toc'
    yield '">\n'
    if (t_2((undefined(name='sections') if l_0_sections is missing else l_0_sections)) > 1):
        pass
        yield '<nav class="toc" aria-labelledby="toc-title">\n  <div>\n    <p class="toc-title" id="toc-title">Revisions</p>\n    <ul>\n'
        l_1_loop = missing
        for l_1_s, l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
            _loop_vars = {}
            pass
            yield '<li><a href="#s'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '">'
            yield escape((environment.getattr(environment.getattr(l_1_s, 'to'), 'date')[:10] if environment.getattr(environment.getattr(l_1_s, 'to'), 'date') else environment.getattr(l_1_s, 'title')))
            if environment.getattr(environment.getattr(l_1_s, 'to'), 'rev'):
                pass
                yield ' · '
                yield escape(environment.getattr(environment.getattr(l_1_s, 'to'), 'rev'))
            yield '</a></li>\n'
        l_1_loop = l_1_s = missing
        yield '    </ul>\n  </div>\n</nav>\n'
    yield '<main id="main">\n<header class="title-block">\n  <p class="eyebrow">Changelog</p>\n  <h1>'
    yield escape((undefined(name='name') if l_0_name is missing else l_0_name))
    yield ': what changed</h1>\n'
    l_0_total = t_3(environment, (undefined(name='sections') if l_0_sections is missing else l_0_sections), attribute='count')
    context.vars['total'] = l_0_total
    context.exported_vars.add('total')
    yield '  <p class="meta">'
    if (undefined(name='per_revision') if l_0_per_revision is missing else l_0_per_revision):
        pass
        yield escape(t_2((undefined(name='sections') if l_0_sections is missing else l_0_sections)))
        yield ' '
        yield escape(('revision' if (t_2((undefined(name='sections') if l_0_sections is missing else l_0_sections)) == 1) else 'revisions'))
        yield ' · '
    yield escape((undefined(name='total') if l_0_total is missing else l_0_total))
    yield ' '
    yield escape(('change' if ((undefined(name='total') if l_0_total is missing else l_0_total) == 1) else 'changes'))
    yield '</p>\n</header>\n'
    if (not (undefined(name='total') if l_0_total is missing else l_0_total)):
        pass
        yield '<p class="empty">No changes to the ladder.</p>\n'
    l_1_loop = missing
    for l_1_s, l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '<section class="cl-section" id="s'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '" aria-labelledby="s'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '-title">\n  <h2 id="s'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '-title">'
        yield escape(environment.getattr(l_1_s, 'title'))
        yield '</h2>\n  <p class="meta">Suggested version bump <span class="bump bump-'
        yield escape(environment.getattr(l_1_s, 'bump'))
        yield '">'
        yield escape(environment.getattr(l_1_s, 'bump'))
        yield '</span>\n    · '
        yield escape(environment.getattr(l_1_s, 'count'))
        yield ' '
        yield escape(('change' if (environment.getattr(l_1_s, 'count') == 1) else 'changes'))
        yield '</p>\n'
        l_2_loop = missing
        for l_2_lv, l_2_loop in LoopContext(environment.getattr(l_1_s, 'levels'), undefined):
            _loop_vars = {}
            pass
            yield '  <article class="cl-level">\n    <h3>'
            yield escape(environment.getattr(l_2_lv, 'label'))
            yield '</h3>\n    <p class="path"><code>'
            yield escape(environment.getattr(l_2_lv, 'path'))
            yield '</code></p>\n    <ul class="cl-changes">\n'
            l_3_loop = missing
            for l_3_c, l_3_loop in LoopContext(environment.getattr(l_2_lv, 'changes'), undefined):
                _loop_vars = {}
                pass
                yield '      <li class="sev-'
                yield escape(environment.getattr(l_3_c, 'severity'))
                yield '">\n        <div class="cl-head"><span class="sev">'
                yield escape(environment.getattr(l_3_c, 'severity'))
                yield '</span><strong>'
                yield escape(environment.getattr(l_3_c, 'headline'))
                yield '</strong>'
                if environment.getattr(l_3_c, 'where'):
                    pass
                    yield ' <span class="where">· '
                    yield escape(environment.getattr(l_3_c, 'where'))
                    yield '</span>'
                yield '</div>\n'
                if environment.getattr(l_3_c, 'structural'):
                    pass
                    if ((not t_4(environment.getattr(l_3_c, 'before'))) and (not t_4(environment.getattr(l_3_c, 'after')))):
                        pass
                        yield '        <p class="cl-text"><code>'
                        yield escape(environment.getattr(l_3_c, 'before'))
                        yield '</code> → <code>'
                        yield escape(environment.getattr(l_3_c, 'after'))
                        yield '</code></p>\n'
                    elif (environment.getattr(l_3_c, 'after') or environment.getattr(l_3_c, 'before')):
                        pass
                        yield '        <p class="cl-text">'
                        yield escape((environment.getattr(l_3_c, 'after') or environment.getattr(l_3_c, 'before')))
                        yield '</p>\n'
                else:
                    pass
                    yield '        <p class="cl-text">'
                    yield escape(t_1(environment.getattr(l_3_c, 'words')))
                    yield '</p>\n'
                if environment.getattr(l_3_c, 'commits'):
                    pass
                    yield '        <p class="commits">'
                    l_4_loop = missing
                    for l_4_k, l_4_loop in LoopContext(environment.getattr(l_3_c, 'commits'), undefined):
                        _loop_vars = {}
                        pass
                        yield '<code>'
                        yield escape(environment.getattr(l_4_k, 'sha'))
                        yield '</code> '
                        yield escape(environment.getattr(l_4_k, 'author'))
                        yield ', '
                        yield escape(environment.getattr(l_4_k, 'date')[:10])
                        if environment.getattr(l_4_k, 'pr'):
                            pass
                            yield ' · PR #'
                            yield escape(environment.getattr(l_4_k, 'pr'))
                        if (not environment.getattr(l_4_loop, 'last')):
                            pass
                            yield '; '
                    l_4_loop = l_4_k = missing
                    yield '</p>\n'
                yield '      </li>\n'
            l_3_loop = l_3_c = missing
            yield '    </ul>\n  </article>\n'
        l_2_loop = l_2_lv = missing
        yield '</section>\n'
    l_1_loop = l_1_s = missing
    yield '</main>\n</div>\n</body>\n</html>\n'

blocks = {}
debug_info = '9=40&11=42&42=49&44=51&45=55&50=59&59=74&60=76&61=80&63=90&66=94&67=98&68=102&69=106&70=110&71=115&73=119&74=121&76=124&77=128&78=130&79=140&80=142&81=145&82=149&83=152&86=157&88=159&89=163'

# Generated from the built-in template 'changelog.html.j2'; do not edit.
