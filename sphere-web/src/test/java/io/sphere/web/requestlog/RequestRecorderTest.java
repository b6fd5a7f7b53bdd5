package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestRecorderTest {

    @Test
    void masksValuesOfSecretLookingParametersOnly() {
        assertThat(RequestRecorder.maskQuery("q=1&Password=x&api_key=y&sessionId=z&page=2"))
                .isEqualTo("q=1&Password=***&api_key=***&sessionId=***&page=2");
    }

    @Test
    void masksEncodedParameterNames() {
        assertThat(RequestRecorder.maskQuery("pass%77ord=secret&x=1")).isEqualTo("pass%77ord=***&x=1");
    }

    @Test
    void keepsFlagsAndEmptyQueries() {
        assertThat(RequestRecorder.maskQuery("debug&token")).isEqualTo("debug&token");
        assertThat(RequestRecorder.maskQuery("")).isNull();
        assertThat(RequestRecorder.maskQuery(null)).isNull();
    }

    @Test
    void survivesMalformedPercentEncoding() {
        assertThat(RequestRecorder.maskQuery("a%zz=1&token%=2")).isEqualTo("a%zz=1&token%=***");
    }

    @Test
    void staticFilesAndHealthChecksAreExcluded() {
        assertThat(RequestRecorder.isExcluded("/lib/static/sphere.css")).isTrue();
        assertThat(RequestRecorder.isExcluded("/q/health/ready")).isTrue();
        assertThat(RequestRecorder.isExcluded("/request-log")).isFalse();
        assertThat(RequestRecorder.isExcluded("/lib/staticky")).isFalse();
    }
}
