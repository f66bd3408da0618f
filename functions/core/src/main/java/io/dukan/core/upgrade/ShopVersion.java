package io.dukan.core.upgrade;

import io.dukan.core.shared.InvalidInputException;
import java.time.Instant;

/**
 * A version of the shop code the platform can run store functions on.
 *
 * @param id short name shown to operators and recorded on each store ("shop-42", "local-2")
 * @param artifact what the fleet deploys: on AWS the shop code's layer version ARN; in the local cloud "builtin" (the
 *     shop on the local cloud's own classpath) or a jar file and handler class ({@code /path/shop.jar!a.b.Handler})
 * @param publishedBy who registered it (an operator's e-mail, or "fleet" for the version deployed with the stack)
 */
public record ShopVersion(String id, String artifact, Instant publishedAt, String publishedBy, String notes) {

    public static final String ID_PATTERN = "[A-Za-z0-9._-]{1,40}";
    public static final int MAX_ARTIFACT = 2048;
    public static final int MAX_NOTES = 500;

    public ShopVersion {
        id = id == null ? "" : id.strip();
        artifact = artifact == null ? "" : artifact.strip();
        notes = notes == null ? "" : notes.strip().replaceAll("\\p{Cntrl}", " ");
        publishedBy = publishedBy == null ? "" : publishedBy;
        if (!id.matches(ID_PATTERN)) {
            throw new InvalidInputException("id", "a version is 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (artifact.isEmpty()
                || artifact.length() > MAX_ARTIFACT
                || artifact.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "artifact", "say where the version's code is (at most " + MAX_ARTIFACT + " characters)");
        }
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "notes are at most " + MAX_NOTES + " characters");
        }
    }
}
