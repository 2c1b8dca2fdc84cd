package dev.obdio.cli;

import dev.obdio.uds.Dtc;
import dev.obdio.uds.Hex;
import dev.obdio.uds.script.UdsAction;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS dtc [--mask HEX] [--count|--supported|--snapshot-ids|--snapshot DTC|--extended DTC]}. */
@Command(name = "dtc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read DTCs (0x19): by status mask (default), or a count, the supported ones, snapshot records "
            + "or extended data.", "Example: obdio uds vcan0 dtc --mask 08"})
final class UdsDtcCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Option(names = "--mask", paramLabel = "HEX", description = "DTC status mask (default FF: any status bit)")
    String mask = "FF";

    @Option(names = "--record", paramLabel = "HEX", description = "snapshot or extended data record (default FF: all)")
    String record = "FF";

    @ArgGroup(exclusive = true)
    Report report;

    static final class Report {
        @Option(names = "--count", description = "only count the DTCs matching the mask (0x19 0x01)")
        boolean count;

        @Option(names = "--supported", description = "every DTC the ECU supports (0x19 0x0A)")
        boolean supported;

        @Option(names = "--snapshot-ids", description = "which DTCs have snapshot records (0x19 0x03)")
        boolean snapshotIds;

        @Option(names = "--snapshot", paramLabel = "DTC", description = "a DTC's snapshot records (0x19 0x04), e.g. P0301-00")
        String snapshot;

        @Option(names = "--extended", paramLabel = "DTC", description = "a DTC's extended data (0x19 0x06)")
        String extended;
    }

    @Override
    public Integer call() {
        return parent.guarded(() -> {
            int m = (int) Hex.parseNumber(mask, 2, "--mask");
            int r = (int) Hex.parseNumber(record, 2, "--record");
            UdsAction.DtcReport kind = UdsAction.DtcReport.BY_STATUS_MASK;
            Optional<Dtc> dtc = Optional.empty();
            if (report != null) {
                if (report.count) {
                    kind = UdsAction.DtcReport.COUNT;
                } else if (report.supported) {
                    kind = UdsAction.DtcReport.SUPPORTED;
                } else if (report.snapshotIds) {
                    kind = UdsAction.DtcReport.SNAPSHOT_IDS;
                } else if (report.snapshot != null) {
                    kind = UdsAction.DtcReport.SNAPSHOTS;
                    dtc = Optional.of(Dtc.parse(report.snapshot));
                } else if (report.extended != null) {
                    kind = UdsAction.DtcReport.EXTENDED_DATA;
                    dtc = Optional.of(Dtc.parse(report.extended));
                }
            }
            return parent.execute(new UdsAction.Dtcs(kind, m, dtc, r));
        });
    }
}
