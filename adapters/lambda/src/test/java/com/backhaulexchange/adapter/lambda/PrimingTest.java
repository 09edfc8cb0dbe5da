package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void theStepsRunInOrderBeforeTheCheckpointAndNothingRunsAfterRestore() throws Exception {
        List<String> ran = new ArrayList<>();
        var priming = Priming.register(PrimingTest.class, () -> ran.add("schemas"), () -> ran.add("read"));

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(ran).containsExactly("schemas", "read");
        assertThat(priming.steps()).isEqualTo(2);
        assertThat(priming).hasToString("Priming[PrimingTest, 2 steps]");
    }

    @Test
    void aStepThatFailsFailsTheCheckpointSoNoVersionIsPublishedUnprimed() {
        List<String> ran = new ArrayList<>();
        var priming = Priming.register(PrimingTest.class, () -> {
            throw new IllegalStateException("the table does not exist");
        }, () -> ran.add("never"));

        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).hasMessage("the table does not exist");
        assertThat(ran).isEmpty();
    }

    @Test
    void theAbsentIdHasTheShapeOfAUlid() {
        assertThat(Priming.ABSENT_ID).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+");
    }
}
