/**
 * The settings page and the account's own routes: e-mail change, plan and limits,
 * API tokens, export and import of pipes, account deletion, and the OPML list of one's feeds.
 * Plain HTML forms that work without JavaScript: each POST answers with a redirect back to the
 * page (POST/redirect/GET) and a one-time message, or, when refused, with the page and a 4xx.
 */
package dev.sluice.web.account;
