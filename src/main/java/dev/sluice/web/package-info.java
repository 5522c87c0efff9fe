/**
 * HTTP: Javalin routes for feeds, previews, the JSON API and health checks, with the security
 * headers and error mapping every route shares. Routes are thin; the work is in the services.
 */
package dev.sluice.web;
