package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.backup.BackupFeature;
import io.dropwizard.core.setup.Environment;

/** The GM admin API under {@code /api/admin}: users, journal, audit log, factions, stats and backups. */
public final class AdminFeature {
    private AdminFeature() {}

    public static void register(Core core, Environment env) {
        AdminService admin = new AdminService(core);
        env.jersey().register(new AdminUsersResource(core, admin, new CharacterImport(core, admin)));
        env.jersey().register(new AdminLedgerResource(core));
        env.jersey().register(new FactionsResource(core));
        env.jersey().register(new ActivityFilter(core));
        BackupFeature.register(core, env);
    }
}
