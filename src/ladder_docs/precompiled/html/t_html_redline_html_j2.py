from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/redline.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_level = resolve('level')
    l_0_ladder = resolve('ladder')
    l_0_page = resolve('page')
    l_0_base = resolve('base')
    l_0_head = resolve('head')
    l_0_r = l_0_lv = l_0_label = l_0_c = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_4 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    l_0_r = context.vars['r'] = environment.get_template('html/redline-macros.html.j2', 'html/redline.html.j2').make_module(context.get_all(), True, {'c': l_0_c, 'label': l_0_label, 'lv': l_0_lv, 'r': l_0_r})
    context.exported_vars.discard('r')
    l_0_lv = (undefined(name='level') if l_0_level is missing else l_0_level)
    context.vars['lv'] = l_0_lv
    context.exported_vars.add('lv')
    l_0_label = (context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title'), 'text'), 'after') or context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title'), 'text'), 'before'))
    context.vars['label'] = l_0_label
    context.exported_vars.add('label')
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="ladder-docs">\n<title>Redline · '
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield ' · '
    yield escape(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'track'))
    yield ' · '
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield '</title>\n<style>\n'
    template = environment.get_template('html/style.css', 'html/redline.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'c': l_0_c, 'label': l_0_label, 'lv': l_0_lv, 'r': l_0_r}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('html/redline.css.j2', 'html/redline.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'c': l_0_c, 'label': l_0_label, 'lv': l_0_lv, 'r': l_0_r}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to content</a>\n<header class="site-header">\n  <div class="bar">\n    <nav class="crumbs" aria-label="Breadcrumb">\n      <ol>\n        <li><a href="'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'index'))
    yield '">'
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield ' redlines</a></li>\n        <li>'
    yield escape(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'track'))
    yield '</li>\n        <li><span aria-current="page">'
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield '</span></li>\n      </ol>\n    </nav>\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'alternates'):
        pass
        yield '    <nav class="formats" aria-label="Other formats">\n      <ul>\n'
        for l_1_alt in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'alternates'):
            _loop_vars = {}
            pass
            yield '        <li><a href="'
            yield escape(environment.getattr(l_1_alt, 'href'))
            yield '">Download '
            yield escape(environment.getattr(l_1_alt, 'label'))
            yield '</a></li>\n'
        l_1_alt = missing
        yield '      </ul>\n    </nav>\n'
    yield '  </div>\n</header>\n<div class="layout with-toc">\n<nav class="toc" aria-labelledby="toc-title">\n  <div>\n    <p class="toc-title" id="toc-title">On this page</p>\n    <ul>\n'
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'attributes'):
        pass
        yield '<li><a href="#glance">At a glance</a></li>'
    yield '\n'
    l_1_loop = missing
    for l_1_s, l_1_loop in LoopContext(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'sections'), undefined):
        l_1_n = missing
        _loop_vars = {}
        pass
        l_1_n = t_1(t_2(context.eval_ctx, t_3(context, (((environment.getattr(l_1_s, 'competencies') + environment.getattr(l_1_s, 'examples')) + environment.getattr(l_1_s, 'notes')) + (environment.getattr(l_1_s, 'heading'),)), 'status', 'equalto', 'same')))
        _loop_vars['n'] = l_1_n
        yield '      <li><a href="#dim-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape((context.call(environment.getattr(environment.getattr(l_1_s, 'heading'), 'text'), 'after', _loop_vars=_loop_vars) or context.call(environment.getattr(environment.getattr(l_1_s, 'heading'), 'text'), 'before', _loop_vars=_loop_vars)))
        yield '</a>'
        if (undefined(name='n') if l_1_n is missing else l_1_n):
            pass
            yield ' <span class="rl-count" title="'
            yield escape((undefined(name='n') if l_1_n is missing else l_1_n))
            yield ' changed">'
            yield escape((undefined(name='n') if l_1_n is missing else l_1_n))
            yield '</span>'
        yield '</li>\n'
    l_1_loop = l_1_s = l_1_n = missing
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'notes'):
        pass
        yield '<li><a href="#notes">Notes</a></li>'
    yield '\n      <li><a href="#commits">Commits</a></li>\n    </ul>\n  </div>\n</nav>\n<main id="main">\n<article class="redline">\n<header class="title-block">\n  <p class="eyebrow">Redline · '
    yield escape(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'track'))
    yield '</p>\n  <h1 class="'
    yield escape(t_4(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mark'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title'))))
    yield '">'
    yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pieces'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title')))
    yield '</h1>\n  <p class="meta">Changes from <code>'
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'version'))
    yield '</code> ('
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'date_long'))
    yield ') to <code>'
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'version'))
    yield '</code> ('
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'date_long'))
    yield ')\n    · '
    l_0_c = environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'counts')
    context.vars['c'] = l_0_c
    context.exported_vars.add('c')
    yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'changed'))
    yield ' changed, '
    yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'added'))
    yield ' added, '
    yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'removed'))
    yield ' removed\n    · '
    yield escape(t_1(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits')))
    yield ' commit'
    yield escape(('s' if (t_1(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits')) != 1) else cond_expr_undefined("the inline if-expression on line 65 in 'html/redline.html.j2' evaluated to false and no else section was defined.")))
    yield '</p>\n'
    if (environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'status') == 'added'):
        pass
        yield '<p class="rl-banner rl-added">New level: everything here was added by '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'commits'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits')))
        yield '.</p>'
    if (environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'status') == 'removed'):
        pass
        yield '<p class="rl-banner rl-removed">Removed level: everything here was deleted by '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'commits'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits')))
        yield '.</p>'
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'moved_from'):
        pass
        yield '<p class="rl-banner">Moved from <code>'
        yield escape(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'moved_from'))
        yield '</code>.</p>'
    if ((environment.getattr(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title'), 'status') != 'same') and (environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'status') == 'changed')):
        pass
        yield '<p class="rl-title-who">Title: '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'who'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'title')))
        yield '</p>'
    yield '  '
    yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'legend')))
    yield '\n'
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'summary'):
        pass
        yield '  <blockquote class="summary'
        yield escape((' rl-mark' if t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'summary'), 'status', 'equalto', 'same')) else cond_expr_undefined("the inline if-expression on line 72 in 'html/redline.html.j2' evaluated to false and no else section was defined.")))
        yield '">\n'
        for l_1_p in environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'summary'):
            _loop_vars = {}
            pass
            yield '<p>'
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pieces'), l_1_p, _loop_vars=_loop_vars))
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'who'), l_1_p, _loop_vars=_loop_vars))
            yield '</p>'
        l_1_p = missing
        yield '\n  </blockquote>\n'
    yield '</header>\n'
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'attributes'):
        pass
        yield '<section class="attributes" aria-labelledby="glance">\n  <h2 id="glance">At a glance</h2>\n  <table class="attrs">\n    <tbody>\n'
        for l_1_a in environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'attributes'):
            _loop_vars = {}
            pass
            yield '      <tr class="'
            yield escape(t_4(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mark'), (environment.getattr(l_1_a, 'value') if (environment.getattr(environment.getattr(l_1_a, 'value'), 'status') != 'same') else environment.getattr(l_1_a, 'label')), _loop_vars=_loop_vars)))
            yield '"><th scope="row">'
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pieces'), environment.getattr(l_1_a, 'label'), _loop_vars=_loop_vars))
            yield '</th><td>'
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pieces'), environment.getattr(l_1_a, 'value'), _loop_vars=_loop_vars))
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'who'), environment.getattr(l_1_a, 'value'), _loop_vars=_loop_vars))
            yield '</td></tr>\n'
        l_1_a = missing
        yield '    </tbody>\n  </table>\n</section>\n'
    l_1_loop = missing
    for l_1_s, l_1_loop in LoopContext(environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'sections'), undefined):
        _loop_vars = {}
        pass
        yield '<section class="dimension'
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mark'), environment.getattr(l_1_s, 'heading'), _loop_vars=_loop_vars))
        yield '" aria-labelledby="dim-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">\n  <h2 id="dim-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '" class="'
        yield escape(t_4(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'mark'), environment.getattr(l_1_s, 'heading'), _loop_vars=_loop_vars)))
        yield '">'
        if environment.getattr(l_1_s, 'emoji'):
            pass
            yield '<span class="emoji" aria-hidden="true">'
            yield escape(environment.getattr(l_1_s, 'emoji'))
            yield '</span> '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pieces'), environment.getattr(l_1_s, 'heading'), _loop_vars=_loop_vars))
        yield '</h2>\n'
        if (environment.getattr(environment.getattr(l_1_s, 'heading'), 'status') != 'same'):
            pass
            yield '<p class="rl-heading-who">'
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'who'), environment.getattr(l_1_s, 'heading'), _loop_vars=_loop_vars))
            yield '</p>'
        yield '  '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'items'), environment.getattr(l_1_s, 'competencies'), 'competencies', _loop_vars=_loop_vars))
        yield '\n  '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'free_text'), environment.getattr(l_1_s, 'notes'), _loop_vars=_loop_vars))
        yield '\n'
        if environment.getattr(l_1_s, 'examples'):
            pass
            yield '  <div class="examples">\n    <h3 class="'
            yield escape((markup_join(('rl-', environment.getattr(l_1_s, 'examples_label'), )) if (environment.getattr(l_1_s, 'examples_label') != 'same') else cond_expr_undefined("the inline if-expression on line 98 in 'html/redline.html.j2' evaluated to false and no else section was defined.")))
            yield '">'
            if (environment.getattr(l_1_s, 'examples_label') == 'added'):
                pass
                yield '<ins class="ins">Examples</ins>'
            elif (environment.getattr(l_1_s, 'examples_label') == 'removed'):
                pass
                yield '<del class="del">Examples</del>'
            else:
                pass
                yield 'Examples'
            yield '</h3>\n    '
            yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'items'), environment.getattr(l_1_s, 'examples'), 'example-list', _loop_vars=_loop_vars))
            yield '\n  </div>\n'
        yield '</section>\n'
    l_1_loop = l_1_s = missing
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'notes'):
        pass
        yield '<section class="notes" aria-labelledby="notes">\n  <h2 id="notes">Notes</h2>\n  '
        yield escape(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'free_text'), environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'notes')))
        yield '\n</section>\n'
    yield '<section class="rl-commits" aria-labelledby="commits">\n  <h2 id="commits">Commits</h2>\n'
    if environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits'):
        pass
        yield '  <div class="table-wrap">\n  <table>\n    <thead><tr><th scope="col">Commit</th><th scope="col">Author</th><th scope="col">Date</th><th scope="col">PR</th><th scope="col">Subject</th></tr></thead>\n    <tbody>\n'
        for l_1_c in environment.getattr((undefined(name='lv') if l_0_lv is missing else l_0_lv), 'commits'):
            _loop_vars = {}
            pass
            yield '      <tr><td><code>'
            yield escape(environment.getattr(l_1_c, 'sha'))
            yield '</code></td><td>'
            yield escape(environment.getattr(l_1_c, 'author'))
            yield '</td><td><time datetime="'
            yield escape(environment.getattr(l_1_c, 'date'))
            yield '">'
            yield escape(environment.getattr(l_1_c, 'date')[:10])
            yield '</time></td><td>'
            if environment.getattr(l_1_c, 'pr'):
                pass
                yield '#'
                yield escape(environment.getattr(l_1_c, 'pr'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_c, 'subject'))
            yield '</td></tr>\n'
        l_1_c = missing
        yield '    </tbody>\n  </table>\n  </div>\n'
    else:
        pass
        yield '  <p>These changes are not committed yet.</p>\n'
    yield '</section>\n</article>\n</main>\n</div>\n<footer class="site-footer">\n  <p>'
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield ' · redline '
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'version'))
    yield ' → '
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'version'))
    yield ' · published with ladder-docs</p>\n</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '4=41&5=43&6=46&13=50&15=56&16=62&25=69&26=73&27=75&30=77&33=80&34=84&46=91&48=96&49=100&50=103&52=116&61=120&62=122&63=126&64=134&65=143&66=147&67=152&68=157&69=162&70=168&71=170&72=173&73=175&78=185&83=188&84=192&90=202&91=206&92=210&93=221&94=227&95=229&96=231&98=234&99=246&104=250&107=253&112=256&117=259&118=263&131=284'

# Generated from the built-in template 'html/redline.html.j2'; do not edit.
