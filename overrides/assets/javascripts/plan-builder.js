/* The plan builder (issue 14): every change to the form rewrites the plan
   link, which plan.js reads on the plan page. Only the builder loads this
   file (overrides/main.html; hinge.js loads it after instant navigation).
   The form comes from the build (hinge/plan.py); this file only adds
   behaviour. The link format, version 1, is described in hinge/plan.py. */

/* A whole number from a number field, kept within its min and max; the
   page's dose when the field is empty or not a number. */
function numberIn(input) {
  const value = Math.round(input.valueAsNumber)
  if (Number.isNaN(value))
    return +input.defaultValue
  return Math.min(+input.max, Math.max(+input.min, value))
}

/* The plan builder: every change rewrites the link. */
function mountBuilder(root) {
  const planPage = new URL(root.dataset.hgPlanPage, location.href).href
  const summary = root.querySelector("[data-hg-plan-summary]")
  const field = root.querySelector("[data-hg-plan-link]")
  const open = root.querySelector("[data-hg-plan-open]")
  const empty = summary.textContent
  const update = () => {
    const fields = [`v=${root.dataset.hgPlanVersion}`], chosen = []
    for (const pick of root.querySelectorAll("[data-hg-plan-exercise]")) {
      if (!pick.querySelector(":scope > input[type=checkbox]").checked)
        continue
      const sets = numberIn(pick.querySelector("[data-hg-plan-sets]"))
      const reps = numberIn(pick.querySelector("[data-hg-plan-reps]"))
      const cues = [...pick.querySelectorAll("[data-hg-plan-cue]:checked")].map(cue => cue.value)
      fields.push(`${pick.dataset.hgPlanExercise}=${[`${sets}x${reps}`, ...cues].join(",")}`)
      chosen.push(`${pick.querySelector(":scope > label").textContent} ${sets}×${reps}`)
    }
    const note = root.querySelector("[data-hg-plan-note]").value.trim()
    if (note)
      fields.push(`note=${encodeURIComponent(note)}`)
    const link = chosen.length ? `${planPage}?${fields.join("&")}` : ""
    summary.textContent = chosen.length ? `In the plan: ${chosen.join("; ")}.` : empty
    field.value = link
    open.hidden = !link
    open.href = link || planPage
    // The Share and Copy link buttons (behaviour in hinge.js) send it.
    for (const button of root.querySelectorAll("[data-hg-copy]")) {
      button.dataset.hgCopy = link
      if ("hgShareUrl" in button.dataset)
        button.dataset.hgShareUrl = link
      button.disabled = !link
    }
  }
  root.addEventListener("input", update)
  root.addEventListener("change", update)
  update()
}

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-hg-plan-builder]:not([data-hg-plan-mounted])")) {
    root.dataset.hgPlanMounted = ""
    mountBuilder(root)
  }
})
