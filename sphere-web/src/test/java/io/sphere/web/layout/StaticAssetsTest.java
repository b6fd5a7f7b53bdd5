package io.sphere.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.web.support.WebClient;

@QuarkusTest
class StaticAssetsTest {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/lib/static/sphere\\.css\\?v=([0-9a-f]+))\"");

    @Test
    void pagesLinkTheStylesheetByTheFingerprintOfItsContent() throws Exception {
        String page = new WebClient().get("/login").asString();
        Matcher link = STYLESHEET.matcher(page);
        assertThat(link.find()).as("fingerprinted stylesheet link in %s", page).isTrue();
        assertThat(link.group(2)).isEqualTo(sha256("sphere.css").substring(0, 12));

        Response css = new WebClient().get(link.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.contentType()).contains("css");
    }

    @Test
    void onlyFilesUnderTheStaticFolderHaveAddresses() {
        assertThatThrownBy(() -> StaticAssets.url("../application.properties"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticAssets.url("missing.css")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(String name) throws Exception {
        try (InputStream in = StaticAssetsTest.class.getClassLoader()
                .getResourceAsStream(StaticAssets.ROOT + name)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
