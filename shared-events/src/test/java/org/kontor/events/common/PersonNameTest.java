package org.kontor.events.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a name written in one field is split: by clients today, and by the upcaster for stored contacts. */
class PersonNameTest {

    @Test
    void parseSeveralWords_lastIsTheFamilyNameTheOthersTheGivenNames() {
        assertThat(PersonName.parse("Anna Maria Berg")).isEqualTo(new PersonName("Anna Maria", "Berg"));
    }

    @Test
    void parseOneWord_aFamilyNameWithoutGivenName() {
        PersonName name = PersonName.parse("Madonna");

        assertThat(name).isEqualTo(new PersonName(null, "Madonna"));
        assertThat(name.fullName()).isEqualTo("Madonna");
    }

    @Test
    void parseWithExtraWhitespace_theSameParts() {
        assertThat(PersonName.parse("  Anna \t Berg ")).isEqualTo(new PersonName("Anna", "Berg"));
    }

    @Test
    void fullName_givenNamesThenFamilyName() {
        assertThat(new PersonName("Anna Maria", "Berg").fullName()).isEqualTo("Anna Maria Berg");
    }

    @Test
    void blankFamilyName_refused() {
        assertThatThrownBy(() -> new PersonName("Anna", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonName.parse("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
