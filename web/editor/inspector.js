// The inspector pane: the selected block's output on live data, via POST /api/run
// with the editor's current (unsaved) pipe. Typing in an option re-runs it, debounced; a newer
// run aborts the older request. Re-runs are cheap: the server's download cache (fresh for
// 10 minutes) and parsed-feed cache answer the upstream fetches, so only the blocks run again.
// Visitors with no account may run too when the server allows it (the page's
// data-anonymous-runs): under a short run limit, a few runs per address, and nothing is stored.

import { el, itemList, dropList, dataTree, outlineList, timing } from './inspector-views.js';


const DEBOUNCE_MS = 400;
/** The last answer per block id, for the data blocks' path autocomplete (fields.js). */
const answers = new Map();

/** POSTs a run of `pipe` up to block `id`; resolves to the JSON answer (or the RSS/XML text). */
export async function runBlock(pipe, id, { signal, format } = {}) {
  const response = await fetch(format ? `/api/run?format=${format}` : '/api/run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: format ? 'application/xml' : 'application/json' },
    body: JSON.stringify({ pipe, block: id }),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    let message = `The run failed (HTTP ${response.status})`;
    try {
      message = (await response.json()).error || message;
    } catch { /* not JSON: keep the status */ }
    throw new Error(message);
  }
  if (format) return response.text();
  const answer = await response.json();
  answers.set(id, answer);
  return answer;
}

/** The JSONPath outline of block `id`'s output: from its last run, else from a fresh one. */
export async function outlineOf(api, id) {
  if (!answers.has(id)) await runBlock(api.pipe(), id);
  return answers.get(id)?.outline || [];
}

/** Builds the pane in `section` and keeps it showing the selected block's output. */
export function mountInspector(section, api) {
  section.classList.add('inspector');
  const head = el('div', { class: 'inspector-head' }, section);
  el('h2', {}, head, 'Inspector');
  const title = el('span', { class: 'inspector-block' }, head);
  const numbers = el('span', { class: 'inspector-timing' }, head);
  const views = el('div', { class: 'inspector-views', role: 'group', 'aria-label': 'View' }, head);
  const buttons = {
    items: el('button', { type: 'button', 'data-view': 'items', 'aria-pressed': 'true' }, views, 'Items'),
    json: el('button', { type: 'button', 'data-view': 'json', 'aria-pressed': 'false' }, views, 'JSON'),
    rss: el('button', { type: 'button', 'data-view': 'rss', 'aria-pressed': 'false' }, views, 'RSS/XML'),
  };
  const again = el('button', { type: 'button', class: 'inspector-rerun' }, head, 'Run again');
  if (!api.loggedIn() && api.mayRun()) {
    const limit = api.anonymousRunLimit();
    el('p', { class: 'inspector-note anonymous-note' }, section,
      `Trying without an account: runs are limited to ${limit ? `${limit} s` : 'a few seconds'} and never stored. Log in to save.`);
  }
  const errors = el('ul', { class: 'inspector-errors', role: 'alert' }, section);
  const body = el('div', { class: 'inspector-body', 'aria-live': 'polite' }, section);

  let view = 'items';
  let selected = null;
  let current = null; // { id, answer }
  let controller = null;
  let timer = null;
  let patch = null; // an option being typed: {id, index, value}, not yet in api.pipe()

  function message(text, kind = 'info') {
    body.replaceChildren(el('p', { class: `inspector-message ${kind}` }, null, text));
  }

  function pipeToRun() {
    const pipe = api.pipe();
    if (patch) {
      const block = pipe.blocks.find(b => b.id === patch.id);
      if (block) block.userinputs[patch.index] = patch.value;
    }
    return pipe;
  }

  async function run() {
    clearTimeout(timer);
    controller?.abort();
    errors.replaceChildren();
    numbers.textContent = '';
    const id = selected;
    const block = id && api.block(id);
    const type = block && api.types().get(block.type);
    title.textContent = block ? `${block.name || type?.label || block.type}` : '';
    if (!api.mayRun()) {
      message('Log in to run this pipe and see each block\'s output here.');
      return;
    }
    if (!id) {
      message('Select a block to see its output.');
      return;
    }
    controller = new AbortController();
    const mine = controller;
    section.classList.add('running');
    try {
      const pipe = pipeToRun();
      const answer = view === 'rss'
        ? { raw: await runBlock(pipe, id, { signal: mine.signal, format: 'rss' }) }
        : await runBlock(pipe, id, { signal: mine.signal });
      if (mine.signal.aborted) return;
      current = { id, answer };
      render();
    } catch (e) {
      if (e.name === 'AbortError' || mine.signal.aborted) return;
      message(e.message, 'error');
    } finally {
      if (controller === mine) section.classList.remove('running');
    }
  }

  function render() {
    const { id, answer } = current;
    body.replaceChildren();
    if (answer.raw !== undefined) {
      el('pre', { class: 'inspector-raw' }, body, answer.raw);
      return;
    }
    const trace = (answer.trace || []).find(t => t.blockId === id);
    numbers.textContent = timing(trace, answer.tookMs);
    for (const e of answer.errors || []) {
      el('li', { class: `inspector-error ${e.kind}` }, errors, `${e.name || e.block}: ${e.message}`);
    }
    if (view === 'json') {
      const raw = answer.data !== undefined ? answer.data : answer.text !== undefined ? answer.text : answer.items;
      el('pre', { class: 'inspector-raw' }, body, JSON.stringify(raw, null, 2));
      return;
    }
    if (answer.data !== undefined) {
      dataTree(answer.data, body);
      outlineList(answer.outline, body);
    } else if (answer.text !== undefined) {
      el('pre', { class: 'inspector-text' }, body, answer.text);
    } else {
      itemList(answer.items || [], body);
    }
    dropList(trace, body);
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  for (const [name, button] of Object.entries(buttons)) {
    button.addEventListener('click', () => {
      view = name;
      Object.values(buttons).forEach(b => b.setAttribute('aria-pressed', String(b === button)));
      // JSON is the answer we have; RSS/XML and back to items need the server.
      if (name === 'json' && current?.id === selected && current.answer.raw === undefined) render();
      else run();
    });
  }
  again.addEventListener('click', run);
  api.on('select', id => {
    selected = id;
    patch = null;
    run();
  });
  api.on('option', change => {
    patch = change;
    if (selected) later();
  });
  api.on('change', change => {
    patch = null;
    answers.clear();
    if (selected && change.kind !== 'move') later();
  });
  selected = api.selection();
  run();
}
