package dev.obdio.uds.script;

import dev.obdio.uds.Addressing;
import dev.obdio.uds.ClearDiagnosticInformation;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.DidCodec;
import dev.obdio.uds.DidCodecs;
import dev.obdio.uds.DidData;
import dev.obdio.uds.DidValue;
import dev.obdio.uds.DtcRecord;
import dev.obdio.uds.EcuReset;
import dev.obdio.uds.Hex;
import dev.obdio.uds.RawRequest;
import dev.obdio.uds.ReadDataByIdentifier;
import dev.obdio.uds.ReadDtcInformation;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.SecurityKeyAlgorithm;
import dev.obdio.uds.SecurityKeyAlgorithms;
import dev.obdio.uds.TesterPresent;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.UdsException;
import dev.obdio.uds.UdsNegativeResponseException;
import dev.obdio.uds.UdsRequest;
import dev.obdio.uds.UdsResponse;
import dev.obdio.uds.UdsTimeoutException;
import dev.obdio.uds.WriteDataByIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link UdsAction}s on a client and reports each as a {@link UdsOutcome}; never throws for
 * what the vehicle does (refusals, silence, odd responses are outcomes). Used by the CLI and by
 * {@link UdsScriptRunner}. Runs on the calling thread; the client serializes.
 */
public final class UdsActionRunner {
    private final UdsClient client;

    /**
     * What an action runs with beyond the client: DID codecs and key algorithm (the script's, which
     * start as the client's), and the script's variables.
     *
     * @param codecs       DID codecs for reading and writing
     * @param keyAlgorithm the key algorithm for {@code security} without {@code --key-algo}
     * @param variables    values stored with {@code -> $name}
     */
    public record Context(DidCodecs codecs, SecurityKeyAlgorithm keyAlgorithm, Map<String, byte[]> variables) {
        /** Copies the variables. */
        public Context {
            variables = Map.copyOf(variables);
        }

        /** The client's codecs and key algorithm, no variables. */
        public static Context of(UdsClientConfig config) {
            return new Context(config.codecs(), config.keyAlgorithm(), Map.of());
        }
    }

    /** A runner for a client. */
    public UdsActionRunner(UdsClient client) {
        this.client = client;
    }

    /** Runs an action. */
    public UdsOutcome run(UdsAction action, Context context) {
        Run run = new Run(action, context);
        try {
            run.execute();
            return run.outcome(run.silent ? UdsOutcome.Status.ACCEPTED_SILENTLY : UdsOutcome.Status.POSITIVE, "");
        } catch (UdsNegativeResponseException e) {
            return run.outcome(UdsOutcome.Status.NEGATIVE, e.getMessage());
        } catch (UdsTimeoutException e) {
            return run.outcome(UdsOutcome.Status.TIMEOUT, e.getMessage());
        } catch (UdsException | IllegalArgumentException | IllegalStateException e) {
            return run.outcome(UdsOutcome.Status.ERROR, e.getMessage());
        }
    }

    /** The state of one action's run. */
    private final class Run {
        final UdsAction action;
        final Context context;
        final UdsClientConfig config;
        final List<UdsOutcome.Exchange> exchanges = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final Map<String, Object> result = new LinkedHashMap<>();
        Optional<byte[]> value = Optional.empty();
        boolean silent;

        Run(UdsAction action, Context context) {
            this.action = action;
            this.context = context;
            this.config = client.config().withCodecs(context.codecs());
        }

        UdsOutcome outcome(UdsOutcome.Status status, String message) {
            Optional<byte[]> stored = value.isPresent() ? value
                    : exchanges.isEmpty() ? Optional.empty()
                    : exchanges.get(exchanges.size() - 1).response().map(UdsResponse::bytes);
            return new UdsOutcome(action.command(), status, exchanges, message, lines, result, stored);
        }

        /** Sends a request, logs the exchange, throws for a refusal, parses a positive answer. */
        <R> Optional<R> step(UdsRequest<R> request, Addressing addressing) {
            byte[] bytes = request.encode();
            Optional<UdsResponse> response;
            try {
                response = client.exchange(bytes, addressing);
            } catch (UdsException e) {
                exchanges.add(new UdsOutcome.Exchange(bytes, Optional.empty()));
                throw e;
            }
            exchanges.add(new UdsOutcome.Exchange(bytes, response));
            if (response.isEmpty()) {
                silent = true;
                return Optional.empty();
            }
            if (response.get().isNegative()) {
                throw new UdsNegativeResponseException(request.serviceId(), response.get().nrc());
            }
            silent = false;
            return Optional.of(request.parse(response.get(), config));
        }

        <R> R required(UdsRequest<R> request) {
            return step(request, Addressing.PHYSICAL).orElseThrow();
        }

        void execute() {
            if (action instanceof UdsAction.Session a) {
                session(a);
            } else if (action instanceof UdsAction.Reset a) {
                EcuReset.Response r = required(new EcuReset.Request(a.resetType()));
                lines.add(String.format("reset 0x%02X %s accepted", r.resetType(), EcuReset.nameOf(r.resetType()))
                        + (r.powerDownTime().isPresent() ? ", power down in " + r.powerDownTime().getAsInt() + " s" : ""));
                result.put("resetType", r.resetType());
                result.put("name", EcuReset.nameOf(r.resetType()));
            } else if (action instanceof UdsAction.Read a) {
                read(a);
            } else if (action instanceof UdsAction.Write a) {
                write(a);
            } else if (action instanceof UdsAction.Security a) {
                security(a);
            } else if (action instanceof UdsAction.Dtcs a) {
                dtcs(a);
            } else if (action instanceof UdsAction.ClearDtcs a) {
                required(new ClearDiagnosticInformation.Request(a.group()));
                lines.add(String.format("DTCs of group %06X cleared", a.group()));
                result.put("group", String.format("%06X", a.group()));
            } else if (action instanceof UdsAction.Routine a) {
                routine(a);
            } else if (action instanceof UdsAction.TesterPresent) {
                required(new TesterPresent.Request(false));
                lines.add("tester present: the ECU answered");
            } else if (action instanceof UdsAction.Raw a) {
                raw(a);
            }
        }

        void session(UdsAction.Session a) {
            Optional<DiagnosticSessionControl.Response> r = step(
                    new DiagnosticSessionControl.Request(a.session(), a.suppress()), a.addressing());
            String name = DiagnosticSessionControl.nameOf(a.session());
            result.put("session", a.session());
            result.put("name", name);
            if (r.isEmpty()) {
                lines.add(String.format("session 0x%02X %s (no positive response requested)", a.session(), name));
                return;
            }
            StringBuilder line = new StringBuilder(String.format("session 0x%02X %s", r.get().session(), name));
            r.get().timing().ifPresent(t -> {
                line.append(": ").append(t);
                result.put("p2Ms", t.p2().toMillis());
                result.put("p2StarMs", t.p2Star().toMillis());
            });
            lines.add(line.toString());
        }

        void read(UdsAction.Read a) {
            ReadDataByIdentifier.Response r = required(new ReadDataByIdentifier.Request(a.dids()));
            List<Map<String, Object>> dids = new ArrayList<>();
            for (DidValue v : r.values()) {
                String name = context.codecs().nameOf(v.did()).map(n -> " " + n).orElse("");
                String shown = v.value().display();
                String hex = Hex.format(v.raw());
                lines.add(String.format("%04X%s: %s", v.did(), name, v.value() instanceof DidData.Bytes ? hex
                        : shown + "  (" + hex + ")"));
                dids.add(didMap(v));
            }
            for (int did : a.dids()) {
                if (r.value(did).isEmpty()) {
                    lines.add(String.format("%04X: not in the response", did));
                }
            }
            result.put("dids", dids);
            if (a.dids().size() == 1) {
                r.value(a.dids().get(0)).ifPresent(v -> value = Optional.of(v.raw()));
            }
        }

        Map<String, Object> didMap(DidValue v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("did", String.format("%04X", v.did()));
            context.codecs().nameOf(v.did()).ifPresent(n -> m.put("name", n));
            m.put("hex", Hex.compact(v.raw()));
            if (v.value() instanceof DidData.Text t) {
                m.put("value", t.text());
            } else if (v.value() instanceof DidData.Numeric n) {
                m.put("value", n.value());
                if (!n.unit().isEmpty()) {
                    m.put("unit", n.unit());
                }
            }
            return m;
        }

        void write(UdsAction.Write a) {
            DidCodec codec = context.codecs().codecFor(a.did());
            byte[] data;
            if (a.value() instanceof UdsAction.WriteValue.Bytes b) {
                data = b.pattern().resolve(context.variables());
            } else {
                UdsAction.WriteValue.CodecText t = (UdsAction.WriteValue.CodecText) a.value();
                String text = t.text();
                try {
                    data = !t.quoted() && (text.startsWith("0x") || text.startsWith("0X")) ? Hex.parse(text)
                            : codec.encode(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(String.format("DID %04X (%s): %s", a.did(), codec.describe(),
                            e.getMessage()), e);
                }
            }
            if (data.length == 0) {
                throw new IllegalArgumentException(String.format("DID %04X: the value is empty", a.did()));
            }
            required(new WriteDataByIdentifier.Request(a.did(), data));
            lines.add(String.format("%04X written: %s", a.did(), Hex.format(data)));
            result.put("did", String.format("%04X", a.did()));
            result.put("hex", Hex.compact(data));
        }

        void security(UdsAction.Security a) {
            SecurityKeyAlgorithm algorithm = a.keyAlgorithm().map(SecurityKeyAlgorithms::byName)
                    .orElse(context.keyAlgorithm());
            result.put("level", a.level());
            client.exclusive(() -> {
                SecurityAccess.Seed seed = required(new SecurityAccess.SeedRequest(a.level()));
                if (seed.alreadyUnlocked()) {
                    lines.add(String.format("security level 0x%02X already unlocked (zero seed)", a.level()));
                    result.put("outcome", "already-unlocked");
                    return null;
                }
                byte[] key = algorithm.key(a.level(), seed.seed());
                required(new SecurityAccess.KeyRequest(a.level(), key));
                lines.add(String.format("security level 0x%02X unlocked (seed %s, key %s)", a.level(),
                        Hex.format(seed.seed()), Hex.format(key)));
                result.put("outcome", "unlocked");
                return null;
            });
        }

        void dtcs(UdsAction.Dtcs a) {
            switch (a.report()) {
                case COUNT -> {
                    ReadDtcInformation.DtcCount c = required(new ReadDtcInformation.CountByStatusMask(a.statusMask()));
                    lines.add(String.format("%d DTC%s match status mask 0x%02X", c.count(), c.count() == 1 ? "" : "s",
                            a.statusMask()));
                    result.put("count", c.count());
                    result.put("availabilityMask", String.format("%02X", c.availabilityMask().bits()));
                    result.put("format", c.format());
                }
                case BY_STATUS_MASK -> dtcList(required(new ReadDtcInformation.ByStatusMask(a.statusMask())),
                        String.format("status mask 0x%02X", a.statusMask()));
                case SUPPORTED -> dtcList(required(new ReadDtcInformation.SupportedDtcs()), "supported");
                case SNAPSHOT_IDS -> {
                    ReadDtcInformation.SnapshotIds ids = required(new ReadDtcInformation.SnapshotIdentification());
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (ReadDtcInformation.SnapshotId id : ids.ids()) {
                        lines.add(String.format("%s snapshot record 0x%02X", id.dtc(), id.recordNumber()));
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("dtc", id.dtc().toString());
                        m.put("record", id.recordNumber());
                        out.add(m);
                    }
                    if (ids.ids().isEmpty()) {
                        lines.add("no snapshot records");
                    }
                    result.put("snapshots", out);
                }
                case SNAPSHOTS -> {
                    ReadDtcInformation.Snapshots s = required(
                            new ReadDtcInformation.SnapshotRecordByDtc(a.dtc().orElseThrow(), a.recordNumber()));
                    lines.add(s.dtc().toString());
                    result.put("dtc", dtcMap(s.dtc()));
                    List<Map<String, Object>> records = new ArrayList<>();
                    for (ReadDtcInformation.SnapshotRecord r : s.records()) {
                        lines.add(String.format("  snapshot record 0x%02X", r.recordNumber()));
                        List<Map<String, Object>> dids = new ArrayList<>();
                        for (DidValue v : r.values()) {
                            lines.add(String.format("    %04X: %s", v.did(), v.value().display()));
                            dids.add(didMap(v));
                        }
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("record", r.recordNumber());
                        m.put("dids", dids);
                        records.add(m);
                    }
                    result.put("records", records);
                }
                case EXTENDED_DATA -> {
                    ReadDtcInformation.ExtendedData e = required(
                            new ReadDtcInformation.ExtendedDataByDtc(a.dtc().orElseThrow(), a.recordNumber()));
                    lines.add(e.dtc().toString());
                    result.put("dtc", dtcMap(e.dtc()));
                    List<Map<String, Object>> records = new ArrayList<>();
                    for (ReadDtcInformation.ExtendedDataRecord r : e.records()) {
                        lines.add(String.format("  extended data record 0x%02X: %s", r.recordNumber(), Hex.format(r.data())));
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("record", r.recordNumber());
                        m.put("hex", Hex.compact(r.data()));
                        records.add(m);
                    }
                    result.put("records", records);
                }
                default -> throw new IllegalStateException("unknown report " + a.report());
            }
        }

        void dtcList(ReadDtcInformation.DtcList list, String what) {
            lines.add(String.format("%d DTC%s (%s, availability mask 0x%02X)", list.dtcs().size(),
                    list.dtcs().size() == 1 ? "" : "s", what, list.availabilityMask().bits()));
            List<Map<String, Object>> out = new ArrayList<>();
            for (DtcRecord d : list.dtcs()) {
                lines.add("  " + d);
                out.add(dtcMap(d));
            }
            result.put("availabilityMask", String.format("%02X", list.availabilityMask().bits()));
            result.put("dtcs", out);
        }

        Map<String, Object> dtcMap(DtcRecord d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dtc", d.dtc().toString());
            m.put("hex", d.dtc().hex());
            m.put("status", String.format("%02X", d.status().bits()));
            m.put("flags", d.status().names());
            return m;
        }

        void routine(UdsAction.Routine a) {
            byte[] option = a.data().resolve(context.variables());
            RoutineControl.Response r = required(new RoutineControl.Request(a.controlType(), a.routineId(), option));
            lines.add(String.format("routine %04X %s: %s", r.routineId(), RoutineControl.nameOf(r.controlType()),
                    r.statusRecord().length == 0 ? "done" : "status " + Hex.format(r.statusRecord())));
            result.put("routine", String.format("%04X", r.routineId()));
            result.put("type", RoutineControl.nameOf(r.controlType()));
            result.put("status", Hex.compact(r.statusRecord()));
        }

        void raw(UdsAction.Raw a) {
            byte[] bytes = a.bytes().resolve(context.variables());
            Optional<UdsResponse> r = step(new RawRequest(bytes), a.addressing());
            if (r.isEmpty()) {
                lines.add("no response (positive response suppressed)");
                return;
            }
            lines.add(Hex.format(r.get().bytes()));
        }
    }
}
