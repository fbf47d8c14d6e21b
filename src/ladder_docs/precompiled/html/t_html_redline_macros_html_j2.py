from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/redline-macros.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pieces = l_0_mark = l_0_commits = l_0_who = l_0_items = l_0_marked = l_0_free_text = l_0_legend = missing
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    def macro(l_1_line):
        t_3 = []
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        for l_2_p in environment.getattr(l_1_line, 'pieces'):
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_p, 'op') == 'insert'):
                pass
                t_3.extend((
                    '<ins class="ins">',
                    escape(t_1(context, environment.getattr(l_2_p, 'nodes'))),
                    '</ins>',
                ))
            elif (environment.getattr(l_2_p, 'op') == 'delete'):
                pass
                t_3.extend((
                    '<del class="del">',
                    escape(t_1(context, environment.getattr(l_2_p, 'nodes'))),
                    '</del>',
                ))
            else:
                pass
                t_3.append(
                    escape(t_1(context, environment.getattr(l_2_p, 'nodes'))),
                )
        l_2_p = missing
        return concat(t_3)
    context.exported_vars.add('pieces')
    context.vars['pieces'] = l_0_pieces = Macro(environment, macro, 'pieces', ('line',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_line):
        t_4 = []
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        if (environment.getattr(l_1_line, 'status') != 'same'):
            pass
            t_4.extend((
                ' rl-mark rl-',
                escape(environment.getattr(l_1_line, 'status')),
            ))
        return concat(t_4)
    context.exported_vars.add('mark')
    context.vars['mark'] = l_0_mark = Macro(environment, macro, 'mark', ('line',), False, False, False, context.eval_ctx.autoescape)
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
            t_5.append(
                '<span class="rl-commit">',
            )
            for l_3_sha in environment.getattr(l_2_g, 'shas'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<code>',
                    escape(l_3_sha),
                    '</code> ',
                ))
            l_3_sha = missing
            if environment.getattr(l_2_g, 'more'):
                pass
                t_5.extend((
                    '+',
                    escape(environment.getattr(l_2_g, 'more')),
                    ' more ',
                ))
            t_5.extend((
                escape(environment.getattr(l_2_g, 'author')),
                ', ',
                escape(environment.getattr(l_2_g, 'dates')),
            ))
            if environment.getattr(l_2_g, 'prs'):
                pass
                t_5.append(
                    ', PR ',
                )
                l_3_loop = missing
                for l_3_pr, l_3_loop in LoopContext(environment.getattr(l_2_g, 'prs'), undefined):
                    _loop_vars = {}
                    pass
                    t_5.extend((
                        '#',
                        escape(l_3_pr),
                        escape((', ' if (not environment.getattr(l_3_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 16 in 'html/redline-macros.html.j2' evaluated to false and no else section was defined."))),
                    ))
                l_3_loop = l_3_pr = missing
            t_5.append(
                '</span>',
            )
            t_6 = 0
        l_2_loop = l_2_g = missing
        if t_6:
            l_2_uncommitted = resolve('uncommitted')
            pass
            t_5.extend((
                '<span class="rl-commit">',
                escape((undefined(name='uncommitted') if l_2_uncommitted is missing else l_2_uncommitted)),
                '</span>',
            ))
            l_2_uncommitted = missing
        return concat(t_5)
    context.exported_vars.add('commits')
    context.vars['commits'] = l_0_commits = Macro(environment, macro, 'commits', ('list',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_line):
        t_7 = []
        l_1_level = resolve('level')
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        if ((environment.getattr(l_1_line, 'status') != 'same') and (environment.getattr((undefined(name='level') if l_1_level is missing else l_1_level), 'status') == 'changed')):
            pass
            t_7.append(
                '<span class="rl-who">',
            )
            if environment.getattr(l_1_line, 'note'):
                pass
                t_7.extend((
                    '<span class="rl-note">',
                    escape(environment.getattr(l_1_line, 'note')),
                    '</span>',
                ))
            t_7.extend((
                escape(context.call((undefined(name='commits') if l_0_commits is missing else l_0_commits), environment.getattr(l_1_line, 'commits'))),
                '</span>',
            ))
        return concat(t_7)
    context.exported_vars.add('who')
    context.vars['who'] = l_0_who = Macro(environment, macro, 'who', ('line',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_lines, l_1_cls):
        t_8 = []
        l_1_runs = resolve('runs')
        if l_1_lines is missing:
            l_1_lines = undefined("parameter 'lines' was not provided", name='lines')
        if l_1_cls is missing:
            l_1_cls = undefined("parameter 'cls' was not provided", name='cls')
        pass
        for l_2_run in context.call((undefined(name='runs') if l_1_runs is missing else l_1_runs), l_1_lines):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_run, 'group'):
                pass
                t_8.extend((
                    '<p class="group-name',
                    escape((markup_join((' rl-mark rl-', environment.getattr(l_2_run, 'status'), )) if (environment.getattr(l_2_run, 'status') != 'same') else cond_expr_undefined("the inline if-expression on line 28 in 'html/redline-macros.html.j2' evaluated to false and no else section was defined."))),
                    '">',
                    escape(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), environment.getattr(l_2_run, 'group'), environment.getattr(l_2_run, 'status'), _loop_vars=_loop_vars)),
                    '</p>\n',
                ))
            t_8.extend((
                '<ul class="',
                escape(l_1_cls),
                '">\n',
            ))
            for l_3_line in environment.getattr(l_2_run, 'lines'):
                _loop_vars = {}
                pass
                t_8.extend((
                    '  <li class="',
                    escape(t_2(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), l_3_line, _loop_vars=_loop_vars))),
                    '">',
                    escape(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_3_line, _loop_vars=_loop_vars)),
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_3_line, _loop_vars=_loop_vars)),
                    '</li>\n',
                ))
            l_3_line = missing
            t_8.append(
                '</ul>\n',
            )
        l_2_run = missing
        return concat(t_8)
    context.exported_vars.add('items')
    context.vars['items'] = l_0_items = Macro(environment, macro, 'items', ('lines', 'cls'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
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
                '<ins class="ins">',
                escape(l_1_text),
                '</ins>',
            ))
        elif (l_1_status == 'removed'):
            pass
            t_9.extend((
                '<del class="del">',
                escape(l_1_text),
                '</del>',
            ))
        else:
            pass
            t_9.append(
                escape(l_1_text),
            )
        return concat(t_9)
    context.exported_vars.add('marked')
    context.vars['marked'] = l_0_marked = Macro(environment, macro, 'marked', ('text', 'status'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lines):
        t_10 = []
        if l_1_lines is missing:
            l_1_lines = undefined("parameter 'lines' was not provided", name='lines')
        pass
        for l_2_line in l_1_lines:
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_line, 'kind') == 'heading'):
                pass
                t_10.extend((
                    '<p class="rl-heading',
                    escape(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), l_2_line, _loop_vars=_loop_vars)),
                    '"><strong>',
                    escape(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_2_line, _loop_vars=_loop_vars)),
                    '</strong>',
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_2_line, _loop_vars=_loop_vars)),
                    '</p>\n',
                ))
            elif (environment.getattr(l_2_line, 'kind') == 'item'):
                pass
                t_10.extend((
                    '<ul class="rl-notes"><li class="',
                    escape(t_2(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), l_2_line, _loop_vars=_loop_vars))),
                    '">',
                    escape(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_2_line, _loop_vars=_loop_vars)),
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_2_line, _loop_vars=_loop_vars)),
                    '</li></ul>\n',
                ))
            else:
                pass
                t_10.extend((
                    '<p class="note',
                    escape(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), l_2_line, _loop_vars=_loop_vars)),
                    '">',
                    escape(context.call((undefined(name='pieces') if l_0_pieces is missing else l_0_pieces), l_2_line, _loop_vars=_loop_vars)),
                    escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_2_line, _loop_vars=_loop_vars)),
                    '</p>\n',
                ))
        l_2_line = missing
        return concat(t_10)
    context.exported_vars.add('free_text')
    context.vars['free_text'] = l_0_free_text = Macro(environment, macro, 'free_text', ('lines',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro():
        t_11 = []
        pass
        t_11.append(
            '<p class="rl-legend" aria-label="Legend">\n  <span><ins class="ins">Inserted text</ins></span>\n  <span><del class="del">Deleted text</del></span>\n  <span class="rl-legend-bar">Changed item</span>\n  <span class="rl-legend-who"><span class="rl-commit"><code>sha</code> author, date, PR</span> the commits that made it</span>\n</p>\n',
        )
        return concat(t_11)
    context.exported_vars.add('legend')
    context.vars['legend'] = l_0_legend = Macro(environment, macro, 'legend', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '5=24&6=29&9=56&10=61&15=70&16=78&19=138&20=144&21=149&26=163&27=171&28=174&30=185&31=188&32=193&38=208&39=215&42=238&43=243&44=246&45=250&46=257&47=261&49=271&54=282'

# Generated from the built-in template 'html/redline-macros.html.j2'; do not edit.
