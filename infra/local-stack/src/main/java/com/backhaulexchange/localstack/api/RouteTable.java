package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.template.RouteDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of all the template's APIs. As in API Gateway the resource is chosen by path alone (the most
 * specific matching template), then the method on that resource ({@code ANY} as a fallback): a method the
 * chosen resource does not have is not found, even if a less specific resource has it.
 */
public final class RouteTable {

    private static final String ANY = "ANY";

    private final Map<PathTemplate, Map<String, RouteDefinition>> resources;

    public RouteTable(List<RouteDefinition> routes) {
        Map<PathTemplate, Map<String, RouteDefinition>> byResource = new LinkedHashMap<>();
        for (RouteDefinition route : routes) {
            Map<String, RouteDefinition> methods =
                    byResource.computeIfAbsent(PathTemplate.parse(route.path()), path -> new LinkedHashMap<>());
            RouteDefinition clash = methods.putIfAbsent(route.method(), route);
            if (clash != null) {
                throw new IllegalArgumentException(route.method() + " " + route.path() + " is declared twice: by event "
                        + clash.eventName() + " of " + clash.functionLogicalId() + " and by event " + route.eventName()
                        + " of " + route.functionLogicalId());
            }
        }
        this.resources = byResource;
    }

    public RouteMatch match(String method, String rawPath) {
        Optional<Map.Entry<PathTemplate, Map<String, String>>> resource = resources.keySet().stream()
                .flatMap(template -> template.match(rawPath).map(parameters -> Map.entry(template, parameters)).stream())
                .min(Map.Entry.comparingByKey());
        if (resource.isEmpty()) {
            return new RouteMatch.NotFound();
        }
        Map<String, RouteDefinition> methods = resources.get(resource.get().getKey());
        RouteDefinition route = methods.containsKey(method) ? methods.get(method) : methods.get(ANY);
        if (route == null) {
            return new RouteMatch.NotFound();
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        resource.get().getValue().forEach((name, value) -> decoded.put(name, PercentEncoding.decodePath(value)));
        return new RouteMatch.Found(route, resource.get().getKey(), decoded);
    }

    /** All routes, most specific path first, for printing. */
    public List<RouteDefinition> routes() {
        List<RouteDefinition> all = new ArrayList<>();
        resources.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(PathTemplate::template)))
                .forEach(entry -> all.addAll(entry.getValue().values()));
        return all;
    }
}
