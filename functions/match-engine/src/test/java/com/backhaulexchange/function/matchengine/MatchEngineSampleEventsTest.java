package com.backhaulexchange.function.matchengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.testing.SampleEventFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The events/match-engine samples are batches SQS's event source mapping would deliver from MatchRequestQueue. */
class MatchEngineSampleEventsTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(MatchEngineFixture.EVENTS)) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(3);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsABatchOfAtMostTheTemplatesBatchSizeFromMatchRequestQueue(Path sample) {
        Map<String, String> values = new HashMap<>();
        SampleEventFiles.placeholders(SampleEventFiles.read(sample)).forEach(name -> values.put(name, name));
        var event = SampleEventFiles.load(sample, SQSEvent.class, values);

        assertThat(event.getRecords()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(event.getRecords()).allSatisfy(record -> {
            assertThat(record.getEventSource()).isEqualTo("aws:sqs");
            assertThat(record.getEventSourceArn()).contains("MatchRequestQueue");
            assertThat(record.getMessageId()).isNotBlank();
            assertThat(record.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp");
        });
        assertThat(event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).distinct())
                .hasSameSizeAs(event.getRecords());
    }
}
