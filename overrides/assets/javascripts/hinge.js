/* Hinge Guide's own behaviour, in one file. Material's document$ emits after
   every page load, instant navigation included; the one subscription at the
   end mounts each component it finds by its data- attribute, so everything
   works however the reader reached the page. Markup and wording come from
   the templates in overrides/; this file only adds behaviour. */

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

/* Says what just happened in the page's status line, which screen readers
   read out, then clears it. */
function announce(message) {
  const status = document.querySelector("[data-hg-status]")
  if (!status)
    return
  status.textContent = message
  clearTimeout(announce.timer)
  announce.timer = setTimeout(() => { status.textContent = "" }, 5000)
}

/* A phone (touch screen with a share sheet): sharing beats the clipboard there. */
function canShareSheet() {
  return typeof navigator.share === "function" && matchMedia("(pointer: coarse)").matches
}

/* <button data-hg-copy="text" data-hg-done="message">: copies the text.
   With data-hg-share, a phone opens the share sheet with data-hg-share-title,
   -text and -url instead. */
function mountCopyButton(button) {
  const data = button.dataset
  button.addEventListener("click", async () => {
    if ("hgShare" in data && canShareSheet()) {
      try {
        await navigator.share({ title: data.hgShareTitle, text: data.hgShareText, url: data.hgShareUrl })
        return
      } catch (error) {
        if (error.name === "AbortError")
          return // the reader closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(data.hgCopy)
      announce(data.hgDone)
    } catch {
      announce(document.querySelector("[data-hg-status]").dataset.hgFailed)
    }
  })
}

/* The plan builder and plan page load plan.js with the page (overrides/main.html).
   Reached by instant navigation, which runs no script from outside the page's
   content, they load it here, once; it mounts itself. */
function loadPlanScript(element) {
  if (window.hgPlan)
    return
  window.hgPlan = "loading"
  const script = document.createElement("script")
  script.src = new URL(element.dataset.hgPlanScript, location.href)
  document.body.append(script)
}

const components = {
  "data-hg-search-empty": mountSearchEmpty,
  "data-hg-copy": mountCopyButton,
  "data-hg-plan-script": loadPlanScript,
}

document$.subscribe(() => {
  for (const [attribute, mount] of Object.entries(components))
    for (const element of document.querySelectorAll(`[${attribute}]`))
      mount(element)
})
