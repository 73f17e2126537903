/* Hinge Guide's own behaviour. Material's document$ emits after every page
   load, instant navigation included; each component is found by its data-
   attribute and mounted once. */
document$.subscribe(() => {
  for (const hint of document.querySelectorAll("[data-hg-search-empty]"))
    mountSearchEmpty(hint)
})

/* Search empty state: when a query finds nothing, show a way on (the cue
   finder) under Material's "No matching documents" line. The hint shows
   exactly while Material's line says that, so the two never disagree. */
function mountSearchEmpty(hint) {
  const result = document.querySelector("[data-md-component=search-result]")
  if (!result || result.contains(hint))
    return
  const meta = result.querySelector(".md-search-result__meta")
  meta.after(hint)
  const update = () => {
    hint.hidden = meta.textContent.trim() !== hint.dataset.hgSearchEmpty
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })
  update()
}
