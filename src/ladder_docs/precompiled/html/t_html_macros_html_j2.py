from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/macros.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_hn = l_0_title_block = l_0_item_groups = l_0_level_sections = l_0_changes = l_0_list_block = l_0_blocks = l_0_document = l_0_level_article = missing
    try:
        t_1 = environment.filters['diff']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'diff' found.")
    try:
        t_2 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_3 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    pass
    def macro(l_1_n, l_1_id, l_1_cls, l_1_caller):
        t_4 = []
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        if l_1_id is missing:
            l_1_id = None
        if l_1_cls is missing:
            l_1_cls = None
        pass
        l_1_n = t_3(environment, [l_1_n, 6])
        t_4.extend((
            '<h',
            escape(l_1_n),
        ))
        if l_1_id:
            pass
            t_4.extend((
                ' id="',
                escape(l_1_id),
                '"',
            ))
        if l_1_cls:
            pass
            t_4.extend((
                ' class="',
                escape(l_1_cls),
                '"',
            ))
        t_4.extend((
            '>',
            escape(context.call(l_1_caller)),
            '</h',
            escape(l_1_n),
            '>',
        ))
        return concat(t_4)
    context.exported_vars.add('hn')
    context.vars['hn'] = l_0_hn = Macro(environment, macro, 'hn', ('n', 'id', 'cls'), False, False, True, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_track, l_1_meta, l_1_n):
        t_5 = []
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_track is missing:
            l_1_track = undefined("parameter 'track' was not provided", name='track')
        if l_1_meta is missing:
            l_1_meta = undefined("parameter 'meta' was not provided", name='meta')
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        pass
        t_5.extend((
            '<header class="title-block" id="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '">\n  <p class="eyebrow">',
            escape(environment.getattr(l_1_track, 'name')),
            '</p>\n',
        ))
        l_1_n = t_3(environment, [l_1_n, 6])
        t_5.extend((
            '<h',
            escape(l_1_n),
            '>',
        ))
        if environment.getattr(l_1_lv, 'id'):
            pass
            t_5.extend((
                '<span class="badge">',
                escape(environment.getattr(l_1_lv, 'id')),
                '</span> ',
            ))
        t_5.extend((
            escape(environment.getattr(l_1_lv, 'title')),
            '</h',
            escape(l_1_n),
            '>\n  <p class="meta">',
            escape(environment.getattr(l_1_meta, 'ladder')),
            ' · version ',
            escape(environment.getattr(l_1_meta, 'version')),
            ' · ',
            escape(environment.getattr(l_1_meta, 'date_long')),
            '</p>\n',
        ))
        if environment.getattr(l_1_lv, 'summary'):
            pass
            t_5.append(
                '  <blockquote class="summary">\n',
            )
            for l_2_para in environment.getattr(l_1_lv, 'summary'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<p>',
                    escape(t_2(context, l_2_para)),
                    '</p>',
                ))
            l_2_para = missing
            t_5.append(
                '\n  </blockquote>\n',
            )
        t_5.append(
            '</header>\n',
        )
        return concat(t_5)
    context.exported_vars.add('title_block')
    context.vars['title_block'] = l_0_title_block = Macro(environment, macro, 'title_block', ('lv', 'track', 'meta', 'n'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_groups, l_1_cls):
        t_6 = []
        if l_1_groups is missing:
            l_1_groups = undefined("parameter 'groups' was not provided", name='groups')
        if l_1_cls is missing:
            l_1_cls = undefined("parameter 'cls' was not provided", name='cls')
        pass
        for l_2_g in l_1_groups:
            _loop_vars = {}
            pass
            if environment.getattr(l_2_g, 'name'):
                pass
                t_6.extend((
                    '<p class="group-name">',
                    escape(environment.getattr(l_2_g, 'name')),
                    '</p>',
                ))
            t_6.extend((
                '<ul class="',
                escape(l_1_cls),
                '">\n',
            ))
            for l_3_it in environment.getattr(l_2_g, 'entries'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '  <li>',
                    escape(t_2(context, environment.getattr(l_3_it, 'inlines'))),
                    '</li>\n',
                ))
            l_3_it = missing
            t_6.append(
                '</ul>\n',
            )
        l_2_g = missing
        return concat(t_6)
    context.exported_vars.add('item_groups')
    context.vars['item_groups'] = l_0_item_groups = Macro(environment, macro, 'item_groups', ('groups', 'cls'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_h):
        t_7 = []
        l_1_n = l_1_sub = missing
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        (l_1_n, l_1_sub) = (t_3(environment, [l_1_h, 6]), t_3(environment, [(l_1_h + 1), 6]))
        if environment.getattr(l_1_lv, 'attributes'):
            pass
            t_7.extend((
                '<section class="attributes" aria-labelledby="',
                escape(environment.getattr(l_1_lv, 'anchor')),
                '-glance">\n<h',
                escape((undefined(name='n') if l_1_n is missing else l_1_n)),
                ' id="',
                escape(environment.getattr(l_1_lv, 'anchor')),
                '-glance">At a glance</h',
                escape((undefined(name='n') if l_1_n is missing else l_1_n)),
                '>\n  <table class="attrs">\n    <tbody>\n',
            ))
            for l_2_a in environment.getattr(l_1_lv, 'attributes'):
                _loop_vars = {}
                pass
                t_7.extend((
                    '      <tr><th scope="row">',
                    escape(environment.getattr(l_2_a, 'name')),
                    '</th><td>',
                    escape(t_2(context, environment.getattr(l_2_a, 'value'))),
                    '</td></tr>\n',
                ))
            l_2_a = missing
            t_7.append(
                '    </tbody>\n  </table>\n</section>\n',
            )
        for l_2_d in environment.getattr(l_1_lv, 'dimensions'):
            _loop_vars = {}
            pass
            t_7.extend((
                '<section class="dimension" aria-labelledby="',
                escape(environment.getattr(l_2_d, 'anchor')),
                '">\n<h',
                escape((undefined(name='n') if l_1_n is missing else l_1_n)),
                ' id="',
                escape(environment.getattr(l_2_d, 'anchor')),
                '">',
            ))
            if environment.getattr(l_2_d, 'emoji'):
                pass
                t_7.extend((
                    '<span class="emoji" aria-hidden="true">',
                    escape(environment.getattr(l_2_d, 'emoji')),
                    '</span> ',
                ))
            t_7.extend((
                escape(environment.getattr(l_2_d, 'name')),
                '</h',
                escape((undefined(name='n') if l_1_n is missing else l_1_n)),
                '>\n  ',
                escape(context.call((undefined(name='item_groups') if l_0_item_groups is missing else l_0_item_groups), environment.getattr(l_2_d, 'competency_groups'), 'competencies', _loop_vars=_loop_vars)),
                '\n',
            ))
            for l_3_note in environment.getattr(l_2_d, 'notes'):
                _loop_vars = {}
                pass
                t_7.extend((
                    '  <p class="note">',
                    escape(t_2(context, environment.getattr(l_3_note, 'inlines'))),
                    '</p>\n',
                ))
            l_3_note = missing
            if environment.getattr(l_2_d, 'examples'):
                pass
                t_7.extend((
                    '  <div class="examples">\n<h',
                    escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                    '>Examples</h',
                    escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                    '>\n    ',
                    escape(context.call((undefined(name='item_groups') if l_0_item_groups is missing else l_0_item_groups), environment.getattr(l_2_d, 'example_groups'), 'example-list', _loop_vars=_loop_vars)),
                    '\n  </div>\n',
                ))
            t_7.append(
                '</section>\n',
            )
        l_2_d = missing
        if environment.getattr(l_1_lv, 'notes'):
            pass
            t_7.extend((
                '<section class="notes">\n  ',
                escape(context.call((undefined(name='blocks') if l_0_blocks is missing else l_0_blocks), environment.getattr(l_1_lv, 'notes'), l_1_h)),
                '\n</section>\n',
            ))
        if environment.getattr(l_1_lv, 'changes'):
            pass
            t_7.append(
                escape(context.call((undefined(name='changes') if l_0_changes is missing else l_0_changes), l_1_lv, l_1_h)),
            )
        return concat(t_7)
    context.exported_vars.add('level_sections')
    context.vars['level_sections'] = l_0_level_sections = Macro(environment, macro, 'level_sections', ('lv', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_h):
        t_8 = []
        l_1_href = resolve('href')
        l_1_ch = l_1_n = l_1_sub = missing
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        l_1_ch = environment.getattr(l_1_lv, 'changes')
        (l_1_n, l_1_sub) = (t_3(environment, [l_1_h, 6]), t_3(environment, [(l_1_h + 1), 6]))
        t_8.extend((
            '<section class="changes" aria-labelledby="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '-changes">\n<h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            ' id="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '-changes">What changes from ',
            escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'label')),
            '</h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            '>\n',
        ))
        if (not environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'comparable')):
            pass
            t_8.extend((
                '  <p>',
                escape((environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'label') if environment.getattr(l_1_lv, 'pointer') else environment.getattr(l_1_lv, 'label'))),
                ' lists no competencies of its own, so there is nothing to compare.</p>\n',
            ))
        elif (not environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'sections')):
            pass
            t_8.extend((
                '  <p>The competencies are the same as at <a href="',
                escape(context.call((undefined(name='href') if l_1_href is missing else l_1_href), {'kind': 'level', 'key': environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'key'), 'anchor': environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'anchor')})),
                '">',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'label')),
                '</a>.</p>\n',
            ))
        else:
            pass
            t_8.extend((
                '  <p class="change-summary">Compared with <a href="',
                escape(context.call((undefined(name='href') if l_1_href is missing else l_1_href), {'kind': 'level', 'key': environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'key'), 'anchor': environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'anchor')})),
                '">',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'label')),
                '</a>:\n    <span class="tally new">',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'counts'), 'new')),
                ' new</span>\n    <span class="tally evolved">',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'counts'), 'evolved')),
                ' evolved</span>\n    <span class="tally dropped">',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'counts'), 'dropped')),
                ' no longer listed</span>\n    and ',
                escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'counts'), 'unchanged')),
                ' unchanged.</p>\n',
            ))
            for l_2_s in environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'sections'):
                _loop_vars = {}
                pass
                t_8.extend((
                    '<h',
                    escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                    '>',
                ))
                if environment.getattr(l_2_s, 'emoji'):
                    pass
                    t_8.extend((
                        '<span class="emoji" aria-hidden="true">',
                        escape(environment.getattr(l_2_s, 'emoji')),
                        '</span> ',
                    ))
                t_8.extend((
                    escape(environment.getattr(l_2_s, 'dimension')),
                    '</h',
                    escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                    '>\n',
                ))
                if environment.getattr(l_2_s, 'new'):
                    pass
                    t_8.append(
                        '  <p class="change-kind new">New at this level</p>\n  <ul class="change-list new">\n',
                    )
                    for l_3_it in environment.getattr(l_2_s, 'new'):
                        _loop_vars = {}
                        pass
                        t_8.extend((
                            '<li>',
                            escape(t_2(context, environment.getattr(l_3_it, 'inlines'))),
                            '</li>\n',
                        ))
                    l_3_it = missing
                    t_8.append(
                        '  </ul>\n',
                    )
                if environment.getattr(l_2_s, 'evolved'):
                    pass
                    t_8.extend((
                        '  <p class="change-kind evolved">Evolved from ',
                        escape(environment.getattr(environment.getattr((undefined(name='ch') if l_1_ch is missing else l_1_ch), 'previous'), 'label')),
                        '</p>\n  <ul class="change-list evolved">\n',
                    ))
                    for l_3_e in environment.getattr(l_2_s, 'evolved'):
                        _loop_vars = {}
                        pass
                        t_8.extend((
                            '<li>',
                            escape(t_1(environment.getattr(l_3_e, 'diff'))),
                        ))
                        if environment.getattr(l_3_e, 'moved_from'):
                            pass
                            t_8.extend((
                                ' <span class="moved">(moved from ',
                                escape(environment.getattr(l_3_e, 'moved_from')),
                                ')</span>',
                            ))
                        t_8.append(
                            '</li>\n',
                        )
                    l_3_e = missing
                    t_8.append(
                        '  </ul>\n',
                    )
                if environment.getattr(l_2_s, 'dropped'):
                    pass
                    t_8.append(
                        '  <p class="change-kind dropped">No longer listed</p>\n  <ul class="change-list dropped">\n',
                    )
                    for l_3_it in environment.getattr(l_2_s, 'dropped'):
                        _loop_vars = {}
                        pass
                        t_8.extend((
                            '<li>',
                            escape(t_2(context, environment.getattr(l_3_it, 'inlines'))),
                            '</li>\n',
                        ))
                    l_3_it = missing
                    t_8.append(
                        '  </ul>\n',
                    )
            l_2_s = missing
        t_8.append(
            '</section>\n',
        )
        return concat(t_8)
    context.exported_vars.add('changes')
    context.vars['changes'] = l_0_changes = Macro(environment, macro, 'changes', ('lv', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_b):
        t_9 = []
        if l_1_b is missing:
            l_1_b = undefined("parameter 'b' was not provided", name='b')
        pass
        t_9.extend((
            '<',
            escape(('ol' if environment.getattr(l_1_b, 'ordered') else 'ul')),
            '>\n',
        ))
        for l_2_it in environment.getattr(l_1_b, 'entries'):
            _loop_vars = {}
            pass
            t_9.extend((
                '  <li>',
                escape(t_2(context, environment.getattr(l_2_it, 'inlines'))),
            ))
            for l_3_child in environment.getattr(l_2_it, 'children'):
                _loop_vars = {}
                pass
                t_9.append(
                    escape(context.call((undefined(name='list_block') if l_0_list_block is missing else l_0_list_block), l_3_child, _loop_vars=_loop_vars)),
                )
            l_3_child = missing
            t_9.append(
                '</li>\n',
            )
        l_2_it = missing
        t_9.extend((
            '</',
            escape(('ol' if environment.getattr(l_1_b, 'ordered') else 'ul')),
            '>\n',
        ))
        return concat(t_9)
    context.exported_vars.add('list_block')
    context.vars['list_block'] = l_0_list_block = Macro(environment, macro, 'list_block', ('b',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_bs, l_1_h):
        t_10 = []
        if l_1_bs is missing:
            l_1_bs = undefined("parameter 'bs' was not provided", name='bs')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        for l_2_b in l_1_bs:
            l_2_n = resolve('n')
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_b, 'kind') == 'heading'):
                pass
                l_2_n = t_3(environment, [((l_1_h + environment.getattr(l_2_b, 'level')) - 1), 6])
                _loop_vars['n'] = l_2_n
                t_10.extend((
                    '<h',
                    escape((undefined(name='n') if l_2_n is missing else l_2_n)),
                    '>',
                    escape(t_2(context, environment.getattr(l_2_b, 'inlines'))),
                    '</h',
                    escape((undefined(name='n') if l_2_n is missing else l_2_n)),
                    '>\n',
                ))
            elif (environment.getattr(l_2_b, 'kind') == 'para'):
                pass
                t_10.extend((
                    '<p>',
                    escape(t_2(context, environment.getattr(l_2_b, 'inlines'))),
                    '</p>\n',
                ))
            elif (environment.getattr(l_2_b, 'kind') == 'quote'):
                pass
                t_10.extend((
                    '<blockquote><p>',
                    escape(t_2(context, environment.getattr(l_2_b, 'inlines'))),
                    '</p></blockquote>\n',
                ))
            elif (environment.getattr(l_2_b, 'kind') == 'code'):
                pass
                t_10.extend((
                    '<pre><code>',
                    escape(environment.getattr(l_2_b, 'text')),
                    '</code></pre>\n',
                ))
            elif (environment.getattr(l_2_b, 'kind') == 'rule'):
                pass
                t_10.append(
                    '<hr>\n',
                )
            elif (environment.getattr(l_2_b, 'kind') == 'table'):
                pass
                t_10.append(
                    '<div class="table-wrap">\n  <table>\n',
                )
                if environment.getattr(l_2_b, 'header'):
                    pass
                    t_10.append(
                        '<thead><tr>',
                    )
                    for l_3_c in environment.getattr(l_2_b, 'header'):
                        _loop_vars = {}
                        pass
                        t_10.extend((
                            '<th scope="col">',
                            escape(t_2(context, l_3_c)),
                            '</th>',
                        ))
                    l_3_c = missing
                    t_10.append(
                        '</tr></thead>',
                    )
                t_10.append(
                    '\n    <tbody>\n',
                )
                for l_3_row in environment.getattr(l_2_b, 'rows'):
                    _loop_vars = {}
                    pass
                    t_10.append(
                        '<tr>',
                    )
                    for l_4_c in l_3_row:
                        _loop_vars = {}
                        pass
                        t_10.extend((
                            '<td>',
                            escape(t_2(context, l_4_c)),
                            '</td>',
                        ))
                    l_4_c = missing
                    t_10.append(
                        '</tr>\n',
                    )
                l_3_row = missing
                t_10.append(
                    '    </tbody>\n  </table>\n</div>\n',
                )
            elif (environment.getattr(l_2_b, 'kind') == 'list'):
                pass
                t_10.extend((
                    escape(context.call((undefined(name='list_block') if l_0_list_block is missing else l_0_list_block), l_2_b, _loop_vars=_loop_vars)),
                    '\n',
                ))
        l_2_b = l_2_n = missing
        return concat(t_10)
    context.exported_vars.add('blocks')
    context.vars['blocks'] = l_0_blocks = Macro(environment, macro, 'blocks', ('bs', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_doc, l_1_h):
        t_11 = []
        l_1_n = missing
        if l_1_doc is missing:
            l_1_doc = undefined("parameter 'doc' was not provided", name='doc')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        t_11.extend((
            '<section class="document" id="',
            escape(environment.getattr(l_1_doc, 'anchor')),
            '" aria-labelledby="',
            escape(environment.getattr(l_1_doc, 'anchor')),
            '-title">\n',
        ))
        l_1_n = t_3(environment, [l_1_h, 6])
        t_11.extend((
            '<h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            ' id="',
            escape(environment.getattr(l_1_doc, 'anchor')),
            '-title">',
            escape(environment.getattr(l_1_doc, 'title')),
            '</h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            '>\n  ',
            escape(context.call((undefined(name='blocks') if l_0_blocks is missing else l_0_blocks), environment.getattr(l_1_doc, 'blocks'), (l_1_h + 1))),
            '\n</section>\n',
        ))
        return concat(t_11)
    context.exported_vars.add('document')
    context.vars['document'] = l_0_document = Macro(environment, macro, 'document', ('doc', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lv, l_1_track, l_1_meta, l_1_h):
        t_12 = []
        l_1_n = missing
        if l_1_lv is missing:
            l_1_lv = undefined("parameter 'lv' was not provided", name='lv')
        if l_1_track is missing:
            l_1_track = undefined("parameter 'track' was not provided", name='track')
        if l_1_meta is missing:
            l_1_meta = undefined("parameter 'meta' was not provided", name='meta')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        pass
        t_12.extend((
            '<article class="level" aria-labelledby="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '-title">\n  <header class="title-block" id="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '">\n',
        ))
        l_1_n = t_3(environment, [l_1_h, 6])
        t_12.extend((
            '<h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            ' id="',
            escape(environment.getattr(l_1_lv, 'anchor')),
            '-title">',
        ))
        if environment.getattr(l_1_lv, 'id'):
            pass
            t_12.extend((
                '<span class="badge">',
                escape(environment.getattr(l_1_lv, 'id')),
                '</span> ',
            ))
        t_12.extend((
            escape(environment.getattr(l_1_lv, 'title')),
            '</h',
            escape((undefined(name='n') if l_1_n is missing else l_1_n)),
            '>\n',
        ))
        if environment.getattr(l_1_lv, 'summary'):
            pass
            t_12.append(
                '    <blockquote class="summary">\n',
            )
            for l_2_para in environment.getattr(l_1_lv, 'summary'):
                _loop_vars = {}
                pass
                t_12.extend((
                    '<p>',
                    escape(t_2(context, l_2_para)),
                    '</p>',
                ))
            l_2_para = missing
            t_12.append(
                '\n    </blockquote>\n',
            )
        t_12.extend((
            '  </header>\n  ',
            escape(context.call((undefined(name='level_sections') if l_0_level_sections is missing else l_0_level_sections), l_1_lv, (l_1_h + 1))),
            '\n</article>\n',
        ))
        return concat(t_12)
    context.exported_vars.add('level_article')
    context.vars['level_article'] = l_0_level_article = Macro(environment, macro, 'level_article', ('lv', 'track', 'meta', 'h'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '7=30&8=39&9=42&12=69&13=82&14=84&15=87&16=90&17=105&18=112&20=117&27=136&28=143&29=146&30=155&31=158&32=163&38=175&39=183&40=184&41=188&42=190&45=197&46=202&52=211&53=216&54=218&55=235&56=238&57=243&59=247&61=251&62=255&67=262&69=266&72=269&75=278&76=287&77=288&78=291&79=293&80=302&81=306&82=309&83=313&85=322&86=326&87=328&88=330&89=332&90=335&91=340&92=356&95=361&99=373&100=377&102=380&106=401&109=406&118=426&119=433&120=436&121=441&123=456&126=463&127=470&128=474&129=476&130=480&131=487&132=491&133=494&134=498&135=501&136=505&137=508&139=513&142=518&145=538&150=560&151=563&156=571&157=581&158=586&159=589&160=597&164=604&165=618&166=620&167=623&168=626&169=644&171=649&176=663'

# Generated from the built-in template 'html/macros.html.j2'; do not edit.
