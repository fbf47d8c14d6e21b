-- ladder-docs: convert many pandoc JSON documents to DOCX in one pandoc process.
-- Usage (from pandoc_engine.py, cwd = a private temp dir): pandoc lua docx_batch.lua job.json
-- job.json: {"results": "results.json", "docs": [{"input": "in/0.json", "output": "out/0.docx",
--            "reference_doc": "reference-0.docx", "toc": false}, ...]}
-- (one reference document per distinct footer text, so no document needs its footer patched)
-- Every document is sanitised (no raw nodes, no images, only safe link targets), gets native
-- Word tracked changes for its insertion/deletion spans and divs, and is written on its own:
-- a failing document records its error in results.json and the batch goes on.

local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local data = f:read('a')
  f:close()
  return data
end

local function write_file(path, data)
  local f = assert(io.open(path, 'wb'))
  f:write(data)
  f:close()
end

local function xml_escape(s)
  return (s:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;')
    :gsub('"', '&quot;'):gsub("'", '&apos;'))
end

-- Sanitising ----------------------------------------------------------------------------------

-- A link target is safe when it has no scheme (a relative path or #anchor) or an allowed one.
local SAFE_SCHEMES = { http = true, https = true, mailto = true }

local function safe_target(target)
  local t = target:gsub('^%s+', '')
  local scheme = t:match('^([%a][%w+.-]*):')
  if scheme == nil then
    return t:sub(1, 2) ~= '//' and t:sub(1, 1) ~= '\\'
  end
  return SAFE_SCHEMES[scheme:lower()] == true
end

-- Content is untrusted: raw OpenXML could carry field codes (INCLUDETEXT) and images make the
-- writer read files from disk, so neither survives; an unsafe link keeps only its text.
local sanitise = {
  RawInline = function() return {} end,
  RawBlock = function() return {} end,
  Image = function(img) return img.caption end,
  Link = function(link)
    if safe_target(link.target) then return nil end
    return link.content
  end,
}

-- Tracked changes -----------------------------------------------------------------------------

local CHANGE = { insertion = 'ins', deletion = 'del' }

local function change_kind(attr)
  for _, class in ipairs(attr.classes) do
    if CHANGE[class] then return class end
  end
  return nil
end

-- Inside a wholly inserted (deleted) paragraph, nested change spans make no sense: the opposite
-- kind never existed on that side, the same kind is implied.
local function flatten_changes(inlines, kind)
  return inlines:walk({
    Span = function(span)
      local inner = change_kind(span.attr)
      if inner == nil then return nil end
      if inner == kind then return span.content end
      return {}
    end,
  })
end

-- A change may not hold a hyperlink (w:ins > w:hyperlink is invalid OOXML; LibreOffice then
-- loses the paragraph's text, pandoc issue #4609): the change goes inside each link instead.
local function wrap_changes(inlines, attr)
  local out, run = pandoc.Inlines({}), pandoc.Inlines({})
  local function flush()
    if #run > 0 then out:insert(pandoc.Span(run, attr)); run = pandoc.Inlines({}) end
  end
  for _, el in ipairs(inlines) do
    local holds_link = el.t == 'Link'
    if not holds_link and el.content ~= nil and el.t ~= 'Note' then
      pandoc.Inlines({ el }):walk({ Link = function() holds_link = true end })
    end
    if holds_link then
      flush()
      el.content = wrap_changes(el.content, attr)
      out:insert(el)
    else
      run:insert(el)
    end
  end
  flush()
  return out
end

-- Whole-paragraph changes: each paragraph inside a Div.insertion/.deletion gets its text wrapped
-- in a change span and a marker that the post-processing turns into a tracked paragraph mark.
local function mark_paragraphs(div, kind, marks)
  local author = div.attributes.author or 'ladder-docs'
  local date = div.attributes.date or ''
  local function mark(block)
    marks[#marks + 1] = { tag = CHANGE[kind], author = author, date = date }
    local attr = pandoc.Attr('', { kind }, { author = author, date = date })
    block.content = {
      pandoc.RawInline('openxml', '<!--ldpm:' .. #marks .. '-->'),
      table.unpack(wrap_changes(flatten_changes(block.content, kind), attr)),
    }
    return block
  end
  local blocks = div.content:walk({
    Div = function(inner)
      -- a nested change div of either kind is covered by this one
      if change_kind(inner.attr) then return inner.content end
      return nil
    end,
  })
  return blocks:walk({ Para = mark, Plain = mark, Header = mark })
end

-- One pass (walks cost ~1 ms per document): pandoc's default typewise traversal runs every inline
-- function over the whole document before any block function, so the Div handler sees
-- sanitised content, and the raw markers it adds are not removed again.
-- Returns the document and whether it has any tracked change at all.
local function sanitise_and_track(doc, marks)
  local inline_changes = false
  doc = doc:walk({
    RawInline = sanitise.RawInline,
    RawBlock = sanitise.RawBlock,
    Image = sanitise.Image,
    Link = sanitise.Link,
    Span = function(span)
      inline_changes = inline_changes or change_kind(span.attr) ~= nil
      return nil
    end,
    Div = function(div)
      local kind = change_kind(div.attr)
      if kind == nil then return nil end
      return mark_paragraphs(div, kind, marks)
    end,
  })
  return doc, inline_changes or #marks > 0
end

-- Post-processing of the written DOCX ---------------------------------------------------------

local function paragraph_marks(xml, marks)
  xml = xml:gsub('<w:p>(.-)</w:p>', function(inner)
    local n = inner:match('<!%-%-ldpm:(%d+)%-%->')
    if n == nil then return nil end
    local m = marks[tonumber(n)]
    inner = inner:gsub('<!%-%-ldpm:%d+%-%->', '', 1)
    local rpr = string.format('<w:rPr><w:%s w:id="0" w:author="%s" w:date="%s" /></w:rPr>',
      m.tag, xml_escape(m.author), xml_escape(m.date))
    if inner:sub(1, 7) == '<w:pPr>' then
      -- w:rPr is the last child pandoc's w:pPr can have (no sectPr/pPrChange in paragraphs)
      inner = inner:gsub('</w:pPr>', rpr .. '</w:pPr>', 1)
    else
      inner = '<w:pPr>' .. rpr .. '</w:pPr>' .. inner
    end
    return '<w:p>' .. inner .. '</w:p>'
  end)
  if xml:find('<!--ldpm:', 1, true) then
    error('a tracked paragraph mark could not be placed')
  end
  return xml
end

-- pandoc numbers insertions and deletions separately (and so gives them the same ids): renumber
-- every change after the largest id in the part, so no two annotations share one.
local function unique_change_ids(xml)
  local top = 0
  for id in xml:gmatch('w:id="(%d+)"') do top = math.max(top, tonumber(id)) end
  return (xml:gsub('<w:(%a+) w:id="%d+"', function(tag)
    if tag ~= 'ins' and tag ~= 'del' then return nil end
    top = top + 1
    return string.format('<w:%s w:id="%d"', tag, top)
  end))
end

-- Only documents with tracked changes are unpacked and repacked (a few ms each).
local function postprocess(bytes, marks)
  local entries = {}
  for _, entry in ipairs(pandoc.zip.Archive(bytes).entries) do
    if entry.path == 'word/document.xml' then
      local xml = unique_change_ids(paragraph_marks(entry:contents(), marks))
      entry = pandoc.zip.Entry(entry.path, xml, entry.modtime)
    end
    entries[#entries + 1] = entry
  end
  return pandoc.zip.Archive(entries):bytestring()
end

-- Handbook books (ladder_docs.docx_book): each top-level Div.ld-segment becomes a marker followed by
-- its blocks, so the written document can be cut into handbooks (ladder_docs.docx_split). Runs after
-- sanitising, so these are the only comments in the output.
local function mark_segments(doc)
  local out = pandoc.Blocks({})
  for _, block in ipairs(doc.blocks) do
    local n = block.t == 'Div' and block.classes:includes('ld-segment') and tonumber(block.attributes.n)
    if n then
      out:insert(pandoc.RawBlock('openxml', string.format('<!--ldseg:%d-->', math.floor(n))))
      out:extend(block.content)
    else
      out:insert(block)
    end
  end
  doc.blocks = out
  return doc
end

-- The batch -----------------------------------------------------------------------------------

local function convert(spec)
  pandoc.mediabag.empty()
  local doc = pandoc.read(read_file(spec.input), 'json')
  local marks, changed = {}, false
  doc, changed = sanitise_and_track(doc, marks)
  doc = mark_segments(doc)
  local options = { reference_doc = spec.reference_doc, table_of_contents = spec.toc == true }
  local bytes = pandoc.write(doc, 'docx', options)
  write_file(spec.output, changed and postprocess(bytes, marks) or bytes)
end

local job = pandoc.json.decode(read_file(arg[1]), false)
local results = {}
for i, spec in ipairs(job.docs) do
  local ok, err = pcall(convert, spec)
  results[i] = ok and { ok = true } or { ok = false, error = tostring(err) }
end
write_file(job.results, pandoc.json.encode(results))
