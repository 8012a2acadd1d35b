package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Who may create a character themselves, and whether that character gets the starting balance.
 * Open (the quick start), with an event code (handed out at check-in), or closed (GMs create and
 * import the cast). Self-registered characters may start with nothing, so that a dozen sign-ups by
 * one person mint nothing to funnel: then only GM-created characters get the starting balance.
 */
public record Registration(Mode mode, String eventCode, boolean startingBalanceForSelfRegistered) {

    /** How players may register. */
    public enum Mode {
        OPEN,
        CODE,
        CLOSED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.json().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException(
                    "registration.mode (NEOBANK_REGISTRATION_MODE) must be open, code or closed, not: " + text);
        }
    }

    public Registration {
        if (mode == Mode.CODE && (eventCode == null || eventCode.isBlank())) {
            throw new IllegalArgumentException(
                    "registration.mode is code but no event code is set (NEOBANK_EVENT_CODE)");
        }
    }

    /** The default: anyone may register and gets the starting balance. */
    public static Registration open() {
        return new Registration(Mode.OPEN, "", true);
    }

    /** Refuses a sign-up the mode does not allow; nothing has been created when it throws. */
    void admit(String code) {
        if (mode == Mode.CLOSED) {
            throw ApiException.forbidden(
                    "Registration is closed for this event: a GM creates characters; ask at the bank desk");
        }
        if (mode == Mode.CODE) {
            if (code == null || code.isBlank()) {
                throw ApiException.badRequest("event_code is required: registration needs the event's code");
            }
            // Constant time: the code is a secret that a timing difference would leak letter by letter.
            if (!MessageDigest.isEqual(
                    code.trim().getBytes(StandardCharsets.UTF_8),
                    eventCode.trim().getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.forbidden("Wrong event code");
            }
        }
    }
}
