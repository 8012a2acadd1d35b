package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("GMs manage terminals' API keys")
class ApiKeyAdminTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;
    Api.Session vendor;

    @BeforeAll
    static void gm() {
        t = new Terminals(APP);
    }

    @BeforeEach
    void setUp() {
        vendor = t.api.player("Vendor");
    }

    private JsonNode listed(long id) {
        Api.Res list = t.api.get("/api/admin/api-keys", t.gm.token());
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode k : list.json().get("api_keys")) {
            if (k.get("id").asLong() == id) {
                return k;
            }
        }
        throw new AssertionError("key " + id + " not listed: " + list.body());
    }

    private long keyCount() {
        return t.db.reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys")
                        .mapTo(Long.class)
                        .one());
    }

    private long auditRows(String action) {
        return t.db.reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                        .bind("a", action)
                        .mapTo(Long.class)
                        .one());
    }

    @Nested
    @DisplayName("creating a key")
    class Create {
        @Test
        @DisplayName("answers 201 with the key once, with every field, and audits it")
        void created() {
            long audits = auditRows("api_key.create");
            Api.Res r = t.createKey("{\"description\":\"Noodle stall\",\"account_number\":\""
                    + vendor.accountNumber().toLowerCase() + "\",\"scopes\":[\"charge\",\"balance:read\"],"
                    + "\"max_amount\":50.5,\"rate_limit_per_minute\":30}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode k = r.json().get("api_key");
            assertThat(r.json().get("message").asText()).isNotBlank();
            assertThat(k.get("key_value").asText()).matches("nbk_[A-Za-z0-9_-]{43}");
            assertThat(k.get("key_prefix").asText())
                    .isEqualTo(k.get("key_value").asText().substring(0, 12));
            assertThat(k.get("description").asText()).isEqualTo("Noodle stall");
            assertThat(k.get("account_number").asText()).isEqualTo(vendor.accountNumber());
            assertThat(k.get("scopes")).extracting(JsonNode::asText).containsExactly("balance:read", "charge");
            assertThat(k.get("max_amount").decimalValue()).isEqualByComparingTo("50.5");
            assertThat(k.get("rate_limit_per_minute").asInt()).isEqualTo(30);
            assertThat(k.get("is_active").asBoolean()).isTrue();
            assertThat(k.get("created_at").asText()).endsWith("Z");
            assertThat(k.get("last_used").isNull()).isTrue();
            assertThat(k.get("created_by").asText()).isEqualTo(TestApp.GM_NAME);
            assertThat(auditRows("api_key.create")).isEqualTo(audits + 1);

            JsonNode again = listed(k.get("id").asLong());
            assertThat(again.has("key_value")).isFalse();
            assertThat(again.get("key_prefix").asText())
                    .isEqualTo(k.get("key_prefix").asText());
            assertThat(again.get("max_amount").decimalValue()).isEqualByComparingTo("50.5");
        }

        @Test
        @DisplayName("stores only the key's SHA-256, never the key")
        void hashed() {
            Terminals.Key key = t.key(vendor.accountNumber(), "charge");
            String stored = t.db.reads()
                    .withHandle(h -> h.createQuery("SELECT key_hash FROM api_keys WHERE id = :id")
                            .bind("id", key.id())
                            .mapTo(String.class)
                            .one());
            assertThat(stored)
                    .isEqualTo(ApiKeySecrets.hash(key.value()))
                    .doesNotContain(key.value().substring(4));
        }

        @Test
        @DisplayName("a key is found by one indexed lookup of its hash, not a scan")
        void indexed() {
            java.util.List<String> rows = t.db.reads()
                    .withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN " + ApiKeyDao.SELECT + " WHERE k.key_hash = :h")
                            .bind("h", "x")
                            .map((rs, ctx) -> rs.getString("detail"))
                            .list());
            String plan = String.join(" | ", rows);
            assertThat(plan).contains("USING INDEX").doesNotContain("SCAN k");
        }

        @Test
        @DisplayName("defaults to no per-transaction maximum and 100 requests a minute")
        void defaults() {
            Terminals.Key key = t.key(vendor.accountNumber(), "payout");
            JsonNode k = listed(key.id());
            assertThat(k.get("max_amount").isNull()).isTrue();
            assertThat(k.get("rate_limit_per_minute").asInt()).isEqualTo(100);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"root\"]}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"charge\",\"transfer:all\"]}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[]}",
                    "{\"description\":\"x\",\"account_number\":\"@A\"}",
                    "{\"description\":\"x\",\"account_number\":\"NC-ZZZZ-ZZZZ\",\"scopes\":[\"charge\"]}",
                    "{\"description\":\"x\",\"account_number\":\"NC-SYST-EM00\",\"scopes\":[\"charge\"]}",
                    "{\"description\":\"x\",\"account_number\":\"not a number\",\"scopes\":[\"charge\"]}",
                    "{\"description\":\"x\",\"scopes\":[\"charge\"]}",
                    "{\"description\":\"\",\"account_number\":\"@A\",\"scopes\":[\"charge\"]}",
                    "{\"account_number\":\"@A\",\"scopes\":[\"charge\"]}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"charge\"],\"max_amount\":0}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"charge\"],\"max_amount\":-5}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"charge\"],\"max_amount\":1.001}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":[\"charge\"],\"rate_limit_per_minute\":0}",
                    "{\"description\":\"x\",\"account_number\":\"@A\",\"scopes\":\"charge\"}",
                    "[]",
                    "not json"
                })
        @DisplayName("refuses a bad request with 400 and creates nothing")
        void refused(String template) {
            long before = keyCount();
            Api.Res r = t.createKey(template.replace("@A", vendor.accountNumber()));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(keyCount()).isEqualTo(before);
        }

        @Test
        @DisplayName("names the unknown scope in its refusal")
        void unknownScope() {
            Api.Res r = t.createKey("{\"description\":\"x\",\"account_number\":\"" + vendor.accountNumber()
                    + "\",\"scopes\":[\"debit:all\"]}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("debit:all");
        }
    }

    @Nested
    @DisplayName("only GMs")
    class GmsOnly {
        @Test
        @DisplayName("a player gets 403 on every key route, nobody gets in without a token")
        void players() {
            Terminals.Key key = t.key(vendor.accountNumber(), "charge");
            String body = "{\"description\":\"x\",\"account_number\":\"" + vendor.accountNumber()
                    + "\",\"scopes\":[\"transfer:any\"]}";
            assertThat(t.api.get("/api/admin/api-keys", vendor.token()).status())
                    .isEqualTo(403);
            assertThat(t.api.post("/api/admin/api-keys", vendor.token(), body).status())
                    .isEqualTo(403);
            assertThat(t.api.delete("/api/admin/api-keys/" + key.id(), vendor.token())
                            .status())
                    .isEqualTo(403);
            assertThat(t.api.get("/api/admin/api-keys", null).status()).isEqualTo(401);
            assertThat(t.api.post("/api/admin/api-keys", null, body).status()).isEqualTo(401);
            assertThat(t.api.delete("/api/admin/api-keys/" + key.id(), null).status())
                    .isEqualTo(401);
            assertThat(listed(key.id()).get("is_active").asBoolean()).isTrue();
        }
    }

    @Nested
    @DisplayName("revoking a key")
    class Revoke {
        @Test
        @DisplayName("marks it inactive, audits it, and is harmless twice")
        void revoked() {
            Terminals.Key key = t.key(vendor.accountNumber(), "balance:read");
            long audits = auditRows("api_key.revoke");
            Api.Res r = t.api.delete("/api/admin/api-keys/" + key.id(), t.gm.token());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("message").asText()).isNotBlank();
            assertThat(listed(key.id()).get("is_active").asBoolean()).isFalse();
            assertThat(t.api.delete("/api/admin/api-keys/" + key.id(), t.gm.token())
                            .status())
                    .isEqualTo(200);
            assertThat(auditRows("api_key.revoke")).isEqualTo(audits + 2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"999999", "abc", "-1"})
        @DisplayName("answers 404 for a key that does not exist")
        void unknown(String id) {
            Api.Res r = t.api.delete("/api/admin/api-keys/" + id, t.gm.token());
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").asText()).isEqualTo("API key not found");
        }
    }

    @Nested
    @DisplayName("last_used")
    class LastUsed {
        @Test
        @DisplayName("shows when a terminal last used its key, and is written to the database")
        void tracked() {
            Terminals.Key key = t.key(vendor.accountNumber(), "balance:read");
            assertThat(t.balance(key, vendor.accountNumber()).status()).isEqualTo(200);
            assertThat(listed(key.id()).get("last_used").asText()).endsWith("Z");
            ApiKeyAuthenticator keys = new ApiKeyAuthenticator(t.db, java.time.Clock.systemUTC());
            assertThat(keys.authenticate(key.value()).id()).isEqualTo(key.id());
            keys.flushLastUsed();
            long stored = t.db.reads()
                    .withHandle(h -> h.createQuery("SELECT last_used FROM api_keys WHERE id = :id")
                            .bind("id", key.id())
                            .mapTo(Long.class)
                            .one());
            assertThat(stored).isGreaterThan(System.currentTimeMillis() - 60_000);
        }
    }
}
