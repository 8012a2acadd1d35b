package city.neotropolis.neobank.webapp;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountResource.AccountReply;
import city.neotropolis.neobank.accounts.UserView;
import city.neotropolis.neobank.auth.Player;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * {@code GET /api/v1/account} with a good token, answered before Jersey. It is what every open
 * phone asks every 2 s (and the benchmark's "reads"), and Jersey's routing, injection and filter
 * stages cost several times the work of the answer itself (bench/README.md). The answer is the
 * one {@link LiveAccount} gives: the same JSON bytes from the same mapper, the same ETag and 304.
 * Everything else — another method, no or a bad token, a frozen or vanished account, an error —
 * goes on down the chain to Jersey, which answers it exactly as before. Runs after the request
 * id, security header and body limit filters, so the answer carries what theirs do.
 */
public final class BalancePoll implements Filter {
    public static final String PATH = "/api/" + LiveAccount.PATH;

    private final Function<String, Optional<Player>> authenticator;
    private final LongFunction<Optional<Account>> accounts;
    private final LongConsumer answered;
    private final ObjectMapper json;

    /**
     * {@code authenticator}: who an Authorization header speaks for (empty: not a good bearer token); {@code
     * accounts}: an account as stored now; {@code answered}: told whom each answer went to (the
     * activity mark every answered request leaves).
     */
    public BalancePoll(
            Function<String, Optional<Player>> authenticator,
            LongFunction<Optional<Account>> accounts,
            LongConsumer answered,
            ObjectMapper json) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.answered = answered;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        byte[] body = "GET".equals(http.getMethod()) && PATH.equals(http.getRequestURI()) ? answer(http) : null;
        if (body == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse out = (HttpServletResponse) res;
        String etag = LiveAccount.etag(body);
        out.setHeader("ETag", etag);
        out.setContentType("application/json");
        Enumeration<String> asked = http.getHeaders("If-None-Match");
        if (LiveAccount.asked(asked == null ? null : Collections.list(asked), etag)) {
            out.setStatus(304);
            out.setContentLength(0);
            return;
        }
        out.setStatus(200);
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }

    /** The answer's body, or null when this request is not one this filter answers. */
    private byte[] answer(HttpServletRequest http) throws IOException {
        Optional<Player> player = authenticator.apply(http.getHeader("Authorization"));
        if (player.isEmpty()) {
            return null;
        }
        Optional<Account> account = accounts.apply(player.get().id());
        if (account.isEmpty()) {
            return null;
        }
        byte[] body = json.writeValueAsBytes(new AccountReply(UserView.of(account.get())));
        answered.accept(player.get().id());
        return body;
    }
}
