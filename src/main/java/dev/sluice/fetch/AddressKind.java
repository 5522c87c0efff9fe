package dev.sluice.fetch;

/**
 * What an IP address is, for the SSRF guard. Only {@link #PUBLIC} addresses are fetched unless
 * private networks are allowed; every other kind names itself in the refusal message.
 */
public enum AddressKind {
    PUBLIC("a public address"),
    UNSPECIFIED("an unspecified (\"this host\") address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private address"),
    LINK_LOCAL("a link-local address"),
    SHARED("a carrier-grade NAT address"),
    MULTICAST("a multicast address"),
    BROADCAST("a broadcast address"),
    DOCUMENTATION("a documentation address"),
    BENCHMARKING("a benchmarking address"),
    RESERVED("a reserved address");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** With its article, for messages: "a loopback address". */
    public String description() {
        return description;
    }
}
