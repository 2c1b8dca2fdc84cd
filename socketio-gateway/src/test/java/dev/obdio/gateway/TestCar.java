package dev.obdio.gateway;

import dev.obdio.obd.testing.ScriptedEcu;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small scripted vehicle on its own virtual bus for gateway tests: an engine (7E0/7E8) with RPM,
 * speed, coolant temperature, status (MIL on, 1 code), a stored DTC, the VIN, a calibration id,
 * mode 04 and a few UDS answers; a transmission (7E1/7E9) with one stored DTC and no PIDs beyond
 * the masks.
 */
final class TestCar implements AutoCloseable {
    static final String VIN = "1G1JC5444R7252367";
    private static final AtomicInteger BUSES = new AtomicInteger();

    final String bus = "virtual:gateway-test-" + BUSES.incrementAndGet();
    final ScriptedEcu engine;
    final ScriptedEcu transmission;

    TestCar() {
        engine = ScriptedEcu.on(bus, 0x7E8)
                .pid(0x01, "81076504")
                .pid(0x05, "4C")
                .pid(0x0C, "1AF8")
                .pid(0x0D, "37")
                .pid(0x11, "80")
                .answer("03", "43010104")
                .answer("07", "4700")
                .answer("0A", "4A00")
                .answer("04", "44")
                .answer("0902", "490201" + ScriptedEcu.hex(VIN))
                .answer("0904", "490401" + ScriptedEcu.hex("JMB*36761500") + "00000000")
                .answer("22F190", "62F190" + ScriptedEcu.hex(VIN))
                .answer("22F18C", "7F2231")
                .answer("1001", "5001003201F4")
                .answer("1003", "5003003201F4")
                .answer("3E00", "7E00")
                .answer("1101", "5101")
                .start();
        transmission = ScriptedEcu.on(bus, 0x7E9)
                .answer("03", "43010301")
                .answer("07", "4700")
                .answer("0A", "4A00")
                .answer("04", "44")
                .start();
    }

    @Override
    public void close() {
        engine.close();
        transmission.close();
    }
}
