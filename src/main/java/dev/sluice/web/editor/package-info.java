/**
 * The browser editor's server side: its page, and the Extract picker's sandboxed page of a
 * downloaded site ({@link dev.sluice.web.editor.PickerPage}).
 */
package dev.sluice.web.editor;
