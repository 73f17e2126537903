/**
 * Make the built site's CSS light enough for a phone on one bar of signal.
 *
 * Problem: Material links 25 KiB (gzip) of CSS for every feature it has, and the
 * browser paints nothing until all of it has arrived. This script rewrites the
 * pages in site/ in place, after `mkdocs build` has written them (hinge/optimize.py
 * runs it as the first post-build step):
 *
 *   1. The local stylesheets every page links are merged, in page order, into one
 *      file; rules no page can use are purged (PurgeCSS), the rest minified
 *      (esbuild) and the file named by its content hash.
 *   2. Critical CSS: Beasties inlines into each page the rules its markup uses,
 *      less what no first paint shows (hover and focus states, the open search
 *      and drawer, the closed drawer's contents, the hidden back-to-top button, print rules,
 *      custom properties nothing reads).
 *   3. The full stylesheet waits with Material's scripts in the page's inert
 *      <template id="hg-after-paint"> (overrides/main.html), which a few lines of
 *      inline script put into the page after the first frame
 *      (overrides/partials/hg-after-paint.html). Without JavaScript, a <noscript>
 *      link loads it.
 *
 * Scripts are the templates' business; this script only reads them, to keep the
 * rules for class names they add at run time.
 *
 * Results are cached in <cache_dir> by a hash of everything they depend on (the
 * pages, the stylesheets, this script and the lock file), so a build whose pages
 * did not change skips PurgeCSS and Beasties, most of a warm build's time; an
 * edited page reruns them for that page only, unless the purged CSS changed.
 *
 * Usage: node hinge/optimize_css.mjs <site_dir> <base_path> <cache_dir>
 * where base_path is the path of site_url ("/hinge-guide/"): the 404 page links
 * its assets from there, since it is served at any depth.
 */

import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// The tools load on first use: a build whose results are all cached needs none of them.
const tool = (name) => import(name);

// Class names and attributes Material's bundle adds while the page runs, for the
// features this site turns on. No page's HTML contains them, so PurgeCSS must be
// told to keep their rules: search results, tooltips (glossary terms), the
// "copied" dialog, scrollable tables, the header shadow and the navigation state.
const ADDED_AT_RUN_TIME =
  /^(?:md-(?:search-result|tooltip2?|dialog|typeset__(?:scrollwrap|table))[\w-]*|md-header--shadow|md-header__title--active|md-nav__link--(?:active|passed)|md-toggle--indeterminate|data-md-(?:color-switching|scrolllock|visible|highlight))$/;
// Plain names the bundle sets: <html class="js">, keyboard focus rings, the
// tooltip role, and the elements it builds search results from ("3 more on this
// page" is a <details>).
const ALWAYS_KEPT = ["js", "focus-visible", "tooltip", "mark", "article", "details", "summary"];
// Selectors for states no first paint is in: pointer and keyboard states, and
// the open search and drawer (their checkboxes start unchecked in every page).
const INTERACTION_STATE = /:(?:hover|focus|focus-visible|focus-within|active)\b|\[data-md-toggle=(?:search|drawer)\]:checked/;
// Elements in every page that no first paint shows, so their rules can wait for
// the full stylesheet: the back-to-top button (hidden until a script shows it)
// and, below Material's drawer width, the contents of the closed drawer (it sits
// off screen; its own box stays in the critical CSS). Only rules without a
// transition: one would play when the full stylesheet lands (the "copied"
// dialog would flash, the drawer's sections would fade out).
const HIDDEN_AT_FIRST_PAINT = /^\.md-top\b/;
const DRAWER_WIDTH = /^screen and \(max-width:\s*76\.234375em\)$/;
const DRAWER_CONTENTS = /^(?:\[dir=\w+\] )?\.md-nav--primary\b/;
// Material's own scripts ship minified with a content hash in their name
// (bundle.a5f9d56c.min.js); ours are hinge.min.js and the like.
const IS_MATERIAL_SCRIPT = /\.[0-9a-f]{8}\.min\.js$/;

const siteDir = path.resolve(process.argv[2] ?? "");
const basePath = process.argv[3] ?? "/";
const cacheDir = path.resolve(process.argv[4] ?? ".cache/optimize-css");
const toSite = (file) => path.relative(siteDir, file).split(path.sep).join("/");

/** Attributes of every tag of one name, e.g. all <link> tags, in document order. */
function tags(html, name) {
  const found = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "gi"))) {
    const attributes = {};
    for (const [, key, value] of match[0].matchAll(/([\w:-]+)(?:=(?:"([^"]*)"|'[^']*'|[^\s>]+))?/g)) {
      attributes[key.toLowerCase()] = value ?? "";
    }
    found.push({ tag: match[0], attributes });
  }
  return found;
}

/** The site file a page's URL points at, or null for another host. */
function localFile(page, url) {
  if (/^([a-z]+:)?\/\//i.test(url) || url.startsWith("data:")) return null;
  const file = url.split(/[?#]/)[0];
  if (file.startsWith(basePath)) return path.join(siteDir, file.slice(basePath.length));
  return path.resolve(path.dirname(page), file);
}

/** How a page links a site file: like the page's other links, relative or from the base path. */
function linkTo(page, file, likeHref) {
  if (likeHref.startsWith("/")) return basePath + toSite(file);
  return path.relative(path.dirname(page), file).split(path.sep).join("/");
}

// What every cached result depends on besides its own inputs: this script and the tools' versions.
const TOOLS = createHash("sha256")
  .update(await readFile(new URL(import.meta.url)))
  .update(await readFile(new URL("../node_modules/.package-lock.json", import.meta.url)))
  .digest("hex");
const usedKeys = new Set();

function keyOf(...inputs) {
  const hash = createHash("sha256").update(TOOLS);
  for (const input of inputs) hash.update(input).update("\0");
  return hash.digest("hex").slice(0, 32);
}

/** make()'s text, from the cache when the same inputs were seen before. */
async function cached(key, make) {
  usedKeys.add(key);
  const file = path.join(cacheDir, key);
  try {
    return await readFile(file, "utf8");
  } catch {
    const value = await make();
    await mkdir(cacheDir, { recursive: true });
    await writeFile(file, value);
    return value;
  }
}

/** Keep only what this build used: the cache never grows past one build's worth. */
async function pruneCache() {
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (!usedKeys.has(name)) await rm(path.join(cacheDir, name), { force: true });
  }
}

async function findPages() {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const pages = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.join(entry.parentPath, entry.name);
    pages.push({ file, html: await readFile(file, "utf8") });
  }
  return pages.sort((a, b) => a.file.localeCompare(b.file));
}

/** The stylesheets pages link, in order; every page that has any must link the same ones. */
function stylesheetsOf(pages) {
  let expected = null;
  for (const page of pages) {
    const links = tags(page.html, "link").filter(({ attributes }) => attributes.rel === "stylesheet");
    page.stylesheetTags = links.map(({ tag }) => tag);
    if (links.length === 0) continue; // e.g. the redirect pages of mkdocs-redirects
    const sheets = links.map(({ attributes }) => ({
      file: localFile(page.file, attributes.href),
      href: attributes.href,
      media: attributes.media,
    }));
    const external = sheets.find((sheet) => sheet.file === null);
    if (external) {
      throw new Error(`${toSite(page.file)} links a stylesheet from another host (${external.href}); serve it from the site.`);
    }
    const key = sheets.map((sheet) => `${toSite(sheet.file)} ${sheet.media ?? ""}`).join("\n");
    if (expected === null) expected = { key, sheets, page };
    else if (key !== expected.key) {
      throw new Error(
        `${toSite(page.file)} links other stylesheets than ${toSite(expected.page.file)}; ` +
          "every page must link the same ones (add CSS through extra_css in mkdocs.yml).",
      );
    }
  }
  return expected ? expected.sheets : [];
}

async function ownScripts(pages) {
  const files = new Set();
  for (const page of pages) {
    for (const { attributes } of tags(page.html, "script")) {
      const file = attributes.src && localFile(page.file, attributes.src);
      if (file && !IS_MATERIAL_SCRIPT.test(file)) files.add(file);
    }
  }
  return [...files].sort();
}

async function runtimeNames() {
  const bundle = (await readdir(path.join(siteDir, "assets/javascripts"))).find((name) => /^bundle\..*\.min\.js$/.test(name));
  if (!bundle) throw new Error("Material's bundle (assets/javascripts/bundle.*.min.js) is missing from the site.");
  const source = await readFile(path.join(siteDir, "assets/javascripts", bundle), "utf8");
  const names = new Set(source.match(/[\w-]+/g).filter((token) => ADDED_AT_RUN_TIME.test(token)));
  return [...names, ...ALWAYS_KEPT].join(" ");
}

async function mergeAndPurge(pages, sheets, scripts) {
  const parts = await Promise.all(
    sheets.map(async ({ file, media }) => {
      const css = await readFile(file, "utf8");
      return media && media !== "all" ? `@media ${media}{${css}}` : css;
    }),
  );
  const content = [
    ...pages.map((page) => ({ raw: page.html, extension: "html" })),
    ...(await Promise.all(scripts.map(async (file) => ({ raw: await readFile(file, "utf8"), extension: "js" })))),
    { raw: await runtimeNames(), extension: "html" },
  ];
  const code = await cached(keyOf("purge", ...content.map(({ raw }) => raw), ...parts), async () => {
    const { PurgeCSS } = await tool("purgecss");
    const esbuild = await tool("esbuild");
    const [purged] = await new PurgeCSS().purge({
      content,
      css: [{ raw: parts.join("\n") }],
      variables: true,
      keyframes: true,
      fontFace: true,
    });
    return (await esbuild.transform(purged.css, { loader: "css", minify: true })).code;
  });
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 8);
  const merged = path.join(siteDir, "assets/stylesheets", `site.${hash}.min.css`);
  await writeFile(merged, code);
  // The originals are linked from nowhere now; the service worker must not cache them.
  for (const { file } of sheets) {
    await rm(file, { force: true });
    await rm(`${file}.map`, { force: true });
  }
  return { merged, code };
}

/** The page with its critical CSS inline and the link to the full stylesheet taken out; and that link's href. */
async function inlineCritical(page, { merged, code }) {
  const [first] = tags(page.stylesheetTags[0], "link");
  const href = linkTo(page.file, merged, first.attributes.href);
  const html = await cached(keyOf("page", page.html, code, basePath), () => beastiesFor(page, merged));
  return { html, stylesheetHref: href };
}

/** Beasties' critical CSS for one page, less what no first paint shows, and the full stylesheet's link taken out. */
async function beastiesFor(page, merged) {
  let html = page.html;
  // Beasties only reads stylesheets below its `path`, so it gets the link from the
  // base path, which it maps to the site folder; the page keeps its own form.
  const fromBase = basePath + toSite(merged);
  page.stylesheetTags.forEach((tag, index) => {
    html = html.replace(tag, index === 0 ? `<link rel="stylesheet" href="${fromBase}">` : "");
  });
  const { default: Beasties } = await tool("beasties");
  const beasties = new Beasties({
    path: siteDir,
    publicPath: basePath,
    preload: "body",
    reduceInlineStyles: false, // inline <style> blocks in templates are deliberate
    fonts: false,
    // Material's script wraps each table in a scrolling box as the page opens;
    // without these rules at first paint the table jumps when the full CSS arrives.
    allowRules: /<table\b/.test(html) ? [/\.md-typeset__(?:scrollwrap|table)\b/] : [],
    logLevel: "warn",
  });
  const originalStyles = new Set([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]));
  let optimised = await beasties.process(html);
  for (const [block, css] of optimised.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    if (!originalStyles.has(css)) optimised = optimised.replace(block, `<style>${await firstPaintOnly(css)}</style>`);
  }
  const moved = `<link rel="stylesheet" href="${fromBase}"></body>`;
  if (!optimised.includes(moved)) {
    throw new Error(`Beasties did not move the stylesheet of ${toSite(page.file)} to the end of <body>.`);
  }
  return optimised.replace(moved, "</body>");
}

/** Critical CSS without the rules and custom properties no first paint uses. */
async function firstPaintOnly(css) {
  const { default: postcss } = await tool("postcss");
  const esbuild = await tool("esbuild");
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const inDrawer = rule.parent?.type === "atrule" && DRAWER_WIDTH.test(rule.parent.params.trim());
    const shown = rule.selectors.filter((selector) => !INTERACTION_STATE.test(selector)
      && !HIDDEN_AT_FIRST_PAINT.test(selector) && !(inDrawer && DRAWER_CONTENTS.test(selector)));
    if (shown.length === 0) rule.remove();
    else rule.selectors = shown;
  });
  // Custom properties read by nothing here; the full stylesheet still defines them all.
  for (let removed = true; removed; ) {
    removed = false;
    const read = new Set([...root.toString().matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]));
    root.walkDecls(/^--/, (declaration) => {
      if (!read.has(declaration.prop)) {
        declaration.remove();
        removed = true;
      }
    });
  }
  // Paper: a page prints only after the full stylesheet (linked media="print") is in.
  root.walkAtRules((atRule) => {
    if (atRule.name === "page" || (atRule.name === "media" && atRule.params.trim() === "print")) atRule.remove();
  });
  root.walkRules((rule) => rule.nodes.length === 0 && rule.remove());
  root.walkAtRules((atRule) => atRule.nodes?.length === 0 && atRule.remove());
  return (await esbuild.transform(root.toString(), { loader: "css", minify: true })).code.trim();
}

const AFTER_PAINT = '<template id="hg-after-paint">';

/** The full stylesheet goes first into the page's after-paint template, with a <noscript> copy for pages read without JavaScript. */
function linkAfterFirstPaint(page, html, href) {
  if (!html.includes(AFTER_PAINT)) {
    throw new Error(`${toSite(page.file)} has no ${AFTER_PAINT}: overrides/main.html must wrap Material's scripts block in it.`);
  }
  const link = `<link rel="stylesheet" href="${href}">`;
  return html.replace(AFTER_PAINT, AFTER_PAINT + link).replace(/<\/body>/, `<noscript>${link}</noscript></body>`);
}

async function main() {
  const pages = await findPages();
  const sheets = stylesheetsOf(pages);
  if (sheets.length === 0) return;
  const merged = await mergeAndPurge(pages, sheets, await ownScripts(pages));
  for (const page of pages) {
    if (page.stylesheetTags.length === 0) continue; // e.g. the redirect pages of mkdocs-redirects
    const { html, stylesheetHref } = await inlineCritical(page, merged);
    await writeFile(page.file, linkAfterFirstPaint(page, html, stylesheetHref));
  }
  await pruneCache();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
