// Keyboard: shortcuts (Ctrl+Z/Y, Ctrl+Shift+Z, Ctrl+S, Ctrl+C/V, Ctrl+A, Delete, Escape), arrow
// keys move the selection (or pan the view), Enter on a port connects click-click style.

import { typingIn } from './dom.js';
import * as model from './model.js';
import * as clipboard from './clipboard.js';

const STEP = 10;
const BIG_STEP = 50;
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function bindKeys(editor, gestures, save) {
  const canvasEl = editor.canvas.svg;
  const inCanvas = target => canvasEl.contains(target) || target === document.body;

  document.addEventListener('keydown', e => {
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (ctrl && key === 's') {
      e.preventDefault();
      save();
      return;
    }
    if (typingIn(e.target)) return; // text fields keep their own undo, copy and arrows
    if (ctrl && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) editor.redo(); else editor.undo();
    } else if (ctrl && key === 'y') {
      e.preventDefault();
      editor.redo();
    } else if (ctrl && key === 'c' && editor.selection.ids.size && inCanvas(e.target)) {
      clipboard.put(model.copyBlocks(editor.pipe, editor.selection.ids));
      editor.status(`Copied ${editor.selection.ids.size} block(s)`, 'info');
    } else if (ctrl && key === 'v' && inCanvas(e.target)) {
      paste(editor);
    } else if (ctrl && key === 'a' && inCanvas(e.target)) {
      e.preventDefault();
      editor.select(editor.pipe.blocks.map(b => b.id));
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && inCanvas(e.target)) {
      e.preventDefault();
      editor.deleteSelection();
    } else if (e.key === 'Escape') {
      gestures.cancelPending();
      editor.select([]);
    } else if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('circle.port')) {
      e.preventDefault();
      gestures.clickPort({ id: e.target.closest('g.block').dataset.blockId, port: e.target.dataset.port });
    } else if (e.key === 'F2' && editor.selection.single()) {
      editor.promptRename(editor.selection.single());
    } else if (ARROWS[e.key] && inCanvas(e.target)) {
      e.preventDefault();
      const [dx, dy] = ARROWS[e.key].map(v => v * (e.shiftKey ? BIG_STEP : STEP));
      if (editor.selection.ids.size) moveSelection(editor, dx, dy);
      else editor.canvas.pan(-dx, -dy);
    }
  });

  // Tabbing to a block selects it, so the keyboard reaches everything the mouse does.
  canvasEl.addEventListener('focusin', e => {
    const g = e.target.closest && e.target.closest('g.block');
    if (g && !editor.selection.ids.has(g.dataset.blockId)) editor.select([g.dataset.blockId]);
  });
}

function moveSelection(editor, dx, dy) {
  const ids = [...editor.selection.ids];
  editor.edit('move', ids[0], pipe => ids.forEach(id => {
    const b = model.find(pipe, id);
    model.moveBlock(pipe, id, b.x + dx, b.y + dy);
  }), { redraw: false });
  editor.canvas.moveBlocks(ids);
}

function paste(editor) {
  const fragment = clipboard.take();
  if (!fragment || !fragment.blocks || !fragment.blocks.length) {
    editor.status('Nothing to paste: copy blocks with Ctrl+C first', 'info');
    return;
  }
  const ids = editor.edit('add', null, pipe => model.pasteBlocks(pipe, editor.types, fragment, 30, 30));
  editor.select(ids);
  editor.status(`Pasted ${ids.length} block(s)`, 'info');
}
