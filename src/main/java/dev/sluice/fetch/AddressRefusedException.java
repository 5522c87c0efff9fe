package dev.sluice.fetch;

import java.net.UnknownHostException;

/**
 * Thrown by {@link GuardedDns} when a host resolves to a refused address. It extends
 * {@link UnknownHostException} because that is what OkHttp lets through from a {@code Dns}
 * unchanged; the downloader turns it into {@link FetchFailure.Refused}.
 */
final class AddressRefusedException extends UnknownHostException {

    AddressRefusedException(String message) {
        super(message);
    }
}
