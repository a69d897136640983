package org.trialstream.kernel.audit;

import java.util.Arrays;

/**
 * The hashes of one chain's facts in order, kept compact for verifying a million facts in one pass: the head in full,
 * and each fact as the first 64 bits of its hash (enough to tell facts of one chain apart, and to compare one
 * chain's copies position by position).
 */
final class ChainHashes {

    private String head = FactChain.GENESIS;
    private long[] prefixes = new long[4];
    private int size;

    String head() {
        return head;
    }

    int size() {
        return size;
    }

    long prefix(int position) {
        return prefixes[position];
    }

    boolean contains(String hash) {
        long prefix = prefixOf(hash);
        for (int i = size - 1; i >= 0; i--) {
            if (prefixes[i] == prefix) {
                return true;
            }
        }
        return false;
    }

    /** @return the fact's position in the chain */
    int append(String hash) {
        if (size == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, size * 2);
        }
        prefixes[size] = prefixOf(hash);
        head = hash;
        return size++;
    }

    /** The hash's first 64 bits; a hash that is not hex (a tampered value) by its text's own hash. */
    static long prefixOf(String hash) {
        try {
            return Long.parseUnsignedLong(hash.substring(0, 16), 16);
        } catch (RuntimeException notHex) {
            return hash.hashCode();
        }
    }
}
