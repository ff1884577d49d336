package org.ebgan4j.game;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The model names a {@link GameSpec} record stands for, with a one-line description of each, in the same order. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelNames {

    String[] value();

    String[] descriptions();
}
