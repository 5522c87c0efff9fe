// What is selected: a set of block ids, or one connection (for deleting it).

export class Selection {
  constructor() {
    this.ids = new Set();
    this.wire = null; // {to, port: "in:0"}
  }

  /** The single selected block's id, or null (none or several). */
  single() {
    return this.ids.size === 1 ? [...this.ids][0] : null;
  }

  set(ids) {
    this.ids = new Set(ids);
    this.wire = null;
  }

  toggle(id) {
    if (this.ids.has(id)) this.ids.delete(id); else this.ids.add(id);
    this.wire = null;
  }

  selectWire(wire) {
    this.ids = new Set();
    this.wire = wire;
  }

  /** Drops ids of blocks that no longer exist (after undo, delete or load). */
  keepOnly(existing) {
    this.ids = new Set([...this.ids].filter(id => existing.has(id)));
  }
}
