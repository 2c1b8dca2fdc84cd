package dev.obdio.uds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The codec and name of each data identifier a client knows; immutable. {@link #STANDARD} knows
 * the identification DIDs of ISO 14229-1 (F180–F19F: VIN F190 as 17 ASCII characters, part and
 * software numbers as text, F186 the active session as a byte, dates and fingerprints as bytes);
 * add your own with {@link #with(int, String, DidCodec)}. A DID without a codec reads as bytes of
 * any length ({@link DidCodec#raw()}).
 *
 * @param codecs codec by DID
 * @param names  name by DID
 */
public record DidCodecs(Map<Integer, DidCodec> codecs, Map<Integer, String> names) {

    /** No DID known. */
    public static final DidCodecs NONE = new DidCodecs(Map.of(), Map.of());

    /** The identification DIDs of ISO 14229-1 (annex C). */
    public static final DidCodecs STANDARD = standard();

    /** Validates and copies; every DID 0..0xFFFF. */
    public DidCodecs {
        Checks.notNull("codecs", codecs);
        Checks.notNull("names", names);
        codecs.forEach((did, codec) -> {
            Checks.did("did", Checks.notNull("did", did));
            Checks.notNull("codec of DID " + did, codec);
        });
        names.forEach((did, name) -> {
            Checks.did("did", Checks.notNull("did", did));
            Checks.notNull("name of DID " + did, name);
        });
        codecs = Collections.unmodifiableMap(new TreeMap<>(codecs));
        names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    private static DidCodecs standard() {
        Map<Integer, DidCodec> c = new LinkedHashMap<>();
        Map<Integer, String> n = new LinkedHashMap<>();
        DidCodec text = DidCodec.ascii();
        DidCodec bytes = DidCodec.raw();
        Object[][] table = {
            {0xF180, "bootSoftwareIdentification", bytes},
            {0xF181, "applicationSoftwareIdentification", bytes},
            {0xF182, "applicationDataIdentification", bytes},
            {0xF183, "bootSoftwareFingerprint", bytes},
            {0xF184, "applicationSoftwareFingerprint", bytes},
            {0xF185, "applicationDataFingerprint", bytes},
            {0xF186, "activeDiagnosticSession", DidCodec.unsigned(1)},
            {0xF187, "vehicleManufacturerSparePartNumber", text},
            {0xF188, "vehicleManufacturerECUSoftwareNumber", text},
            {0xF189, "vehicleManufacturerECUSoftwareVersionNumber", text},
            {0xF18A, "systemSupplierIdentifier", text},
            {0xF18B, "ECUManufacturingDate", bytes},
            {0xF18C, "ECUSerialNumber", text},
            {0xF18D, "supportedFunctionalUnits", bytes},
            {0xF18E, "vehicleManufacturerKitAssemblyPartNumber", text},
            {0xF18F, "regulationXSoftwareIdentificationNumbers", bytes},
            {0xF190, "VIN", DidCodec.ascii(17)},
            {0xF191, "vehicleManufacturerECUHardwareNumber", text},
            {0xF192, "systemSupplierECUHardwareNumber", text},
            {0xF193, "systemSupplierECUHardwareVersionNumber", text},
            {0xF194, "systemSupplierECUSoftwareNumber", text},
            {0xF195, "systemSupplierECUSoftwareVersionNumber", text},
            {0xF196, "exhaustRegulationOrTypeApprovalNumber", text},
            {0xF197, "systemNameOrEngineType", text},
            {0xF198, "repairShopCodeOrTesterSerialNumber", text},
            {0xF199, "programmingDate", bytes},
            {0xF19A, "calibrationRepairShopCodeOrCalibrationEquipmentSerialNumber", text},
            {0xF19B, "calibrationDate", bytes},
            {0xF19C, "calibrationEquipmentSoftwareNumber", text},
            {0xF19D, "ECUInstallationDate", bytes},
            {0xF19E, "ODXFile", text},
            {0xF19F, "entity", bytes},
        };
        for (Object[] row : table) {
            c.put((Integer) row[0], (DidCodec) row[2]);
            n.put((Integer) row[0], (String) row[1]);
        }
        return new DidCodecs(c, n);
    }

    /** These codecs with one more (or another) for {@code did}, keeping its name. */
    public DidCodecs with(int did, DidCodec codec) {
        Map<Integer, DidCodec> c = new TreeMap<>(codecs);
        c.put(Checks.did("did", did), Checks.notNull("codec", codec));
        return new DidCodecs(c, names);
    }

    /** These codecs with a codec and a name for {@code did}. */
    public DidCodecs with(int did, String name, DidCodec codec) {
        Map<Integer, String> n = new TreeMap<>(names);
        n.put(Checks.did("did", did), Checks.notNull("name", name));
        return new DidCodecs(codecs, n).with(did, codec);
    }

    /** The codec configured for a DID. */
    public Optional<DidCodec> find(int did) {
        return Optional.ofNullable(codecs.get(did));
    }

    /** The codec for a DID: the configured one, or bytes of any length. */
    public DidCodec codecFor(int did) {
        DidCodec codec = codecs.get(did);
        return codec != null ? codec : DidCodec.raw();
    }

    /** The name of a DID, when known. */
    public Optional<String> nameOf(int did) {
        return Optional.ofNullable(names.get(did));
    }

    /** Decodes a DID's value, with its bytes if the codec rejects them. */
    public DidValue decode(int did, byte[] raw) {
        DidCodec codec = codecFor(did);
        DidData data;
        try {
            data = codec.decode(raw);
        } catch (IllegalArgumentException e) {
            data = new DidData.Bytes(raw);
        }
        return new DidValue(did, raw, data);
    }
}
