package io.dukan.core.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Why a campaign stopped ({@link UpgradeCampaign#reason()}) or how a wave was judged ({@link Wave#note()}), kept as
 * a message key of the console's {@code upgrade} bundle plus its arguments, so the console shows it in the
 * operator's language; {@link #english()} renders it for logs. Numbers are kept raw (errors and requests, not a
 * rate), so the page formats them in its own locale; free text (a failed deploy's message) is an argument shown as
 * it is.
 *
 * <p>Stored encoding (the {@code reason} attribute of a campaign, a wave's {@code note}): {@code ~key|arg|arg…},
 * where {@code key} is the suffix after {@code upgrade.note.} (letters and digits) and a {@code |} or {@code \}
 * inside an argument is escaped with {@code \}. The empty string is no note. Any other stored text (a note written
 * before notes had keys, always plain English) is read back as {@link #text free text} and shown as it is.
 */
public record UpgradeNote(String key, List<String> args) {

    /** Message keys are {@value} + the note's key. */
    public static final String PREFIX = "upgrade.note.";

    public static final UpgradeNote NONE = new UpgradeNote("", List.of());

    /** A free-text note: the key of stored text that has no key (shown verbatim). */
    public static final String TEXT = "";

    // the keys the saga writes, with their English (the en bundle says the same: OperatorMessagesTest checks it)
    public static final String NONE_TO_MOVE = "noneToMove";
    public static final String VERSION_GONE = "versionGone";
    public static final String DEPLOY_FAILED = "deployFailed";
    public static final String CHECK_FAILED = "checkFailed";
    public static final String CHECK_UNANSWERED = "checkUnanswered";
    public static final String ERROR_RATE = "errorRate";
    public static final String PASSED = "passed";
    public static final String CHECKS_ONLY = "checksOnly";
    public static final String CANNOT_PUT_BACK = "cannotPutBack";

    /** English of each key (the en bundle's text): for logs and tests. */
    public static final Map<String, String> ENGLISH = Map.of(
            NONE_TO_MOVE, "Every open store already runs {0}.",
            VERSION_GONE, "Version {0} is no longer registered.",
            DEPLOY_FAILED, "Could not deploy {0} to store {1} (wave {2}): {3}",
            CHECK_FAILED, "Store {0} answered its check request with HTTP {1} after the upgrade to {2} (wave {3}).",
            CHECK_UNANSWERED, "Store {0} did not answer its check request after the upgrade to {1} (wave {2}): {3}",
            ERROR_RATE, "Error rate {0} % ({1} of {2} requests) after the upgrade, {3} % before, in wave {4}.",
            PASSED, "Error rate {0} % after the upgrade ({1} of {2} requests), {3} % before.",
            CHECKS_ONLY,
                    "Judged on the check requests only: checks answered {0}; real requests {1} in {2} watch windows"
                            + " (fewer than {3}).",
            CANNOT_PUT_BACK, "Store {0} cannot be put back: its version {1} is not registered.");

    public UpgradeNote {
        key = key == null ? "" : key;
        args = args == null ? List.of() : List.copyOf(args);
        if (!key.isEmpty() && !key.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a note key: " + key);
        }
    }

    public static UpgradeNote of(String key, Object... args) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a keyed note needs a key");
        }
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            texts.add(String.valueOf(arg));
        }
        return new UpgradeNote(key, texts);
    }

    /** Free text shown as it is (a note stored before notes had keys); the empty text is no note. */
    public static UpgradeNote text(String text) {
        return text == null || text.isEmpty() ? NONE : new UpgradeNote(TEXT, List.of(text));
    }

    public boolean isEmpty() {
        return key.isEmpty() && (args.isEmpty() || args.get(0).isEmpty());
    }

    /** Whether this is free text (no message key): shown verbatim. */
    public boolean isText() {
        return key.isEmpty();
    }

    /** The message key in the {@code upgrade} bundle. */
    public String messageKey() {
        return PREFIX + key;
    }

    /** The stored form (see the class comment). */
    public String encode() {
        if (isEmpty()) {
            return "";
        }
        if (isText()) {
            return args.get(0);
        }
        StringBuilder b = new StringBuilder("~").append(key);
        for (String arg : args) {
            b.append('|').append(arg.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return b.toString();
    }

    /** A stored note back: keyed if it is in the encoding, else the stored text as free text. */
    public static UpgradeNote decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return NONE;
        }
        if (!stored.startsWith("~")) {
            return text(stored);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 1; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length()) {
                part.append(stored.charAt(++i));
            } else if (c == '|') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        String key = parts.get(0);
        if (!key.matches("[A-Za-z0-9]+")) {
            return text(stored);
        }
        return new UpgradeNote(key, parts.subList(1, parts.size()));
    }

    /**
     * The message's arguments as shown: the stored ones, except that a rate's raw counts (errors and requests after,
     * then before) become {@code {0}} rate after (as {@code percent} formats a percentage), {@code {1}} errors,
     * {@code {2}} requests, {@code {3}} rate before, then the rest.
     */
    public Object[] arguments(DoubleFunction<String> percent) {
        if ((key.equals(ERROR_RATE) || key.equals(PASSED)) && args.size() >= 4) {
            long errorsAfter = number(args.get(0));
            long requestsAfter = number(args.get(1));
            long errorsBefore = number(args.get(2));
            long requestsBefore = number(args.get(3));
            List<Object> shown = new ArrayList<>();
            shown.add(percent.apply(rate(errorsAfter, requestsAfter)));
            shown.add(errorsAfter);
            shown.add(requestsAfter);
            shown.add(percent.apply(rate(errorsBefore, requestsBefore)));
            shown.addAll(args.subList(4, args.size()));
            return shown.toArray();
        }
        return args.toArray();
    }

    /** The note in English (logs; what the en bundle says). */
    public String english() {
        if (isText()) {
            return args.isEmpty() ? "" : args.get(0);
        }
        String template = ENGLISH.getOrDefault(key, key + " {0} {1} {2} {3} {4}");
        Object[] values = arguments(p -> String.format(Locale.ROOT, "%.1f", p));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = template.indexOf('}', i);
            if (c == '{' && close == i + 2 && Character.isDigit(template.charAt(i + 1))) {
                int n = template.charAt(i + 1) - '0';
                b.append(n < values.length ? String.valueOf(values[n]) : "");
                i = close;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return english();
    }

    private static double rate(long errors, long requests) {
        return requests == 0 ? 0 : 100.0 * errors / requests;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
