from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/level.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('html/base.html.j2', 'html/level.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('html/macros.html.j2', 'html/level.html.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_level = resolve('level')
    l_0_track = resolve('track')
    l_0_meta = resolve('meta')
    pass
    yield escape(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'label'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))

def block_crumbs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_meta = resolve('meta')
    l_0_url = resolve('url')
    l_0_track = resolve('track')
    l_0_level = resolve('level')
    pass
    yield '<li><a href="'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'index'))
    yield '">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</a></li>\n<li><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'track', environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'key'), _block_vars=_block_vars))
    yield '">'
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
    yield '</a></li>\n<li><span aria-current="page">'
    yield escape(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'label'))
    yield '</span></li>\n'

def block_layout_class(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield ' with-toc'

def block_toc(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_level = resolve('level')
    l_0_track = resolve('track')
    pass
    yield '<nav class="toc" aria-labelledby="toc-title">\n  <div>\n    <p class="toc-title" id="toc-title">On this page</p>\n    <ul>\n'
    if environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'attributes'):
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'anchor'))
        yield '-glance">At a glance</a></li>'
    yield '\n'
    for l_1_d in environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'dimensions'):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_d, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_d, 'name'))
        yield '</a></li>\n'
    l_1_d = missing
    if environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'changes'):
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'anchor'))
        yield '-changes">What changes</a></li>'
    yield '\n    </ul>\n    <p class="toc-title" id="track-levels">'
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
    yield '</p>\n    <ol aria-labelledby="track-levels">\n'
    for l_1_lv in environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'levels'):
        l_1_href = resolve('href')
        _loop_vars = {}
        pass
        yield '      <li>'
        if (environment.getattr(l_1_lv, 'key') == environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'key')):
            pass
            yield '<span aria-current="page">'
            yield escape(environment.getattr(l_1_lv, 'label'))
            yield '</span>'
        else:
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='href') if l_1_href is missing else l_1_href), {'kind': 'level', 'key': environment.getattr(l_1_lv, 'key'), 'anchor': environment.getattr(l_1_lv, 'anchor')}, _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_lv, 'label'))
            yield '</a>'
        yield '</li>\n'
    l_1_lv = l_1_href = missing
    yield '    </ol>\n  </div>\n</nav>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    l_0_level = resolve('level')
    l_0_track = resolve('track')
    l_0_meta = resolve('meta')
    l_0_href = resolve('href')
    pass
    yield '<article class="level-page">\n'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'title_block'), (undefined(name='level') if l_0_level is missing else l_0_level), (undefined(name='track') if l_0_track is missing else l_0_track), (undefined(name='meta') if l_0_meta is missing else l_0_meta), 1, _block_vars=_block_vars))
    yield '\n'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'level_sections'), (undefined(name='level') if l_0_level is missing else l_0_level), 2, _block_vars=_block_vars))
    yield '\n'
    if (environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'previous') or environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'next')):
        pass
        yield '<nav class="level-nav" aria-label="Adjacent levels">\n  <span>'
        if environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'previous'):
            pass
            yield '← <a href="'
            yield escape(context.call((undefined(name='href') if l_0_href is missing else l_0_href), {'kind': 'level', 'key': environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'previous'), 'key'), 'anchor': environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'previous'), 'anchor')}, _block_vars=_block_vars))
            yield '">'
            yield escape(environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'previous'), 'label'))
            yield '</a>'
        yield '</span>\n  <span>'
        if environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'next'):
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='href') if l_0_href is missing else l_0_href), {'kind': 'level', 'key': environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'next'), 'key'), 'anchor': environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'next'), 'anchor')}, _block_vars=_block_vars))
            yield '">'
            yield escape(environment.getattr(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'next'), 'label'))
            yield '</a> →'
        yield '</span>\n</nav>\n'
    yield '</article>\n'

blocks = {'title': block_title, 'crumbs': block_crumbs, 'layout_class': block_layout_class, 'toc': block_toc, 'main': block_main}
debug_info = '2=13&3=16&4=20&5=37&6=51&7=55&8=59&10=62&11=72&16=83&18=89&20=98&23=104&25=106&26=111&32=127&34=141&35=143&36=145&38=148&39=156'

# Generated from the built-in template 'html/level.html.j2'; do not edit.
