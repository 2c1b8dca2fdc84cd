package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The isotp tools' option values and the PDU text format, parsed as can-utils parses them. */
class IsoTpArgsTest {

    @Test
    void canIdsWithMoreThanSevenCharactersAre29Bit() {
        assertThat(IsoTpArgs.canId("-s", "7E0")).isEqualTo(new IsoTpArgs.CanId(0x7E0, false));
        assertThat(IsoTpArgs.canId("-s", "0x7e0")).isEqualTo(new IsoTpArgs.CanId(0x7E0, false));
        assertThat(IsoTpArgs.canId("-s", "00007E0")).isEqualTo(new IsoTpArgs.CanId(0x7E0, false));
        assertThat(IsoTpArgs.canId("-s", "000007E0")).isEqualTo(new IsoTpArgs.CanId(0x7E0, true));
        assertThat(IsoTpArgs.canId("-d", "18DAF110")).isEqualTo(new IsoTpArgs.CanId(0x18DAF110, true));
        assertThat(IsoTpArgs.canId("-d", "18DAF110").raw()).isEqualTo(0x98DAF110);
        assertThat(IsoTpArgs.canId("-d", "18DAF110")).hasToString("18DAF110");
        assertThatThrownBy(() -> IsoTpArgs.canId("-s", "800")).hasMessage("-s 800: an 11-bit id is 0..7FF; give 8"
                + " hex digits for a 29-bit id (e.g. 00000800)");
        assertThatThrownBy(() -> IsoTpArgs.canId("-d", "3FFFFFFF")).hasMessage("-d 3FFFFFFF: a 29-bit id is 0..1FFFFFFF");
        assertThatThrownBy(() -> IsoTpArgs.canId("-s", "7G0")).hasMessageContaining("a CAN id is hex");
        assertThatThrownBy(() -> IsoTpArgs.canId("-s", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAndNanoseconds() {
        assertThat(IsoTpArgs.hexByte("-m", "F3")).isEqualTo(0xF3);
        assertThat(IsoTpArgs.hexByte("-b", "10")).as("hex, as isotprecv reads -b").isEqualTo(16);
        assertThatThrownBy(() -> IsoTpArgs.hexByte("-b", "100")).hasMessage("-b 100: expected one byte in hex, 00..FF");
        assertThat(IsoTpArgs.nanos("-f", "500000")).isEqualTo(500_000);
        assertThatThrownBy(() -> IsoTpArgs.nanos("-t", "-1")).hasMessageStartingWith("-t -1: expected nanoseconds");
        assertThatThrownBy(() -> IsoTpArgs.nanos("-t", "5000000000")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IsoTpArgs.addressBytes("-x", "10")).containsExactly(0x10, 0x10);
        assertThat(IsoTpArgs.addressBytes("-x", "F1:10")).containsExactly(0xF1, 0x10);
    }

    @Test
    void paddingLikeIsotpsend() {
        assertThat(IsoTpArgs.padding("AA", null)).isEqualTo(new IsoTpOptions.Padding(OptionalInt.of(0xAA),
                OptionalInt.empty(), false, false));
        assertThat(IsoTpArgs.padding("AA:55", "a")).isEqualTo(new IsoTpOptions.Padding(OptionalInt.of(0xAA),
                OptionalInt.of(0x55), true, true));
        assertThat(IsoTpArgs.padding(":55", "c")).isEqualTo(new IsoTpOptions.Padding(OptionalInt.empty(),
                OptionalInt.of(0x55), false, true));
        assertThat(IsoTpArgs.withChecks(IsoTpOptions.Padding.NONE, "l").checkLength()).isTrue();
        assertThatThrownBy(() -> IsoTpArgs.padding("AA", "c")).hasMessageContaining("needs the expected pad byte");
        assertThatThrownBy(() -> IsoTpArgs.padding(":", null)).hasMessageContaining("TX, TX:RX or :RX");
        assertThatThrownBy(() -> IsoTpArgs.withChecks(IsoTpOptions.Padding.NONE, "x"))
                .hasMessage("-P x: padding checks are l (length), c (content) or a (all)");
    }

    @Test
    void linkLayerLikeIsotpsend() {
        assertThat(IsoTpArgs.linkLayer("72:64:1")).isEqualTo(new IsoTpOptions.LinkLayer(true, 64, true));
        assertThat(IsoTpArgs.linkLayer("16:8:0")).isEqualTo(IsoTpOptions.LinkLayer.CLASSIC);
        assertThatThrownBy(() -> IsoTpArgs.linkLayer("72:13:0")).hasMessageStartingWith("-L 72:13:0: txDataLength");
        assertThatThrownBy(() -> IsoTpArgs.linkLayer("16:64:0")).hasMessageContaining("needs CAN FD");
        assertThatThrownBy(() -> IsoTpArgs.linkLayer("64:8:0")).hasMessageContaining("MTU is 16");
        assertThatThrownBy(() -> IsoTpArgs.linkLayer("72:64:4")).hasMessageContaining("TX_FLAGS is 0, or 1");
        assertThatThrownBy(() -> IsoTpArgs.linkLayer("72:64")).hasMessageContaining("MTU:TX_DL:TX_FLAGS");
    }

    @Test
    void engines() {
        assertThat(IsoTpArgs.engine("Kernel")).isEqualTo(IsoTp.Engine.KERNEL);
        assertThat(IsoTpArgs.engine("auto")).isEqualTo(IsoTp.Engine.AUTO);
        assertThatThrownBy(() -> IsoTpArgs.engine("fast")).hasMessage("--engine fast: expected kernel, java or auto");
    }

    @Test
    void pduTextAsIsotpsendReadsAndIsotprecvPrints() throws IOException {
        assertThat(IsoTpHex.read(new StringReader("22 F1 90\n"), 100)).containsExactly(0x22, 0xF1, 0x90);
        assertThat(IsoTpHex.read(new StringReader("  1\t0x2 a\n\n0F"), 100)).containsExactly(1, 2, 0xA, 0xF);
        assertThat(IsoTpHex.read(new StringReader(""), 100)).isEmpty();
        assertThatThrownBy(() -> IsoTpHex.read(new StringReader("22 ZZ"), 100))
                .hasMessageStartingWith("byte 2 \"ZZ\" is not a hex byte");
        assertThatThrownBy(() -> IsoTpHex.read(new StringReader("DEADBEEF"), 100))
                .hasMessageStartingWith("byte 1 \"DEADBEEF\" is not a hex byte");
        assertThatThrownBy(() -> IsoTpHex.read(new StringReader("1 2 3"), 2)).hasMessage("more than 2 bytes on stdin");
        assertThat(IsoTpHex.format(new byte[] {0x62, (byte) 0xF1, 0x0A})).isEqualTo("62 F1 0A \n");
        assertThat(IsoTpSendCommand.fixedPdu(257)).startsWith(1, 2, 3).endsWith((byte) 0xFF, (byte) 1, (byte) 2);
    }

    @Test
    void udsNamesAsIsotpdumpPrintsThem() {
        assertThat(UdsNames.describe(0x22, 0)).isEqualTo("[SRQ] ReadDataByIdentifier");
        assertThat(UdsNames.describe(0x62, 0)).isEqualTo("[PSR] ReadDataByIdentifier");
        assertThat(UdsNames.describe(0x7F, 0x78)).isEqualTo("[NRC] requestCorrectlyReceived-ResponsePending");
        assertThat(UdsNames.describe(0xC5, 0)).isEqualTo("[PSR] ControlDTCSetting");
        assertThat(UdsNames.describe(0xBA, 0)).isEqualTo("[SRQ] Unknown");
        assertThat(UdsNames.describe(0x01, 0)).isEqualTo("[???] Unknown");
        assertThat(UdsNames.nrcName(0x34)).as("not in isotpdump's table").isEqualTo("ISOSAEReserved");
        assertThat(UdsNames.nrcName(0x40)).isEqualTo("reservedByExtendedDataLinkSecurityDocument");
        assertThat(UdsNames.nrcName(0xA0)).isEqualTo("reservedForSpecificConditionsNotCorrect");
        assertThat(UdsNames.nrcName(0xF5)).isEqualTo("vehicleManufacturerSpecificConditionsNotCorrect");
        assertThat(UdsNames.nrcName(0xFE)).isEqualTo("ISOSAEReserved");
        assertThat(UdsNames.serviceName(0x7E)).isEqualTo("TesterPresent");
    }

    @Test
    void sniffLines() {
        byte[] pdu = {0x22, (byte) 0xF1, (byte) 0x90, 0x41};
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 3, 0, null))
                .isEqualTo(" vcan0  7E0  [4]  22 F1 90 41  - '\"..A'\n");
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 1, 0, null)).isEqualTo(" vcan0  7E0  [4]  22 F1 90 41 \n");
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 2, 0, null)).isEqualTo(" vcan0  7E0  [4]  '\"..A'\n");
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x18DAF110, pdu, 1, 0, null)).startsWith(" vcan0  18DAF110  [4]");
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 3, 2, null))
                .isEqualTo(" vcan0  7E0  [4]  22 F1 ...  - '\".' ... \n");
        // isotpsniffer's quirks: the hex part marks a PDU of exactly LEN bytes as cut, the ASCII part
        // one of LEN - 1 bytes.
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 1, 4, null)).isEqualTo(" vcan0  7E0  [4]  22 F1 90 41 ... \n");
        assertThat(IsoTpSniffFormat.line("", "vcan0", 0x7E0, pdu, 2, 5, null)).isEqualTo(" vcan0  7E0  [4]  '\"..A' ... \n");
        assertThat(IsoTpSniffFormat.line("(1.000000) ", "vcan0", 0x7E8, pdu, 1, 0, IsoTpDumpFormat.BLUE))
                .isEqualTo("\033[34m(1.000000)  vcan0  7E8  [4]  22 F1 90 41 \033[0m\n");
    }
}
