/* The plan builder (issue 14): every change to the form rewrites the plan
   link, which plan.js reads on the plan page. Only the builder loads this
   file (overrides/main.html; hinge.js loads it after instant navigation).
   The form comes from the build (hinge/plan.py); this file only adds
   behaviour. The link format, version 1, is described in hinge/plan.py. */

/* A whole number from a number field, or null when it is empty, not whole or
   outside the field's min and max: a slip of the thumb ("35" for "5") must
   never reach a client unseen. */
function numberIn(input) {
  const value = input.valueAsNumber
  return Number.isInteger(value) && value >= +input.min && value <= +input.max ? value : null
}

/* What the coach should know about one exercise's numbers, or "": a number the
   plan cannot take (the link waits until it is fixed), or more than the
   exercise page's starting dose (the link is made; the coach checks). */
function checkNumbers(pick, sets, reps) {
  const [setsField, repsField] = [pick.querySelector("[data-hg-plan-sets]"), pick.querySelector("[data-hg-plan-reps]")]
  if (sets === null)
    return `Sets must be a whole number from ${setsField.min} to ${setsField.max}.`
  if (reps === null)
    return `Reps must be a whole number from ${repsField.min} to ${repsField.max}.`
  if (sets > +setsField.defaultValue || reps > +repsField.defaultValue)
    return `That is more than this exercise's starting dose (${setsField.defaultValue}×${repsField.defaultValue}). ` +
      "Check the numbers."
  return ""
}

/* Fills the form from a plan link's query, so a coach can change a plan they
   sent: the builder opened with one (plan-builder/?v=1&...) or a link pasted
   into its box. What the form has no place for is left out;
   numbers go in as they are, so the form's own checks show any it cannot take.
   Returns how many exercises it filled in. */
function fillFrom(root, query) {
  const params = new URLSearchParams(query)
  if (params.get("v") !== root.dataset.hgPlanVersion)
    return 0
  for (const box of root.querySelectorAll("input[type=checkbox]"))
    box.checked = false
  let filled = 0
  for (const [id, value] of params) {
    const pick = [...root.querySelectorAll("[data-hg-plan-exercise]")].find(p => p.dataset.hgPlanExercise === id)
    if (!pick)
      continue
    const [dose, ...cues] = value.split(",")
    const numbers = /^(\d+)x(\d+)$/.exec(dose)
    pick.querySelector(":scope > input[type=checkbox]").checked = true
    if (numbers) {
      pick.querySelector("[data-hg-plan-sets]").value = numbers[1]
      pick.querySelector("[data-hg-plan-reps]").value = numbers[2]
    }
    for (const cue of pick.querySelectorAll("[data-hg-plan-cue]"))
      cue.checked = cues.includes(cue.value)
    filled++
  }
  root.querySelector("[data-hg-plan-note]").value = params.get("note") ?? ""
  return filled
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
    let wrong = 0
    for (const pick of root.querySelectorAll("[data-hg-plan-exercise]")) {
      const check = pick.querySelector("[data-hg-plan-check]")
      check.hidden = true
      if (!pick.querySelector(":scope > input[type=checkbox]").checked)
        continue
      const sets = numberIn(pick.querySelector("[data-hg-plan-sets]"))
      const reps = numberIn(pick.querySelector("[data-hg-plan-reps]"))
      check.textContent = checkNumbers(pick, sets, reps)
      check.hidden = !check.textContent
      if (sets === null || reps === null) {
        wrong++
        continue
      }
      const cues = [...pick.querySelectorAll("[data-hg-plan-cue]:checked")].map(cue => cue.value)
      fields.push(`${pick.dataset.hgPlanExercise}=${[`${sets}x${reps}`, ...cues].join(",")}`)
      chosen.push(`${pick.querySelector(":scope > label").textContent} ${sets}×${reps}`)
    }
    const note = root.querySelector("[data-hg-plan-note]").value.trim()
    if (note)
      fields.push(`note=${encodeURIComponent(note)}`)
    const link = chosen.length && !wrong ? `${planPage}?${fields.join("&")}` : ""
    summary.textContent = wrong ? "Fix the numbers marked above, then copy or share the link."
      : chosen.length ? `In the plan: ${chosen.join("; ")}.` : empty
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
  const load = root.querySelector("[data-hg-plan-load]")
  const loaded = root.querySelector("[data-hg-plan-load-result]")
  load.addEventListener("change", () => {
    let query = ""
    try {
      query = new URL(load.value.trim(), location.href).search
    } catch {
      // not a link: fillFrom finds no version in it
    }
    const filled = fillFrom(root, query)
    loaded.textContent = filled ? `Filled in ${filled} exercise${filled === 1 ? "" : "s"} from that link. Change them, then send the new link.`
      : "That is not a plan link this builder can read. Copy the whole link your client got."
    update()
  })
  root.addEventListener("input", event => event.target !== load && update())
  root.addEventListener("change", event => event.target !== load && update())
  fillFrom(root, location.search)
  update()
}

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-hg-plan-builder]:not([data-hg-plan-mounted])")) {
    root.dataset.hgPlanMounted = ""
    mountBuilder(root)
  }
})
