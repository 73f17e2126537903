/* Hinge Guide's own behaviour, in one file. Material's document$ emits after
   every page load, instant navigation included; the one subscription at the
   end mounts each component it finds by its data- attribute, so everything
   works however the reader reached the page. Markup and wording come from
   the templates in overrides/; this file only adds behaviour, and the words
   of the notices it makes up itself. */

/* Search empty state: when a query finds nothing, show a way on (the pages
   most readers start from, and the cue finder) under Material's "No matching
   documents" line. The hint shows
   exactly while Material's line says that, so the two never disagree. */
function mountSearchEmpty(hint) {
  const result = document.querySelector("[data-md-component=search-result]")
  if (!result || result.contains(hint))
    return
  const meta = result.querySelector(".md-search-result__meta")
  meta.after(hint)
  mountSearchTags(result)
  const update = () => {
    hint.hidden = meta.textContent.trim() !== hint.dataset.hgSearchEmpty
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })
  update()
}

/* Material puts a search result's tags in a <nav>, a landmark with no name,
   one per result; they are words, not links (the search words the query
   matched), so each is made a plain element, not a landmark. Mounted once,
   with the search empty state, on the search result it watches too. */
function mountSearchTags(result) {
  const plain = () => {
    for (const tags of result.querySelectorAll("nav.md-tags:not([role])"))
      tags.setAttribute("role", "none")
  }
  new MutationObserver(plain).observe(result, { childList: true, subtree: true })
}

/* Says what just happened in the page's status line, which screen readers
   read out, then clears it. The message is text, or a list of text and nodes. */
function announce(message, seconds = 5) {
  const status = document.querySelector("[data-hg-status]")
  if (!status)
    return
  status.replaceChildren(...[].concat(message))
  clearTimeout(announce.timer)
  announce.timer = setTimeout(() => { status.replaceChildren() }, seconds * 1000)
  // A tap anywhere on it but its link puts it away at once: it covers the foot of the screen.
  status.onclick = event => event.target.closest("a") || status.replaceChildren()
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

/* <div data-hg-script="url">: a script only this page needs (the plan builder's
   and the plan page's). A full load brings it with the page (overrides/main.html);
   reached by instant navigation, which runs no script from outside the page's
   content, the page gets it here, once. It mounts itself. */
function loadPageScript(element) {
  const src = new URL(element.dataset.hgScript, location.href).href
  if (![...document.scripts].some(script => script.src === src))
    document.body.append(Object.assign(document.createElement("script"), { src }))
}

/* Offline copy (overrides/sw.js). The status line carries the worker's URL, or
   "" under `mkdocs serve`, where any worker is removed so every edit shows at
   once. The worker is registered once the page is set up and the next frame is
   on screen, so copying the guide never competes with showing the first page.
   When a worker takes over, the reader hears once, quietly: the guide is ready
   offline (first visit), or it has been updated (a deploy), with a reload link. */
const OFFLINE_READY = "Hinge Guide is saved on this device. It now works offline, with no signal."
const UPDATED = "Hinge Guide has been updated."
const RELOAD = "Reload this page"
const NOTICE_SECONDS = 8

function startOfflineCopy() {
  const status = document.querySelector("[data-hg-offline]")
  if (!("serviceWorker" in navigator) || !status)
    return
  const worker = status.dataset.hgOffline
  if (!worker) {
    navigator.serviceWorker.getRegistrations().then(all => all.forEach(registration => registration.unregister()))
    return
  }
  const updating = navigator.serviceWorker.controller !== null
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!updating)
      return announce(OFFLINE_READY, NOTICE_SECONDS)
    const reload = Object.assign(document.createElement("a"), { href: location.href, textContent: RELOAD })
    announce([UPDATED + " ", reload], NOTICE_SECONDS)
  }, { once: true })
  // Ask for a new build now: the browser's own check after a navigation comes "a little later".
  navigator.serviceWorker.register(new URL(worker, location.href))
    .then(registration => registration.update())
    .catch(() => {}) // offline: the copy already here keeps serving
}

addEventListener("hg-loaded", () => requestAnimationFrame(() => setTimeout(startOfflineCopy)), { once: true })

const components = {
  "data-hg-search-empty": mountSearchEmpty,
  "data-hg-copy": mountCopyButton,
  "data-hg-script": loadPageScript,
}

document$.subscribe(() => {
  for (const [attribute, mount] of Object.entries(components))
    for (const element of document.querySelectorAll(`[${attribute}]`))
      mount(element)
})
