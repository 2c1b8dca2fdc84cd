package dev.obdio.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Request encoding and response parsing of every service, as pure functions. */
class ServiceCodingTest {
    private static final UdsClientConfig CONFIG = UdsClientConfig.DEFAULTS;

    private static UdsResponse r(String hex) {
        return new UdsResponse(Hex.parse(hex));
    }

    private static String enc(UdsRequest<?> request) {
        return Hex.format(request.encode());
    }

    @Test
    void diagnosticSessionControl() {
        assertThat(enc(new DiagnosticSessionControl.Request(3))).isEqualTo("10 03");
        assertThat(enc(new DiagnosticSessionControl.Request(3, true))).isEqualTo("10 83");
        assertThat(new DiagnosticSessionControl.Request(3, true).suppressPositiveResponse()).isTrue();
        DiagnosticSessionControl.Response resp = new DiagnosticSessionControl.Request(3).parse(r("50 03 00 32 01 F4"), CONFIG);
        assertThat(resp.timing()).contains(new SessionTiming(Duration.ofMillis(50), Duration.ofMillis(5000)));
        assertThat(new DiagnosticSessionControl.Request(3).parse(r("50 03"), CONFIG).timing()).isEmpty();
        assertThat(new DiagnosticSessionControl.Request(2).parse(r("50 02 FF FF FF FF"), CONFIG).timing().orElseThrow())
                .isEqualTo(new SessionTiming(Duration.ofMillis(65535), Duration.ofMillis(655350)));
        assertThatThrownBy(() -> new DiagnosticSessionControl.Request(3).parse(r("50 03 00 32"), CONFIG))
                .isInstanceOf(UdsMalformedResponseException.class).hasMessageContaining("needs 4 bytes");
        assertThatThrownBy(() -> new DiagnosticSessionControl.Request(3).parse(r("50 02 00 32 01 F4"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("session echo 0x02, requested 0x03");
        assertThatThrownBy(() -> new DiagnosticSessionControl.Request(0x80)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DiagnosticSessionControl.parseSession("Extended")).isEqualTo(3);
        assertThat(DiagnosticSessionControl.parseSession("0x40")).isEqualTo(0x40);
        assertThat(DiagnosticSessionControl.parseSession("96")).isEqualTo(96);
        assertThatThrownBy(() -> DiagnosticSessionControl.parseSession("turbo"))
                .hasMessageContaining("default, programming, extended, safety");
        assertThat(new SessionTiming(Duration.ofMillis(50), Duration.ofMillis(5000)).toWire())
                .containsExactly(Hex.parse("0032 01F4"));
    }

    @Test
    void ecuReset() {
        assertThat(enc(new EcuReset.Request(EcuReset.HARD))).isEqualTo("11 01");
        assertThat(enc(new EcuReset.Request(EcuReset.SOFT, true))).isEqualTo("11 83");
        assertThat(new EcuReset.Request(4).parse(r("51 04 0A"), CONFIG).powerDownTime()).hasValue(10);
        assertThat(new EcuReset.Request(1).parse(r("51 01"), CONFIG).powerDownTime()).isEmpty();
        assertThatThrownBy(() -> new EcuReset.Request(4).parse(r("51 04"), CONFIG))
                .isInstanceOf(UdsMalformedResponseException.class).hasMessageContaining("powerDownTime is missing");
        assertThat(EcuReset.parseType("key-off-on")).isEqualTo(2);
        assertThat(EcuReset.parseType("KEY_OFF_ON")).isEqualTo(2);
    }

    @Test
    void clearDiagnosticInformation() {
        assertThat(enc(new ClearDiagnosticInformation.Request(ClearDiagnosticInformation.ALL_GROUPS)))
                .isEqualTo("14 FF FF FF");
        assertThat(enc(new ClearDiagnosticInformation.Request(0x030100, OptionalInt.of(1)))).isEqualTo("14 03 01 00 01");
        assertThatThrownBy(() -> new ClearDiagnosticInformation.Request(0x1000000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readDtcInformation() {
        assertThat(enc(new ReadDtcInformation.CountByStatusMask(0x09))).isEqualTo("19 01 09");
        assertThat(enc(new ReadDtcInformation.ByStatusMask(0xFF))).isEqualTo("19 02 FF");
        assertThat(enc(new ReadDtcInformation.SnapshotIdentification())).isEqualTo("19 03");
        assertThat(enc(new ReadDtcInformation.SnapshotRecordByDtc(new Dtc(0x123456), 0xFF))).isEqualTo("19 04 12 34 56 FF");
        assertThat(enc(new ReadDtcInformation.ExtendedDataByDtc(new Dtc(0x123456), 0x01))).isEqualTo("19 06 12 34 56 01");
        assertThat(enc(new ReadDtcInformation.SupportedDtcs())).isEqualTo("19 0A");

        ReadDtcInformation.DtcCount count = new ReadDtcInformation.CountByStatusMask(0x09).parse(r("59 01 FF 01 01 02"), CONFIG);
        assertThat(count.count()).isEqualTo(258);
        assertThat(count.format()).isEqualTo(1);

        ReadDtcInformation.DtcList list = new ReadDtcInformation.ByStatusMask(0xFF)
                .parse(r("59 02 7F 03 01 00 2F C1 45 87 08 00 00"), CONFIG);
        assertThat(list.availabilityMask().bits()).isEqualTo(0x7F);
        assertThat(list.dtcs()).extracting(DtcRecord::toString).containsExactly(
                "P0301-00 status 0x2F (testFailed, testFailedThisOperationCycle, pendingDTC, confirmedDTC, testFailedSinceLastClear)",
                "U0145-87 status 0x08 (confirmedDTC)");
        assertThatThrownBy(() -> new ReadDtcInformation.ByStatusMask(0xFF).parse(r("59 02 7F 03 01 00 2F 01 02"), CONFIG))
                .isInstanceOf(UdsMalformedResponseException.class).hasMessageContaining("incomplete DTC record: 2 of 4");
        assertThatThrownBy(() -> new ReadDtcInformation.ByStatusMask(0xFF).parse(r("59 01 7F"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("reportType echo 0x01");

        assertThat(new ReadDtcInformation.SnapshotIdentification().parse(r("59 03 03 01 00 01 03 01 00 02"), CONFIG).ids())
                .containsExactly(new ReadDtcInformation.SnapshotId(new Dtc(0x030100), 1),
                        new ReadDtcInformation.SnapshotId(new Dtc(0x030100), 2));

        UdsClientConfig codecs = CONFIG.withCodec(0x0110, DidCodec.unsigned(2, 0.25, 0, "rpm"));
        ReadDtcInformation.Snapshots snaps = new ReadDtcInformation.SnapshotRecordByDtc(new Dtc(0x030100), 0xFF)
                .parse(r("59 04 03 01 00 2F 01 02 0110 0A28 F186 03"), codecs);
        assertThat(snaps.records().get(0).values()).extracting(DidValue::toString).containsExactly("0110 = 650 rpm", "F186 = 3");
        // The last DID of a record may have a variable length: it runs to the end.
        ReadDtcInformation.Snapshots tail = new ReadDtcInformation.SnapshotRecordByDtc(new Dtc(0x030100), 1)
                .parse(r("59 04 03 01 00 2F 01 01 1234 01 02 03"), CONFIG);
        assertThat(tail.records().get(0).values().get(0).raw()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new ReadDtcInformation.SnapshotRecordByDtc(new Dtc(0x030100), 1)
                .parse(r("59 04 03 01 01 2F 01 01 1234 01"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("DTC P0301-01, requested P0301-00");
        assertThatThrownBy(() -> new ReadDtcInformation.SnapshotRecordByDtc(new Dtc(0x030100), 1)
                .parse(r("59 04 03 01 00 2F 01 00"), CONFIG))
                .isInstanceOf(UdsMalformedResponseException.class).hasMessageContaining("holds no data identifier");

        ReadDtcInformation.ExtendedData ext = new ReadDtcInformation.ExtendedDataByDtc(new Dtc(0x030100), 0xFF)
                .parse(r("59 06 03 01 00 2F 01 05 02 10 02 AA BB CC"), CONFIG.withDtcExtendedDataSizes(Map.of(1, 3, 2, 3)));
        assertThat(ext.records()).containsExactly(new ReadDtcInformation.ExtendedDataRecord(1, Hex.parse("05 02 10")),
                new ReadDtcInformation.ExtendedDataRecord(2, Hex.parse("AA BB CC")));
        assertThatThrownBy(() -> new ReadDtcInformation.ExtendedDataByDtc(new Dtc(0x030100), 0xFF)
                .parse(r("59 06 03 01 00 2F 01 05"), CONFIG.withDtcExtendedDataSizes(Map.of(1, 3))))
                .isInstanceOf(UdsMalformedResponseException.class).hasMessageContaining("3 bytes configured");
    }

    @Test
    void readDataByIdentifier() {
        ReadDataByIdentifier.Request request = ReadDataByIdentifier.Request.of(0xF190, 0xF186);
        assertThat(enc(request)).isEqualTo("22 F1 90 F1 86");
        assertThatThrownBy(() -> ReadDataByIdentifier.Request.of(0xF190, 0xF190)).hasMessageContaining("twice");
        assertThatThrownBy(() -> ReadDataByIdentifier.Request.of()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> ReadDataByIdentifier.Request.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
        String vin = Hex.compact(FakeEcu.VIN.getBytes());
        ReadDataByIdentifier.Response both = request.parse(r("62 F190 " + vin + " F186 03"), CONFIG);
        assertThat(both.values()).extracting(DidValue::toString).containsExactly("F190 = " + FakeEcu.VIN, "F186 = 3");
        // The server may leave out DIDs it does not support.
        assertThat(request.parse(r("62 F186 01"), CONFIG).values()).hasSize(1);
        // Order as sent.
        assertThat(request.parse(r("62 F186 01 F190 " + vin), CONFIG).values()).extracting(DidValue::did)
                .containsExactly(0xF186, 0xF190);
        assertThatThrownBy(() -> request.parse(r("62"), CONFIG)).hasMessageContaining("no data identifier");
        assertThatThrownBy(() -> request.parse(r("62 F186 01 F1"), CONFIG)).hasMessageContaining("1 stray byte");
        assertThatThrownBy(() -> request.parse(r("62 F186 01 F186 01"), CONFIG)).hasMessageContaining("DID F186 twice");
    }

    @Test
    void variableLengthTextEndsAtTheNextRequestedDid() {
        ReadDataByIdentifier.Request request = ReadDataByIdentifier.Request.of(0xF18C, 0xF187, 0xF186);
        ReadDataByIdentifier.Response resp = request.parse(r("62 F18C 53 4E 2D 31 F187 50 4E 31 F186 02"), CONFIG);
        assertThat(resp.values()).extracting(DidValue::toString).containsExactly("F18C = SN-1", "F187 = PN1", "F186 = 2");
        assertThat(resp.value(0xF187)).isPresent();
        assertThat(resp.value(0x1234)).isEmpty();
    }

    @Test
    void variableLengthBytesFollowedByMoreDidsAreRefused() {
        ReadDataByIdentifier.Request request = ReadDataByIdentifier.Request.of(0x1234, 0xF186);
        assertThatThrownBy(() -> request.parse(r("62 1234 AA BB F186 01"), CONFIG))
                .isInstanceOf(UdsMalformedResponseException.class)
                .hasMessageContaining("DID 1234 has no fixed length (codec raw) and more DIDs follow");
        // Alone, or with the others left out, it is the rest of the response.
        assertThat(request.parse(r("62 1234 AA BB CC"), CONFIG).values().get(0).raw()).containsExactly(0xAA, 0xBB, 0xCC);
        UdsClientConfig sized = CONFIG.withCodec(0x1234, DidCodec.raw(2));
        assertThat(request.parse(r("62 1234 AA BB F186 01"), sized).values()).hasSize(2);
    }

    @Test
    void writeDataByIdentifier() {
        assertThat(enc(new WriteDataByIdentifier.Request(0xF190, Hex.parse("41 42")))).isEqualTo("2E F1 90 41 42");
        assertThat(new WriteDataByIdentifier.Request(0xF190, Hex.parse("41")).parse(r("6E F1 90"), CONFIG).did())
                .isEqualTo(0xF190);
        assertThatThrownBy(() -> new WriteDataByIdentifier.Request(0xF190, Hex.parse("41")).parse(r("6E F1 91"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("dataIdentifier echo 0xF191");
        assertThatThrownBy(() -> new WriteDataByIdentifier.Request(0xF190, new byte[0])).hasMessageContaining("at least one byte");
        byte[] data = {1, 2};
        WriteDataByIdentifier.Request w = new WriteDataByIdentifier.Request(0x0100, data);
        data[0] = 9;
        assertThat(w.data()[0]).isEqualTo((byte) 1);
        assertThat(w).isEqualTo(new WriteDataByIdentifier.Request(0x0100, new byte[] {1, 2}));
    }

    @Test
    void memoryServicesAndAddressFormats() {
        assertThat(MemoryLocation.of(0x1234, 0x10).formatIdentifier()).isEqualTo(0x12);
        assertThat(MemoryLocation.of(0, 0).formatIdentifier()).isEqualTo(0x11);
        assertThat(MemoryLocation.of(0x00100000, 0x965, 4, 4).formatIdentifier()).isEqualTo(0x44);
        assertThat(MemoryLocation.of(0xFFFFFFFFFFL, 1).addressBytes()).isEqualTo(5);
        assertThat(MemoryLocation.of(-1L, 1).addressBytes()).isEqualTo(8);
        assertThatThrownBy(() -> MemoryLocation.of(0x123456, 1, 2, 1)).hasMessageContaining("address 0x123456 does not fit 2 bytes");
        assertThatThrownBy(() -> MemoryLocation.of(1, 1, 9, 1)).hasMessageContaining("addressBytes");
        assertThat(enc(new ReadMemoryByAddress.Request(MemoryLocation.of(0x1234, 0x10)))).isEqualTo("23 12 12 34 10");
        assertThat(enc(new ReadMemoryByAddress.Request(MemoryLocation.of(0x20000000, 0x100, 4, 2))))
                .isEqualTo("23 24 20 00 00 00 01 00");
        assertThat(new ReadMemoryByAddress.Request(MemoryLocation.of(0, 2)).parse(r("63 AA BB"), CONFIG).data())
                .containsExactly(0xAA, 0xBB);
        assertThatThrownBy(() -> new ReadMemoryByAddress.Request(MemoryLocation.of(0, 3)).parse(r("63 AA BB"), CONFIG))
                .hasMessageContaining("2 bytes of data, 3 requested");
        WriteMemoryByAddress.Request write = WriteMemoryByAddress.Request.of(0x1234, Hex.parse("DEADBEEF"));
        assertThat(enc(write)).isEqualTo("3D 12 12 34 04 DE AD BE EF");
        assertThat(write.parse(r("7D 12 12 34 04"), CONFIG).location()).isEqualTo(MemoryLocation.of(0x1234, 4));
        assertThatThrownBy(() -> write.parse(r("7D 12 12 35 04"), CONFIG)).isInstanceOf(UdsUnexpectedResponseException.class);
        assertThatThrownBy(() -> write.parse(r("7D 02 12 35"), CONFIG)).isInstanceOf(UdsMalformedResponseException.class)
                .hasMessageContaining("addressAndLengthFormatIdentifier 0x02");
        assertThatThrownBy(() -> new WriteMemoryByAddress.Request(MemoryLocation.of(0, 3), new byte[2]))
                .hasMessageContaining("must equal the data length");
    }

    @Test
    void securityAccess() {
        assertThat(enc(new SecurityAccess.SeedRequest(1))).isEqualTo("27 01");
        assertThat(enc(new SecurityAccess.SeedRequest(3, Hex.parse("AA")))).isEqualTo("27 03 AA");
        assertThat(enc(new SecurityAccess.KeyRequest(1, Hex.parse("01 02 03 04")))).isEqualTo("27 02 01 02 03 04");
        SecurityAccess.Seed seed = new SecurityAccess.SeedRequest(1).parse(r("67 01 11 22 33 44"), CONFIG);
        assertThat(seed.seed()).containsExactly(0x11, 0x22, 0x33, 0x44);
        assertThat(seed.alreadyUnlocked()).isFalse();
        assertThat(new SecurityAccess.SeedRequest(1).parse(r("67 01 00 00 00 00"), CONFIG).alreadyUnlocked()).isTrue();
        assertThatThrownBy(() -> new SecurityAccess.SeedRequest(1).parse(r("67 01"), CONFIG)).hasMessageContaining("no seed");
        assertThatThrownBy(() -> new SecurityAccess.SeedRequest(1).parse(r("67 03 01"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class);
        assertThat(new SecurityAccess.KeyRequest(1, Hex.parse("01")).parse(r("67 02"), CONFIG).level()).isEqualTo(1);
        assertThatThrownBy(() -> new SecurityAccess.SeedRequest(2)).hasMessageContaining("seed levels are odd");
    }

    @Test
    void communicationAndDtcSettingAndIoControl() {
        assertThat(enc(new CommunicationControl.Request(3, 1))).isEqualTo("28 03 01");
        assertThat(enc(new CommunicationControl.Request(4, 1, OptionalInt.of(0x0102), true))).isEqualTo("28 84 01 01 02");
        assertThatThrownBy(() -> new CommunicationControl.Request(4, 1)).hasMessageContaining("nodeIdentification is required");
        assertThat(new CommunicationControl.Request(3, 1).parse(r("68 03"), CONFIG).controlType()).isEqualTo(3);
        assertThat(enc(new ControlDtcSetting.Request(ControlDtcSetting.OFF))).isEqualTo("85 02");
        assertThat(enc(new ControlDtcSetting.Request(1, Hex.parse("FF FF FF"), true))).isEqualTo("85 81 FF FF FF");
        assertThat(new ControlDtcSetting.Request(2).parse(r("C5 02"), CONFIG).settingType()).isEqualTo(2);
        InputOutputControlByIdentifier.Request io = new InputOutputControlByIdentifier.Request(0x9B00, 3, Hex.parse("0A"));
        assertThat(enc(io)).isEqualTo("2F 9B 00 03 0A");
        assertThat(io.parse(r("6F 9B 00 03 0A"), CONFIG).controlStatus()).containsExactly(0x0A);
        assertThatThrownBy(() -> io.parse(r("6F 9B 00 02 0A"), CONFIG)).isInstanceOf(UdsUnexpectedResponseException.class);
        assertThat(enc(new InputOutputControlByIdentifier.Request(0x9B00, OptionalInt.empty(), Hex.parse("01"),
                Hex.parse("FF")))).isEqualTo("2F 9B 00 01 FF");
    }

    @Test
    void routineControl() {
        assertThat(enc(new RoutineControl.Request(RoutineControl.START, 0xFF00, Hex.parse("01 02")))).isEqualTo("31 01 FF 00 01 02");
        assertThat(enc(new RoutineControl.Request(RoutineControl.RESULTS, 0x0203, new byte[0], true))).isEqualTo("31 83 02 03");
        RoutineControl.Response resp = new RoutineControl.Request(1, 0xFF00, new byte[0]).parse(r("71 01 FF 00 00 10"), CONFIG);
        assertThat(resp.statusRecord()).containsExactly(0x00, 0x10);
        assertThatThrownBy(() -> new RoutineControl.Request(1, 0xFF00, new byte[0]).parse(r("71 01 FF 01"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("routineIdentifier echo 0xFF01");
        assertThatThrownBy(() -> new RoutineControl.Request(4, 0xFF00, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoutineControl.parseType("result")).isEqualTo(3);
    }

    @Test
    void transferServices() {
        RequestDownload.Request download = new RequestDownload.Request(0x00, MemoryLocation.of(0x8000, 0x1000, 4, 4));
        assertThat(enc(download)).isEqualTo("34 00 44 00 00 80 00 00 00 10 00");
        RequestDownload.Response accepted = download.parse(r("74 20 0F FA"), CONFIG);
        assertThat(accepted.maxBlockLength()).isEqualTo(0x0FFA);
        assertThat(accepted.maxDataPerBlock()).isEqualTo(0x0FF8);
        assertThat(download.parse(r("74 10 82"), CONFIG).maxBlockLength()).isEqualTo(0x82);
        assertThat(download.parse(r("74 40 00 01 00 00"), CONFIG).maxBlockLength()).isEqualTo(0x10000);
        assertThatThrownBy(() -> download.parse(r("74 00"), CONFIG)).hasMessageContaining("must take 1..8 bytes, not 0");
        assertThatThrownBy(() -> download.parse(r("74 20 0F"), CONFIG)).hasMessageContaining("maxNumberOfBlockLength needs 2 bytes");
        assertThatThrownBy(() -> download.parse(r("74 10 02"), CONFIG)).hasMessageContaining("no room for data");
        assertThat(enc(new RequestUpload.Request(0x11, MemoryLocation.of(0x10, 0x20)))).isEqualTo("35 11 11 10 20");
        assertThat(new RequestUpload.Request(0, MemoryLocation.of(1, 1)).parse(r("75 10 22"), CONFIG).maxBlockLength()).isEqualTo(0x22);
        assertThat(enc(new TransferData.Request(0xFF, Hex.parse("01 02")))).isEqualTo("36 FF 01 02");
        assertThat(new TransferData.Request(5, new byte[0]).parse(r("76 05 AA"), CONFIG).data()).containsExactly(0xAA);
        assertThatThrownBy(() -> new TransferData.Request(5, new byte[0]).parse(r("76 06"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class).hasMessageContaining("blockSequenceCounter echo 0x06");
        assertThat(TransferData.nextCounter(0xFF)).isZero();
        assertThat(TransferData.nextCounter(0x00)).isEqualTo(1);
        assertThat(enc(new RequestTransferExit.Request())).isEqualTo("37");
        assertThat(enc(new RequestTransferExit.Request(Hex.parse("12 34")))).isEqualTo("37 12 34");
        assertThat(new RequestTransferExit.Request().parse(r("77 AB"), CONFIG).parameterRecord()).containsExactly(0xAB);
    }

    @Test
    void testerPresentAndRaw() {
        assertThat(enc(new TesterPresent.Request(false))).isEqualTo("3E 00");
        assertThat(enc(new TesterPresent.Request(true))).isEqualTo("3E 80");
        assertThatThrownBy(() -> new TesterPresent.Request(false).parse(r("7E 01"), CONFIG))
                .isInstanceOf(UdsUnexpectedResponseException.class);
        RawRequest raw = RawRequest.ofHex("3E 80");
        assertThat(raw.suppressPositiveResponse()).isTrue();
        assertThat(RawRequest.ofHex("22 F1 90").suppressPositiveResponse()).isFalse(); // 0x22 has no sub-function
        assertThat(raw.parse(r("7E 00"), CONFIG)).isEqualTo(r("7E 00"));
        assertThatThrownBy(() -> new RawRequest(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responsesAndTables() {
        UdsResponse negative = r("7F 31 78");
        assertThat(negative.isNegative()).isTrue();
        assertThat(negative.serviceId()).isEqualTo(0x31);
        assertThat(negative.nrc()).isEqualTo(0x78);
        assertThat(r("71 01").serviceId()).isEqualTo(0x31);
        assertThat(r("71 01").isPositiveFor(0x31)).isTrue();
        assertThatThrownBy(() -> r("71 01").nrc()).isInstanceOf(IllegalStateException.class);
        assertThat(Nrc.byCode(0x33)).contains(Nrc.SECURITY_ACCESS_DENIED);
        assertThat(Nrc.byName("securityaccessdenied")).contains(Nrc.SECURITY_ACCESS_DENIED);
        assertThat(Nrc.byName("SECURITY_ACCESS_DENIED")).contains(Nrc.SECURITY_ACCESS_DENIED);
        assertThat(Nrc.describe(0x78)).isEqualTo("0x78 requestCorrectlyReceived-ResponsePending");
        assertThat(Nrc.nameOf(0x3F)).isEqualTo("reservedByExtendedDataLinkSecurityDocument");
        assertThat(Nrc.nameOf(0x01)).isEqualTo("ISOSAEReserved");
        assertThat(UdsService.describe(0x22)).isEqualTo("ReadDataByIdentifier (0x22)");
        assertThat(UdsService.describe(0xBA)).isEqualTo("service 0xBA");
        assertThat(UdsService.ROUTINE_CONTROL.changesVehicle()).isTrue();
        assertThat(UdsService.READ_DATA_BY_IDENTIFIER.changesVehicle()).isFalse();
        List<Integer> ids = java.util.Arrays.stream(UdsService.values()).map(UdsService::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void dtcText() {
        assertThat(new Dtc(0x030100).toString()).isEqualTo("P0301-00");
        assertThat(new Dtc(0xC14587).toString()).isEqualTo("U0145-87");
        assertThat(new Dtc(0x4A1234).toString()).isEqualTo("C0A12-34");
        assertThat(new Dtc(0x830100).toString()).isEqualTo("B0301-00");
        assertThat(Dtc.parse("P0301-00")).isEqualTo(new Dtc(0x030100));
        assertThat(Dtc.parse("p0301")).isEqualTo(new Dtc(0x030100));
        assertThat(Dtc.parse("U014587")).isEqualTo(new Dtc(0xC14587));
        assertThat(Dtc.parse("C14587")).isEqualTo(new Dtc(0xC14587)); // six hex digits
        assertThat(Dtc.parse("0x030100")).isEqualTo(new Dtc(0x030100));
        for (int code : new int[] {0, 0x030100, 0xC14587, 0x4A1234, 0xFFFFFF}) {
            assertThat(Dtc.parse(new Dtc(code).toString())).isEqualTo(new Dtc(code));
        }
        assertThatThrownBy(() -> Dtc.parse("P4301")).hasMessageContaining("use P0301-00");
        assertThat(new DtcStatus(0x09).names()).containsExactly("testFailed", "confirmedDTC");
    }

    @Test
    void hexText() {
        assertThat(Hex.parse("22F190")).containsExactly(0x22, 0xF1, 0x90);
        assertThat(Hex.parse(" 22 f1.90 ")).containsExactly(0x22, 0xF1, 0x90);
        assertThat(Hex.parse("0x22F190")).containsExactly(0x22, 0xF1, 0x90);
        assertThatThrownBy(() -> Hex.parse("22 G1")).hasMessageContaining("'G' at position 4");
        assertThatThrownBy(() -> Hex.parse("22F")).hasMessageContaining("odd number of hex digits (3)");
        assertThatThrownBy(() -> Hex.parse("")).hasMessageContaining("no hex digits");
        assertThat(Hex.parseNumber("F190", 4, "DID")).isEqualTo(0xF190);
        assertThatThrownBy(() -> Hex.parseNumber("F1900", 4, "DID")).hasMessageContaining("DID \"F1900\" must be 1..4 hex digits");
    }
}
