// Helpers next to particular option fields (editor contract: enhanceField). The core calls
// enhanceField for every option field it renders; only the fields below get anything:
// Extract's selector a "Pick…" button, data blocks' JSONPath options an autocomplete from the
// upstream block's outline, Webhook its hook URL and a hidden secret, Inbox its mail address;
// For Each, Unique and URL Cleanup help on their options (a choice's help as "value: what it does. "
// parts, one per choice).

import { el } from './inspector-views.js';
import { outlineOf } from './inspector.js';
import { openPicker } from './picker.js';

const FOREACH_HELP = 'feed: read each item\'s URL as a feed and output all their items. '
  + 'download: download each item\'s URL and make the page that item\'s content (for Extract).';
const MORE_TRACKING_HELP = 'More tracking parameters besides utm_*, fbclid, gclid, mc_cid, ref, si and the rest of '
  + 'the standard list: names separated by commas; name* stands for every name starting so.';

/** Help on particular option fields, by block type and option index. */
const OPTION_HELP = {
  ForeachBlock: [FOREACH_HELP],
  UniqueBlock: [
    'guid: the feed\'s id for the item, else its link (as in Pipes CE). '
      + 'link: the link without tracking parameters, #fragment, http/https difference and trailing slash. '
      + 'title: the title ignoring case, punctuation and spacing.',
    'first: the first of the duplicates (as in Pipes CE). '
      + 'newest: the one with the latest date; undated items lose. '
      + 'longest: the one with the most text in its content or description.',
    MORE_TRACKING_HELP + ' Used when comparing by link.'],
  UrlCleanupBlock: [
    'Also remove tracking parameters from the links in each item\'s description and content.',
    'Also clean a guid that is the item\'s link. Only for feeds whose tracking changes on every fetch: '
      + 'changed guids make feed readers show the items again.',
    MORE_TRACKING_HELP],
};

/** Adds the helpers `input` (an option field already in the DOM) needs; does nothing for other fields. */
export function enhanceField(input, ctx) {
  const typeName = ctx.type?.type;
  if (typeName === 'ExtractBlock' && ctx.index === 0) pickButton(input, ctx);
  else if (ctx.type?.category === 'Data' && /path/i.test(ctx.spec?.label || '')) pathCompletion(input, ctx);
  else if (typeName === 'WebhookBlock' && ctx.index === 0) hookUrl(input, ctx);
  else if (typeName === 'WebhookBlock' && ctx.index === 1) secret(input);
  else if (typeName === 'InboxBlock' && ctx.index === 0) inboxAddress(input, ctx);
  else if (OPTION_HELP[typeName]?.[ctx.index]) help(input, OPTION_HELP[typeName][ctx.index]);
}

/** Puts `button` beside `input` on one line (the field's row has a fixed height on the canvas). */
function beside(input, button) {
  let line = input.parentElement;
  if (!line || !line.classList.contains('field-line')) {
    line = el('span', { class: 'field-line' });
    input.replaceWith(line);
    line.appendChild(input);
  }
  line.appendChild(button);
  return button;
}

/** Help on a field: as its tooltip and accessible description (the field's row has no room for a paragraph). */
function help(input, text) {
  input.title = text;
  input.setAttribute('aria-description', text);
  if (input.tagName === 'SELECT') {
    for (const option of input.options) {
      const line = text.split('. ').find(part => part.startsWith(`${option.value}:`));
      if (line) option.title = line;
    }
  }
}

/** The page the Extract block works on: the URL option of the Download block feeding it, if any. */
function pageUrlFor(ctx) {
  const api = ctx.api;
  const upstream = api.upstream(ctx.blockId, 0);
  const block = upstream && api.block(upstream);
  const url = block && /Download/.test(block.type) ? String(block.userinputs?.[0] || '').trim() : '';
  return /^https?:\/\//i.test(url) ? url : null;
}

function pickButton(input, ctx) {
  const button = beside(input, el('button', { type: 'button', class: 'field-pick', title: 'Pick elements on the page' }, null, 'Pick…'));
  button.addEventListener('click', () => {
    if (!ctx.api.loggedIn()) {
      ctx.api.status('Log in to pick elements from a page.', 'error');
      return;
    }
    const url = pageUrlFor(ctx) || (window.prompt('Address of the page to pick elements from') || '').trim();
    if (!/^https?:\/\//i.test(url)) {
      if (url) ctx.api.status('The picker needs an http(s) address.', 'error');
      return;
    }
    openPicker(url, selector => ctx.api.setOption(ctx.blockId, ctx.index, selector));
  });
}

/** A <datalist> of the upstream block's JSONPath outline, filled when the field gets focus. */
function pathCompletion(input, ctx) {
  const list = el('datalist', { id: `paths-${ctx.blockId}-${ctx.index}` });
  input.insertAdjacentElement('afterend', list);
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  input.addEventListener('focus', async () => {
    const upstream = ctx.api.upstream(ctx.blockId, 0);
    if (!upstream || !ctx.api.mayRun()) return;
    try {
      const paths = await outlineOf(ctx.api, upstream);
      list.replaceChildren(...paths.map(path => el('option', { value: path })));
    } catch (e) {
      ctx.api.status(`No paths to suggest: ${e.message}`, 'error');
    }
  });
}

/** The Webhook block's address (display only; its id is the hook id), with a copy button. */
function hookUrl(input, ctx) {
  input.value = `${ctx.api.baseUrl().replace(/\/$/, '')}/hook/${ctx.blockId}`;
  input.readOnly = true;
  input.classList.add('hook-url');
  const copy = beside(input, el('button', { type: 'button', class: 'field-copy' }, null, 'Copy'));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      ctx.api.status('Hook URL copied.', 'info');
    } catch {
      input.select();
      ctx.api.status('Press Ctrl+C to copy the selected hook URL.', 'info');
    }
  });
}

/**
 * The Inbox block's mail address (display only; its id is the address): <block id>@<the domain
 * /api/blocks names>, with a copy button; without a domain, the server receives no mail.
 */
function inboxAddress(input, ctx) {
  const domain = ctx.type?.mailDomain;
  input.readOnly = true;
  input.classList.add('inbox-address');
  if (!domain) {
    input.value = 'This server receives no mail';
    return;
  }
  input.value = `${ctx.blockId.toLowerCase()}@${domain}`;
  const copy = beside(input, el('button', { type: 'button', class: 'field-copy' }, null, 'Copy'));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      ctx.api.status('Address copied. Save the pipe before subscribing it to newsletters.', 'info');
    } catch {
      input.select();
      ctx.api.status('Press Ctrl+C to copy the selected address.', 'info');
    }
  });
}

/** The signing secret, hidden like a password, with a show/hide toggle. */
function secret(input) {
  input.type = 'password';
  input.autocomplete = 'off';
  const toggle = beside(input, el('button', { type: 'button', class: 'field-reveal', 'aria-pressed': 'false' }, null, 'Show'));
  toggle.addEventListener('click', () => {
    const hidden = input.type === 'password';
    input.type = hidden ? 'text' : 'password';
    toggle.textContent = hidden ? 'Hide' : 'Show';
    toggle.setAttribute('aria-pressed', String(hidden));
  });
}
