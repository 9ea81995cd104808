package org.jointcall.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaTypeStepTest {

    private final MediaTypeStep step = new MediaTypeStep();

    @Test
    void theAdaptersMediaTypeIsAcceptedWithParametersAndInAnyCase() {
        assertThatCode(() -> step.process(TranslationStepTest.posted("NSF", "Application/JSON; charset=utf-8", new byte[0])))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherMediaTypeIsRefusedWith415NamingWhatTheAgencySends() {
        assertThatThrownBy(() -> step.process(TranslationStepTest.posted("DFG", "application/json", new byte[0])))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(415);
                    assertThat(e.problem().detail()).contains("application/json").contains("DFG sends application/xml");
                });
    }
}
