// Undo/redo of every edit: each entry is the pipe as it was before the edit (a JSON snapshot),
// which keeps edits simple functions and makes undo exact whatever the edit did.

export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.done = [];
    this.undone = [];
  }

  /** Call before an edit of `kind` with the snapshot of the pipe before it. */
  record(kind, before) {
    this.done.push({ kind, snapshot: before });
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The snapshot to go back to (the current one is kept for redo), or null. */
  undo(current) {
    const entry = this.done.pop();
    if (!entry) return null;
    this.undone.push({ kind: entry.kind, snapshot: current });
    return entry;
  }

  redo(current) {
    const entry = this.undone.pop();
    if (!entry) return null;
    this.done.push({ kind: entry.kind, snapshot: current });
    return entry;
  }

  get canUndo() { return this.done.length > 0; }

  get canRedo() { return this.undone.length > 0; }

  clear() {
    this.done = [];
    this.undone = [];
  }
}
