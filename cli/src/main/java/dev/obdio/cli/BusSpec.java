package dev.obdio.cli;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;

/**
 * A bus argument as candump takes it, {@code BUS[,FILTER…]}: the bus name up to the first comma,
 * then the filters ({@code virtual:car,7E8:7F8,#FFFFFFFF}).
 *
 * @param name     the bus name for {@link CanBuses#open}
 * @param filters  the receive filters
 * @param argument the argument as given, for messages
 */
record BusSpec(String name, CanFilterSet filters, String argument) {

    /**
     * Parses one argument.
     *
     * @throws IllegalArgumentException with the bus or filter syntax help for a bad argument
     */
    static BusSpec parse(String argument) {
        int comma = argument.indexOf(',');
        String name = comma < 0 ? argument : argument.substring(0, comma);
        if (name.isBlank()) {
            throw BadInput.withHelp("no bus name in \"" + argument + "\"", CanBuses.SYNTAX);
        }
        if (comma < 0) {
            return new BusSpec(name, CanFilterSet.ALL, argument);
        }
        try {
            return new BusSpec(name, CanFilterSet.parse(argument.substring(comma + 1)), argument);
        } catch (IllegalArgumentException e) {
            throw BadInput.withHelp("bad filter in \"" + argument + "\": " + e.getMessage(), CanFilterSet.SYNTAX);
        }
    }

    /** These filters, receiving every error class when none were asked for (candump -e without #mask). */
    BusSpec withAllErrorsUnlessMasked() {
        return filters.errorMask() != 0 ? this
                : new BusSpec(name, filters.withErrorMask(CanFrame.MAX_EXTENDED_ID), argument);
    }
}
