package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Logging in and out, and checking who and where the console talks to. */
final class SessionCommands {
    private SessionCommands() {}

    @Command(name = "login", description = "Log in as a GM; the token is kept in the GM home (mode 0600).")
    static final class Login extends GmCommand {
        @Parameters(paramLabel = "NAME", description = "The GM's character name.")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from one line of stdin.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = gm().io().secret("Password for " + name + ": ", passwordStdin);
            Api api = gm().anonymous();
            JsonNode reply = api.post(
                    "/api/v1/auth/login",
                    Api.object().put("character_name", name).put("password", password));
            JsonNode user = reply.path("user");
            if (!user.path("is_admin").asBoolean(false)) {
                throw GmException.refused(user.path("character_name").asText(name)
                        + " is not a game master: the console needs a GM account");
            }
            String token = reply.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new GmException(GmException.UNAVAILABLE, "the server sent no access token");
            }
            Session s = new Session(
                    api.base(),
                    token,
                    user.path("character_name").asText(name),
                    user.path("account_number").asText(""));
            s.save(gm().home());
            ObjectNode shown = reply.deepCopy();
            shown.remove("access_token"); // the token belongs in the session file, not in logs of scripts
            shown.put("url", api.base());
            return show(
                    shown,
                    o -> o.println(
                            "Logged in to " + s.url() + " as " + s.characterName() + " (" + s.accountNumber() + ")."));
        }
    }

    @Command(name = "logout", description = "Forget the session.")
    static final class Logout extends GmCommand {
        @Override
        public Integer call() {
            boolean had = Session.delete(gm().home());
            return show(Api.object().put("logged_out", had), o -> o.println(had ? "Logged out." : "Not logged in."));
        }
    }

    @Command(name = "whoami", description = "Show the logged-in GM, as the server sees them.")
    static final class Whoami extends GmCommand {
        @Override
        public Integer call() {
            Api api = api();
            JsonNode reply = api.get("/api/v1/account");
            JsonNode u = reply.path("account");
            return show(
                    reply,
                    o -> table(new Table("NAME", "ACCOUNT", "GM", "URL")
                            .row(u.get("character_name"), u.get("account_number"), u.get("is_admin"), api.base())));
        }
    }

    @Command(name = "health", description = "Ask the service whether it is healthy (no login needed).")
    static final class Health extends GmCommand {
        @Override
        public Integer call() {
            Api api = gm().anonymous();
            JsonNode reply = api.get("/health");
            return show(
                    reply,
                    o -> o.println(reply.path("service").asText("service") + " at " + api.base() + ": "
                            + reply.path("status").asText("unknown")));
        }
    }
}
