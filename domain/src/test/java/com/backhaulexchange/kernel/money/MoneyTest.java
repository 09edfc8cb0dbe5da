package com.backhaulexchange.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static List<Long> amounts(List<Money> parts) {
        return parts.stream().map(Money::amountMinorUnits).toList();
    }

    @Nested
    @DisplayName("allocate: largest remainder")
    class Allocation {

        @Test
        void oneHundredCentsSplitThreeWaysGivesTheLeftoverCentToTheFirstPart() {
            assertThat(amounts(Money.of(100, "USD").allocate(List.of(1L, 1L, 1L)))).containsExactly(34L, 33L, 33L);
        }

        @Test
        void twoLeftoverCentsGoToTheFirstTwoOfEqualRemainders() {
            assertThat(amounts(Money.of(101, "USD").allocate(List.of(1L, 1L, 1L)))).containsExactly(34L, 34L, 33L);
        }

        @Test
        void theLeftoverCentGoesToThePartWithTheLargestRemainderNotTheFirst() {
            // 100 * 1/3 = 33.33..., 100 * 2/3 = 66.66...: the second part has the larger remainder.
            assertThat(amounts(Money.of(100, "USD").allocate(List.of(1L, 2L)))).containsExactly(33L, 67L);
        }

        @Test
        void aNegativeAmountIsSplitLikeItsMagnitudeWithTheSignKept() {
            assertThat(amounts(Money.of(-100, "USD").allocate(List.of(1L, 1L, 1L))))
                    .containsExactly(-34L, -33L, -33L);
        }

        @Test
        void anExactSplitHasNoLeftover() {
            assertThat(amounts(Money.of(1000, "USD").allocate(List.of(3L, 7L)))).containsExactly(300L, 700L);
        }

        @Test
        void fewerCentsThanPartsGoOneEachToTheEarliestParts() {
            assertThat(amounts(Money.of(5, "USD").allocate(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L))))
                    .containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 0L);
        }

        @Test
        void aPartWithZeroWeightGetsNothing() {
            assertThat(amounts(Money.of(999, "USD").allocate(List.of(0L, 1L, 0L, 2L))))
                    .containsExactly(0L, 333L, 0L, 666L);
        }

        @Test
        void partsKeepTheCurrency() {
            assertThat(Money.of(10, "EUR").allocate(List.of(1L, 1L)))
                    .extracting(Money::currency).containsOnly(Currency.getInstance("EUR"));
        }

        @Test
        void theMostNegativeAmountCanBeAllocatedWhole() {
            assertThat(amounts(Money.of(Long.MIN_VALUE, "USD").allocate(List.of(1L)))).containsExactly(Long.MIN_VALUE);
        }

        @Test
        void theMostNegativeAmountSplitsIntoHalves() {
            assertThat(amounts(Money.of(Long.MIN_VALUE, "USD").allocate(List.of(1L, 1L))))
                    .containsExactly(Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
        }

        @Test
        void theLargestAmountSplitsWithoutOverflow() {
            assertThat(amounts(Money.of(Long.MAX_VALUE, "USD").allocate(List.of(Long.MAX_VALUE - 1, 1L))))
                    .containsExactly(Long.MAX_VALUE - 1, 1L);
        }

        @Test
        void noPartsIsRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").allocate(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aNegativeWeightIsRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").allocate(List.of(2L, -1L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        }

        @Test
        void allZeroWeightsAreRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").allocate(List.of(0L, 0L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
        }

        @Test
        void weightsWhoseSumOverflowsAreRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").allocate(List.of(Long.MAX_VALUE, 1L)))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    @DisplayName("arithmetic")
    class Arithmetic {

        @Test
        void amountsOfTheSameCurrencyAddAndSubtract() {
            assertThat(Money.of(250, "USD").plus(Money.of(-75, "USD"))).isEqualTo(Money.of(175, "USD"));
            assertThat(Money.of(250, "USD").minus(Money.of(300, "USD"))).isEqualTo(Money.of(-50, "USD"));
        }

        @Test
        void addingAnotherCurrencyIsRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").plus(Money.of(100, "EUR")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
        }

        @Test
        void subtractingAnotherCurrencyIsRejected() {
            assertThatThrownBy(() -> Money.of(100, "USD").minus(Money.of(100, "CAD")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
        }

        @Test
        void additionBeyondTheLargestAmountOverflowsLoudly() {
            assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void subtractionBelowTheSmallestAmountOverflowsLoudly() {
            assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "USD").minus(Money.of(1, "USD")))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void onlyAmountsBelowZeroAreNegative() {
            assertThat(Money.of(-1, "USD").isNegative()).isTrue();
            assertThat(Money.zero(Currency.getInstance("USD")).isNegative()).isFalse();
        }
    }

    @Nested
    @DisplayName("currency")
    class Currencies {

        @Test
        void thePseudoCurrencyXxxIsRejected() {
            assertThatThrownBy(() -> Money.of(1, "XXX"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pseudo-currency");
        }

        @Test
        void goldIsNotMoneyForThisExchange() {
            assertThatThrownBy(() -> Money.of(1, "XAU")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCurrencyWithoutDecimalsIsMoney() {
            assertThat(Money.of(500, "JPY").currency().getDefaultFractionDigits()).isZero();
        }

        @Test
        void anUnknownCurrencyCodeIsRejected() {
            assertThatThrownBy(() -> Money.of(1, "ABC")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMissingCurrencyIsRejected() {
            assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
        }
    }
}
