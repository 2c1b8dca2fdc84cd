package dev.obdio.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.obdio.obd.Ecu;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reply to {@code vehicle_info}: who the vehicle and its ECUs are.
 * {@code {"vin":"1G1JC5444R7252367","status":"Car Connected","protocol":"ISO 15765-4 (CAN 11/500)",
 * "protocol_id":"6","port":"vcan0","ecus":[{"name":"7E8","role":"engine","tx":"7E0","rx":"7E8",
 * "extended":false,"calibration_id":"JMB*36761500","cvn":"1791BC82","ecu_name":"ECM-EngineControl",
 * "supported":42}],"time":1700000000000}}. Values the vehicle does not give are {@code null}; the
 * VIN and calibration ids are the whole strings (obd-socketio strips some characters; we do not).
 *
 * @param vin        the vehicle identification number (mode 09 PID 02)
 * @param status     the connection status
 * @param protocol   the protocol name
 * @param protocolId the ELM327 protocol number as a string
 * @param port       the bus
 * @param ecus       the ECUs that answer, ascending by answer id
 * @param time       when the reading ended, epoch milliseconds
 */
@JsonPropertyOrder({"vin", "status", "protocol", "protocol_id", "port", "ecus", "time"})
record VehicleInfo(ObdValue vin, String status, String protocol, @JsonProperty("protocol_id") String protocolId,
                   String port, List<EcuInfo> ecus, long time) {

    private static final List<ObdCommand> PER_ECU = List.of(ObdCommands.CALIBRATION_ID, ObdCommands.CVN,
            ObdCommands.ECU_NAME);

    /**
     * One ECU.
     *
     * @param name          its answer id as people write it
     * @param role          {@code engine}, {@code transmission} or {@code unknown}
     * @param tx            the id requests go to
     * @param rx            the id it answers on
     * @param extended      whether the ids are 29-bit
     * @param calibrationId its calibration id(s) (mode 09 PID 04)
     * @param cvn           its calibration verification number(s) (mode 09 PID 06)
     * @param ecuName       its name (mode 09 PID 0A)
     * @param supported     how many OBD commands it lists as supported
     */
    @JsonPropertyOrder({"name", "role", "tx", "rx", "extended", "calibration_id", "cvn", "ecu_name", "supported"})
    record EcuInfo(String name, String role, String tx, String rx, boolean extended,
                   @JsonProperty("calibration_id") ObdValue calibrationId, ObdValue cvn,
                   @JsonProperty("ecu_name") ObdValue ecuName, int supported) {
    }

    /** Reads the VIN and, per ECU, its calibration ids, CVNs and name (blocking). */
    static VehicleInfo read(ObdConnection car) {
        ObdResponse vin = car.read(List.of(ObdCommands.VIN), true).get(ObdCommands.VIN);
        Map<ObdCommand, List<ObdResponse>> perEcu = new LinkedHashMap<>();
        for (ObdCommand c : PER_ECU) {
            boolean anywhere = car.ecus().stream().anyMatch(e -> e.supports(c));
            perEcu.put(c, anywhere ? car.queryEach(c, true) : List.of());
        }
        List<EcuInfo> ecus = new ArrayList<>();
        for (Ecu e : car.ecus()) {
            String format = e.extendedIds() ? "%08X" : "%03X";
            ecus.add(new EcuInfo(e.name(), e.role().name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, format, e.requestId()), String.format(Locale.ROOT, format, e.responseId()),
                    e.extendedIds(), fromEcu(perEcu.get(ObdCommands.CALIBRATION_ID), e),
                    fromEcu(perEcu.get(ObdCommands.CVN), e), fromEcu(perEcu.get(ObdCommands.ECU_NAME), e),
                    e.supportedCommands().size()));
        }
        return new VehicleInfo(vin.value().orElse(null), car.status().text(), car.protocolName(), car.protocolId(),
                car.portName(), ecus, System.currentTimeMillis());
    }

    private static ObdValue fromEcu(List<ObdResponse> responses, Ecu e) {
        for (ObdResponse r : responses) {
            if (!r.messages().isEmpty() && r.messages().get(0).sourceId() == e.responseId() && r.value().isPresent()) {
                return r.value().get();
            }
        }
        return null;
    }
}
