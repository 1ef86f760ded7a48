package io.motcrm.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;

/**
 * Where a cursor-paged list (newest first) stopped: the last item's time and id, which order the list.
 * Opaque to clients: {@code ?after=<nextCursor>&limit=n} asks for the items after it; a cursor this
 * service did not give out is {@code 400 invalid-cursor}. One shape for every service's lists.
 */
public record PageCursor(Instant at, UUID id) {

    public static final String AFTER_DESCRIPTION = "The nextCursor of the previous page; none for the first page";
    public static final String INVALID = "`invalid-cursor`: 'after' is not a cursor this list gave out";
    public static final String PAGING = "Cursor-paged: up to 'limit' (1-100, default 20) items, then 'nextCursor' to pass "
            + "as 'after' for the next page; nextCursor is null on the last page.";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return ENCODER.encodeToString((micros + "~" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor sent, or null for none (the first page). */
    public static PageCursor parse(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(after.trim()), StandardCharsets.US_ASCII).split("~", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
            return new PageCursor(at, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.forField(CommonProblem.INVALID_CURSOR, "after", "is not a cursor this list gave out");
    }
}
