package city.neotropolis.neobank.db;

/** A unit of writing: all of it commits or none of it does. */
@FunctionalInterface
public interface Work<T> {
    T run(WriteSession session) throws Exception;
}
