package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code vehicle_info} → the VIN, the protocol and every ECU with its role, ids, calibration ids and name ({@link VehicleInfo}). */
final class VehicleInfoHandler implements EventHandler {
    static final String EVENT = "vehicle_info";
    private final VehicleLink link;
    private final BusAccess access;

    VehicleInfoHandler(VehicleLink link, BusAccess access) {
        this.link = link;
        this.access = access;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        ObdConnection car = link.require();
        return EventReply.emit(access.shared(() -> VehicleInfo.read(car)));
    }
}
