package org.ebgan4j.data;

import java.util.Arrays;

/** Held-out splits for data sets that come without one (the npm digits). */
public final class Splits {

    /** A training part and a held-out part. */
    public record Split(TensorDataset train, TensorDataset test) {}

    private Splits() {}

    /** Shuffles with {@code seed} and holds out {@code testFraction} of the samples. */
    public static Split split(TensorDataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must lie in (0, 1), got " + testFraction);
        }
        int[] order = Batches.permutation(data.size(), seed);
        int nTest = (int) Math.round(data.size() * testFraction);
        return new Split(data.subset(Arrays.copyOfRange(order, nTest, order.length)),
                data.subset(Arrays.copyOfRange(order, 0, nTest)));
    }

    /** Shuffles with {@code seed} and holds out {@code count} samples. */
    public static Split holdOut(TensorDataset data, int count, long seed) {
        if (count <= 0 || count >= data.size()) {
            throw new IllegalArgumentException("can hold out 1 to " + (data.size() - 1) + " samples, not " + count);
        }
        int[] order = Batches.permutation(data.size(), seed);
        return new Split(data.subset(Arrays.copyOfRange(order, count, order.length)),
                data.subset(Arrays.copyOfRange(order, 0, count)));
    }
}
