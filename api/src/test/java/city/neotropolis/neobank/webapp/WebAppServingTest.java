package city.neotropolis.neobank.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The web app as the service serves it")
class WebAppServingTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();
    static Api api;
    static String index;
    static String prefix;

    @BeforeAll
    static void page() {
        api = TestApp.api(APP);
        index = api.get("/", null).body();
        Matcher m = Pattern.compile("/app/([0-9a-f]{12})/js/main\\.js").matcher(index);
        assertThat(m.find()).as("index.html names its versioned main.js").isTrue();
        prefix = "/app/" + m.group(1);
    }

    @Nested
    @DisplayName("the page")
    class Page {
        @Test
        @DisplayName("is never cached and allows only its own import map as inline script")
        void neverCachedStrictPolicy() throws Exception {
            Api.Res r = api.get("/", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            String csp = r.header("Content-Security-Policy");
            assertThat(csp)
                    .doesNotContain("unsafe-inline")
                    .contains("style-src 'self';")
                    .contains("object-src 'none'");
            Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL)
                    .matcher(r.body());
            assertThat(map.find()).isTrue();
            String hash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(csp).contains("'sha256-" + hash + "'");
            assertThat(map.group(1)).contains("/webjars/vue/").contains("/dist/vue.esm-browser.prod.js");
            assertThat(api.get("/index.html", null).body()).isEqualTo(r.body());
        }

        @Test
        @DisplayName("is served gzipped to browsers that accept it")
        void gzipped() throws Exception {
            HttpResponse<byte[]> r = raw("/", true);
            assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gunzip(r.body())).isEqualTo(index);
        }
    }

    @Nested
    @DisplayName("versioned files")
    class Versioned {
        @Test
        @DisplayName("are cached for a year, gzipped, and answer 304 to their ETag")
        void immutable() throws Exception {
            HttpResponse<byte[]> r = raw(prefix + "/js/api.js", true);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
            assertThat(gunzip(r.body())).contains("export const api");
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertThat(api.send(api.builder(prefix + "/js/api.js", null, "If-None-Match", etag))
                            .status())
                    .isEqualTo(304);
        }

        @Test
        @DisplayName("of another release, outside ui/, or not rendered from a template are not found")
        void notFound() {
            assertThat(api.get("/app/000000000000/js/api.js", null).status()).isEqualTo(404);
            assertThat(api.get(prefix + "/js/nothing.js", null).status()).isEqualTo(404);
            assertThat(api.get(prefix + "/index.html", null).status()).isEqualTo(404);
            assertThat(api.get(prefix + "/%2e%2e/%2e%2e/config.yml", null).status())
                    .isIn(400, 404);
            Api.Res missing = api.get("/some/page", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isNotBlank();
        }

        @Test
        @DisplayName("WebJars: only the app's libraries, only at their own version")
        void webJars() throws Exception {
            Matcher vue = Pattern.compile("/webjars/vue/([^/]+)/dist/vue\\.esm-browser\\.prod\\.js")
                    .matcher(index);
            assertThat(vue.find()).isTrue();
            HttpResponse<byte[]> r = raw(vue.group(), true);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(r.body().length).as("Vue gzipped").isLessThan(70_000);
            assertThat(api.get("/webjars/vue/0.0.1/dist/vue.esm-browser.prod.js", null)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/webjars/axe-core/4.6.3/axe.min.js", null).status())
                    .isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("the installable app")
    class Pwa {
        @Test
        @DisplayName("the service worker stores this release's shell and never an API answer")
        void serviceWorker() {
            Api.Res sw = api.get("/sw.js", null);
            assertThat(sw.status()).isEqualTo(200);
            assertThat(sw.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(sw.body())
                    .contains(prefix + "/js/main.js")
                    .contains(prefix + "/css/app.css")
                    .contains("\"/\"")
                    .contains("startsWith('/api/')")
                    .doesNotContain("{{");
        }

        @Test
        @DisplayName("the manifest's icons exist")
        void manifest() {
            Api.Res m = api.get("/manifest.webmanifest", null);
            assertThat(m.header("Content-Type")).startsWith("application/manifest+json");
            assertThat(m.json().get("start_url").asText()).isEqualTo("/#/bank");
            m.json().get("icons").forEach(icon -> {
                Api.Res png = api.get(icon.get("src").asText(), null);
                assertThat(png.status()).as(icon.get("src").asText()).isEqualTo(200);
            });
        }
    }

    @Nested
    @DisplayName("the live balance")
    class Live {
        @Test
        @DisplayName("an unchanged account answers 304 to its ETag; money arriving changes it")
        void conditionalPolling() {
            Api.Session me = api.player("Poller");
            Api.Session other = api.player("Payer");
            Api.Res first = api.get("/api/v1/account", me.token());
            String etag = first.header("ETag");
            assertThat(etag).isNotBlank();
            Api.Res again = api.send(api.builder("/api/v1/account", me.token(), "If-None-Match", etag));
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            api.post(
                    "/api/v1/transactions",
                    other.token(),
                    "{\"to_account\":\"" + me.accountNumber() + "\",\"amount\":7}");
            Api.Res changed = api.send(api.builder("/api/v1/account", me.token(), "If-None-Match", etag));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("account").get("balance").asDouble()).isEqualTo(1007.0);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            Api.Res noToken = api.send(api.builder("/api/v1/account", null, "If-None-Match", etag));
            assertThat(noToken.status()).isEqualTo(401);
        }
    }

    static HttpResponse<byte[]> raw(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = api.builder(path, null);
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
