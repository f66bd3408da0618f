package io.dukan.aws.s3;

import io.dukan.core.shared.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an uploaded image (JPEG, PNG, GIF: what javax.imageio reads) and scales it to JPEG renditions. The size is
 * checked from the header before the pixels are decoded, so a small file claiming a huge picture is refused
 * without allocating it.
 */
final class ImageRenditions {

    /** 40 megapixels: any phone photo, not a decompression bomb. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final float QUALITY = 0.82f;

    private ImageRenditions() {}

    static {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
    }

    static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers =
                    in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(
                        "imageKey", "this file is not an image the store can read; use JPEG, PNG or GIF");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidInputException("imageKey", "the image is too large (at most 40 megapixels)");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(
                    "imageKey", "this file is not an image the store can read; use JPEG, PNG or GIF");
        }
    }

    /** The image at most {@code width} pixels wide (never enlarged), as a JPEG on white. */
    static byte[] jpeg(BufferedImage source, int width) {
        BufferedImage scaled = scale(source, Math.min(width, source.getWidth()));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(scaled, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Halves while more than twice too large (cheap and smooth), then one bilinear step to the exact width. */
    private static BufferedImage scale(BufferedImage source, int width) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        boolean first = true;
        do {
            int nextW = w / 2 >= width ? w / 2 : width;
            int nextH = Math.max(1, (int) Math.round((double) source.getHeight() * nextW / source.getWidth()));
            BufferedImage next = new BufferedImage(nextW, nextH, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (first) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, nextW, nextH);
                }
                g.drawImage(current, 0, 0, nextW, nextH, null);
            } finally {
                g.dispose();
            }
            current = next;
            w = nextW;
            h = nextH;
            first = false;
        } while (w > width);
        return current;
    }
}
