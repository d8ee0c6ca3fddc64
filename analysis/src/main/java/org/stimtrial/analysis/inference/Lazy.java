package org.stimtrial.analysis.inference;

import java.util.function.Supplier;

/** A value computed once, on first use, and then shared (thread-safe): for inference a caller may never ask for. */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
