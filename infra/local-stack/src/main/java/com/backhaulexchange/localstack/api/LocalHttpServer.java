package com.backhaulexchange.localstack.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server the local API and the {@code /_local} endpoints run on, on loopback only. Requests are
 * served concurrently by a thread pool. Clients reach it through a {@link RequestGate}, which answers requests
 * the JDK server would refuse with an HTML page the way API Gateway does: with the API's gateway responses.
 */
public final class LocalHttpServer implements AutoCloseable {

    public static final String ADMIN_PREFIX = "/_local/";
    private static final int THREADS = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestGate gate;

    private LocalHttpServer(HttpServer server, ExecutorService executor, RequestGate gate) {
        this.server = server;
        this.executor = executor;
        this.gate = gate;
    }

    /**
     * Listens on {@code port} (0 = any free port) and serves {@code api} at / and {@code admin} under /_local/;
     * {@code api} also answers the requests refused before routing; {@code site}, if any, is served under its prefix,
     * and the public tracking page at /track/.
     */
    public static LocalHttpServer start(int port, ApiGatewayRouter api, HttpHandler admin, Optional<StaticSite> site) {
        return start(port, api, admin, site, new TrackingPage());
    }

    static LocalHttpServer start(int port, ApiGatewayRouter api, HttpHandler admin, Optional<StaticSite> site,
            TrackingPage trackingPage) {
        HttpServer server;
        RequestGate gate;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            gate = RequestGate.open(port, server.getAddress().getPort(), api::renderRefusal);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is already in use; choose another one (--port)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the HTTP server on port " + port, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "local-api-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", api);
        server.createContext(ADMIN_PREFIX, admin);
        // As for the site: /trackings/... is the API's.
        server.createContext("/track", exchange -> {
            if (trackingPage.serves(exchange.getRequestURI().getPath())) {
                trackingPage.handle(exchange);
            } else {
                api.handle(exchange);
            }
        });
        // The JDK server matches contexts by string prefix: /consoles would reach the site's context too, so
        // what is not the site's goes on to the API, as it would without a site.
        site.ifPresent(staticSite -> server.createContext(
                staticSite.prefix().substring(0, staticSite.prefix().length() - 1), exchange -> {
                    if (staticSite.serves(exchange.getRequestURI().getPath())) {
                        staticSite.handle(exchange);
                    } else {
                        api.handle(exchange);
                    }
                }));
        server.start();
        return new LocalHttpServer(server, executor, gate);
    }

    public int port() {
        return gate.port();
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    @Override
    public void close() {
        gate.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
