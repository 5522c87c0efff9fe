package dev.sluice.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * The SSRF guard at the one place OkHttp learns where to connect: every address a name resolves
 * to is checked, one refused address refuses the name (a DNS answer mixing public and private
 * addresses is an attack, not a fallback), and OkHttp gets exactly the checked list, so there is
 * no second lookup an attacker's DNS could answer differently.
 */
final class GuardedDns implements Dns {

    private final Resolver resolver;
    private final AddressPolicy policy;

    GuardedDns(Resolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " has no addresses");
        }
        for (InetAddress address : addresses) {
            Optional<AddressKind> refused = policy.refusedKind(address);
            if (refused.isPresent()) {
                throw new AddressRefusedException(host + " resolves to " + refused.get().description() + " "
                        + AddressPolicy.text(address) + ", refused");
            }
        }
        return List.of(addresses);
    }
}
