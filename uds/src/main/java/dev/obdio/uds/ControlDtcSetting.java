package dev.obdio.uds;

import java.util.Arrays;

/** ControlDTCSetting (0x85): stops or resumes the recording of DTCs. */
public final class ControlDtcSetting {
    /** 0x01 on. */
    public static final int ON = 0x01;
    /** 0x02 off. */
    public static final int OFF = 0x02;

    private ControlDtcSetting() {
    }

    /**
     * {@code 85 type [optionRecord]}.
     *
     * @param settingType              0x01 on, 0x02 off, or another 0x01..0x7F
     * @param optionRecord             DTCSettingControlOptionRecord, usually empty (copied in and out)
     * @param suppressPositiveResponse set bit 7
     */
    public record Request(int settingType, byte[] optionRecord, boolean suppressPositiveResponse)
            implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            SubFunctions.check("settingType", settingType, false);
            optionRecord = Checks.copy("optionRecord", optionRecord);
        }

        /** A request without option record. */
        public Request(int settingType) {
            this(settingType, new byte[0], false);
        }

        @Override
        public byte[] optionRecord() {
            return optionRecord.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.CONTROL_DTC_SETTING.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(SubFunctions.withSuppress(settingType, suppressPositiveResponse))
                    .bytes(optionRecord).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(new ResponseReader(response, serviceId()).echo(settingType, "DTCSettingType"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.settingType == settingType && r.suppressPositiveResponse == suppressPositiveResponse
                    && Arrays.equals(r.optionRecord, optionRecord);
        }

        @Override
        public int hashCode() {
            return settingType * 31 + Arrays.hashCode(optionRecord) + (suppressPositiveResponse ? 1 : 0);
        }

        @Override
        public String toString() {
            return String.format("ControlDtcSetting.Request[type=%02X, option=%s, suppress=%s]", settingType,
                    Hex.format(optionRecord), suppressPositiveResponse);
        }
    }

    /**
     * The positive response.
     *
     * @param settingType the type echoed
     */
    public record Response(int settingType) {
    }
}
