package city.neotropolis.bench.soak;

import java.util.concurrent.ScheduledFuture;

/** One simulated player: who they are, their token, and where they are in their loop of act and think. */
final class SimPlayer {
    static final String PASSWORD = "soak-password-1";

    final int index;
    final String name;
    volatile String token;
    volatile String accountNumber;
    // Guarded by this: the next scheduled action, and whether an answer is still awaited.
    ScheduledFuture<?> next;
    boolean busy;
    boolean burstPending;
    private int lastLoginMinute = -1;
    private int loginsThisMinute;

    SimPlayer(int index, String name) {
        this.index = index;
        this.name = name;
    }

    /** At most 2 logins per player a minute (the server allows 10 per name), and only within the IP's budget. */
    synchronized boolean mayLogInAgain(long elapsedMs, BankClient client) {
        int minute = (int) (elapsedMs / 60_000);
        if (minute != lastLoginMinute) {
            lastLoginMinute = minute;
            loginsThisMinute = 0;
        }
        if (loginsThisMinute >= 2 || !client.tryLogin()) {
            return false;
        }
        loginsThisMinute++;
        return true;
    }
}
