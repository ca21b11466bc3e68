package org.kontor.command.people;

import java.security.SecureRandom;

/**
 * Strong passwords for people to type once: no characters that look alike (0 O o, 1 l I), no
 * symbols that keyboards or shells disagree about. 56 characters to choose from, 24 chosen: about
 * 139 bits, far past guessing, and 24 bytes, well inside bcrypt's 72.
 */
final class RandomPasswords {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    static final int LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int index = 0; index < LENGTH; index++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
