/**
 * The web app's pages: landing, the owner's dashboard, a pipe's page, the public
 * gallery, and the form actions behind them. Everything works without JavaScript: each action is
 * a form POST answered by a redirect to a page that shows a short {@link dev.sluice.web.Notice}.
 * Who may do what is {@link dev.sluice.web.PipeAccess}'s rule, shared with the JSON API.
 */
package dev.sluice.web.page;
