package city.neotropolis.neobank.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A few SQLite read connections of their own (twice the cores), each keeping its statements prepared, for the reads
 * nearly every request makes (who is calling, their balance). Through the pool such a read paid for
 * a borrow (a fair queue, and a wait whenever more request threads than connections read at once),
 * two reflective proxies per JDBC call and a prepare; here it takes a free lane with one uncontended
 * lock. A statement is reset when its result set closes, so no lane holds a snapshot between reads:
 * each read sees every commit made before it began (WAL readers do not block the writer).
 */
final class ReadLanes implements AutoCloseable {
    private final Lane[] lanes;

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Connection connection;
        final Map<String, PreparedStatement> prepared = new HashMap<>();

        Lane(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }
    }

    ReadLanes(List<Connection> connections) {
        lanes = connections.stream().map(Lane::new).toArray(Lane[]::new);
    }

    <T> Optional<T> one(String sql, Database.Binder binder, RowMapper<T> mapper) throws SQLException {
        int start = ThreadLocalRandom.current().nextInt(lanes.length);
        Lane lane = null;
        for (int i = 0; i < lanes.length && lane == null; i++) {
            Lane l = lanes[(start + i) % lanes.length];
            if (l.lock.tryLock()) {
                lane = l;
            }
        }
        if (lane == null) {
            lane = lanes[start];
            lane.lock.lock();
        }
        try {
            PreparedStatement ps = lane.statement(sql);
            ps.clearParameters();
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs, null)) : Optional.empty();
            }
        } finally {
            lane.lock.unlock();
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.lock.lock();
            try {
                for (PreparedStatement ps : lane.prepared.values()) {
                    ps.close();
                }
                lane.connection.close();
            } catch (SQLException e) {
                // closing at shutdown: nothing left to do with a connection that will not close
            } finally {
                lane.lock.unlock();
            }
        }
    }
}
