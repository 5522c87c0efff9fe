package dev.sluice.plan;

import java.time.Duration;

/** What an account may do: how long one run may take, how many pipes, whether JS rendering is on. */
public record Plan(String name, Duration runLimit, int maxPipes, boolean jsRendering) {
}
