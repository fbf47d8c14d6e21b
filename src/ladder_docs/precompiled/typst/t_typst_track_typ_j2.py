from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/track.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_preamble = resolve('preamble')
    l_0_track = resolve('track')
    l_0_meta = resolve('meta')
    l_0_m = missing
    try:
        t_1 = environment.filters['label']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'label' found.")
    try:
        t_2 = environment.filters['str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'str' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('typst/macros.typ.j2', 'typst/track.typ.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/track.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(\n  title: '
    yield environment.text(t_2(markup_join(((_ld_o['name'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')), ' handbook · ', (_ld_o['ladder'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder')), ))))
    yield ',\n  footer: ['
    yield environment.text((_ld_o['name'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')))
    yield ' handbook · Version '
    yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
    yield ' · Commit '
    yield environment.text((_ld_o['short'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'short' in _ld_o else environment.getattr(_ld_o, 'short')))
    yield ' · '
    yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
    yield '],\n)\n\n#metadata("track") '
    yield environment.text(t_1((_ld_o['anchor'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor'))))
    yield '\n#ld-title-block(['
    yield environment.text((_ld_o['name'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')))
    yield '], meta: (['
    yield environment.text((_ld_o['ladder'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder')))
    yield '], [Track handbook], [Version '
    yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
    yield '], ['
    yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
    yield ']))\n#hb-contents()\n'
    for l_1_doc in (_ld_o['overview'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'overview' in _ld_o else environment.getattr(_ld_o, 'overview')):
        _loop_vars = {}
        pass
        yield '#pagebreak(weak: true)\n'
        yield environment.text(context.call((_ld_o['document'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'document' in _ld_o else environment.getattr(_ld_o, 'document')), l_1_doc, 1, _loop_vars=_loop_vars))
        yield '\n'
    l_1_doc = missing
    for l_1_lv in (_ld_o['levels'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'levels' in _ld_o else environment.getattr(_ld_o, 'levels')):
        _loop_vars = {}
        pass
        yield environment.text(context.call((_ld_o['level_chapter'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'level_chapter' in _ld_o else environment.getattr(_ld_o, 'level_chapter')), l_1_lv, (undefined(name='track') if l_0_track is missing else l_0_track), 1, _loop_vars=_loop_vars))
        yield '\n'
    l_1_lv = missing

blocks = {}
debug_info = '2=27&3=29&4=31&7=38&8=40&11=48&12=50&14=58&16=62&18=65&19=68'

# Generated from the built-in template 'typst/track.typ.j2'; do not edit.
