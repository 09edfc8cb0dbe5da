package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.fail;

import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.kernel.id.SecretHashing;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The functions of template.yaml as the tests run them: handler classes, environments, API routes. */
final class TemplateFunctions {
    /** Values for template parameters that have no Default (a deployment must supply them). */
    private static final Map<String, String> PARAMETER_SAMPLES = Map.of(
            "OperatorKeySha256", SecretHashing.sha256Hex("bhxop_" + "0".repeat(43)));

    private TemplateFunctions() {
    }

    static String handlerClassName(SamTemplate template, String functionId) {
        String handler = template.effectiveFunctionProperty(functionId, "Handler").asText();
        return handler.split("::", 2)[0];
    }

    static String handlerMethodName(SamTemplate template, String functionId) {
        String[] parts = template.effectiveFunctionProperty(functionId, "Handler").asText().split("::", 2);
        return parts.length == 2 ? parts[1] : "handleRequest";
    }

    static Class<?> handlerClass(SamTemplate template, String functionId) {
        String className = handlerClassName(template, functionId);
        try {
            return Class.forName(className, false, TemplateFunctions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fail("%s's handler %s is not on partner-onboarding's test classpath: add its module (%s) as a"
                    + " test-scoped dependency in functions/partner-onboarding/pom.xml", functionId, className,
                    template.effectiveFunctionProperty(functionId, "CodeUri").asText());
        }
    }

    /**
     * The environment variables Lambda would give the function: those of the template (a Ref to a
     * parameter becomes its Default, a Ref to a resource its logical id) plus the runtime's own.
     */
    static Map<String, String> environment(SamTemplate template, String functionId) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "contract-test");
        environment.put("AWS_SECRET_ACCESS_KEY", "contract-test");
        JsonNode variables = template.effectiveFunctionProperty(functionId, "Environment").path("Variables");
        variables.properties().forEach(variable -> environment.put(variable.getKey(),
                resolve(template, functionId, variable.getKey(), variable.getValue())));
        return environment;
    }

    private static String resolve(SamTemplate template, String functionId, String variable, JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            String name = value.get("Ref").asText();
            JsonNode parameter = template.root().path("Parameters").path(name);
            if (!parameter.isMissingNode()) {
                if (parameter.has("Default")) {
                    return parameter.get("Default").asText();
                }
                if (PARAMETER_SAMPLES.containsKey(name)) {
                    return PARAMETER_SAMPLES.get(name);
                }
                return fail("parameter %s (variable %s of %s) has no Default: add a sample value to"
                        + " TemplateFunctions.PARAMETER_SAMPLES", name, variable, functionId);
            }
            if (!template.resource(name).isMissingNode()) {
                return name;
            }
            return fail("%s of %s refers to %s, which is neither a parameter nor a resource", variable, functionId,
                    name);
        }
        return "unresolved-" + value.fieldNames().next();
    }

    /** Builds the handler through its public Map constructor, as the local stack and the tests do. */
    static Object instantiate(SamTemplate template, String functionId) {
        Class<?> handlerClass = handlerClass(template, functionId);
        try {
            return handlerClass.getConstructor(Map.class).newInstance(environment(template, functionId));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssertionError(functionId + " cannot start with the environment template.yaml gives it: " + cause,
                    cause);
        }
    }

    /** The function's API routes as "METHOD /path", from the {@code Type: Api} events of the template. */
    static Set<String> apiEvents(SamTemplate template, String functionId) {
        Set<String> routes = new LinkedHashSet<>();
        template.resource(functionId).path("Properties").path("Events").properties().forEach(event -> {
            if ("Api".equals(event.getValue().path("Type").asText())) {
                JsonNode properties = event.getValue().path("Properties");
                routes.add(properties.path("Method").asText().toUpperCase(Locale.ROOT) + " "
                        + properties.path("Path").asText());
            }
        });
        return routes;
    }

    /** The routes the handler's ApiRouter serves, through its package-private {@code routeKeys()}. */
    @SuppressWarnings("unchecked")
    static Set<String> routerRoutes(Object handler) {
        try {
            Method routeKeys = handler.getClass().getDeclaredMethod("routeKeys");
            routeKeys.setAccessible(true);
            return Set.copyOf((Set<String>) routeKeys.invoke(handler));
        } catch (NoSuchMethodException e) {
            return fail("%s serves API routes but has no package-private Set<String> routeKeys() (return"
                    + " router.routeKeys()) for the consistency tests", handler.getClass().getName());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The handler's SnapStart priming, through its package-private {@code priming()}. */
    static Priming priming(Object handler) {
        try {
            Method priming = handler.getClass().getDeclaredMethod("priming");
            priming.setAccessible(true);
            return (Priming) priming.invoke(handler);
        } catch (NoSuchMethodException e) {
            return fail("%s runs with SnapStart but has no package-private Priming priming() (ADR 7: register its"
                    + " priming with Priming.register or through ApiFunction, and return it)", handler.getClass().getName());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
