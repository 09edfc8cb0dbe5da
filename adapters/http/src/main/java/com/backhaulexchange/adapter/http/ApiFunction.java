package com.backhaulexchange.adapter.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.lambda.AuthorizerContext;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an API Gateway function is once it is wired: its routes and its SnapStart priming. A handler builds one
 * in its constructor and hands each invocation to {@link #handle}; the routes turn every failure into a
 * problem ({@link ApiRouter}).
 *
 * <p>The priming runs a request for a route no function serves through the router first (the request, the
 * authorizer's principal, the 404 problem and its JSON), then the function's own steps: compiling the schemas
 * its routes validate against and reading ids nothing has. It is registered on construction and held here, so
 * it lives as long as the handler (CRaC holds resources weakly).
 */
public final class ApiFunction {
    /** The request id of the priming request, and the path no route has. */
    static final String PRIMING_REQUEST_ID = "snapstart-priming";
    static final String PRIMING_PATH = "/snapstart-priming";

    private final ApiRouter router;
    private final Priming priming;

    /** Serves {@code router}'s routes; {@code priming} are the function's steps, after the router's own. */
    public ApiFunction(Class<?> handler, ApiRouter router, Priming.Step... priming) {
        this.router = router;
        List<Priming.Step> steps = new ArrayList<>();
        steps.add(this::primeRouting);
        steps.addAll(List.of(priming));
        this.priming = Priming.register(handler, steps);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context.getLogger());
    }

    /** The routes served ("METHOD /path/{template}"), for the template/OpenAPI consistency tests. */
    public Set<String> routeKeys() {
        return router.routeKeys();
    }

    public Priming priming() {
        return priming;
    }

    private void primeRouting() {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(PRIMING_REQUEST_ID);
        context.setAuthorizer(new HashMap<>(AuthorizerContext.of(new Principal.PartnerPrincipal(
                new PartnerId(Priming.ABSENT_ID), EnumSet.of(PartnerRole.CARRIER), new ApiKeyId("000000000000")))));
        var event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withResource(PRIMING_PATH)
                .withPath(PRIMING_PATH)
                .withHeaders(Map.of("Accept", "application/json"))
                .withRequestContext(context);
        int status = router.handle(event, SILENT).getStatusCode();
        if (status != 404) {
            throw new IllegalStateException("the priming request " + PRIMING_PATH + " was answered " + status
                    + ", not 404: no route may have that path");
        }
    }

    /** The priming request is not a request anyone made: its "request rejected" line is not logged. */
    private static final LambdaLogger SILENT = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };
}
