package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("Payment requests: a vendor asks by QR link, a payer confirms, paid exactly once")
class PaymentRequestTest {

    abstract static class Story {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        Terminals t() {
            return new Terminals(app());
        }

        static Api.Res ask(Api api, String token, String json, String... headers) {
            return api.post("/api/v1/requests", token, json, headers);
        }

        static Api.Res askByKey(Terminals t, Terminals.Key key, String json, String... headers) {
            String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "X-API-Key";
            all[headers.length + 1] = key.value();
            return t.api.post("/api/v1/external/requests", null, json, all);
        }

        static Api.Res pollByKey(Terminals t, Terminals.Key key, String id) {
            return t.api.send(t.api.builder("/api/v1/external/requests/" + id, null, "X-API-Key", key.value())
                    .GET());
        }

        static Api.Res pay(Api api, String token, String id, String... headers) {
            return api.post("/api/v1/requests/" + id + "/pay", token, "", headers);
        }

        static String created(Api.Res r) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().at("/request/id").asText();
        }

        void booksVerify(Terminals t) {
            assertThat(new LedgerVerifier(t.db).verify().ok()).isTrue();
        }

        long requestRows(Terminals t) {
            return t.db.reads()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_requests")
                            .mapTo(Long.class)
                            .one());
        }

        @Test
        @DisplayName("a player vendor asks; the payer sees who, how much and why, pays once; QR as SVG and PNG")
        void playerVendor() throws Exception {
            Terminals t = t();
            Api api = t.api;
            Api.Session vendor = api.player("prVend");
            Api.Session payer = api.player("prPayer");
            Api.Session other = api.player("prOther");

            Api.Res r =
                    ask(api, vendor.token(), "{\"amount\":12.5,\"memo\":\"Noodle bowl\",\"expires_in_seconds\":120}");
            String id = created(r);
            assertThat(id).matches("[A-Za-z0-9_-]{22}");
            JsonNode req = r.json().get("request");
            assertThat(req.get("status").asText()).isEqualTo("open");
            assertThat(req.get("link").asText()).endsWith("/#/request?id=" + id);
            assertThat(req.get("qr_png").asText()).endsWith("/api/v1/requests/" + id + "/qr.png");

            HttpResponse<byte[]> svg = qr(api, id, "qr.svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
            assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<svg")
                    .contains("<path d=\"M");
            HttpResponse<byte[]> png = qr(api, id, "qr.png?scale=3");
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(img.getWidth()).isEqualTo(img.getHeight());
            // version-3+ code (29+ modules) plus a 4-module quiet zone each side, 3 px per module
            assertThat(img.getWidth() % 3).isZero();
            assertThat(img.getWidth()).isGreaterThanOrEqualTo((29 + 8) * 3);

            JsonNode seen = api.get("/api/v1/requests/" + id, payer.token()).json();
            assertThat(seen.get("vendor_name").asText()).isEqualTo(vendor.name());
            assertThat(seen.get("vendor_account").asText()).isEqualTo(vendor.accountNumber());
            assertThat(seen.get("amount").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(seen.get("memo").asText()).isEqualTo("Noodle bowl");

            Api.Res paid = pay(api, payer.token(), id);
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.json().at("/request/status").asText()).isEqualTo("paid");
            assertThat(paid.json().at("/transaction/type").asText()).isEqualTo("payment_request");
            assertThat(paid.json().at("/transaction/memo").asText()).isEqualTo("Noodle bowl");
            assertThat(api.balance(vendor)).isEqualTo(100_000 + 1_250);
            assertThat(api.balance(payer)).isEqualTo(100_000 - 1_250);

            JsonNode vendorView =
                    api.get("/api/v1/requests/" + id, vendor.token()).json();
            assertThat(vendorView.get("status").asText()).isEqualTo("paid");
            assertThat(vendorView.get("payer_name").asText()).isEqualTo(payer.name());
            assertThat(vendorView.get("transaction_id").asLong())
                    .isEqualTo(paid.json().at("/transaction/id").asLong());
            // Someone else holding the link sees that it is paid, never by whom.
            JsonNode otherView =
                    api.get("/api/v1/requests/" + id, other.token()).json();
            assertThat(otherView.get("status").asText()).isEqualTo("paid");
            assertThat(otherView.path("payer_name").isNull()
                            || otherView.path("payer_name").isMissingNode())
                    .isTrue();
            assertThat(otherView.path("payer_account").isNull()
                            || otherView.path("payer_account").isMissingNode())
                    .isTrue();

            Api.Res again = pay(api, payer.token(), id);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).isEqualTo("You have already paid this payment request");
            Api.Res late = pay(api, other.token(), id);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().get("error").asText()).isEqualTo("This payment request has already been paid");
            assertThat(api.balance(payer)).isEqualTo(100_000 - 1_250);
            booksVerify(t);
        }

        @Test
        @DisplayName("a terminal with the charge scope asks and polls until paid; balance:read may not ask")
        void terminalVendor() {
            Terminals t = t();
            Api api = t.api;
            Api.Session stall = api.player("prStall");
            Api.Session payer = api.player("prTermPayer");
            Terminals.Key charge = t.key(stall.accountNumber(), "charge");
            Terminals.Key reader = t.key(stall.accountNumber(), "balance:read");
            Api.Session elsewhere = api.player("prElse");
            Terminals.Key foreign = t.key(elsewhere.accountNumber(), "charge");

            long rows = requestRows(t);
            Api.Res refused = askByKey(t, reader, "{\"amount\":3,\"memo\":\"Chai\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).contains("charge scope");
            assertThat(requestRows(t)).isEqualTo(rows);

            String id = created(askByKey(t, charge, "{\"amount\":3,\"memo\":\"Chai\"}"));
            Api.Res open = pollByKey(t, charge, id);
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.json().get("status").asText()).isEqualTo("open");
            assertThat(open.json().get("vendor_account").asText()).isEqualTo(stall.accountNumber());
            assertThat(pollByKey(t, foreign, id).status()).isEqualTo(404);

            assertThat(pay(api, payer.token(), id).status()).isEqualTo(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            String status = "open";
            while (!status.equals("paid") && System.nanoTime() < deadline) {
                status = pollByKey(t, charge, id).json().get("status").asText();
            }
            assertThat(status).isEqualTo("paid");
            assertThat(pollByKey(t, charge, id).json().get("payer_account").asText())
                    .isEqualTo(payer.accountNumber());
            assertThat(api.balance(stall)).isEqualTo(100_300);
            booksVerify(t);
        }

        @Test
        @DisplayName("bad input, strangers, own, cancelled, expired and broke payers: JSON 4xx, nothing moves")
        void refusals() {
            Terminals t = t();
            Api api = t.api;
            Api.Session vendor = api.player("prRefV");
            Api.Session payer = api.player("prRefP");
            long rows = requestRows(t);
            long journal = t.journalRows();
            String tok = vendor.token();
            for (String bad : List.of(
                    "{\"amount\":0,\"memo\":\"x\"}",
                    "{\"amount\":-1,\"memo\":\"x\"}",
                    "{\"amount\":\"ten\",\"memo\":\"x\"}",
                    "{\"amount\":0.001,\"memo\":\"x\"}",
                    "{\"amount\":1000001,\"memo\":\"x\"}",
                    "{\"memo\":\"x\"}",
                    "{\"amount\":1}",
                    "{\"amount\":1,\"memo\":\"  \"}",
                    "{\"amount\":1,\"memo\":\"" + "m".repeat(141) + "\"}",
                    "{\"amount\":1,\"memo\":\"a\\u0000b\"}",
                    "{\"amount\":1,\"memo\":\"x\",\"expires_in_seconds\":5}",
                    "{\"amount\":1,\"memo\":\"x\",\"expires_in_seconds\":86401}",
                    "{\"amount\":1,\"memo\":\"x\",\"expires_in_seconds\":\"soon\"}",
                    "not json",
                    "")) {
                Api.Res r = ask(api, tok, bad);
                assertThat(r.status()).as(bad + " -> " + r.body()).isBetween(400, 499);
                assertThat(r.json().get("error").asText()).as(bad).isNotBlank();
            }
            assertThat(ask(api, null, "{\"amount\":1,\"memo\":\"x\"}").status()).isEqualTo(401);
            assertThat(requestRows(t)).isEqualTo(rows);

            String id = created(ask(api, tok, "{\"amount\":2,\"memo\":\"Tea\"}"));
            for (String badId : List.of("nope", "x".repeat(23), id.substring(1) + "%21", "AAAAAAAAAAAAAAAAAAAAAA")) {
                Api.Res r = pay(api, payer.token(), badId);
                assertThat(r.status()).as(badId).isEqualTo(404);
                assertThat(r.json().get("error").asText()).isEqualTo("Payment request not found");
                assertThat(api.get("/api/v1/requests/" + badId, payer.token()).status())
                        .isEqualTo(404);
                assertThat(api.get("/api/v1/requests/" + badId + "/qr.png", null)
                                .status())
                        .isEqualTo(404);
            }
            assertThat(api.get("/api/v1/requests/" + id + "/qr.png?scale=0", null)
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/v1/requests/" + id + "/qr.png?scale=big", null)
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/v1/requests/" + id, null).status()).isEqualTo(401);
            assertThat(pay(api, null, id).status()).isEqualTo(401);

            Api.Res own = pay(api, tok, id);
            assertThat(own.status()).isEqualTo(400);
            assertThat(own.json().get("error").asText()).contains("your own");

            // A payer without the funds: refused, the request stays open.
            String dear = created(ask(api, tok, "{\"amount\":5000,\"memo\":\"Cyberdeck\"}"));
            Api.Res broke = pay(api, payer.token(), dear);
            assertThat(broke.status()).isEqualTo(400);
            assertThat(broke.json().get("error").asText()).isEqualTo("Insufficient funds");
            assertThat(api.get("/api/v1/requests/" + dear, tok)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("open");

            Api.Res strangerCancel = api.post("/api/v1/requests/" + id + "/cancel", payer.token(), "");
            assertThat(strangerCancel.status()).isEqualTo(403);
            Api.Res cancel = api.post("/api/v1/requests/" + id + "/cancel", tok, "");
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            assertThat(cancel.json().get("status").asText()).isEqualTo("cancelled");
            Api.Res cancelled = pay(api, payer.token(), id);
            assertThat(cancelled.status()).isEqualTo(409);
            assertThat(cancelled.json().get("error").asText())
                    .isEqualTo("This payment request was cancelled by the vendor");
            assertThat(api.post("/api/v1/requests/" + id + "/cancel", tok, "").status())
                    .isEqualTo(409);

            // Expiry: the request's time runs out (moved into the past here rather than waited for).
            String soon = created(ask(api, tok, "{\"amount\":1,\"memo\":\"Gum\",\"expires_in_seconds\":30}"));
            t.db.reads()
                    .useHandle(h -> h.createUpdate(
                                    "UPDATE payment_requests SET expires_at = created_at - 1 WHERE id = :id")
                            .bind("id", soon)
                            .execute());
            assertThat(api.get("/api/v1/requests/" + soon, payer.token())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("expired");
            Api.Res expired = pay(api, payer.token(), soon);
            assertThat(expired.status()).isEqualTo(409);
            assertThat(expired.json().get("error").asText())
                    .startsWith("This payment request expired at")
                    .contains("ask the vendor for a new one");

            assertThat(t.journalRows()).isEqualTo(journal);
            assertThat(api.balance(payer)).isEqualTo(100_000);
            assertThat(api.balance(vendor)).isEqualTo(100_000);
            booksVerify(t);
        }

        @Test
        @DisplayName("retries with the same Idempotency-Key replay the answer: one request, one payment")
        void idempotent() {
            Terminals t = t();
            Api api = t.api;
            Api.Session vendor = api.player("prIdV");
            Api.Session payer = api.player("prIdP");
            Api.Res a = ask(api, vendor.token(), "{\"amount\":4,\"memo\":\"Ramen\"}", "Idempotency-Key", "ask-1");
            Api.Res b = ask(api, vendor.token(), "{\"amount\":4,\"memo\":\"Ramen\"}", "Idempotency-Key", "ask-1");
            assertThat(created(b)).isEqualTo(created(a));
            assertThat(b.header("Idempotent-Replayed")).isEqualTo("true");
            String id = created(a);
            Api.Res p1 = pay(api, payer.token(), id, "Idempotency-Key", "pay-1");
            Api.Res p2 = pay(api, payer.token(), id, "Idempotency-Key", "pay-1");
            assertThat(p1.status()).isEqualTo(200);
            assertThat(p2.status()).isEqualTo(200);
            assertThat(p2.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(p2.json()).isEqualTo(p1.json());
            assertThat(api.balance(payer)).isEqualTo(100_000 - 400);
            booksVerify(t);
        }

        @Test
        @DisplayName("confirmed by 20 threads from two players at once: paid once, everyone else 409")
        void twentyThreads() throws Exception {
            Terminals t = t();
            Api api = t.api;
            Api.Session vendor = api.player("prRaceV");
            Api.Session p1 = api.player("prRaceA");
            Api.Session p2 = api.player("prRaceB");
            String id = created(ask(api, vendor.token(), "{\"amount\":7,\"memo\":\"Race\"}"));
            long journal = t.journalRows();
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = (i % 2 == 0 ? p1 : p2).token();
                answers.add(pool.submit(() -> {
                    go.await();
                    return pay(api, token, id);
                }));
            }
            go.countDown();
            int paid = 0;
            int conflicts = 0;
            for (Future<Api.Res> f : answers) {
                Api.Res r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isIn(200, 409);
                if (r.status() == 200) {
                    paid++;
                } else {
                    conflicts++;
                    assertThat(r.json().get("error").asText()).contains("already");
                }
            }
            pool.shutdown();
            assertThat(paid).isEqualTo(1);
            assertThat(conflicts).isEqualTo(19);
            assertThat(t.journalRows()).isEqualTo(journal + 1);
            assertThat(api.balance(p1) + api.balance(p2)).isEqualTo(200_000 - 700);
            assertThat(api.balance(vendor)).isEqualTo(100_700);
            booksVerify(t);
        }

        HttpResponse<byte[]> qr(Api api, String id, String file) throws Exception {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            api.builder("/api/v1/requests/" + id + "/" + file, null)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres(
                ConfigOverride.config("rateLimits.enabled", "false"), ConfigOverride.config("database.maxSize", "16"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }
}
