// Port kinds and which connections make sense: feed, text, document and data.
// A downloaded document also plugs in where feeds or data are taken: the engine parses it.

import { feeds } from './model.js';

const KIND_NAMES = { feed: 'a feed', text: 'text', document: 'a downloaded document', data: 'data' };
const said = kind => KIND_NAMES[kind] || kind;

/** What a block type's output carries; unknown types (kept from old pipes) are taken as feeds. */
export const outputKind = type => (type ? type.output : 'feed');

/** What a data input of `type` takes. */
export const inputKinds = type => (type ? type.accepts : ['feed']);

/** The kind label of a port, for data-kind: text ports take text, inputs their first accepted kind. */
export function portKind(type, side) {
  if (side === 'out') return outputKind(type);
  if (side === 'text') return 'text';
  return inputKinds(type).join(' ');
}

function takes(accepts, kind) {
  return accepts.includes(kind) || (kind === 'document' && (accepts.includes('feed') || accepts.includes('data')));
}

/**
 * Why output `from` cannot connect to port `port` of block `to`, or null when it can.
 * `from`/`to` are blocks, `types` the catalogue; the reason is a short sentence for the status line.
 */
export function refusal(pipe, types, from, to, port) {
  const fromType = types.get(from.type);
  const toType = types.get(to.type);
  const kind = outputKind(fromType);
  const fromName = from.name || from.type;
  const toName = to.name || to.type;
  if (from.id === to.id) return 'A block cannot take its own output';
  if (port.side === 'text') {
    if (kind !== 'text') return `${toName}'s text connector takes text (e.g. a Text Input), not ${said(kind)} from ${fromName}`;
  } else if (!takes(inputKinds(toType), kind)) {
    const wanted = inputKinds(toType).map(said).join(' or ');
    return `${toName} takes ${wanted}, not ${said(kind)} from ${fromName}`;
  }
  if (feeds(pipe, to.id, from.id)) return `That would make a loop: ${toName} already feeds ${fromName}`;
  return null;
}
