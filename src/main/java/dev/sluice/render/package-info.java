/**
 * JavaScript rendering for the Download block: a headless browser loads the page,
 * but never opens a network connection itself. Every request it makes (the page, its scripts,
 * images, XHR) is paused over the DevTools protocol and answered from the shared SSRF-guarded
 * downloader, so a page's scripts reach no address the downloader would refuse.
 */
package dev.sluice.render;
