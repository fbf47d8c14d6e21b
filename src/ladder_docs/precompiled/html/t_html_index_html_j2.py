from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/index.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_formats_of = missing
    pass
    parent_template = environment.get_template('html/base.html.j2', 'html/index.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    def macro(l_1_kind, l_1_key, l_1_label):
        t_1 = []
        l_1_formats = resolve('formats')
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        pass
        t_1.append(
            '<span class="fmt">',
        )
        for l_2_f in (undefined(name='formats') if l_1_formats is missing else l_1_formats)[1:]:
            l_2_url = resolve('url')
            l_2_labels = resolve('labels')
            _loop_vars = {}
            pass
            t_1.extend((
                '<a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), l_1_kind, l_1_key, l_2_f, _loop_vars=_loop_vars)),
                '" aria-label="',
                escape(l_1_label),
                ' (',
                escape(environment.getitem((undefined(name='labels') if l_2_labels is missing else l_2_labels), l_2_f)),
                ')">',
                escape(environment.getitem((undefined(name='labels') if l_2_labels is missing else l_2_labels), l_2_f)),
                '</a>',
            ))
        l_2_f = l_2_url = l_2_labels = missing
        t_1.append(
            '</span>',
        )
        return concat(t_1)
    context.exported_vars.add('formats_of')
    context.vars['formats_of'] = l_0_formats_of = Macro(environment, macro, 'formats_of', ('kind', 'key', 'label'), False, False, False, context.eval_ctx.autoescape)
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
    yield ' · handbooks'

def block_crumbs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_meta = resolve('meta')
    pass
    yield '<li><span aria-current="page">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</span></li>'

def block_main_attrs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield ' class="wide"'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_meta = resolve('meta')
    l_0_url = resolve('url')
    l_0_formats = resolve('formats')
    l_0_formats_of = resolve('formats_of')
    l_0_tracks = resolve('tracks')
    pass
    yield '<div class="hero">\n  <h1>'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield "</h1>\n  <p>The career ladder's official handbooks: one per level, one per track, and one for the whole ladder.\n    Version "
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'version'))
    yield ' of '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date_long'))
    yield '.</p>\n  <p><strong><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'ladder', None, environment.getitem((undefined(name='formats') if l_0_formats is missing else l_0_formats), 0), _block_vars=_block_vars))
    yield '">Complete handbook</a></strong> '
    yield escape(context.call((undefined(name='formats_of') if l_0_formats_of is missing else l_0_formats_of), 'ladder', None, 'Complete handbook', _block_vars=_block_vars))
    yield '</p>\n</div>\n<h2>Tracks</h2>\n<ul class="cards">\n'
    for l_1_t in (undefined(name='tracks') if l_0_tracks is missing else l_0_tracks):
        _loop_vars = {}
        pass
        yield '  <li class="card">\n    <h3><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'track', environment.getattr(l_1_t, 'key'), environment.getitem((undefined(name='formats') if l_0_formats is missing else l_0_formats), 0), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr(l_1_t, 'name'))
        yield '</a></h3>\n    <p class="track-book"><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'track', environment.getattr(l_1_t, 'key'), environment.getitem((undefined(name='formats') if l_0_formats is missing else l_0_formats), 0), _loop_vars=_loop_vars))
        yield '">Track handbook</a> '
        yield escape(context.call((undefined(name='formats_of') if l_0_formats_of is missing else l_0_formats_of), 'track', environment.getattr(l_1_t, 'key'), markup_join((environment.getattr(l_1_t, 'name'), ' handbook', )), _loop_vars=_loop_vars))
        yield '</p>\n    <ol>\n'
        for l_2_lv in environment.getattr(l_1_t, 'levels'):
            _loop_vars = {}
            pass
            yield '      <li><a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'level', environment.getattr(l_2_lv, 'key'), environment.getitem((undefined(name='formats') if l_0_formats is missing else l_0_formats), 0), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_2_lv, 'label'))
            yield '</a> '
            yield escape(context.call((undefined(name='formats_of') if l_0_formats_of is missing else l_0_formats_of), 'level', environment.getattr(l_2_lv, 'key'), environment.getattr(l_2_lv, 'label'), _loop_vars=_loop_vars))
            yield '</li>\n'
        l_2_lv = missing
        yield '    </ol>\n  </li>\n'
    l_1_t = missing
    yield '</ul>\n'

blocks = {'title': block_title, 'crumbs': block_crumbs, 'main_attrs': block_main_attrs, 'main': block_main}
debug_info = '2=13&6=16&7=29&3=54&4=66&9=79&10=89&12=103&14=105&15=109&19=113&21=117&22=121&24=125&25=129'

# Generated from the built-in template 'html/index.html.j2'; do not edit.
