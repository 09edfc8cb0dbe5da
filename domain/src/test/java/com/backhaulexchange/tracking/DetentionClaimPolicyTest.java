package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.CARRIER;
import static com.backhaulexchange.tracking.TrackingExamples.SHIPPER;
import static com.backhaulexchange.tracking.TrackingExamples.STRANGER;
import static com.backhaulexchange.tracking.TrackingExamples.booking;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.tracking.DetentionClaimPolicy.Answer;
import com.backhaulexchange.tracking.DetentionClaimPolicy.Outcome;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetentionClaimPolicyTest {
    private static final Instant NOW = monday(20, 0);
    private static final TrackedBooking BOOKING = booking(BookingStatus.PICKED_UP);
    /** At the pickup from 08:00 to 11:30: 1.5 hours beyond the 2 free, USD 75. */
    private static final Optional<Detention> COMPUTED = DetentionCalculator.compute(BOOKING.pickup(),
            new StopProgress(monday(8, 0), monday(11, 30), null, false), AccessorialTerms.usualUsd());

    private static TrackingReasonCode refusal(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) outcome).refusal().reason();
    }

    private static DetentionClaim claimed() {
        return ((Outcome.Done) DetentionClaimPolicy.claim(BOOKING, CARRIER, COMPUTED, Optional.empty(), NOW)).claim();
    }

    @Test
    void the_carrier_claims_the_computed_charge() {
        var done = (Outcome.Done) DetentionClaimPolicy.claim(BOOKING, CARRIER, COMPUTED, Optional.empty(), NOW);

        assertThat(done.changed()).isTrue();
        assertThat(done.claim().status()).isEqualTo(DetentionClaim.Status.CLAIMED);
        assertThat(done.claim().detention().charge().amountMinorUnits()).isEqualTo(7_500);
        assertThat(done.claim().claimedAt()).isEqualTo(NOW);
    }

    @Test
    void only_the_carrier_claims_and_a_stranger_learns_nothing() {
        assertThat(refusal(DetentionClaimPolicy.claim(BOOKING, SHIPPER, COMPUTED, Optional.empty(), NOW)))
                .isEqualTo(TrackingReasonCode.WRONG_PARTY);
        assertThat(refusal(DetentionClaimPolicy.claim(BOOKING, STRANGER, COMPUTED, Optional.empty(), NOW)))
                .isEqualTo(TrackingReasonCode.NOT_A_PARTY);
        assertThat(DetentionClaimPolicy.mayRead(BOOKING, STRANGER)).isPresent();
        assertThat(DetentionClaimPolicy.mayRead(BOOKING, SHIPPER)).isEmpty();
    }

    @Test
    void nothing_to_claim_before_the_departure_or_within_the_free_time() {
        var withinFreeTime = DetentionCalculator.compute(BOOKING.pickup(),
                new StopProgress(monday(8, 0), monday(9, 30), null, false), AccessorialTerms.usualUsd());

        assertThat(refusal(DetentionClaimPolicy.claim(BOOKING, CARRIER, Optional.empty(), Optional.empty(), NOW)))
                .isEqualTo(TrackingReasonCode.NOT_DEPARTED);
        assertThat(refusal(DetentionClaimPolicy.claim(BOOKING, CARRIER, withinFreeTime, Optional.empty(), NOW)))
                .isEqualTo(TrackingReasonCode.NO_DETENTION);
        assertThat(refusal(DetentionClaimPolicy.claim(booking(BookingStatus.CANCELLED), CARRIER, COMPUTED,
                Optional.empty(), NOW))).isEqualTo(TrackingReasonCode.BOOKING_CANCELLED);
    }

    @Test
    void claiming_again_answers_the_claim_as_it_stands() {
        DetentionClaim claim = claimed();

        var again = (Outcome.Done) DetentionClaimPolicy.claim(BOOKING, CARRIER, COMPUTED, Optional.of(claim),
                NOW.plusSeconds(60));

        assertThat(again.changed()).isFalse();
        assertThat(again.claim()).isEqualTo(claim);
    }

    @Test
    void the_shipper_confirms_once_and_a_replay_changes_nothing() {
        var confirmed = (Outcome.Done) DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(claimed()),
                Answer.CONFIRM, null, NOW);
        var replay = (Outcome.Done) DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(confirmed.claim()),
                Answer.CONFIRM, null, NOW.plusSeconds(60));

        assertThat(confirmed.changed()).isTrue();
        assertThat(confirmed.claim().status()).isEqualTo(DetentionClaim.Status.CONFIRMED);
        assertThat(confirmed.claim().decidedAt()).isEqualTo(NOW);
        assertThat(replay.changed()).isFalse();
        assertThat(replay.claim()).isEqualTo(confirmed.claim());
        assertThat(refusal(DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(confirmed.claim()),
                Answer.DISPUTE, "too long", NOW))).isEqualTo(TrackingReasonCode.ALREADY_CONFIRMED);
    }

    @Test
    void a_dispute_says_why_and_is_final() {
        var disputed = (Outcome.Done) DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(claimed()),
                Answer.DISPUTE, "  The driver was at the gate at 10:40, not 08:00.  ", NOW);

        assertThat(disputed.claim().status()).isEqualTo(DetentionClaim.Status.DISPUTED);
        assertThat(disputed.claim().disputeReason()).isEqualTo("The driver was at the gate at 10:40, not 08:00.");
        assertThat(refusal(DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(disputed.claim()),
                Answer.CONFIRM, null, NOW))).isEqualTo(TrackingReasonCode.ALREADY_DISPUTED);
        var blank = (Outcome.Refused) DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.of(claimed()),
                Answer.DISPUTE, "   ", NOW);
        assertThat(blank.refusal().reason()).isEqualTo(TrackingReasonCode.REASON_REQUIRED);
        assertThat(blank.refusal().field()).isEqualTo("/reason");
    }

    @Test
    void only_the_shipper_answers_and_only_a_claim() {
        assertThat(refusal(DetentionClaimPolicy.answer(BOOKING, CARRIER, Optional.of(claimed()), Answer.CONFIRM,
                null, NOW))).isEqualTo(TrackingReasonCode.WRONG_PARTY);
        assertThat(refusal(DetentionClaimPolicy.answer(BOOKING, STRANGER, Optional.of(claimed()), Answer.CONFIRM,
                null, NOW))).isEqualTo(TrackingReasonCode.NOT_A_PARTY);
        assertThat(refusal(DetentionClaimPolicy.answer(BOOKING, SHIPPER, Optional.empty(), Answer.CONFIRM, null,
                NOW))).isEqualTo(TrackingReasonCode.NOT_CLAIMED);
    }
}
