package dev.obdio.can.socketcan;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterfaceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"can0", "vcan0", "slcan12", "can-usb.1", "abcdefghijklmno", "ä_can"})
    void linuxNamesAreAccepted(String name) {
        assertThat(InterfaceName.validate(name)).isEqualTo(name);
    }

    @Test
    void sixteenBytesAreTooManyForIfnamsiz() {
        assertThatThrownBy(() -> InterfaceName.validate("abcdefghijklmnop"))
                .isInstanceOf(CanException.class)
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(CanException.Reason.INVALID_NAME))
                .hasMessageContaining("longer than 15 bytes (IFNAMSIZ), got 16");
        assertThatThrownBy(() -> InterfaceName.validate("ääääääää"))
                .hasMessageContaining("got 16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "can 0", "can/0", "virtua:car", "can\t0", "can\u00010"})
    void kernelForbiddenNamesAreRefused(String name) {
        assertThatThrownBy(() -> InterfaceName.validate(name))
                .isInstanceOf(CanException.class)
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(CanException.Reason.INVALID_NAME))
                .hasMessageContaining("invalid SocketCAN interface name")
                .hasMessageContaining(CanBuses.SYNTAX);
    }

    @Test
    void controlCharactersArePrintedReadably() {
        assertThatThrownBy(() -> InterfaceName.validate("can\u00010"))
                .hasMessageContaining("\"can\\u00010\"")
                .hasMessageContaining("control character U+0001");
    }
}
