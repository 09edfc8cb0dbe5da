package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyIssuer;
import com.backhaulexchange.partner.apikey.ApiKeyPolicies;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.partner.apikey.IssuedApiKey;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerProfilePolicies;
import com.backhaulexchange.partner.PartnerRepository;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Partner onboarding use cases: each checks the rules first and writes once, atomically,
 * so a rejected command leaves nothing behind.
 */
public final class PartnerOnboardingService {

    public record Registration(Partner partner, IssuedApiKey apiKey) {
    }

    public record Rotation(IssuedApiKey apiKey, ApiKey replacedKey) {
    }

    private final PartnerRepository partners;
    private final ApiKeyIssuer keyIssuer;
    private final Ulid ids;
    private final Clock clock;
    private final Duration defaultRotationGrace;

    public PartnerOnboardingService(PartnerRepository partners, ApiKeyIssuer keyIssuer, Ulid ids, Clock clock,
            Duration defaultRotationGrace) {
        this.partners = partners;
        this.keyIssuer = keyIssuer;
        this.ids = ids;
        this.clock = clock;
        this.defaultRotationGrace = defaultRotationGrace;
    }

    /**
     * Registers a partner with its first key. {@code idempotencyRecordFor}, when given, seals the
     * response for this registration into a record stored in the same transaction.
     */
    public Registration register(PartnerProfile profile, Function<Registration, IdempotencyRecord> idempotencyRecordFor) {
        requireAcceptable(profile);
        var partnerId = new PartnerId(ids.next());
        var registration = new Registration(Partner.registered(partnerId, profile, clock.instant()),
                keyIssuer.issueFor(partnerId));
        var record = idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(registration);
        partners.register(registration.partner(), registration.apiKey().key(), record);
        return registration;
    }

    public Partner partner(PartnerId partnerId) {
        return partners.findById(partnerId).orElseThrow(() -> notFound("partner"));
    }

    /** Replaces the profile if the partner is still at {@code expectedVersion} (the client's If-Match, or the version just read). */
    public Partner updateProfile(PartnerId partnerId, long expectedVersion, PartnerProfile newProfile) {
        requireAcceptable(newProfile);
        var current = partner(partnerId);
        if (current.version() != expectedVersion) {
            throw preconditionFailed();
        }
        var updated = current.withProfile(newProfile, clock.instant());
        try {
            partners.save(updated, expectedVersion);
        } catch (StaleWriteException e) {
            throw preconditionFailed();
        }
        return updated;
    }

    public List<ApiKey> apiKeys(PartnerId partnerId) {
        return partners.listKeys(partnerId).stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .toList();
    }

    /** A new key, stored with {@code idempotencyRecordFor}'s record (null without an Idempotency-Key). */
    public IssuedApiKey createApiKey(PartnerId partnerId, Function<IssuedApiKey, IdempotencyRecord> idempotencyRecordFor) {
        var partner = partner(partnerId);
        requireAllowed(ApiKeyPolicies.mayCreateAnotherKey(partner), ProblemType.CONFLICT);
        var issued = keyIssuer.issueFor(partnerId);
        try {
            partners.addKey(issued.key(), partner.activeApiKeyCount(),
                    idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(issued));
        } catch (StaleWriteException e) {
            throw concurrentChange();
        }
        return issued;
    }

    public Rotation rotateApiKey(PartnerId partnerId, ApiKeyId keyId, Duration requestedGrace,
            Function<Rotation, IdempotencyRecord> idempotencyRecordFor) {
        var grace = requestedGrace == null ? defaultRotationGrace : requestedGrace;
        requireAllowed(ApiKeyPolicies.gracePeriodAllowed(grace), ProblemType.VALIDATION_FAILED);
        var key = partners.findKey(partnerId, keyId).orElseThrow(() -> notFound("API key"));
        requireAllowed(ApiKeyPolicies.mayRotate(key), ProblemType.CONFLICT);
        var successor = keyIssuer.issueFor(partnerId);
        var replaced = key.rotatedTo(successor.key().keyId(), clock.instant().plus(grace));
        var rotation = new Rotation(successor, replaced);
        try {
            partners.rotateKey(replaced, successor.key(),
                    idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(rotation));
        } catch (StaleWriteException e) {
            throw concurrentChange();
        }
        return rotation;
    }

    /** Revokes a key at once; revoking a revoked key changes nothing (DELETE is idempotent). */
    public void revokeApiKey(PartnerId partnerId, ApiKeyId keyId) {
        var key = partners.findKey(partnerId, keyId).orElseThrow(() -> notFound("API key"));
        if (key.status() == ApiKeyStatus.REVOKED) {
            return;
        }
        var partner = partner(partnerId);
        requireAllowed(ApiKeyPolicies.mayRevoke(partner, key), ProblemType.CONFLICT);
        try {
            partners.revokeKey(key.revokedAt(clock.instant()), key.status(), partner.activeApiKeyCount());
        } catch (StaleWriteException e) {
            throw concurrentChange();
        }
    }

    public Page<Partner> partnersWithStatus(PartnerStatus status, int limit, String cursor) {
        return partners.listByStatus(status, limit, cursor);
    }

    /** Suspending a suspended partner keeps the first suspension (its reason and time). */
    public Partner suspend(PartnerId partnerId, String reason) {
        var current = partner(partnerId);
        if (current.isSuspended()) {
            return current;
        }
        return saveOrConflict(current.suspended(reason, clock.instant()), current.version());
    }

    public Partner reinstate(PartnerId partnerId) {
        var current = partner(partnerId);
        if (!current.isSuspended()) {
            return current;
        }
        return saveOrConflict(current.reinstated(clock.instant()), current.version());
    }

    private Partner saveOrConflict(Partner updated, long expectedVersion) {
        try {
            partners.save(updated, expectedVersion);
        } catch (StaleWriteException e) {
            throw concurrentChange();
        }
        return updated;
    }

    private static void requireAcceptable(PartnerProfile profile) {
        var rejections = PartnerProfilePolicies.rejections(profile);
        if (!rejections.isEmpty()) {
            throw ProblemException.invalid(
                    "The profile breaks " + rejections.size() + " rule" + (rejections.size() == 1 ? "." : "s."),
                    rejections.stream().map(r -> new FieldError(r.field(), r.detail() + " (" + r.reasonCode() + ")"))
                            .toList());
        }
    }

    private static void requireAllowed(Decision decision, ProblemType typeWhenRejected) {
        if (decision instanceof Decision.Rejected rejected) {
            List<FieldError> errors = rejected.field() == null ? List.of()
                    : List.of(new FieldError(rejected.field(), rejected.detail()));
            throw new ProblemException(Problem.of(typeWhenRejected, rejected.detail() + " (" + rejected.reasonCode() + ")",
                    errors));
        }
    }

    private static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, "No such " + what + ".");
    }

    private static ProblemException preconditionFailed() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The partner changed since the version in If-Match; read it again and retry.");
    }

    private static ProblemException concurrentChange() {
        return new ProblemException(ProblemType.CONFLICT,
                "Another request changed this partner's keys at the same time; nothing was changed, retry.");
    }
}
