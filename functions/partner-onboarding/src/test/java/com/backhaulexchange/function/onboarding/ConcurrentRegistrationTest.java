package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class ConcurrentRegistrationTest {
    private static final int CLIENTS = 8;

    /** Eight execution environments receive the same registration at once: one partner, one answer. */
    @RepeatedTest(3)
    void concurrentRetriesWithTheSameIdempotencyKeyRegisterOnePartnerAndAllGetItsResponse() throws Exception {
        var onboarding = OnboardingFixture.fresh();
        var key = Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
        List<PartnerOnboardingHandler> environments = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            environments.add(onboarding.newExecutionEnvironment());
        }
        var barrier = new CyclicBarrier(CLIENTS);
        List<Future<Reply>> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (var environment : environments) {
                var event = SampleEvents.load("register-carrier-with-idempotency-key.json", key);
                replies.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return onboarding.send(environment, event);
                }));
            }
            List<Reply> answers = new ArrayList<>();
            for (var reply : replies) {
                answers.add(reply.get(30, TimeUnit.SECONDS));
            }

            assertThat(answers).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
            assertThat(answers).extracting(reply -> RegisteredPartner.from(reply).partnerId()).containsOnly(
                    RegisteredPartner.from(answers.getFirst()).partnerId());
            assertThat(answers).extracting(Reply::body).containsOnly(answers.getFirst().body());
            assertThat(answers).filteredOn(reply -> reply.header("Idempotent-Replayed") == null).hasSize(1);
            assertThat(onboarding.activePartners()).isEqualTo(1);
            Reply listing = onboarding.send("operator-list-partners.json", OnboardingFixture.asOperator());
            assertThat(listing.json().path("items")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
