package org.stimtrial.web.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects request bodies over 1 MiB with 413, whether or not the client declared the length; a resource method
 * annotated {@link MaxBodySize} (a file upload) sets its own limit.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimit implements ContainerRequestFilter {
    public static final long LIMIT = 1024L * 1024L;
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MaxBodySize declared = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(MaxBodySize.class);
        long limit = declared == null ? LIMIT : declared.value();
        if (request.getLength() > limit) {
            request.abortWith(Problem.of("payload-too-large", "Request body too large", 413,
                    "The request body has " + request.getLength() + " bytes; the limit is " + limit).toResponse());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    /** Counts bytes as they are read and fails once the limit is passed. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
