package com.backhaulexchange.adapter.lambda;

import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Failures of an AWS dependency that a later attempt may not meet: throttling (a table or queue over its
 * capacity), a service's own 5xx, a timeout or a broken connection, each after the SDK's own retries. A request
 * that meets one is answered 503 with {@code Retry-After} ({@link #RETRY_AFTER}): nothing it wrote is left half
 * done, since every write of a request is one call or one transaction, and its idempotency record is written in
 * that same call. Anything else (a validation error from the service, a bug) is not transient.
 */
public final class TransientFailures {
    /** How long a client should wait before repeating the request: a few of the SDK's own backoffs. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final int MAX_CAUSES = 10;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            if (current instanceof SdkServiceException service
                    && (service.isThrottlingException() || service.statusCode() >= 500)) {
                return true;
            }
            if (current instanceof ApiCallTimeoutException || current instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
            if (current instanceof SdkClientException && current.getCause() instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
