package org.kontor.events.common;

import java.util.Objects;

/**
 * A person's name in its two parts: letters greet a contact by family name ("Dear Ms Berg") and
 * lists sort by it. {@code givenName} is {@code null} for a person known by one name only.
 */
public record PersonName(String givenName, String familyName) {

    public PersonName {
        Objects.requireNonNull(familyName, "familyName");
        if (familyName.isBlank()) {
            throw new IllegalArgumentException("a family name is not blank");
        }
        givenName = givenName == null || givenName.isBlank() ? null : givenName;
    }

    /**
     * The parts of a name written in one field, as clients send it and as contacts were stored
     * before their names had parts: the last word is the family name, the words before it the
     * given names ("Anna Maria Berg": "Anna Maria", "Berg"). A name of one word is a family name.
     */
    public static PersonName parse(String fullName) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int lastSpace = name.lastIndexOf(' ');
        return lastSpace < 0 ? new PersonName(null, name)
                : new PersonName(name.substring(0, lastSpace), name.substring(lastSpace + 1));
    }

    /** The name as written in one field: given names, then the family name. */
    public String fullName() {
        return givenName == null ? familyName : givenName + " " + familyName;
    }
}
