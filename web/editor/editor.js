// The editor's state and its edits: the pipe, the block catalogue, selection, undo history,
// and the events the inspector listens to. Every edit goes through edit(), so every edit is
// undoable and announced.

import * as model from './model.js';
import { History } from './history.js';
import { Selection } from './selection.js';
import { refusal } from './ports.js';
import { fieldValue, showValue } from './options.js';
import { Canvas } from './canvas.js';

export class Editor {
  /** `types`: Map of type name → /api/blocks entry; `enhance`: fields.js's enhanceField. */
  constructor(svgElement, types, { status, enhance }) {
    this.types = types;
    this.pipe = model.emptyPipe();
    this.history = new History();
    this.selection = new Selection();
    this.listeners = { select: [], change: [], option: [] };
    this.status = status;
    this.enhance = enhance;
    this.dirty = false;
    /** A starter template's options to fill in, [{block, option, label, hint}]: highlighted on the canvas. */
    this.templateParams = [];
    this.api = this.makeApi();
    this.canvas = new Canvas(svgElement, this);
  }

  on(event, fn) {
    (this.listeners[event] || (this.listeners[event] = [])).push(fn);
  }

  emit(event, value) {
    for (const fn of this.listeners[event] || []) {
      try { fn(value); } catch (e) { console.warn(`An editor "${event}" listener failed`, e); }
    }
  }

  snapshot() {
    return JSON.stringify(model.writePipe(this.pipe));
  }

  /** Runs `change` on the pipe as one undoable edit of `kind`, then redraws and announces it. */
  edit(kind, id, change, { redraw = true } = {}) {
    const before = this.snapshot();
    const result = change(this.pipe);
    if (this.snapshot() === before) return result;
    this.history.record(kind, before);
    this.changed(kind, id, redraw);
    return result;
  }

  changed(kind, id, redraw = true) {
    this.dirty = true;
    this.selection.keepOnly(new Set(this.pipe.blocks.map(b => b.id)));
    if (redraw) this.canvas.render();
    this.emit('change', { kind, id: id ?? null });
  }

  /** Replaces the whole pipe (opening a pipe, pasting JSON). `undoable`: a later undo brings the old one back. */
  load(pipe, { undoable = false } = {}) {
    const before = this.snapshot();
    for (const b of pipe.blocks) model.fitShape(b, this.types.get(b.type));
    this.pipe = pipe;
    if (undoable) this.history.record('load', before); else this.history.clear();
    this.selection.set([]);
    this.canvas.render();
    this.emit('select', null);
    this.emit('change', { kind: 'load', id: null });
  }

  restore(direction) {
    const entry = direction === 'undo' ? this.history.undo(this.snapshot()) : this.history.redo(this.snapshot());
    if (!entry) return;
    this.pipe = model.readPipe(entry.snapshot);
    for (const b of this.pipe.blocks) model.fitShape(b, this.types.get(b.type));
    this.status(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.kind}`, 'info');
    const single = this.selection.single();
    this.changed(direction, null);
    if (single !== this.selection.single()) this.emit('select', this.selection.single());
  }

  undo() { this.restore('undo'); }

  redo() { this.restore('redo'); }

  select(ids, { toggle = false } = {}) {
    const before = this.selection.single();
    if (toggle) ids.forEach(id => this.selection.toggle(id)); else this.selection.set(ids);
    this.canvas.showSelection();
    this.canvas.drawWires();
    if (before !== this.selection.single()) this.emit('select', this.selection.single());
  }

  selectWire(wire) {
    this.selection.selectWire(wire);
    this.canvas.showSelection();
    this.canvas.drawWires();
    this.emit('select', null);
  }

  addBlock(typeName, x, y) {
    const type = this.types.get(typeName);
    const block = this.edit('add', null, pipe => model.addBlock(pipe, type, Math.round(x), Math.round(y)));
    this.select([block.id]);
    this.status(`Added ${type.label}`, 'info');
    return block;
  }

  deleteSelection() {
    if (this.selection.wire) {
      const { to, port } = this.selection.wire;
      this.edit('disconnect', to, pipe => model.disconnect(pipe, this.types, to, model.parsePort(port)));
      this.selection.wire = null;
      this.canvas.drawWires();
      return;
    }
    const ids = [...this.selection.ids].filter(id => id !== model.ROOT);
    if (this.selection.ids.has(model.ROOT)) this.status('The Output block stays: every pipe has one', 'info');
    if (!ids.length) return;
    this.edit('delete', ids[0], pipe => model.removeBlocks(pipe, ids, this.types));
    this.emit('select', null);
  }

  /**
   * Connects two ports given as {id, port: "out:0"|"in:1"|"text:2"}, in either order. A refused
   * connection changes nothing and says why in the status line; returns whether it connected.
   */
  connectPorts(a, b, { replacing = null } = {}) {
    let out = a, into = b;
    if (model.parsePort(a.port).side !== 'out') { out = b; into = a; }
    const outSide = model.parsePort(out.port).side;
    const inSide = model.parsePort(into.port).side;
    if (outSide !== 'out' || inSide === 'out') {
      this.status('Connect an output (bottom of a block) to an input (top) or a text connector (left)', 'error');
      return false;
    }
    const from = model.find(this.pipe, out.id);
    const to = model.find(this.pipe, into.id);
    const port = model.parsePort(into.port);
    const reason = refusal(this.pipe, this.types, from, to, port);
    if (reason) {
      this.status(`Not connected: ${reason}`, 'error');
      return false;
    }
    const slot = model.parsePort(out.port).index;
    this.edit('connect', to.id, pipe => {
      if (replacing) model.disconnect(pipe, this.types, replacing.id, model.parsePort(replacing.port));
      model.connect(pipe, this.types, from.id, slot, to.id, port);
    });
    this.status(`Connected ${from.name || from.type} to ${to.name || to.type}`, 'info');
    return true;
  }

  /** Whether output/input pairs could connect, for highlighting while connecting. */
  canConnect(a, b) {
    let out = a, into = b;
    if (model.parsePort(a.port).side !== 'out') { out = b; into = a; }
    if (model.parsePort(out.port).side !== 'out' || model.parsePort(into.port).side === 'out') return false;
    const from = model.find(this.pipe, out.id);
    const to = model.find(this.pipe, into.id);
    return !!from && !!to && refusal(this.pipe, this.types, from, to, model.parsePort(into.port)) === null;
  }

  setOption(id, index, value) {
    this.edit('option', id, pipe => model.setOption(pipe, id, index, value), { redraw: false });
    const g = this.canvas.blockElement(id);
    const input = g && g.querySelector(`[data-option="${index}"]`);
    if (input) showValue(input, value);
  }

  rename(id, name) {
    this.edit('rename', id, pipe => model.rename(pipe, id, name));
  }

  promptRename(id) {
    const b = model.find(this.pipe, id);
    const name = b && window.prompt('Name of this block', b.name);
    if (name != null && name.trim()) this.rename(id, name.trim());
  }

  /** Wires up the option fields the canvas drew for `block`: typing edits, change makes an undo step. */
  fieldsRendered(block, type, fields) {
    for (const { input, index, spec } of fields) {
      let before = null;
      input.addEventListener('input', () => {
        if (before === null) before = this.snapshot();
        const value = fieldValue(input);
        model.setOption(this.pipe, block.id, index, value);
        this.dirty = true;
        this.emit('option', { id: block.id, index, value });
      });
      input.addEventListener('change', () => {
        if (before === null || before === this.snapshot()) { before = null; return; }
        this.history.record('option', before);
        before = null;
        this.changed('option', block.id, false);
      });
      try {
        this.enhance(input, { blockId: block.id, type, index, spec, api: this.api });
      } catch (e) {
        console.warn('enhanceField failed', e);
      }
    }
  }

  /**
   * The API the inspector (inspector.js) and the option field helpers (fields.js) use: read the
   * pipe, the selection, a block, the block types and a block's upstream; make an undoable option
   * edit; listen to 'select', 'change' and 'option' events; ask whether the user is logged in,
   * whether they may run pipes (logged in, or a visitor while anonymous runs are on) and the
   * visitors' run limit, the site's base URL; show a status message. Values handed out are copies.
   */
  makeApi() {
    const body = document.body.dataset;
    return {
      pipe: () => model.writePipe(this.pipe),
      selection: () => this.selection.single(),
      block: id => {
        const b = model.find(this.pipe, id);
        if (!b) return null;
        const { extra, ...rest } = structuredClone(b);
        return rest;
      },
      types: () => new Map(this.types),
      upstream: (id, slot = 0) => model.upstream(this.pipe, id, slot),
      setOption: (id, index, value) => this.setOption(id, index, value),
      on: (event, fn) => this.on(event, fn),
      loggedIn: () => body.loggedIn === 'true',
      mayRun: () => body.loggedIn === 'true' || body.anonymousRuns === 'true',
      anonymousRunLimit: () => body.anonymousRunLimit || '',
      baseUrl: () => body.baseUrl || location.origin,
      status: (message, kind = 'info') => this.status(message, kind),
    };
  }
}
