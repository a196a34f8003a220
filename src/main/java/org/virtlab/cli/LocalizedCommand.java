package org.virtlab.cli;

import java.util.Locale;

/** A sub-command whose messages (not only its help) follow the chosen locale. */
interface LocalizedCommand {
    void useLocale(Locale locale);
}
