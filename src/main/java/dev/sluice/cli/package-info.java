/** The {@code sluice} command line (picocli): serve, run, import. */
package dev.sluice.cli;
