// The pipe model, pure: no DOM, no network. Every edit is a function of
// (pipe, types, ...) that changes the pipe in place; main.js snapshots it for undo.

export const ROOT = 'output';
const KNOWN = new Set(['id', 'type', 'x', 'y', 'name', 'userinputs', 'userinput', 'inputs', 'textinputs']);
// Pipes CE stored a single `userinput` string for these types.
const LEGACY_USERINPUT = new Set(['FeedBlock', 'FilterBlock', 'TruncateBlock']);
const DUPLICATES = new Set(['DuplicateBlock', 'WateredDuplicateBlock']);

/** A fresh block id: 10 lowercase hex characters, unused in `taken`. */
export function newId(taken = new Set()) {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(5));
    const id = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    if (!taken.has(id)) return id;
  }
}

const isLink = l => l && typeof l === 'object' && typeof l.from === 'string' && l.from !== '';
const link = l => (isLink(l) ? { from: l.from, from_output_slot: slotOf(l.from_output_slot) } : {});
function slotOf(v) {
  const n = typeof v === 'number' ? v : parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}
const num = v => { const n = Number(v); return Number.isFinite(n) ? n : 0; };

/** A block read from pipe JSON; unknown keys are kept in `extra` so saving loses nothing. */
function readBlock(raw, index) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`Block #${index + 1} is not an object`);
  const id = raw.id == null ? '' : String(raw.id);
  if (!id) throw new Error(`Block #${index + 1} has no id`);
  const type = raw.type == null ? '' : String(raw.type);
  if (!type) throw new Error(`Block "${id}" has no type`);
  let userinputs = Array.isArray(raw.userinputs) ? structuredClone(raw.userinputs) : [];
  const extra = {};
  for (const [k, v] of Object.entries(raw)) if (!KNOWN.has(k)) extra[k] = structuredClone(v);
  if (!Array.isArray(raw.userinputs) && raw.userinput != null) {
    if (LEGACY_USERINPUT.has(type)) userinputs = [String(raw.userinput)];
    else extra.userinput = raw.userinput;
  }
  return {
    id, type, x: num(raw.x), y: num(raw.y), name: raw.name == null ? '' : String(raw.name),
    userinputs,
    inputs: Array.isArray(raw.inputs) ? raw.inputs.map(link) : [],
    textinputs: Array.isArray(raw.textinputs) ? raw.textinputs.map(link) : [],
    extra,
  };
}

/** Reads pipe JSON (object or string). Throws an Error with a readable message when it is not a pipe. */
export function readPipe(json) {
  const root = typeof json === 'string' ? JSON.parse(json) : json;
  if (!root || typeof root !== 'object' || !Array.isArray(root.blocks)) throw new Error('Pipe JSON has no "blocks" list');
  const blocks = root.blocks.map(readBlock);
  const seen = new Set();
  for (const b of blocks) {
    if (seen.has(b.id)) throw new Error(`Two blocks have the id "${b.id}"`);
    seen.add(b.id);
  }
  const extra = {};
  for (const [k, v] of Object.entries(root)) if (k !== 'blocks') extra[k] = structuredClone(v);
  const pipe = { blocks, extra };
  if (!blocks.some(b => b.id === ROOT)) pipe.blocks.unshift(outputBlock());
  return pipe;
}

/** The pipe as its saved JSON (a fresh object). */
export function writePipe(pipe) {
  const out = {
    blocks: pipe.blocks.map(b => ({
      id: b.id, type: b.type, x: Math.round(b.x), y: Math.round(b.y), name: b.name,
      userinputs: structuredClone(b.userinputs),
      inputs: b.inputs.map(link), textinputs: b.textinputs.map(link),
      ...structuredClone(b.extra),
    })),
  };
  return Object.assign(out, structuredClone(pipe.extra));
}

export function emptyPipe() {
  return { blocks: [outputBlock()], extra: {} };
}

function outputBlock() {
  return { id: ROOT, type: 'OutputBlock', x: 700, y: 420, name: 'Output', userinputs: [''], inputs: [{}], textinputs: [], extra: {} };
}

export const find = (pipe, id) => pipe.blocks.find(b => b.id === id) || null;

/** The id of the block connected to input `slot` of `id`, or null. */
export function upstream(pipe, id, slot = 0) {
  const b = find(pipe, id);
  const l = b && b.inputs[slot];
  return isLink(l) ? l.from : null;
}

export const isGrowing = type => !!type && type.inputs === 'growing';

/** How many output ports a block shows: Duplicate grows one more as its outputs fill. */
export function outputCount(pipe, block) {
  if (!DUPLICATES.has(block.type)) return 1;
  let used = -1;
  for (const b of pipe.blocks) {
    for (const l of b.inputs) if (isLink(l) && l.from === block.id) used = Math.max(used, l.from_output_slot);
  }
  return used + 2;
}

/** Data input slots a block shows: its type's count, or for growing blocks the filled ones plus one free. */
export function inputCount(block, type) {
  if (isGrowing(type)) {
    let last = -1;
    block.inputs.forEach((l, i) => { if (isLink(l)) last = i; });
    return last + 2;
  }
  if (type && Number.isInteger(type.inputs)) return Math.max(type.inputs, block.inputs.length);
  return block.inputs.length;
}

/** Keeps a block's `inputs`/`textinputs` the length its type needs (Combine: one free slot at the end). */
export function fitShape(block, type) {
  const n = inputCount(block, type);
  while (block.inputs.length < n) block.inputs.push({});
  if (isGrowing(type)) block.inputs.length = n;
  const textSlots = type ? type.options.reduce((m, o, i) => (o.textPort ? i + 1 : m), 0) : 0;
  while (block.textinputs.length < textSlots) block.textinputs.push({});
}

/** The value a new block starts with for an option: flags are JSON booleans, everything else text. */
export function defaultValue(spec) {
  return spec.kind === 'flag' ? spec.default === 'true' : String(spec.default ?? '');
}

/** Adds a new block of `type` at (x, y); returns it. */
export function addBlock(pipe, type, x, y, id = newId(new Set(pipe.blocks.map(b => b.id)))) {
  const block = {
    id, type: type.type, x, y, name: type.label,
    userinputs: type.options.length ? type.options.map(defaultValue) : [''],
    inputs: [], textinputs: [], extra: {},
  };
  fitShape(block, type);
  pipe.blocks.push(block);
  return block;
}

/** Removes blocks (never the root) and every connection to them; returns the ids removed. */
export function removeBlocks(pipe, ids, types) {
  const gone = new Set([...ids].filter(id => id !== ROOT));
  pipe.blocks = pipe.blocks.filter(b => !gone.has(b.id));
  for (const b of pipe.blocks) {
    b.inputs = b.inputs.map(l => (isLink(l) && gone.has(l.from) ? {} : l));
    b.textinputs = b.textinputs.map(l => (isLink(l) && gone.has(l.from) ? {} : l));
    fitShape(b, types.get(b.type));
  }
  return [...gone];
}

export function moveBlock(pipe, id, x, y) {
  const b = find(pipe, id);
  if (b) { b.x = x; b.y = y; }
}

/** A port of a block: `{side: 'in'|'text'|'out', index}` from data-port ("in:0", "text:2", "out:1"). */
export function parsePort(name) {
  const [side, index] = String(name).split(':');
  return { side, index: parseInt(index, 10) || 0 };
}

/** Connects output `fromSlot` of `fromId` to port `port` of `toId` (replacing what was there). */
export function connect(pipe, types, fromId, fromSlot, toId, port) {
  const to = find(pipe, toId);
  const list = port.side === 'text' ? to.textinputs : to.inputs;
  while (list.length <= port.index) list.push({});
  list[port.index] = { from: fromId, from_output_slot: fromSlot };
  fitShape(to, types.get(to.type));
}

export function disconnect(pipe, types, toId, port) {
  const to = find(pipe, toId);
  const list = port.side === 'text' ? to.textinputs : to.inputs;
  if (list[port.index]) list[port.index] = {};
  fitShape(to, types.get(to.type));
}

export function connectionAt(pipe, toId, port) {
  const to = find(pipe, toId);
  const l = to && (port.side === 'text' ? to.textinputs : to.inputs)[port.index];
  return isLink(l) ? l : null;
}

/** Every connection, as {from, fromSlot, to, port}. */
export function connections(pipe) {
  const ids = new Set(pipe.blocks.map(b => b.id));
  const out = [];
  for (const b of pipe.blocks) {
    b.inputs.forEach((l, i) => { if (isLink(l) && ids.has(l.from)) out.push({ from: l.from, fromSlot: l.from_output_slot, to: b.id, port: { side: 'in', index: i } }); });
    b.textinputs.forEach((l, i) => { if (isLink(l) && ids.has(l.from)) out.push({ from: l.from, fromSlot: l.from_output_slot, to: b.id, port: { side: 'text', index: i } }); });
  }
  return out;
}

/** True when `id` is reachable upstream of `start` (so connecting start → id would loop). */
export function feeds(pipe, id, start) {
  const seen = new Set();
  const stack = [start];
  while (stack.length) {
    const cur = stack.pop();
    if (cur === id) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    const b = find(pipe, cur);
    if (b) [...b.inputs, ...b.textinputs].forEach(l => { if (isLink(l)) stack.push(l.from); });
  }
  return false;
}

export function setOption(pipe, id, index, value) {
  const b = find(pipe, id);
  while (b.userinputs.length <= index) b.userinputs.push('');
  b.userinputs[index] = value;
}

export function rename(pipe, id, name) {
  find(pipe, id).name = name;
}

/** The blocks `ids` with the connections among them, for the clipboard. */
export function copyBlocks(pipe, ids) {
  const set = new Set(ids);
  set.delete(ROOT);
  const blocks = pipe.blocks.filter(b => set.has(b.id)).map(b => structuredClone(b));
  for (const b of blocks) {
    b.inputs = b.inputs.map(l => (isLink(l) && set.has(l.from) ? l : {}));
    b.textinputs = b.textinputs.map(l => (isLink(l) && set.has(l.from) ? l : {}));
  }
  return { blocks };
}

/** Pastes a clipboard fragment with new ids, shifted by (dx, dy); returns the new ids. */
export function pasteBlocks(pipe, types, fragment, dx, dy) {
  const taken = new Set(pipe.blocks.map(b => b.id));
  const ids = new Map();
  for (const b of fragment.blocks) { const id = newId(taken); taken.add(id); ids.set(b.id, id); }
  const remap = l => (isLink(l) && ids.has(l.from) ? { from: ids.get(l.from), from_output_slot: l.from_output_slot } : {});
  for (const src of fragment.blocks) {
    const b = structuredClone(src);
    b.id = ids.get(src.id);
    b.x += dx; b.y += dy;
    b.inputs = b.inputs.map(remap);
    b.textinputs = b.textinputs.map(remap);
    fitShape(b, types.get(b.type));
    pipe.blocks.push(b);
  }
  return [...ids.values()];
}

/**
 * A copy of someone's pipe: Webhook blocks get fresh ids (their hook URLs) and no secret, Inbox
 * blocks fresh ids (their mail addresses).
 */
export function freshWebhooks(pipe) {
  const taken = new Set(pipe.blocks.map(b => b.id));
  for (const b of pipe.blocks.filter(x => x.type === 'WebhookBlock' || x.type === 'InboxBlock')) {
    const id = newId(taken);
    taken.add(id);
    for (const other of pipe.blocks) {
      for (const l of [...other.inputs, ...other.textinputs]) if (isLink(l) && l.from === b.id) l.from = id;
    }
    b.id = id;
    if (b.type === 'WebhookBlock') b.userinputs = ['', ''];
  }
}
