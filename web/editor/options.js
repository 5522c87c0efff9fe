// A block's options as form fields: text, number, flag → checkbox, choices → select.
// Blocks of types this server does not know (from old pipes) show their values as text fields.

import { html } from './dom.js';

/** The option specs of a block: its type's, or plain text fields for each stored value. */
export function specsOf(block, type) {
  if (type) return type.options;
  return block.userinputs.map((_, i) => ({ label: `Option ${i + 1}`, kind: 'text', default: '', textPort: false }));
}

/** Whether a stored flag value means "on": Pipes CE sometimes stored "true"/"on" strings. */
export function flagOn(value) {
  return value === true || value === 'true' || value === 'on' || value === 1;
}

/** The field's current value in the pipe's terms: booleans for flags, strings otherwise. */
export function fieldValue(input) {
  return input.type === 'checkbox' ? input.checked : input.value;
}

/** Shows `value` in a field rendered by renderFields. */
export function showValue(input, value) {
  if (input.type === 'checkbox') {
    input.checked = flagOn(value);
    return;
  }
  const text = value == null ? '' : String(value);
  if (input.tagName === 'SELECT' && ![...input.options].some(o => o.value === text)) {
    html('option', { value: text }, input, text); // an old value outside today's choices is kept, not lost
  }
  input.value = text;
}

function control(spec, value, id) {
  if (spec.kind === 'flag') return html('input', { type: 'checkbox', id });
  if (spec.kind === 'choice') {
    const select = html('select', { id });
    const choices = spec.choices || [];
    if (!choices.includes('')) html('option', { value: '' }, select, spec.default ? `(default: ${spec.default})` : '(default)');
    choices.forEach(c => html('option', { value: c }, select, c));
    return select;
  }
  if (spec.kind === 'number') return html('input', { type: 'number', id, step: '1' });
  return html('input', { type: 'text', id, spellcheck: 'false' });
}

/**
 * Renders the option fields of `block` into `container`; returns [{input, index, spec}].
 * `overridden(i)` names the block whose text output sets option i, or null.
 */
export function renderFields(container, block, type, overridden) {
  const fields = [];
  specsOf(block, type).forEach((spec, index) => {
    const id = `opt-${block.id}-${index}`;
    const row = html('div', { class: `field field-${spec.kind}` }, container);
    html('label', { for: id }, row, spec.label);
    const input = control(spec, block.userinputs[index], id);
    input.dataset.option = String(index);
    input.dataset.blockId = block.id;
    row.appendChild(input);
    showValue(input, block.userinputs[index] ?? (spec.kind === 'flag' ? false : ''));
    const from = overridden(index);
    if (from) {
      input.disabled = true;
      input.title = `Set by the text from ${from}`;
      row.classList.add('overridden');
    }
    fields.push({ input, index, spec });
  });
  return fields;
}
