import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Called by assemble.sh (run as a source file by the layer's JDK, so the build needs no zip tools):
 * {@code java SplitShopJar.java SHOP_JAR SERVICES_JAR}. Moves the shop jar's {@code META-INF/micronaut/} entries
 * (Micronaut's bean listings) into SERVICES_JAR and leaves every other entry in the shop jar, in order, with its
 * time: the same input gives the same bytes (the AOT cache's checksums).
 */
public final class SplitShopJar {

    private static final String LISTINGS = "META-INF/micronaut/";

    public static void main(String[] args) throws IOException {
        Path shop = Path.of(args[0]);
        Path services = Path.of(args[1]);
        Path rest = shop.resolveSibling(shop.getFileName() + ".rest");
        int moved = 0;
        try (ZipFile in = new ZipFile(shop.toFile());
                ZipOutputStream keep = new ZipOutputStream(Files.newOutputStream(rest));
                ZipOutputStream listings = new ZipOutputStream(Files.newOutputStream(services))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                boolean listing = entry.getName().startsWith(LISTINGS);
                ZipOutputStream out = listing ? listings : keep;
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
                moved += listing ? 1 : 0;
            }
        }
        if (moved == 0) {
            throw new IllegalStateException("no " + LISTINGS + " entries in " + shop + ": not a Micronaut shop jar?");
        }
        Files.move(rest, shop, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(moved + " entries of " + LISTINGS + " moved to " + services);
    }
}
