// Opening and saving: /editor/<id> (the owner edits; others get a copy),
// /editor?fork=<id>, Save to the API, the logged-out trip through login, drafts and the
// unsaved-changes guard.

import * as api from './api.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { html } from './dom.js';

const AUTOSAVE_MS = 800;

export class Saver {
  constructor(editor, { title, description, saved, offer }) {
    this.editor = editor;
    this.title = title;
    this.description = description;
    this.saved = saved;
    this.offer = offer;
    this.pipeId = document.body.dataset.pipeId || null;
    this.timer = null;
    this.saving = false;
    editor.on('change', () => this.autosave());
    for (const field of [title, description]) {
      field.addEventListener('input', () => { editor.dirty = true; this.autosave(); });
    }
    window.addEventListener('beforeunload', e => {
      if (!this.editor.dirty) return;
      this.saveDraftNow(); // the draft as it is now, whatever the user answers
      e.preventDefault();
      e.returnValue = '';
    });
    // Leaving within the autosave delay of the last change (a closed tab, another address):
    // the waiting draft is written at once rather than lost with the page.
    window.addEventListener('pagehide', () => this.saveDraftNow());
  }

  get loggedIn() {
    return document.body.dataset.loggedIn === 'true';
  }

  work() {
    return { pipe: model.writePipe(this.editor.pipe), title: this.title.value, description: this.description.value, pipeId: this.pipeId };
  }

  autosave() {
    if (!this.editor.dirty) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveDraftNow(), AUTOSAVE_MS);
  }

  /** Writes the draft an autosave is waiting to write, now. */
  saveDraftNow() {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.editor.dirty) storage.saveDraft(this.pipeId, this.work());
  }

  /** Loads what the address asks for: work kept through login, a pipe, a fork, or a new pipe. */
  async open() {
    const params = new URLSearchParams(location.search);
    const kept = params.has('restore') ? storage.pending() : null;
    if (kept && kept.pipe) {
      this.apply(kept);
      storage.dropPending();
      this.editor.dirty = true;
      this.editor.status('Your work is back — press Save to keep it', 'info');
      return;
    }
    if (!this.pipeId && params.has('template')) {
      await this.openTemplate(params.get('template'));
      return;
    }
    const source = this.pipeId || params.get('fork');
    if (!source) {
      this.editor.load(model.emptyPipe());
      this.offerDraft();
      return;
    }
    let stored;
    try {
      stored = await api.loadPipe(source);
    } catch (e) {
      this.pipeId = null;
      this.editor.load(model.emptyPipe());
      this.editor.status(`The pipe could not be opened: ${e.message}`, 'error');
      return;
    }
    let pipe;
    try {
      pipe = model.readPipe(stored.pipe);
    } catch (e) {
      this.editor.status(`The pipe could not be read: ${e.message}`, 'error');
      return;
    }
    if (params.has('fork') || !stored.mine || !this.pipeId) {
      // A copy: Webhook blocks get new hook URLs and no secret, and Save makes a new pipe.
      model.freshWebhooks(pipe);
      this.pipeId = null;
      this.title.value = stored.title ? `Copy of ${stored.title}` : '';
      this.editor.status('This is a copy: saving makes a new pipe of yours', 'info');
    } else {
      this.title.value = stored.title || '';
      this.showSaved(stored);
    }
    this.description.value = stored.description || '';
    this.editor.load(pipe);
    this.editor.canvas.fit();
    this.offerDraft();
  }

  /**
   * A starter template as an unsaved copy: new hook URLs, its options to fill in highlighted
   * (editor.templateParams) and named in the status line.
   */
  async openTemplate(id) {
    let template;
    let pipe;
    try {
      template = await api.loadTemplate(id);
      pipe = model.readPipe(template.pipe);
    } catch (e) {
      this.editor.load(model.emptyPipe());
      this.editor.status(`The template could not be opened: ${e.message}`, 'error');
      return;
    }
    model.freshWebhooks(pipe);
    this.pipeId = null;
    this.title.value = template.title || '';
    this.description.value = template.description || '';
    this.editor.templateParams = template.params || [];
    this.editor.load(pipe);
    this.editor.canvas.fit();
    this.editor.dirty = true;
    const fill = this.editor.templateParams.map(p => p.label).join(' · ');
    this.editor.status(fill ? `Template "${template.title}": fill in the highlighted options — ${fill}` : `Template "${template.title}"`, 'info');
  }

  apply(work) {
    this.pipeId = work.pipeId || null;
    this.title.value = work.title || '';
    this.description.value = work.description || '';
    this.editor.load(model.readPipe(work.pipe));
    this.editor.canvas.fit();
    if (this.pipeId) history.replaceState(null, '', `/editor/${this.pipeId}`);
  }

  /** A draft of this pipe kept in the browser (a crash, a closed tab) is offered, not forced. */
  offerDraft() {
    const draft = storage.draft(this.pipeId);
    this.offer.replaceChildren();
    this.offer.hidden = true;
    if (!draft || !draft.pipe || JSON.stringify(draft.pipe) === JSON.stringify(model.writePipe(this.editor.pipe))) return;
    this.offer.hidden = false;
    const when = new Date(draft.savedAt).toLocaleString();
    this.offer.append(`An unsaved draft of this pipe from ${when} is kept in this browser. `);
    const restore = html('button', { type: 'button', id: 'restore-draft' }, this.offer, 'Restore draft');
    const discard = html('button', { type: 'button', id: 'discard-draft' }, this.offer, 'Discard it');
    restore.addEventListener('click', () => {
      this.offer.hidden = true;
      this.title.value = draft.title || this.title.value;
      this.description.value = draft.description || this.description.value;
      this.editor.load(model.readPipe(draft.pipe), { undoable: true });
      this.editor.dirty = true;
      this.editor.status('Draft restored', 'info');
    });
    discard.addEventListener('click', () => {
      storage.dropDraft(this.pipeId);
      this.offer.hidden = true;
    });
  }

  async save() {
    if (this.saving) return;
    const work = this.work();
    if (!this.loggedIn) {
      this.toLogin(work);
      return;
    }
    const body = { title: work.title, description: work.description, pipe: work.pipe };
    this.saving = true;
    this.editor.status('Saving…', 'info');
    try {
      const saved = this.pipeId ? await api.updatePipe(this.pipeId, body) : await api.createPipe(body);
      storage.dropDraft(this.pipeId);
      this.pipeId = saved.id;
      storage.dropDraft(this.pipeId);
      clearTimeout(this.timer);
      this.timer = null;
      this.editor.dirty = false;
      history.replaceState(null, '', `/editor/${saved.id}`);
      this.showSaved(saved);
      this.editor.status(`Saved (version ${saved.version})`, 'info');
    } catch (e) {
      if (e.status === 401) {
        this.toLogin(work);
        return;
      }
      this.editor.status(`Not saved: ${e.message}`, 'error');
      if (e.block) this.editor.select([e.block]);
    } finally {
      this.saving = false;
    }
  }

  /** Keeps the work in the browser and asks to log in; the editor restores it afterwards. */
  toLogin(work) {
    storage.keepPending(work);
    this.editor.dirty = false;
    this.editor.status('Log in to save — your work is kept in this browser', 'info');
    const back = `${work.pipeId ? `/editor/${work.pipeId}` : '/editor'}?restore=1`;
    location.assign(`/login?next=${encodeURIComponent(back)}`);
  }

  /** After saving: the feed URL the API gave and the preview link. */
  showSaved(stored) {
    this.saved.replaceChildren();
    this.saved.hidden = false;
    this.saved.append('Feed: ');
    if (stored.feedUrl) html('a', { id: 'feed-url', href: stored.feedUrl }, this.saved, stored.feedUrl);
    this.saved.append(' · ');
    html('a', { id: 'preview-link', href: `/preview/${encodeURIComponent(stored.id)}` }, this.saved, 'Preview');
  }
}
