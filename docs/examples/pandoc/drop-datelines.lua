-- Drops the datelines docconv marks ("MOSCOW, June 6. /TASS/."), and the
-- space after one, from a pandoc-json file:
--   pandoc -f json articles.pandoc.json --lua-filter drop-datelines.lua -o articles.docx
function Inlines(inlines)
  local out = pandoc.List()
  local dropped = false
  for _, inline in ipairs(inlines) do
    if inline.t == "Span" and inline.classes:includes("dateline") then
      dropped = true
    elseif not (dropped and inline.t == "Space") then
      out:insert(inline)
      dropped = false
    else
      dropped = false
    end
  end
  return out
end
