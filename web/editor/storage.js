// Drafts in localStorage: the work survives a reload, a crash and the trip through login.

const PREFIX = 'sluice.editor.draft.';
const PENDING = 'sluice.editor.pending';

const key = pipeId => PREFIX + (pipeId || 'new');

function read(name) {
  try {
    const raw = localStorage.getItem(name);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

function write(name, value) {
  try {
    localStorage.setItem(name, JSON.stringify(value));
    return true;
  } catch (e) {
    return false; // storage full or disabled: the editor still works, without drafts
  }
}

/** The autosaved draft of a pipe (or of the new pipe): {pipe, title, description, savedAt}. */
export const draft = pipeId => read(key(pipeId));
export const saveDraft = (pipeId, work) => write(key(pipeId), { ...work, savedAt: new Date().toISOString() });
export const dropDraft = pipeId => localStorage.removeItem(key(pipeId));

/** The work of someone who pressed Save while logged out, restored after login. */
export const pending = () => read(PENDING);
export const keepPending = work => write(PENDING, work);
export const dropPending = () => localStorage.removeItem(PENDING);
