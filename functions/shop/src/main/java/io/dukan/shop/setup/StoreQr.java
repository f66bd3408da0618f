package io.dukan.shop.setup;

import io.nayuki.qrcodegen.QrCode;

/** A QR code of a link, drawn as inline SVG on the server (no script, prints sharp at any size). */
public final class StoreQr {

    private StoreQr() {}

    /** An SVG element (role img, titled) whose dark modules spell {@code url}; medium error correction, 4-module border. */
    public static String svg(String url, String title) {
        QrCode qr = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + border)
                            .append(',')
                            .append(y + border)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"200\" height=\"200\" role=\"img\" aria-label=\"" + escape(title)
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
