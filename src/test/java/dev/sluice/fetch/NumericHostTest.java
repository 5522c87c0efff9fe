package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericHostTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "2130706433, 127.0.0.1",
            "0x7f000001, 127.0.0.1",
            "0X7F000001, 127.0.0.1",
            "127.1, 127.0.0.1",
            "127.0.1, 127.0.0.1",
            "0177.0.0.1, 127.0.0.1",
            "017700000001, 127.0.0.1",
            "0x7f.1, 127.0.0.1",
            "127.0.0.1., 127.0.0.1",
            "0, 0.0.0.0",
            "010.0.0.1, 8.0.0.1",
            "3232235777, 192.168.1.1",
            "0xa9fea9fe, 169.254.169.254",
    })
    void decodesInetAtonSpellings(String host, String expected) throws UnknownHostException {
        assertThat(NumericHost.looksNumeric(host)).isTrue();
        assertThat(InetAddress.getByAddress(NumericHost.inetAton(host)).getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "4294967296", "0x1ffffffff", "1..2", "09.0.0.1"})
    void numericButNoAddress(String host) {
        assertThat(NumericHost.looksNumeric(host)).isTrue();
        assertThat(NumericHost.inetAton(host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "1.2.3.4.example.com", "0xdead.beef.example", "feed", "xn--bcher-kva.example"})
    void namesAreNotNumeric(String host) {
        assertThat(NumericHost.looksNumeric(host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "0.0.0.0, true", "255.255.255.255, true", "127.000.0.1, false", "127.1, false",
            "256.1.1.1, false", "1.2.3.4., false", "01.2.3.4, false"})
    void recognisesPlainDottedQuads(String host, boolean plain) {
        assertThat(NumericHost.dottedQuad(host) != null).isEqualTo(plain);
    }
}
