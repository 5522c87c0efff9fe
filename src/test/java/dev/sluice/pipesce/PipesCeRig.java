package dev.sluice.pipesce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * What the Pipes CE semantics tests share: a real Sluice server, an upstream on loopback that
 * serves the fixtures each row names (with the content type it is given), and pipes written the
 * way Pipes CE's editor saves them, run through the editor's {@code /api/run}.
 */
final class PipesCeRig implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The account the rig's runs are made as (and saved pipes belong to). */
    static final String OWNER = "pipes-ce@example.org";

    private final MockWebServer upstream = new MockWebServer();
    private final Map<String, MockResponse> files = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final TestServer server;
    private final String token;

    PipesCeRig() {
        this(upstreamBase -> Map.of());
    }

    /**
     * A rig whose server runs with the settings {@code env} makes from the upstream's base URL
     * ({@code http://127.0.0.1:port/}): gateway URLs for the integration blocks, for example,
     * so that RSS-Bridge and rssbox requests land on the upstream too.
     */
    PipesCeRig(Function<String, Map<String, String>> env) {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath().replaceFirst("^/", "");
                requested.add("/" + path);
                MockResponse r = files.get(path);
                if (r == null) {
                    r = files.get(path.replaceFirst("\\?.*$", ""));
                }
                return r != null ? r : new MockResponse().setResponseCode(404).setBody("no such file");
            }
        });
        try {
            upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new TestServer(env.apply(url("")));
        token = server.token(OWNER);
    }

    /** The server, for what /api/run cannot show: saved pipes and their feed URLs. */
    TestServer server() {
        return server;
    }

    /** Serves {@code body} at {@code /name} with {@code contentType}; returns its URL. */
    String serve(String name, String contentType, String body) {
        files.put(name, new MockResponse().setResponseCode(200).setHeader("Content-Type", contentType)
                .setBody(new Buffer().write(body.getBytes(StandardCharsets.UTF_8))));
        return url(name);
    }

    /** The paths (with their queries) the upstream was asked for, in order. */
    List<String> requests() {
        return List.copyOf(requested);
    }

    String url(String name) {
        return "http://127.0.0.1:" + upstream.getPort() + "/" + name;
    }

    /** Runs a pipe through {@code /api/run} as the editor does; the answer's JSON. */
    JsonNode run(Pipe pipe) {
        return run(pipe.json());
    }

    JsonNode run(String pipeJson) {
        return run(pipeJson, Map.of(), "");
    }

    /**
     * Runs a pipe with pipe parameters ({@code ?name=value} of a feed URL) up to block
     * {@code block} ("" = the Output block), as the inspector does.
     */
    JsonNode run(String pipeJson, Map<String, String> params, String block) {
        String body = "{\"pipe\":" + pipeJson + ",\"params\":" + JSON.valueToTree(params)
                + ",\"block\":" + JSON.valueToTree(block) + "}";
        HttpResponse<String> r = server.send("POST", "/api/run", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The titles of the items of a run's answer, in order. */
    static List<String> titles(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("items").forEach(i -> out.add(i.path("title").asText()));
        return out;
    }

    /** The messages of a run's errors. */
    static List<String> errors(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("errors").forEach(e -> out.add(e.path("message").asText()));
        return out;
    }

    @Override
    public void close() {
        server.close();
        try {
            upstream.shutdown();
        } catch (IOException e) {
            // a test server going away: nothing to do
        }
    }

    /** A pipe in Pipes CE's saved shape: blocks with id, type, userinputs and inputs. */
    static final class Pipe {
        private final ArrayNode blocks = JSON.createArrayNode();

        /**
         * Adds a block fed by the blocks {@code from} (their output slot 0, in input-slot order;
         * null leaves a slot empty). Options are strings, booleans or numbers, as Pipes CE saves them.
         */
        Pipe block(String id, String type, List<?> userinputs, String... from) {
            ObjectNode b = blocks.addObject().put("id", id).put("type", type);
            ArrayNode in = b.putArray("inputs");
            for (String f : from) {
                if (f == null) {
                    in.addObject();
                } else {
                    in.addObject().put("from", f).put("from_output_slot", 0);
                }
            }
            ArrayNode ui = b.putArray("userinputs");
            userinputs.forEach(v -> ui.add(JSON.valueToTree(v)));
            b.putArray("textinputs");
            return this;
        }

        /** Connects the text output of block {@code from} to text connector {@code slot} of block {@code id}. */
        Pipe text(String id, int slot, String from) {
            for (var b : blocks) {
                if (b.path("id").asText().equals(id)) {
                    ArrayNode t = (ArrayNode) b.get("textinputs");
                    while (t.size() <= slot) {
                        t.addObject();
                    }
                    t.set(slot, JSON.createObjectNode().put("from", from).put("from_output_slot", 0));
                    return this;
                }
            }
            throw new IllegalArgumentException("no block " + id);
        }

        /** The Output block, fed by {@code from}. */
        Pipe output(String from) {
            return block("output", "OutputBlock", List.of(), from);
        }

        String json() {
            return "{\"blocks\":" + blocks + "}";
        }
    }
}
