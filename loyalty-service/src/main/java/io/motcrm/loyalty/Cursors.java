package io.motcrm.loyalty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.motcrm.platform.problem.ProblemException;

/**
 * The cursors of the paged lists ({@code ?after=<cursor>&limit=n}, answered {@code {items, nextCursor}}): the sort
 * key of a page's last item, opaque to clients (base64url). A list fetches one item more than asked to know whether
 * another page follows; {@code nextCursor} is null on the last page. A cursor this service did not give out is
 * 400 {@code invalid-cursor}.
 */
public final class Cursors {

    /** The OpenAPI description of {@code after}. */
    public static final String AFTER = "The `nextCursor` of the previous page; none for the first page";
    /** The OpenAPI description of {@code limit}. */
    public static final String LIMIT = "Items per page (1..100, default 20)";
    /** The 400 a paged list can answer, as its OpenAPI document describes it. */
    public static final String INVALID = "`invalid-cursor`: `after` is not a cursor this list gave out; "
            + "`validation-failed`: `limit` out of range";
    public static final int MAX_LIMIT = 100;

    private static final String VERSION = "1";
    private static final Pattern SEPARATOR = Pattern.compile("\\|");

    private Cursors() {
    }

    /** A cursor over the given sort-key parts (none may contain {@code |}). */
    public static String encode(Object... parts) {
        StringJoiner joined = new StringJoiner("|").add(VERSION);
        for (Object part : parts) {
            joined.add(String.valueOf(part));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} parts of a cursor; 400 {@code invalid-cursor} if it is not one of ours. */
    public static String[] decode(String cursor, int count) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = SEPARATOR.split(text, -1);
        if (parts.length != count + 1 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        String[] key = new String[count];
        System.arraycopy(parts, 1, key, 0, count);
        return key;
    }

    /** Parses one part of a decoded cursor; a part that does not parse makes the cursor invalid. */
    public static <T> T part(String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return new ProblemException(LoyaltyProblem.INVALID_CURSOR, "The cursor is not one this list gave out");
    }
}
