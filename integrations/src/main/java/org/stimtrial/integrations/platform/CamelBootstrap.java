package org.stimtrial.integrations.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportService;
import org.stimtrial.imports.ImportViews.Ingested;
import org.stimtrial.imports.ImportViews.Receipt;
import org.stimtrial.integrations.GroupCommit;
import org.stimtrial.integrations.folder.SiteFolderRoute;
import org.stimtrial.integrations.mllp.LabResultsMllpRoute;
import org.stimtrial.integrations.sftp.SftpSettings;
import org.stimtrial.integrations.sftp.SiteSftpRoute;

/**
 * Starts the Camel context with the application (camel-cdi no longer exists) and stops it with it. The drop folders'
 * root, the SFTP drop, the MLLP listener's address and the study come from MicroProfile Config
 * ({@code trial.import.folders.*}, {@code trial.import.sftp.*}, {@code trial.import.mllp.*},
 * {@code trial.import.study}); the listener binds to 127.0.0.1 unless told otherwise; SFTP is off unless enabled.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CamelBootstrap {
    private static final Logger LOG = Logger.getLogger(CamelBootstrap.class.getName());
    /** The most laboratory messages committed in one transaction (those that arrived while the last one committed). */
    public static final int LAB_GROUP_MAX = 100;
    /** Laboratory groups in flight at once: the next is stored and read while one is applied and committed. */
    public static final int LAB_COMMITTERS = 2;

    @Inject
    @ConfigProperty(name = "trial.import.folders.enabled", defaultValue = "true")
    private boolean foldersEnabled;
    @Inject
    @ConfigProperty(name = "trial.import.folders.root", defaultValue = "data/imports")
    private String foldersRoot;
    @Inject
    @ConfigProperty(name = "trial.import.study", defaultValue = "STIM-301")
    private String study;
    @Inject
    @ConfigProperty(name = "trial.import.folders.poll-millis", defaultValue = "2000")
    private long pollMillis;
    @Inject
    @ConfigProperty(name = "trial.import.mllp.enabled", defaultValue = "true")
    private boolean mllpEnabled;
    @Inject
    @ConfigProperty(name = "trial.import.mllp.host", defaultValue = "127.0.0.1")
    private String mllpHost;
    @Inject
    @ConfigProperty(name = "trial.import.mllp.port", defaultValue = "2575")
    private int mllpPort;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.enabled", defaultValue = "false")
    private boolean sftpEnabled;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.host", defaultValue = "127.0.0.1")
    private String sftpHost;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.port", defaultValue = "22")
    private int sftpPort;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.username", defaultValue = "stimtrial")
    private String sftpUser;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.password")
    private Optional<String> sftpPassword;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.private-key")
    private Optional<String> sftpPrivateKey;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.directory", defaultValue = "sites")
    private String sftpDirectory;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.known-hosts", defaultValue = "data/sftp_known_hosts")
    private String sftpKnownHosts;
    @Inject
    @ConfigProperty(name = "trial.import.sftp.poll-millis", defaultValue = "10000")
    private long sftpPollMillis;
    @Inject
    private Clock clock;
    @EJB
    private ImportService imports;
    @Resource
    private ManagedThreadFactory threads;
    private CamelContext camel;
    private Optional<GroupCommit> labGroupCommit = Optional.empty();

    @PostConstruct
    void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("stimtrial-imports");
        try {
            if (foldersEnabled) {
                Path root = Path.of(foldersRoot).toAbsolutePath().normalize();
                camel.addRoutes(new SiteFolderRoute(root, study, this::ingest, pollMillis));
                LOG.info(() -> "site drop folders: " + root + "/<site>/inbox for study " + study);
            }
            if (sftpEnabled) {
                SftpSettings sftp = new SftpSettings(sftpHost, sftpPort, sftpUser, sftpPassword,
                        sftpPrivateKey.map(Path::of), sftpDirectory, Path.of(sftpKnownHosts), sftpPollMillis);
                camel.addRoutes(new SiteSftpRoute(sftp, study, this::ingest));
                LOG.info(() -> "site SFTP drop: " + sftp + "/<site>/inbox for study " + study);
            }
            if (mllpEnabled) {
                GroupCommit groupCommit = new GroupCommit(imports::ingestAll, this::ingest, LAB_GROUP_MAX,
                        LAB_COMMITTERS, threads);
                labGroupCommit = Optional.of(groupCommit);
                camel.addRoutes(new LabResultsMllpRoute(mllpHost, mllpPort, study, groupCommit, clock));
                LOG.info(() -> "laboratory HL7 over MLLP: " + mllpHost + ":" + mllpPort + " for study " + study);
            }
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("the import routes could not be started: " + e.getMessage(), e);
        }
    }

    private Ingested ingest(Delivery delivery, byte[] content) {
        Receipt receipt = imports.receive(delivery, content);
        return new Ingested(receipt.duplicate(), imports.process(receipt.batchId(), content));
    }

    @PreDestroy
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        labGroupCommit.ifPresent(GroupCommit::close);
    }

    /** Each route's status (e.g. {@code Started}), for the health check. */
    public Map<String, String> routeStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        for (Route r : camel.getRoutes()) {
            status.put(r.getRouteId(), camel.getRouteController().getRouteStatus(r.getRouteId()).name());
        }
        return status;
    }

    public boolean isStarted() {
        return camel.isStarted();
    }
}
