// The pipe's JSON in a dialog: to look at it, copy it, or paste a pipe (e.g. one saved by
// Pipes CE) to load it — an undoable edit like any other.

import { readPipe, writePipe } from './model.js';

export function bindJsonDialog(editor) {
  const dialog = document.getElementById('json-dialog');
  const text = document.getElementById('json-text');
  const error = document.getElementById('json-error');
  document.getElementById('json').addEventListener('click', () => {
    text.value = JSON.stringify(writePipe(editor.pipe), null, 1);
    error.textContent = '';
    dialog.showModal();
  });
  document.getElementById('json-load').addEventListener('click', () => {
    let pipe;
    try {
      pipe = readPipe(text.value);
    } catch (e) {
      error.textContent = `Not loaded: ${e.message}`;
      return;
    }
    const unknown = [...new Set(pipe.blocks.map(b => b.type).filter(t => !editor.types.has(t)))];
    editor.load(pipe, { undoable: true });
    editor.canvas.fit();
    dialog.close();
    editor.status(unknown.length ? `Loaded; unknown block types kept as they are: ${unknown.join(', ')}` : 'Loaded the pasted pipe', unknown.length ? 'error' : 'info');
  });
}
