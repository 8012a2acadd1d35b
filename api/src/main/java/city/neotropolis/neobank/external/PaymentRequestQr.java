package city.neotropolis.neobank.external;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A payment request's link as a QR code, drawn by the service so a small ESP32 display only has to
 * show an image. Encoding by io.nayuki:qrcodegen (a small, well-kept reference implementation);
 * the PNG through the JDK's own javax.imageio, so no image library is added.
 */
final class PaymentRequestQr {
    static final int BORDER = 4;
    static final int SCALE_DEFAULT = 4;
    static final int SCALE_MAX = 16;

    private PaymentRequestQr() {}

    static QrCode encode(String text) {
        return QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    }

    /**
     * An SVG of one path, one unit per module, with a quiet zone of {@link #BORDER} modules; its
     * intrinsic size is {@link #SCALE_DEFAULT} pixels per module (browsers need one to load it as an image).
     */
    static String svg(String text) {
        QrCode qr = encode(text);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append(path.length() == 0 ? "" : " ")
                            .append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + size * SCALE_DEFAULT
                + "\" height=\"" + size * SCALE_DEFAULT + "\" viewBox=\"0 0 " + size + " " + size
                + "\" stroke=\"none\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
                + "<path d=\"" + path + "\" fill=\"#000000\"/>\n</svg>\n";
    }

    /** A black-on-white PNG, {@code scale} pixels per module. */
    static byte[] png(String text, int scale) {
        QrCode qr = encode(text);
        int size = (qr.size + BORDER * 2) * scale;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = qr.getModule(x / scale - BORDER, y / scale - BORDER);
                img.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
