package org.stimtrial.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The system clock in UTC; services convert to a site's time zone where a local date matters. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
