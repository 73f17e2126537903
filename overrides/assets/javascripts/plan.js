/* The plan page (issue 14): shows the plan a coach's link holds. Only that
   page loads this file (overrides/main.html; hinge.js loads it after instant
   navigation); plan-builder.js writes the links. The link format, version 1,
   is described in hinge/plan.py and on the coaches page:

     plan/?v=1&ks=3x8,pull-the-hips-back&sb=3x10&note=Easy%20week

   The markup and the exercises' facts come from the build (hinge/plan.py);
   this file only adds behaviour. Nothing read from a link is ever parsed as
   HTML: it reaches the page through textContent, href and src alone. */
/* "2 sets of 8" (hinge/render.py says the same for a page's own dose). */
function setsOfReps(sets, reps) {
  return `${sets} ${sets === 1 ? "set" : "sets"} of ${reps}`
}

/* At most 40 characters of a text from the link, for a message. */
function quoted(text) {
  return `“${text.length > 40 ? text.slice(0, 40) + "…" : text}”`
}

/* Reads a plan link's query string: { items, note, problems }. Each item is
   { id, exercise, sets, reps, cues }; problems says, in words, what could
   not be read and what is shown instead. */
function readPlan(query, data) {
  const params = new URLSearchParams(query)
  const limits = data.limits
  const items = [], problems = []
  const version = params.get("v")
  if (version === null) {
    if ([...params.keys()].length > 0)
      problems.push("The link has no version number (v=1), so it may be cut short.")
  } else if (version !== String(data.version)) {
    problems.push(`The link says it is version ${quoted(version)}, and this guide reads version ${data.version}. ` +
      "If the guide was updated, open it again when you are online.")
    return { items, note: "", problems }
  }
  let extra = 0
  for (const [id, value] of params) {
    if (id === "v" || id === "note")
      continue
    if (!Object.hasOwn(data.exercises, id)) {
      problems.push(`${quoted(id)} is not an exercise in this guide, so it was left out.`)
      continue
    }
    const exercise = data.exercises[id]
    if (items.some(item => item.id === id)) {
      problems.push(`${exercise.title} is in the link twice. It is shown once.`)
      continue
    }
    if (items.length === limits.exercises) {
      extra++
      continue
    }
    const [dose, ...names] = value.split(",")
    let sets = exercise.sets, reps = exercise.reps
    const numbers = /^(\d{1,6})x(\d{1,6})$/.exec(dose.trim())
    const [lowSets, highSets] = limits.sets, [lowReps, highReps] = [limits.reps[0], exercise.most_reps ?? limits.reps[1]]
    if (!numbers) {
      problems.push(`The sets and reps for ${exercise.title} (${quoted(dose)}) could not be read. ` +
        `The dose from its page is shown: ${setsOfReps(sets, reps)}.`)
    } else if (+numbers[1] < lowSets || +numbers[1] > highSets || +numbers[2] < lowReps || +numbers[2] > highReps) {
      problems.push(`${setsOfReps(+numbers[1], +numbers[2])} for ${exercise.title} is outside what a plan allows ` +
        `(${lowSets} to ${highSets} sets, ${lowReps} to ${highReps} reps). ` +
        `The dose from its page is shown: ${setsOfReps(sets, reps)}.`)
    } else {
      sets = +numbers[1]
      reps = +numbers[2]
    }
    const cues = []
    for (const name of names.filter(Boolean)) {
      if (!Object.hasOwn(exercise.cues, name))
        problems.push(`The cue ${quoted(name)} is not one ${exercise.title} teaches, so it was left out.`)
      else if (!cues.includes(data.cues[exercise.cues[name]]))
        cues.push(data.cues[exercise.cues[name]])
    }
    items.push({ id, exercise, sets, reps, cues })
  }
  if (extra > 0)
    problems.push(`The link has ${items.length + extra} exercises. A plan shows ${limits.exercises}: the first ${limits.exercises} are shown.`)
  let note = (params.get("note") ?? "").trim()
  if (note.length > limits.note) {
    problems.push(`The note is longer than ${limits.note} characters. Only its start is shown.`)
    note = note.slice(0, limits.note) + "…"
  }
  return { items, note, problems }
}

/* The plan page: the exercises, cues, doses and note the link names. */
function mountPlan(root) {
  const data = JSON.parse(root.dataset.hgPlanData)
  const plan = readPlan(location.search, data)
  const list = root.querySelector("[data-hg-plan-list]")
  const template = root.querySelector("template[data-hg-plan-item]").content.firstElementChild
  list.replaceChildren()
  for (const { exercise, sets, reps, cues } of plan.items) {
    const item = template.cloneNode(true)
    if (exercise.figure) {
      const figure = document.createElement("img")
      figure.className = "hg-plan-figure"
      figure.src = exercise.figure
      figure.alt = ""  // the action line beside it says what it shows
      item.prepend(figure)
    }
    const title = item.querySelector(".hg-plan-title a")
    title.href = exercise.url
    title.textContent = exercise.title
    item.querySelector(".hg-plan-action span").textContent = exercise.action
    item.querySelector(".hg-plan-dose span").textContent = `${setsOfReps(sets, reps)}, ${exercise.rest}.`
    item.querySelector(".hg-plan-more").href = `${exercise.url}#${data.dose_anchor}`
    const cueList = item.querySelector(".hg-plan-cue-list")
    for (const [words, url] of cues) {
      const link = document.createElement("a")
      link.href = url
      link.textContent = `“${words}”`
      cueList.append(document.createElement("li"))
      cueList.lastElementChild.append(link)
    }
    if (cues.length === 0) {
      cueList.remove()
      item.querySelector(".hg-plan-cue-title").remove()
    }
    list.append(item)
  }
  const note = root.querySelector("[data-hg-plan-note]")
  note.querySelector("span").textContent = plan.note
  note.hidden = !plan.note
  const problems = root.querySelector("[data-hg-plan-problems]")
  problems.querySelector("ul").replaceChildren(...plan.problems.map(text => {
    const line = document.createElement("li")
    line.textContent = text
    return line
  }))
  problems.hidden = plan.problems.length === 0
  root.querySelector("[data-hg-plan-empty]").hidden = plan.items.length > 0 || plan.note !== ""
  root.querySelector("[data-hg-plan-send]").hidden = plan.items.length === 0
  // The Share and Copy link buttons (behaviour in hinge.js) send this page's link.
  for (const button of root.querySelectorAll("[data-hg-copy]"))
    Object.assign(button.dataset, { hgCopy: location.href }, "hgShareUrl" in button.dataset && { hgShareUrl: location.href })
  // On paper, the line that says where the page came from gives this plan's link.
  const source = document.querySelector(".hg-print-source")
  if (source && plan.items.length)
    source.textContent = source.textContent.replace(/\S+$/, location.href)
}

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-hg-plan-view]:not([data-hg-plan-mounted])")) {
    root.dataset.hgPlanMounted = ""
    mountPlan(root)
  }
})
