package city.neotropolis.neobank.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock next to the SQLite file ({@code neobank.db.lock}), held while the service runs,
 * so that an offline restore can tell it must not replace the database under a live service. The
 * OS drops it when the process dies, so it never goes stale.
 */
public final class ServiceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServiceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    }

    /** The lock, or null when another process (or this one) already holds it. */
    public static ServiceLock tryAcquire(Path databaseFile) throws IOException {
        FileChannel ch = FileChannel.open(lockFile(databaseFile), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return null;
            }
            return new ServiceLock(ch, l);
        } catch (OverlappingFileLockException e) {
            ch.close();
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
