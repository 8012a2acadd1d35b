package city.neotropolis.neobank.e2e.support;

import io.nayuki.qrcodegen.QrCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A fake camera's film: a printed QR code held in front of the lens, as Motion-JPEG for Chromium. */
public final class Camera {
    private Camera() {}

    public static Path filming(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int width = 640;
        int height = 480;
        int scale = Math.min(360 / (qr.size + 8), 10);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(40, 44, 52)); // a table under the paper
        g.fillRect(0, 0, width, height);
        int side = (qr.size + 8) * scale;
        int left = (width - side) / 2;
        int top = (height - side) / 2;
        g.setColor(Color.WHITE);
        g.fillRect(left, top, side, side);
        g.setColor(Color.BLACK);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    g.fillRect(left + (x + 4) * scale, top + (y + 4) * scale, scale, scale);
                }
            }
        }
        g.dispose();
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(frame, "jpg", jpeg);
            Path file = Files.createTempFile("neobank-camera-", ".mjpeg");
            ByteArrayOutputStream film = new ByteArrayOutputStream();
            for (int i = 0; i < 30; i++) {
                film.write(jpeg.toByteArray());
            }
            Files.write(file, film.toByteArray());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
