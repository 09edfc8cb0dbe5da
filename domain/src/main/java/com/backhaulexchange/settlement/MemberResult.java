package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * One member's settled figures, in minor units: its realised gain, its fair share of the realised total by
 * the agreed rule (rounded), the pool transfer, its risk loss / recovery / charge, and its final result =
 * realisedGain + transfer − riskLoss + riskRecovery − riskCharge (= the sum of its ledger lines).
 * {@code fairShareStandardError} is the sampled Shapley value's standard error, null for exact rules.
 */
public record MemberResult(PartnerId member, long realisedGain, long fairShare, long transfer, long riskLoss,
        long riskRecovery, long riskCharge, long finalResult, Double fairShareStandardError) {

    public MemberResult {
        Objects.requireNonNull(member, "member");
        if (finalResult != realisedGain + transfer - riskLoss + riskRecovery - riskCharge) {
            throw new IllegalArgumentException("final result of " + member + " does not add up");
        }
    }
}
