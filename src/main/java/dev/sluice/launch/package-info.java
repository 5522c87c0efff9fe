/** The jar's entry point: finds a Java 21+ runtime when the default one is older. */
package dev.sluice.launch;
