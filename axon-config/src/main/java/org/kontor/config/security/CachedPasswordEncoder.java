package org.kontor.config.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, with successful checks remembered for a few minutes. HTTP Basic sends the password with
 * every request and a bcrypt check costs tens of milliseconds of CPU by design; without this, the
 * API's throughput would be bounded by password hashing. Only a SHA-256 of the presented password,
 * salted by the stored hash, is kept, and a changed password has a new hash, so it misses the cache.
 */
final class CachedPasswordEncoder implements PasswordEncoder {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder bcrypt;
    private final Clock clock;
    private final Map<String, Instant> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    CachedPasswordEncoder(PasswordEncoder bcrypt, Clock clock) {
        this.bcrypt = bcrypt;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (verified) {
            Instant until = verified.get(key);
            if (until != null && until.isAfter(now)) {
                return true;
            }
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(key, now.plus(REMEMBER_FOR));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private static String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
