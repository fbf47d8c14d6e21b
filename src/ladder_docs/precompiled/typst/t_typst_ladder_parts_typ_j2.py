from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/ladder-parts.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_preamble = resolve('preamble')
    l_0_parts = resolve('parts')
    l_0_m = missing
    try:
        t_1 = environment.filters['str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'str' found.")
    try:
        t_2 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('typst/macros.typ.j2', 'typst/ladder-parts.typ.j2').make_module(context.get_all(), True, {'m': l_0_m})
    context.exported_vars.discard('m')
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/ladder-parts.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(footer: none)\n\n'
    l_1_loop = missing
    for l_1_part, l_1_loop in LoopContext((undefined(name='parts') if l_0_parts is missing else l_0_parts), undefined):
        l_1_mark = resolve('mark')
        _loop_vars = {}
        pass
        if (not (_ld_o['first'] if type(_ld_o := l_1_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first'))):
            pass
            yield '#pagebreak()\n'
        yield '#place(hide(heading(level: 1, outlined: false, bookmarked: true, numbering: none, '
        yield environment.text(t_1(markup_join(((undefined(name='mark') if l_1_mark is missing else l_1_mark), (_ld_o['index0'] if type(_ld_o := l_1_loop) is dict and 'index0' in _ld_o else environment.getattr(_ld_o, 'index0')), ))))
        yield ')))\n'
        if t_2((_ld_o['documents'] if type(_ld_o := l_1_part) is dict and 'documents' in _ld_o else environment.getattr(_ld_o, 'documents'))):
            pass
            l_2_loop = missing
            for l_2_doc, l_2_loop in LoopContext((_ld_o['documents'] if type(_ld_o := l_1_part) is dict and 'documents' in _ld_o else environment.getattr(_ld_o, 'documents')), undefined):
                _loop_vars = {}
                pass
                if (not (_ld_o['first'] if type(_ld_o := l_2_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first'))):
                    pass
                    yield '#pagebreak(weak: true)\n'
                yield environment.text(context.call((_ld_o['document'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'document' in _ld_o else environment.getattr(_ld_o, 'document')), l_2_doc, 1, _loop_vars=_loop_vars))
                yield '\n'
            l_2_loop = l_2_doc = missing
        else:
            pass
            def macro():
                t_3 = []
                pass
                t_3.append(
                    environment.text((_ld_o['name'] if type(_ld_o := (_ld_o['track'] if type(_ld_o := l_1_part) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track'))) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
                )
                return concat(t_3)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            yield context.call((_ld_o['heading'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'heading' in _ld_o else environment.getattr(_ld_o, 'heading')), 1, (_ld_o['anchor'] if type(_ld_o := (_ld_o['track'] if type(_ld_o := l_1_part) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track'))) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')), caller=caller, _loop_vars=_loop_vars)
            for l_2_doc in (_ld_o['overview'] if type(_ld_o := (_ld_o['track'] if type(_ld_o := l_1_part) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track'))) is dict and 'overview' in _ld_o else environment.getattr(_ld_o, 'overview')):
                _loop_vars = {}
                pass
                yield environment.text(context.call((_ld_o['document'] if type(_ld_o := (undefined(name='m') if l_0_m is missing else l_0_m)) is dict and 'document' in _ld_o else environment.getattr(_ld_o, 'document')), l_2_doc, 2, _loop_vars=_loop_vars))
                yield '\n'
            l_2_doc = missing
    l_1_loop = l_1_part = l_1_mark = missing

blocks = {}
debug_info = '5=26&6=28&7=30&11=38&12=42&15=46&16=48&17=51&18=54&21=57&24=62&25=71&26=74'

# Generated from the built-in template 'typst/ladder-parts.typ.j2'; do not edit.
