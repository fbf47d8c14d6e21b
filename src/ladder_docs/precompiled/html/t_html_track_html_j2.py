from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/track.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('html/base.html.j2', 'html/track.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('html/macros.html.j2', 'html/track.html.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_track = resolve('track')
    l_0_meta = resolve('meta')
    pass
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
    yield ' handbook · '
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
    l_0_track = resolve('track')
    pass
    yield '<li><a href="'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'index'))
    yield '">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</a></li>\n<li><span aria-current="page">'
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
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
    l_0_track = resolve('track')
    pass
    yield '<nav class="toc" aria-labelledby="toc-title">\n  <div>\n    <p class="toc-title" id="toc-title">Contents</p>\n    <ul>\n'
    for l_1_doc in environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'overview'):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_doc, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_doc, 'title'))
        yield '</a></li>\n'
    l_1_doc = missing
    for l_1_lv in environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'levels'):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_lv, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_lv, 'label'))
        yield '</a></li>\n'
    l_1_lv = missing
    yield '    </ul>\n  </div>\n</nav>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_track = resolve('track')
    l_0_meta = resolve('meta')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<header class="title-block" id="'
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'anchor'))
    yield '">\n  <p class="eyebrow">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</p>\n  <h1>'
    yield escape(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'name'))
    yield '</h1>\n  <p class="meta">Track handbook · '
    yield escape(t_1(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'levels')))
    yield ' level'
    yield escape(('s' if (t_1(environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'levels')) != 1) else cond_expr_undefined("the inline if-expression on line 27 in 'html/track.html.j2' evaluated to false and no else section was defined.")))
    yield ' · version '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'version'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date_long'))
    yield '</p>\n</header>\n'
    for l_1_doc in environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'overview'):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'document'), l_1_doc, 2, _loop_vars=_loop_vars))
        yield '\n'
    l_1_doc = l_1_m = missing
    for l_1_lv in environment.getattr((undefined(name='track') if l_0_track is missing else l_0_track), 'levels'):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'level_article'), l_1_lv, (undefined(name='track') if l_0_track is missing else l_0_track), (undefined(name='meta') if l_0_meta is missing else l_0_meta), 2, _loop_vars=_loop_vars))
        yield '\n'
    l_1_lv = l_1_m = missing

blocks = {'title': block_title, 'crumbs': block_crumbs, 'layout_class': block_layout_class, 'toc': block_toc, 'main': block_main}
debug_info = '2=13&3=16&4=20&5=34&6=46&7=50&9=53&10=63&15=73&17=82&23=93&24=110&25=112&26=114&27=116&29=124&30=128&32=131&33=135'

# Generated from the built-in template 'html/track.html.j2'; do not edit.
