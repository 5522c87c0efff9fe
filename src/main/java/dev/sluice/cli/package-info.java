/** The {@code sluice} command line (picocli): serve, run, import, user plan, token create. */
package dev.sluice.cli;
