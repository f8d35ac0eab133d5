package org.spikelane.nir.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.spikelane.nir.model.NirException;

/** Run options named by lower-case words on the command line ({@code --integration exact}). */
final class EnumOption {
    private EnumOption() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(text.strip())) return e;
        String allowed = Arrays.stream(type.getEnumConstants()).map(EnumOption::label).collect(Collectors.joining(" or "));
        throw new NirException(option + " must be " + allowed + ", not '" + text + "'");
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
