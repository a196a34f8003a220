package org.virtlab.ui.properties;

/** One line of the property panel: a translated category, name and value, and a description for the tooltip. */
public record PropertyRow(String category, String name, String value, String description) {
}
