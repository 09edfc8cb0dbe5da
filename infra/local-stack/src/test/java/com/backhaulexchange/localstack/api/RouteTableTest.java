package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.localstack.template.RouteDefinition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteDefinition route(String method, String path, String event) {
        return new RouteDefinition("Fn", event, "Api", method, path, Optional.empty());
    }

    private final RouteTable table = new RouteTable(List.of(
            route("GET", "/partners/{partnerId}", "GetPartner"),
            route("DELETE", "/partners/{partnerId}", "DeletePartner"),
            route("GET", "/partners/me", "GetMe"),
            route("PATCH", "/partners/me", "PatchMe"),
            route("POST", "/partners/{partnerId}/suspend", "Suspend"),
            route("GET", "/partners/me/api-keys/{keyId}", "GetKey"),
            route("GET", "/files/{path+}", "Files"),
            route("GET", "/files/special/{name}", "Special"),
            route("ANY", "/anything", "Anything"),
            route("GET", "/", "Root")));

    private RouteMatch.Found found(String method, String path) {
        RouteMatch match = table.match(method, path);
        assertThat(match).isInstanceOf(RouteMatch.Found.class);
        return (RouteMatch.Found) match;
    }

    @Test
    void literalSegmentsWinOverParameters() {
        assertThat(found("GET", "/partners/me").route().eventName()).isEqualTo("GetMe");
        assertThat(found("GET", "/partners/p-1").route().eventName()).isEqualTo("GetPartner");
        assertThat(found("GET", "/partners/p-1").pathParameters()).containsEntry("partnerId", "p-1");
    }

    @Test
    void parametersWinOverGreedyParameters() {
        RouteMatch.Found special = found("GET", "/files/special/a");
        assertThat(special.route().eventName()).isEqualTo("Special");
        RouteMatch.Found greedy = found("GET", "/files/special/a/b");
        assertThat(greedy.route().eventName()).isEqualTo("Files");
        assertThat(greedy.pathParameters()).containsEntry("path", "special/a/b");
        assertThat(greedy.resource().template()).isEqualTo("/files/{path+}");
    }

    @Test
    void theResourceIsChosenByPathBeforeTheMethod() {
        // /partners/{partnerId} has DELETE, but /partners/me is the resource that matches and it has none.
        assertThat(table.match("DELETE", "/partners/me")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(found("DELETE", "/partners/p-1").route().eventName()).isEqualTo("DeletePartner");
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        assertThat(table.match("GET", "/nothing")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.match("GET", "/partners/p-1/suspend")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.match("GET", "/files")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void anyMatchesEveryMethod() {
        assertThat(found("PUT", "/anything").route().eventName()).isEqualTo("Anything");
        assertThat(found("OPTIONS", "/anything").route().eventName()).isEqualTo("Anything");
    }

    @Test
    void pathParametersAreDecodedAndTrailingSlashesIgnored() {
        assertThat(found("GET", "/partners/a%20b+c").pathParameters()).containsEntry("partnerId", "a b+c");
        assertThat(found("GET", "/partners/me/").route().eventName()).isEqualTo("GetMe");
        assertThat(found("GET", "/").route().eventName()).isEqualTo("Root");
    }

    @Test
    void duplicateRoutesAreRejected() {
        assertThatThrownBy(() -> new RouteTable(List.of(route("GET", "/x", "A"), route("GET", "/x/", "B"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /x").hasMessageContaining("A").hasMessageContaining("B");
    }
}
