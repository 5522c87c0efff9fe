/** Plans: the limits an account runs under. */
package dev.sluice.plan;
