package com.backhaulexchange.adapter.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.http.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aFewErrorsAreListedAsTheyCame() {
        var errors = List.of(new FieldError("/b", "is bad"), new FieldError("/a", "is bad too"));
        assertThat(Problem.of(ProblemType.VALIDATION_FAILED, "two", errors).errors()).isEqualTo(errors);
    }

    @Test
    void manyErrorsAreCutToTheFirstHundredByPointerAndACount() {
        var errors = IntStream.range(0, 100_000).mapToObj(i -> new FieldError("/coalitions/" + (99_999 - i),
                "integer found, object expected")).toList();

        var listed = Problem.of(ProblemType.VALIDATION_FAILED, "many", errors).errors();

        assertThat(listed).hasSize(Problem.MAX_LISTED_ERRORS + 1);
        assertThat(listed.get(0).pointer()).isEqualTo("/coalitions/0");
        assertThat(listed.get(1).pointer()).isEqualTo("/coalitions/1");
        assertThat(listed.get(Problem.MAX_LISTED_ERRORS)).isEqualTo(
                new FieldError("", "99900 more errors are not listed; the first 100 by pointer are."));
    }

    @Test
    void noInputMakesAProblemBodyLargerThan64KiB() {
        String echoed = "\u0001\"é\uD83D\uDE00".repeat(50_000);
        var errors = IntStream.range(0, 10_000).mapToObj(i -> new FieldError("/" + i + echoed, echoed)).toList();

        var response = ApiResponse.problem(MAPPER, Problem.of(ProblemType.VALIDATION_FAILED, echoed, errors), "r-1");

        assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        assertThat(response.body()).contains("more errors are not listed");
    }
}
