package city.neotropolis.neobank.backup.original;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a whole SQLite file from a cut-off copy or a file of another kind, before SQLite opens it. */
final class SqliteHeader {
    private SqliteHeader() {}

    /**
     * A SQLite file says in its header how many pages it has: a copy cut off mid-way (a full disk,
     * an interrupted transfer) is shorter than that, and a file of another kind has no header.
     */
    static void check(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a file");
        }
        long size = Files.size(file);
        byte[] header = new byte[100];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(header, 0, header.length);
        }
        String magic = new String(header, 0, Math.min(n, 16), StandardCharsets.ISO_8859_1);
        if (n < 100 || !magic.equals("SQLite format 3\0")) {
            throw new IllegalArgumentException(file + " is not a SQLite database (no SQLite header): "
                    + "SOURCE must be the original NeoBank's database file");
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(b.getShort(16));
        long pages = Integer.toUnsignedLong(b.getInt(28));
        long expected = (pageSize == 1 ? 65536L : pageSize) * pages;
        if (pages > 0 && size < expected) {
            throw new IllegalArgumentException(file + " is cut off: its header says " + expected
                    + " bytes but the file has " + size + " (copy it again, with the old service stopped)");
        }
    }
}
