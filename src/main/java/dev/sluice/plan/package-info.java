/** Plans: the limits an account runs under (SPEC §12). */
package dev.sluice.plan;
