package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import java.time.Clock;

/** First start: the mint, the house, and the house's bankroll issued from the mint as a journal row. */
public final class Genesis {
    private Genesis() {}

    public static SystemAccounts ensure(Database db, Credits houseBankroll, Clock clock) {
        return db.writer().write(s -> {
            AccountDao dao = s.dao(AccountDao.class);
            var mint = dao.byNumber(SystemAccounts.MINT_NUMBER);
            if (mint.isPresent()) {
                long house =
                        dao.byNumber(SystemAccounts.HOUSE_NUMBER).orElseThrow().id();
                return new SystemAccounts(mint.get().id(), house);
            }
            long now = clock.millis();
            long mintId = dao.insert(
                    SystemAccounts.MINT_NUMBER,
                    SystemAccounts.MINT_NAME,
                    "system:mint:neotropolis-central-bank",
                    CharacterNames.skeleton(SystemAccounts.MINT_NAME),
                    null,
                    "",
                    false,
                    true,
                    now);
            long houseId = dao.insert(
                    SystemAccounts.HOUSE_NUMBER,
                    SystemAccounts.HOUSE_NAME,
                    "system:house:chrome-slots-bankroll",
                    CharacterNames.skeleton(SystemAccounts.HOUSE_NAME),
                    null,
                    "",
                    false,
                    true,
                    now);
            SystemAccounts system = new SystemAccounts(mintId, houseId);
            if (houseBankroll.isPositive()) {
                new Ledger(system, clock)
                        .post(
                                s,
                                Movement.of(
                                        mintId,
                                        houseId,
                                        houseBankroll,
                                        TxType.GENESIS,
                                        "House bankroll",
                                        "system:genesis"));
            }
            return system;
        });
    }
}
