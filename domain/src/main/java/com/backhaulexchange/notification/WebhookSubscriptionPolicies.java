package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.policy.Decision;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules a webhook registration must pass, each a named policy returning a {@link Decision} whose pointer
 * is the request field to blame ({@code /url}, {@code /secret}, {@code /eventTypes}).
 * <ul>
 * <li>The URL is absolute {@code https}, with a host, no user info and no fragment, at most
 * {@value #MAX_URL_LENGTH} characters. Plain {@code http} is accepted for loopback hosts only (localhost,
 * 127.0.0.0/8, ::1), and loopback hosts only where the deployment allows them (the local stack): in AWS a
 * loopback URL would reach the Lambda runtime's own endpoints.</li>
 * <li>An IP-literal host must be a public address: private, link-local (instance metadata), multicast and
 * unspecified addresses are refused, so a webhook cannot be aimed inside our network.</li>
 * <li>The secret is {@value #MIN_SECRET_LENGTH}–{@value #MAX_SECRET_LENGTH} visible ASCII characters.</li>
 * <li>A partner has at most {@value #MAX_WEBHOOKS_PER_PARTNER} webhooks.</li>
 * </ul>
 */
public final class WebhookSubscriptionPolicies {
    public static final int MAX_WEBHOOKS_PER_PARTNER = 3;
    public static final int MIN_SECRET_LENGTH = 32;
    public static final int MAX_SECRET_LENGTH = 256;
    public static final int MAX_URL_LENGTH = 2048;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private WebhookSubscriptionPolicies() {
    }

    /** Every rule the registration breaks, empty when it may be stored. */
    public static List<Decision.Rejected> rejections(String url, String secret, boolean loopbackAllowed) {
        List<Decision.Rejected> rejections = new ArrayList<>();
        for (Decision decision : List.of(urlAcceptable(url, loopbackAllowed), secretAcceptable(secret))) {
            if (decision instanceof Decision.Rejected rejected) {
                rejections.add(rejected);
            }
        }
        return rejections;
    }

    public static Decision urlAcceptable(String text, boolean loopbackAllowed) {
        if (text == null || text.isBlank()) {
            return reject("url-missing", "a webhook needs a URL");
        }
        if (text.length() > MAX_URL_LENGTH) {
            return reject("url-too-long", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return reject("url-malformed", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            return reject("url-not-absolute", "must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return reject("url-user-info", "must not carry credentials; sign-in is the signature's job");
        }
        if (uri.getRawFragment() != null) {
            return reject("url-fragment", "must not have a fragment");
        }
        boolean loopback = isLoopbackHost(uri.getHost());
        if (loopback && !loopbackAllowed) {
            return reject("url-loopback", "must not point at a loopback host here (only the local stack allows it)");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return reject("url-not-https", "must use https (plain http only for a loopback host, for local use)");
        }
        if (!loopback && isNonPublicAddressLiteral(uri.getHost())) {
            return reject("url-private-address", "must not point at a private, link-local or reserved address");
        }
        return Decision.allowed();
    }

    public static Decision secretAcceptable(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            return Decision.rejected("secret-length", "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters", "/secret");
        }
        if (!VISIBLE_ASCII.matcher(secret).matches()) {
            return Decision.rejected("secret-characters", "must be visible ASCII characters (no spaces)", "/secret");
        }
        return Decision.allowed();
    }

    /** A partner that already has {@code currentCount} webhooks may add one more only below the limit. */
    public static Decision mayAddAnother(int currentCount) {
        return currentCount < MAX_WEBHOOKS_PER_PARTNER ? Decision.allowed()
                : Decision.rejected("webhook-limit", "a partner has at most " + MAX_WEBHOOKS_PER_PARTNER
                        + " webhooks; delete one first", null);
    }

    /** localhost (and its subdomains), 127.0.0.0/8 and ::1: names and literals only, nothing is resolved. */
    public static boolean isLoopbackHost(String host) {
        String name = stripBrackets(host).toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        return literalAddress(name).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** An IP literal that is not a public unicast address. Host names are not resolved here. */
    static boolean isNonPublicAddressLiteral(String host) {
        return literalAddress(stripBrackets(host)).map(WebhookSubscriptionPolicies::isNonPublic).orElse(false);
    }

    /** For resolved addresses too: the notifier checks where a host name points before it connects. */
    public static boolean isNonPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }

    private static java.util.Optional<InetAddress> literalAddress(String host) {
        boolean ipv4 = IPV4_LITERAL.matcher(host).matches()
                && java.util.Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean ipv6 = host.contains(":");
        if (!ipv4 && !ipv6) {
            return java.util.Optional.empty();
        }
        try {
            // A literal is parsed, never looked up.
            return java.util.Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Decision reject(String reasonCode, String detail) {
        return Decision.rejected(reasonCode, detail, "/url");
    }
}
