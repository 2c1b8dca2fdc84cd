package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UdpBusAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "udp                                | udp:239.74.163.2:43113",
            "udp:                               | udp:239.74.163.2:43113",
            "UDP:                               | udp:239.74.163.2:43113",
            "udp::5000                          | udp:239.74.163.2:5000",
            "udp:239.1.2.3                      | udp:239.1.2.3:43113",
            "udp:224.0.0.251:5353               | udp:224.0.0.251:5353",
            "udp:239.74.163.2:43113?iface=lo    | udp:239.74.163.2:43113?iface=lo",
            "udp:239.74.163.2?ttl=4&iface=eth0  | udp:239.74.163.2:43113?iface=eth0&ttl=4",
            "udp:?ttl=1                         | udp:239.74.163.2:43113",
            "udp:[ff15:7079:7468:6f6e:6465:6d6f:6d63:6173]:43113 | udp:[ff15:7079:7468:6f6e:6465:6d6f:6d63:6173]:43113",
            "udp:[ff02::1]                      | udp:[ff02::1]:43113",
            "udp:[FF15:0:0:0::AB]:9             | udp:[ff15::ab]:9",
            "udp:[ff15:0:0:1:0:0:0:1]?ttl=3     | udp:[ff15:0:0:1::1]:43113?ttl=3",
            "udp:[ff15:0:1:0:0:1:0:1]           | udp:[ff15:0:1::1:0:1]:43113",
            "udp:[ff15:1:0:1:0:1:0:1]           | udp:[ff15:1:0:1:0:1:0:1]:43113",
            "udp:[ff15:1:2:3:4:5:6:0]           | udp:[ff15:1:2:3:4:5:6:0]:43113",
            "udp:[ff15:1:2:3:4:5:0:0]           | udp:[ff15:1:2:3:4:5::]:43113",
            "udp:[::ffff:239.1.2.3]             | udp:239.1.2.3:43113",
    })
    void parsesNamesToCanonicalForm(String name, String canonical) {
        UdpBusAddress a = UdpBusAddress.parse(name.trim());
        assertThat(a).hasToString(canonical.trim());
        // The canonical name opens the same bus.
        assertThat(UdpBusAddress.parse(a.toString())).isEqualTo(a);
    }

    @Test
    void keepsEveryPart() {
        UdpBusAddress a = UdpBusAddress.parse("udp:[ff15::1]:40000?iface=lo&ttl=0");
        assertThat(a.group()).isInstanceOf(Inet6Address.class);
        assertThat(a.isIpv6()).isTrue();
        assertThat(a.port()).isEqualTo(40000);
        assertThat(a.interfaceName()).isEqualTo(Optional.of("lo"));
        assertThat(a.ttl()).isZero();
        assertThat(UdpBusAddress.DEFAULTS.ttl()).isEqualTo(1);
        assertThat(UdpBusAddress.DEFAULTS.isIpv6()).isFalse();
        assertThat(UdpBusAddress.DEFAULTS.toString()).isEqualTo(CanBuses.DEFAULT_UDP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "udpx                        | expected ':' after \"udp\"",
            "udp:10.0.0.1                | 10.0.0.1 is not a multicast group",
            "udp:239.1.2.300             | is not a valid address",
            "udp:example.com             | host names are not looked up",
            "udp:239.1.2.3:0             | port \"0\" is not a number 1..65535",
            "udp:239.1.2.3:65536         | port \"65536\"",
            "udp:239.1.2.3:http          | port \"http\"",
            "udp:239.1.2.3:              | no port after ':'",
            "udp::                       | no port after ':'",
            "udp:ff15::1                 | an IPv6 group goes in brackets",
            "udp:ff15::1:43113           | an IPv6 group goes in brackets",
            "udp:[ff15::1                | no ']'",
            "udp:[ff15::1]x              | expected ':PORT' after ']'",
            "udp:[ff15::1]:              | no port after ':'",
            "udp:[fd00::1]:43113         | fd00::1 is not a multicast group",
            "udp:[239.1.2.3]             | is not an IPv6 address",
            "udp:239.1.2.3?iface=        | iface \"\" is not an interface name",
            "udp:239.1.2.3?iface=a b     | is not an interface name",
            "udp:239.1.2.3?ttl=256       | ttl \"256\" is not a number 0..255",
            "udp:239.1.2.3?ttl=-1        | ttl \"-1\"",
            "udp:239.1.2.3?loop=0        | unknown option \"loop=0\"",
            "udp:239.1.2.3?ttl=2&ttl=3   | ttl given twice",
    })
    void rejectsMalformedNamesWithAReason(String name, String reason) {
        assertThatThrownBy(() -> UdpBusAddress.parse(name.trim()))
                .isInstanceOfSatisfying(CanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CanException.Reason.INVALID_NAME))
                .hasMessageContaining(reason.trim())
                .hasMessageContaining("udp:GROUP[:PORT]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp:10.0.0.1", "udp:[::1]:43113", "udp:nonsense"})
    void canBusesReportsInvalidNamesWithoutOpeningAnything(String name) {
        assertThatThrownBy(() -> CanBuses.open(name))
                .isInstanceOfSatisfying(CanException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanException.Reason.INVALID_NAME);
                    assertThat(e.isExpectedCondition()).isTrue();
                });
    }
}
