package dev.obdio.uds;

import java.util.OptionalInt;

/** CommunicationControl (0x28): switches the server's transmission and reception on and off. */
public final class CommunicationControl {
    /** 0x00 enableRxAndTx. */
    public static final int ENABLE_RX_AND_TX = 0x00;
    /** 0x01 enableRxAndDisableTx. */
    public static final int ENABLE_RX_AND_DISABLE_TX = 0x01;
    /** 0x02 disableRxAndEnableTx. */
    public static final int DISABLE_RX_AND_ENABLE_TX = 0x02;
    /** 0x03 disableRxAndTx. */
    public static final int DISABLE_RX_AND_TX = 0x03;
    /** 0x04 enableRxAndDisableTxWithEnhancedAddressInformation (carries a node id). */
    public static final int ENABLE_RX_AND_DISABLE_TX_WITH_ENHANCED_ADDRESS = 0x04;
    /** 0x05 enableRxAndTxWithEnhancedAddressInformation (carries a node id). */
    public static final int ENABLE_RX_AND_TX_WITH_ENHANCED_ADDRESS = 0x05;
    /** communicationType 0x01: normal communication messages. */
    public static final int NORMAL_MESSAGES = 0x01;
    /** communicationType 0x03: normal and network management messages. */
    public static final int NORMAL_AND_NETWORK_MANAGEMENT_MESSAGES = 0x03;

    private CommunicationControl() {
    }

    /**
     * {@code 28 controlType communicationType [nodeId(2)]}.
     *
     * @param controlType              0x00..0x7F
     * @param communicationType        the communicationType byte
     * @param nodeIdentification       the node id, required for control types 0x04 and 0x05
     * @param suppressPositiveResponse set bit 7
     */
    public record Request(int controlType, int communicationType, OptionalInt nodeIdentification,
                          boolean suppressPositiveResponse) implements UdsRequest<Response> {
        /** Validates the fields. */
        public Request {
            SubFunctions.check("controlType", controlType, true);
            Checks.byteValue("communicationType", communicationType);
            Checks.notNull("nodeIdentification", nodeIdentification);
            boolean needsNode = controlType == ENABLE_RX_AND_DISABLE_TX_WITH_ENHANCED_ADDRESS
                    || controlType == ENABLE_RX_AND_TX_WITH_ENHANCED_ADDRESS;
            if (needsNode != nodeIdentification.isPresent()) {
                throw new IllegalArgumentException("nodeIdentification is " + (needsNode ? "required" : "not allowed")
                        + String.format(" with controlType 0x%02X", controlType));
            }
            nodeIdentification.ifPresent(n -> Checks.did("nodeIdentification", n));
        }

        /** A request without node id. */
        public Request(int controlType, int communicationType) {
            this(controlType, communicationType, OptionalInt.empty(), false);
        }

        @Override
        public int serviceId() {
            return UdsService.COMMUNICATION_CONTROL.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId())
                    .u8(SubFunctions.withSuppress(controlType, suppressPositiveResponse)).u8(communicationType);
            nodeIdentification.ifPresent(out::u16);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(new ResponseReader(response, serviceId()).echo(controlType, "controlType"));
        }
    }

    /**
     * The positive response.
     *
     * @param controlType the control type echoed
     */
    public record Response(int controlType) {
    }
}
