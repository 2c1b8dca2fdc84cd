package dev.obdio.can;

import java.util.ArrayList;
import java.util.List;

/**
 * The receive filters of one endpoint, with candump's semantics: a data or remote frame passes
 * when any filter matches (or every filter, with {@code join}, candump's {@code j}); an error
 * frame passes when its class bits intersect {@code errorMask} (candump's {@code #errmask}),
 * except with {@code join} over several filters, where the kernel never delivers one.
 * With no filters at all, no data frame passes.
 *
 * @param filters   the id filters
 * @param errorMask the error classes to receive; 0 receives no error frames
 * @param join      all filters must match instead of any
 */
public record CanFilterSet(List<CanFilter> filters, int errorMask, boolean join) {

    /** Every data frame, no error frames: the SocketCAN default. */
    public static final CanFilterSet ALL = new CanFilterSet(List.of(CanFilter.ALL), 0, false);

    /** Every data frame and every error frame. */
    public static final CanFilterSet ALL_WITH_ERRORS = new CanFilterSet(List.of(CanFilter.ALL),
            CanFrame.MAX_EXTENDED_ID, false);

    /** The filter syntax, for help texts. */
    public static final String SYNTAX = """
            Filters are comma separated, as candump takes them:
              <id>:<mask>   accept when <received_id> & mask == id & mask
              <id>~<mask>   accept when <received_id> & mask != id & mask
              #<error_mask> accept error frames of these classes (e.g. #FFFFFFFF: all)
              j|J           join the filters: a frame must match all of them
            ids and masks are hex; 8 digits (e.g. 12345678:1FFFFFFF) mean a 29-bit id.""";

    /** Copies the filter list. */
    public CanFilterSet {
        filters = List.copyOf(filters);
    }

    /** Accept exactly these filters (any of them), no error frames. */
    public static CanFilterSet of(CanFilter... filters) {
        return new CanFilterSet(List.of(filters), 0, false);
    }

    /** This set with another error mask. */
    public CanFilterSet withErrorMask(int mask) {
        return new CanFilterSet(filters, mask, join);
    }

    /** Whether a received frame passes. */
    public boolean accepts(CanFrame frame) {
        if (frame.isError()) {
            // The kernel counts the error filter as one more hit of a joined set, so with join and
            // more than one id filter an error frame can never reach the filter count.
            return (frame.id() & errorMask) != 0 && !(join && filters.size() > 1);
        }
        if (join) {
            if (filters.isEmpty()) {
                return false;
            }
            for (CanFilter f : filters) {
                if (!f.matches(frame)) {
                    return false;
                }
            }
            return true;
        }
        for (CanFilter f : filters) {
            if (f.matches(frame)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses candump's filter list, e.g. {@code 7E8:7F8,18DAF100:1FFFFF00,#FFFFFFFF,j}. An empty
     * string gives {@link #ALL}. Like candump, a list without id filters keeps the default
     * filter that accepts every data frame ({@code #FFFFFFFF} alone adds the error frames).
     *
     * @throws IllegalArgumentException naming the bad element and why
     */
    public static CanFilterSet parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<CanFilter> filters = new ArrayList<>();
        int errorMask = 0;
        boolean join = false;
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty filter in \"" + text + "\"");
            }
            if (item.equalsIgnoreCase("j")) {
                join = true;
            } else if (item.startsWith("#")) {
                errorMask = parseHex(item.substring(1), item, "error mask");
            } else {
                filters.add(parseIdFilter(item));
            }
        }
        if (filters.isEmpty()) {
            filters.add(CanFilter.ALL);
        }
        return new CanFilterSet(filters, errorMask, join);
    }

    private static CanFilter parseIdFilter(String item) {
        int sep = indexOfSeparator(item);
        if (sep < 0) {
            throw new IllegalArgumentException("filter \"" + item + "\": expected <id>:<mask>, <id>~<mask>, #<errmask> or j");
        }
        boolean inverted = item.charAt(sep) == '~';
        String idText = item.substring(0, sep);
        int id = parseHex(idText, item, "id");
        int mask = parseHex(item.substring(sep + 1), item, "mask");
        // candump: an error flag in the mask is meaningless for id filters; 8 id digits mean EFF.
        mask &= ~CanFrame.ERR_FLAG;
        if (idText.length() == 8) {
            id |= CanFrame.EFF_FLAG;
        }
        return new CanFilter(id, mask, inverted);
    }

    private static int indexOfSeparator(String item) {
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == ':' || c == '~') {
                return i;
            }
        }
        return -1;
    }

    private static int parseHex(String digits, String item, String what) {
        if (digits.isEmpty() || digits.length() > 8) {
            throw new IllegalArgumentException("filter \"" + item + "\": " + what + " must be 1..8 hex digits");
        }
        try {
            return (int) Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("filter \"" + item + "\": " + what + " \"" + digits + "\" is not hex");
        }
    }
}
