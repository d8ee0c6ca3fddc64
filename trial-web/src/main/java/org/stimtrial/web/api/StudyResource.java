package org.stimtrial.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.stimtrial.instrument.Instrument;
import org.stimtrial.instrument.InstrumentCatalog;
import org.stimtrial.study.StudyService;
import org.stimtrial.study.StudyView;
import org.stimtrial.user.Role;
import org.stimtrial.web.security.CurrentActor;

/** Study configuration: arms, sites, the visit schedule, and the craving instruments. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"COORDINATOR", "INVESTIGATOR", "DATA_MANAGER", "STATISTICIAN", "UNBLINDED_STATISTICIAN", "SPONSOR",
        "ADMINISTRATOR"})
public class StudyResource {
    private static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.shipped();

    @EJB
    private StudyService studies;
    @Inject
    private CurrentActor actor;

    @GET
    @Path("studies")
    public List<StudyView> studies() {
        return studies.studies().stream().map(this::blinded).toList();
    }

    @GET
    @Path("studies/{study}")
    public StudyView study(@PathParam("study") String study) {
        return blinded(studies.study(study));
    }

    /** Arms are shown to the unblinded statistician and the administrator (who configures them) only. */
    private StudyView blinded(StudyView v) {
        return actor.hasRole(Role.UNBLINDED_STATISTICIAN) || actor.hasRole(Role.ADMINISTRATOR) ? v : v.withoutArms();
    }

    @GET
    @Path("instruments")
    public List<InstrumentView> instruments() {
        return INSTRUMENTS.all().stream().map(InstrumentView::of).toList();
    }

    /** An instrument's items and scales. */
    public record InstrumentView(String code, String name, String description, List<ItemView> items,
                                 List<ScaleView> scales) {
        static InstrumentView of(Instrument i) {
            return new InstrumentView(i.code(), i.name(), i.description(),
                    i.items().stream().map(it -> new ItemView(it.code(), it.label(), it.min(), it.max(),
                            it.integer(), it.reverse())).toList(),
                    i.scales().stream().map(s -> new ScaleView(s.code(), s.name(), s.rule().name(), s.items()))
                            .toList());
        }
    }

    /** One item. */
    public record ItemView(String code, String label, java.math.BigDecimal min, java.math.BigDecimal max,
                           boolean integer, boolean reverse) {
    }

    /** One scale. */
    public record ScaleView(String code, String name, String rule, List<String> items) {
    }
}
