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
import java.util.stream.Stream;

/**
 * The plans — free, supporter, pro — or those of a JSON file of the same shape
 * ({@code SLUICE_PLANS_FILE}). {@code SLUICE_RUN_LIMIT_MS} overrides every plan's run limit.
 *
 * <p>Beside the account plans there is the {@code anonymous} plan: what the editor's inspector
 * may do for a visitor with no account. It is kept apart from the others because no account can
 * be moved to it, and a plans file that does not name it keeps the built-in one.
 */
public final class Plans {
    public static final String DEFAULT = "free";
    /** The name of the plan for runs by visitors with no account, in the plans file too. */
    public static final String ANONYMOUS = "anonymous";
    /** Short runs and no browser: anyone can start them, so they must stay cheap. */
    static final Plan ANONYMOUS_DEFAULT = new Plan(ANONYMOUS, Duration.ofSeconds(3), 0, false);

    private final Map<String, Plan> plans;
    private final Plan anonymous;

    private Plans(Map<String, Plan> plans, Plan anonymous) {
        // Kept in the order defined, so lists of plans read free, supporter, pro.
        this.plans = Collections.unmodifiableMap(new LinkedHashMap<>(plans));
        this.anonymous = anonymous;
    }

    public static Plans defaults() {
        Map<String, Plan> m = new LinkedHashMap<>();
        m.put("free", new Plan("free", Duration.ofSeconds(10), 50, false));
        m.put("supporter", new Plan("supporter", Duration.ofSeconds(20), 500, false));
        m.put("pro", new Plan("pro", Duration.ofSeconds(30), 5000, true));
        return new Plans(m, ANONYMOUS_DEFAULT);
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
        base.plans.forEach((k, p) -> m.put(k, withRunLimit(p, runLimitOverride)));
        return new Plans(m, withRunLimit(base.anonymous, runLimitOverride));
    }

    private static Plan withRunLimit(Plan p, Duration runLimit) {
        return new Plan(p.name(), runLimit, p.maxPipes(), p.jsRendering());
    }

    private static Plans fromFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("SLUICE_PLANS_FILE " + file + " is not readable JSON: " + e.getMessage());
        }
        Map<String, Plan> m = new LinkedHashMap<>();
        Plan anonymous = ANONYMOUS_DEFAULT;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("runLimitMs").canConvertToLong() || p.path("runLimitMs").asLong() <= 0) {
                throw new IllegalArgumentException("Plan \"" + e.getKey() + "\" in " + file + " needs a positive runLimitMs");
            }
            Duration runLimit = Duration.ofMillis(p.get("runLimitMs").asLong());
            if (e.getKey().equals(ANONYMOUS)) {
                // Visitors save nothing, so the plan has no pipes whatever the file says.
                anonymous = new Plan(ANONYMOUS, runLimit, 0, p.path("jsRendering").asBoolean(false));
                continue;
            }
            m.put(e.getKey(), new Plan(e.getKey(), runLimit, p.path("maxPipes").asInt(50), p.path("jsRendering").asBoolean(false)));
        }
        if (!m.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("SLUICE_PLANS_FILE " + file + " must define the \"free\" plan");
        }
        return new Plans(m, anonymous);
    }

    /** The named plan; unknown names fall back to the free plan. */
    public Plan get(String name) {
        return plans.getOrDefault(name, plans.get(DEFAULT));
    }

    /** The plan of runs by visitors with no account (the editor's inspector before login). */
    public Plan anonymous() {
        return anonymous;
    }

    /** The longest run limit of any plan: how long an in-flight run may still take at shutdown. */
    public Duration longestRunLimit() {
        return Stream.concat(plans.values().stream(), Stream.of(anonymous))
                .map(Plan::runLimit).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Whether an account may be on plan {@code name}; the anonymous plan is no account's. */
    public boolean exists(String name) {
        return plans.containsKey(name);
    }

    /** The account plans' names, in the order they are defined. */
    public List<String> names() {
        return List.copyOf(plans.keySet());
    }
}
