package com.backhaulexchange.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A function's own reading of its Lambda event and writing of its answer, in place of the runtime's serializer
 * (ADR 36): the handler is a {@code RequestStreamHandler} whose stream entry hands the event, read here, to its
 * typed {@code handleRequest(event, context)} and writes what that returns. The runtime's serializer is a second
 * Jackson in every function, about 580 classes loaded on each cold start before the handler runs; this one is
 * the Jackson the function already has.
 *
 * <p>Read as the runtime reads an event into the {@code aws-lambda-java-events} classes: fields the class lacks
 * are ignored and names match whatever their case (an SQS event says {@code Records} and {@code eventSourceARN}
 * for {@code SQSEvent}'s {@code records} and {@code eventSourceArn}). Answers leave out null fields.
 */
public final class JsonEventCodec<I> {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final ObjectReader reader;
    private final ObjectWriter writer = MAPPER.writer();

    private JsonEventCodec(JavaType eventType) {
        this.reader = MAPPER.readerFor(eventType);
    }

    /** For events of a class: {@code APIGatewayProxyRequestEvent}, {@code SQSEvent}... */
    public static <I> JsonEventCodec<I> of(Class<I> eventType) {
        return new JsonEventCodec<>(MAPPER.constructType(eventType));
    }

    /** For a scheduled function's event, read as the JSON object it is. */
    public static JsonEventCodec<Map<String, Object>> ofJsonObject() {
        return new JsonEventCodec<>(MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    public I read(InputStream event) throws IOException {
        return reader.readValue(event);
    }

    public void write(Object answer, OutputStream output) throws IOException {
        writer.writeValue(output, answer);
    }

    /** The stream entry's whole work: the event read, handed to {@code handler}, its answer written. */
    public void answer(InputStream event, OutputStream output, Context context, BiFunction<I, Context, ?> handler)
            throws IOException {
        write(handler.apply(read(event), context), output);
    }
}
