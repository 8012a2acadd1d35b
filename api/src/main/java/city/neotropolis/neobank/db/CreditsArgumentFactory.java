package city.neotropolis.neobank.db;

import city.neotropolis.neobank.money.Credits;
import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Binds {@link Credits} as its integer hundredths, the way every money column stores it. */
final class CreditsArgumentFactory extends AbstractArgumentFactory<Credits> {
    CreditsArgumentFactory() {
        super(Types.BIGINT);
    }

    @Override
    protected Argument build(Credits value, ConfigRegistry config) {
        return (position, statement, ctx) -> statement.setLong(position, value.hundredths());
    }
}
