package dev.sluice.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name to addresses. The system resolver in production; a fixed table in tests. */
@FunctionalInterface
public interface Resolver {

    Resolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
