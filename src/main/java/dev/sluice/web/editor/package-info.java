/**
 * The browser editor's page: the server side is only the HTML shell and who may open
 * which pipe; everything else is the JavaScript in {@code web/editor/}, talking to the JSON API.
 * The one other route is the Extract picker's sandboxed copy of a downloaded page
 * ({@link dev.sluice.web.editor.PickerPage}).
 */
package dev.sluice.web.editor;
