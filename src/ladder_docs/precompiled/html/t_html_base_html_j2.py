from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'html/base.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_page = resolve('page')
    l_0_meta = resolve('meta')
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    pass
    yield '<!doctype html>\n<html lang="'
    yield escape(t_1((undefined(name='lang') if l_0_lang is missing else l_0_lang), 'en'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="ladder-docs">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n<style>\n'
    template = environment.get_template('html/style.css', 'html/base.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to content</a>\n<header class="site-header">\n  <div class="bar">\n    <nav class="crumbs" aria-label="Breadcrumb">\n      <ol>\n'
    yield from context.blocks['crumbs'][0](context)
    yield '\n      </ol>\n    </nav>\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'alternates'):
        pass
        yield '    <nav class="formats" aria-label="Other formats">\n      <ul>\n'
        for l_1_alt in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'alternates'):
            _loop_vars = {}
            pass
            yield '        <li><a href="'
            yield escape(environment.getattr(l_1_alt, 'href'))
            yield '" type="'
            yield escape(('application/pdf' if (environment.getattr(l_1_alt, 'format') == 'pdf') else 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))
            yield '">Download '
            yield escape(environment.getattr(l_1_alt, 'label'))
            yield '</a></li>\n'
        l_1_alt = missing
        yield '      </ul>\n    </nav>\n'
    yield '  </div>\n</header>\n<div class="layout'
    yield from context.blocks['layout_class'][0](context)
    yield '">\n'
    yield from context.blocks['toc'][0](context)
    yield '<main id="main"'
    yield from context.blocks['main_attrs'][0](context)
    yield '>\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n</div>\n<footer class="site-footer">\n  <p>'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield ' · version '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'version'))
    yield ' · commit <code>'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'short'))
    yield '</code> of '
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date_long'))
    yield ' · published with ladder-docs</p>\n</footer>\n</body>\n</html>\n'

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

def block_crumbs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_meta = resolve('meta')
    pass
    yield '<li><a href="'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'index'))
    yield '">'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'ladder'))
    yield '</a></li>'

def block_layout_class(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_toc(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_main_attrs(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'title': block_title, 'crumbs': block_crumbs, 'layout_class': block_layout_class, 'toc': block_toc, 'main_attrs': block_main_attrs, 'main': block_main}
debug_info = '3=21&8=23&10=25&19=32&23=34&26=37&27=41&34=50&35=52&36=54&37=56&41=58&8=67&19=78&34=94&35=103&36=112&37=121'

# Generated from the built-in template 'html/base.html.j2'; do not edit.
