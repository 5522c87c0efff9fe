package dev.sluice.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * A socket factory that refuses, and records, any connection to an address outside loopback:
 * the tripwire proving that no test traffic ever leaves 127.0.0.0/8 and ::1.
 */
final class LoopbackOnlySocketFactory extends SocketFactory {

    final List<SocketAddress> violations = new CopyOnWriteArrayList<>();
    final List<SocketAddress> connections = new CopyOnWriteArrayList<>();

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetAddress address = endpoint instanceof InetSocketAddress isa ? isa.getAddress() : null;
                if (address == null || !address.isLoopbackAddress()) {
                    violations.add(endpoint);
                    throw new SocketException("test forbids connecting to " + endpoint);
                }
                connections.add(endpoint);
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }
}
