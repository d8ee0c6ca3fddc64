package org.stimtrial.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.stimtrial.audit.AuditService;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.export.OdmExport;
import org.stimtrial.imports.ImportService;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;

/** The demo study's configuration in a fresh database, with the services the import contracts call. */
record ImportFixture(Database db, ImportService imports, SubjectService subjects, VisitService visits,
                     UrineScreenService screens, AuditService audit, OdmExport odmExport) {
    /** Migrates {@code dataSource}, loads the demo study's sites and schedule, with the clock at 20:00 UTC on today. */
    static ImportFixture of(DataSource dataSource, LocalDate today) {
        Database db = new Database(dataSource);
        TestClock clock = new TestClock(today.atTime(20, 0).toInstant(ZoneOffset.UTC));
        ImportFixture fixture = new ImportFixture(db, new ImportService(db.em(), clock),
                new SubjectService(db.em(), clock), new VisitService(db.em(), clock),
                new UrineScreenService(db.em(), clock), new AuditService(db.em(), clock, db.dataSource()),
                new OdmExport(db.em(), clock));
        DemoLoader loader = new DemoLoader(db.em(), clock, fixture.subjects(), fixture.visits(), fixture.screens(),
                new AdverseEventService(db.em(), clock));
        db.run(() -> loader.createStudy(DemoStudyGenerator.studySpec()));
        return fixture;
    }
}
