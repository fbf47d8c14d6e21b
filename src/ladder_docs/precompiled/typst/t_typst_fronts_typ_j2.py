from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/fronts.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_preamble = resolve('preamble')
    l_0_fronts = resolve('fronts')
    try:
        t_1 = environment.filters['label']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'label' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.filters['str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'str' found.")
    try:
        t_4 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    pass
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/fronts.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(footer: none)\n\n'
    l_1_loop = missing
    for l_1_f, l_1_loop in LoopContext((undefined(name='fronts') if l_0_fronts is missing else l_0_fronts), undefined):
        l_1_mark = resolve('mark')
        l_1_meta = resolve('meta')
        _loop_vars = {}
        pass
        if (not (_ld_o['first'] if type(_ld_o := l_1_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first'))):
            pass
            yield '#pagebreak()\n'
        yield '#counter(page).update(1)\n#place(hide(heading(level: 1, outlined: false, bookmarked: true, numbering: none, '
        yield environment.text(t_3(markup_join(((undefined(name='mark') if l_1_mark is missing else l_1_mark), (_ld_o['index0'] if type(_ld_o := l_1_loop) is dict and 'index0' in _ld_o else environment.getattr(_ld_o, 'index0')), ))))
        yield ')))\n'
        if (_ld_o['track'] if type(_ld_o := l_1_f) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track')):
            pass
            yield '#ld-title-block(['
            yield environment.text((_ld_o['name'] if type(_ld_o := (_ld_o['track'] if type(_ld_o := l_1_f) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track'))) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')))
            yield '], meta: (['
            yield environment.text((_ld_o['ladder'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder')))
            yield '], [Track handbook], [Version '
            yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
            yield '], ['
            yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
            yield ']))\n'
        else:
            pass
            yield '#ld-title-block(['
            yield environment.text((_ld_o['ladder'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder')))
            yield '], meta: ([Complete handbook], ['
            yield environment.text((_ld_o['tracks'] if type(_ld_o := l_1_f) is dict and 'tracks' in _ld_o else environment.getattr(_ld_o, 'tracks')))
            yield ' tracks], [Version '
            yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
            yield '], ['
            yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='meta') if l_1_meta is missing else l_1_meta)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
            yield ']))\n'
        yield '#ld-toc((\n'
        for l_2_e in (_ld_o['contents'] if type(_ld_o := l_1_f) is dict and 'contents' in _ld_o else environment.getattr(_ld_o, 'contents')):
            _loop_vars = {}
            pass
            yield '  ('
            yield environment.text(t_2(t_4((_ld_o['depth'] if type(_ld_o := l_2_e) is dict and 'depth' in _ld_o else environment.getattr(_ld_o, 'depth')))))
            yield ', ['
            yield environment.text((_ld_o['title'] if type(_ld_o := l_2_e) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title')))
            yield '], '
            yield environment.text(t_2(t_4((_ld_o['after'] if type(_ld_o := l_2_e) is dict and 'after' in _ld_o else environment.getattr(_ld_o, 'after')))))
            yield '),\n'
        l_2_e = missing
        yield '), end: '
        yield environment.text(t_1(markup_join(('ld-front-end-', (_ld_o['index0'] if type(_ld_o := l_1_loop) is dict and 'index0' in _ld_o else environment.getattr(_ld_o, 'index0')), ))))
        yield ')\n#metadata(none) '
        yield environment.text(t_1(markup_join(('ld-front-end-', (_ld_o['index0'] if type(_ld_o := l_1_loop) is dict and 'index0' in _ld_o else environment.getattr(_ld_o, 'index0')), ))))
        yield '\n'
    l_1_loop = l_1_f = l_1_mark = l_1_meta = missing

blocks = {}
debug_info = '8=37&9=39&13=47&14=52&18=56&19=58&20=61&22=72&25=81&26=85&28=93&29=95'

# Generated from the built-in template 'typst/fronts.typ.j2'; do not edit.
