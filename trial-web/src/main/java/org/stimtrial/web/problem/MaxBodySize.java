package org.stimtrial.web.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resource method that takes larger bodies than the default limit of {@link BodySizeLimit}, e.g. file uploads. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MaxBodySize {
    /** The largest body accepted, in bytes. */
    long value();
}
