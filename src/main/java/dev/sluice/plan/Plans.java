package dev.sluice.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans of SPEC §12 — free, supporter, pro — or those of a JSON file of the same shape
 * ({@code SLUICE_PLANS_FILE}). {@code SLUICE_RUN_LIMIT_MS} overrides every plan's run limit.
 */
public final class Plans {
    public static final String DEFAULT = "free";

    private final Map<String, Plan> plans;

    private Plans(Map<String, Plan> plans) {
        // Kept in the order defined, so lists of plans read free, supporter, pro.
        this.plans = Collections.unmodifiableMap(new LinkedHashMap<>(plans));
    }

    public static Plans defaults() {
        Map<String, Plan> m = new LinkedHashMap<>();
        m.put("free", new Plan("free", Duration.ofSeconds(10), 50, false));
        m.put("supporter", new Plan("supporter", Duration.ofSeconds(20), 500, false));
        m.put("pro", new Plan("pro", Duration.ofSeconds(30), 5000, true));
        return new Plans(m);
    }

    /**
     * @param file             a plans JSON file, or null for the defaults
     * @param runLimitOverride a run limit for every plan, or null
     */
    public static Plans load(Path file, Duration runLimitOverride) {
        Plans base = file == null ? defaults() : fromFile(file);
        if (runLimitOverride == null) {
            return base;
        }
        Map<String, Plan> m = new LinkedHashMap<>();
        base.plans.forEach((k, p) -> m.put(k, new Plan(p.name(), runLimitOverride, p.maxPipes(), p.jsRendering())));
        return new Plans(m);
    }

    private static Plans fromFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("SLUICE_PLANS_FILE " + file + " is not readable JSON: " + e.getMessage());
        }
        Map<String, Plan> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("runLimitMs").canConvertToLong() || p.path("runLimitMs").asLong() <= 0) {
                throw new IllegalArgumentException("Plan \"" + e.getKey() + "\" in " + file + " needs a positive runLimitMs");
            }
            m.put(e.getKey(), new Plan(e.getKey(), Duration.ofMillis(p.get("runLimitMs").asLong()),
                    p.path("maxPipes").asInt(50), p.path("jsRendering").asBoolean(false)));
        }
        if (!m.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("SLUICE_PLANS_FILE " + file + " must define the \"free\" plan");
        }
        return new Plans(m);
    }

    /** The named plan; unknown names fall back to the free plan. */
    public Plan get(String name) {
        return plans.getOrDefault(name, plans.get(DEFAULT));
    }

    /** The longest run limit of any plan: how long an in-flight run may still take at shutdown. */
    public Duration longestRunLimit() {
        return plans.values().stream().map(Plan::runLimit).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public boolean exists(String name) {
        return plans.containsKey(name);
    }

    /** The plans' names, in the order they are defined. */
    public List<String> names() {
        return List.copyOf(plans.keySet());
    }
}
