package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** No default GM password: the first GM gets NEOBANK_ADMIN_PASSWORD, or a random one printed once. */
public final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String ADMIN_NAME = "admin";

    private AdminBootstrap() {}

    public static void ensure(Database db, AccountService accounts, Passwords passwords, String configuredPassword) {
        int admins = db.reads().withExtension(AccountDao.class, AccountDao::countAdmins);
        if (admins > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        String hash = passwords.hashNew(password, "NEOBANK_ADMIN_PASSWORD");
        db.writer()
                .write(s -> accounts.create(
                        s,
                        new AccountService.NewAccount(ADMIN_NAME, hash, "", true, Credits.ZERO, "system:bootstrap")));
        if (generated) {
            LOG.warn(
                    "\n\n  Created GM account '{}' with password: {}\n"
                            + "  It is shown only this once. Set NEOBANK_ADMIN_PASSWORD to choose it yourself.\n",
                    ADMIN_NAME,
                    password);
        } else {
            LOG.info("Created GM account '{}' with the password from NEOBANK_ADMIN_PASSWORD", ADMIN_NAME);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
