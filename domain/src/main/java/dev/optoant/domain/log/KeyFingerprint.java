package dev.optoant.domain.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, non-reversible label for an API key: enough to tell keys apart in the log, useless to an attacker. */
public final class KeyFingerprint {
    // Looking SHA-256 up among the security providers costs more than hashing a key; a clone of one instance doesn't.
    private static final MessageDigest SHA_256 = sha256();

    private KeyFingerprint() {
    }

    /** {@code sha256:} and the first 12 hex digits of the key's SHA-256, or null for no key. */
    public static String of(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        byte[] digest = fresh().digest(key.strip().getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
