package org.stimtrial.integrations.sftp;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.integrations.Ingest;
import org.stimtrial.integrations.folder.DropFileNames;
import org.stimtrial.integrations.folder.DropFiles;
import org.stimtrial.shared.DomainException;

/**
 * Polls every site's inbox on the SFTP server ({@code <directory>/<site>/inbox/}) and hands each file to the
 * pipeline, as the local drop folders do: a file taken in moves to {@code <site>/done/}, a refused one to
 * {@code <site>/failed/} with {@code <name>.reason.txt} written beside it on the server. Transient failures are
 * retried with back-off; a file fetched twice is a duplicate batch by its checksum.
 */
public final class SiteSftpRoute extends RouteBuilder {
    public static final String ROUTE_ID = "site-sftp";
    private static final String DONE = "StimTrialDoneName";
    private static final String FAILED = "StimTrialFailedName";
    private final SftpSettings settings;
    private final String protocolCode;
    private final Ingest ingest;

    public SiteSftpRoute(SftpSettings settings, String protocolCode, Ingest ingest) {
        this.settings = settings;
        this.protocolCode = protocolCode;
        this.ingest = ingest;
    }

    @Override
    public void configure() {
        ProducerTemplate server = getContext().createProducerTemplate();
        onException(DomainException.class, DropFiles.UnknownDropFileException.class)
                .maximumRedeliveries(0)
                .process(e -> writeReason(server, e))
                .log(LoggingLevel.WARN, "SFTP import file ${header.CamelFileName} refused: ${exception.message}");
        onException(Exception.class)
                .maximumRedeliveries(6).redeliveryDelay(1000).backOffMultiplier(2).useExponentialBackOff()
                .process(e -> writeReason(server, e))
                .log(LoggingLevel.ERROR, "SFTP import file ${header.CamelFileName} failed: ${exception.message}");

        from(settings.endpoint() + "&recursive=true&minDepth=3&maxDepth=3&antInclude=" + DropFileNames.INCLUDE
                + "&readLock=changed&readLockMinAge=500&readLockCheckInterval=250"
                + "&delay=" + settings.pollMillis() + "&initialDelay=" + settings.pollMillis()
                + "&move=${header." + DONE + "}&moveFailed=${header." + FAILED + "}")
                .routeId(ROUTE_ID)
                .process(SiteSftpRoute::targets)
                .process(this::deliver);
    }

    /** Where the file goes afterwards, relative to the drop directory (moves on the server resolve against it). */
    private static void targets(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String site = relative.substring(0, relative.indexOf('/'));
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stamp = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").format(LocalDateTime.now());
        exchange.getIn().setHeader(DONE, site + "/done/" + (dot < 0 ? name + "-" + stamp
                : name.substring(0, dot) + "-" + stamp + name.substring(dot)));
        exchange.getIn().setHeader(FAILED, site + "/failed/" + name);
    }

    private void deliver(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        ingest.ingest(DropFiles.delivery(protocolCode, ImportChannel.SFTP, relative),
                exchange.getIn().getBody(byte[].class));
    }

    private void writeReason(ProducerTemplate server, Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (relative == null) {
            return;
        }
        server.sendBodyAndHeader(settings.endpoint() + "&fileExist=Override", (cause == null ? "unknown failure"
                : cause.getMessage()) + "\n", Exchange.FILE_NAME, DropFiles.reasonPath(relative));
    }
}
