package io.sphere.web.card;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text cut into pieces for a template: runs of text and http(s) links. Every piece is still plain text that
 * the template escapes; nothing here produces HTML, so a comment can never inject markup, only clickable links.
 */
final class Linkified {

    /** A run of text, or a link whose {@code href} is the same text (always http or https). */
    public record Segment(String text, boolean link) {

        public String href() {
            return link ? text : null;
        }
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than a link: "see https://example.com/a." */
    private static final String TRAILING = ".,;:!?)]}'\"";

    private Linkified() {
    }

    static List<Segment> of(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end - m.start() <= "https://".length()) {
                continue;
            }
            if (m.start() > at) {
                segments.add(new Segment(text.substring(at, m.start()), false));
            }
            segments.add(new Segment(text.substring(m.start(), end), true));
            at = end;
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }
}
