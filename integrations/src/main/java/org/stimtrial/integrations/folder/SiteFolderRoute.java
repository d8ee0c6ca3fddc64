package org.stimtrial.integrations.folder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.integrations.Ingest;
import org.stimtrial.shared.DomainException;

/**
 * One route for every site's inbox under the root. Thin: it reads the bytes, names the site and the format, and
 * hands them to the pipeline. Transient failures (the database not reachable) are retried with back-off; a refusal
 * by the pipeline is not retried. Exactly-once does not depend on the route: a file taken in twice is a duplicate
 * batch by its checksum.
 */
public final class SiteFolderRoute extends RouteBuilder {
    public static final String ROUTE_ID = "site-folders";
    private final Path root;
    private final String protocolCode;
    private final Ingest ingest;
    private final long pollMillis;

    public SiteFolderRoute(Path root, String protocolCode, Ingest ingest, long pollMillis) {
        this.root = root.toAbsolutePath().normalize();
        this.protocolCode = protocolCode;
        this.ingest = ingest;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        onException(DomainException.class, DropFiles.UnknownDropFileException.class)
                .maximumRedeliveries(0)
                .process(SiteFolderRoute::writeReason)
                .log(LoggingLevel.WARN, "import file ${header.CamelFileName} refused: ${exception.message}");
        onException(Exception.class)
                .maximumRedeliveries(6).redeliveryDelay(1000).backOffMultiplier(2).useExponentialBackOff()
                .process(SiteFolderRoute::writeReason)
                .log(LoggingLevel.ERROR, "import file ${header.CamelFileName} failed: ${exception.message}");

        fromF("file:%s?recursive=true&minDepth=3&maxDepth=3&antInclude=%s&readLock=changed&readLockMinAge=500"
                + "&readLockCheckInterval=250&delay=%d&initialDelay=%d"
                + "&move=${file:parent}/../done/${file:onlyname.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
                + "&moveFailed=${file:parent}/../failed/${file:onlyname}", root, DropFileNames.INCLUDE, pollMillis,
                pollMillis)
                .routeId(ROUTE_ID)
                .process(this::deliver);
    }

    private void deliver(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        ingest.ingest(DropFiles.delivery(protocolCode, ImportChannel.SITE_FOLDER, relative),
                exchange.getIn().getBody(byte[].class));
    }

    private static void writeReason(Exchange exchange) throws java.io.IOException {
        String absolute = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (absolute == null) {
            return;
        }
        Path file = Path.of(absolute);
        Path failed = file.getParent().resolveSibling("failed");
        Files.createDirectories(failed);
        Files.writeString(failed.resolve(file.getFileName() + ".reason.txt"), (cause == null ? "unknown failure"
                : cause.getMessage()) + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
