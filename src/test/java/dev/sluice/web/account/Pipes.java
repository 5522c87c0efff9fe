package dev.sluice.web.account;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Pipe JSON for the account tests: valid pipes that never fetch anything. */
final class Pipes {
    static final String EMPTY = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
            + "\"inputs\":[{}],\"textinputs\":[]}]}";

    private Pipes() {
    }

    /** A pipe with a Webhook block of a fresh id and the given secret; the block's id is returned by {@link #hookIdOf}. */
    static String withWebhook(String secret) {
        byte[] id = new byte[5];
        new SecureRandom().nextBytes(id);
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],\"inputs\":[{\"from\":\""
                + HexFormat.of().formatHex(id) + "\",\"from_output_slot\":0}],\"textinputs\":[]},{\"id\":\""
                + HexFormat.of().formatHex(id) + "\",\"type\":\"WebhookBlock\",\"userinputs\":[\"events\",\"" + secret
                + "\"],\"inputs\":[],\"textinputs\":[]}]}";
    }

    static String hookIdOf(String json) {
        int type = json.indexOf("\"type\":\"WebhookBlock\"");
        int start = json.lastIndexOf("\"id\":\"", type) + 6;
        return json.substring(start, json.indexOf('"', start));
    }
}
