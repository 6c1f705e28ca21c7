package dev.optoant.domain.messages;

import java.util.concurrent.ThreadLocalRandom;

/** Anthropic-style identifiers: {@code msg_} followed by 24 random base-62 characters. */
public final class MessageIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private MessageIds() {
    }

    public static String next() {
        char[] id = new char[28];
        id[0] = 'm';
        id[1] = 's';
        id[2] = 'g';
        id[3] = '_';
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 4; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
