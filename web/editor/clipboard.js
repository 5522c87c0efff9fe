// Copy/paste of blocks within the editor (and across tabs, through localStorage).

const KEY = 'sluice.editor.clipboard';
let held = null;

export function put(fragment) {
  held = fragment;
  try { localStorage.setItem(KEY, JSON.stringify(fragment)); } catch (e) { /* memory copy is enough */ }
}

export function take() {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return JSON.parse(raw);
  } catch (e) { /* fall back to memory */ }
  return held;
}
