package io.dukan.core.catalog;

import io.dukan.core.shared.Text;
import java.time.Instant;
import java.util.Map;

/**
 * A shelf in the store ("Dried apricots", "Gift boxes"); a product may sit on several. {@code translations} holds
 * its title and description in the store's extra languages (either may be "": the primary language's shows).
 */
public record Collection(
        CollectionId id, String title, String description, Instant createdAt, Map<String, Words> translations) {

    /** A collection's title and description in one language. */
    public record Words(String title, String description) {
        public Words {
            title = Text.optional("title", title, 80);
            description = Text.optional("description", description, 2000);
        }

        public boolean isEmpty() {
            return title.isEmpty() && description.isEmpty();
        }
    }

    public Collection(CollectionId id, String title, String description, Instant createdAt) {
        this(id, title, description, createdAt, Map.of());
    }

    public Collection {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** The collection in {@code language}, per field falling back to the primary language's. */
    public Collection in(String language) {
        Words w = language == null ? null : translations.get(language);
        if (w == null || w.isEmpty()) {
            return this;
        }
        return new Collection(
                id,
                w.title().isEmpty() ? title : w.title(),
                w.description().isEmpty() ? description : w.description(),
                createdAt,
                translations);
    }

    public Words words(String language) {
        return translations.getOrDefault(language, new Words("", ""));
    }
}
