package org.virtlab.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.virtlab.text.Bundles;

/**
 * The texts of scenario problems, in English ({@code messages.properties}) and Simplified Chinese
 * ({@code messages_zh.properties}).
 *
 * <p>Numbers are formatted here, plainly (8 prints "8", 1000 prints "1000"), before they reach
 * {@link MessageFormat}, so that no locale adds grouping separators or decimals.
 */
public final class Messages {

    private Messages() {
    }

    /** The bundle for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static ResourceBundle bundle(Locale locale) {
        return Bundles.load(Messages.class, "messages", locale);
    }

    /** The message for {@code key} with {@code args}; an unknown key gives the key and its arguments. */
    public static String format(String key, List<Object> args, Locale locale) {
        Object[] formatted = args.stream().map(Messages::plain).toArray();
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key + " " + List.of(formatted);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(formatted);
    }

    static String plain(Object arg) {
        if (arg instanceof Double || arg instanceof Float) {
            double d = ((Number) arg).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (arg instanceof BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        if (arg instanceof Number n && !(arg instanceof BigInteger)) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(arg);
    }
}
