package io.dukan.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of one language: every message a person reads, looked up by key. Messages live in UTF-8 properties
 * files on the classpath, {@code i18n/{bundle}_{code}.properties} (e.g. {@code i18n/shop_ur.properties}); a
 * function loads the bundles it uses. Placeholders are positional, {@code {0}}, {@code {1}}, replaced as plain text
 * (no MessageFormat, so an apostrophe in French needs no quoting). Plural messages have one key per CLDR category,
 * {@code cart.items.one}, {@code cart.items.other}, … ({@link Plurals}); {@code other} is required.
 *
 * <p>A key missing in a language falls back to English, so a page never fails for a missing word; the
 * {@code MessagesCompletenessTest} of each module fails the build when any language lacks a key English has.
 */
public final class Messages {

    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final Language language;
    private final Map<String, String> texts;
    private final Messages fallback;

    private Messages(Language language, Map<String, String> texts, Messages fallback) {
        this.language = language;
        this.texts = texts;
        this.fallback = fallback;
    }

    /** The messages of {@code language} from the given bundles (loaded once per JVM, then shared). */
    public static Messages of(Language language, List<String> bundles) {
        String cacheKey = language.code() + ":" + String.join(",", bundles);
        return LOADED.computeIfAbsent(cacheKey, k -> {
            Messages english = language == Language.EN ? null : of(Language.EN, bundles);
            return new Messages(language, read(language, bundles), english);
        });
    }

    public Language language() {
        return language;
    }

    /** The message for {@code key} with {@code {0}}, {@code {1}}, … replaced by the arguments' text. */
    public String t(String key, Object... args) {
        return fill(raw(key), args);
    }

    /**
     * The plural message for {@code count}: {@code key.{category}} by the language's CLDR rule, else
     * {@code key.other}. {@code {0}} is the count; further arguments are {@code {1}}, ….
     */
    public String plural(String key, long count, Object... args) {
        String category = Plurals.of(language, count).key();
        String text = lookup(key + "." + category);
        if (text == null) {
            text = raw(key + ".other");
        }
        Object[] all = new Object[args.length + 1];
        all[0] = count;
        System.arraycopy(args, 0, all, 1, args.length);
        return fill(text, all);
    }

    /** Whether this language (not its fallback) has the key. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** Every key of this language's own tables. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(texts.keySet());
    }

    /** The text of this language's own tables, without fallback (for completeness tests). */
    public Map<String, String> own() {
        return Collections.unmodifiableMap(texts);
    }

    private String raw(String key) {
        String text = lookup(key);
        if (text == null) {
            throw new IllegalStateException("no message '" + key + "' in any language");
        }
        return text;
    }

    private String lookup(String key) {
        String text = texts.get(key);
        if (text == null && fallback != null) {
            text = fallback.texts.get(key);
        }
        return text;
    }

    private static String fill(String text, Object[] args) {
        if (args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close > i + 1) {
                    String index = text.substring(i + 1, close);
                    if (index.chars().allMatch(Character::isDigit)) {
                        int n = Integer.parseInt(index);
                        b.append(n < args.length ? String.valueOf(args[n]) : text.substring(i, close + 1));
                        i = close + 1;
                        continue;
                    }
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static Map<String, String> read(Language language, List<String> bundles) {
        Map<String, String> texts = new LinkedHashMap<>();
        ClassLoader loader = Messages.class.getClassLoader();
        for (String bundle : bundles) {
            String name = "i18n/" + bundle + "_" + language.code() + ".properties";
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String key : p.stringPropertyNames()) {
                    texts.put(key, p.getProperty(key));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return Map.copyOf(texts);
    }
}
