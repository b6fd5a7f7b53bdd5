package io.sphere.web.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.sphere.web.card.Linkified.Segment;

class LinkifiedTest {

    @Test
    void linksAreHttpOnlyAndEndBeforeSentencePunctuation() {
        assertThat(Linkified.of("See https://example.com/a?b=1&c=2. Or (http://x.org/y), ok?")).containsExactly(
                new Segment("See ", false), new Segment("https://example.com/a?b=1&c=2", true),
                new Segment(". Or (", false), new Segment("http://x.org/y", true), new Segment("), ok?", false));
    }

    @Test
    void everythingElseStaysText() {
        assertThat(Linkified.of("javascript:alert(1) <a href=\"https://evil\">x</a> ftp://host/file"))
                .containsExactly(new Segment("javascript:alert(1) <a href=\"", false),
                        new Segment("https://evil", true), new Segment("\">x</a> ftp://host/file", false));
        assertThat(Linkified.of("just https:// and nothing")).containsExactly(
                new Segment("just https:// and nothing", false));
        assertThat(Linkified.of("")).isEmpty();
    }
}
