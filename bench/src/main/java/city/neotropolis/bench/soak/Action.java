package city.neotropolis.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a player does next, by share: 23 % balance, 15 % history, 10 % look up someone, 15 % transfer,
 * 15 % Glitch Grid, 12 % Starlight Smuggler, 8 % game list, 2 % log in again; and what a good answer is.
 */
record Action(String route, HttpRequest request) {
    static final String LOGIN = "POST /api/v1/auth/login";

    static Action pick(SimPlayer p, SimPlayer other, long elapsedMs, BankClient client) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int roll = rnd.nextInt(100);
        String route;
        HttpRequest.Builder req;
        boolean moneyMoves = false;
        if (roll < 2 && p.mayLogInAgain(elapsedMs, client)) {
            return new Action(
                    LOGIN,
                    client.post("/api/v1/auth/login", BankClient.loginBody(p.name, SimPlayer.PASSWORD))
                            .build());
        } else if (roll < 25) {
            route = "GET /api/v1/account";
            req = client.get("/api/v1/account");
        } else if (roll < 40) {
            route = "GET /api/v1/account/transactions";
            req = client.get("/api/v1/account/transactions?limit=10");
        } else if (roll < 50) {
            route = "GET /api/v1/accounts/{n}";
            req = client.get("/api/v1/accounts/" + other.accountNumber);
        } else if (roll < 65) {
            route = "POST /api/v1/transactions";
            moneyMoves = true;
            int amount = 1 + rnd.nextInt(20);
            String cents = rnd.nextInt(4) == 0 ? "." + (10 + rnd.nextInt(90)) : "";
            req = client.post(
                    "/api/v1/transactions",
                    "{\"to_account\":\"" + other.accountNumber + "\",\"amount\":" + amount + cents + ",\"memo\":\"soak "
                            + p.index + "\"}");
        } else if (roll < 80) {
            route = "POST /api/v1/casino/glitch-grid/spin";
            moneyMoves = true;
            req = client.post("/api/v1/casino/glitch-grid/spin", "{\"bet_amount\":10}");
        } else if (roll < 92) {
            route = "POST /api/v1/casino/starlight-smuggler/spin";
            moneyMoves = true;
            req = client.post("/api/v1/casino/starlight-smuggler/spin", "{\"bet_amount\":5}");
        } else {
            route = "GET /api/v1/casino/games";
            req = client.get("/api/v1/casino/games");
        }
        req.header("Authorization", "Bearer " + p.token);
        if (moneyMoves) {
            req.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return new Action(route, req.build());
    }

    /** A refusal the game gives by design (not an error), or null. */
    static String refusal(int status, String message) {
        if (status == 400 && message.equals("Insufficient funds")) {
            return "400 " + message;
        }
        if (status == 503 && message.startsWith("The house cannot cover")) {
            return "503 The house cannot cover ...";
        }
        return null;
    }

    /** True when the answer is the success this route promises, with its expected field. */
    boolean succeeded(int status, JsonNode body) {
        return switch (route) {
            case LOGIN -> status == 200 && body.hasNonNull("access_token");
            case "GET /api/v1/account" -> status == 200 && body.path("account").hasNonNull("balance");
            case "GET /api/v1/account/transactions" ->
                status == 200 && body.path("transactions").isArray();
            case "GET /api/v1/accounts/{n}" -> status == 200 && body.hasNonNull("account_number");
            case "POST /api/v1/transactions" -> status == 201 && body.hasNonNull("transaction");
            case "GET /api/v1/casino/games" ->
                status == 200 && body.path("games").isArray();
            default -> (status == 200 || status == 201) && body.hasNonNull("spin_id");
        };
    }
}
