// The editor page's entry point: loads the block catalogue, builds the editor, wires the
// toolbar, keyboard and gestures, mounts the inspector (editor-contract.md) and opens the pipe.

import * as api from './api.js';
import { Editor } from './editor.js';
import { renderPalette } from './palette.js';
import { Gestures } from './gestures.js';
import { bindKeys } from './keys.js';
import { Saver } from './saving.js';
import { bindJsonDialog } from './json-dialog.js';

const $ = id => document.getElementById(id);

function status(message, kind = 'info') {
  const line = $('status');
  line.textContent = message;
  line.dataset.kind = kind;
}

/** The inspector's modules, optional: a broken or missing inspector must not take the editor down. */
async function optional(path, name) {
  try {
    const module = await import(path);
    if (typeof module[name] === 'function') return module[name];
  } catch (e) {
    console.warn(`${path} did not load; the editor works without it`, e);
  }
  return () => {};
}

async function boot() {
  const [enhanceField, mountInspector] = await Promise.all([optional('./fields.js', 'enhanceField'), optional('./inspector.js', 'mountInspector')]);
  let list;
  try {
    list = await api.blockTypes();
  } catch (e) {
    status(`The block catalogue could not be loaded: ${e.message}. Reload the page to try again.`, 'error');
    return;
  }
  const types = new Map(list.map(t => [t.type, t]));
  const editor = new Editor($('canvas'), types, { status, enhance: enhanceField });
  const gestures = new Gestures(editor, $('canvas'), $('trash'));
  const saver = new Saver(editor, { title: $('pipe-title'), description: $('pipe-description'), saved: $('saved'), offer: $('draft-offer') });
  renderPalette($('palette'), types, editor);
  bindKeys(editor, gestures, () => saver.save());
  bindJsonDialog(editor);

  $('undo').addEventListener('click', () => editor.undo());
  $('redo').addEventListener('click', () => editor.redo());
  $('zoom-in').addEventListener('click', () => editor.canvas.zoom(1.2));
  $('zoom-out').addEventListener('click', () => editor.canvas.zoom(1 / 1.2));
  $('fit').addEventListener('click', () => editor.canvas.fit());
  $('save').addEventListener('click', () => saver.save());
  $('trash').addEventListener('click', () => editor.deleteSelection());
  editor.on('change', () => {
    $('undo').disabled = !editor.history.canUndo;
    $('redo').disabled = !editor.history.canRedo;
  });

  try {
    mountInspector($('inspector'), editor.api);
  } catch (e) {
    console.warn('The inspector failed to start; the editor works without it', e);
  }
  await saver.open();
  document.body.dataset.ready = 'true'; // for tests and scripts: the editor is usable now
}

boot();
