/** The application: configuration, wiring of all services, and the command-line entry point. */
package dev.sluice.app;
