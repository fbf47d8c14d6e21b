from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/redline.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_level = resolve('level')
    l_0_preamble = resolve('preamble')
    l_0_ladder = resolve('ladder')
    l_0_base = resolve('base')
    l_0_head = resolve('head')
    l_0_lv = l_0_label = l_0_pieces = l_0_commits = l_0_who = l_0_line = l_0_marked = l_0_items = missing
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'str' found.")
    pass
    l_0_lv = (undefined(name='level') if l_0_level is missing else l_0_level)
    context.vars['lv'] = l_0_lv
    context.exported_vars.add('lv')
    l_0_label = (context.call((_ld_o['text'] if type(_ld_o := (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))) is dict and 'text' in _ld_o else environment.getattr(_ld_o, 'text')), 'after') or context.call((_ld_o['text'] if type(_ld_o := (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))) is dict and 'text' in _ld_o else environment.getattr(_ld_o, 'text')), 'before'))
    context.vars['label'] = l_0_label
    context.exported_vars.add('label')
    def macro(l_1_line):
        t_4 = []
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        l_2_loop = missing
        for l_2_p, l_2_loop in LoopContext((_ld_o['pieces'] if type(_ld_o := l_1_line) is dict and 'pieces' in _ld_o else environment.getattr(_ld_o, 'pieces')), undefined):
            _loop_vars = {}
            pass
            if ((_ld_o['op'] if type(_ld_o := l_2_p) is dict and 'op' in _ld_o else environment.getattr(_ld_o, 'op')) == 'insert'):
                pass
                if ((not (_ld_o['first'] if type(_ld_o := l_2_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first'))) and ((_ld_o['op'] if type(_ld_o := (_ld_o['previtem'] if type(_ld_o := l_2_loop) is dict and 'previtem' in _ld_o else environment.getattr(_ld_o, 'previtem'))) is dict and 'op' in _ld_o else environment.getattr(_ld_o, 'op')) == 'delete')):
                    pass
                    t_4.append(
                        '#h(0.25em, weak: true);',
                    )
                t_4.extend((
                    '#ld-ins[',
                    environment.text(t_1(context, (_ld_o['nodes'] if type(_ld_o := l_2_p) is dict and 'nodes' in _ld_o else environment.getattr(_ld_o, 'nodes')))),
                    '];',
                ))
            elif ((_ld_o['op'] if type(_ld_o := l_2_p) is dict and 'op' in _ld_o else environment.getattr(_ld_o, 'op')) == 'delete'):
                pass
                t_4.extend((
                    '#ld-del[',
                    environment.text(t_1(context, (_ld_o['nodes'] if type(_ld_o := l_2_p) is dict and 'nodes' in _ld_o else environment.getattr(_ld_o, 'nodes')))),
                    '];',
                ))
            else:
                pass
                t_4.append(
                    environment.text(t_1(context, (_ld_o['nodes'] if type(_ld_o := l_2_p) is dict and 'nodes' in _ld_o else environment.getattr(_ld_o, 'nodes')))),
                )
        l_2_loop = l_2_p = missing
        return concat(t_4)
    context.exported_vars.add('pieces')
    context.vars['pieces'] = l_0_pieces = Macro(environment, macro, 'pieces', ('line',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_list):
        t_5 = []
        l_1_attribution = resolve('attribution')
        if l_1_list is missing:
            l_1_list = undefined("parameter 'list' was not provided", name='list')
        pass
        l_2_loop = missing
        t_6 = 1
        for l_2_g, l_2_loop in LoopContext(context.call((undefined(name='attribution') if l_1_attribution is missing else l_1_attribution), l_1_list), undefined):
            _loop_vars = {}
            pass
            if (not (_ld_o['first'] if type(_ld_o := l_2_loop) is dict and 'first' in _ld_o else environment.getattr(_ld_o, 'first'))):
                pass
                t_5.append(
                    ' · ',
                )
            for l_3_sha in (_ld_o['shas'] if type(_ld_o := l_2_g) is dict and 'shas' in _ld_o else environment.getattr(_ld_o, 'shas')):
                _loop_vars = {}
                pass
                t_5.extend((
                    '#raw(',
                    environment.text(t_3(l_3_sha)),
                    '); ',
                ))
            l_3_sha = missing
            if (_ld_o['more'] if type(_ld_o := l_2_g) is dict and 'more' in _ld_o else environment.getattr(_ld_o, 'more')):
                pass
                t_5.extend((
                    '+',
                    environment.text((_ld_o['more'] if type(_ld_o := l_2_g) is dict and 'more' in _ld_o else environment.getattr(_ld_o, 'more'))),
                    ' more ',
                ))
            t_5.extend((
                environment.text((_ld_o['author'] if type(_ld_o := l_2_g) is dict and 'author' in _ld_o else environment.getattr(_ld_o, 'author'))),
                ', ',
                environment.text((_ld_o['dates'] if type(_ld_o := l_2_g) is dict and 'dates' in _ld_o else environment.getattr(_ld_o, 'dates'))),
            ))
            if (_ld_o['prs'] if type(_ld_o := l_2_g) is dict and 'prs' in _ld_o else environment.getattr(_ld_o, 'prs')):
                pass
                t_5.append(
                    ', PR ',
                )
                l_3_loop = missing
                for l_3_pr, l_3_loop in LoopContext((_ld_o['prs'] if type(_ld_o := l_2_g) is dict and 'prs' in _ld_o else environment.getattr(_ld_o, 'prs')), undefined):
                    _loop_vars = {}
                    pass
                    t_5.extend((
                        environment.text(markup_join(('#', l_3_pr, ))),
                        environment.text((', ' if (not (_ld_o['last'] if type(_ld_o := l_3_loop) is dict and 'last' in _ld_o else environment.getattr(_ld_o, 'last'))) else cond_expr_undefined("the inline if-expression on line 10 in 'typst/redline.typ.j2' evaluated to false and no else section was defined."))),
                    ))
                l_3_loop = l_3_pr = missing
            t_6 = 0
        l_2_loop = l_2_g = missing
        if t_6:
            l_2_uncommitted = resolve('uncommitted')
            pass
            t_5.append(
                environment.text((undefined(name='uncommitted') if l_2_uncommitted is missing else l_2_uncommitted)),
            )
            l_2_uncommitted = missing
        return concat(t_5)
    context.exported_vars.add('commits')
    context.vars['commits'] = l_0_commits = Macro(environment, macro, 'commits', ('list',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_line):
        t_7 = []
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        if ((_ld_o['status'] if type(_ld_o := (undefined(name='level') if l_0_level is missing else l_0_level)) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'changed'):
            pass
            t_7.append(
                '#rl-who[',
            )
            if (_ld_o['note'] if type(_ld_o := l_1_line) is dict and 'note' in _ld_o else environment.getattr(_ld_o, 'note')):
                pass
                t_7.extend((
                    '#emph[',
                    environment.text((_ld_o['note'] if type(_ld_o := l_1_line) is dict and 'note' in _ld_o else environment.getattr(_ld_o, 'note'))),
                    '] · ',
                ))
            t_7.extend((
                environment.text(context.call((undefined(name='commits') if l_0_commits is missing else l_0_commits), (_ld_o['commits'] if type(_ld_o := l_1_line) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits')))),
                ']',
            ))
        return concat(t_7)
    context.exported_vars.add('who')
    context.vars['who'] = l_0_who = Macro(environment, macro, 'who', ('line',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_l):
        t_8 = []
        if l_1_l is missing:
            l_1_l = undefined("parameter 'l' was not provided", name='l')
        pass
        if ((_ld_o['status'] if type(_ld_o := l_1_l) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'same'):
            pass
            t_8.append(
                environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_1_l)),
            )
        else:
            pass
            t_8.extend((
                '#ld-changed[',
                environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_1_l)),
                environment.text(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_1_l)),
                ']',
            ))
        return concat(t_8)
    context.exported_vars.add('line')
    context.vars['line'] = l_0_line = Macro(environment, macro, 'line', ('l',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_text, l_1_status):
        t_9 = []
        if l_1_text is missing:
            l_1_text = undefined("parameter 'text' was not provided", name='text')
        if l_1_status is missing:
            l_1_status = undefined("parameter 'status' was not provided", name='status')
        pass
        if (l_1_status == 'added'):
            pass
            t_9.extend((
                '#ld-ins[',
                environment.text(l_1_text),
                '];',
            ))
        elif (l_1_status == 'removed'):
            pass
            t_9.extend((
                '#ld-del[',
                environment.text(l_1_text),
                '];',
            ))
        else:
            pass
            t_9.append(
                environment.text(l_1_text),
            )
        return concat(t_9)
    context.exported_vars.add('marked')
    context.vars['marked'] = l_0_marked = Macro(environment, macro, 'marked', ('text', 'status'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_lines):
        t_10 = []
        l_1_runs = resolve('runs')
        if l_1_lines is missing:
            l_1_lines = undefined("parameter 'lines' was not provided", name='lines')
        pass
        for l_2_run in context.call((undefined(name='runs') if l_1_runs is missing else l_1_runs), l_1_lines):
            _loop_vars = {}
            pass
            if (_ld_o['group'] if type(_ld_o := l_2_run) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group')):
                pass
                t_10.extend((
                    '#hb-group[',
                    environment.text(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), (_ld_o['group'] if type(_ld_o := l_2_run) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group')), (_ld_o['status'] if type(_ld_o := l_2_run) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')), _loop_vars=_loop_vars)),
                    ']\n',
                ))
            t_10.append(
                '#ld-competencies(\n',
            )
            for l_3_l in (_ld_o['lines'] if type(_ld_o := l_2_run) is dict and 'lines' in _ld_o else environment.getattr(_ld_o, 'lines')):
                _loop_vars = {}
                pass
                t_10.extend((
                    '  [',
                    environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_3_l, _loop_vars=_loop_vars)),
                    '],\n',
                ))
            l_3_l = missing
            t_10.append(
                ')\n',
            )
        l_2_run = missing
        return concat(t_10)
    context.exported_vars.add('items')
    context.vars['items'] = l_0_items = Macro(environment, macro, 'items', ('lines',), False, False, False, context.eval_ctx.autoescape)
    yield environment.text((undefined(name='preamble') if l_0_preamble is missing else l_0_preamble))
    yield '\n'
    template = environment.get_template('typst/extra.typ', 'typst/redline.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'commits': l_0_commits, 'items': l_0_items, 'label': l_0_label, 'line': l_0_line, 'lv': l_0_lv, 'marked': l_0_marked, 'pieces': l_0_pieces, 'who': l_0_who}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('typst/redline-preamble.typ.j2', 'typst/redline.typ.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'commits': l_0_commits, 'items': l_0_items, 'label': l_0_label, 'line': l_0_line, 'lv': l_0_lv, 'marked': l_0_marked, 'pieces': l_0_pieces, 'who': l_0_who}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n#show: ld-handbook.with(\n  title: '
    yield environment.text(t_3(markup_join(('Redline · ', (undefined(name='label') if l_0_label is missing else l_0_label), ' · ', (_ld_o['track'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track')), ' · ', (undefined(name='ladder') if l_0_ladder is missing else l_0_ladder), ))))
    yield ',\n  footer: [Redline · '
    yield environment.text((undefined(name='label') if l_0_label is missing else l_0_label))
    yield ' · '
    yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='base') if l_0_base is missing else l_0_base)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
    yield ' → '
    yield environment.text((_ld_o['version'] if type(_ld_o := (undefined(name='head') if l_0_head is missing else l_0_head)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version')))
    yield '],\n)\n\n#ld-title-block(['
    if ((_ld_o['status'] if type(_ld_o := (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'same'):
        pass
        yield environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))))
    else:
        pass
        yield '#ld-changed['
        yield environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))))
        yield ']'
    yield '], meta: ([Redline], ['
    yield environment.text((_ld_o['track'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'track' in _ld_o else environment.getattr(_ld_o, 'track')))
    yield '], ['
    yield environment.text((undefined(name='ladder') if l_0_ladder is missing else l_0_ladder))
    yield ']))\n#rl-range[Changes from #raw('
    yield environment.text(t_3((_ld_o['version'] if type(_ld_o := (undefined(name='base') if l_0_base is missing else l_0_base)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version'))))
    yield '); ('
    yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='base') if l_0_base is missing else l_0_base)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
    yield ') to #raw('
    yield environment.text(t_3((_ld_o['version'] if type(_ld_o := (undefined(name='head') if l_0_head is missing else l_0_head)) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version'))))
    yield '); ('
    yield environment.text((_ld_o['date_long'] if type(_ld_o := (undefined(name='head') if l_0_head is missing else l_0_head)) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long')))
    yield ') · '
    yield environment.text((_ld_o['changed'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'changed' in _ld_o else environment.getattr(_ld_o, 'changed')))
    yield ' changed, '
    yield environment.text((_ld_o['added'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'added' in _ld_o else environment.getattr(_ld_o, 'added')))
    yield ' added, '
    yield environment.text((_ld_o['removed'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'removed' in _ld_o else environment.getattr(_ld_o, 'removed')))
    yield ' removed · '
    yield environment.text(t_2((_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits'))))
    yield ' commit'
    yield environment.text(('s' if (t_2((_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits'))) != 1) else cond_expr_undefined("the inline if-expression on line 44 in 'typst/redline.typ.j2' evaluated to false and no else section was defined.")))
    yield ']\n'
    if ((_ld_o['status'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'added'):
        pass
        yield '#rl-banner(ld-ins-ink)[New level: everything here was added by '
        yield environment.text(context.call((undefined(name='commits') if l_0_commits is missing else l_0_commits), (_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits'))))
        yield '.]\n'
    elif ((_ld_o['status'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'removed'):
        pass
        yield '#rl-banner(ld-del-ink)[Removed level: everything here was deleted by '
        yield environment.text(context.call((undefined(name='commits') if l_0_commits is missing else l_0_commits), (_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits'))))
        yield '.]\n'
    if (_ld_o['moved_from'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'moved_from' in _ld_o else environment.getattr(_ld_o, 'moved_from')):
        pass
        yield '#rl-banner(ld-bar)[Moved from #raw('
        yield environment.text(t_3((_ld_o['moved_from'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'moved_from' in _ld_o else environment.getattr(_ld_o, 'moved_from'))))
        yield ');.]\n'
    if (((_ld_o['status'] if type(_ld_o := (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) != 'same') and ((_ld_o['status'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'changed')):
        pass
        yield '#rl-banner(ld-bar)[Title '
        yield environment.text(context.call((undefined(name='who') if l_0_who is missing else l_0_who), (_ld_o['title'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))))
        yield ']\n'
    yield '#rl-legend()\n\n'
    if (_ld_o['summary'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')):
        pass
        yield '#ld-summary['
        l_1_loop = missing
        for l_1_p, l_1_loop in LoopContext((_ld_o['summary'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')), undefined):
            _loop_vars = {}
            pass
            yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_1_p, _loop_vars=_loop_vars))
            if (not (_ld_o['last'] if type(_ld_o := l_1_loop) is dict and 'last' in _ld_o else environment.getattr(_ld_o, 'last'))):
                pass
                yield ' #parbreak() '
        l_1_loop = l_1_p = missing
        yield ']\n'
    if (_ld_o['attributes'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'attributes' in _ld_o else environment.getattr(_ld_o, 'attributes')):
        pass
        yield '= At a glance\n#ld-attributes((\n'
        for l_1_a in (_ld_o['attributes'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'attributes' in _ld_o else environment.getattr(_ld_o, 'attributes')):
            _loop_vars = {}
            pass
            yield '  (['
            yield environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), (_ld_o['label'] if type(_ld_o := l_1_a) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label')), _loop_vars=_loop_vars))
            yield '], ['
            yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), (_ld_o['value'] if type(_ld_o := l_1_a) is dict and 'value' in _ld_o else environment.getattr(_ld_o, 'value')), _loop_vars=_loop_vars))
            yield ']),\n'
        l_1_a = missing
        yield '))\n'
    for l_1_s in (_ld_o['sections'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'sections' in _ld_o else environment.getattr(_ld_o, 'sections')):
        _loop_vars = {}
        pass
        if ((_ld_o['status'] if type(_ld_o := (_ld_o['heading'] if type(_ld_o := l_1_s) is dict and 'heading' in _ld_o else environment.getattr(_ld_o, 'heading'))) is dict and 'status' in _ld_o else environment.getattr(_ld_o, 'status')) == 'same'):
            pass
            yield '= '
            if (_ld_o['emoji'] if type(_ld_o := l_1_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')):
                pass
                yield environment.text((_ld_o['emoji'] if type(_ld_o := l_1_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')))
                yield ' '
            yield environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), (_ld_o['heading'] if type(_ld_o := l_1_s) is dict and 'heading' in _ld_o else environment.getattr(_ld_o, 'heading')), _loop_vars=_loop_vars))
            yield '\n'
        else:
            pass
            yield '#v(16pt, weak: true)\n#ld-changed[\n= '
            if (_ld_o['emoji'] if type(_ld_o := l_1_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')):
                pass
                yield environment.text((_ld_o['emoji'] if type(_ld_o := l_1_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')))
                yield ' '
            yield environment.text(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), (_ld_o['heading'] if type(_ld_o := l_1_s) is dict and 'heading' in _ld_o else environment.getattr(_ld_o, 'heading')), _loop_vars=_loop_vars))
            yield '\n'
            yield environment.text(context.call((undefined(name='who') if l_0_who is missing else l_0_who), (_ld_o['heading'] if type(_ld_o := l_1_s) is dict and 'heading' in _ld_o else environment.getattr(_ld_o, 'heading')), _loop_vars=_loop_vars))
            yield '\n]\n'
        yield environment.text(context.call((undefined(name='items') if l_0_items is missing else l_0_items), (_ld_o['competencies'] if type(_ld_o := l_1_s) is dict and 'competencies' in _ld_o else environment.getattr(_ld_o, 'competencies')), _loop_vars=_loop_vars))
        yield '\n'
        for l_2_n in (_ld_o['notes'] if type(_ld_o := l_1_s) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')):
            _loop_vars = {}
            pass
            yield '#text(fill: ld-muted)['
            yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_2_n, _loop_vars=_loop_vars))
            yield ']\n'
        l_2_n = missing
        if (_ld_o['examples'] if type(_ld_o := l_1_s) is dict and 'examples' in _ld_o else environment.getattr(_ld_o, 'examples')):
            pass
            yield '#rl-examples('
            if ((_ld_o['examples_label'] if type(_ld_o := l_1_s) is dict and 'examples_label' in _ld_o else environment.getattr(_ld_o, 'examples_label')) == 'added'):
                pass
                yield 'ld-ins'
            elif ((_ld_o['examples_label'] if type(_ld_o := l_1_s) is dict and 'examples_label' in _ld_o else environment.getattr(_ld_o, 'examples_label')) == 'removed'):
                pass
                yield 'ld-del'
            else:
                pass
                yield 'x => x'
            yield ',\n'
            for l_2_l in (_ld_o['examples'] if type(_ld_o := l_1_s) is dict and 'examples' in _ld_o else environment.getattr(_ld_o, 'examples')):
                _loop_vars = {}
                pass
                yield '  ['
                if (_ld_o['group'] if type(_ld_o := l_2_l) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group')):
                    pass
                    yield '#emph['
                    yield environment.text((_ld_o['group'] if type(_ld_o := l_2_l) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group')))
                    yield ':]; '
                yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_2_l, _loop_vars=_loop_vars))
                yield '],\n'
            l_2_l = missing
            yield ')\n'
    l_1_s = missing
    if (_ld_o['notes'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')):
        pass
        yield '= Notes\n'
        for l_1_n in (_ld_o['notes'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')):
            _loop_vars = {}
            pass
            if ((_ld_o['kind'] if type(_ld_o := l_1_n) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'item'):
                pass
                yield '- '
            if ((_ld_o['kind'] if type(_ld_o := l_1_n) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'heading'):
                pass
                yield '#strong['
                yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_1_n, _loop_vars=_loop_vars))
                yield ']'
            else:
                pass
                yield environment.text(context.call((undefined(name='line') if l_0_line is missing else l_0_line), l_1_n, _loop_vars=_loop_vars))
            yield '\n'
        l_1_n = missing
    yield '= Commits\n'
    if (_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits')):
        pass
        yield '#hb-table((auto, auto, auto, auto, 1fr),\n  [*Commit*], [*Author*], [*Date*], [*PR*], [*Subject*],\n'
        for l_1_c in (_ld_o['commits'] if type(_ld_o := (undefined(name='lv') if l_0_lv is missing else l_0_lv)) is dict and 'commits' in _ld_o else environment.getattr(_ld_o, 'commits')):
            _loop_vars = {}
            pass
            yield '  [#raw('
            yield environment.text(t_3((_ld_o['sha'] if type(_ld_o := l_1_c) is dict and 'sha' in _ld_o else environment.getattr(_ld_o, 'sha'))))
            yield ');], ['
            yield environment.text((_ld_o['author'] if type(_ld_o := l_1_c) is dict and 'author' in _ld_o else environment.getattr(_ld_o, 'author')))
            yield '], ['
            yield environment.text((_ld_o['date'] if type(_ld_o := l_1_c) is dict and 'date' in _ld_o else environment.getattr(_ld_o, 'date'))[:10])
            yield '], ['
            if (_ld_o['pr'] if type(_ld_o := l_1_c) is dict and 'pr' in _ld_o else environment.getattr(_ld_o, 'pr')):
                pass
                yield environment.text(markup_join(('#', (_ld_o['pr'] if type(_ld_o := l_1_c) is dict and 'pr' in _ld_o else environment.getattr(_ld_o, 'pr')), )))
            yield '], ['
            yield environment.text((_ld_o['subject'] if type(_ld_o := l_1_c) is dict and 'subject' in _ld_o else environment.getattr(_ld_o, 'subject')))
            yield '],\n'
        l_1_c = missing
        yield ')\n'
    else:
        pass
        yield 'These changes are not committed yet.\n'

blocks = {}
debug_info = '4=35&5=38&6=41&7=47&9=78&10=86&13=141&14=146&17=165&18=170&20=186&21=193&23=215&24=221&25=224&28=234&29=239&34=250&35=252&36=258&39=265&40=267&43=273&44=286&45=304&46=309&48=314&50=319&54=325&55=329&57=338&60=341&61=345&65=351&66=354&67=357&71=366&72=372&75=374&76=376&77=380&79=383&80=386&81=396&82=400&87=410&89=413&90=416&95=430&98=433&99=437'

# Generated from the built-in template 'typst/redline.typ.j2'; do not edit.
