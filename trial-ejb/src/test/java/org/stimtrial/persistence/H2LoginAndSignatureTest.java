package org.stimtrial.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditService;
import org.stimtrial.audit.AuditView;
import org.stimtrial.audit.Source;
import org.stimtrial.demo.DemoLoader;
import org.stimtrial.demo.DemoStudyGenerator;
import org.stimtrial.login.ApiTokenService;
import org.stimtrial.login.ApiTokenService.IssuedToken;
import org.stimtrial.login.Channel;
import org.stimtrial.login.LoginOutcome;
import org.stimtrial.login.LoginOutcome.Authenticated;
import org.stimtrial.login.LoginOutcome.Reason;
import org.stimtrial.login.LoginOutcome.Rejected;
import org.stimtrial.login.LoginPolicy;
import org.stimtrial.login.LoginService;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.signature.SignatureMeaning;
import org.stimtrial.signature.SignatureService;
import org.stimtrial.signature.SignatureView;
import org.stimtrial.signature.SignatureView.Status;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.user.AppUser;
import org.stimtrial.user.PasswordHashes;
import org.stimtrial.user.Role;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.FormEntries.CravingEntry;
import org.stimtrial.visit.FormEntries.VisitEntry;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.visit.VisitStatus;

/**
 * Sign-in (lockout, throttled success records, unknown users, bearer tokens, password re-entry) and electronic
 * signatures (validity, invalidation by a later change, by a change elsewhere for a casebook, and by tampering that
 * bypasses the audit trail), against a migrated H2 database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2LoginAndSignatureTest {
    private static final String STUDY = "STIM-301";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Actor COORDINATOR = Actor.of("coord", Source.API);
    private static final Actor INVESTIGATOR = Actor.of("inv", Source.API);
    private static final String ORIGIN = "127.0.0.1";

    private Database db;
    private TestClock clock;
    private LoginService login;
    private ApiTokenService tokens;
    private AuditService audit;
    private VisitService visits;
    private SignatureService signatures;

    @BeforeAll
    void setUp() {
        db = new Database(TestDatabases.h2("login"));
        clock = new TestClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        login = new LoginService(db.em(), clock, LoginPolicy.DEFAULT);
        tokens = new ApiTokenService(db.em(), clock);
        audit = new AuditService(db.em(), clock, db.dataSource());
        visits = new VisitService(db.em(), clock);
        signatures = new SignatureService(db.em(), clock);
        SubjectService subjects = new SubjectService(db.em(), clock);
        DemoLoader loader = new DemoLoader(db.em(), clock, subjects, visits, new UrineScreenService(db.em(), clock),
                new AdverseEventService(db.em(), clock));
        db.run(() -> loader.createStudy(DemoStudyGenerator.studySpec()));
        db.run(() -> {
            for (String name : List.of("coord", "inv", "locky", "reenter", "tokenuser", "other", "admin")) {
                db.em().persist(new AppUser(name, "Dr " + name.toUpperCase(), PasswordHashes.hash(
                        ("pw-" + name).toCharArray()), Set.of(Role.INVESTIGATOR)));
            }
        });
        for (String number : List.of("T-0201", "T-0202")) {
            db.tx(() -> subjects.screen(STUDY, new ScreeningEntry(number, "S01", Sex.F, 1985, TODAY.minusDays(40)),
                    COORDINATOR));
            db.tx(() -> visits.recordVisit(STUDY, number, "BL", new VisitEntry(VisitStatus.DONE,
                    TODAY.minusDays(30)), null, null, COORDINATOR));
            db.tx(() -> visits.addCraving(STUDY, number, "BL", vas(TODAY.minusDays(30), "70"), COORDINATOR));
            db.tx(() -> visits.recordVisit(STUDY, number, "W01", new VisitEntry(VisitStatus.DONE,
                    TODAY.minusDays(23)), null, null, COORDINATOR));
            db.tx(() -> visits.addCraving(STUDY, number, "W01", vas(TODAY.minusDays(23), "60"), COORDINATOR));
        }
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    private static CravingEntry vas(LocalDate on, String value) {
        return new CravingEntry("VAS", on, Map.of("vas", new BigDecimal(value)));
    }

    private LoginOutcome basic(String user, String password) {
        return db.tx(() -> login.authenticate(user, password.toCharArray(), Channel.BASIC, ORIGIN));
    }

    private List<String> outcomes(String user) {
        return audit.loginEvents(Optional.of(user), 100).stream().map(AuditView::newValue).toList();
    }

    @Test
    void passwordHashesUseTheJakartaSecurityEncodingAndTheStandardPbkdf2() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes), the published test vector.
        String vector = "PBKDF2WithHmacSHA256:1:c2FsdA==:Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=";
        assertTrue(PasswordHashes.verify("password".toCharArray(), vector));
        assertFalse(PasswordHashes.verify("Password".toCharArray(), vector));
        assertFalse(PasswordHashes.verify("password".toCharArray(), "MD5:1:c2FsdA==:AAAA"));
        assertFalse(PasswordHashes.verify("password".toCharArray(), "not a hash"));
        String fresh = PasswordHashes.hash("s3cret".toCharArray());
        assertTrue(fresh.startsWith("PBKDF2WithHmacSHA256:2048:"));
        assertTrue(PasswordHashes.verify("s3cret".toCharArray(), fresh));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesAndEveryStepIsAudited() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(new Rejected(Reason.WRONG_PASSWORD), basic("locky", "guess-" + i));
        }
        assertEquals(new Rejected(Reason.LOCKED), basic("locky", "pw-locky"), "the right password is refused too");
        assertEquals(new Rejected(Reason.LOCKED), basic("locky", "pw-locky"));
        List<String> events = outcomes("locky");
        assertEquals(7, events.size(), "5 failures, the lock, one rejected attempt (the second within a minute is"
                + " not repeated): " + events);
        assertTrue(events.get(0).startsWith("rejected: account locked until"), events.get(0));
        assertTrue(events.get(1).startsWith("account locked until"), events.get(1));
        assertEquals("failure: wrong password (5 of 5)", events.get(2));
        assertEquals("failure: wrong password (1 of 5)", events.get(6));

        clock.advanceSeconds(15 * 60);
        assertInstanceOf(Authenticated.class, basic("locky", "pw-locky"), "the lock ends after 15 minutes");
        assertEquals("success", outcomes("locky").get(0));
        assertEquals(new Rejected(Reason.WRONG_PASSWORD), basic("locky", "again wrong"));
        assertEquals("failure: wrong password (1 of 5)", outcomes("locky").get(0), "the count starts afresh");
    }

    @Test
    void anAdministratorCanLiftALockoutAndTheLiftIsAudited() {
        for (int i = 0; i < 5; i++) {
            basic("other", "wrong");
        }
        assertEquals(new Rejected(Reason.LOCKED), basic("other", "pw-other"));
        db.run(() -> login.unlock(Actor.of("admin", Source.API), "other", "called the help desk"));
        assertInstanceOf(Authenticated.class, basic("other", "pw-other"));
        assertThrows(UnknownEntityException.class, () -> db.run(() -> login.unlock(Actor.of("admin", Source.API),
                "nobody", "x")));
    }

    @Test
    void successesAreRecordedOncePerIntervalAndUnknownUsersAreRecordedUnderTheClaimedName() {
        Authenticated who = (Authenticated) basic("coord", "pw-coord");
        assertEquals("Dr COORD", who.fullName());
        assertEquals(Set.of(Role.INVESTIGATOR), who.roles());
        basic("coord", "pw-coord");
        basic("coord", "pw-coord");
        assertEquals(List.of("success"), outcomes("coord"), "HTTP Basic authenticates every call");
        clock.advanceSeconds(16 * 60);
        basic("coord", "pw-coord");
        assertEquals(List.of("success", "success"), outcomes("coord"));

        assertEquals(new Rejected(Reason.UNKNOWN_USER), basic("mallory", "anything"));
        assertEquals(List.of("failure: unknown user"), outcomes("mallory"));
        AuditView event = audit.loginEvents(Optional.of("mallory"), 1).get(0);
        assertEquals("basic from 127.0.0.1", event.sourceRef());
        assertEquals(new Rejected(Reason.UNKNOWN_USER), basic("x".repeat(500), "anything"), "too long a name");
    }

    @Test
    void bearerTokensWorkUntilRevokedOrExpiredAndOnlyTheirDigestIsStored() {
        Actor owner = Actor.of("tokenuser", Source.API);
        IssuedToken issued = db.tx(() -> tokens.issue(owner, "nightly export", Duration.ofHours(1)));
        assertTrue(issued.token().startsWith("stt_") && issued.token().length() > 40, issued.token());
        assertInstanceOf(Authenticated.class, db.tx(() -> login.authenticateToken(issued.token(), ORIGIN)));
        assertEquals(0, db.count("api_token WHERE token_hash = '" + issued.token() + "'"));
        assertTrue(audit.loginEvents(Optional.empty(), 500).stream().noneMatch(v -> String.valueOf(v.newValue())
                .contains(issued.token())));
        assertEquals(new Rejected(Reason.INVALID_TOKEN), db.tx(() -> login.authenticateToken(issued.token() + "x",
                ORIGIN)));

        assertThrows(UnknownEntityException.class, () -> db.run(() -> tokens.revoke(Actor.of("other", Source.API),
                issued.id())), "another user's token is not found");
        db.run(() -> tokens.revoke(owner, issued.id()));
        assertEquals(new Rejected(Reason.INVALID_TOKEN), db.tx(() -> login.authenticateToken(issued.token(),
                ORIGIN)));
        assertFalse(tokens.tokens("tokenuser").get(0).usable());

        IssuedToken shortLived = db.tx(() -> tokens.issue(owner, "short", Duration.ofMinutes(5)));
        clock.advanceSeconds(6 * 60);
        assertEquals(new Rejected(Reason.INVALID_TOKEN), db.tx(() -> login.authenticateToken(shortLived.token(),
                ORIGIN)));
        assertThrows(ValidationFailedException.class, () -> db.tx(() -> tokens.issue(owner, " ",
                Duration.ofHours(1))));
        assertThrows(ValidationFailedException.class, () -> db.tx(() -> tokens.issue(owner, "forever",
                Duration.ofDays(365))));
    }

    @Test
    void aWrongReenteredPasswordCountsTowardsTheLockout() {
        for (int i = 0; i < 4; i++) {
            assertEquals(new Rejected(Reason.WRONG_PASSWORD), db.tx(() -> login.confirm("reenter",
                    "wrong".toCharArray(), "sign visit W01", ORIGIN)));
        }
        assertTrue(outcomes("reenter").get(0).startsWith("failure: wrong password to sign visit W01"));
        assertInstanceOf(Authenticated.class, db.tx(() -> login.confirm("reenter", "pw-reenter".toCharArray(),
                "sign", ORIGIN)));
        assertEquals(new Rejected(Reason.WRONG_PASSWORD), basic("reenter", "wrong"));
        assertEquals(new Rejected(Reason.LOCKED), basic("reenter", "pw-reenter"));
    }

    @Test
    void aVisitSignatureHoldsUntilTheVisitsDataChangeAndThenNamesTheChange() {
        SignatureView signed = db.tx(() -> signatures.sign(INVESTIGATOR, STUDY, "T-0201", Optional.of("W01"),
                SignatureMeaning.REVIEWED_AND_APPROVED));
        assertEquals("visit", signed.scope());
        assertEquals("W01", signed.visit());
        assertEquals("Dr INV", signed.printedName());
        assertEquals("Reviewed and approved", signed.meaningText());
        assertEquals(Status.VALID, signed.status());

        CravingView w01 = visits.cravings(STUDY, "T-0201", "W01").get(0);
        db.tx(() -> visits.changeCraving(STUDY, "T-0201", "BL", vas(TODAY.minusDays(30), "71"),
                visits.cravings(STUDY, "T-0201", "BL").get(0).version(), "transcription error", COORDINATOR));
        assertEquals(Status.VALID, signatures.signatures(STUDY, "T-0201").get(0).status(),
                "a change at another visit leaves the W01 signature valid");

        clock.advanceSeconds(60);
        db.tx(() -> visits.changeCraving(STUDY, "T-0201", "W01", vas(TODAY.minusDays(23), "65"), w01.version(),
                "source document says 65", COORDINATOR));
        SignatureView broken = signatures.signatures(STUDY, "T-0201").get(0);
        assertEquals(Status.INVALIDATED, broken.status());
        assertEquals("coord", broken.invalidation().changedBy());
        assertEquals("CravingAssessment", broken.invalidation().entity());
        assertEquals("source document says 65", broken.invalidation().reason());

        SignatureView again = db.tx(() -> signatures.sign(INVESTIGATOR, STUDY, "T-0201", Optional.of("W01"),
                SignatureMeaning.REVIEWED_AND_APPROVED));
        List<SignatureView> all = signatures.signatures(STUDY, "T-0201");
        assertEquals(List.of(again.id(), signed.id()), all.stream().map(SignatureView::id).toList());
        assertEquals(List.of(Status.VALID, Status.INVALIDATED), all.stream().map(SignatureView::status).toList(),
                "the broken signature stays visible next to the new one");
        assertNull(all.get(0).invalidation());
        assertThrows(UnknownEntityException.class, () -> db.tx(() -> signatures.sign(INVESTIGATOR, STUDY, "T-0201",
                Optional.of("W99"), SignatureMeaning.REVIEWED)));
    }

    @Test
    void aCasebookSignatureBreaksOnAnyVisitAndOnTamperingThatBypassesTheAuditTrail() {
        SignatureView casebook = db.tx(() -> signatures.sign(INVESTIGATOR, STUDY, "T-0202", Optional.empty(),
                SignatureMeaning.RESPONSIBILITY));
        assertEquals("casebook", casebook.scope());
        assertEquals(Status.VALID, signatures.signatures(STUDY, "T-0202").get(0).status());

        int changed = db.sql("UPDATE craving_item_response SET item_value = 12 WHERE assessment_id IN (SELECT c.id FROM"
                + " craving_assessment c JOIN visit v ON c.visit_id = v.id JOIN subject s ON v.subject_id = s.id"
                + " WHERE s.screening_number = 'T-0202')");
        assertTrue(changed > 0);
        db.em().clear();
        SignatureView tampered = signatures.signatures(STUDY, "T-0202").get(0);
        assertEquals(Status.INVALIDATED, tampered.status());
        assertNull(tampered.invalidation().changedBy(), "no audit record names who did it");
        assertTrue(tampered.invalidation().message().contains("no longer match their hash"));
    }
}
