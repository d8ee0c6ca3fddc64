package org.stimtrial.subject;

import java.time.LocalDate;

/** A subject as the API shows it to every role: no arm, no allocation. */
public record SubjectView(String screeningNumber, String site, String sex, int yearOfBirth, LocalDate consentDate,
                          String status, LocalDate statusDate, String statusReason, long version) {
    public static SubjectView of(Subject s) {
        return new SubjectView(s.screeningNumber().value(), s.site().code(), s.sex().name(), s.yearOfBirth(),
                s.consentDate(), s.status().name(), s.statusDate(), s.statusReason().orElse(null), s.version());
    }
}
