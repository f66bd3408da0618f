package io.dukan.shop.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The storefront's stylesheet and its one optional script, read once per instance. Pages link them with a version
 * taken from their content, so browsers may cache them for a year and still get a changed file at once.
 */
public final class ShopAssets {

    public static final String CSS = read("/shop.css");
    public static final String JS = read("/shop.js");
    /** For the templates' links. */
    public static final String CSS_VERSION = version(CSS);

    public static final String JS_VERSION = version(JS);

    private ShopAssets() {}

    private static String read(String resource) {
        try (InputStream in = ShopAssets.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
