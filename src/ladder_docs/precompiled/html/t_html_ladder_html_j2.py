from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/ladder.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('html/base.html.j2', 'html/ladder.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('html/macros.html.j2', 'html/ladder.html.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_meta = resolve('meta')
    pass
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield ' · complete handbook'

def block_crumbs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_meta = resolve('meta')
    pass
    yield '<li><a href="'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'index'))
    yield '">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</a></li>\n<li><span aria-current="page">Complete handbook</span></li>\n'

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
    l_0_documents = resolve('documents')
    l_0_tracks = resolve('tracks')
    pass
    yield '<nav class="toc" aria-labelledby="toc-title">\n  <div>\n    <p class="toc-title" id="toc-title">Contents</p>\n    <ul>\n'
    for l_1_doc in (undefined(name='documents') if l_0_documents is missing else l_0_documents):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_doc, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_doc, 'title'))
        yield '</a></li>\n'
    l_1_doc = missing
    for l_1_t in (undefined(name='tracks') if l_0_tracks is missing else l_0_tracks):
        _loop_vars = {}
        pass
        yield '      <li><a href="#'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_t, 'name'))
        yield '</a>\n        <ul>\n'
        for l_2_lv in environment.getattr(l_1_t, 'levels'):
            _loop_vars = {}
            pass
            yield '<li><a href="#'
            yield escape(environment.getattr(l_2_lv, 'anchor'))
            yield '">'
            yield escape(environment.getattr(l_2_lv, 'label'))
            yield '</a></li>\n'
        l_2_lv = missing
        yield '        </ul>\n      </li>\n'
    l_1_t = missing
    yield '    </ul>\n  </div>\n</nav>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_meta = resolve('meta')
    l_0_tracks = resolve('tracks')
    l_0_documents = resolve('documents')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    pass
    yield '<header class="title-block">\n  <p class="eyebrow">Complete handbook</p>\n  <h1>'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</h1>\n  <p class="meta">'
    yield escape(t_1((undefined(name='tracks') if l_0_tracks is missing else l_0_tracks)))
    yield ' tracks · '
    yield escape(t_3(environment, t_2(context, t_2(context, (undefined(name='tracks') if l_0_tracks is missing else l_0_tracks), attribute='levels'), 'length')))
    yield ' levels · version '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'version'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date_long'))
    yield '</p>\n</header>\n'
    for l_1_doc in (undefined(name='documents') if l_0_documents is missing else l_0_documents):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'document'), l_1_doc, 2, _loop_vars=_loop_vars))
        yield '\n'
    l_1_doc = l_1_m = missing
    for l_1_t in (undefined(name='tracks') if l_0_tracks is missing else l_0_tracks):
        _loop_vars = {}
        pass
        yield '<section class="track" id="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '-title">\n  <h2 id="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '-title">'
        yield escape(environment.getattr(l_1_t, 'name'))
        yield '</h2>\n'
        for l_2_doc in environment.getattr(l_1_t, 'overview'):
            l_2_m = resolve('m')
            _loop_vars = {}
            pass
            yield '  '
            yield escape(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'document'), l_2_doc, 3, _loop_vars=_loop_vars))
            yield '\n'
        l_2_doc = l_2_m = missing
        for l_2_lv in environment.getattr(l_1_t, 'levels'):
            l_2_m = resolve('m')
            _loop_vars = {}
            pass
            yield '  '
            yield escape(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'level_article'), l_2_lv, l_1_t, (undefined(name='meta') if l_0_meta is missing else l_0_meta), 3, _loop_vars=_loop_vars))
            yield '\n'
        l_2_lv = l_2_m = missing
        yield '</section>\n'
    l_1_t = missing

blocks = {'title': block_title, 'crumbs': block_crumbs, 'layout_class': block_layout_class, 'toc': block_toc, 'main': block_main}
debug_info = '2=13&3=16&4=20&5=32&6=43&9=48&10=58&15=69&17=78&18=82&20=86&29=99&32=129&33=131&35=139&36=143&38=146&39=150&40=154&41=158&42=163&44=166&45=171'

# Generated from the built-in template 'html/ladder.html.j2'; do not edit.
