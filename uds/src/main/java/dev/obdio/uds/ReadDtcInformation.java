package dev.obdio.uds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * ReadDTCInformation (0x19) with its common sub-functions:
 * <ul>
 *   <li>0x01 {@link CountByStatusMask} → {@link DtcCount}</li>
 *   <li>0x02 {@link ByStatusMask} → {@link DtcList}</li>
 *   <li>0x03 {@link SnapshotIdentification} → {@link SnapshotIds}</li>
 *   <li>0x04 {@link SnapshotRecordByDtc} → {@link Snapshots} (snapshot DIDs decoded by the DID codecs)</li>
 *   <li>0x06 {@link ExtendedDataByDtc} → {@link ExtendedData} (record lengths from
 *       {@link UdsClientConfig#dtcExtendedDataSizes()})</li>
 *   <li>0x0A {@link SupportedDtcs} → {@link DtcList}</li>
 * </ul>
 * Trailing zero bytes after the last complete record are taken for padding and ignored.
 */
public final class ReadDtcInformation {
    /** 0x01 reportNumberOfDTCByStatusMask. */
    public static final int REPORT_NUMBER_OF_DTC_BY_STATUS_MASK = 0x01;
    /** 0x02 reportDTCByStatusMask. */
    public static final int REPORT_DTC_BY_STATUS_MASK = 0x02;
    /** 0x03 reportDTCSnapshotIdentification. */
    public static final int REPORT_DTC_SNAPSHOT_IDENTIFICATION = 0x03;
    /** 0x04 reportDTCSnapshotRecordByDTCNumber. */
    public static final int REPORT_DTC_SNAPSHOT_RECORD_BY_DTC_NUMBER = 0x04;
    /** 0x06 reportDTCExtDataRecordByDTCNumber. */
    public static final int REPORT_DTC_EXT_DATA_RECORD_BY_DTC_NUMBER = 0x06;
    /** 0x0A reportSupportedDTC. */
    public static final int REPORT_SUPPORTED_DTC = 0x0A;
    /** Record number asking for every snapshot or extended data record. */
    public static final int ALL_RECORDS = 0xFF;

    private static final int SID = UdsService.READ_DTC_INFORMATION.id();

    private ReadDtcInformation() {
    }

    private static byte[] encode(int subFunction, int... parameters) {
        RequestWriter out = new RequestWriter(SID).u8(subFunction);
        for (int p : parameters) {
            out.u8(p);
        }
        return out.toBytes();
    }

    private static byte[] encodeDtc(int subFunction, Dtc dtc, int recordNumber) {
        return new RequestWriter(SID).u8(subFunction).u24(dtc.code()).u8(recordNumber).toBytes();
    }

    private static ResponseReader reader(UdsResponse response, int subFunction) {
        ResponseReader in = new ResponseReader(response, SID);
        in.echo(subFunction, "reportType");
        return in;
    }

    /** Reads DTC and status records to the end, ignoring zero padding. */
    private static List<DtcRecord> readRecords(ResponseReader in) {
        List<DtcRecord> out = new ArrayList<>();
        while (in.hasMore() && !in.restIsZero()) {
            if (in.remaining() < 4) {
                throw in.malformed("incomplete DTC record: " + in.remaining() + " of 4 bytes");
            }
            out.add(new DtcRecord(new Dtc(in.u24("DTC")), new DtcStatus(in.u8("statusOfDTC"))));
        }
        return out;
    }

    /**
     * {@code 19 01 mask}: how many DTCs match a status mask.
     *
     * @param statusMask the DTC status mask
     */
    public record CountByStatusMask(int statusMask) implements UdsRequest<DtcCount> {
        /** Validates the mask. */
        public CountByStatusMask {
            Checks.byteValue("statusMask", statusMask);
        }

        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return ReadDtcInformation.encode(REPORT_NUMBER_OF_DTC_BY_STATUS_MASK, statusMask);
        }

        @Override
        public DtcCount parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_NUMBER_OF_DTC_BY_STATUS_MASK);
            int availability = in.u8("DTCStatusAvailabilityMask");
            int format = in.u8("DTCFormatIdentifier");
            int count = in.u16("DTCCount");
            return new DtcCount(new DtcStatus(availability), format, count);
        }
    }

    /**
     * The number of matching DTCs.
     *
     * @param availabilityMask the status bits the server supports
     * @param format           DTCFormatIdentifier (0x00 SAE J2012-DA/ISO 15031-6, 0x01 ISO 14229-1, …)
     * @param count            how many DTCs match
     */
    public record DtcCount(DtcStatus availabilityMask, int format, int count) {
    }

    /**
     * {@code 19 02 mask}: the DTCs whose status matches a mask.
     *
     * @param statusMask the DTC status mask (0xFF: any bit)
     */
    public record ByStatusMask(int statusMask) implements UdsRequest<DtcList> {
        /** Validates the mask. */
        public ByStatusMask {
            Checks.byteValue("statusMask", statusMask);
        }

        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return ReadDtcInformation.encode(REPORT_DTC_BY_STATUS_MASK, statusMask);
        }

        @Override
        public DtcList parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_DTC_BY_STATUS_MASK);
            DtcStatus availability = new DtcStatus(in.u8("DTCStatusAvailabilityMask"));
            return new DtcList(availability, readRecords(in));
        }
    }

    /** {@code 19 0A}: every DTC the server supports, with its status. */
    public record SupportedDtcs() implements UdsRequest<DtcList> {
        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return ReadDtcInformation.encode(REPORT_SUPPORTED_DTC);
        }

        @Override
        public DtcList parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_SUPPORTED_DTC);
            DtcStatus availability = new DtcStatus(in.u8("DTCStatusAvailabilityMask"));
            return new DtcList(availability, readRecords(in));
        }
    }

    /**
     * DTCs with their status.
     *
     * @param availabilityMask the status bits the server supports
     * @param dtcs             the DTCs
     */
    public record DtcList(DtcStatus availabilityMask, List<DtcRecord> dtcs) {
        /** Copies the list. */
        public DtcList {
            Checks.notNull("availabilityMask", availabilityMask);
            dtcs = List.copyOf(dtcs);
        }
    }

    /** {@code 19 03}: which DTCs have snapshot records, and their numbers. */
    public record SnapshotIdentification() implements UdsRequest<SnapshotIds> {
        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return ReadDtcInformation.encode(REPORT_DTC_SNAPSHOT_IDENTIFICATION);
        }

        @Override
        public SnapshotIds parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_DTC_SNAPSHOT_IDENTIFICATION);
            List<SnapshotId> ids = new ArrayList<>();
            while (in.hasMore() && !in.restIsZero()) {
                if (in.remaining() < 4) {
                    throw in.malformed("incomplete snapshot identification: " + in.remaining() + " of 4 bytes");
                }
                ids.add(new SnapshotId(new Dtc(in.u24("DTC")), in.u8("DTCSnapshotRecordNumber")));
            }
            return new SnapshotIds(ids);
        }
    }

    /**
     * One DTC snapshot record that exists.
     *
     * @param dtc          the DTC
     * @param recordNumber its record number
     */
    public record SnapshotId(Dtc dtc, int recordNumber) {
    }

    /**
     * The snapshot records that exist.
     *
     * @param ids DTC and record number of each
     */
    public record SnapshotIds(List<SnapshotId> ids) {
        /** Copies the list. */
        public SnapshotIds {
            ids = List.copyOf(ids);
        }
    }

    /**
     * {@code 19 04 DTC(3) recordNumber}: a DTC's snapshot (freeze frame) records.
     *
     * @param dtc          the DTC
     * @param recordNumber the record, or {@link #ALL_RECORDS}
     */
    public record SnapshotRecordByDtc(Dtc dtc, int recordNumber) implements UdsRequest<Snapshots> {
        /** Validates the fields. */
        public SnapshotRecordByDtc {
            Checks.notNull("dtc", dtc);
            Checks.byteValue("recordNumber", recordNumber);
        }

        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return encodeDtc(REPORT_DTC_SNAPSHOT_RECORD_BY_DTC_NUMBER, dtc, recordNumber);
        }

        @Override
        public Snapshots parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_DTC_SNAPSHOT_RECORD_BY_DTC_NUMBER);
            DtcRecord record = readEchoedDtc(in, dtc);
            List<SnapshotRecord> records = new ArrayList<>();
            while (in.hasMore() && !in.restIsZero()) {
                int number = in.u8("DTCSnapshotRecordNumber");
                int identifiers = in.u8("DTCSnapshotRecordNumberOfIdentifiers");
                if (identifiers == 0) {
                    throw in.malformed("snapshot record " + number + " holds no data identifier");
                }
                List<DidValue> values = new ArrayList<>();
                for (int i = 0; i < identifiers; i++) {
                    int did = in.u16("snapshot dataIdentifier");
                    DidCodec codec = config.codecs().codecFor(did);
                    OptionalInt length = codec.length();
                    if (length.isEmpty() && i < identifiers - 1) {
                        throw in.malformed(String.format("snapshot DID %04X has no fixed length (codec %s) and more "
                                + "DIDs follow: configure its codec", did, codec.describe()));
                    }
                    int n = length.isPresent() ? length.getAsInt() : in.remaining();
                    values.add(config.codecs().decode(did, in.bytes(n, String.format("snapshot DID %04X", did))));
                }
                records.add(new SnapshotRecord(number, values));
            }
            return new Snapshots(record, records);
        }
    }

    /** Reads DTC and status and checks the DTC echoes the request's. */
    private static DtcRecord readEchoedDtc(ResponseReader in, Dtc expected) {
        int code = in.u24("DTC");
        if (code != expected.code()) {
            throw in.unexpected("DTC " + new Dtc(code) + ", requested " + expected);
        }
        return new DtcRecord(expected, new DtcStatus(in.u8("statusOfDTC")));
    }

    /**
     * One snapshot record.
     *
     * @param recordNumber the record number
     * @param values       the data identifiers it holds, decoded
     */
    public record SnapshotRecord(int recordNumber, List<DidValue> values) {
        /** Copies the list. */
        public SnapshotRecord {
            values = List.copyOf(values);
        }
    }

    /**
     * A DTC's snapshot records.
     *
     * @param dtc     the DTC with its status
     * @param records the records
     */
    public record Snapshots(DtcRecord dtc, List<SnapshotRecord> records) {
        /** Copies the list. */
        public Snapshots {
            Checks.notNull("dtc", dtc);
            records = List.copyOf(records);
        }
    }

    /**
     * {@code 19 06 DTC(3) recordNumber}: a DTC's extended data records.
     *
     * @param dtc          the DTC
     * @param recordNumber the record (0x01..0xEF), 0xFE for all OBD records, or {@link #ALL_RECORDS}
     */
    public record ExtendedDataByDtc(Dtc dtc, int recordNumber) implements UdsRequest<ExtendedData> {
        /** Validates the fields. */
        public ExtendedDataByDtc {
            Checks.notNull("dtc", dtc);
            Checks.byteValue("recordNumber", recordNumber);
        }

        @Override
        public int serviceId() {
            return SID;
        }

        @Override
        public byte[] encode() {
            return encodeDtc(REPORT_DTC_EXT_DATA_RECORD_BY_DTC_NUMBER, dtc, recordNumber);
        }

        @Override
        public ExtendedData parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = reader(response, REPORT_DTC_EXT_DATA_RECORD_BY_DTC_NUMBER);
            DtcRecord record = readEchoedDtc(in, dtc);
            List<ExtendedDataRecord> records = new ArrayList<>();
            while (in.hasMore() && !in.restIsZero()) {
                int number = in.u8("DTCExtDataRecordNumber");
                Integer size = config.dtcExtendedDataSizes().get(number);
                byte[] data = size == null ? in.rest()
                        : in.bytes(size, String.format("extended data record 0x%02X (%d bytes configured)", number, size));
                records.add(new ExtendedDataRecord(number, data));
            }
            return new ExtendedData(record, records);
        }
    }

    /**
     * One extended data record.
     *
     * @param recordNumber the record number
     * @param data         its bytes (copied in and out)
     */
    public record ExtendedDataRecord(int recordNumber, byte[] data) {
        /** Copies the data. */
        public ExtendedDataRecord {
            data = Checks.copy("data", data);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExtendedDataRecord r && r.recordNumber == recordNumber && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return recordNumber * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("ExtendedDataRecord[%02X: %s]", recordNumber, Hex.format(data));
        }
    }

    /**
     * A DTC's extended data records.
     *
     * @param dtc     the DTC with its status
     * @param records the records
     */
    public record ExtendedData(DtcRecord dtc, List<ExtendedDataRecord> records) {
        /** Copies the list. */
        public ExtendedData {
            Checks.notNull("dtc", dtc);
            records = List.copyOf(records);
        }
    }
}
