from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/level.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_preamble = resolve('preamble')
    l_0_level = resolve('level')
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
    l_0_m = context.vars['m'] = environment.get_template('typst/macros.typ.j2', 'typst/level.typ.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/level.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(\n  title: '
    yield environment.text(t_2(markup_join(((_ld_o['label'] if type(_ld_o := (undefined(name='level') if l_0_level is missing else l_0_level)) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label')), ' · ', (_ld_o['name'] if type(_ld_o := (undefined(name='track') if l_0_track is missing else l_0_track)) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')), ' · ', (_ld_o['ladder'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder')), ))))
    yield ',\n  footer: ['
    yield environment.text((_ld_o['label'] if type(_ld_o := (undefined(name='level') if l_0_level is missing else l_0_level)) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label')))
    yield ' · Version '
    yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
    yield ' · Commit '
    yield environment.text((_ld_o['short'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'short' in _ld_o else environment.getattr(_ld_o, 'short')))
    yield ' · '
    yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='meta') if l_0_meta is missing else l_0_meta)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
    yield '],\n)\n\n#metadata("level") '
    yield environment.text(t_1((_ld_o['anchor'] if type(_ld_o := (undefined(name='level') if l_0_level is missing else l_0_level)) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor'))))
    yield '\n'
    yield environment.text(context.call((_ld_o['title_block'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'title_block' in _ld_o else environment.getattr(_ld_o, 'title_block')), (undefined(name='level') if l_0_level is missing else l_0_level), (undefined(name='track') if l_0_track is missing else l_0_track), (undefined(name='meta') if l_0_meta is missing else l_0_meta)))
    yield '\n'
    yield environment.text(context.call((_ld_o['summary'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')), (undefined(name='level') if l_0_level is missing else l_0_level)))
    yield '\n'
    yield environment.text(context.call((_ld_o['level_sections'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'level_sections' in _ld_o else environment.getattr(_ld_o, 'level_sections')), (undefined(name='level') if l_0_level is missing else l_0_level), 1))
    yield '\n'

blocks = {}
debug_info = '2=28&3=30&4=32&7=39&8=41&11=49&12=51&13=53&14=55'

# Generated from the built-in template 'typst/level.typ.j2'; do not edit.
