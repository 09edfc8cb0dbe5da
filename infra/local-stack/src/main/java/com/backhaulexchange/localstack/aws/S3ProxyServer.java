package com.backhaulexchange.localstack.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's S3 (ADR 33): S3Proxy in this JVM, in a class loader of its own, as
 * {@code com.backhaulexchange.testing.S3ProxyServer} starts it for the tests: S3Proxy serves S3 on Jetty 11, DynamoDB Local on
 * Jetty 12, and one class path cannot hold both. The jars are those the {@code s3proxy-classpath} module listed at
 * build time; the class loader's parent is the platform's, so nothing of this class path (Jetty 12, SLF4J) is seen
 * from inside. A transient (in-memory) jclouds blob store, and AWS signature checking (V2 or V4, presigned URLs
 * included) with the dummy credentials every local function has ({@value #ACCESS_KEY} / {@value #SECRET_KEY}).
 * Browsers may PUT and GET through presigned URLs from the given origins only (the console's, which the stack serves):
 * CORS as the documents bucket has it in AWS, never {@code *}.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    private static final String CLASSPATH_RESOURCE = "/s3proxy.classpath";

    private final URLClassLoader loader;
    private final Object proxy;
    private final Object blobStore;
    private final URI endpoint;

    private S3ProxyServer(List<String> browserOrigins) throws Exception {
        loader = new URLClassLoader("s3proxy", jars(), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            quietLogging(loader);
            Class<?> contextBuilder = loader.loadClass("org.jclouds.ContextBuilder");
            Object builder = contextBuilder.getMethod("newBuilder", String.class).invoke(null, "transient");
            builder = contextBuilder.getMethod("credentials", String.class, String.class).invoke(builder, ACCESS_KEY,
                    SECRET_KEY);
            Class<?> blobStoreContext = loader.loadClass("org.jclouds.blobstore.BlobStoreContext");
            Object context = contextBuilder.getMethod("build", Class.class).invoke(builder, blobStoreContext);
            blobStore = blobStoreContext.getMethod("getBlobStore").invoke(context);

            int port = freePort();
            endpoint = URI.create("http://127.0.0.1:" + port);
            Class<?> s3Proxy = loader.loadClass("org.gaul.s3proxy.S3Proxy");
            Object proxyBuilder = s3Proxy.getMethod("builder").invoke(null);
            Class<?> builderType = proxyBuilder.getClass();
            Class<?> blobStoreType = loader.loadClass("org.jclouds.blobstore.BlobStore");
            builderType.getMethod("blobStore", blobStoreType).invoke(proxyBuilder, blobStore);
            builderType.getMethod("endpoint", URI.class).invoke(proxyBuilder, endpoint);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object authentication = Enum.valueOf((Class<Enum>) loader.loadClass("org.gaul.s3proxy.AuthenticationType"),
                    "AWS_V2_OR_V4");
            builderType.getMethod("awsAuthentication", authentication.getClass(), String.class, String.class)
                    .invoke(proxyBuilder, authentication, ACCESS_KEY, SECRET_KEY);
            if (!browserOrigins.isEmpty()) {
                Class<?> cors = loader.loadClass("org.gaul.s3proxy.CrossOriginResourceSharing");
                // S3Proxy reads each origin as a regular expression: quoted, an origin matches itself only.
                List<String> patterns = browserOrigins.stream()
                        .map(origin -> "^" + java.util.regex.Pattern.quote(origin) + "$").toList();
                Object rules = cors.getConstructor(List.class, List.class, List.class, List.class, String.class)
                        .newInstance(patterns, List.of("GET", "PUT", "HEAD"), List.of("content-type"),
                                List.of("ETag"), "");
                builderType.getMethod("corsRules", cors).invoke(proxyBuilder, rules);
            }
            proxy = builderType.getMethod("build").invoke(proxyBuilder);
            s3Proxy.getMethod("start").invoke(proxy);
            Method state = s3Proxy.getMethod("getState");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!"STARTED".equals(state.invoke(proxy)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (!"STARTED".equals(state.invoke(proxy))) {
                throw new IllegalStateException("S3Proxy is " + state.invoke(proxy) + ", not STARTED");
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** S3Proxy that browsers on {@code browserOrigins} (e.g. {@code http://localhost:3000}) may use; none: no CORS. */
    public static S3ProxyServer start(List<String> browserOrigins) {
        try {
            return new S3ProxyServer(List.copyOf(browserOrigins));
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket (a jclouds container), as the template's bucket resource would be. */
    public void createBucket(String name) {
        try {
            Class<?> location = loader.loadClass("org.jclouds.domain.Location");
            blobStore.getClass().getMethod("createContainerInLocation", location, String.class).invoke(blobStore, null,
                    name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create bucket " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            proxy.getClass().getMethod("stop").invoke(proxy);
            loader.close();
        } catch (Exception ignored) {
            // stopping: nothing more to do
        }
    }

    /**
     * Without a logback.xml on its class path, S3Proxy's logback logs every Jetty and jclouds step at DEBUG to standard
     * output (thousands of lines per test class); warnings and errors are all this JVM's readers need.
     */
    private static void quietLogging(ClassLoader loader) throws ReflectiveOperationException {
        Object loggerFactory = loader.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        Object root = loggerFactory.getClass().getMethod("getLogger", String.class).invoke(loggerFactory, "ROOT");
        Class<?> level = loader.loadClass("ch.qos.logback.classic.Level");
        root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
    }

    private static URL[] jars() throws IOException {
        String classpath;
        try (InputStream in = S3ProxyServer.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the s3proxy-classpath module");
            }
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
