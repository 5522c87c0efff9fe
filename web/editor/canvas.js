// The SVG view of the pipe: blocks as <g data-block-id data-type>, ports as circles with
// data-port ("in:0", "text:2", "out:0") and data-kind, connections as paths. It only draws;
// gestures.js and keys.js turn what the user does into edits.

import { svg, html } from './dom.js';
import { connections, find, inputCount, outputCount } from './model.js';
import { portKind } from './ports.js';
import { renderFields, specsOf } from './options.js';

export const WIDTH = 230;
const HEAD = 30;
const ROW = 50;
const PAD = 10;
// Small enough that fit-to-view shows a 300-block pipe whole.
const MIN_ZOOM = 0.05;

export function blockHeight(block, type) {
  return HEAD + Math.max(specsOf(block, type).length * ROW + PAD, 22);
}

/** Where a port sits relative to its block's top-left corner. */
export function portOffset(pipe, block, type, port) {
  if (port.side === 'text') return { x: 0, y: HEAD + PAD / 2 + port.index * ROW + 34 };
  const count = port.side === 'out' ? outputCount(pipe, block) : inputCount(block, type);
  const x = (WIDTH * (port.index + 1)) / (count + 1);
  return { x, y: port.side === 'out' ? blockHeight(block, type) : 0 };
}

function wirePath(a, b, textPort) {
  const bend = Math.max(40, Math.abs(b.y - a.y) / 2);
  const end = textPort ? `${b.x - bend} ${b.y}` : `${b.x} ${b.y - bend}`;
  return `M ${a.x} ${a.y} C ${a.x} ${a.y + bend}, ${end}, ${b.x} ${b.y}`;
}

export class Canvas {
  constructor(svgElement, editor) {
    this.svg = svgElement;
    this.editor = editor;
    this.view = { x: 40, y: 20, k: 1 };
    this.viewport = svg('g', { class: 'viewport' }, svgElement);
    this.wires = svg('g', { class: 'wires' }, this.viewport);
    this.blocks = svg('g', { class: 'blocks' }, this.viewport);
    this.overlay = svg('g', { class: 'overlay' }, this.viewport);
    this.applyView();
  }

  applyView() {
    const { x, y, k } = this.view;
    this.viewport.setAttribute('transform', `translate(${x} ${y}) scale(${k})`);
  }

  /** A point of the page (clientX/Y) in canvas coordinates. */
  toCanvas(clientX, clientY) {
    const r = this.svg.getBoundingClientRect();
    return { x: (clientX - r.left - this.view.x) / this.view.k, y: (clientY - r.top - this.view.y) / this.view.k };
  }

  /** The middle of the visible area, in canvas coordinates. */
  center() {
    const r = this.svg.getBoundingClientRect();
    return this.toCanvas(r.left + r.width / 2, r.top + r.height / 2);
  }

  zoom(factor, around = null) {
    const r = this.svg.getBoundingClientRect();
    const cx = around ? around.x : r.left + r.width / 2;
    const cy = around ? around.y : r.top + r.height / 2;
    const p = this.toCanvas(cx, cy);
    const k = Math.min(3, Math.max(MIN_ZOOM, this.view.k * factor));
    this.view = { k, x: cx - r.left - p.x * k, y: cy - r.top - p.y * k };
    this.applyView();
  }

  pan(dx, dy) {
    this.view.x += dx;
    this.view.y += dy;
    this.applyView();
  }

  /** Scales and moves the view so every block is visible. */
  fit() {
    const { pipe, types } = this.editor;
    if (!pipe.blocks.length) return;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const b of pipe.blocks) {
      minX = Math.min(minX, b.x); minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + WIDTH); maxY = Math.max(maxY, b.y + blockHeight(b, types.get(b.type)));
    }
    const r = this.svg.getBoundingClientRect();
    const margin = 30;
    const k = Math.min(1.25, Math.max(MIN_ZOOM, Math.min((r.width - 2 * margin) / (maxX - minX), (r.height - 2 * margin) / (maxY - minY))));
    this.view = { k, x: margin - minX * k + ((r.width - 2 * margin) - (maxX - minX) * k) / 2, y: margin - minY * k };
    this.applyView();
  }

  blockElement(id) {
    return this.blocks.querySelector(`g.block[data-block-id="${CSS.escape(id)}"]`);
  }

  /** Draws everything anew (after structural edits, undo and load). Focus stays on the same block or field. */
  render() {
    const active = document.activeElement;
    const focusBlock = active && active.closest && active.closest('g.block');
    const focusId = focusBlock && focusBlock.dataset.blockId;
    const focusSelector = active && active.dataset && active.dataset.option !== undefined ? `[data-option="${active.dataset.option}"]` : null;
    this.blocks.replaceChildren();
    for (const block of this.editor.pipe.blocks) this.drawBlock(block);
    this.drawWires();
    this.showSelection();
    if (focusId) {
      const g = this.blockElement(focusId);
      const target = g && (focusSelector ? g.querySelector(focusSelector) : g);
      if (target) target.focus({ preventScroll: true });
    }
  }

  drawBlock(block) {
    const { pipe, types } = this.editor;
    const type = types.get(block.type);
    const h = blockHeight(block, type);
    const label = type ? type.label : `${block.type} (unknown)`;
    const g = svg('g', {
      class: `block${type ? '' : ' unknown'}${block.id === 'output' ? ' root' : ''}`,
      'data-block-id': block.id, 'data-type': block.type, tabindex: 0, role: 'group',
      'aria-label': `${block.name || label} block`, transform: `translate(${block.x} ${block.y})`,
    }, this.blocks);
    svg('rect', { class: 'body', width: WIDTH, height: h, rx: 6 }, g);
    svg('rect', { class: 'head', width: WIDTH, height: HEAD, rx: 6 }, g);
    const title = svg('text', { class: 'title', x: 10, y: 20 }, g);
    title.textContent = block.name || label;
    if (type && block.name && block.name !== type.label) {
      const kind = svg('text', { class: 'kind', x: WIDTH - 8, y: 20, 'text-anchor': 'end' }, g);
      kind.textContent = type.label;
    }
    const specs = specsOf(block, type);
    if (specs.length) {
      const fo = svg('foreignObject', { x: 12, y: HEAD + PAD / 2, width: WIDTH - 20, height: specs.length * ROW }, g);
      const box = html('div', { class: 'fields' }, fo);
      const overridden = i => {
        const l = block.textinputs[i];
        const from = l && l.from && find(pipe, l.from);
        return from ? (from.name || from.type) : null;
      };
      const fields = renderFields(box, block, type, overridden);
      this.editor.fieldsRendered(block, type, fields);
      this.markTemplateParams(g, box, block);
    }
    this.drawPorts(g, block, type);
  }

  /** A starter template's options to fill in: the block outlined, the field highlighted and labelled. */
  markTemplateParams(g, box, block) {
    for (const p of (this.editor.templateParams || []).filter(p => p.block === block.id)) {
      const field = box.querySelector(`[data-option="${p.option}"]`);
      if (!field) continue;
      g.classList.add('has-template-param');
      field.classList.add('template-param');
      field.title = p.hint ? `${p.label} (for example ${p.hint})` : p.label;
      if (p.hint && 'placeholder' in field && !field.value) field.placeholder = p.hint;
    }
  }

  drawPorts(g, block, type) {
    const { pipe } = this.editor;
    const add = (side, index, name) => {
      const port = { side, index };
      const at = portOffset(pipe, block, type, port);
      const kind = portKind(type, side);
      const c = svg('circle', {
        class: `port port-${side}`, cx: at.x, cy: at.y, r: 7, tabindex: 0, role: 'button',
        'data-port': `${side}:${index}`, 'data-kind': kind, 'aria-label': `${name} (${kind}) of ${block.name || block.type}`,
      }, g);
      svg('title', {}, c).textContent = `${name}: ${kind}`;
    };
    const inputs = inputCount(block, type);
    for (let i = 0; i < inputs; i++) add('in', i, inputs > 1 ? `Input ${i + 1}` : 'Input');
    if (block.id !== 'output') {
      const outputs = outputCount(pipe, block);
      for (let i = 0; i < outputs; i++) add('out', i, outputs > 1 ? `Output ${i + 1}` : 'Output');
    }
    specsOf(block, type).forEach((spec, i) => { if (spec.textPort) add('text', i, `Text for ${spec.label}`); });
  }

  /** The page position of a port (for wires), in canvas coordinates. */
  portPoint(blockId, port) {
    const { pipe, types } = this.editor;
    const b = find(pipe, blockId);
    const at = portOffset(pipe, b, types.get(b.type), port);
    return { x: b.x + at.x, y: b.y + at.y };
  }

  drawWires() {
    this.wires.replaceChildren();
    const selected = this.editor.selection.wire;
    for (const c of connections(this.editor.pipe)) {
      const a = this.portPoint(c.from, { side: 'out', index: c.fromSlot });
      const b = this.portPoint(c.to, c.port);
      const portName = `${c.port.side}:${c.port.index}`;
      const g = svg('g', {
        class: `wire${selected && selected.to === c.to && selected.port === portName ? ' selected' : ''}`,
        'data-from': c.from, 'data-to': c.to, 'data-port': portName,
      }, this.wires);
      const d = wirePath(a, b, c.port.side === 'text');
      svg('path', { class: 'wire-hit', d }, g);
      svg('path', { class: 'wire-line', d }, g);
    }
  }

  /** Moves drawn blocks to their model positions without redrawing them (during drags). */
  moveBlocks(ids) {
    for (const id of ids) {
      const b = find(this.editor.pipe, id);
      const g = this.blockElement(id);
      if (b && g) g.setAttribute('transform', `translate(${b.x} ${b.y})`);
    }
    this.drawWires();
  }

  showSelection() {
    const ids = this.editor.selection.ids;
    for (const g of this.blocks.querySelectorAll('g.block')) {
      const on = ids.has(g.dataset.blockId);
      g.classList.toggle('selected', on);
    }
  }

  /** A wire following the pointer while connecting. */
  drawTemporaryWire(from, to) {
    this.overlay.replaceChildren();
    if (from && to) svg('path', { class: 'wire-temp', d: wirePath(from, to, false) }, this.overlay);
  }

  drawBand(a, b) {
    this.overlay.replaceChildren();
    if (!a || !b) return;
    svg('rect', { class: 'band', x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }, this.overlay);
  }

  /** Ids of blocks inside the rectangle a–b (canvas coordinates). */
  blocksIn(a, b) {
    const x1 = Math.min(a.x, b.x), x2 = Math.max(a.x, b.x), y1 = Math.min(a.y, b.y), y2 = Math.max(a.y, b.y);
    const { types } = this.editor;
    return this.editor.pipe.blocks.filter(bl => bl.x < x2 && bl.x + WIDTH > x1 && bl.y < y2
      && bl.y + blockHeight(bl, types.get(bl.type)) > y1).map(bl => bl.id);
  }

  /** Marks ports that could take (or give) a connection from `start` ({id, port}). */
  highlightPorts(judge) {
    for (const c of this.blocks.querySelectorAll('circle.port')) {
      const verdict = judge(c.closest('g.block').dataset.blockId, c.dataset.port);
      c.classList.toggle('compatible', verdict === true);
      c.classList.toggle('incompatible', verdict === false);
    }
  }

  clearHighlights() {
    for (const c of this.blocks.querySelectorAll('circle.port.compatible, circle.port.incompatible, circle.port.pending')) {
      c.classList.remove('compatible', 'incompatible', 'pending');
    }
    this.overlay.replaceChildren();
  }
}
