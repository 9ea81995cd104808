package org.jointcall.gateway.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAreAndRecordsEndWithCrLf() throws IOException {
        assertThat(csv(List.of("in-1", "NSF", "PROPOSAL_PART"))).isEqualTo("in-1,NSF,PROPOSAL_PART\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() throws IOException {
        assertThat(csv(List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void nullIsAnEmptyFieldAndNonAsciiTextIsKept() throws IOException {
        assertThat(csv(Arrays.asList("in-2", null, "共同研究"))).isEqualTo("in-2,,共同研究\r\n");
    }

    private static String csv(List<?> fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).record(fields);
        return out.toString();
    }
}
