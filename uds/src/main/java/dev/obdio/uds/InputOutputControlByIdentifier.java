package dev.obdio.uds;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * InputOutputControlByIdentifier (0x2F): takes over, freezes or returns an input or output
 * identified by a DID.
 */
public final class InputOutputControlByIdentifier {
    /** 0x00 returnControlToECU. */
    public static final int RETURN_CONTROL_TO_ECU = 0x00;
    /** 0x01 resetToDefault. */
    public static final int RESET_TO_DEFAULT = 0x01;
    /** 0x02 freezeCurrentState. */
    public static final int FREEZE_CURRENT_STATE = 0x02;
    /** 0x03 shortTermAdjustment. */
    public static final int SHORT_TERM_ADJUSTMENT = 0x03;

    private InputOutputControlByIdentifier() {
    }

    /**
     * {@code 2F DID [ioControlParameter] [controlState…] [controlMask…]}.
     *
     * @param did                the input/output identifier
     * @param controlParameter   the inputOutputControlParameter, or empty when the DID's control
     *                           option record has none
     * @param controlState       controlState bytes (copied in and out)
     * @param controlMask        controlEnableMaskRecord bytes (copied in and out)
     */
    public record Request(int did, OptionalInt controlParameter, byte[] controlState, byte[] controlMask)
            implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.did("did", did);
            Checks.notNull("controlParameter", controlParameter);
            controlParameter.ifPresent(p -> Checks.byteValue("controlParameter", p));
            controlState = Checks.copy("controlState", controlState);
            controlMask = Checks.copy("controlMask", controlMask);
            if (controlParameter.isEmpty() && controlState.length == 0) {
                throw new IllegalArgumentException("give a controlParameter or a controlState");
            }
        }

        /** A request with a control parameter and state, no mask. */
        public Request(int did, int controlParameter, byte[] controlState) {
            this(did, OptionalInt.of(controlParameter), controlState, new byte[0]);
        }

        @Override
        public byte[] controlState() {
            return controlState.clone();
        }

        @Override
        public byte[] controlMask() {
            return controlMask.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.INPUT_OUTPUT_CONTROL_BY_IDENTIFIER.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId()).u16(did);
            controlParameter.ifPresent(out::u8);
            return out.bytes(controlState).bytes(controlMask).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            in.echo16(did, "dataIdentifier");
            OptionalInt parameter = OptionalInt.empty();
            if (controlParameter.isPresent()) {
                parameter = OptionalInt.of(in.echo(controlParameter.getAsInt(), "inputOutputControlParameter"));
            }
            return new Response(did, parameter, in.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.did == did && r.controlParameter.equals(controlParameter)
                    && Arrays.equals(r.controlState, controlState) && Arrays.equals(r.controlMask, controlMask);
        }

        @Override
        public int hashCode() {
            return (did * 31 + controlParameter.hashCode()) * 31 + Arrays.hashCode(controlState) * 7
                    + Arrays.hashCode(controlMask);
        }

        @Override
        public String toString() {
            return String.format("InputOutputControlByIdentifier.Request[did=%04X, parameter=%s, state=%s, mask=%s]",
                    did, controlParameter, Hex.format(controlState), Hex.format(controlMask));
        }
    }

    /**
     * The positive response.
     *
     * @param did              the DID echoed
     * @param controlParameter the parameter echoed, when one was sent
     * @param controlStatus    the controlStatusRecord (copied in and out)
     */
    public record Response(int did, OptionalInt controlParameter, byte[] controlStatus) {
        /** Copies the status. */
        public Response {
            Checks.notNull("controlParameter", controlParameter);
            controlStatus = Checks.copy("controlStatus", controlStatus);
        }

        @Override
        public byte[] controlStatus() {
            return controlStatus.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.did == did && r.controlParameter.equals(controlParameter)
                    && Arrays.equals(r.controlStatus, controlStatus);
        }

        @Override
        public int hashCode() {
            return (did * 31 + controlParameter.hashCode()) * 31 + Arrays.hashCode(controlStatus);
        }

        @Override
        public String toString() {
            return String.format("InputOutputControlByIdentifier.Response[did=%04X, parameter=%s, status=%s]", did,
                    controlParameter, Hex.format(controlStatus));
        }
    }
}
