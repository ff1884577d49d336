package org.ebgan4j.semi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The labelled part of a semi-supervised training set: {@code count} rows, the same number of each
 * class (count / classes; the remainder, if any, to the first classes), drawn by a seeded shuffle, as
 * in the ladder-network paper's 100-label setting (10 per digit).
 */
public final class LabelledSubset {

    private LabelledSubset() {}

    /** Indices into {@code labels} of the labelled rows, in class order. */
    public static int[] balanced(int[] labels, int classes, int count, long seed) {
        if (count < classes) {
            throw new IllegalArgumentException("at least one labelled row per class: give `labels` >= " + classes + ", got " + count);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is outside 0.." + (classes - 1));
            }
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        int[] out = new int[count];
        int at = 0;
        for (int c = 0; c < classes; c++) {
            int want = count / classes + (c < count % classes ? 1 : 0);
            List<Integer> rows = byClass.get(c);
            if (rows.size() < want) {
                throw new IllegalArgumentException("class " + c + " has " + rows.size() + " rows, fewer than the " + want + " to label");
            }
            java.util.Collections.shuffle(rows, random);
            for (int k = 0; k < want; k++) {
                out[at++] = rows.get(k);
            }
        }
        return Arrays.copyOf(out, at);
    }
}
