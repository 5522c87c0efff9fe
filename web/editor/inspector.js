// Placeholder: the inspector helper (branch wt-inspector) replaces this file.
export function mountInspector() {}
