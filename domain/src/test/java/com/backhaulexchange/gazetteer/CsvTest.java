package com.backhaulexchange.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertThat(Csv.fields("4140963,\"Washington, D.C.\",DC,601723,38.89511,-77.03637"))
                .containsExactly("4140963", "Washington, D.C.", "DC", "601723", "38.89511", "-77.03637");
        assertThat(Csv.fields("1,\"say \"\"hi\"\"\",,x")).containsExactly("1", "say \"hi\"", "", "x");
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.fields("1,\"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
