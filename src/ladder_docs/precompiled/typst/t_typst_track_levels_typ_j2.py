from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/track-levels.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_preamble = resolve('preamble')
    l_0_groups = resolve('groups')
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
    l_0_m = context.vars['m'] = environment.get_template('typst/macros.typ.j2', 'typst/track-levels.typ.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/track-levels.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(footer: none)\n\n'
    l_1_loop = missing
    for l_1_group, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        l_1_outer = missing
        _loop_vars = {}
        pass
        l_1_outer = l_1_loop
        _loop_vars['outer'] = l_1_outer
        l_2_loop = missing
        for l_2_level, l_2_loop in LoopContext((_ld_o['levels'] if type(_ld_o := l_1_group) is dict and 'levels' in _ld_o else environment.getattr(_ld_o, 'levels')), undefined):
            l_2_mark = resolve('mark')
            l_2_meta = resolve('meta')
            _loop_vars = {}
            pass
            if (not ((_ld_o['first'] if type(_ld_o := (undefined(name='outer') if l_1_outer is missing else l_1_outer)) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first')) and (_ld_o['first'] if type(_ld_o := l_2_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first')))):
                pass
                yield '#pagebreak()\n'
            yield '#place(hide(heading(level: 1, outlined: false, bookmarked: true, numbering: none, '
            yield environment.text(t_2(markup_join(((undefined(name='mark') if l_2_mark is missing else l_2_mark), ((_ld_o['first'] if type(_ld_o := l_1_group) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first')) + (_ld_o['index0'] if type(_ld_o := l_2_loop) is dict and 'index0' in _ld_o else environment.getattr(_ld_o, 'index0'))), ))))
            yield ')))\n#metadata("level") '
            yield environment.text(t_1((_ld_o['anchor'] if type(_ld_o := l_2_level) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor'))))
            yield '\n'
            yield environment.text(context.call((_ld_o['title_block'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'title_block' in _ld_o else environment.getattr(_ld_o, 'title_block')), l_2_level, (_ld_o['track'] if type(_ld_o := l_1_group) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track')), (undefined(name='meta') if l_2_meta is missing else l_2_meta), _loop_vars=_loop_vars))
            yield '\n'
            yield environment.text(context.call((_ld_o['summary'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')), l_2_level, _loop_vars=_loop_vars))
            yield '\n'
            yield environment.text(context.call((_ld_o['level_sections'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'level_sections' in _ld_o else environment.getattr(_ld_o, 'level_sections')), l_2_level, 1, _loop_vars=_loop_vars))
            yield '\n'
        l_2_loop = l_2_level = l_2_mark = l_2_meta = missing
    l_1_loop = l_1_group = l_1_outer = missing

blocks = {}
debug_info = '6=26&7=28&8=30&12=38&13=42&14=45&15=50&18=54&19=56&20=58&21=60&22=62'

# Generated from the built-in template 'typst/track-levels.typ.j2'; do not edit.
