from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'typst/macros.typ.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_heading = l_0_items_list = l_0_groups = l_0_title_block = l_0_summary = l_0_level_sections = l_0_changes = l_0_list_block = l_0_blocks = l_0_document = l_0_level_chapter = missing
    try:
        t_1 = environment.filters['diff']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'diff' found.")
    try:
        t_2 = environment.filters['heading']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading' found.")
    try:
        t_3 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_4 = environment.filters['label']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'label' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['max']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'max' found.")
    try:
        t_7 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    try:
        t_8 = environment.filters['str']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'str' found.")
    pass
    def macro(l_1_n, l_1_label, l_1_caller):
        t_9 = []
        l_1_Typst = resolve('Typst')
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        if l_1_label is missing:
            l_1_label = None
        pass
        t_9.extend((
            environment.text(context.call((undefined(name='Typst') if l_1_Typst is missing else l_1_Typst), ('=' * t_7(environment, [l_1_n, 6])))),
            ' ',
            environment.text(context.call(l_1_caller)),
        ))
        if l_1_label:
            pass
            t_9.extend((
                ' ',
                environment.text(t_4(l_1_label)),
            ))
        t_9.append(
            '\n',
        )
        return concat(t_9)
    context.exported_vars.add('heading')
    context.vars['heading'] = l_0_heading = Macro(environment, macro, 'heading', ('n', 'label'), False, False, True, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_items):
        t_10 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        t_10.append(
            '#ld-competencies(\n',
        )
        for l_2_it in l_1_items:
            _loop_vars = {}
            pass
            t_10.extend((
                '  [',
                environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_2_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                '],\n',
            ))
        l_2_it = missing
        t_10.append(
            ')\n',
        )
        return concat(t_10)
    context.exported_vars.add('items_list')
    context.vars['items_list'] = l_0_items_list = Macro(environment, macro, 'items_list', ('items',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_gs):
        t_11 = []
        if l_1_gs is missing:
            l_1_gs = undefined("parameter 'gs' was not provided", name='gs')
        pass
        for l_2_g in l_1_gs:
            _loop_vars = {}
            pass
            if (_ld_o['name'] if type(_ld_o := l_2_g) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')):
                pass
                t_11.extend((
                    '#hb-group[',
                    environment.text((_ld_o['name'] if type(_ld_o := l_2_g) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
                    ']\n',
                ))
            t_11.extend((
                environment.text(context.call((undefined(name='items_list') if l_0_items_list is missing else l_0_items_list), (_ld_o['entries'] if type(_ld_o := l_2_g) is dict and 'entries' in _ld_o else environment.getattr(_ld_o, 'entries')), _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_g = missing
        return concat(t_11)
    context.exported_vars.add('groups')
    context.vars['groups'] = l_0_groups = Macro(environment, macro, 'groups', ('gs',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_track, l_1_meta):
        t_12 = []
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_track is missing:
            l_1_track = undefined("parameter 'track' was not provided", name='track')
        if l_1_meta is missing:
            l_1_meta = undefined("parameter 'meta' was not provided", name='meta')
        pass
        t_12.extend((
            '#ld-title-block([',
            environment.text((_ld_o['title'] if type(_ld_o := l_1_lv) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))),
            '], badge: ',
        ))
        if (_ld_o['id'] if type(_ld_o := l_1_lv) is dict and 'id' in _ld_o else environment.getattr(_ld_o, 'id')):
            pass
            t_12.extend((
                '[',
                environment.text((_ld_o['id'] if type(_ld_o := l_1_lv) is dict and 'id' in _ld_o else environment.getattr(_ld_o, 'id'))),
                ']',
            ))
        else:
            pass
            t_12.append(
                'none',
            )
        t_12.extend((
            ', meta: ([',
            environment.text((_ld_o['name'] if type(_ld_o := l_1_track) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
            '], [',
            environment.text((_ld_o['ladder'] if type(_ld_o := l_1_meta) is dict and 'ladder' in _ld_o else environment.getattr(_ld_o, 'ladder'))),
            '], [Version ',
            environment.text((_ld_o['version'] if type(_ld_o := l_1_meta) is dict and 'version' in _ld_o else environment.getattr(_ld_o, 'version'))),
            '], [',
            environment.text((_ld_o['date_long'] if type(_ld_o := l_1_meta) is dict and 'date_long' in _ld_o else environment.getattr(_ld_o, 'date_long'))),
            ']))\n',
        ))
        return concat(t_12)
    context.exported_vars.add('title_block')
    context.vars['title_block'] = l_0_title_block = Macro(environment, macro, 'title_block', ('lv', 'track', 'meta'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv):
        t_13 = []
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        pass
        if (_ld_o['summary'] if type(_ld_o := l_1_lv) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')):
            pass
            t_13.append(
                '#ld-summary[',
            )
            l_2_loop = missing
            for l_2_para, l_2_loop in LoopContext((_ld_o['summary'] if type(_ld_o := l_1_lv) is dict and 'summary' in _ld_o else environment.getattr(_ld_o, 'summary')), undefined):
                _loop_vars = {}
                pass
                t_13.append(
                    environment.text(t_3(context, l_2_para)),
                )
                if (not (_ld_o['last'] if type(_ld_o := l_2_loop) is dict and 'last' in _ld_o else environment.getattr(_ld_o, 'last'))):
                    pass
                    t_13.append(
                        ' #parbreak() ',
                    )
            l_2_loop = l_2_para = missing
            t_13.append(
                ']\n',
            )
        return concat(t_13)
    context.exported_vars.add('summary')
    context.vars['summary'] = l_0_summary = Macro(environment, macro, 'summary', ('lv',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_h):
        t_14 = []
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        if (_ld_o['attributes'] if type(_ld_o := l_1_lv) is dict and 'attributes' in _ld_o else environment.getattr(_ld_o, 'attributes')):
            pass
            t_14.extend((
                environment.text(t_2(l_1_h)),
                ' At a glance\n#ld-attributes((\n',
            ))
            for l_2_a in (_ld_o['attributes'] if type(_ld_o := l_1_lv) is dict and 'attributes' in _ld_o else environment.getattr(_ld_o, 'attributes')):
                _loop_vars = {}
                pass
                t_14.extend((
                    '  ([',
                    environment.text((_ld_o['name'] if type(_ld_o := l_2_a) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
                    '], [',
                    environment.text(t_3(context, (_ld_o['value'] if type(_ld_o := l_2_a) is dict and 'value' in _ld_o else environment.getattr(_ld_o, 'value')))),
                    ']),\n',
                ))
            l_2_a = missing
            t_14.append(
                '))\n',
            )
        for l_2_d in (_ld_o['dimensions'] if type(_ld_o := l_1_lv) is dict and 'dimensions' in _ld_o else environment.getattr(_ld_o, 'dimensions')):
            _loop_vars = {}
            pass
            t_14.extend((
                environment.text(t_2(l_1_h)),
                ' ',
            ))
            if (_ld_o['emoji'] if type(_ld_o := l_2_d) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')):
                pass
                t_14.extend((
                    environment.text((_ld_o['emoji'] if type(_ld_o := l_2_d) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji'))),
                    ' ',
                ))
            t_14.extend((
                environment.text((_ld_o['name'] if type(_ld_o := l_2_d) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
                '\n',
            ))
            for l_3_g in (_ld_o['competency_groups'] if type(_ld_o := l_2_d) is dict and 'competency_groups' in _ld_o else environment.getattr(_ld_o, 'competency_groups')):
                _loop_vars = {}
                pass
                if (_ld_o['name'] if type(_ld_o := l_3_g) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name')):
                    pass
                    t_14.extend((
                        '#hb-group[',
                        environment.text((_ld_o['name'] if type(_ld_o := l_3_g) is dict and 'name' in _ld_o else environment.getattr(_ld_o, 'name'))),
                        ']\n',
                    ))
                t_14.append(
                    '#ld-competencies(\n',
                )
                for l_4_it in (_ld_o['entries'] if type(_ld_o := l_3_g) is dict and 'entries' in _ld_o else environment.getattr(_ld_o, 'entries')):
                    _loop_vars = {}
                    pass
                    t_14.extend((
                        '  [',
                        environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_4_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                        '],\n',
                    ))
                l_4_it = missing
                t_14.append(
                    ')\n\n',
                )
            l_3_g = missing
            t_14.append(
                '\n',
            )
            for l_3_note in (_ld_o['notes'] if type(_ld_o := l_2_d) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')):
                _loop_vars = {}
                pass
                t_14.extend((
                    '#text(fill: ld-muted)[',
                    environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_3_note) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                    ']\n',
                ))
            l_3_note = missing
            if (_ld_o['examples'] if type(_ld_o := l_2_d) is dict and 'examples' in _ld_o else environment.getattr(_ld_o, 'examples')):
                pass
                t_14.append(
                    '#ld-examples(\n',
                )
                for l_3_it in (_ld_o['examples'] if type(_ld_o := l_2_d) is dict and 'examples' in _ld_o else environment.getattr(_ld_o, 'examples')):
                    _loop_vars = {}
                    pass
                    t_14.append(
                        '  [',
                    )
                    if (_ld_o['group'] if type(_ld_o := l_3_it) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group')):
                        pass
                        t_14.extend((
                            '#emph[',
                            environment.text((_ld_o['group'] if type(_ld_o := l_3_it) is dict and 'group' in _ld_o else environment.getattr(_ld_o, 'group'))),
                            ':]; ',
                        ))
                    t_14.extend((
                        environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_3_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                        '],\n',
                    ))
                l_3_it = missing
                t_14.append(
                    ')\n',
                )
        l_2_d = missing
        if (_ld_o['notes'] if type(_ld_o := l_1_lv) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')):
            pass
            t_14.append(
                environment.text(context.call((undefined(name='blocks') if l_0_blocks is missing else l_0_blocks), (_ld_o['notes'] if type(_ld_o := l_1_lv) is dict and 'notes' in _ld_o else environment.getattr(_ld_o, 'notes')), l_1_h)),
            )
        if (_ld_o['changes'] if type(_ld_o := l_1_lv) is dict and 'changes' in _ld_o else environment.getattr(_ld_o, 'changes')):
            pass
            t_14.append(
                environment.text(context.call((undefined(name='changes') if l_0_changes is missing else l_0_changes), l_1_lv, l_1_h)),
            )
        return concat(t_14)
    context.exported_vars.add('level_sections')
    context.vars['level_sections'] = l_0_level_sections = Macro(environment, macro, 'level_sections', ('lv', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_h):
        t_15 = []
        l_1_target = resolve('target')
        l_1_ch = missing
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        l_1_ch = (_ld_o['changes'] if type(_ld_o := l_1_lv) is dict and 'changes' in _ld_o else environment.getattr(_ld_o, 'changes'))
        t_15.extend((
            environment.text(t_2(l_1_h)),
            ' What changes from ',
            environment.text((_ld_o['label'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label'))),
            ' ',
            environment.text(t_4(markup_join(((_ld_o['anchor'] if type(_ld_o := l_1_lv) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')), '-changes', )))),
            '\n',
        ))
        if (not (_ld_o['comparable'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'comparable' in _ld_o else environment.getattr(_ld_o, 'comparable'))):
            pass
            t_15.extend((
                environment.text(((_ld_o['label'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label')) if (_ld_o['pointer'] if type(_ld_o := l_1_lv) is dict and 'pointer' in _ld_o else environment.getattr(_ld_o, 'pointer')) else (_ld_o['label'] if type(_ld_o := l_1_lv) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label')))),
                ' lists no competencies of its own, so there is nothing to compare.\n',
            ))
        elif (not (_ld_o['sections'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'sections' in _ld_o else environment.getattr(_ld_o, 'sections'))):
            pass
            t_15.extend((
                'The competencies are the same as at #link(',
                environment.text(context.call((undefined(name='target') if l_1_target is missing else l_1_target), {'kind': 'level', 'key': (_ld_o['key'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'key' in _ld_o else environment.getattr(_ld_o, 'key')), 'anchor': (_ld_o['anchor'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor'))})),
                ')[',
                environment.text((_ld_o['label'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label'))),
                '];.\n',
            ))
        else:
            pass
            t_15.extend((
                'Compared with #link(',
                environment.text(context.call((undefined(name='target') if l_1_target is missing else l_1_target), {'kind': 'level', 'key': (_ld_o['key'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'key' in _ld_o else environment.getattr(_ld_o, 'key')), 'anchor': (_ld_o['anchor'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor'))})),
                ')[',
                environment.text((_ld_o['label'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label'))),
                '];:\n#hb-tally(hb-new)[',
                environment.text((_ld_o['new'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'new' in _ld_o else environment.getattr(_ld_o, 'new'))),
                ' new]\n#hb-tally(hb-evolved)[',
                environment.text((_ld_o['evolved'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'evolved' in _ld_o else environment.getattr(_ld_o, 'evolved'))),
                ' evolved]\n#hb-tally(hb-dropped)[',
                environment.text((_ld_o['dropped'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'dropped' in _ld_o else environment.getattr(_ld_o, 'dropped'))),
                ' no longer listed]\nand ',
                environment.text((_ld_o['unchanged'] if type(_ld_o := (_ld_o['counts'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'counts' in _ld_o else environment.getattr(_ld_o, 'counts'))) is dict and 'unchanged' in _ld_o else environment.getattr(_ld_o, 'unchanged'))),
                ' unchanged.\n\n',
            ))
            for l_2_s in (_ld_o['sections'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'sections' in _ld_o else environment.getattr(_ld_o, 'sections')):
                _loop_vars = {}
                pass
                t_15.extend((
                    environment.text(t_2((l_1_h + 1))),
                    ' ',
                ))
                if (_ld_o['emoji'] if type(_ld_o := l_2_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji')):
                    pass
                    t_15.extend((
                        environment.text((_ld_o['emoji'] if type(_ld_o := l_2_s) is dict and 'emoji' in _ld_o else environment.getattr(_ld_o, 'emoji'))),
                        ' ',
                    ))
                t_15.extend((
                    environment.text((_ld_o['dimension'] if type(_ld_o := l_2_s) is dict and 'dimension' in _ld_o else environment.getattr(_ld_o, 'dimension'))),
                    '\n',
                ))
                if (_ld_o['new'] if type(_ld_o := l_2_s) is dict and 'new' in _ld_o else environment.getattr(_ld_o, 'new')):
                    pass
                    t_15.append(
                        '#hb-kind(hb-new)[New at this level]\n#hb-change-list(hb-new, "+",\n',
                    )
                    for l_3_it in (_ld_o['new'] if type(_ld_o := l_2_s) is dict and 'new' in _ld_o else environment.getattr(_ld_o, 'new')):
                        _loop_vars = {}
                        pass
                        t_15.extend((
                            '  [',
                            environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_3_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                            '],\n',
                        ))
                    l_3_it = missing
                    t_15.append(
                        ')\n',
                    )
                if (_ld_o['evolved'] if type(_ld_o := l_2_s) is dict and 'evolved' in _ld_o else environment.getattr(_ld_o, 'evolved')):
                    pass
                    t_15.extend((
                        '#hb-kind(hb-evolved)[Evolved from ',
                        environment.text((_ld_o['label'] if type(_ld_o := (_ld_o['previous'] if type(_ld_o := (undefined(name='ch') if l_1_ch is missing else l_1_ch)) is dict and 'previous' in _ld_o else environment.getattr(_ld_o, 'previous'))) is dict and 'label' in _ld_o else environment.getattr(_ld_o, 'label'))),
                        ']\n#hb-change-list(hb-evolved, "~",\n',
                    ))
                    for l_3_e in (_ld_o['evolved'] if type(_ld_o := l_2_s) is dict and 'evolved' in _ld_o else environment.getattr(_ld_o, 'evolved')):
                        _loop_vars = {}
                        pass
                        t_15.extend((
                            '  [',
                            environment.text(t_1((_ld_o['diff'] if type(_ld_o := l_3_e) is dict and 'diff' in _ld_o else environment.getattr(_ld_o, 'diff')))),
                        ))
                        if (_ld_o['moved_from'] if type(_ld_o := l_3_e) is dict and 'moved_from' in _ld_o else environment.getattr(_ld_o, 'moved_from')):
                            pass
                            t_15.extend((
                                ' #text(fill: ld-muted, style: "italic")[(moved from ',
                                environment.text((_ld_o['moved_from'] if type(_ld_o := l_3_e) is dict and 'moved_from' in _ld_o else environment.getattr(_ld_o, 'moved_from'))),
                                ')]',
                            ))
                        t_15.append(
                            '],\n',
                        )
                    l_3_e = missing
                    t_15.append(
                        ')\n',
                    )
                if (_ld_o['dropped'] if type(_ld_o := l_2_s) is dict and 'dropped' in _ld_o else environment.getattr(_ld_o, 'dropped')):
                    pass
                    t_15.append(
                        '#hb-kind(hb-dropped)[No longer listed]\n#hb-change-list(hb-dropped, "−",\n',
                    )
                    for l_3_it in (_ld_o['dropped'] if type(_ld_o := l_2_s) is dict and 'dropped' in _ld_o else environment.getattr(_ld_o, 'dropped')):
                        _loop_vars = {}
                        pass
                        t_15.extend((
                            '  [#text(fill: ld-muted)[',
                            environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_3_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                            ']],\n',
                        ))
                    l_3_it = missing
                    t_15.append(
                        ')\n',
                    )
            l_2_s = missing
        return concat(t_15)
    context.exported_vars.add('changes')
    context.vars['changes'] = l_0_changes = Macro(environment, macro, 'changes', ('lv', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_b):
        t_16 = []
        l_1_Typst = resolve('Typst')
        if l_1_b is missing:
            l_1_b = undefined("parameter 'b' was not provided", name='b')
        pass
        t_16.extend((
            '#',
            environment.text(context.call((undefined(name='Typst') if l_1_Typst is missing else l_1_Typst), ('enum' if (_ld_o['ordered'] if type(_ld_o := l_1_b) is dict and 'ordered' in _ld_o else environment.getattr(_ld_o, 'ordered')) else 'list'))),
            '(\n',
        ))
        for l_2_it in (_ld_o['entries'] if type(_ld_o := l_1_b) is dict and 'entries' in _ld_o else environment.getattr(_ld_o, 'entries')):
            _loop_vars = {}
            pass
            t_16.extend((
                '  [',
                environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_2_it) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
            ))
            for l_3_child in (_ld_o['children'] if type(_ld_o := l_2_it) is dict and 'children' in _ld_o else environment.getattr(_ld_o, 'children')):
                _loop_vars = {}
                pass
                t_16.append(
                    environment.text(context.call((undefined(name='list_block') if l_0_list_block is missing else l_0_list_block), l_3_child, _loop_vars=_loop_vars)),
                )
            l_3_child = missing
            t_16.append(
                '],\n',
            )
        l_2_it = missing
        t_16.append(
            ')\n',
        )
        return concat(t_16)
    context.exported_vars.add('list_block')
    context.vars['list_block'] = l_0_list_block = Macro(environment, macro, 'list_block', ('b',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_bs, l_1_h):
        t_17 = []
        if l_1_bs is missing:
            l_1_bs = undefined("parameter 'bs' was not provided", name='bs')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        for l_2_b in l_1_bs:
            l_2_Typst = resolve('Typst')
            _loop_vars = {}
            pass
            if ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'heading'):
                pass
                t_17.extend((
                    environment.text(t_2(((l_1_h + (_ld_o['level'] if type(_ld_o := l_2_b) is dict and 'level' in _ld_o else environment.getattr(_ld_o, 'level'))) - 1))),
                    ' ',
                    environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_2_b) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                    '\n',
                ))
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'para'):
                pass
                t_17.extend((
                    environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_2_b) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                    '\n\n',
                ))
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'quote'):
                pass
                t_17.extend((
                    '#hb-quote[',
                    environment.text(t_3(context, (_ld_o['inlines'] if type(_ld_o := l_2_b) is dict and 'inlines' in _ld_o else environment.getattr(_ld_o, 'inlines')))),
                    ']\n',
                ))
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'code'):
                pass
                t_17.extend((
                    '#raw(block: true, ',
                    environment.text(t_8((_ld_o['text'] if type(_ld_o := l_2_b) is dict and 'text' in _ld_o else environment.getattr(_ld_o, 'text')))),
                    ')\n',
                ))
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'rule'):
                pass
                t_17.append(
                    '#line(length: 100%, stroke: 0.5pt + ld-rule)\n',
                )
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'table'):
                pass
                t_17.extend((
                    '#hb-table(',
                    environment.text(context.call((undefined(name='Typst') if l_2_Typst is missing else l_2_Typst), t_6(environment, [t_5((_ld_o['header'] if type(_ld_o := l_2_b) is dict and 'header' in _ld_o else environment.getattr(_ld_o, 'header'))), 1]), _loop_vars=_loop_vars)),
                    ',\n',
                ))
                for l_3_c in (_ld_o['header'] if type(_ld_o := l_2_b) is dict and 'header' in _ld_o else environment.getattr(_ld_o, 'header')):
                    _loop_vars = {}
                    pass
                    t_17.extend((
                        '  [#strong[',
                        environment.text(t_3(context, l_3_c)),
                        ']],\n',
                    ))
                l_3_c = missing
                for l_3_row in (_ld_o['rows'] if type(_ld_o := l_2_b) is dict and 'rows' in _ld_o else environment.getattr(_ld_o, 'rows')):
                    _loop_vars = {}
                    pass
                    for l_4_c in l_3_row:
                        _loop_vars = {}
                        pass
                        t_17.extend((
                            '  [',
                            environment.text(t_3(context, l_4_c)),
                            '],\n',
                        ))
                    l_4_c = missing
                l_3_row = missing
                t_17.append(
                    ')\n',
                )
            elif ((_ld_o['kind'] if type(_ld_o := l_2_b) is dict and 'kind' in _ld_o else environment.getattr(_ld_o, 'kind')) == 'list'):
                pass
                t_17.extend((
                    environment.text(context.call((undefined(name='list_block') if l_0_list_block is missing else l_0_list_block), l_2_b, _loop_vars=_loop_vars)),
                    '\n',
                ))
        l_2_b = l_2_Typst = missing
        return concat(t_17)
    context.exported_vars.add('blocks')
    context.vars['blocks'] = l_0_blocks = Macro(environment, macro, 'blocks', ('bs', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_doc, l_1_h):
        t_18 = []
        if l_1_doc is missing:
            l_1_doc = undefined("parameter 'doc' was not provided", name='doc')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        t_18.extend((
            environment.text(t_2(l_1_h)),
            ' ',
            environment.text((_ld_o['title'] if type(_ld_o := l_1_doc) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))),
        ))
        if (_ld_o['anchor'] if type(_ld_o := l_1_doc) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')):
            pass
            t_18.extend((
                ' ',
                environment.text(t_4((_ld_o['anchor'] if type(_ld_o := l_1_doc) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')))),
            ))
        t_18.extend((
            '\n',
            environment.text(context.call((undefined(name='blocks') if l_0_blocks is missing else l_0_blocks), (_ld_o['blocks'] if type(_ld_o := l_1_doc) is dict and 'blocks' in _ld_o else environment.getattr(_ld_o, 'blocks')), (l_1_h + 1))),
            '\n',
        ))
        return concat(t_18)
    context.exported_vars.add('document')
    context.vars['document'] = l_0_document = Macro(environment, macro, 'document', ('doc', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_track, l_1_h):
        t_19 = []
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_track is missing:
            l_1_track = undefined("parameter 'track' was not provided", name='track')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        t_19.extend((
            '#pagebreak(weak: true)\n',
            environment.text(t_2(l_1_h)),
            ' ',
        ))
        if (_ld_o['id'] if type(_ld_o := l_1_lv) is dict and 'id' in _ld_o else environment.getattr(_ld_o, 'id')):
            pass
            t_19.extend((
                environment.text((_ld_o['id'] if type(_ld_o := l_1_lv) is dict and 'id' in _ld_o else environment.getattr(_ld_o, 'id'))),
                ' ',
            ))
        t_19.append(
            environment.text((_ld_o['title'] if type(_ld_o := l_1_lv) is dict and 'title' in _ld_o else environment.getattr(_ld_o, 'title'))),
        )
        if (_ld_o['anchor'] if type(_ld_o := l_1_lv) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')):
            pass
            t_19.extend((
                ' ',
                environment.text(t_4((_ld_o['anchor'] if type(_ld_o := l_1_lv) is dict and 'anchor' in _ld_o else environment.getattr(_ld_o, 'anchor')))),
            ))
        t_19.extend((
            '\n',
            environment.text(context.call((undefined(name='summary') if l_0_summary is missing else l_0_summary), l_1_lv)),
            '\n',
            environment.text(context.call((undefined(name='level_sections') if l_0_level_sections is missing else l_0_level_sections), l_1_lv, (l_1_h + 1))),
            '\n',
        ))
        return concat(t_19)
    context.exported_vars.add('level_chapter')
    context.vars['level_chapter'] = l_0_level_chapter = Macro(environment, macro, 'level_chapter', ('lv', 'track', 'h'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '7=60&8=69&12=86&14=94&15=99&20=110&21=115&22=118&24=126&28=134&29=145&32=175&33=180&34=186&38=205&39=212&40=215&42=218&43=223&47=232&48=236&49=249&50=252&53=262&54=267&60=278&61=283&63=287&65=292&66=298&71=314&72=319&75=328&76=337&77=339&78=346&79=349&80=352&81=356&83=365&84=369&85=371&86=373&87=375&89=378&90=382&91=395&94=400&95=405&99=412&100=416&102=419&103=424&107=440&110=445&111=450&119=462&120=470&121=473&122=478&127=498&128=505&129=509&130=512&131=517&132=520&134=523&135=527&136=530&137=534&138=537&140=542&141=546&142=549&144=558&147=574&148=577&153=585&154=593&156=605&159=612&161=623&163=643&164=645'

# Generated from the built-in template 'typst/macros.typ.j2'; do not edit.
