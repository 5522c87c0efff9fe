// What the inspector shows of one /api/run answer: items, dropped items, data trees, raw text.
// Feed content is never inserted as HTML: titles, snippets and values go in as textContent, and
// links are kept only when they are http(s).

/** Creates an element with attributes (null/false skipped), appends it to `parent`, sets its text. */
export function el(tag, attrs = {}, parent = null, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

/** A link target the inspector may use: http(s) only, never javascript: or data:. */
export function safeHref(link) {
  const l = String(link || '').trim();
  return /^https?:\/\//i.test(l) ? l : null;
}

/** Markup to drop from a snippet: script and style blocks with their text, comments, tags. */
const MARKUP = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;

/**
 * The readable text of an item's HTML. It is never parsed as HTML in this page (even an inert
 * parse compiles event handlers, which the CSP reports): tags are cut out as text, and the
 * entities decoded by a <textarea>, whose content is parsed as plain text.
 */
export function snippet(html, max = 280) {
  const decoder = document.createElement('textarea');
  decoder.innerHTML = String(html || '').replace(MARKUP, ' ');
  const text = decoder.value;
  const compact = text.replace(/\s+/g, ' ').trim();
  return compact.length > max ? `${compact.slice(0, max - 1)}…` : compact;
}

function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** The items as a readable list: title (linked), date, text snippet. */
export function itemList(items, parent) {
  if (!items.length) {
    el('p', { class: 'inspector-empty' }, parent, 'No items.');
    return;
  }
  const list = el('ol', { class: 'inspector-items' }, parent);
  for (const item of items) {
    const li = el('li', { class: 'inspector-item' }, list);
    const title = item.title || '(untitled)';
    const href = safeHref(item.link);
    const head = el('div', { class: 'inspector-item-head' }, li);
    if (href) el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, head, title);
    else el('span', { class: 'inspector-item-title' }, head, title);
    const date = formatDate(item.published || item.updated);
    if (date) el('time', { datetime: item.published || item.updated }, head, date);
    const text = snippet(item.content || item.description);
    if (text) el('p', { class: 'inspector-snippet' }, li, text);
  }
}

/** Items the block dropped, each with the rule that dropped it. */
export function dropList(trace, parent) {
  if (!trace || !trace.drops || !trace.drops.length) return;
  const box = el('div', { class: 'inspector-drops' }, parent);
  const more = trace.dropsTruncated ? ' (first ones only)' : '';
  el('h3', {}, box, `Dropped: ${trace.drops.length}${more}`);
  const list = el('ul', {}, box);
  for (const drop of trace.drops) {
    const li = el('li', { class: 'inspector-drop', title: drop.guid }, list);
    el('span', { class: 'inspector-drop-title' }, li, drop.title || drop.guid || '(untitled)');
    el('span', { class: 'inspector-drop-rule' }, li, drop.rule);
  }
}

/** A JSON value as a collapsible tree (objects and arrays open to two levels). */
export function dataTree(value, parent, key = null, depth = 0) {
  const label = key === null ? '' : `${key}: `;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const details = el('details', { class: 'inspector-tree', open: depth < 2 }, parent);
    el('summary', {}, details, `${label}${Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}`);
    for (const [k, v] of entries) dataTree(v, details, k, depth + 1);
    return;
  }
  el('div', { class: 'inspector-leaf' }, parent, `${label}${JSON.stringify(value)}`);
}

/** The JSONPath outline of a data output, as the data blocks' autocomplete offers it. */
export function outlineList(outline, parent) {
  if (!outline || !outline.length) return;
  const box = el('details', { class: 'inspector-outline' }, parent);
  el('summary', {}, box, `Paths (${outline.length})`);
  const list = el('ul', {}, box);
  outline.forEach(path => el('li', {}, list).appendChild(el('code', {}, null, path)));
}

/** The block's numbers from the trace: time, items in and out, cache hits. */
export function timing(trace, tookMs) {
  if (!trace) return `run ${tookMs} ms`;
  const parts = [`${trace.wallMillis.toFixed(1)} ms`, `${trace.itemsIn} in → ${trace.itemsOut} out`];
  if (trace.sourceEntries >= 0) parts.push(`${trace.sourceEntries} ${trace.sourceEntries === 1 ? 'entry' : 'entries'} in the source`);
  if (trace.cacheHits) parts.push(`${trace.cacheHits} from cache`);
  parts.push(`whole run ${tookMs} ms`);
  return parts.join(' · ');
}
