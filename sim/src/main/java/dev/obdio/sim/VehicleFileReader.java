package dev.obdio.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a vehicle file (JSON or YAML, one schema; see docs/SIMULATOR.md) into a
 * {@link VehicleDescription}. Walks the tree itself rather than data-binding, so every error names
 * the field path, unknown fields are rejected (a typo never passes silently), and the description
 * records' own checks surface with the path of the object that failed.
 */
final class VehicleFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final String source;

    private VehicleFileReader(String source) {
        this.source = source;
    }

    /** Parses {@code text}; JSON when it starts with '{', YAML otherwise. */
    static VehicleDescription parse(String text, String source) {
        VehicleFileReader reader = new VehicleFileReader(source);
        JsonNode root;
        boolean json = text.stripLeading().startsWith("{");
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new VehicleFileException(source, "", "not valid " + (json ? "JSON" : "YAML") + where + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new VehicleFileException(source, "", "the file is empty");
        }
        return reader.vehicle(new Node(reader, "", root));
    }

    // ---------------------------------------------------------------- the schema

    private VehicleDescription vehicle(Node n) {
        n.allow("name", "vin", "seed", "functionalId", "environment", "engine", "transmission", "body", "hybrid",
                "start", "driveCycle", "latency", "isotp", "ecus");
        String name = n.text("name");
        String vin = n.text("vin");
        long seed = n.optLong("seed", 1);
        Node fid = n.field("functionalId");
        boolean extended = fid.isExtendedId();
        int functionalId = fid.canId(extended);
        EnvironmentSpec env = n.has("environment") ? environment(n.obj("environment")) : EnvironmentSpec.DEFAULTS;
        EngineSpec engine = engine(n.obj("engine"));
        TransmissionSpec transmission = transmission(n.obj("transmission"));
        BodySpec body = body(n.obj("body"));
        HybridSpec hybrid = n.has("hybrid") ? hybrid(n.obj("hybrid")) : null;
        StartState start = start(n.obj("start"));
        DriveCycle cycle = driveCycle(n.obj("driveCycle"));
        LatencySpec latency = n.has("latency") ? latency(n.obj("latency")) : LatencySpec.DEFAULTS;
        IsoTpSpec isoTp = n.has("isotp") ? isoTp(n.obj("isotp")) : IsoTpSpec.DEFAULTS;
        List<EcuDescription> ecus = new ArrayList<>();
        for (Node e : n.list("ecus")) {
            ecus.add(ecu(e, extended));
        }
        return n.build(() -> new VehicleDescription(name, vin, seed, functionalId, extended, env, engine, transmission,
                body, hybrid, start, cycle, latency, isoTp, ecus));
    }

    private EnvironmentSpec environment(Node n) {
        n.allow("ambientC", "baroKpa");
        double ambient = n.num("ambientC");
        double baro = n.num("baroKpa");
        return n.build(() -> new EnvironmentSpec(ambient, baro));
    }

    private EngineSpec engine(Node n) {
        n.allow("fuel", "displacementL", "cylinders", "banks", "idleRpm", "redlineRpm", "maxTorqueNm", "maxTorqueRpm",
                "volumetricEfficiency", "maxBoostKpa", "thermostatC");
        FuelType fuel = n.enumValue("fuel", FuelType.class);
        double displacement = n.num("displacementL");
        int cylinders = n.integer("cylinders");
        int banks = n.optInt("banks", 1);
        int idle = n.integer("idleRpm");
        int redline = n.integer("redlineRpm");
        double torque = n.num("maxTorqueNm");
        int torqueRpm = n.integer("maxTorqueRpm");
        double ve = n.num("volumetricEfficiency");
        double boost = n.optNum("maxBoostKpa", 0);
        double thermostat = n.num("thermostatC");
        return n.build(() -> new EngineSpec(fuel, displacement, cylinders, banks, idle, redline, torque, torqueRpm, ve,
                boost, thermostat));
    }

    private TransmissionSpec transmission(Node n) {
        n.allow("type", "gearRatios", "finalDrive", "upshiftRpm", "downshiftRpm");
        TransmissionType type = n.enumValue("type", TransmissionType.class);
        List<Double> ratios = new ArrayList<>();
        for (Node r : n.list("gearRatios")) {
            ratios.add(r.asNumber());
        }
        double fd = n.num("finalDrive");
        int up = n.integer("upshiftRpm");
        int down = n.integer("downshiftRpm");
        return n.build(() -> new TransmissionSpec(type, ratios, fd, up, down));
    }

    private BodySpec body(Node n) {
        n.allow("massKg", "dragCoefficient", "frontalAreaM2", "rollingResistance", "tyre", "fuelTankL");
        double mass = n.num("massKg");
        double cd = n.num("dragCoefficient");
        double area = n.num("frontalAreaM2");
        double rr = n.num("rollingResistance");
        String tyre = n.text("tyre");
        double tank = n.num("fuelTankL");
        return n.build(() -> new BodySpec(mass, cd, area, rr, tyre, tank));
    }

    private HybridSpec hybrid(Node n) {
        n.allow("batteryKwh", "motorKw", "evMaxKph", "initialSocPct");
        double kwh = n.num("batteryKwh");
        double kw = n.num("motorKw");
        double ev = n.num("evMaxKph");
        double soc = n.num("initialSocPct");
        return n.build(() -> new HybridSpec(kwh, kw, ev, soc));
    }

    private StartState start(Node n) {
        n.allow("fuelLevelPct", "odometerKm", "coolantC");
        double fuel = n.num("fuelLevelPct");
        double odo = n.num("odometerKm");
        Double coolant = n.has("coolantC") ? n.num("coolantC") : null;
        return n.build(() -> new StartState(fuel, odo, coolant));
    }

    private LatencySpec latency(Node n) {
        n.allow("minMs", "maxMs");
        double min = n.num("minMs");
        double max = n.num("maxMs");
        return n.build(() -> new LatencySpec(min, max));
    }

    private IsoTpSpec isoTp(Node n) {
        n.allow("padding", "blockSize", "stMin");
        OptionalInt padding = IsoTpSpec.DEFAULTS.padding();
        if (n.has("padding")) {
            Node p = n.field("padding");
            padding = p.asText().trim().equalsIgnoreCase("none") ? OptionalInt.empty() : OptionalInt.of(p.hex(0, 0xFF));
        }
        OptionalInt pad = padding;
        int bs = n.optInt("blockSize", IsoTpSpec.DEFAULTS.blockSize());
        int stMin = n.optInt("stMin", IsoTpSpec.DEFAULTS.stMin());
        return n.build(() -> new IsoTpSpec(pad, bs, stMin));
    }

    private DriveCycle driveCycle(Node n) {
        n.allow("variation", "legs");
        double variation = n.optNum("variation", 0);
        List<DriveLeg> legs = new ArrayList<>();
        for (Node leg : n.list("legs")) {
            legs.add(leg(leg));
        }
        return n.build(() -> new DriveCycle(legs, variation));
    }

    private DriveLeg leg(Node n) {
        if (n.has("idle")) {
            n.allow("idle");
            double s = n.num("idle");
            return n.build(() -> new DriveLeg.Idle(s));
        }
        if (n.has("accelerate")) {
            n.allow("accelerate", "pedal");
            double kph = n.num("accelerate");
            double pedal = n.num("pedal");
            return n.build(() -> new DriveLeg.Accelerate(kph, pedal));
        }
        if (n.has("cruise")) {
            n.allow("cruise");
            double s = n.num("cruise");
            return n.build(() -> new DriveLeg.Cruise(s));
        }
        if (n.has("brake")) {
            n.allow("brake", "decel");
            double kph = n.num("brake");
            double decel = n.num("decel");
            return n.build(() -> new DriveLeg.Brake(kph, decel));
        }
        throw n.error("a leg is one of {idle: s}, {accelerate: km/h, pedal: %}, {cruise: s}, {brake: km/h, decel: m/s²}");
    }

    private EcuDescription ecu(Node n, boolean extended) {
        n.allow("name", "role", "requestId", "responseId", "address29", "ecuName", "obdStandard", "reportsVin", "pids",
                "calibrationIds", "cvns", "history", "dtcs", "supportedDtcs", "dids", "security");
        String name = n.text("name");
        EcuRole role = n.enumValue("role", EcuRole.class);
        int request = n.field("requestId").canId(extended);
        int response = n.field("responseId").canId(extended);
        Integer address = n.has("address29") ? n.field("address29").hex(0, 0xFF) : null;
        String ecuName = n.text("ecuName");
        int standard = n.integer("obdStandard");
        boolean vin = n.optBool("reportsVin", role == EcuRole.ENGINE);
        List<Integer> pids = n.field("pids").hexBytes();
        List<String> cals = new ArrayList<>();
        for (Node c : n.list("calibrationIds")) {
            cals.add(c.asText());
        }
        List<String> cvns = new ArrayList<>();
        for (Node c : n.list("cvns")) {
            cvns.add(c.asText());
        }
        EcuHistory history = n.has("history") ? history(n.obj("history")) : EcuHistory.DEFAULTS;
        List<DtcSpec> dtcs = new ArrayList<>();
        for (Node d : n.optList("dtcs")) {
            dtcs.add(dtc(d));
        }
        List<DtcCode> supported = new ArrayList<>();
        for (Node d : n.optList("supportedDtcs")) {
            supported.add(d.dtcCode());
        }
        List<DidSpec> dids = new ArrayList<>();
        for (Node d : n.optList("dids")) {
            dids.add(did(d));
        }
        List<SecurityLevelSpec> security = new ArrayList<>();
        for (Node s : n.optList("security")) {
            security.add(security(s));
        }
        return n.build(() -> new EcuDescription(name, role, request, response, address, ecuName, standard, vin, pids,
                cals, cvns, history, dtcs, supported, dids, security));
    }

    private EcuHistory history(Node n) {
        n.allow("distanceSinceClearKm", "minutesSinceClear", "warmUpsSinceClear", "milDistanceKm", "milMinutes",
                "monitorsComplete");
        int dist = n.optInt("distanceSinceClearKm", 0);
        int minutes = n.optInt("minutesSinceClear", 0);
        int warmUps = n.optInt("warmUpsSinceClear", 0);
        int milKm = n.optInt("milDistanceKm", 0);
        int milMin = n.optInt("milMinutes", 0);
        boolean complete = n.optBool("monitorsComplete", true);
        return n.build(() -> new EcuHistory(dist, minutes, warmUps, milKm, milMin, complete));
    }

    private DtcSpec dtc(Node n) {
        n.allow("code", "failureType", "stored", "pending", "permanent", "mil", "active", "occurrences", "freezeFrame");
        DtcCode code = n.field("code").dtcCode();
        int ftb = n.has("failureType") ? n.field("failureType").hex(0, 0xFF) : 0;
        boolean stored = n.optBool("stored", false);
        boolean pending = n.optBool("pending", false);
        boolean permanent = n.optBool("permanent", false);
        boolean mil = n.optBool("mil", stored);
        boolean active = n.optBool("active", false);
        int occurrences = n.optInt("occurrences", 1);
        Map<Signal, Double> frame = new EnumMap<>(Signal.class);
        if (n.has("freezeFrame")) {
            Node ff = n.obj("freezeFrame");
            for (Iterator<String> it = ff.json.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                Signal s = Signal.byKey(key);
                if (s == null) {
                    throw ff.field(key).error("unknown signal; signals: " + signalKeys());
                }
                frame.put(s, ff.num(key));
            }
        }
        return n.build(() -> new DtcSpec(code, ftb, stored, pending, permanent, mil, active, occurrences, frame));
    }

    private static String signalKeys() {
        StringBuilder b = new StringBuilder();
        for (Signal s : Signal.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.key());
        }
        return b.toString();
    }

    private DidSpec did(Node n) {
        n.allow("id", "name", "type", "length", "value", "source", "read", "write", "min", "max", "controls");
        int id = n.field("id").hex(0, 0xFFFF);
        String name = n.text("name");
        DidType type = n.enumValue("type", DidType.class);
        int length = n.integer("length");
        DidSource source = n.has("source") ? n.enumValue("source", DidSource.class) : DidSource.STORED;
        String value = n.has("value") ? n.field("value").scalarText() : null;
        DidAccess read = n.has("read") ? access(n.obj("read")) : DidAccess.OPEN;
        DidAccess write = n.has("write") ? access(n.obj("write")) : null;
        long maxRaw = type == DidType.UINT && length >= 1 && length <= 4 ? (1L << (8 * length)) - 1 : 0;
        long min = n.optLong("min", 0);
        long max = n.optLong("max", maxRaw);
        ModelControl controls = n.has("controls") ? n.enumValue("controls", ModelControl.class) : ModelControl.NONE;
        return n.build(() -> new DidSpec(id, name, type, length, value, source, read, write, min, max, controls));
    }

    private DidAccess access(Node n) {
        n.allow("sessions", "securityLevel");
        Set<DiagnosticSession> sessions = n.has("sessions") ? sessions(n) : EnumSet.allOf(DiagnosticSession.class);
        int level = n.optInt("securityLevel", 0);
        return n.build(() -> new DidAccess(sessions, level));
    }

    private Set<DiagnosticSession> sessions(Node n) {
        Set<DiagnosticSession> sessions = EnumSet.noneOf(DiagnosticSession.class);
        for (Node s : n.list("sessions")) {
            sessions.add(s.asEnum(DiagnosticSession.class));
        }
        return sessions;
    }

    private SecurityLevelSpec security(Node n) {
        n.allow("level", "algorithm", "secret", "rotate", "sessions", "maxAttempts", "delayMs");
        int level = n.integer("level");
        if (n.has("algorithm") && !dev.obdio.uds.ObdioXorRotateAdd.NAME.equals(n.text("algorithm"))) {
            throw n.field("algorithm").error("\"" + n.text("algorithm") + "\" is not known; the simulator implements "
                    + dev.obdio.uds.ObdioXorRotateAdd.NAME);
        }
        long secret = n.field("secret").hexLong(0xFFFF_FFFFL);
        int rotate = n.integer("rotate");
        Set<DiagnosticSession> sessions = n.has("sessions") ? sessions(n) : EnumSet.of(DiagnosticSession.EXTENDED);
        int attempts = n.optInt("maxAttempts", 3);
        int delay = n.optInt("delayMs", 10_000);
        return n.build(() -> new SecurityLevelSpec(level, secret, rotate, sessions, attempts, delay));
    }

    // ---------------------------------------------------------------- tree access with paths

    /** A JSON node and its path in the file. */
    private static final class Node {
        final VehicleFileReader reader;
        final String path;
        final JsonNode json;

        Node(VehicleFileReader reader, String path, JsonNode json) {
            this.reader = reader;
            this.path = path;
            this.json = json;
        }

        VehicleFileException error(String message) {
            return new VehicleFileException(reader.source, path, message);
        }

        private String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return json.isObject() && json.has(name) && !json.get(name).isNull();
        }

        Node field(String name) {
            if (!json.isObject()) {
                throw error("expected an object");
            }
            JsonNode child = json.get(name);
            if (child == null || child.isNull()) {
                throw new Node(reader, child(name), null).error("missing");
            }
            return new Node(reader, child(name), child);
        }

        void allow(String... names) {
            if (!json.isObject()) {
                throw error("expected an object with fields " + String.join(", ", names));
            }
            Set<String> allowed = Set.of(names);
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new Node(reader, child(f), null).error("unknown field; expected one of " + String.join(", ", names));
                }
            }
        }

        Node obj(String name) {
            Node n = field(name);
            if (!n.json.isObject()) {
                throw n.error("expected an object");
            }
            return n;
        }

        List<Node> list(String name) {
            Node n = field(name);
            if (!n.json.isArray()) {
                throw n.error("expected a list");
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < n.json.size(); i++) {
                out.add(new Node(reader, n.path + "[" + i + "]", n.json.get(i)));
            }
            return out;
        }

        List<Node> optList(String name) {
            return has(name) ? list(name) : List.of();
        }

        String text(String name) {
            return field(name).asText();
        }

        String asText() {
            if (json.isNumber()) {
                // YAML reads 7E0 as 7.0 and 0110 as 110: hex must be quoted.
                throw error("expected text, got the number " + json + "; in YAML write hex values in quotes, e.g. \"7E0\"");
            }
            if (!json.isTextual()) {
                throw error("expected text, got " + json);
            }
            return json.asText();
        }

        /** A text or number as text (DID values may be either). */
        String scalarText() {
            if (json.isTextual()) {
                return json.asText();
            }
            if (json.isIntegralNumber()) {
                return json.asText();
            }
            throw error("expected text or a whole number, got " + json);
        }

        double num(String name) {
            return field(name).asNumber();
        }

        double asNumber() {
            if (!json.isNumber()) {
                throw error("expected a number, got " + json);
            }
            double v = json.asDouble();
            if (!Double.isFinite(v)) {
                throw error("expected a finite number, got " + json);
            }
            return v;
        }

        double optNum(String name, double fallback) {
            return has(name) ? num(name) : fallback;
        }

        long asLong() {
            if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                throw error("expected a whole number, got " + json);
            }
            return json.asLong();
        }

        int integer(String name) {
            Node n = field(name);
            long v = n.asLong();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw n.error("out of range: " + v);
            }
            return (int) v;
        }

        int optInt(String name, int fallback) {
            return has(name) ? integer(name) : fallback;
        }

        long optLong(String name, long fallback) {
            return has(name) ? field(name).asLong() : fallback;
        }

        boolean optBool(String name, boolean fallback) {
            if (!has(name)) {
                return fallback;
            }
            Node n = field(name);
            if (!n.json.isBoolean()) {
                throw n.error("expected true or false, got " + n.json);
            }
            return n.json.asBoolean();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            return field(name).asEnum(type);
        }

        <E extends Enum<E>> E asEnum(Class<E> type) {
            String text = asText();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            throw error("\"" + text + "\" is not one of " + String.join(", ", names));
        }

        /** Hex text like {@code "7E0"}: 1-3 digits for 11-bit ids, exactly 8 for 29-bit. */
        boolean isExtendedId() {
            return asText().trim().length() == 8;
        }

        int canId(boolean extended) {
            String t = asText().trim();
            if (extended ? t.length() != 8 : t.isEmpty() || t.length() > 3) {
                throw error("\"" + t + "\" must be " + (extended ? "8 hex digits (29-bit, like functionalId)"
                        : "1-3 hex digits (11-bit, like functionalId)"));
            }
            return (int) parseHex(t, extended ? 0x1FFFFFFFL : 0x7FFL);
        }

        int hex(int min, int max) {
            long v = parseHex(asText().trim(), max);
            if (v < min) {
                throw error("out of range");
            }
            return (int) v;
        }

        long hexLong(long max) {
            return parseHex(asText().trim(), max);
        }

        private long parseHex(String t, long max) {
            String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
            long v;
            try {
                if (digits.isEmpty() || digits.length() > 8 || digits.startsWith("+") || digits.startsWith("-")) {
                    throw new NumberFormatException();
                }
                v = Long.parseLong(digits, 16);
            } catch (NumberFormatException e) {
                throw error("\"" + t + "\" is not hex");
            }
            if (v > max) {
                throw error(String.format("0x%X out of range 0..0x%X", v, max));
            }
            return v;
        }

        /** Hex bytes: a text {@code "01 0C 0D"} or a list of hex texts. */
        List<Integer> hexBytes() {
            List<Integer> out = new ArrayList<>();
            if (json.isTextual()) {
                String t = json.asText().trim();
                if (!t.isEmpty()) {
                    for (String part : t.split("[\\s,]+")) {
                        out.add((int) new Node(reader, path, json).parseHexPart(part));
                    }
                }
                return out;
            }
            if (json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    Node item = new Node(reader, path + "[" + i + "]", json.get(i));
                    out.add(item.hex(0, 0xFF));
                }
                return out;
            }
            throw error("expected hex bytes like \"01 0C 0D\"");
        }

        private long parseHexPart(String part) {
            if (part.length() > 2) {
                throw error("\"" + part + "\" is not a hex byte");
            }
            return parseHex(part, 0xFF);
        }

        DtcCode dtcCode() {
            String t = asText();
            try {
                return DtcCode.parse(t);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        /**
         * Builds a record; its validation message ("field: problem") gets this node's path in front,
         * so {@code ecus[0]} + "cvns: ..." reads {@code ecus[0].cvns: ...}.
         */
        <T> T build(Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (VehicleFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                int colon = m.indexOf(": ");
                if (colon > 0 && m.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]]+")) {
                    String field = m.substring(0, colon);
                    return throwAt(path.isEmpty() ? field : path + "." + field, m.substring(colon + 2));
                }
                throw error(m);
            }
        }

        private <T> T throwAt(String fieldPath, String message) {
            throw new VehicleFileException(reader.source, fieldPath, message);
        }
    }
}
