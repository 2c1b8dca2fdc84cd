package dev.obdio.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a {@link VehicleDescription} in the vehicle file schema, every field explicit, so that
 * reading the output gives an equal description.
 */
final class VehicleFileWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private VehicleFileWriter() {
    }

    static String json(VehicleDescription d) {
        return write(JSON, d);
    }

    static String yaml(VehicleDescription d) {
        return write(YAML, d);
    }

    private static String write(ObjectMapper mapper, VehicleDescription d) {
        try {
            return mapper.writeValueAsString(tree(d));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(VehicleDescription d) {
        ObjectNode n = F.objectNode();
        n.put("name", d.name());
        n.put("vin", d.vin());
        n.put("seed", d.seed());
        n.put("functionalId", canId(d.functionalId(), d.extendedIds()));
        ObjectNode env = n.putObject("environment");
        env.put("ambientC", d.environment().ambientC());
        env.put("baroKpa", d.environment().baroKpa());
        EngineSpec e = d.engine();
        ObjectNode engine = n.putObject("engine");
        engine.put("fuel", lower(e.fuel()));
        engine.put("displacementL", e.displacementL());
        engine.put("cylinders", e.cylinders());
        engine.put("banks", e.banks());
        engine.put("idleRpm", e.idleRpm());
        engine.put("redlineRpm", e.redlineRpm());
        engine.put("maxTorqueNm", e.maxTorqueNm());
        engine.put("maxTorqueRpm", e.maxTorqueRpm());
        engine.put("volumetricEfficiency", e.volumetricEfficiency());
        engine.put("maxBoostKpa", e.maxBoostKpa());
        engine.put("thermostatC", e.thermostatC());
        TransmissionSpec t = d.transmission();
        ObjectNode tr = n.putObject("transmission");
        tr.put("type", lower(t.type()));
        ArrayNode ratios = tr.putArray("gearRatios");
        t.gearRatios().forEach(ratios::add);
        tr.put("finalDrive", t.finalDrive());
        tr.put("upshiftRpm", t.upshiftRpm());
        tr.put("downshiftRpm", t.downshiftRpm());
        BodySpec b = d.body();
        ObjectNode body = n.putObject("body");
        body.put("massKg", b.massKg());
        body.put("dragCoefficient", b.dragCoefficient());
        body.put("frontalAreaM2", b.frontalAreaM2());
        body.put("rollingResistance", b.rollingResistance());
        body.put("tyre", b.tyre());
        body.put("fuelTankL", b.fuelTankL());
        if (d.hybrid() != null) {
            HybridSpec h = d.hybrid();
            ObjectNode hy = n.putObject("hybrid");
            hy.put("batteryKwh", h.batteryKwh());
            hy.put("motorKw", h.motorKw());
            hy.put("evMaxKph", h.evMaxKph());
            hy.put("initialSocPct", h.initialSocPct());
        }
        ObjectNode start = n.putObject("start");
        start.put("fuelLevelPct", d.start().fuelLevelPct());
        start.put("odometerKm", d.start().odometerKm());
        if (d.start().coolantC() != null) {
            start.put("coolantC", d.start().coolantC());
        }
        ObjectNode cycle = n.putObject("driveCycle");
        cycle.put("variation", d.driveCycle().variation());
        ArrayNode legs = cycle.putArray("legs");
        for (DriveLeg leg : d.driveCycle().legs()) {
            ObjectNode l = legs.addObject();
            if (leg instanceof DriveLeg.Idle i) {
                l.put("idle", i.seconds());
            } else if (leg instanceof DriveLeg.Accelerate a) {
                l.put("accelerate", a.toKph());
                l.put("pedal", a.pedalPct());
            } else if (leg instanceof DriveLeg.Cruise c) {
                l.put("cruise", c.seconds());
            } else if (leg instanceof DriveLeg.Brake br) {
                l.put("brake", br.toKph());
                l.put("decel", br.decelMs2());
            }
        }
        ObjectNode latency = n.putObject("latency");
        latency.put("minMs", d.latency().minMs());
        latency.put("maxMs", d.latency().maxMs());
        ObjectNode isoTp = n.putObject("isotp");
        IsoTpSpec tp = d.isoTp();
        isoTp.put("padding", tp.padding().isPresent() ? String.format("%02X", tp.padding().getAsInt()) : "none");
        isoTp.put("blockSize", tp.blockSize());
        isoTp.put("stMin", tp.stMin());
        ArrayNode ecus = n.putArray("ecus");
        for (EcuDescription ecu : d.ecus()) {
            ecus.add(ecu(ecu, d.extendedIds()));
        }
        return n;
    }

    private static ObjectNode ecu(EcuDescription e, boolean extended) {
        ObjectNode n = F.objectNode();
        n.put("name", e.name());
        n.put("role", lower(e.role()));
        n.put("requestId", canId(e.requestId(), extended));
        n.put("responseId", canId(e.responseId(), extended));
        if (e.address29() != null) {
            n.put("address29", String.format("%02X", e.address29()));
        }
        n.put("ecuName", e.ecuName());
        n.put("obdStandard", e.obdStandard());
        n.put("reportsVin", e.reportsVin());
        n.put("pids", e.pids().stream().map(p -> String.format("%02X", p)).collect(Collectors.joining(" ")));
        ArrayNode cals = n.putArray("calibrationIds");
        e.calibrationIds().forEach(cals::add);
        ArrayNode cvns = n.putArray("cvns");
        e.cvns().forEach(c -> cvns.add(c.toUpperCase(Locale.ROOT)));
        EcuHistory h = e.history();
        ObjectNode history = n.putObject("history");
        history.put("distanceSinceClearKm", h.distanceSinceClearKm());
        history.put("minutesSinceClear", h.minutesSinceClear());
        history.put("warmUpsSinceClear", h.warmUpsSinceClear());
        history.put("milDistanceKm", h.milDistanceKm());
        history.put("milMinutes", h.milMinutes());
        history.put("monitorsComplete", h.monitorsComplete());
        ArrayNode dtcs = n.putArray("dtcs");
        for (DtcSpec d : e.dtcs()) {
            ObjectNode x = dtcs.addObject();
            x.put("code", d.code().toString());
            x.put("failureType", String.format("%02X", d.failureType()));
            x.put("stored", d.stored());
            x.put("pending", d.pending());
            x.put("permanent", d.permanent());
            x.put("mil", d.mil());
            x.put("active", d.active());
            x.put("occurrences", d.occurrences());
            if (!d.freezeFrame().isEmpty()) {
                ObjectNode ff = x.putObject("freezeFrame");
                for (Map.Entry<Signal, Double> v : d.freezeFrame().entrySet()) {
                    ff.put(v.getKey().key(), v.getValue());
                }
            }
        }
        ArrayNode supported = n.putArray("supportedDtcs");
        e.supportedDtcs().forEach(c -> supported.add(c.toString()));
        ArrayNode dids = n.putArray("dids");
        for (DidSpec d : e.dids()) {
            ObjectNode x = dids.addObject();
            x.put("id", String.format("%04X", d.id()));
            x.put("name", d.name());
            x.put("type", lower(d.type()));
            x.put("length", d.length());
            x.put("source", lower(d.source()));
            if (d.source() == DidSource.STORED) {
                x.put("value", d.value());
            }
            x.set("read", access(d.read()));
            if (d.write() != null) {
                x.set("write", access(d.write()));
            }
            if (d.type() == DidType.UINT) {
                x.put("min", d.min());
                x.put("max", d.max());
            }
            x.put("controls", lower(d.controls()));
        }
        ArrayNode security = n.putArray("security");
        for (SecurityLevelSpec s : e.security()) {
            ObjectNode x = security.addObject();
            x.put("level", s.level());
            x.put("algorithm", dev.obdio.uds.ObdioXorRotateAdd.NAME);
            x.put("secret", String.format("%08X", s.secret()));
            x.put("rotate", s.rotate());
            x.set("sessions", sessions(s.sessions()));
            x.put("maxAttempts", s.maxAttempts());
            x.put("delayMs", s.delayMs());
        }
        return n;
    }

    private static ObjectNode access(DidAccess a) {
        ObjectNode n = F.objectNode();
        n.set("sessions", sessions(a.sessions()));
        n.put("securityLevel", a.securityLevel());
        return n;
    }

    private static ArrayNode sessions(Set<DiagnosticSession> sessions) {
        ArrayNode a = F.arrayNode();
        for (DiagnosticSession s : DiagnosticSession.values()) {
            if (sessions.contains(s)) {
                a.add(lower(s));
            }
        }
        return a;
    }

    private static String canId(int id, boolean extended) {
        return extended ? String.format("%08X", id) : String.format("%03X", id);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
