package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code dtc} → the stored, pending and permanent trouble codes of every ECU and the MIL ({@link DtcReport}). */
final class DtcHandler implements EventHandler {
    static final String EVENT = "dtc";
    private final VehicleLink link;
    private final BusAccess access;

    DtcHandler(VehicleLink link, BusAccess access) {
        this.link = link;
        this.access = access;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        ObdConnection car = link.require();
        return EventReply.emit(access.shared(() -> DtcReport.read(car)));
    }
}
