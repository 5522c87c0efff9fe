// The palette: block types by category with their help, from /api/blocks. An entry
// is dragged onto the canvas, or clicked / activated with Enter to add the block in view.

import { html } from './dom.js';
import { WIDTH } from './canvas.js';

const CATEGORIES = ['Inputs', 'Integrations', 'Manipulate', 'Control', 'Create', 'Data'];
const SLOP = 5;

export function renderPalette(nav, types, editor) {
  nav.replaceChildren();
  let added = 0;
  const place = () => {
    const c = editor.canvas.center();
    const shift = (added++ % 6) * 24;
    return { x: c.x - WIDTH / 2 + shift, y: c.y - 60 + shift };
  };
  for (const category of CATEGORIES) {
    const entries = [...types.values()].filter(t => t.palette && t.category === category);
    if (!entries.length) continue;
    const section = html('section', { class: 'palette-group', 'aria-label': category }, nav);
    html('h2', {}, section, category);
    const list = html('ul', {}, section);
    for (const type of entries) {
      const item = html('li', {}, list);
      const helpId = `help-${type.type}`;
      const button = html('button', {
        type: 'button', class: 'palette-entry', 'data-type': type.type, 'aria-describedby': helpId,
      }, item, type.label);
      html('p', { class: 'help', id: helpId }, item, type.help);
      button.addEventListener('click', () => {
        if (button.dataset.dragged) { delete button.dataset.dragged; return; }
        const at = place();
        editor.addBlock(type.type, at.x, at.y);
      });
      dragToCanvas(button, type, editor);
    }
  }
}

/** Pointer-driven drag (HTML drag-and-drop does not reach SVG reliably, nor Selenium). */
function dragToCanvas(button, type, editor) {
  button.addEventListener('pointerdown', down => {
    if (down.button !== 0) return;
    let ghost = null;
    const move = e => {
      if (!ghost && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < SLOP) return;
      if (!ghost) ghost = html('div', { class: 'drag-ghost', 'aria-hidden': 'true' }, document.body, type.label);
      ghost.style.left = `${e.clientX + 6}px`;
      ghost.style.top = `${e.clientY + 6}px`;
    };
    const up = e => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (!ghost) return;
      ghost.remove();
      button.dataset.dragged = 'yes';
      setTimeout(() => delete button.dataset.dragged, 0);
      const r = editor.canvas.svg.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) return;
      const p = editor.canvas.toCanvas(e.clientX, e.clientY);
      editor.addBlock(type.type, p.x - WIDTH / 2, p.y - 15);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  });
}
