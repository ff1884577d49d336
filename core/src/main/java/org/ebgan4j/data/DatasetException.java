package org.ebgan4j.data;

/** A data set that cannot be read; the message names the file, the problem and how to fix it. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
