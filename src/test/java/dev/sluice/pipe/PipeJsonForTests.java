package dev.sluice.pipe;

/** Small pipe JSON builders for tests, in the editor's format. */
public final class PipeJsonForTests {
    private PipeJsonForTests() {
    }

    public static String block(String id, String type, String userinputs, String inputs, String textinputs) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"x\":1,\"y\":2,\"name\":\"" + type.replace("Block", "")
                + "\",\"userinputs\":" + userinputs + ",\"inputs\":" + inputs + ",\"textinputs\":" + textinputs + "}";
    }

    public static String from(String id) {
        return "[{\"from\":\"" + id + "\",\"from_output_slot\":0}]";
    }

    /** Inputs from several blocks, one slot each. */
    public static String fromAll(String... ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"from\":\"").append(ids[i]).append("\",\"from_output_slot\":0}");
        }
        return sb.append("]").toString();
    }

    public static String pipe(String... blocks) {
        return "{\"blocks\":[" + String.join(",", blocks) + "]}";
    }

    public static String output(String from) {
        return block("output", "OutputBlock", "[\"\"]", from(from), "[]");
    }

    public static String feed(String id, String url) {
        return block(id, "FeedBlock", "[\"" + url + "\"]", "[]", "[{}]");
    }
}
