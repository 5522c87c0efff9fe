// The Extract picker's frame script: the ONE script that runs in the picked page (served by
// /editor/picker inside an iframe sandboxed with "allow-scripts" only). It highlights the
// element under the pointer, lets the user click elements to include (or, with Shift or in
// exclude mode, to exclude), proposes a CSS selector for them and reports it to the editor.
//
// Why it is safe to run here: the page's own scripts, handlers and javascript: URLs were removed
// on the server and its CSP allows this file only; the sandbox without allow-same-origin gives
// the frame an opaque origin, so even this script cannot read Sluice's cookies or call its API.
// It only reads the page's DOM and posts plain data to the editor's origin.
(() => {
  'use strict';
  const me = document.currentScript;
  const parentOrigin = me.dataset.parentOrigin;
  const SOURCE = 'sluice-picker';
  const post = message => window.parent.postMessage(Object.assign({ source: SOURCE }, message), parentOrigin);

  if (me.dataset.error) {
    post({ type: 'error', message: me.dataset.error });
    return;
  }
  // Out of the DOM, so it never counts in the selectors it makes.
  me.remove();

  // Marks are data attributes (not classes), so they never leak into a proposed selector.
  const MARK = 'data-sluice-pick';
  const style = document.createElement('style');
  style.textContent = `html{user-select:none !important}
[${MARK}~="hover"]{outline:2px dashed #d97706 !important;cursor:crosshair !important}
[${MARK}~="match"]{outline:2px solid #2563eb !important;background-color:rgba(37,99,235,.12) !important}
[${MARK}~="picked"]{outline:3px solid #16a34a !important}
[${MARK}~="excluded"]{outline:3px solid #dc2626 !important;background-color:rgba(220,38,38,.12) !important}`;
  document.head.appendChild(style);

  const included = [];
  const excluded = [];
  let mode = 'include';

  const esc = value => CSS.escape(value);
  const count = selector => {
    try {
      return document.querySelectorAll(selector).length;
    } catch {
      return -1;
    }
  };
  const isUniqueId = id => document.querySelectorAll(`#${esc(id)}`).length === 1;
  const classes = el => [...el.classList];

  /** One compound step for `el`: its tag and classes, with :nth-of-type when that is still ambiguous among its siblings. */
  function step(el) {
    let s = el.localName + classes(el).map(c => `.${esc(c)}`).join('');
    const parent = el.parentElement;
    if (parent) {
      const alike = [...parent.children].filter(c => c.localName === el.localName);
      const same = alike.filter(c => c.matches(s));
      // nth-of-type, never nth-child: removed <script> elements would shift nth-child on the real page.
      if (same.length > 1) s += `:nth-of-type(${alike.indexOf(el) + 1})`;
    }
    return s;
  }

  /** A selector matching exactly `el`: steps up to a unique id or until the path is unique. */
  function pathTo(el) {
    const parts = [];
    for (let node = el; node && node !== document.documentElement; node = node.parentElement) {
      if (node.id && isUniqueId(node.id)) {
        parts.unshift(`#${esc(node.id)}`);
        break;
      }
      parts.unshift(step(node));
      if (count(parts.join(' > ')) === 1) break;
    }
    return parts.join(' > ') || 'html';
  }

  function commonAncestor(els) {
    let a = els[0].parentElement;
    while (a && !els.every(e => a.contains(e))) a = a.parentElement;
    return a || document.body;
  }

  /** The tag names from `ancestor` (exclusive) down to `el` (exclusive). */
  function tagsBetween(ancestor, el) {
    const tags = [];
    for (let n = el.parentElement; n && n !== ancestor; n = n.parentElement) tags.unshift(n.localName);
    return tags;
  }

  /** The narrowest candidate that matches every included element: common ancestor, same path, common classes. */
  function generalise(els) {
    if (els.length === 1) return pathTo(els[0]);
    const tag = els.every(e => e.localName === els[0].localName) ? els[0].localName : null;
    if (!tag) return els.map(pathTo).join(', ');
    const common = classes(els[0]).filter(c => els.every(e => e.classList.contains(c)));
    const leaf = tag + common.map(c => `.${esc(c)}`).join('');
    const ancestor = commonAncestor(els);
    const scope = ancestor === document.body ? 'body' : pathTo(ancestor);
    const chains = els.map(e => tagsBetween(ancestor, e).join(' > '));
    const candidates = [];
    if (chains.every(c => c === chains[0])) candidates.push([scope, chains[0], leaf].filter(Boolean).join(' > '));
    candidates.push(`${scope} ${leaf}`, `${scope} ${tag}`);
    return candidates.find(c => els.every(e => e.matches(c))) || els.map(pathTo).join(', ');
  }

  /** Narrows `selector` so that no excluded element (or the match containing it) matches. */
  function exclude(selector) {
    if (selector.includes(',')) return selector;
    let result = selector;
    for (const ex of excluded) {
      const hit = [...document.querySelectorAll(result)].find(m => m === ex || m.contains(ex));
      if (!hit) continue;
      const own = classes(hit).find(c => !included.some(i => i.classList.contains(c)));
      const alike = hit.parentElement ? [...hit.parentElement.children].filter(c => c.localName === hit.localName) : [hit];
      result += own ? `:not(.${esc(own)})` : hit.id ? `:not(#${esc(hit.id)})` : `:not(:nth-of-type(${alike.indexOf(hit) + 1}))`;
    }
    return result;
  }

  function mark(el, word, on) {
    const words = new Set((el.getAttribute(MARK) || '').split(' ').filter(Boolean));
    if (on) words.add(word); else words.delete(word);
    if (words.size) el.setAttribute(MARK, [...words].join(' ')); else el.removeAttribute(MARK);
  }

  function clearMarks(word) {
    document.querySelectorAll(`[${MARK}~="${word}"]`).forEach(e => mark(e, word, false));
  }

  function propose() {
    ['match', 'picked', 'excluded'].forEach(clearMarks);
    const selector = included.length ? exclude(generalise(included)) : '';
    const matches = selector ? [...document.querySelectorAll(selector)] : [];
    matches.forEach(e => mark(e, 'match', true));
    included.forEach(e => mark(e, 'picked', true));
    excluded.forEach(e => mark(e, 'excluded', true));
    post({ type: 'selection', selector, count: matches.length, picked: included.length, excluded: excluded.length });
  }

  function toggle(list, other, el) {
    const at = list.indexOf(el);
    if (at >= 0) {
      list.splice(at, 1);
      return;
    }
    const elsewhere = other.indexOf(el);
    if (elsewhere >= 0) other.splice(elsewhere, 1);
    list.push(el);
  }

  document.addEventListener('mouseover', e => mark(e.target, 'hover', true), true);
  document.addEventListener('mouseout', e => mark(e.target, 'hover', false), true);
  // Capture phase, and every default prevented: a click picks, it never follows a link or submits.
  document.addEventListener('click', e => {
    e.preventDefault();
    e.stopPropagation();
    const el = e.target;
    if (!(el instanceof Element) || el === document.documentElement || el === document.body) return;
    if (e.shiftKey || mode === 'exclude') toggle(excluded, included, el);
    else toggle(included, excluded, el);
    propose();
  }, true);
  document.addEventListener('submit', e => e.preventDefault(), true);

  // Commands from the editor: only from the window that embeds us, only of the known shapes.
  window.addEventListener('message', e => {
    const d = e.data;
    if (e.source !== window.parent || !d || d.source !== 'sluice-editor') return;
    if (d.command === 'mode' && (d.mode === 'include' || d.mode === 'exclude')) {
      mode = d.mode;
    } else if (d.command === 'clear') {
      included.length = 0;
      excluded.length = 0;
      propose();
    }
  });

  post({ type: 'ready', title: String(document.title || '').slice(0, 200) });
})();
