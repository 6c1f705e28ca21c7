package dev.optoant.domain.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, non-reversible label for an API key: enough to tell keys apart in the log, useless to an attacker. */
public final class KeyFingerprint {
    private KeyFingerprint() {
    }

    /** {@code sha256:} and the first 12 hex digits of the key's SHA-256, or null for no key. */
    public static String of(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
