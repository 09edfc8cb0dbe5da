package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /places}: the type-ahead of the console's place fields, over the bundled gazetteer. */
class PlaceSearchTest {
    private LanePostingFixture fixture;

    @BeforeEach
    void freshFunction() {
        fixture = new LanePostingFixture();
    }

    private Reply search(Caller caller, String query, String limit) {
        return fixture.send("search-places.json", caller.values("QUERY", query, "LIMIT", limit));
    }

    @Test
    void typingSpringOffersSpringfieldMissouriWithItsCoordinatesAndTimeZone() {
        Reply reply = search(Caller.carrier(), "Spring", "10");

        assertThat(reply.status()).isEqualTo(200);
        var items = reply.json().path("items");
        assertThat(items).hasSizeLessThanOrEqualTo(10);
        assertThat(items.findValuesAsText("label")).contains("Springfield, MO", "Springfield, IL");
        var springfield = items.findParents("label").stream()
                .filter(item -> item.path("label").asText().equals("Springfield, MO")).findFirst().orElseThrow();
        assertThat(springfield.path("name").asText()).isEqualTo("Springfield");
        assertThat(springfield.path("stateOrCountry").asText()).isEqualTo("MO");
        assertThat(springfield.path("countryCode").asText()).isEqualTo("US");
        assertThat(springfield.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(springfield.path("latitudeDegrees").asDouble()).isBetween(37.0, 37.5);
        assertThat(springfield.path("longitudeDegrees").asDouble()).isBetween(-93.5, -93.0);
    }

    @Test
    void caseDoesNotMatterAndTheLimitHolds() {
        assertThat(search(Caller.shipper(), "sPRING", "3").json().path("items")).hasSize(3);
        assertThat(search(Caller.broker(), "spring", "10").body()).isEqualTo(search(Caller.broker(), "SPRING", "10").body());
    }

    @Test
    void aNameNoPlaceHasFindsNothing() {
        Reply reply = search(Caller.carrier(), "Xqzzyvwk", "10");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("items")).isEmpty();
    }

    @Test
    void aMissingBlankOrLongQueryOrABadLimitIsA400WithItsPointer() {
        assertThat(search(Caller.carrier(), "  ", "10").errorPointers()).containsExactly("#/query/query");
        assertThat(search(Caller.carrier(), "x".repeat(101), "10").errorPointers()).containsExactly("#/query/query");
        assertThat(search(Caller.carrier(), "Spring", "51").errorPointers()).containsExactly("#/query/limit");
        assertThat(search(Caller.carrier(), "Spring", "0").errorPointers()).containsExactly("#/query/limit");

        var event = LaneSampleEvents.load("search-places.json", Caller.carrier().values("QUERY", "x", "LIMIT", "1"));
        event.setQueryStringParameters(new HashMap<>(Map.of("limit", "5")));
        event.setMultiValueQueryStringParameters(new HashMap<>(Map.of("limit", List.of("5"))));
        Reply missing = fixture.send(event);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorPointers()).containsExactly("#/query/query");
    }
}
