package org.kontor.command.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPasswordsTest {

    @Test
    void next_has24CharactersOfTheUnambiguousAlphabet() {
        String password = RandomPasswords.next();

        assertThat(password).hasSize(24);
        assertThat(password.chars()).allMatch(character -> RandomPasswords.ALPHABET.indexOf(character) >= 0);
    }

    @Test
    void alphabet_hasNoCharactersThatLookAlike() {
        assertThat(RandomPasswords.ALPHABET).doesNotContain("0", "O", "o", "1", "l", "I");
        assertThat(RandomPasswords.ALPHABET.chars().distinct().count()).isEqualTo(RandomPasswords.ALPHABET.length());
    }

    @Test
    void next_differsEveryTime() {
        Set<String> passwords = new HashSet<>();
        for (int call = 0; call < 100; call++) {
            passwords.add(RandomPasswords.next());
        }

        assertThat(passwords).hasSize(100);
    }

    @Test
    void next_usesTheWholeAlphabet() {
        // 200 passwords draw 4800 characters: every one of the 56 shows up unless the draw is skewed.
        Set<Character> seen = new HashSet<>();
        for (int call = 0; call < 200; call++) {
            RandomPasswords.next().chars().forEach(character -> seen.add((char) character));
        }

        assertThat(seen).hasSize(RandomPasswords.ALPHABET.length());
    }
}
