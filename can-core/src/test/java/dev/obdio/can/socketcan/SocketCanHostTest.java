package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** What a machine without SocketCAN (like the development kernel) tells the user. */
class SocketCanHostTest {

    @Test
    void openingVcan0WithoutAfCanSaysSoPlainly() {
        assumeFalse(SocketCan.isAvailable(), "this kernel has SocketCAN; the guest tests cover it");

        assertThatThrownBy(() -> CanBuses.open("vcan0"))
                .isInstanceOf(CanException.class)
                .satisfies(e -> {
                    CanException c = (CanException) e;
                    assertThat(c.reason()).isEqualTo(Reason.NO_SOCKETCAN);
                    assertThat(c.isExpectedCondition()).isTrue();
                    assertThat(c.getCause()).isNull();
                })
                .hasMessage("vcan0: this kernel has no SocketCAN support (AF_CAN sockets are unavailable);"
                        + " use a virtual: or udp: bus, or load the can and can_raw modules");
    }

    @Test
    void availabilityGivesTheSameReason() {
        assumeFalse(SocketCan.isAvailable(), "this kernel has SocketCAN; the guest tests cover it");

        SocketCan.Availability a = SocketCan.availability();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).startsWith("this kernel has no SocketCAN support");
        assertThat(SocketCan.availability("vcan0")).isEqualTo(a);
    }

    @Test
    void invalidNamesAreRefusedBeforeAnySocketIsMade() {
        assertThatThrownBy(() -> CanBuses.open("virtul:car"))
                .isInstanceOf(CanException.class)
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INVALID_NAME))
                .hasMessageContaining("':' is not allowed");
        assertThatThrownBy(() -> SocketCan.open("a-very-long-can-name", BusOptions.DEFAULTS))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INVALID_NAME))
                .hasMessageContaining("IFNAMSIZ");
    }

    @Test
    void nullOptionsAreMisuse() {
        assertThatThrownBy(() -> SocketCan.open("vcan0", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
