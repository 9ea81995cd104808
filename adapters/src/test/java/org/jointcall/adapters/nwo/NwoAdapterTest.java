package org.jointcall.adapters.nwo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.TranslationNote;
import org.junit.jupiter.api.Test;

class NwoAdapterTest {

    private final NwoAdapter adapter = new NwoAdapter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = NwoAdapterTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void organisationPathKeepsTheUniversityAndReportsFacultyAndDepartment() throws IOException {
        InboundTranslation in = adapter.toCanonical(sample("proposal.json"));

        assertThat(in.message().getProposalPart().getPersons().get(0).getAffiliation().getName()).isEqualTo("Delft University of Technology");
        assertThat(in.report().fields(TranslationNote.Kind.NOT_CARRIED)).containsExactly("/project/project_members/0/organisation");
        assertThat(in.report().notes().get(0).detail()).contains("Faculty of Applied Sciences||Department of Quantum Nanoscience");
    }

    @Test
    void qualificationWordsAreKeptVerbatim() throws IOException {
        var review = adapter.toCanonical(sample("review.json")).message().getReviewResult();

        assertThat(review.getNativeScale()).isEqualTo("NWO_WORDS");
        assertThat(review.getNativeScore()).isEqualTo("very good");
    }
}
