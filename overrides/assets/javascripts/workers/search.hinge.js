/* Hinge Guide's search worker: Material's own worker, with one step before
   each query and one after it (rankByPage, below). Material matches each
   typed word as the start of an index word, so "leaning" misses "lean", and a
   word the guide never uses finds nothing, however close: "gluts", "hindge",
   "deadlfit", "lowerback". So before Material ranks a query, each word is read as:
   1. a verb without its ending (-ing, -ed) when that shorter form begins some
      index word ("leaning" -> "lean", "rounded" -> "round"), or of 3 letters
      is one ("peeing" -> "pee"). It still matches every word the full one
      did, and the verb's other forms. Plurals keep their -s: "glutes" read as
      "glute" would also match "gluteal" and "gluteus", and rank the page about
      them above the cue "Squeeze your glutes";
   2. a word no index word begins: without -s or -es (a plural no page uses),
      two index words run together ("lowerback" -> "lower back"), the most
      common index word one letter off (one added, dropped, changed or
      swapped: "gluts" -> "glute") or two off for a word of 8 letters or more
      ("convential"), or its longest beginning some index word has
      ("physiotherapy").
   A contraction typed without its apostrophe ("im", "dont") is read with it,
   as the index reads it. Other words under 4 letters, and queries with search
   syntax (quotes, +, -, ~, ^, *, :), are left as typed. The page loads this
   file in place of Material's worker (overrides/main.html), the build writes
   in Material's worker's name (hinge/search_worker.py), and the search tests
   run this same file (tests/search_harness.mjs). */

const MATERIAL_WORKER = "unbuilt";

const SETUP = 0
const QUERY = 2
// Query syntax a person typed on purpose: a phrase, a required or excluded word, a field.
const SYNTAX = /["+\-~^*:]/
const ENDINGS = ["ing", "ed", "s", "es"]
const VERB_ENDINGS = ["ing", "ed"]
// Contractions typed without the apostrophe, as phone keyboards often leave
// them: read with it, so the site's separator drops the tail ("dont" -> "don",
// as "don't" is indexed) or the whole glue word ("im" -> "i'm" -> nothing),
// and "im" no longer matches "implement".
const CONTRACTIONS = new Map(Object.entries({
  im: "i'm", ive: "i've", youre: "you're", youve: "you've", its: "it's",
  dont: "don't", doesnt: "doesn't", didnt: "didn't", cant: "can't", couldnt: "couldn't", wont: "won't",
  isnt: "isn't", arent: "aren't", wasnt: "wasn't", shouldnt: "shouldn't", whats: "what's", thats: "that's",
  theres: "there's", hows: "how's", wheres: "where's",
}))
const SHORTEST = 4  // shorter words are left alone: too many words are one letter from them
const SHORTEST_FUZZY = 5
const SHORTEST_START = 6  // a shorter beginning is shared by too many unrelated words
const LONG_WORD = 8  // long enough that two letters off is still most likely the same word

let words = null  // Map: each word in the index -> the number of results it is in

/* Every word of the index, split as Material splits it (the site's separator). */
function learn(docs, separator) {
  const found = new Map()
  for (const doc of docs) {
    const text = [doc.title, doc.text, ...(doc.tags || [])].join(" ").replace(/<[^>]*>/g, " ")
    for (const word of new Set(wordsOf(text, separator)))
      found.set(word, (found.get(word) || 0) + 1)
  }
  return found
}

/* A text's words, lower case, split as Material splits them. */
function wordsOf(text, separator) {
  return text.split(separator).filter(Boolean).map(word => word.toLowerCase())
}

/* Material matches each query word as the start of an index word. */
function known(word) {
  for (const candidate of words.keys())
    if (candidate.startsWith(word))
      return true
  return false
}

function withoutEnding(word, endings = ENDINGS) {
  for (const ending of endings) {
    const stem = word.slice(0, -ending.length)
    // A 3-letter stem only when it is a whole index word: "peeing" -> "pee".
    if (word.endsWith(ending) && (stem.length >= SHORTEST ? known(stem) : stem.length === 3 && words.has(stem)))
      return stem
  }
  return null
}

function runTogether(word) {
  for (let cut = word.length - 2; cut >= 2; cut--) {
    const [first, second] = [word.slice(0, cut), word.slice(cut)]
    if (words.has(first) && words.has(second))
      return `${first} ${second}`
  }
  return null
}

/* How many letters apart two words are: each letter added, dropped or changed,
   or two neighbours swapped, counts one (the optimal string alignment distance).
   Stops counting past `most`, so a long index is cheap to scan. */
function lettersApart(a, b, most) {
  if (Math.abs(a.length - b.length) > most)
    return most + 1
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (before && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1)
    }
    if (Math.min(...row) > most)
      return most + 1
    before = previous
    previous = row
  }
  return previous[b.length]
}

/* The most common index word one letter off, or, for a long word, two:
   "gluts" -> "glute", "convential" -> "conventional". */
function nearest(word) {
  if (word.length < SHORTEST_FUZZY)
    return null
  for (let most = 1; most <= (word.length >= LONG_WORD ? 2 : 1); most++) {
    let best = null
    for (const [candidate, count] of words)
      if (lettersApart(word, candidate, most) <= most && (!best || count > words.get(best) || (count === words.get(best) && candidate < best)))
        best = candidate
    if (best)
      return best
  }
  return null
}

/* A long word whose ending no index word shares is read as its longest
   beginning that some index word has, if that keeps most of the word:
   "physiotherapy" -> "physiotherap" (physiotherapist), "hyperextention" -> "hyperexten". */
function knownStart(word) {
  for (let end = word.length - 1; end >= Math.max(SHORTEST_START, Math.ceil(word.length * 2 / 3)); end--)
    if (known(word.slice(0, end)))
      return word.slice(0, end)
  return null
}

/* The query with each word read as above. */
function correct(query, separator) {
  if (SYNTAX.test(query))
    return query
  return query.split(/(\s+)/).map(part => {
    const pieces = part.split(separator).filter(Boolean)
    if (pieces.length !== 1)
      return part
    const word = pieces[0].toLowerCase()
    if (CONTRACTIONS.has(word) && pieces[0] === part.replace(/[^A-Za-z]/g, ""))
      return CONTRACTIONS.get(word)
    if (word.length < SHORTEST)
      return part
    if (known(word))
      return withoutEnding(word, VERB_ENDINGS) || part
    return withoutEnding(word) || runTogether(word) || nearest(word) || knownStart(word) || part
  }).join("")
}

const RESULT = 3

/* Material ranks each page by its one best-matching section, and counts only
   that section's share of the query words. So a heading with one rare word of
   a long question ("Ways to move" for "bum sticking way out at the bottom")
   beat the page whose sections, together, hold every word of it. Each page is
   ranked by its best score times the share of the query's words found
   anywhere in it (Material's own per-section word lists, joined). */
// What the separator leaves of "don't", "isn't" and the like: a page that has
// one holds no more of the question than a page that does not.
const STUBS = new Set(["don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "couldn", "shouldn", "wouldn"])

/* A query that holds a page's name word for word ("glute bridge on the floor":
   the supine hip bridge is also called "glute bridge") is about that page, even
   when another page's title holds more of its words ("Glute-bridge progression").
   A page's names are its title and also-called names (hinge/render.py, page_names);
   one-word names are left out, as too common ("About"). When names of several
   pages are in the query, the longest wins, and a name matched with its plural
   as written beats one matched without it: "glute bridges" is the progression,
   "elevated glute bridges" the feet-elevated bridge. */
const NAME_BOOST = 2
let names = []  // [page, the name's words]
// Each query's words, as typed and as read, wait here until its answer
// (Material answers every query once, in order).
const waiting = []

function learnNames(docs, separator) {
  const found = []
  for (const doc of docs)
    for (const name of doc.names || []) {
      const nameWords = wordsOf(name, separator)
      if (nameWords.length > 1)
        found.push([doc.location, nameWords])
    }
  return found
}

const singular = word => word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word

function holds(query, name, same) {
  for (let start = 0; start + name.length <= query.length; start++)
    if (name.every((word, i) => same(query[start + i], word)))
      return true
  return false
}

function namedPages(queryWords) {
  const fit = new Map()  // page -> how well its best name fits the query
  for (const [page, name] of names) {
    const exact = queryWords.some(query => holds(query, name, (a, b) => a === b))
    if (exact || queryWords.some(query => holds(query, name, (a, b) => singular(a) === singular(b))))
      fit.set(page, Math.max(fit.get(page) || 0, name.length + (exact ? 0.5 : 0)))
  }
  const best = Math.max(0, ...fit.values())
  return new Set([...fit].filter(([, value]) => value === best).map(([page]) => page))
}

function rankByPage(result, queryWords) {
  const named = namedPages(queryWords)
  const ranked = result.items.map((group, order) => {
    const asked = new Set(), found = new Set()
    for (const item of group)
      for (const [term, matched] of Object.entries(item.terms)) {
        if (STUBS.has(term))
          continue
        asked.add(term)
        if (matched)
          found.add(term)
      }
    const share = asked.size ? found.size / asked.size : 0
    const page = group[0].location.split("#")[0]
    return { group, order, score: group[0].score * share * (named.has(page) ? NAME_BOOST : 1) }
  })
  ranked.sort((a, b) => b.score - a.score || a.order - b.order)
  return { ...result, items: ranked.map(page => page.group.map(matchedTagsOnly)) }
}

/* A page's search words are its result's tags (hinge/render.py). Material marks
   the ones the query matched; only those are shown, so the reader sees why the
   page came up, not the page's whole list. */
function matchedTagsOnly(item) {
  if (!item.tags)
    return item
  const { tags, ...rest } = item
  const matched = tags.filter(tag => tag.includes("<mark"))
  return matched.length ? { ...rest, tags: matched } : rest
}

// Material's worker answers each query with postMessage: its answer is re-ranked on the way out.
const post = self.postMessage.bind(self)
self.postMessage = message => {
  if (message.type !== RESULT)
    return post(message)
  return post({ ...message, data: rankByPage(message.data, waiting.shift() || [[], []]) })
}

let separator = null
const listen = self.addEventListener.bind(self)
self.addEventListener = (type, listener, ...options) => {
  if (type !== "message")
    return listen(type, listener, ...options)
  return listen(type, event => {
    let message = event.data
    if (message.type === SETUP) {
      separator = new RegExp(message.data.config.separator, "g")
      words = learn(message.data.docs, separator)
      names = learnNames(message.data.docs, separator)
    } else if (message.type === QUERY) {
      const typed = message.data
      if (words)
        message = { ...message, data: correct(typed, separator) }
      // Names are matched on the words as typed and as read: "elevated" is read "elevat".
      waiting.push(!words || SYNTAX.test(typed) ? [[], []] : [wordsOf(typed, separator), wordsOf(message.data, separator)])
    }
    return listener({ data: message })
  }, ...options)
}

importScripts(MATERIAL_WORKER)
