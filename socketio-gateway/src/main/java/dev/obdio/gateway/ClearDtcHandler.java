package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.obd.ClearConfirmation;
import dev.obdio.obd.ObdConnection;

/**
 * {@code clear_dtc {"confirm": true}}: clears the DTCs (OBD mode 04) in every ECU, replies with a
 * {@link ClearReport} and sends it to every client as {@code dtc_cleared}. Refused unless the
 * server allows writes and the client presented the token, and without the confirmation, because
 * mode 04 erases more than the codes: freeze frames, readiness monitors (the car fails an
 * inspection until they have run again), the distance since the MIL came on.
 */
final class ClearDtcHandler implements EventHandler {
    static final String EVENT = "clear_dtc";
    static final String WARNING = "clearing DTCs (mode 04) also erases the freeze frames, the readiness "
            + "monitors (the vehicle fails an emissions inspection until they have run again) and the distance "
            + "since the MIL came on; it repairs nothing. Send {\"confirm\": true} to do it";
    private final VehicleLink link;
    private final BusAccess access;
    private final WriteGate writes;
    private final GatewayClients clients;

    ClearDtcHandler(VehicleLink link, BusAccess access, WriteGate writes, GatewayClients clients) {
        this.link = link;
        this.access = access;
        this.writes = writes;
        this.clients = clients;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        writes.check(request.client(), EVENT);
        JsonNode confirm = request.object(0, "{\"confirm\": true}").map(o -> o.get("confirm")).orElse(null);
        if (confirm == null || !confirm.isBoolean() || !confirm.booleanValue()) {
            throw new EventException(WARNING);
        }
        ObdConnection car = link.require();
        ClearReport report = ClearReport.of(access.shared(
                () -> car.clearDtcs(ClearConfirmation.ERASE_DTCS_FREEZE_FRAMES_AND_READINESS)));
        if (!report.cleared().isEmpty()) {
            clients.broadcast(ClearReport.BROADCAST, report);
        }
        return EventReply.emit(report);
    }
}
