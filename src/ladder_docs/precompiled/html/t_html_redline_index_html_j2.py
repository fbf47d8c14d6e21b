from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/redline-index.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_base = resolve('base')
    l_0_head = resolve('head')
    l_0_ladder = resolve('ladder')
    l_0_levels = resolve('levels')
    try:
        t_1 = environment.filters['groupby']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'groupby' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="ladder-docs">\n<title>Redlines '
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'version'))
    yield ' → '
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'version'))
    yield ' · '
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield '</title>\n<style>\n'
    template = environment.get_template('html/style.css', 'html/redline-index.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('html/redline.css.j2', 'html/redline-index.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to content</a>\n<header class="site-header">\n  <div class="bar">\n    <nav class="crumbs" aria-label="Breadcrumb">\n      <ol><li><span aria-current="page">'
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield ' redlines</span></li></ol>\n    </nav>\n  </div>\n</header>\n<div class="layout">\n<main id="main" class="wide">\n<div class="hero">\n  <p class="eyebrow">Redlines</p>\n  <h1>What changed in '
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield '</h1>\n  <p class="rl-legend-index"><span class="n-chg">~ changed</span> <span class="n-add">+ added</span> <span class="n-rem">− removed</span> lines: competencies, examples, attributes, headings and paragraphs.</p>\n  <p>Every level that changed from <code>'
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'version'))
    yield '</code> ('
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'date_long'))
    yield ') to <code>'
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'version'))
    yield '</code> ('
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'date_long'))
    yield '),\n    with each change marked and the commits that made it: '
    yield escape(t_2((undefined(name='levels') if l_0_levels is missing else l_0_levels)))
    yield ' level'
    yield escape(('s' if (t_2((undefined(name='levels') if l_0_levels is missing else l_0_levels)) != 1) else cond_expr_undefined("the inline if-expression on line 31 in 'html/redline-index.html.j2' evaluated to false and no else section was defined.")))
    yield '.</p>\n</div>\n'
    if (not (undefined(name='levels') if l_0_levels is missing else l_0_levels)):
        pass
        yield '<p>No level changed between these two revisions.</p>\n'
    l_1_loop = missing
    for (l_1_track, l_1_entries), l_1_loop in LoopContext(t_1(environment, (undefined(name='levels') if l_0_levels is missing else l_0_levels), 'level.track', default=''), undefined):
        _loop_vars = {}
        pass
        yield '<section aria-labelledby="track-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">\n  <h2 id="track-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape(l_1_track)
        yield '</h2>\n  <div class="table-wrap">\n  <table class="rl-index">\n    <colgroup><col class="c-level"><col class="c-status"><col class="c-lines"><col class="c-commits"><col class="c-links"></colgroup>\n    <thead><tr><th scope="col">Level</th><th scope="col">Status</th><th scope="col">Lines</th><th scope="col">Commits</th><th scope="col">Redline</th></tr></thead>\n    <tbody>\n'
        for l_2_e in l_1_entries:
            l_2_lv = missing
            _loop_vars = {}
            pass
            l_2_lv = environment.getattr(l_2_e, 'level')
            _loop_vars['lv'] = l_2_lv
            yield '      <tr>\n        <td>'
            if environment.getattr(l_2_e, 'links'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(environment.getitem(environment.getattr(l_2_e, 'links'), 0), 'href'))
                yield '">'
                yield escape((context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'title'), 'text'), 'after', _loop_vars=_loop_vars) or context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'title'), 'text'), 'before', _loop_vars=_loop_vars)))
                yield '</a>'
            else:
                pass
                yield escape((context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'title'), 'text'), 'after', _loop_vars=_loop_vars) or context.call(environment.getattr(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'title'), 'text'), 'before', _loop_vars=_loop_vars)))
            yield '<br><span class="rl-key">'
            yield escape(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'key'))
            yield '</span></td>\n        <td><span class="rl-status '
            yield escape(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'status'))
            yield '">'
            yield escape(environment.getattr((undefined(name='lv') if l_2_lv is missing else l_2_lv), 'status'))
            yield '</span></td>\n        <td class="rl-tally">'
            if environment.getattr(environment.getattr(l_2_e, 'counts'), 'changed'):
                pass
                yield '<span class="n-chg" title="'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'changed'))
                yield ' changed">~'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'changed'))
                yield '</span> '
            if environment.getattr(environment.getattr(l_2_e, 'counts'), 'added'):
                pass
                yield '<span class="n-add" title="'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'added'))
                yield ' added">+'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'added'))
                yield '</span> '
            if environment.getattr(environment.getattr(l_2_e, 'counts'), 'removed'):
                pass
                yield '<span class="n-rem" title="'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'removed'))
                yield ' removed">−'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'counts'), 'removed'))
                yield '</span>'
            yield '</td>\n        <td>'
            yield escape(t_2(environment.getattr(l_2_e, 'commits')))
            yield '</td>\n        <td class="fmt">'
            for l_3_l in environment.getattr(l_2_e, 'links'):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_3_l, 'href'))
                yield '">'
                yield escape(environment.getattr(l_3_l, 'label'))
                yield '</a>'
            l_3_l = missing
            yield '</td>\n      </tr>\n'
        l_2_e = l_2_lv = missing
        yield '    </tbody>\n  </table>\n  </div>\n</section>\n'
    l_1_loop = l_1_track = l_1_entries = missing
    yield '</main>\n</div>\n<footer class="site-footer">\n  <p>'
    yield escape((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield ' · redlines '
    yield escape(environment.getattr((undefined(name='base') if l_0_base is missing else l_0_base), 'version'))
    yield ' → '
    yield escape(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'version'))
    yield ' · published with ladder-docs</p>\n</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '9=28&11=34&12=40&20=47&28=49&30=51&31=59&33=63&36=67&37=71&38=73&44=77&45=81&47=84&48=97&49=101&50=123&51=125&62=139'

# Generated from the built-in template 'html/redline-index.html.j2'; do not edit.
