/**
 * Accounts: passwordless login by e-mail link and Portier, server-side sessions, API tokens and
 * the secrets they are hashed with.
 */
package dev.sluice.auth;
