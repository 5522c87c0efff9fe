package dev.sluice.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The embedded SMTP server (SubEthaSMTP) that newsletters are sent to: it speaks SMTP, advertises
 * the size limit (SIZE), and asks {@link InboxDelivery} at each step — MAIL FROM, RCPT TO, the
 * message — whether to accept. No relaying, no authentication, no TLS: it only receives mail for
 * its own domain, as an MX host does (TLS is a reverse proxy's or a later version's job).
 */
public final class SmtpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpReceiver.class);
    /** Connections served at once; more wait in the listen backlog. */
    static final int MAX_CONNECTIONS = 100;
    /** Connections one client address may hold at once. */
    static final int MAX_CONNECTIONS_PER_CLIENT = 5;
    /** Recipients of one mail: a newsletter goes to one inbox; many is a spray. */
    static final int MAX_RECIPIENTS = 20;
    /** Seconds a client may stay silent before it is disconnected. */
    static final int IDLE_SECONDS = 60;
    /** How much of a message beyond the limit is read (and thrown away) so the session can go on; past it the connection is closed. */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private final SMTPServer server;

    private SmtpReceiver(SMTPServer server) {
        this.server = server;
    }

    /**
     * Starts listening where {@code delivery}'s settings say.
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not this machine's)
     */
    public static SmtpReceiver start(InboxDelivery delivery) {
        InboxSettings settings = delivery.settings();
        InboxSettings.Listen listen = settings.listen();
        SMTPServer server;
        try {
            server = SMTPServer.port(listen.port())
                    .bindAddress(InetAddress.getByName(listen.host()))
                    .hostName(settings.domain())
                    .softwareName("Sluice")
                    .messageHandlerFactory(context -> new Transaction(delivery, clientKey(context)))
                    .maxMessageSize(settings.maxMailBytes())
                    .maxRecipients(MAX_RECIPIENTS)
                    .maxConnections(MAX_CONNECTIONS)
                    .sessionHandler(SessionHandler.limitConcurrentSessionsBySource(MAX_CONNECTIONS_PER_CLIENT))
                    .connectionTimeout(IDLE_SECONDS, TimeUnit.SECONDS)
                    .insertReceivedHeaders(false)
                    .build();
            server.start();
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalStateException("The SMTP receiver cannot listen on " + listen + " (SLUICE_SMTP_LISTEN): "
                    + e.getMessage(), e);
        }
        LOG.info("Receiving mail for *@{} on {}", settings.domain(), server.getDisplayableLocalSocketAddress());
        return new SmtpReceiver(server);
    }

    /** The port it listens on (the one picked when the settings said 0). */
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * What a client's rate is counted under: its IPv4 address, or the /64 network of an IPv6
     * address (one host commonly has a whole /64 to pick addresses from).
     */
    static String clientKey(MessageContext context) {
        SocketAddress remote = context.getRemoteAddress();
        InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (address == null) {
            return String.valueOf(remote);
        }
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    /** One mail transaction of a session (MAIL FROM … DATA). */
    private static final class Transaction implements MessageHandler {
        private final InboxDelivery delivery;
        private final String client;
        private final List<InboxDelivery.Recipient> recipients = new ArrayList<>();
        private String from = "";

        Transaction(InboxDelivery delivery, String client) {
            this.delivery = delivery;
            this.client = client;
        }

        @Override
        public void from(String from) throws RejectException {
            refuseIf(delivery.sender(client));
            this.from = from == null ? "" : from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            InboxDelivery.Addressed addressed = delivery.recipient(recipient);
            if (addressed.refusal() != null) {
                throw reject(addressed.refusal());
            }
            if (recipients.stream().noneMatch(r -> r.address().equals(addressed.recipient().address()))) {
                recipients.add(addressed.recipient());
            }
        }

        @Override
        public String data(InputStream in) throws RejectException, IOException {
            int max = delivery.settings().maxMailBytes();
            byte[] raw = in.readNBytes(max + 1);
            if (raw.length > max) {
                drain(in);
                throw reject(delivery.tooLarge());
            }
            refuseIf(delivery.deliver(from, recipients, raw));
            return null;
        }

        @Override
        public void done() {
            // nothing held
        }

        /**
         * Reads the rest of an oversized message, so the client's next command is read as one —
         * or, for one that keeps sending, closes the connection.
         */
        private static void drain(InputStream in) throws IOException, DropConnectionException {
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
                if (read > DRAIN_LIMIT) {
                    throw new DropConnectionException(552, "5.3.4 Message too big; closing the connection");
                }
            }
        }

        private static void refuseIf(Optional<InboxDelivery.Refusal> refusal) throws RejectException {
            if (refusal.isPresent()) {
                throw reject(refusal.get());
            }
        }

        private static RejectException reject(InboxDelivery.Refusal refusal) {
            return new RejectException(refusal.code(), refusal.text());
        }
    }
}
