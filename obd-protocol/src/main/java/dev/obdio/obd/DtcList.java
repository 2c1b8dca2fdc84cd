package dev.obdio.obd;

import java.util.List;

/**
 * The DTCs of a mode 03, 07 or 0A answer, in the order the ECUs sent them: python-OBD's list of
 * {@code (code, description)} tuples. On the wire: {@code [["P0104","…"],["B0003",""]]}.
 *
 * @param codes the codes
 */
public record DtcList(List<Dtc> codes) implements ObdValue {

    /** Copies. */
    public DtcList {
        codes = List.copyOf(codes);
    }

    @Override
    public String pythonType() {
        return PythonTypes.LIST;
    }
}
