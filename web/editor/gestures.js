// Pointer gestures on the canvas: select, move (and drop on the trash), connect by drag or by
// click-click, pull a connection off an input, rubber-band select, pan and wheel zoom.

import * as model from './model.js';

const SLOP = 4; // pixels a pointer may wander before a press counts as a drag

const portOf = el => ({ id: el.closest('g.block').dataset.blockId, port: el.dataset.port });
const samePort = (a, b) => a && b && a.id === b.id && a.port === b.port;

export class Gestures {
  constructor(editor, svgElement, trash) {
    this.editor = editor;
    this.svg = svgElement;
    this.trash = trash;
    this.gesture = null;
    this.pending = null; // the first port of a click-click connection
    svgElement.addEventListener('pointerdown', e => this.down(e));
    window.addEventListener('pointermove', e => this.move(e));
    window.addEventListener('pointerup', e => this.up(e));
    svgElement.addEventListener('wheel', e => this.wheel(e), { passive: false });
    svgElement.addEventListener('dblclick', e => this.rename(e));
  }

  get canvas() { return this.editor.canvas; }

  down(e) {
    if (e.button !== 0 && e.button !== 1) return;
    const at = { x: e.clientX, y: e.clientY };
    const target = e.target;
    if (e.button === 1 || e.altKey) {
      e.preventDefault();
      this.gesture = { kind: 'pan', last: at };
      return;
    }
    const portEl = target.closest('circle.port');
    if (portEl) {
      e.preventDefault();
      this.startConnect(portOf(portEl), at);
      return;
    }
    const blockEl = target.closest('g.block');
    if (blockEl) {
      const id = blockEl.dataset.blockId;
      if (e.shiftKey || e.ctrlKey || e.metaKey) {
        this.editor.select([id], { toggle: true });
      } else if (!this.editor.selection.ids.has(id)) {
        this.editor.select([id]);
      }
      if (target.closest('.fields')) return; // typing in an option field, not dragging the block
      e.preventDefault();
      blockEl.focus({ preventScroll: true });
      const ids = [...this.editor.selection.ids];
      const starts = new Map(ids.map(i => { const b = model.find(this.editor.pipe, i); return [i, { x: b.x, y: b.y }]; }));
      this.gesture = { kind: 'move', ids, starts, from: at, moved: false, before: this.editor.snapshot() };
      return;
    }
    const wireEl = target.closest('g.wire');
    if (wireEl) {
      this.editor.selectWire({ to: wireEl.dataset.to, port: wireEl.dataset.port });
      this.svg.focus({ preventScroll: true });
      return;
    }
    e.preventDefault();
    this.svg.focus({ preventScroll: true });
    this.gesture = { kind: 'band', a: this.canvas.toCanvas(at.x, at.y), from: at, additive: e.shiftKey };
  }

  startConnect(port, at) {
    const side = model.parsePort(port.port).side;
    const link = side !== 'out' ? model.connectionAt(this.editor.pipe, port.id, model.parsePort(port.port)) : null;
    this.gesture = { kind: 'connect', start: port, from: at, moved: false, link };
    if (!this.pending) this.highlightFor(port);
  }

  highlightFor(start) {
    this.canvas.highlightPorts((id, portName) => {
      const other = { id, port: portName };
      if (samePort(other, start)) return null;
      return this.editor.canConnect(start, other);
    });
  }

  move(e) {
    const g = this.gesture;
    if (!g) return;
    const at = { x: e.clientX, y: e.clientY };
    if (g.kind === 'pan') {
      this.canvas.pan(at.x - g.last.x, at.y - g.last.y);
      g.last = at;
      return;
    }
    const far = Math.hypot(at.x - g.from.x, at.y - g.from.y) > SLOP;
    if (g.kind === 'move') {
      if (!far && !g.moved) return;
      g.moved = true;
      const k = this.canvas.view.k;
      for (const [id, s] of g.starts) {
        model.moveBlock(this.editor.pipe, id, Math.round(s.x + (at.x - g.from.x) / k), Math.round(s.y + (at.y - g.from.y) / k));
      }
      this.canvas.moveBlocks(g.ids);
      this.trash.classList.toggle('armed', this.overTrash(at));
    } else if (g.kind === 'connect') {
      if (!far && !g.moved) return;
      if (!g.moved && g.link && !this.pending) {
        // Pulling a connection off a filled input: carry its other end.
        g.replacing = g.start;
        g.start = { id: g.link.from, port: `out:${g.link.from_output_slot}` };
        this.highlightFor(g.start);
      }
      g.moved = true;
      const anchor = this.canvas.portPoint(g.start.id, model.parsePort(g.start.port));
      this.canvas.drawTemporaryWire(anchor, this.canvas.toCanvas(at.x, at.y));
    } else if (g.kind === 'band') {
      this.canvas.drawBand(g.a, this.canvas.toCanvas(at.x, at.y));
    }
  }

  up(e) {
    const g = this.gesture;
    this.gesture = null;
    if (!g) return;
    const at = { x: e.clientX, y: e.clientY };
    if (g.kind === 'move') {
      this.trash.classList.remove('armed');
      if (!g.moved) return;
      if (this.overTrash(at)) {
        for (const [id, s] of g.starts) model.moveBlock(this.editor.pipe, id, s.x, s.y);
        this.editor.deleteSelection();
        return;
      }
      this.editor.history.record('move', g.before);
      this.editor.changed('move', g.ids[0], false);
    } else if (g.kind === 'connect') {
      this.finishConnect(g, at);
    } else if (g.kind === 'band') {
      const b = this.canvas.toCanvas(at.x, at.y);
      this.canvas.drawBand(null, null);
      if (Math.hypot(at.x - g.from.x, at.y - g.from.y) <= SLOP) {
        this.cancelPending();
        this.editor.select([]);
        return;
      }
      const ids = this.canvas.blocksIn(g.a, b);
      this.editor.select(g.additive ? [...new Set([...this.editor.selection.ids, ...ids])] : ids);
    }
  }

  finishConnect(g, at) {
    if (!g.moved) {
      this.clickPort(g.start);
      return;
    }
    this.canvas.clearHighlights();
    const hit = document.elementFromPoint(at.x, at.y);
    const portEl = hit && hit.closest && hit.closest('circle.port');
    const target = portEl ? portOf(portEl) : null;
    if (target && !samePort(target, g.start)) {
      this.editor.connectPorts(g.start, target, { replacing: g.replacing && !samePort(target, g.replacing) ? g.replacing : null });
    } else if (g.replacing) {
      const { id, port } = g.replacing;
      this.editor.edit('disconnect', id, pipe => model.disconnect(pipe, this.editor.types, id, model.parsePort(port)));
      this.editor.status('Disconnected', 'info');
    }
  }

  /** A click (or Enter) on a port: the first picks it, the second connects the two. */
  clickPort(port) {
    if (this.pending && !samePort(this.pending, port)) {
      const first = this.pending;
      this.cancelPending();
      this.editor.connectPorts(first, port);
      return;
    }
    if (samePort(this.pending, port)) {
      this.cancelPending();
      return;
    }
    this.pending = port;
    this.highlightFor(port);
    const el = this.portElement(port);
    if (el) el.classList.add('pending');
    this.editor.status('Now pick the port to connect it to (Esc cancels)', 'info');
  }

  cancelPending() {
    this.pending = null;
    this.canvas.clearHighlights();
  }

  portElement(port) {
    const g = this.canvas.blockElement(port.id);
    return g && g.querySelector(`circle.port[data-port="${port.port}"]`);
  }

  overTrash(at) {
    const r = this.trash.getBoundingClientRect();
    return at.x >= r.left && at.x <= r.right && at.y >= r.top && at.y <= r.bottom;
  }

  wheel(e) {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) this.canvas.zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1, { x: e.clientX, y: e.clientY });
    else this.canvas.pan(-e.deltaX, -e.deltaY);
  }

  rename(e) {
    const blockEl = e.target.closest('g.block');
    if (!blockEl || e.target.closest('.fields, circle.port')) return;
    this.editor.promptRename(blockEl.dataset.blockId);
  }
}
