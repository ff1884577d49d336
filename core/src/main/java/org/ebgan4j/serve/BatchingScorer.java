package org.ebgan4j.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the rows of concurrent requests into engine batches: one thread takes every request that
 * waits, up to {@code maxBatchRows} rows together (a larger request goes alone), scores them in one
 * call and hands each request its own energies back in order. Rows are validated by the caller, so a
 * bad request never reaches a batch. At most {@code maxQueuedRows} rows wait; beyond that a request
 * is refused ({@link Overloaded}) rather than queued without bound.
 */
final class BatchingScorer implements AutoCloseable {

    /** The queue is full: the caller should answer 503 and the client retry. */
    static final class Overloaded extends RuntimeException {
        Overloaded(String message) {
            super(message);
        }
    }

    private record Job(float[] rows, int n, CompletableFuture<float[]> result) {}

    private final EnergyScorer scorer;
    private final int maxBatchRows;
    private final int maxQueuedRows;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Thread engine;
    private int queuedRows;
    private int rowsAtEngine;
    private boolean closed;
    private long batches;
    private long rowsScored;

    BatchingScorer(EnergyScorer scorer, int maxBatchRows, int maxQueuedRows) {
        if (maxBatchRows < 1 || maxQueuedRows < maxBatchRows) {
            throw new IllegalArgumentException("the batch must hold at least one row and the queue at least one batch, got "
                    + maxBatchRows + " and " + maxQueuedRows);
        }
        this.scorer = scorer;
        this.maxBatchRows = maxBatchRows;
        this.maxQueuedRows = maxQueuedRows;
        this.engine = new Thread(this::loop, "ebgan-engine");
        engine.setDaemon(true);
        engine.start();
    }

    /** Queues {@code n} validated rows; the future completes with their energies. */
    CompletableFuture<float[]> submit(float[] rows, int n) {
        CompletableFuture<float[]> result = new CompletableFuture<>();
        synchronized (queue) {
            if (closed) {
                throw new Overloaded("the service is shutting down");
            }
            if (queuedRows > 0 && queuedRows + n > maxQueuedRows) {
                throw new Overloaded("the service has " + queuedRows + " rows waiting (at most " + maxQueuedRows + "); retry shortly");
            }
            queue.add(new Job(rows, n, result));
            queuedRows += n;
            queue.notifyAll();
        }
        return result;
    }

    /** Rows accepted and not yet answered: those waiting and those the engine took. */
    int pendingRows() {
        synchronized (queue) {
            return queuedRows + rowsAtEngine;
        }
    }

    /** Engine calls made and rows scored so far. */
    long[] counts() {
        synchronized (queue) {
            return new long[] {batches, rowsScored};
        }
    }

    private void loop() {
        while (true) {
            List<Job> batch = new ArrayList<>();
            int rows = 0;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                while (!queue.isEmpty() && (batch.isEmpty() || rows + queue.peek().n() <= maxBatchRows)) {
                    Job job = queue.poll();
                    batch.add(job);
                    rows += job.n();
                }
                queuedRows -= rows;
                rowsAtEngine = rows;
            }
            score(batch, rows);
            synchronized (queue) {
                rowsAtEngine = 0;
            }
        }
    }

    private void score(List<Job> batch, int rows) {
        try {
            float[] energies;
            if (batch.size() == 1) {
                energies = scorer.scoreValid(batch.get(0).rows(), rows);
            } else {
                int dim = scorer.dimension();
                float[] all = new float[rows * dim];
                int at = 0;
                for (Job job : batch) {
                    System.arraycopy(job.rows(), 0, all, at * dim, job.n() * dim);
                    at += job.n();
                }
                energies = scorer.scoreValid(all, rows);
            }
            synchronized (queue) {
                batches++;
                rowsScored += rows;
            }
            int at = 0;
            for (Job job : batch) {
                float[] own = new float[job.n()];
                System.arraycopy(energies, at, own, 0, job.n());
                at += job.n();
                job.result().complete(own);
            }
        } catch (RuntimeException | Error e) {
            for (Job job : batch) {
                job.result().completeExceptionally(e);
            }
        }
    }

    /** Refuses new requests, scores those waiting, and stops the engine thread. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        try {
            engine.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
