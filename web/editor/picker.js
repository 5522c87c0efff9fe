// The Extract picker: an overlay showing the downloaded page in a sandboxed iframe,
// where clicks on elements build a CSS selector for the Extract block.
//
// The iframe is sandboxed with "allow-scripts" and nothing else. Scripts are allowed because our
// frame script (picker-frame.js) must highlight elements and report clicks; that is safe because
// the server removed every script, handler and javascript: URL of the page and serves it with a
// CSP that admits our frame script only, and because without "allow-same-origin" the frame has an
// opaque origin: nothing in it can read Sluice's cookies, storage or DOM, or call its API with the
// user's session. Without "allow-forms"/"allow-top-navigation"/"allow-popups" it cannot submit,
// navigate the editor or open windows either. We accept messages only from that frame's window
// and only in the shapes below.

import { el } from './inspector-views.js';

const FRAME_SOURCE = 'sluice-picker';
const MAX_SELECTOR = 2000;

/** Whether `data` is a message the frame script sends, with fields of the right types. */
export function validMessage(data) {
  if (!data || typeof data !== 'object' || data.source !== FRAME_SOURCE) return false;
  switch (data.type) {
    case 'ready': return typeof data.title === 'string';
    case 'error': return typeof data.message === 'string';
    case 'selection':
      return typeof data.selector === 'string' && data.selector.length <= MAX_SELECTOR
        && Number.isInteger(data.count) && Number.isInteger(data.picked) && Number.isInteger(data.excluded);
    default: return false;
  }
}

/**
 * Opens the picker for `pageUrl`. `onUse(selector)` is called when the user takes the selector.
 * Returns a function that closes the picker.
 */
export function openPicker(pageUrl, onUse) {
  const overlay = el('div', { class: 'picker-overlay', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Extract picker' }, document.body);
  const bar = el('div', { class: 'picker-bar' }, overlay);
  el('strong', { class: 'picker-title' }, bar, 'Pick elements');
  el('span', { class: 'picker-url', title: pageUrl }, bar, pageUrl);
  const include = el('button', { type: 'button', class: 'picker-mode', 'aria-pressed': 'true' }, bar, 'Include');
  const exclude = el('button', { type: 'button', class: 'picker-mode', 'aria-pressed': 'false' }, bar, 'Exclude');
  const clear = el('button', { type: 'button' }, bar, 'Clear');
  const selector = el('input', { type: 'text', class: 'picker-selector', 'aria-label': 'Proposed selector', spellcheck: 'false' }, bar);
  const status = el('span', { class: 'picker-status', role: 'status' }, bar, 'Loading the page…');
  const use = el('button', { type: 'button', class: 'picker-use', disabled: '' }, bar, 'Use selector');
  const cancel = el('button', { type: 'button' }, bar, 'Cancel');
  el('p', { class: 'picker-help' }, overlay,
    'Click the elements you want; click two of a list to select all its entries. Shift-click (or Exclude) removes an element.');
  const frame = el('iframe', {
    class: 'picker-frame', title: `Page ${pageUrl}`, sandbox: 'allow-scripts', referrerpolicy: 'no-referrer',
    src: `/editor/picker?url=${encodeURIComponent(pageUrl)}`,
  }, overlay);

  // The frame's origin is opaque, so '*' is the only target that reaches it; commands carry nothing secret.
  const command = message => frame.contentWindow?.postMessage({ source: 'sluice-editor', ...message }, '*');

  function setMode(mode) {
    include.setAttribute('aria-pressed', String(mode === 'include'));
    exclude.setAttribute('aria-pressed', String(mode === 'exclude'));
    command({ command: 'mode', mode });
  }

  function onMessage(event) {
    if (event.source !== frame.contentWindow || !validMessage(event.data)) return;
    const d = event.data;
    status.classList.toggle('error', d.type === 'error');
    if (d.type === 'ready') {
      status.textContent = 'Click an element of the page.';
    } else if (d.type === 'error') {
      status.textContent = d.message;
    } else {
      selector.value = d.selector;
      use.disabled = !d.selector;
      status.textContent = d.selector ? `${d.count} ${d.count === 1 ? 'match' : 'matches'}` : 'Nothing picked';
    }
  }

  function onKey(event) {
    if (event.key === 'Escape') close();
  }

  function close() {
    window.removeEventListener('message', onMessage);
    document.removeEventListener('keydown', onKey);
    overlay.remove();
  }

  window.addEventListener('message', onMessage);
  document.addEventListener('keydown', onKey);
  include.addEventListener('click', () => setMode('include'));
  exclude.addEventListener('click', () => setMode('exclude'));
  clear.addEventListener('click', () => command({ command: 'clear' }));
  selector.addEventListener('input', () => { use.disabled = !selector.value.trim(); });
  use.addEventListener('click', () => {
    const value = selector.value.trim();
    close();
    if (value) onUse(value);
  });
  cancel.addEventListener('click', close);
  return close;
}
