package org.stimtrial.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {
    record Visit(String code, LocalDate date) {
    }

    private final RecordElResolver resolver = new RecordElResolver();

    @Test
    void readsARecordComponentAndMarksThePropertyResolved() {
        ELContext context = new Context();
        Object value = resolver.getValue(context, new Visit("W01", LocalDate.of(2026, 11, 2)), "date");
        assertEquals(LocalDate.of(2026, 11, 2), value);
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void leavesOtherPropertiesAndObjectsToTheNextResolver() {
        ELContext context = new Context();
        assertNull(resolver.getValue(context, new Visit("W01", null), "nextVisit"));
        assertFalse(context.isPropertyResolved());
        assertNull(resolver.getValue(context, "not a record", "length"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = new Context();
        assertTrue(resolver.isReadOnly(context, new Visit("W01", null), "code"));
        assertThrows(PropertyNotWritableException.class,
                () -> resolver.setValue(new Context(), new Visit("W01", null), "code", "W02"));
    }

    private static final class Context extends ELContext {
        @Override
        public ELResolver getELResolver() {
            return new RecordElResolver();
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }
}
