package io.sphere.core.card;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text search works on words of letters and digits only, both when a card is indexed and when a query is read,
 * so that {@code REQ-42}, {@code bob@example.com} and "printer," split the same way on both sides.
 */
final class CardText {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MAX_QUERY_WORDS = 10;

    private CardText() {
    }

    static String words(String text) {
        return NOT_A_WORD.matcher(text).replaceAll(" ").strip();
    }

    /** A tsquery matching every word as a prefix, or empty when the text has no words. */
    static String prefixQuery(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty())
                .limit(MAX_QUERY_WORDS).map(w -> w + ":*").collect(Collectors.joining(" & "));
    }
}
